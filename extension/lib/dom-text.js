// @ts-check
/**
 * DOM <-> text: the page's visible text nodes in document order (a TreeWalker, as Hypothesis'
 * text-range.ts does), the normalised text map over them, and Ranges back from map offsets.
 */
/**
 * @typedef {object} PageText
 * @property {Text[]} nodes
 * @property {any} map   lib/text-map.js TextMap over the nodes' data
 */
(function (ns) {
  const tm = () => /** @type {any} */ (globalThis).quotelens.textMap;

  /** Elements whose text a reader never sees as article text. */
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "SELECT", "OPTION",
    "IFRAME", "OBJECT", "SVG", "CANVAS", "HEAD", "TITLE", "QUOTELENS-UI"]);


  /**
   * Visible text nodes under `root`, in order. Hidden elements (display: none, the `hidden`
   * attribute) are left out, so a quote is never placed in a copy the reader cannot see.
   * @param {Node} root
   * @returns {Text[]}
   */
  function textNodes(root) {
    /** @type {WeakMap<Element, boolean>} */
    const visible = new WeakMap();
    const isVisible = (/** @type {Element} */ el) => {
      let v = visible.get(el);
      if (v === undefined) {
        v = typeof el.checkVisibility === "function" ? el.checkVisibility() : true;
        visible.set(el, v);
      }
      return v;
    };
    const doc = root.ownerDocument ?? /** @type {Document} */ (root);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          const el = /** @type {Element} */ (node);
          if (SKIP.has(el.nodeName.toUpperCase())) return NodeFilter.FILTER_REJECT;
          return NodeFilter.FILTER_SKIP;
        }
        const parent = node.parentElement;
        if (!node.nodeValue || !/\S/.test(node.nodeValue)) return NodeFilter.FILTER_SKIP;
        if (parent && !isVisible(parent)) return NodeFilter.FILTER_SKIP;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    /** @type {Text[]} */
    const out = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(/** @type {Text} */ (n));
    return out;
  }

  /**
   * The page's text, normalised, with its nodes.
   * @param {Node} root
   * @returns {PageText}
   */
  function readPage(root) {
    const nodes = textNodes(root);
    return { nodes, map: tm().buildTextMap(nodes.map((n) => n.data)) };
  }

  /**
   * A live Range over normalised [start, end), or null if the nodes changed since.
   * @param {PageText} page @param {number} start @param {number} end
   * @returns {Range | null}
   */
  function rangeFor(page, start, end) {
    const loc = tm().locate(page.map, start, end);
    if (!loc) return null;
    const a = page.nodes[loc.startNode];
    const b = page.nodes[loc.endNode];
    if (!a?.isConnected || !b?.isConnected) return null;
    const range = a.ownerDocument.createRange();
    try {
      range.setStart(a, loc.startOffset);
      range.setEnd(b, Math.min(loc.endOffset, b.length));
    } catch {
      return null;
    }
    return range;
  }

  /** Where a sentence ends: a full stop, ! or ?, after any closing marks, before a space or the end. */
  const SENTENCE_END = /[.!?](?=[”’"')\]]*(\s|$))/;

  /**
   * The rest of the sentence a range stands in, up to its end in the same block: for a quote,
   * the words after it that say who spoke ("…,” spokesman Ned Price said."). The hover card
   * must not cover them.
   * @param {Range} range
   * @returns {Range}
   */
  function sentenceRest(range) {
    const doc = range.startContainer.ownerDocument ?? document;
    const rest = doc.createRange();
    rest.setStart(range.endContainer, range.endOffset);
    rest.setEnd(range.endContainer, range.endOffset);
    const start = range.endContainer.nodeType === Node.TEXT_NODE ? range.endContainer : null;
    const block = (start?.parentElement ?? /** @type {Element} */ (range.endContainer))
      .closest?.("p, li, blockquote, dd, td, figcaption, h1, h2, h3, h4, h5, h6");
    if (!start || !block) return rest;
    const walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    walker.currentNode = start;
    /** @type {Node | null} */
    let node = start;
    let from = range.endOffset;
    while (node) {
      const text = /** @type {Text} */ (node);
      const m = text.data.slice(from).match(SENTENCE_END);
      if (m && m.index !== undefined) { rest.setEnd(text, from + m.index + 1); break; }
      rest.setEnd(text, text.length);
      node = walker.nextNode();
      from = 0;
    }
    return rest;
  }

  ns.domText = { textNodes, readPage, rangeFor, sentenceRest };
})(/** @type {any} */ (globalThis).quotelens ??= {});
