// @ts-check
const test = require("node:test");
const assert = require("node:assert/strict");
const { ql } = require("./helpers.js");

const PAGE = "Intro text about the council.“TheSecurityCouncilmustnotshirkitsresponsibilities[1]andFranceisalreadyworkingwithitspartners”onthematter,Ayraultsaid.More text after.";
const QUOTE = "TheSecurityCouncilmustnotshirkitsresponsibilitiesandFranceisalreadyworkingwithitspartners";

test("a footnote mark inside the page's copy of a quote is found within the error bound", () => {
  const { fuzzySearch } = ql().fuzzy;
  const hits = fuzzySearch(PAGE, QUOTE, Math.floor(QUOTE.length * 0.1));
  assert.equal(hits.length, 1);
  assert.equal(hits[0].errors, 3);
  assert.equal(PAGE.slice(hits[0].start, hits[0].end), "TheSecurityCouncilmustnotshirkitsresponsibilities[1]andFranceisalreadyworkingwithitspartners");
});

test("nothing is returned when the text differs by more than the bound", () => {
  const { fuzzySearch } = ql().fuzzy;
  const other = "TheGeneralAssemblymustnotshirkitsdutiesandGermanyisalreadytalkingwithitsallies";
  assert.deepEqual(fuzzySearch(PAGE, other, Math.floor(other.length * 0.1)), []);
});

test("two near-copies of a quote are both reported, best first", () => {
  const { fuzzySearch } = ql().fuzzy;
  const text = "aaaa" + QUOTE.replace("must", "mutt") + "bbbb" + QUOTE.replace("must", "mu") + "cccc";
  const hits = fuzzySearch(text, QUOTE, 9);
  assert.equal(hits.length, 2);
  assert.deepEqual(hits.map((h) => h.errors), [1, 2]);
});

test("edit distance agrees with hand counts", () => {
  const { editDistance } = ql().fuzzy;
  assert.equal(editDistance("kitten", "sitting"), 3);
  assert.equal(editDistance("", "abc"), 3);
  assert.equal(editDistance("said", "said"), 0);
});
