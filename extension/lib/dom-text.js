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

  ns.domText = { textNodes, readPage, rangeFor };
})(/** @type {any} */ (globalThis).quotelens ??= {});
