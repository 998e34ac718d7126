// @ts-check
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { ql, EXT } = require("./helpers.js");

test("Okabe–Ito colours in the published order", () => {
  assert.deepEqual([...ql().palette.OKABE_ITO],
    ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]);
});

test("speakers cycle through seven colours; unattributed quotes are grey", () => {
  const { colourIndex, UNKNOWN_INDEX } = ql().palette;
  assert.deepEqual([0, 1, 6, 7, 8].map(colourIndex), [0, 1, 6, 0, 1]);
  assert.equal(colourIndex(null), UNKNOWN_INDEX);
  assert.equal(ql().palette.OKABE_ITO[UNKNOWN_INDEX], "#999999");
});

test("page text keeps WCAG AA contrast on every highlight, light and dark", () => {
  const { effectiveBackground, contrast, OKABE_ITO } = ql().palette;
  for (let i = 0; i < OKABE_ITO.length; i++) {
    assert.ok(contrast("#000000", effectiveBackground(i, "light")) >= 4.5, `black on light ${i}`);
    assert.ok(contrast("#333333", effectiveBackground(i, "light")) >= 4.5, `dark grey on light ${i}`);
    assert.ok(contrast("#FFFFFF", effectiveBackground(i, "dark")) >= 4.5, `white on dark ${i}`);
    assert.ok(contrast("#CCCCCC", effectiveBackground(i, "dark")) >= 4.5, `light grey on dark ${i}`);
  }
});

test("content/highlight.css is the one generated from the palette", () => {
  const { css } = require(path.join(EXT, "tools", "make-highlight-css.js"));
  assert.equal(fs.readFileSync(path.join(EXT, "content", "highlight.css"), "utf8"), css());
});

test("every highlight name starts with quotelens", () => {
  const { highlightName, ACTIVE_HIGHLIGHT } = ql().palette;
  for (let i = 0; i < 8; i++) assert.match(highlightName(i), /^quotelens-c\d$/);
  assert.match(ACTIVE_HIGHLIGHT, /^quotelens/);
});
