// @ts-check
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { ql, EXT } = require("./helpers.js");

const ROOT = path.join(EXT, "..");

// ---- colour vision: CIELAB distance in normal and simulated deficient vision ----------------------
/** Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB. */
const MACHADO = {
  protan: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deutan: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
  tritan: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
};
/** @param {string} hex */
const linear = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
/** sRGB (linear) -> CIELAB, D65. @param {number[]} l */
function lab(l) {
  const [r, g, b] = l.map((v) => Math.min(1, Math.max(0, v)));
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (/** @type {number} */ t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
/** The colour as seen in each vision. @param {string} hex */
function views(hex) {
  const l = linear(hex);
  return { normal: lab(l), ...Object.fromEntries(Object.entries(MACHADO).map(([k, m]) =>
    [k, lab(m.map((row) => row[0] * l[0] + row[1] * l[1] + row[2] * l[2]))])) };
}
/** Smallest ΔE (CIE76) between any two colours, in any vision, and the pair. @param {readonly string[]} colours */
function closest(colours) {
  let best = { d: Infinity, pair: ["", ""], vision: "" };
  const v = colours.map(views);
  for (let i = 0; i < colours.length; i++) {
    for (let j = 0; j < i; j++) {
      for (const k of Object.keys(v[i])) {
        const d = Math.hypot(...v[i][k].map((x, n) => x - v[j][k][n]));
        if (d < best.d) best = { d, pair: [colours[i], colours[j]], vision: k };
      }
    }
  }
  return best;
}

test("twelve speaker colours, each kept apart in normal, protan, deutan and tritan vision", () => {
  const { COLOURS, SPEAKER_COLOURS } = ql().palette;
  const speakers = COLOURS.slice(0, SPEAKER_COLOURS);
  assert.equal(new Set(speakers).size, 12);
  const c = closest(speakers);
  // Okabe–Ito's seven alone: 16.05; these twelve: 15.65 (lib/palette.js says how they were chosen)
  assert.ok(c.d >= 15, `${c.pair} only ${c.d.toFixed(1)} apart in ${c.vision} vision`);
  assert.deepEqual(speakers.slice(0, 7), ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]);
  assert.equal(COLOURS[ql().palette.UNKNOWN_INDEX], "#999999");
});

/** A contract-v1 result with n speakers, one quote each. @param {number} n */
function manySpeakers(n) {
  const speakers = [], quotes = [];
  let text = "";
  for (let i = 1; i <= n; i++) {
    const words = `Words of speaker ${i}.`;
    quotes.push({ id: `q${i}`, kind: "direct", speaker_id: `s${i}`, speaker: `Person ${i}`, confidence: 0.9,
      contents: [{ start: text.length + 1, end: text.length + 1 + words.length }] });
    text += `“${words}” said Person ${i}. `;
    speakers.push({ id: `s${i}`, name: `Person ${i}`, type: "person", quote_count: 1 });
  }
  quotes.push({ id: "q0", kind: "direct", speaker_id: null, confidence: 0.5, contents: [{ start: 0, end: 3 }] });
  return { schema_version: 1, article: { text }, speakers, quotes };
}

test("a page with twelve speakers: twelve colours, no two alike, and no numbers needed", () => {
  const p = ql().palette;
  const quotes = ql().contract.pageQuotes(manySpeakers(12)).filter((/** @type {any} */ q) => q.speakerId);
  const hexes = quotes.map((/** @type {any} */ q) => p.COLOURS[q.colour]);
  assert.equal(new Set(hexes).size, 12);
  assert.ok(!hexes.includes(p.COLOURS[p.UNKNOWN_INDEX]));
  assert.ok(quotes.every((/** @type {any} */ q) => q.line === "solid" && q.number === null));
  assert.equal(new Set(quotes.map((/** @type {any} */ q) => p.highlightName(q.colour, q.line))).size, 12);
});

test("past twelve speakers a second cue: line style, and every speaker numbered in card and panel", () => {
  const p = ql().palette;
  const result = manySpeakers(50);
  const quotes = ql().contract.pageQuotes(result);
  const looks = quotes.filter((/** @type {any} */ q) => q.speakerId).map((/** @type {any} */ q) => `${q.colour}/${q.line}`);
  assert.equal(new Set(looks.slice(0, 48)).size, 48); // 12 colours x 4 lines
  assert.deepEqual(quotes.slice(11, 14).map((/** @type {any} */ q) => [q.colour, q.line]), [[11, "solid"], [0, "dashed"], [1, "dashed"]]);
  assert.deepEqual(quotes.slice(0, 50).map((/** @type {any} */ q) => q.number), [...Array(50).keys()].map((i) => i + 1));
  const unknown = quotes.find((/** @type {any} */ q) => !q.speakerId);
  assert.deepEqual([unknown.colour, unknown.line, unknown.number], [p.UNKNOWN_INDEX, "wavy", null]);
  const speakers = ql().contract.pageSpeakers(result);
  assert.deepEqual([speakers[12].colour, speakers[12].line, speakers[12].number], [0, "dashed", 13]);
});

test("page text keeps WCAG AA contrast on every highlight, light and dark", () => {
  const { effectiveBackground, contrast, COLOURS } = ql().palette;
  for (let i = 0; i < COLOURS.length; i++) {
    assert.ok(contrast("#000000", effectiveBackground(i, "light")) >= 4.5, `black on light ${i}`);
    assert.ok(contrast("#333333", effectiveBackground(i, "light")) >= 4.5, `dark grey on light ${i}`);
    assert.ok(contrast("#FFFFFF", effectiveBackground(i, "dark")) >= 4.5, `white on dark ${i}`);
    assert.ok(contrast("#CCCCCC", effectiveBackground(i, "dark")) >= 4.5, `light grey on dark ${i}`);
    assert.ok(contrast(ql().palette.cssColours(i, "dark").line, "#121212") >= 3, `dark-theme line ${i}`);
  }
});

test("highlight.css, the widget's palette.json and the paste page's palette.css are made from lib/palette.js", () => {
  const make = require(path.join(EXT, "tools", "make-palette.js"));
  assert.equal(fs.readFileSync(make.OUT.css, "utf8"), make.css());
  assert.equal(fs.readFileSync(make.OUT.json, "utf8"), make.paletteJson());
  assert.equal(fs.readFileSync(make.OUT.server, "utf8"), make.serverCss());
  const { SPEAKER_COLOURS, LINE_STYLES } = ql().palette;
  for (const f of ["server/static/app.js", "toolkit/notebook/static/widget.js"]) {
    const code = fs.readFileSync(path.join(ROOT, f), "utf8");
    assert.match(code, new RegExp(`const SPEAKER_COLOURS = ${SPEAKER_COLOURS};`), f);
    assert.match(code, new RegExp(`const LINE_STYLES = ${LINE_STYLES.length};`), f);
  }
  assert.match(fs.readFileSync(path.join(ROOT, "server/static/index.html"), "utf8"), /href="\/static\/palette\.css"/);
});

test("every highlight name starts with quotelens and has a rule", () => {
  const { highlightName, looks, ACTIVE_HIGHLIGHT } = ql().palette;
  const css = fs.readFileSync(path.join(EXT, "content", "highlight.css"), "utf8");
  for (const { index, line } of looks()) {
    const name = highlightName(index, line);
    assert.match(name, /^quotelens-c\d+(-[a-z]+)?$/);
    assert.ok(css.includes(`::highlight(${name}) {`) && css.includes(`.quotelens-mark.${name} {`), name);
  }
  assert.equal(highlightName(3), "quotelens-c3");
  assert.equal(highlightName(3, "dashed"), "quotelens-c3-dashed");
  assert.equal(highlightName(12, "wavy"), "quotelens-c12");
  assert.match(ACTIVE_HIGHLIGHT, /^quotelens/);
});
