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

// The service writes a <q> element's marks into its text (toolkit/clean/extract.py:
// mark_inline_quotes); the browser draws them with CSS, so the page's text nodes lack them.
// Selectors below are what the service sent for this paragraph (source "dom").
test("a short <q> quote is placed though the marks in its context are CSS, not page text", () => {
  const { matchQuote, contextScore } = ql().anchor;
  const { normalise } = ql().textMap;
  const page = normalise("Mayor Jane Doe said the plan was a win for every neighbourhood. " +
                         "Her rival said it was a win for nobody.");
  const selector = { exact: "a win", prefix: "yor Jane Doe said the plan was “", suffix: "” for every neighbourhood and th" };
  const m = matchQuote(page, selector, null);
  assert.ok(m, "placed");
  assert.ok(page.slice(0, m.start).endsWith("theplanwas"), `at the mayor's words: ${page.slice(m.start - 10, m.end)}`);
  // the context that agrees: the prefix but its mark, the suffix up to where the page's sentence ends
  const score = contextScore(page, m.start, m.end, normalise(selector.prefix), normalise(selector.suffix));
  assert.equal(score, normalise(selector.prefix).length - 1 + normalise("for every neighbourhood").length);
});

test("a mark the page does have still counts, and still tells two copies apart", () => {
  const { matchQuote, contextScore } = ql().anchor;
  const { normalise } = ql().textMap;
  // the same words twice: once in marks that are text, once bare (a <q> drawn by CSS)
  const page = normalise("He said “a win” today. He said a win today.");
  const prefix = normalise("He said “"), suffix = normalise("” today.");
  const first = page.indexOf("awin"), second = page.indexOf("awin", first + 1);
  assert.equal(contextScore(page, first, first + 4, prefix, suffix), prefix.length + suffix.length);
  assert.equal(contextScore(page, second, second + 4, prefix, suffix), prefix.length - 1 + suffix.length - 1);
  const m = matchQuote(page, { exact: "a win", prefix: "He said “", suffix: "” today." }, null);
  assert.ok(m);
  assert.equal(m.start, first, "the copy whose marks are text agrees with more of the context");
});

test("a mis-decoded page: the selector that quotes its mojibake is placed exactly, the repaired one is not", () => {
  const { matchQuote } = ql().anchor;
  const { normalise } = ql().textMap;
  // UTF-8 read as windows-1252: “ is â€œ, ” is â€ and U+009D, ’ is â€™ (what the page shows)
  const shown = "The mayor said: â€œItâ€™s a win for JosÃ© and for us all,â€\u009d on Tuesday.";
  const page = normalise(shown);
  const asShown = { exact: "Itâ€™s a win for JosÃ© and for us all,", prefix: "The mayor said: â€œ", suffix: "â€\u009d on Tuesday." };
  const m = matchQuote(page, asShown, null);
  assert.ok(m && m.method === "exact", "placed by its exact text");
  assert.equal(page.slice(m.start, m.end), normalise(asShown.exact));
  const repaired = { exact: "It’s a win for José and for us all,", prefix: "The mayor said: “", suffix: "” on Tuesday." };
  const r = matchQuote(page, repaired, null);
  assert.ok(!r || r.method === "fuzzy", "the repaired words are not in the page: at best a fuzzy match");
});
