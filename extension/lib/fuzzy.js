// @ts-check
/**
 * Bounded approximate matching: where does `pattern` occur in `text` with at most `maxErrors`
 * edits (insertions, deletions, substitutions)? Used only after exact matching failed, for the
 * small differences a cleaner can leave (a dropped footnote mark, a changed dash).
 *
 * Cost stays bounded on long pages: candidate places come from exact "seeds" (pigeonhole: with
 * k errors, one of k+1 disjoint pieces of the pattern occurs unchanged), and only a window of
 * |pattern| + 2k characters around each candidate is aligned (Sellers' algorithm, O(m·w)).
 * Pure: strings in, numbers out.
 */
/**
 * @typedef {object} FuzzyHit
 * @property {number} start
 * @property {number} end      exclusive
 * @property {number} errors   edit distance between pattern and text[start:end]
 */
(function (ns) {
  /** Seeds seen more often than this say nothing about where the quote is. */
  const MAX_SEED_HITS = 40;
  /** Windows aligned per pattern, at most (keeps a page with many near-repeats cheap). */
  const MAX_CANDIDATES = 60;


  /**
   * Best approximate occurrence of `pattern` ending inside text[from:to] (Sellers: a free start).
   * @param {string} text
   * @param {string} pattern
   * @param {number} from
   * @param {number} to
   * @returns {{end: number, errors: number}}
   */
  function bestEnd(text, pattern, from, to) {
    const m = pattern.length;
    let prev = new Int32Array(m + 1);
    let cur = new Int32Array(m + 1);
    for (let i = 0; i <= m; i++) prev[i] = i;
    let best = { end: from, errors: m };
    for (let j = from; j < to; j++) {
      cur[0] = 0;
      const c = text.charCodeAt(j);
      for (let i = 1; i <= m; i++) {
        const sub = prev[i - 1] + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
        const del = prev[i] + 1;
        const ins = cur[i - 1] + 1;
        cur[i] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      }
      if (cur[m] < best.errors) best = { end: j + 1, errors: cur[m] };
      const t = prev; prev = cur; cur = t;
    }
    return best;
  }

  /**
   * Align `pattern` in text[from:to]; the start is found by aligning the reversed pattern
   * backwards from the best end.
   * @param {string} text
   * @param {string} pattern
   * @param {number} from
   * @param {number} to
   * @returns {FuzzyHit}
   */
  function alignIn(text, pattern, from, to) {
    const { end, errors } = bestEnd(text, pattern, from, to);
    const rev = (/** @type {string} */ s) => s.split("").reverse().join("");
    const slice = rev(text.slice(from, end));
    const back = bestEnd(slice, rev(pattern), 0, slice.length);
    return { start: end - back.end, end, errors: Math.max(errors, back.errors) };
  }

  /**
   * Candidate start positions of `pattern` in `text`, from exact seeds.
   * @param {string} text
   * @param {string} pattern
   * @param {number} maxErrors
   * @returns {number[]}
   */
  function seedStarts(text, pattern, maxErrors) {
    const pieces = maxErrors + 1;
    const size = Math.floor(pattern.length / pieces);
    /** @type {Set<number>} */
    const starts = new Set();
    for (let p = 0; p < pieces && size > 0; p++) {
      const at = p * size;
      const seed = pattern.slice(at, at + size);
      /** @type {number[]} */
      const hits = [];
      for (let i = text.indexOf(seed); i !== -1; i = text.indexOf(seed, i + 1)) {
        hits.push(i);
        if (hits.length > MAX_SEED_HITS) break;
      }
      if (hits.length > MAX_SEED_HITS) continue;
      // Bucket starts by the error bound so near-identical candidates share one window.
      for (const h of hits) starts.add(Math.max(0, h - at));
    }
    return [...starts].sort((a, b) => a - b);
  }

  /**
   * All distinct approximate occurrences with at most `maxErrors` edits, best first.
   * @param {string} text
   * @param {string} pattern
   * @param {number} maxErrors
   * @returns {FuzzyHit[]}
   */
  function fuzzySearch(text, pattern, maxErrors) {
    if (!pattern || maxErrors < 0) return [];
    /** @type {FuzzyHit[]} */
    const hits = [];
    let lastWindowEnd = -1;
    let windows = 0;
    for (const s of seedStarts(text, pattern, maxErrors)) {
      const from = Math.max(0, s - maxErrors);
      const to = Math.min(text.length, s + pattern.length + maxErrors);
      if (to <= lastWindowEnd) continue; // this start was covered by the previous window
      if (++windows > MAX_CANDIDATES) break;
      lastWindowEnd = to;
      const hit = alignIn(text, pattern, from, to);
      if (hit.errors > maxErrors) continue;
      const overlapping = hits.find((h) => h.start < hit.end && hit.start < h.end);
      if (overlapping) {
        if (hit.errors < overlapping.errors) Object.assign(overlapping, hit);
        continue;
      }
      hits.push(hit);
    }
    return hits.sort((a, b) => a.errors - b.errors || a.start - b.start);
  }

  /**
   * Plain edit distance (for tests and for checking a placement after the fact).
   * @param {string} a
   * @param {string} b
   */
  function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  }

  ns.fuzzy = { fuzzySearch, alignIn, editDistance };
})(/** @type {any} */ (globalThis).quotelens ??= {});
