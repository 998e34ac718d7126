// @ts-check
// The extension as a package: files the manifest names exist, scripts load in dependency order,
// permissions stay minimal, and no server string can reach innerHTML.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { EXT } = require("./helpers.js");

const manifest = JSON.parse(fs.readFileSync(path.join(EXT, "manifest.json"), "utf8"));

/** Every file under extension/ except tests and tools. @param {string} dir @returns {string[]} */
function files(dir = EXT) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return ["test", "tools", "node_modules"].includes(d.name) ? [] : files(p);
    return [p];
  });
}

test("every file the manifest names exists", () => {
  const named = [
    manifest.background.service_worker, ...manifest.background.scripts,
    ...manifest.content_scripts.flatMap((/** @type {any} */ c) => [...c.js, ...c.css]),
    manifest.action.default_popup, manifest.side_panel.default_path, manifest.sidebar_action.default_panel,
    manifest.options_ui.page, ...Object.values(manifest.icons),
  ];
  for (const f of named) assert.ok(fs.existsSync(path.join(EXT, f)), f);
});

test("content scripts load each lib before the files that use it", () => {
  const order = manifest.content_scripts[0].js;
  const at = (/** @type {string} */ f) => order.indexOf(f);
  assert.ok(at("lib/text-map.js") < at("lib/anchor.js"));
  assert.ok(at("lib/fuzzy.js") < at("lib/anchor.js"));
  assert.ok(at("lib/palette.js") < at("lib/contract.js"));
  assert.equal(order[order.length - 1], "content/main.js");
  assert.deepEqual(manifest.background.scripts.slice(-1), ["background.js"]);
});

test("extension pages load only their own scripts, which exist", () => {
  for (const html of files().filter((f) => f.endsWith(".html"))) {
    const text = fs.readFileSync(html, "utf8");
    assert.doesNotMatch(text, /<script>(?!<)/, `${html}: inline script (the CSP forbids it)`);
    assert.doesNotMatch(text, /\son[a-z]+=/i, `${html}: inline handler`);
    for (const m of text.matchAll(/<script src="([^"]+)"/g)) {
      assert.ok(fs.existsSync(path.resolve(path.dirname(html), m[1])), `${html}: ${m[1]}`);
    }
  }
});

test("the smallest permissions: storage and the side panel; hosts only loopback", () => {
  assert.deepEqual(manifest.permissions, ["storage", "sidePanel"]);
  assert.deepEqual(manifest.host_permissions, ["http://127.0.0.1/*", "http://localhost/*"]);
  assert.equal(manifest.web_accessible_resources, undefined);
  const csp = manifest.content_security_policy.extension_pages;
  assert.match(csp, /script-src 'self';/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-(inline|eval)/);
  assert.match(csp, /connect-src 'self' http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*/);
});

test("no innerHTML, outerHTML assignment, insertAdjacentHTML, document.write or eval in extension code", () => {
  for (const f of files().filter((x) => x.endsWith(".js"))) {
    const code = fs.readFileSync(f, "utf8");
    assert.doesNotMatch(code, /\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/,
      path.relative(EXT, f));
  }
});

test("every script is type-checked (// @ts-check on its first line)", () => {
  for (const f of files().filter((x) => x.endsWith(".js"))) {
    assert.match(fs.readFileSync(f, "utf8"), /^\/\/ @ts-check\n/, path.relative(EXT, f));
  }
});
