// @ts-check
/**
 * The hover card: speaker, role, kind and confidence of one quote. It lives in a closed shadow
 * root on a <quotelens-ui> element appended to <html> (not <body>), so page CSS and scripts can
 * neither restyle nor read it. Server strings go in through textContent only.
 */
(function (ns) {
  const CARD_CSS = `
    :host { all: initial; }
    .card { position: fixed; z-index: 2147483647; max-width: 22rem; min-width: 12rem;
      font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      background: #FFFFFF; color: #1A1A1A; border: 1px solid #8A8A8A; border-radius: 8px;
      box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25); padding: 0.6rem 0.75rem; }
    .card:focus { outline: 3px solid #0072B2; outline-offset: 2px; }
    .head { display: flex; align-items: center; gap: 0.5rem; }
    .swatch { width: 0.9rem; height: 0.9rem; border-radius: 3px; flex: none; border: 1px solid rgba(0,0,0,0.4); }
    .name { font-weight: 650; flex: 1; }
    .role { color: #444444; margin-top: 0.15rem; }
    .meta { color: #555555; font-size: 12.5px; margin-top: 0.35rem; }
    .unknown .name { font-style: italic; }
    button { all: unset; cursor: pointer; padding: 0 0.3rem; border-radius: 4px; color: #555555; }
    button:focus-visible { outline: 2px solid #0072B2; }
    @media (prefers-color-scheme: dark) {
      .card { background: #1F1F1F; color: #EEEEEE; border-color: #777777; }
      .role { color: #CCCCCC; } .meta, button { color: #BBBBBB; }
    }`;

  const KIND_LABEL = { direct: "direct quote", mixed: "partial quote", indirect: "reported speech" };

  /**
   * @param {Document} doc
   * @param {{onClose?: () => void}} [hooks]
   */
  function createCard(doc, hooks = {}) {
    /** @type {HTMLElement | null} */
    let host = null;
    /** @type {HTMLElement | null} */
    let card = null;
    /** @type {string | null} */
    let shownId = null;

    function build() {
      host = doc.createElement("quotelens-ui");
      host.style.cssText = "all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;";
      const shadow = host.attachShadow({ mode: "closed" });
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CARD_CSS);
        shadow.adoptedStyleSheets = [sheet];
      } catch {
        const style = doc.createElement("style");
        style.textContent = CARD_CSS;
        shadow.appendChild(style);
      }
      card = doc.createElement("div");
      card.className = "card";
      card.setAttribute("role", "dialog");
      card.setAttribute("aria-live", "polite");
      card.tabIndex = -1;
      card.hidden = true;
      card.addEventListener("keydown", (e) => {
        if (e.key === "Escape") { hide(); hooks.onClose?.(); }
      });
      shadow.appendChild(card);
      doc.documentElement.appendChild(host);
    }

    /**
     * @param {PageQuote} quote
     * @param {DOMRect} anchorRect  where the quote is on screen
     * @param {{focus?: boolean, colour?: string}} [opts]
     */
    function show(quote, anchorRect, opts = {}) {
      if (!host || !host.isConnected) build();
      const c = /** @type {HTMLElement} */ (card);
      const ql = /** @type {any} */ (globalThis).quotelens;
      const label = ql.contract.speakerLabel(quote.speaker, quote.speakerType);
      c.replaceChildren();
      c.classList.toggle("unknown", !quote.speaker);
      c.setAttribute("aria-label", `Quote by ${label}`);
      c.dataset.quoteId = quote.id;

      const head = doc.createElement("div");
      head.className = "head";
      const swatch = doc.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = ql.palette.OKABE_ITO[quote.colour];
      const name = doc.createElement("span");
      name.className = "name";
      name.textContent = label;
      const close = doc.createElement("button");
      close.type = "button";
      close.textContent = "×";
      close.setAttribute("aria-label", "Close");
      close.addEventListener("click", () => { hide(); hooks.onClose?.(); });
      head.append(swatch, name, close);
      c.append(head);
      if (quote.role) {
        const role = doc.createElement("div");
        role.className = "role";
        role.textContent = quote.role;
        c.append(role);
      } else if (quote.unnamedMention) {
        // "he said" with no one quotelens could name: say so rather than leave it bare
        const said = doc.createElement("div");
        said.className = "role";
        said.textContent = `“${quote.unnamedMention}” in the text; not identified`;
        c.append(said);
      }
      const meta = doc.createElement("div");
      meta.className = "meta";
      const kind = /** @type {Record<string, string>} */ (KIND_LABEL)[quote.kind] ?? quote.kind;
      meta.textContent = `${kind} · confidence ${Math.round(quote.confidence * 100)}%`;
      c.append(meta);

      c.hidden = false;
      // Below the quote if it fits, else above; kept inside the viewport.
      const view = doc.documentElement.clientWidth || 800;
      const height = c.offsetHeight || 80;
      const width = c.offsetWidth || 240;
      let top = anchorRect.bottom + 8;
      if (top + height > (doc.defaultView?.innerHeight ?? 600)) top = Math.max(4, anchorRect.top - height - 8);
      const left = Math.min(Math.max(4, anchorRect.left), Math.max(4, view - width - 4));
      c.style.top = `${Math.round(top)}px`;
      c.style.left = `${Math.round(left)}px`;
      shownId = quote.id;
      if (opts.focus) c.focus({ preventScroll: true });
    }

    function hide() {
      if (card) card.hidden = true;
      shownId = null;
    }

    function remove() {
      host?.remove();
      host = card = null;
      shownId = null;
    }

    return {
      show, hide, remove,
      shownId: () => shownId,
      /** Is the pointer's target our own UI? @param {EventTarget | null} t */
      isOwn: (t) => !!host && t === host,
    };
  }

  ns.card = { createCard };
})(/** @type {any} */ (globalThis).quotelens ??= {});
