// @ts-check
/**
 * Paint placed quotes. With the CSS Custom Highlight API (CSS.highlights) the page's DOM and
 * layout stay untouched: one Highlight per palette look ("quotelens-c0", "quotelens-c3-dashed", ...) and
 * a stronger "quotelens-active" for the hovered or selected quote; the colours are in
 * content/highlight.css (injected by the manifest, not into the DOM). Where the API is missing,
 * the text is wrapped in <mark class="quotelens-mark ql-quote ql-speaker-sN"> elements instead,
 * and unwrapped on clear().
 */
/**
 * @typedef {object} Painted
 * @property {string} quoteId
 * @property {string | null} speakerId
 * @property {number} colour
 * @property {string} [line]   underline style (lib/palette.js lineStyle)
 * @property {Range[]} ranges
 */
(function (ns) {
  const pal = () => /** @type {any} */ (globalThis).quotelens.palette;


  /** @returns {boolean} */
  function hasHighlightApi() {
    const g = /** @type {any} */ (globalThis);
    return typeof g.Highlight === "function" && !!g.CSS?.highlights;
  }

  /**
   * @param {Document} doc
   * @param {{forceFallback?: boolean}} [options]
   */
  function createHighlighter(doc, options = {}) {
    const useApi = hasHighlightApi() && !options.forceFallback;
    const g = /** @type {any} */ (globalThis);
    /** @type {HTMLElement[]} */
    let marks = [];

    function clear() {
      if (useApi) {
        // Not [...CSS.highlights.keys()]: in a Firefox content script CSS.highlights is the page's
        // registry seen through an Xray wrapper, whose iterators throw ("Xray wrapping of iterators
        // not supported"). forEach is a plain method call and works in both browsers.
        /** @type {string[]} */
        const ours = [];
        g.CSS.highlights.forEach((/** @type {any} */ _h, /** @type {string} */ name) => {
          if (String(name).startsWith("quotelens")) ours.push(String(name));
        });
        for (const name of ours) g.CSS.highlights.delete(name);
      }
      for (const m of marks) {
        const parent = m.parentNode;
        if (!parent) continue;
        while (m.firstChild) parent.insertBefore(m.firstChild, m);
        parent.removeChild(m);
        parent.normalize();
      }
      marks = [];
    }

    /**
     * Wrap the text of a range in marks (fallback). Splits text nodes at the range's ends.
     * @param {Range} range @param {string[]} classes @param {string} quoteId
     */
    function wrap(range, classes, quoteId) {
      const nodes = [];
      const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
      for (let n = walker.currentNode; n; n = /** @type {any} */ (walker.nextNode())) {
        if (n.nodeType === Node.TEXT_NODE && range.intersectsNode(n)) nodes.push(/** @type {Text} */ (n));
      }
      for (let node of nodes) {
        let start = node === range.startContainer ? range.startOffset : 0;
        const end = node === range.endContainer ? range.endOffset : node.length;
        if (end <= start || !/\S/.test(node.data.slice(start, end))) continue;
        if (end < node.length) node.splitText(end);
        if (start > 0) { node = node.splitText(start); start = 0; }
        const mark = doc.createElement("mark");
        mark.className = classes.join(" ");
        mark.dataset.quotelensQuote = quoteId;
        node.parentNode?.insertBefore(mark, node);
        mark.appendChild(node);
        marks.push(mark);
      }
    }

    /** @param {readonly Painted[]} painted */
    function paint(painted) {
      clear();
      if (useApi) {
        /** @type {Map<string, Range[]>} */
        const byLook = new Map();
        for (const p of painted) {
          const name = pal().highlightName(p.colour, p.line);
          const list = byLook.get(name) ?? [];
          list.push(...p.ranges);
          byLook.set(name, list);
        }
        for (const [name, ranges] of byLook) {
          const h = new g.Highlight(...ranges);
          h.priority = 1;
          g.CSS.highlights.set(name, h);
        }
        return;
      }
      // Wrap from the end of the document backwards so earlier ranges stay valid.
      const all = painted.flatMap((p) => p.ranges.map((r) => ({ p, r })));
      all.sort((x, y) => y.r.compareBoundaryPoints(Range.START_TO_START, x.r));
      for (const { p, r } of all) {
        // the highlight's name is also the mark's class: content/highlight.css styles both alike
        const classes = ["quotelens-mark", "ql-quote", pal().highlightName(p.colour, p.line)];
        if (p.speakerId) classes.push(`ql-speaker-${p.speakerId}`);
        wrap(r, classes, p.quoteId);
      }
    }

    /** The stronger highlight on one quote's ranges (null to remove). @param {Range[] | null} ranges */
    function setActive(ranges) {
      if (useApi) {
        if (ranges && ranges.length) {
          const h = new g.Highlight(...ranges);
          h.priority = 10;
          g.CSS.highlights.set(pal().ACTIVE_HIGHLIGHT, h);
        } else {
          g.CSS.highlights.delete(pal().ACTIVE_HIGHLIGHT);
        }
        return;
      }
      for (const m of marks) m.classList.remove("quotelens-active");
      if (!ranges) return;
      for (const m of marks) {
        if (ranges.some((r) => r.intersectsNode(m))) m.classList.add("quotelens-active");
      }
    }

    return { useApi, paint, clear, setActive, ownsNode: (/** @type {Node} */ n) => marks.includes(/** @type {any} */ (n)) };
  }

  ns.highlight = { createHighlighter, hasHighlightApi };
})(/** @type {any} */ (globalThis).quotelens ??= {});
