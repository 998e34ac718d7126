// @ts-check
// The popup's and side panel's words for a tab's report (lib/views.js): BiDi cannot open
// moz-extension:// pages, so what they say is tested here for both browsers.
const test = require("node:test");
const assert = require("node:assert/strict");
const { ql } = require("./helpers.js");

/** @param {any} over */
const report = (over) => ({ url: "http://x/", title: "", status: "done", placed: 0, unplaced: 0, visible: true,
  speakers: [], quotes: [], ...over });
const speakers = [
  { id: "s1", name: "Ned Price", role: "spokesman", type: "person", count: 2, colour: 0, line: "solid", number: null },
  { id: "s2", name: "Ban Ki-moon", role: null, type: "person", count: 0, colour: 1, line: "solid", number: null },
];
const quote = (/** @type {string} */ id, /** @type {string | null} */ speakerId, placed = true) => ({
  id, speakerId, speaker: null, role: null, kind: "direct", confidence: 0.9, text: id, parts: [id], colour: 0,
  line: "solid", number: null, placed });

test("popup summary: counts, speakers, and what was not found", () => {
  const v = ql().views;
  assert.equal(v.popupSummary(null), "Nothing found yet on this page.");
  assert.equal(v.popupSummary(report({ placed: 13, unplaced: 1, speakers })), "14 quotes, 2 speakers, 1 not found in the page");
  assert.equal(v.popupSummary(report({ placed: 1, speakers: speakers.slice(0, 1) })), "1 quote, 1 speaker");
  assert.equal(v.popupSummary(report({ status: "running" })), "Finding quotes…");
  assert.equal(v.popupSummary(report({ status: "off" })), "quotelens is off for this site.");
  assert.equal(v.popupSummary(report({ status: "idle" })), "Click “Find quotes” to see who said what.");
  assert.equal(v.popupSummary(report({ status: "error", code: "not_an_article" })), "No article found on this page.");
  assert.equal(v.popupSummary(report({ status: "error", code: "service_down" })), "Could not find quotes.");
});

test("the service being down: the message and the exact command for its port", () => {
  const v = ql().views;
  const down = report({ status: "error", code: "service_down", error: "The quotelens service is not running." });
  assert.deepEqual(v.problemOf(down, "http://127.0.0.1:8765"), { message: down.error, command: "quotelens serve" });
  assert.deepEqual(v.problemOf(down, "http://127.0.0.1:9001"), { message: down.error, command: "quotelens serve --port 9001" });
  assert.deepEqual(v.problemOf(report({ status: "error", code: "http_500" }), "http://127.0.0.1:8765"),
    { message: "Something went wrong.", command: undefined });
  assert.equal(v.problemOf(report({ status: "error", code: "not_an_article" }), "http://127.0.0.1:8765"), null);
  assert.equal(v.problemOf(report({}), "http://127.0.0.1:8765"), null);
});

test("side panel summary and groups: speakers in order, unknown last, silent speakers left out", () => {
  const v = ql().views;
  const r = report({ placed: 3, unplaced: 1, speakers,
    quotes: [quote("q1", "s1"), quote("q2", null), quote("q3", "s1", false), quote("q4", null)] });
  assert.equal(v.panelSummary(r), "4 quotes · 3 highlighted · 1 not found in the page");
  assert.equal(v.panelSummary(null), "No quotes yet for this page.");
  assert.equal(v.panelSummary(report({ status: "idle" })), "Open the popup and click “Find quotes”.");
  const groups = v.panelGroups(r);
  assert.deepEqual(groups.map((/** @type {any} */ g) => [g.key, g.quotes.map((/** @type {any} */ q) => q.id)]),
    [["s1", ["q1", "q3"]], ["unknown", ["q2", "q4"]]]);
  const unknown = groups[1];
  assert.deepEqual([unknown.colour, unknown.line], [ql().palette.UNKNOWN_INDEX, ql().palette.UNKNOWN_LINE]);
});
