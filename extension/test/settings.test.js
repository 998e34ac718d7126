// @ts-check
const test = require("node:test");
const assert = require("node:assert/strict");
const { ql } = require("./helpers.js");

test("the service URL default is in lib/config.js, on the default port", () => {
  assert.equal(ql().config.DEFAULTS.serviceUrl, `http://127.0.0.1:${ql().config.DEFAULT_PORT}`);
  assert.equal(ql().config.DEFAULT_PORT, 8765);
});

test("only loopback http(s) service URLs are accepted", () => {
  const { checkServiceUrl } = ql().settings;
  assert.deepEqual(checkServiceUrl(" http://127.0.0.1:9000/ "), { ok: true, url: "http://127.0.0.1:9000" });
  assert.deepEqual(checkServiceUrl("http://localhost:8765"), { ok: true, url: "http://localhost:8765" });
  for (const bad of ["https://quotes.example.com", "http://192.168.1.5:8765", "ftp://127.0.0.1", "127.0.0.1:8765",
    "http://user:pw@127.0.0.1:8765", "http://127.0.0.1.nip.io:8765"]) {
    assert.equal(checkServiceUrl(bad).ok, false, bad);
  }
});

test("sites to skip: one host per line, URLs reduced to hosts, subdomains included", () => {
  const { parseSiteList, isSkipped } = ql().settings;
  const list = parseSiteList("Mail.Example.com\n\nhttps://bank.example/login\n*.intranet.test, mail.example.com");
  assert.deepEqual(list, ["mail.example.com", "bank.example", "intranet.test"]);
  assert.ok(isSkipped("www.bank.example", list));
  assert.ok(isSkipped("intranet.test", list));
  assert.ok(!isSkipped("notbank.example", list));
});

test("the service-down message names the exact command, with the port when it is not the default", () => {
  const { serveCommand } = ql().settings;
  assert.equal(serveCommand("http://127.0.0.1:8765"), "quotelens serve");
  assert.equal(serveCommand("http://127.0.0.1:9001"), "quotelens serve --port 9001");
});

test("contract problems are named, a good result has none", () => {
  const { problemWith } = ql().contract;
  const good = require("./fixtures/seed-contract.json");
  assert.equal(problemWith(good), null);
  assert.match(problemWith({ ...good, schema_version: 2 }), /schema_version/);
  assert.match(problemWith({ ok: false, status: 422 }), /schema_version/);
  assert.match(problemWith({ ...good, quotes: [{ id: "q1", contents: [] }] }), /without contents/);
});
