// @ts-check
const test = require("node:test");
const assert = require("node:assert/strict");
const { ql, fixture } = require("./helpers.js");

test("with emoji before a quote, Python offsets and UTF-16 offsets differ and UTF-16 ones are right", () => {
  const result = fixture("emoji-contract.json");
  const text = result.article.text;
  for (const q of result.quotes) {
    const c = q.contents[0];
    assert.notEqual(c.selector.utf16_start, c.start, "the emoji shift the JavaScript offset");
    assert.equal(text.slice(c.selector.utf16_start, c.selector.utf16_end), c.text);
    assert.notEqual(text.slice(c.start, c.end), c.text, "code-point offsets are wrong in JavaScript");
    assert.equal(ql().contract.codePointToUtf16(text, c.start), c.selector.utf16_start);
    assert.equal(ql().contract.codePointToUtf16(text, c.end), c.selector.utf16_end);
  }
});

test("pageQuotes re-counts UTF-16 offsets when a selector lacks them", () => {
  const result = fixture("emoji-contract.json");
  const stripped = structuredClone(result);
  for (const q of stripped.quotes) for (const c of q.contents) {
    delete c.selector.utf16_start;
    delete c.selector.utf16_end;
  }
  const a = ql().contract.pageQuotes(result);
  const b = ql().contract.pageQuotes(stripped);
  assert.deepEqual(b.map((/** @type {any} */ q) => q.parts[0].pos), a.map((/** @type {any} */ q) => q.parts[0].pos));
});

test("quotes after emoji are placed at the right words in a page with emoji in its text nodes", () => {
  const result = fixture("emoji-contract.json");
  const strings = ["Sport", ...result.article.text.split("\n\n").map((/** @type {string} */ p) => `\n  ${p}  `)];
  const map = ql().textMap.buildTextMap(strings);
  const quotes = ql().contract.pageQuotes(result);
  const matches = ql().anchor.anchorAll(map.text, quotes.flatMap((/** @type {any} */ q) => q.parts));
  matches.forEach((/** @type {any} */ m, /** @type {number} */ i) => {
    assert.ok(m);
    const loc = ql().textMap.locate(map, m.start, m.end);
    assert.equal(loc.startNode, loc.endNode);
    assert.equal(strings[loc.startNode].slice(loc.startOffset, loc.endOffset), quotes[i].parts[0].selector.exact);
  });
});

test("a quote with no speaker keeps the words that attribute it in the text, and only then", () => {
  const result = fixture("emoji-contract.json");
  const copy = structuredClone(result);
  const q = copy.quotes[0];
  q.speaker_id = null;
  q.speaker = null;
  q.mention = { start: 0, end: 2, text: "he" };
  const [unnamed, ...rest] = ql().contract.pageQuotes(copy);
  assert.equal(unnamed.unnamedMention, "he");
  for (const other of rest) assert.equal(other.unnamedMention, null);
});
