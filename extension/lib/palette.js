// @ts-check
/**
 * Speaker colours: the Okabe–Ito palette (Okabe & Ito 2008), distinguishable with the common
 * colour-vision deficiencies. Seven colours go to speakers in order of first quote; grey is kept
 * for quotes the service found but did not attribute ("unknown speaker" beats a wrong name).
 * Highlights are translucent over light pages and a darkened shade over dark pages, so the page's
 * own text keeps its contrast (tested: WCAG ratio ≥ 4.5 for black on light, white on dark).
 */
(function (ns) {
  /** Okabe–Ito, in its published order. */
  const OKABE_ITO = Object.freeze([
    "#E69F00", // orange
    "#56B4E9", // sky blue
    "#009E73", // bluish green
    "#F0E442", // yellow
    "#0072B2", // blue
    "#D55E00", // vermillion
    "#CC79A7", // reddish purple
    "#999999", // grey
  ]);
  const UNKNOWN_INDEX = 7;
  const SPEAKER_COLOURS = OKABE_ITO.length - 1;
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

  /**
   * What a highlight looks like once composited over the page background.
   * @param {number} index @param {"light" | "dark"} theme @param {string} [background]
   */
  function effectiveBackground(index, theme, background) {
    const base = OKABE_ITO[index];
    if (theme === "dark") return mix(background ?? "#121212", mix(base, "#000000", DARK_SHADE), DARK_ALPHA);
    return mix(background ?? "#FFFFFF", base, LIGHT_ALPHA);
  }

  /**
   * CSS colours for palette entry `index` in a theme: translucent background and an underline
   * in the full colour (light) or a lightened one (dark).
   * @param {number} index @param {"light" | "dark"} theme
   */
  function cssColours(index, theme) {
    const [r, g, b] = rgb(OKABE_ITO[index]);
    if (theme === "dark") {
      const [dr, dg, db] = rgb(mix(OKABE_ITO[index], "#000000", DARK_SHADE));
      return { background: `rgba(${dr}, ${dg}, ${db}, ${DARK_ALPHA})`, line: mix(OKABE_ITO[index], "#FFFFFF", 0.2) };
    }
    return { background: `rgba(${r}, ${g}, ${b}, ${LIGHT_ALPHA})`, line: OKABE_ITO[index] };
  }

  /** Name of the CSS highlight for palette entry `index` (CSS.highlights keys start "quotelens"). */
  function highlightName(/** @type {number} */ index) {
    return `quotelens-c${index}`;
  }

  ns.palette = Object.freeze({
    OKABE_ITO, UNKNOWN_INDEX, SPEAKER_COLOURS, LIGHT_ALPHA, DARK_SHADE, DARK_ALPHA,
    ACTIVE_HIGHLIGHT: "quotelens-active",
    colourIndex, cssColours, effectiveBackground, highlightName, contrast, luminance, mix,
  });
})(/** @type {any} */ (globalThis).quotelens ??= {});
