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
    .badge { font-size: 12px; font-weight: 650; padding: 0 0.3rem; border-radius: 4px; border: 1px solid currentColor; }
    .role { color: #444444; margin-top: 0.15rem; }
    .meta { color: #555555; font-size: 12.5px; margin-top: 0.35rem; }
    .unknown .name { font-style: italic; }
    button { all: unset; cursor: pointer; padding: 0 0.3rem; border-radius: 4px; color: #555555; }
    button:focus-visible { outline: 2px solid #0072B2; }
    @media (prefers-color-scheme: dark) {
      .card { background: #1F1F1F; color: #EEEEEE; border-color: #777777; }
      .role { color: #CCCCCC; } .meta, button { color: #BBBBBB; }
    }`;

  const GAP = 8;
  const MARGIN = 4;

  /**
   * Where the card goes, in viewport pixels. It must never cover its quote's sentence (the
   * words after a quote say who spoke): above the sentence when there is room, else below it,
   * else beside it (right, then left); only a sentence taller than the screen leaves no choice,
   * and then the card sits at the top. Horizontally it starts at the pointed line, kept on screen.
   * Pure, for node --test.
   * @param {{width: number, height: number}} size
   * @param {{left: number, top: number, bottom: number}} at   the line the reader pointed at
   * @param {readonly {left: number, top: number, right: number, bottom: number}[]} avoid
   * @param {{width: number, height: number}} view
   * @returns {{top: number, left: number, where: "above" | "below" | "right" | "left" | "over"}}
   */
  function placeCard(size, at, avoid, view) {
    const box = {
      left: Math.min(...avoid.map((r) => r.left)), right: Math.max(...avoid.map((r) => r.right)),
      top: Math.min(...avoid.map((r) => r.top)), bottom: Math.max(...avoid.map((r) => r.bottom)),
    };
    const left = Math.min(Math.max(MARGIN, at.left), Math.max(MARGIN, view.width - size.width - MARGIN));
    const top = Math.min(Math.max(MARGIN, at.top), Math.max(MARGIN, view.height - size.height - MARGIN));
    if (box.top - GAP - size.height >= MARGIN) return { top: box.top - GAP - size.height, left, where: "above" };
    if (box.bottom + GAP + size.height <= view.height - MARGIN) return { top: box.bottom + GAP, left, where: "below" };
    if (box.right + GAP + size.width <= view.width - MARGIN) return { top, left: box.right + GAP, where: "right" };
    if (box.left - GAP - size.width >= MARGIN) return { top, left: box.left - GAP - size.width, where: "left" };
    return { top: MARGIN, left, where: "over" };
  }

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
     * @param {{focus?: boolean, avoid?: DOMRectReadOnly[]}} [opts]  avoid: the quote's sentence, line by line
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
      swatch.style.background = ql.palette.COLOURS[quote.colour];
      // the second cue, as under the quote: the line's style (and on busy pages the speaker's number)
      swatch.style.borderBottom = `3px ${quote.line ?? "solid"} #1A1A1A`;
      const name = doc.createElement("span");
      name.className = "name";
      name.textContent = label;
      const close = doc.createElement("button");
      close.type = "button";
      close.textContent = "×";
      close.setAttribute("aria-label", "Close");
      close.addEventListener("click", () => { hide(); hooks.onClose?.(); });
      head.append(swatch);
      if (quote.number) {
        const badge = doc.createElement("span");
        badge.className = "badge";
        badge.textContent = `#${quote.number}`;
        head.append(badge);
      }
      head.append(name, close);
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
      const spot = placeCard({ width: c.offsetWidth || 240, height: c.offsetHeight || 80 }, anchorRect,
        opts.avoid?.length ? opts.avoid : [anchorRect],
        { width: doc.documentElement.clientWidth || 800, height: doc.defaultView?.innerHeight ?? 600 });
      c.style.top = `${Math.round(spot.top)}px`;
      c.style.left = `${Math.round(spot.left)}px`;
      c.dataset.placed = spot.where;
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

  ns.card = { createCard, placeCard };
})(/** @type {any} */ (globalThis).quotelens ??= {});
