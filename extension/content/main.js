// @ts-check
/**
 * Content script, wiring only: read the page -> ask the service (through the service worker)
 * -> anchor each quote -> highlight -> report counts. State for tests and tools lives on <html>:
 * data-quotelens="running|done|error|off|idle", data-quotelens-placed, data-quotelens-unplaced,
 * data-quotelens-error (a code such as "service_down").
 */
(function () {
  const ql = /** @type {any} */ (globalThis).quotelens;
  if (!ql || ql.started) return; // injected twice (extension reloaded): keep the first
  ql.started = true;

  const api = ql.settings.api();
  const root = document.documentElement;
  const highlighter = ql.highlight.createHighlighter(document);
  const card = ql.card.createCard(document, {
    onClose: () => { highlighter.setActive(null); selected = -1; },
  });

  /** @type {any} */ let result = null;
  /** @type {PageQuote[]} */ let quotes = [];
  /** @type {Map<string, Range[]>} */ let placed = new Map();
  /** @type {PageReport | null} */ let report = null;
  let visible = true;
  let running = false;
  /** @type {MutationObserver | null} */ let observer = null;
  /** @type {number | undefined} */ let debounce;
  let selected = -1;

  /** @param {string} status @param {{code?: string, error?: string}} [err] */
  function setStatus(status, err = {}) {
    root.dataset.quotelens = status;
    if (err.code) root.dataset.quotelensError = err.code; else delete root.dataset.quotelensError;
    if (status !== "done") { delete root.dataset.quotelensPlaced; delete root.dataset.quotelensUnplaced; }
    report = {
      url: location.href, title: document.title, status: /** @type {any} */ (status),
      code: err.code, error: err.error, placed: 0, unplaced: 0, visible, speakers: [], quotes: [],
    };
  }

  function sendReport() {
    if (report) api.runtime.sendMessage({ type: "report", report }).catch(() => {});
  }

  /** Dark page? Then highlights use the dark variants (data-quotelens-theme). */
  function detectTheme() {
    for (const el of [document.body, root]) {
      if (!el) continue;
      const m = getComputedStyle(el).backgroundColor.match(/[\d.]+/g);
      if (!m || (m.length === 4 && Number(m[3]) === 0)) continue;
      const hex = "#" + m.slice(0, 3).map((v) => Number(v).toString(16).padStart(2, "0")).join("");
      return ql.palette.luminance(hex) < 0.3 ? "dark" : "light";
    }
    return "light";
  }

  async function run() {
    if (running) return;
    running = true;
    setStatus("running");
    sendReport();
    try {
      const html = "<!DOCTYPE html>\n" + root.outerHTML;
      if (html.length > ql.config.MAX_HTML_CHARS) {
        fail("too_large", "This page is too large to send to the quotelens service.");
        return;
      }
      /** @type {AttributeReply} */
      const reply = await api.runtime.sendMessage({ type: "attribute", url: location.href, html });
      if (!reply || !reply.ok) {
        fail(reply?.code ?? "no_reply", reply?.error ?? "The extension's service worker did not answer.");
        return;
      }
      result = reply.result;
      quotes = ql.contract.pageQuotes(result);
      root.dataset.quotelensTheme = detectTheme();
      place();
      observe();
    } catch (e) {
      fail("extension_error", String(e));
    } finally {
      running = false;
    }
  }

  /** @param {string} code @param {string} message */
  function fail(code, message) {
    setStatus("error", { code, error: message });
    sendReport();
  }

  /** Normalised page text at the last placement: a page that changes only elsewhere (ads, tickers)
   * keeps its quotes' ranges, so nothing is redone. */
  let lastText = "";

  /** Are all placed ranges still over live text? */
  function rangesIntact() {
    for (const ranges of placed.values()) {
      for (const r of ranges) {
        if (r.collapsed || !r.startContainer.isConnected || !r.endContainer.isConnected) return false;
      }
    }
    return true;
  }

  /** Anchor every quote in the live page and paint the placed ones. */
  function place() {
    if (!result) return;
    let page = null;
    if (highlighter.useApi) {
      page = ql.domText.readPage(document.body ?? root);
      if (lastText && placed.size && rangesIntact() && page.map.text === lastText) return;
    } else {
      withoutObserver(() => highlighter.clear()); // unwrap the marks before re-reading the text
    }
    page = page ?? ql.domText.readPage(document.body ?? root);
    lastText = page.map.text;
    /** @type {{selector: any, pos: number}[]} */
    const items = [];
    /** @type {[number, number][]} */
    const spans = []; // per quote: [first item, item count]
    for (const q of quotes) {
      spans.push([items.length, q.parts.length]);
      items.push(...q.parts);
    }
    const matches = ql.anchor.anchorAll(page.map.text, items);
    placed = new Map();
    quotes.forEach((q, i) => {
      const [first, count] = spans[i];
      const ranges = [];
      for (let k = first; k < first + count; k++) {
        const m = matches[k];
        const r = m && ql.domText.rangeFor(page, m.start, m.end);
        if (r) ranges.push(r);
      }
      // A quote counts as placed only when every one of its parts is.
      if (ranges.length === count) placed.set(q.id, ranges);
    });
    paint();
    const nPlaced = placed.size;
    setStatus("done");
    root.dataset.quotelensPlaced = String(nPlaced);
    root.dataset.quotelensUnplaced = String(quotes.length - nPlaced);
    const r = /** @type {PageReport} */ (report);
    r.placed = nPlaced;
    r.unplaced = quotes.length - nPlaced;
    r.speakers = ql.contract.pageSpeakers(result);
    r.quotes = quotes.map((q) => ({
      id: q.id, speakerId: q.speakerId, speaker: q.speaker, role: q.role, kind: q.kind,
      confidence: q.confidence, text: q.text, parts: q.parts.map((p) => p.selector.exact), colour: q.colour,
      line: q.line, number: q.number,
      placed: placed.has(q.id),
    }));
    sendReport();
  }

  function paint() {
    root.dataset.quotelensVisible = String(visible);
    if (!visible) { withoutObserver(() => highlighter.clear()); return; }
    const painted = quotes.filter((q) => placed.has(q.id)).map((q) => ({
      quoteId: q.id, speakerId: q.speakerId, colour: q.colour, line: q.line, ranges: placed.get(q.id) ?? [],
    }));
    withoutObserver(() => highlighter.paint(painted));
  }

  /** Our own DOM changes (fallback marks) must not trigger a re-place. @param {() => void} fn */
  function withoutObserver(fn) {
    if (!observer) { fn(); return; }
    observer.disconnect();
    fn();
    observer.takeRecords();
    observer.observe(document.body ?? root, { childList: true, subtree: true, characterData: true });
  }

  /** Re-place quotes after the page changes (debounced). */
  function observe() {
    if (observer) return;
    observer = new MutationObserver(() => {
      clearTimeout(debounce);
      debounce = setTimeout(place, ql.config.REPLACE_DEBOUNCE_MS);
    });
    observer.observe(document.body ?? root, { childList: true, subtree: true, characterData: true });
  }

  function stop() {
    observer?.disconnect();
    observer = null;
    clearTimeout(debounce);
    highlighter.clear();
    card.remove();
    result = null; quotes = []; placed = new Map(); lastText = "";
    setStatus("off");
    sendReport();
  }

  // ---- hover card ----------------------------------------------------------------------------

  /** Which placed quote is under the point? @param {number} x @param {number} y */
  function quoteAt(x, y) {
    for (const q of quotes) {
      const ranges = placed.get(q.id);
      if (!ranges) continue;
      for (const r of ranges) {
        const rects = r.getClientRects(); // indexed, not iterated: the list may be an Xray (Firefox)
        for (let i = 0; i < rects.length; i++) {
          const rect = rects[i];
          if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return { q, rect };
        }
      }
    }
    return null;
  }

  /**
   * The lines the card must leave visible: the quote's own ranges and the rest of the sentence
   * after its last part ("…,” spokesman Ned Price said.").
   * @param {Range[]} ranges @returns {DOMRect[]}
   */
  function sentenceRects(ranges) {
    /** @type {DOMRect[]} */
    const out = [];
    for (const r of [...ranges, ql.domText.sentenceRest(ranges[ranges.length - 1])]) {
      const rects = r.getClientRects(); // indexed, not iterated: the list may be an Xray (Firefox)
      for (let i = 0; i < rects.length; i++) if (rects[i].width > 0) out.push(rects[i]);
    }
    return out;
  }

  /** @param {PageQuote} q @param {DOMRect} at @param {boolean} [focus] */
  function showCard(q, at, focus = false) {
    const ranges = placed.get(q.id) ?? [];
    card.show(q, at, { focus, avoid: ranges.length ? sentenceRects(ranges) : [] });
  }

  // Escape closes the card wherever the focus is (hovered cards are not focused).
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || !card.shownId()) return;
    card.hide();
    highlighter.setActive(null);
    selected = -1;
  });

  let frame = 0;
  document.addEventListener("mousemove", (e) => {
    if (!visible || !placed.size || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (card.isOwn(e.target)) return;
      const hit = quoteAt(e.clientX, e.clientY);
      if (hit) {
        if (card.shownId() !== hit.q.id) {
          highlighter.setActive(placed.get(hit.q.id) ?? null);
          showCard(hit.q, hit.rect);
        }
      } else if (card.shownId() && selected < 0) {
        highlighter.setActive(null);
        card.hide();
      }
    });
  }, { passive: true });

  /**
   * Scroll to a quote, give it the strong highlight and the card (focused, for keyboard users).
   * @param {string} id @param {{flash?: boolean}} [opts]
   */
  function select(id, opts = {}) {
    const q = quotes.find((x) => x.id === id);
    const ranges = placed.get(id);
    if (!q || !ranges) return false;
    selected = quotes.indexOf(q);
    const el = ranges[0].startContainer.parentElement;
    el?.scrollIntoView({ block: "center", behavior: "instant" });
    highlighter.setActive(ranges);
    showCard(q, ranges[0].getBoundingClientRect(), true);
    if (opts.flash) {
      let n = 0;
      const t = setInterval(() => {
        n++;
        highlighter.setActive(n % 2 ? null : ranges);
        if (n >= 5) clearInterval(t);
      }, 180);
    }
    return true;
  }

  /** Next or previous placed quote (keyboard shortcuts). @param {number} delta */
  function step(delta) {
    const order = quotes.filter((q) => placed.has(q.id));
    if (!order.length) return;
    const cur = selected >= 0 ? order.findIndex((q) => q.id === quotes[selected].id) : -1;
    const next = order[(cur + delta + order.length) % order.length];
    select(next.id);
  }

  function toggle() {
    visible = !visible;
    if (!visible) { card.hide(); highlighter.setActive(null); selected = -1; }
    paint();
    if (report) { report.visible = visible; sendReport(); }
  }

  api.runtime.onMessage.addListener((/** @type {any} */ msg, /** @type {any} */ _sender, /** @type {(r: any) => void} */ reply) => {
    switch (msg?.type) {
      case "run": result ? place() : run(); reply({ ok: true }); break;
      case "toggle": toggle(); reply({ ok: true, visible }); break;
      case "clear": stop(); reply({ ok: true }); break;
      case "select": reply({ ok: select(String(msg.quoteId), { flash: true }) }); break;
      case "step": step(msg.delta < 0 ? -1 : 1); reply({ ok: true }); break;
      case "state": reply({ host: location.hostname, report }); break;
      default: return false;
    }
    return false;
  });

  (async () => {
    const s = await ql.settings.load();
    if (ql.settings.isSkipped(location.hostname, s.skipSites)) { setStatus("off"); sendReport(); return; }
    if (s.runMode === "auto") run();
    else { setStatus("idle"); sendReport(); }
  })();
})();
