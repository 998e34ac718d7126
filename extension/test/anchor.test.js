// @ts-check
const test = require("node:test");
const assert = require("node:assert/strict");
const { ql, fixture, pageStrings } = require("./helpers.js");

/** Place every content span of a contract result in a page built from `strings`. */
function placeAll(/** @type {any} */ result, /** @type {string[]} */ strings) {
  const { buildTextMap, normalise } = ql().textMap;
  const map = buildTextMap(strings);
  const items = ql().contract.pageQuotes(result).flatMap((/** @type {any} */ q) => q.parts);
  const matches = ql().anchor.anchorAll(map.text, items);
  return { map, items, matches, normalise };
}

test("every seed quote is placed at its own words in a page with chrome and other whitespace", () => {
  const result = fixture("seed-contract.json");
  const { map, items, matches, normalise } = placeAll(result, pageStrings(result.article.text));
  assert.equal(items.length, 13);
  matches.forEach((m, i) => {
    assert.ok(m, `quote ${i} placed`);
    assert.equal(map.text.slice(m.start, m.end), normalise(items[i].selector.exact));
    assert.equal(m.score, 1);
  });
});

test("a quote repeated as a pull quote goes to the copy whose context agrees", () => {
  const result = fixture("seed-contract.json");
  const q = result.quotes[9]; // Ned Price: “It is now impossible to deny ...”
  const strings = pageStrings(result.article.text);
  strings.splice(8, 0, q.contents[0].selector.exact); // pull quote near the top, no context
  const { map, matches } = placeAll(result, strings);
  const m = matches[9];
  assert.ok(m);
  const before = map.text.slice(Math.max(0, m.start - 20), m.start);
  assert.ok(before.endsWith('accountable."'), `placed in the body, after the heading, not in the pull quote: ${before}`);
});

test("identical text with identical context: the neighbours decide, or nothing is placed", () => {
  const { matchQuote } = ql().anchor;
  const page = ql().textMap.normalise("A “it was fine,” he said. B “it was fine,” he said. C");
  const sel = { exact: "it was fine,", prefix: "“", suffix: "” he said." };
  assert.equal(matchQuote(page, sel, null), null, "two equal candidates, no hint: never guess");
  const m = matchQuote(page, sel, 20);
  assert.ok(m);
  assert.equal(m.start, page.lastIndexOf("itwasfine"));
});

test("straightened quotes and apostrophes in the service's text still match the page's curly ones", () => {
  const { matchQuote } = ql().anchor;
  const page = ql().textMap.normalise("Still, she noted that they’re “very pricey.” A more balanced view");
  const m = matchQuote(page, { exact: "very pricey.", prefix: "noting that they're \"", suffix: "\"\n\nA more balanced" }, null);
  assert.ok(m);
  assert.equal(m.method, "exact");
});

test("a short quote is placed only where its context agrees", () => {
  const { matchQuote } = ql().anchor;
  // "innovative" occurs once, but inside another sentence than the quote's
  const page = ql().textMap.normalise("The new design is innovative and cheap. She called it “bold.”");
  assert.equal(matchQuote(page, { exact: "innovative", prefix: "called it “", suffix: "” and" }, null), null);
  const ok = matchQuote(ql().textMap.normalise("She called it “innovative” and cheap."), { exact: "innovative", prefix: "called it “", suffix: "” and" }, null);
  assert.ok(ok);
  assert.equal(ok.method, "exact");
});

test("a quote the cleaner changed slightly is placed by the fuzzy step, a different sentence is not", () => {
  const { matchQuote } = ql().anchor;
  const page = ql().textMap.normalise("“We have a joint interest in discouraging such things[a] from happening,” Churkin told reporters.");
  const sel = { exact: "We have a joint interest in discouraging such things from happening,", prefix: "“", suffix: "” Churkin told" };
  const m = matchQuote(page, sel, null);
  assert.ok(m);
  assert.equal(m.method, "fuzzy");
  assert.ok(m.score >= 0.9 && m.score < 1);
  const other = { exact: "We have no interest in encouraging any such thing at all, ever,", prefix: "", suffix: "" };
  assert.equal(matchQuote(page, other, null), null);
});

test("a quote missing from the page is unplaced, and the others still are placed", () => {
  const result = fixture("seed-contract.json");
  const strings = pageStrings(result.article.text.replace(/We need to use this report[^”]*/, "[quote removed by the page]"));
  const { matches } = placeAll(result, strings);
  assert.equal(matches[6], null);
  assert.equal(matches.filter(Boolean).length, 12);
});

test("hints interpolate between placed neighbours", () => {
  const { hintFor } = ql().anchor;
  const anchors = [{ pos: 100, m: { start: 80 } }, { pos: 300, m: { start: 240 } }];
  assert.equal(hintFor(anchors, 200), 160);
  assert.equal(hintFor(anchors, 400), 240 + Math.round(100 * 0.84));
  assert.equal(hintFor([], 5), null);
});
