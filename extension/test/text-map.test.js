// @ts-check
const test = require("node:test");
const assert = require("node:assert/strict");
const { ql } = require("./helpers.js");

test("normalise drops whitespace, NBSP, soft hyphens and zero-width characters and folds quotes and dashes", () => {
  const { normalise } = ql().textMap;
  assert.equal(normalise("  “We   will\n\tnot\u00A0back\u00ADdown,”  "), '"Wewillnotbackdown,"');
  assert.equal(normalise("a\u200Bb\u200Dc\uFEFFd\u2060e"), "abcde");
  assert.equal(normalise("Ayrault’s — “rebuke” «non»"), `Ayrault's-"rebuke""non"`);
  assert.equal(normalise("x–y‘z’"), "x-y'z'", "one character for one character");
});

test("every kept character maps back to its string and offset", () => {
  const { buildTextMap, normalise } = ql().textMap;
  const strings = ["\n  Hello ", "wor", "ld!\n", "  ", "“Hi”"];
  const map = buildTextMap(strings);
  assert.equal(map.text, 'Helloworld!"Hi"');
  for (let i = 0; i < map.text.length; i++) {
    assert.equal(normalise(strings[map.node[i]][map.offset[i]]), map.text[i], `char ${i}`);
  }
});

test("locate gives DOM-style start and exclusive end across strings", () => {
  const { buildTextMap, locate } = ql().textMap;
  const strings = ["one ", "two three", " four"];
  const map = buildTextMap(strings);
  const start = map.text.indexOf("two");
  const end = map.text.indexOf("four") + 4;
  assert.deepEqual(locate(map, start, end), { startNode: 1, startOffset: 0, endNode: 2, endOffset: 5 });
  assert.equal(locate(map, 5, 5), null);
  assert.equal(locate(map, 0, map.text.length + 1), null);
});

test("surrogate pairs stay whole: the end offset after an emoji is past both halves", () => {
  const { buildTextMap, locate } = ql().textMap;
  const strings = ["go 💪"];
  const map = buildTextMap(strings);
  const loc = locate(map, 0, map.text.length);
  assert.equal(strings[0].slice(loc.startOffset, loc.endOffset), "go 💪");
});
