// @ts-check
/**
 * Speaker colours: the Okabe–Ito palette (Okabe & Ito 2008) and five of Paul Tol's colours
 * (bright, high-contrast, dark and light schemes), twelve speaker colours chosen to stay apart
 * for readers with the common colour-vision deficiencies. Measured (test/palette.test.js): every
 * pair of the twelve differs by at least 15 CIELAB ΔE in normal vision and in simulated protan,
 * deutan and tritan vision (Machado et al. 2009, full severity); Okabe–Ito's seven alone reach
 * 16.0, the best twelve of all these colours 16.1. Grey is kept for quotes the service found but
 * did not attribute ("unknown speaker" beats a wrong name), with a wavy line as its own cue.
 * Past twelve speakers a second cue keeps any two apart: the line under the quote is solid,
 * dashed, dotted or double (48 looks), and on pages with more than twelve speakers the card
 * and side panel number every speaker.
 * Highlights are translucent over light pages and a darkened shade over dark pages, so the page's
 * own text keeps its contrast (tested: WCAG ratio ≥ 4.5 for black on light, white on dark).
 */
(function (ns) {
  /** Twelve speaker colours, then grey for quotes without a speaker. */
  const COLOURS = Object.freeze([
    "#E69F00", // orange (Okabe–Ito)
    "#56B4E9", // sky blue (Okabe–Ito)
    "#009E73", // bluish green (Okabe–Ito)
    "#F0E442", // yellow (Okabe–Ito)
    "#0072B2", // blue (Okabe–Ito)
    "#D55E00", // vermillion (Okabe–Ito)
    "#CC79A7", // reddish purple (Okabe–Ito)
    "#AA3377", // purple (Tol bright)
    "#004488", // dark blue (Tol high-contrast)
    "#666633", // olive (Tol dark)
    "#FFAABB", // pink (Tol light)
    "#663333", // dark red (Tol dark)
    "#999999", // grey: no speaker
  ]);
  const NAMES = Object.freeze(["orange", "sky blue", "bluish green", "yellow", "blue", "vermillion",
    "reddish purple", "purple", "dark blue", "olive", "pink", "dark red", "grey"]);
  const UNKNOWN_INDEX = 12;
  const SPEAKER_COLOURS = 12;
  /** The second cue, past twelve speakers: speaker k's line is LINE_STYLES[floor(k / 12) mod 4]. */
  const LINE_STYLES = Object.freeze(["solid", "dashed", "dotted", "double"]);
  const UNKNOWN_LINE = "wavy";
  /** Light pages: the colour at this opacity over the page's (white-ish) background. */
  const LIGHT_ALPHA = 0.35;
  /** Dark pages: the colour mixed with black by this share, used at DARK_ALPHA. */
  const DARK_SHADE = 0.55;
  const DARK_ALPHA = 0.6;

  /** @param {string} hex  "#RRGGBB" @returns {[number, number, number]} */
  function rgb(hex) {
    const n = parseInt(hex.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }

  /** @param {[number, number, number]} c @returns {string} */
  function hexOf(c) {
    return "#" + c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("").toUpperCase();
  }

  /**
   * Mix `a` towards `b` by t (0 = a, 1 = b).
   * @param {string} a @param {string} b @param {number} t
   */
  function mix(a, b, t) {
    const x = rgb(a), y = rgb(b);
    const c = (/** @type {number} */ i) => x[i] + (y[i] - x[i]) * t;
    return hexOf([c(0), c(1), c(2)]);
  }

  /** WCAG 2 relative luminance. @param {string} hex */
  function luminance(hex) {
    const lin = rgb(hex).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  }

  /** WCAG contrast ratio between two colours. @param {string} a @param {string} b */
  function contrast(a, b) {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }

  /**
   * Palette index of a speaker: speakers in the order the service lists them (s1, s2, ...);
   * null or unknown speaker -> grey.
   * @param {number | null} speakerOrder  0-based position in result.speakers, or null
   */
  function colourIndex(speakerOrder) {
    if (speakerOrder == null || speakerOrder < 0) return UNKNOWN_INDEX;
    return speakerOrder % SPEAKER_COLOURS;
  }

  /** Line style of a speaker (the second cue). @param {number | null} speakerOrder */
  function lineStyle(speakerOrder) {
    if (speakerOrder == null || speakerOrder < 0) return UNKNOWN_LINE;
    return LINE_STYLES[Math.floor(speakerOrder / SPEAKER_COLOURS) % LINE_STYLES.length];
  }

  /**
   * What a highlight looks like once composited over the page background.
   * @param {number} index @param {"light" | "dark"} theme @param {string} [background]
   */
  function effectiveBackground(index, theme, background) {
    const base = COLOURS[index];
    if (theme === "dark") return mix(background ?? "#121212", mix(base, "#000000", DARK_SHADE), DARK_ALPHA);
    return mix(background ?? "#FFFFFF", base, LIGHT_ALPHA);
  }

  /**
   * CSS colours for palette entry `index` in a theme: translucent background and an underline
   * in the full colour (light) or a lightened one (dark).
   * @param {number} index @param {"light" | "dark"} theme
   */
  function cssColours(index, theme) {
    const [r, g, b] = rgb(COLOURS[index]);
    if (theme === "dark") {
      const [dr, dg, db] = rgb(mix(COLOURS[index], "#000000", DARK_SHADE));
      return { background: `rgba(${dr}, ${dg}, ${db}, ${DARK_ALPHA})`, line: mix(COLOURS[index], "#FFFFFF", 0.2) };
    }
    return { background: `rgba(${r}, ${g}, ${b}, ${LIGHT_ALPHA})`, line: COLOURS[index] };
  }

  /**
   * Name of the CSS highlight for a colour and line (CSS.highlights keys start "quotelens"):
   * "quotelens-c3" for a solid line, "quotelens-c3-dashed" otherwise.
   * @param {number} index @param {string} [line]
   */
  function highlightName(index, line = index === UNKNOWN_INDEX ? UNKNOWN_LINE : "solid") {
    const plain = line === (index === UNKNOWN_INDEX ? UNKNOWN_LINE : "solid");
    return plain ? `quotelens-c${index}` : `quotelens-c${index}-${line}`;
  }

  /** Every (colour, line) a highlight can have: twelve colours by four lines, and grey. */
  function looks() {
    const out = [];
    for (const line of LINE_STYLES) for (let i = 0; i < SPEAKER_COLOURS; i++) out.push({ index: i, line });
    out.push({ index: UNKNOWN_INDEX, line: UNKNOWN_LINE });
    return out;
  }

  ns.palette = Object.freeze({
    COLOURS, NAMES, UNKNOWN_INDEX, SPEAKER_COLOURS, LINE_STYLES, UNKNOWN_LINE, LIGHT_ALPHA, DARK_SHADE, DARK_ALPHA,
    ACTIVE_HIGHLIGHT: "quotelens-active",
    colourIndex, lineStyle, looks, cssColours, effectiveBackground, highlightName, contrast, luminance, mix,
  });
})(/** @type {any} */ (globalThis).quotelens ??= {});
