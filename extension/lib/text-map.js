// @ts-check
/**
 * A whitespace-normalised view of a page's text, with a way back to the DOM.
 *
 * The service's offsets point into its *cleaned* article text, which differs from the page's text
 * nodes in whitespace above all: trafilatura joins paragraphs with "\n", the page has none between
 * `<p>`s, or indents its HTML. Removing whitespace (and invisible format characters such as soft
 * hyphens) on both sides, and folding curly quotes and dashes to plain ones, makes the two comparable; every kept character remembers which string
 * (text node) it came from and where, so a match maps back to a DOM Range. Pure: no DOM here,
 * the caller passes the text nodes' strings (lib/dom-text.js does that in the page).
 */
/**
 * @typedef {object} TextMap
 * @property {string} text       normalised text of all strings, concatenated
 * @property {Int32Array} node   for each char of `text`, the index of the string it came from
 * @property {Int32Array} offset for each char of `text`, its UTF-16 offset in that string
 */
(function (ns) {
  // Whitespace (\s covers NBSP and the Unicode spaces), soft hyphen, zero-width space/joiners,
  // word joiner and BOM: none of them changes what a reader sees as the words.
  const DROP = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/;
  // Typographic variants a cleaner or an annotator may have straightened: one char for one char,
  // so offsets keep mapping 1:1. The DOM Range still covers the page's own characters.
  /** @type {Record<string, string>} */
  const FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u201B": "'", "\u2032": "'", "\u02BC": "'",
    "\u201C": '"', "\u201D": '"', "\u201E": '"', "\u201F": '"', "\u2033": '"', "\u00AB": '"', "\u00BB": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
  };


  /**
   * Normalise one string the same way the page text is normalised (for exact/prefix/suffix).
   * @param {string} s
   * @returns {string}
   */
  function normalise(s) {
    let out = "";
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (!DROP.test(ch)) out += FOLD[ch] ?? ch;
    }
    return out;
  }

  /**
   * Build the map over strings in document order.
   * @param {readonly string[]} strings
   * @returns {TextMap}
   */
  function buildTextMap(strings) {
    let total = 0;
    for (const s of strings) total += s.length;
    const node = new Int32Array(total);
    const offset = new Int32Array(total);
    const parts = [];
    let n = 0;
    for (let k = 0; k < strings.length; k++) {
      const s = strings[k];
      let kept = "";
      for (let i = 0; i < s.length; i++) {
        const ch = s[i];
        if (DROP.test(ch)) continue;
        kept += FOLD[ch] ?? ch;
        node[n] = k;
        offset[n] = i;
        n++;
      }
      parts.push(kept);
    }
    return { text: parts.join(""), node: node.subarray(0, n), offset: offset.subarray(0, n) };
  }

  /**
   * Where a normalised [start, end) lies in the source strings: start and end (exclusive) as
   * (string index, UTF-16 offset) pairs, ready for Range.setStart/setEnd.
   * @param {TextMap} map
   * @param {number} start
   * @param {number} end
   * @returns {{startNode: number, startOffset: number, endNode: number, endOffset: number} | null}
   */
  function locate(map, start, end) {
    if (!(start >= 0 && end > start && end <= map.text.length)) return null;
    return {
      startNode: map.node[start],
      startOffset: map.offset[start],
      endNode: map.node[end - 1],
      endOffset: map.offset[end - 1] + 1,
    };
  }

  ns.textMap = { normalise, buildTextMap, locate };
})(/** @type {any} */ (globalThis).quotelens ??= {});
