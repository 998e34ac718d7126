// @ts-check
/**
 * Where is a quote in the page? Pure: normalised page text and a contract-v1 selector in,
 * a position or null out; no DOM, no chrome.*.
 *
 * Order, as in Hypothesis' html.ts: the position hint first, then the exact text scored by its
 * prefix and suffix, then a bounded fuzzy match; otherwise give up. A quote that cannot be placed
 * without guessing is returned as null, counted and listed as unplaced by the caller.
 * Hints: the service's offsets index its cleaned text, not the page, so a hint is interpolated
 * from neighbouring quotes that were placed without one (anchorAll, two passes).
 */
/**
 * @typedef {object} Selector  contract v1 selector (exact/prefix/suffix as the service sent them)
 * @property {string} exact
 * @property {string} prefix
 * @property {string} suffix
 * @property {number} [utf16_start]
 * @property {number} [utf16_end]
 */
/**
 * @typedef {object} Match
 * @property {number} start    into the normalised page text
 * @property {number} end      exclusive
 * @property {number} score    1 for exact text; 1 - errors/length for a fuzzy match
 * @property {"hint" | "exact" | "context" | "fuzzy"} method
 */
/**
 * @typedef {object} AnchorItem
 * @property {Selector} selector
 * @property {number} pos  where the span starts in the service's cleaned text (utf16_start)
 */
(function (ns) {
  const tm = () => /** @type {any} */ (globalThis).quotelens.textMap;
  const fz = () => /** @type {any} */ (globalThis).quotelens.fuzzy;

  /** Shorter quotes (normalised chars) must also agree with their context to be placed. */
  const MIN_CONTEXT_FREE = 16;
  /** ... by at least this many chars of prefix + suffix (or all the context there is). */
  const MIN_CONTEXT_CHARS = 6;
  /** Fuzzy matching only for quotes this long; shorter ones match exactly or not at all. */
  const MIN_FUZZY_LENGTH = 20;
  /** At most this share of a quote's chars may differ in a fuzzy match (one in ten). */
  const MAX_FUZZY_ERROR_RATE = 0.1;
  /** Page chars per cleaned-text char when only one neighbour is placed (whitespace removed). */
  const NORMALISED_RATIO = 0.84;
  /** Quotation marks as textMap.normalise folds them (“ ” ‘ ’ « » to " and '). */
  const MARKS = "\"'";
  const isMark = (/** @type {string} */ ch) => ch.length === 1 && MARKS.includes(ch);


  /**
   * Chars of `prefix` that agree with the text before `start`, plus chars of `suffix` that agree
   * with the text after `end` (all normalised).
   * @param {string} text
   * @param {number} start
   * @param {number} end
   * @param {string} prefix
   * @param {string} suffix
   */
  function contextScore(text, start, end, prefix, suffix) {
    // A <q> element's marks are drawn by CSS (::before, ::after), not text: the service writes
    // them into its text, the page's text nodes lack them. A mark next to the quote that the
    // page does not have is passed over, so the words beyond it still count.
    const pi = isMark(prefix.slice(-1)) && text[start - 1] !== prefix.slice(-1) ? 1 : 0;
    let p = 0;
    while (p + pi < prefix.length && start - 1 - p >= 0 &&
           text.charCodeAt(start - 1 - p) === prefix.charCodeAt(prefix.length - 1 - p - pi)) p++;
    const si = isMark(suffix.slice(0, 1)) && text[end] !== suffix[0] ? 1 : 0;
    let s = 0;
    while (s + si < suffix.length && end + s < text.length &&
           text.charCodeAt(end + s) === suffix.charCodeAt(s + si)) s++;
    return p + s;
  }

  /**
   * Is the context strong enough for a short quote? Some of the context must agree.
   * @param {number} score
   * @param {string} prefix
   * @param {string} suffix
   */
  function contextEnough(score, prefix, suffix) {
    return score >= Math.min(MIN_CONTEXT_CHARS, prefix.length + suffix.length);
  }

  /**
   * Place one selector in the normalised page text.
   * @param {string} pageText  normalised (textMap.normalise) page text
   * @param {Selector} selector  as sent by the service (normalised here)
   * @param {number | null} [hint]  expected start in pageText, if known
   * @returns {Match | null}
   */
  function matchQuote(pageText, selector, hint = null) {
    const { normalise } = tm();
    const exact = normalise(selector.exact || "");
    const prefix = normalise(selector.prefix || "");
    const suffix = normalise(selector.suffix || "");
    if (!exact) return null;
    const short = exact.length < MIN_CONTEXT_FREE;

    // 1. Position hint: the exact text is where the neighbours say it should be.
    if (hint != null && hint >= 0 && pageText.startsWith(exact, hint)) {
      const ctx = contextScore(pageText, hint, hint + exact.length, prefix, suffix);
      if (!short || contextEnough(ctx, prefix, suffix)) {
        return { start: hint, end: hint + exact.length, score: 1, method: "hint" };
      }
    }

    // 2. Exact text, every occurrence, scored by prefix and suffix agreement.
    /** @type {{start: number, ctx: number}[]} */
    const found = [];
    for (let i = pageText.indexOf(exact); i !== -1; i = pageText.indexOf(exact, i + 1)) {
      found.push({ start: i, ctx: contextScore(pageText, i, i + exact.length, prefix, suffix) });
    }
    if (found.length) {
      found.sort((a, b) => b.ctx - a.ctx ||
        (hint == null ? 0 : Math.abs(a.start - hint) - Math.abs(b.start - hint)));
      const [best, second] = found;
      const contextOk = !short || contextEnough(best.ctx, prefix, suffix);
      if (contextOk && found.length === 1) {
        return { start: best.start, end: best.start + exact.length, score: 1, method: "exact" };
      }
      if (contextOk && second && best.ctx > second.ctx) {
        return { start: best.start, end: best.start + exact.length, score: 1, method: "context" };
      }
      if (contextOk && second && hint != null &&
          Math.abs(best.start - hint) < Math.abs(second.start - hint)) {
        // Same context twice (a repeated pull quote): the neighbours decide.
        return { start: best.start, end: best.start + exact.length, score: 1, method: "context" };
      }
      return null; // there, but which one is a guess
    }

    // 3. Bounded fuzzy match, for long quotes only.
    if (exact.length < MIN_FUZZY_LENGTH) return null;
    const maxErrors = Math.floor(exact.length * MAX_FUZZY_ERROR_RATE);
    const hits = fz().fuzzySearch(pageText, exact, maxErrors);
    if (!hits.length) return null;
    const ranked = hits.map((/** @type {any} */ h) => ({
      ...h, ctx: contextScore(pageText, h.start, h.end, prefix, suffix),
    })).sort((/** @type {any} */ a, /** @type {any} */ b) => a.errors - b.errors || b.ctx - a.ctx ||
      (hint == null ? 0 : Math.abs(a.start - hint) - Math.abs(b.start - hint)));
    const [best, second] = ranked;
    if (second && second.errors === best.errors && second.ctx === best.ctx &&
        (hint == null || Math.abs(best.start - hint) === Math.abs(second.start - hint))) {
      return null;
    }
    return { start: best.start, end: best.end, score: 1 - best.errors / exact.length, method: "fuzzy" };
  }


  /**
   * Place many selectors: first those that need no hint, then the rest with hints interpolated
   * between their placed neighbours (by position in the cleaned text).
   * @param {string} pageText  normalised page text
   * @param {readonly AnchorItem[]} items
   * @returns {(Match | null)[]}
   */
  function anchorAll(pageText, items) {
    /** @type {(Match | null)[]} */
    const out = items.map((it) => matchQuote(pageText, it.selector, null));
    const placed = () => items
      .map((it, i) => ({ pos: it.pos, m: out[i] }))
      .filter((x) => x.m)
      .sort((a, b) => a.pos - b.pos);
    const anchors = placed();
    items.forEach((it, i) => {
      if (out[i]) return;
      out[i] = matchQuote(pageText, it.selector, hintFor(anchors, it.pos));
    });
    return out;
  }

  /**
   * Expected page position of cleaned-text position `pos`, from placed neighbours.
   * @param {{pos: number, m: Match | null}[]} anchors  sorted by pos
   * @param {number} pos
   * @returns {number | null}
   */
  function hintFor(anchors, pos) {
    if (!anchors.length) return null;
    let before = null;
    let after = null;
    for (const a of anchors) {
      if (a.pos <= pos) before = a;
      else { after = a; break; }
    }
    const ms = (/** @type {any} */ a) => /** @type {Match} */ (a.m).start;
    if (before && after && after.pos > before.pos) {
      const ratio = (ms(after) - ms(before)) / (after.pos - before.pos);
      return Math.round(ms(before) + (pos - before.pos) * ratio);
    }
    if (before) return Math.round(ms(before) + (pos - before.pos) * NORMALISED_RATIO);
    if (after) return Math.max(0, Math.round(ms(after) - (after.pos - pos) * NORMALISED_RATIO));
    return null;
  }

  ns.anchor = { matchQuote, anchorAll, contextScore, hintFor };
})(/** @type {any} */ (globalThis).quotelens ??= {});
