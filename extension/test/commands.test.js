// @ts-check
// Keyboard commands through the background script's own onCommand handler (lib/commands.js),
// with a stand-in for the browser API: the manifest's keys, and the message each sends.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { ql, EXT } = require("./helpers.js");

const manifest = JSON.parse(fs.readFileSync(path.join(EXT, "manifest.json"), "utf8"));

/** A browser API with one active tab (or none) that records what is sent. @param {number | null} tabId */
function fakeApi(tabId) {
  /** @type {any[]} */
  const sent = [];
  return {
    sent,
    tabs: {
      query: async (/** @type {any} */ q) => {
        assert.deepEqual(q, { active: true, currentWindow: true });
        return tabId == null ? [] : [{ id: tabId }];
      },
      sendMessage: async (/** @type {number} */ id, /** @type {any} */ msg) => { sent.push([id, msg]); return { ok: true }; },
    },
  };
}

test("the documented keys: Alt+Shift+J next, Alt+Shift+K previous, Alt+Shift+Q hide or show", () => {
  const keys = Object.fromEntries(Object.entries(manifest.commands).map(([k, v]) => [k, /** @type {any} */ (v).suggested_key.default]));
  assert.deepEqual(keys, { "next-quote": "Alt+Shift+J", "previous-quote": "Alt+Shift+K", "toggle-highlights": "Alt+Shift+Q" });
  assert.deepEqual(Object.keys(ql().commands.MESSAGES).sort(), Object.keys(manifest.commands).sort());
});

for (const [command, msg] of /** @type {[string, any][]} */ ([
  ["next-quote", { type: "step", delta: 1 }],
  ["previous-quote", { type: "step", delta: -1 }],
  ["toggle-highlights", { type: "toggle" }],
])) {
  test(`${command} sends ${JSON.stringify(msg)} to the active tab`, async () => {
    const api = fakeApi(7);
    const done = await ql().commands.createCommandHandler(api)(command);
    assert.deepEqual(api.sent, [[7, msg]]);
    assert.deepEqual(done, { tabId: 7, msg });
  });
}

test("no active tab, or a command it does not know: nothing is sent", async () => {
  const none = fakeApi(null);
  assert.equal(await ql().commands.createCommandHandler(none)("next-quote"), null);
  const other = fakeApi(3);
  assert.equal(await ql().commands.createCommandHandler(other)("_execute_action"), null);
  assert.deepEqual([...none.sent, ...other.sent], []);
});

test("a tab without a content script (about: pages) does not make the handler throw", async () => {
  const api = fakeApi(5);
  api.tabs.sendMessage = async () => { throw new Error("Could not establish connection"); };
  assert.deepEqual(await ql().commands.createCommandHandler(api)("toggle-highlights"), { tabId: 5, msg: { type: "toggle" } });
});

test("the background script registers that handler and loads lib/commands.js first", () => {
  const bg = fs.readFileSync(path.join(EXT, "background.js"), "utf8");
  assert.match(bg, /onCommand\.addListener\(ql\.commands\.createCommandHandler\(api\)\)/);
  assert.match(bg, /importScripts\([^)]*"lib\/commands\.js"/);
  const scripts = manifest.background.scripts;
  assert.ok(scripts.indexOf("lib/commands.js") >= 0 && scripts.indexOf("lib/commands.js") < scripts.indexOf("background.js"));
});
