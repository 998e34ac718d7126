// @ts-check
/**
 * Side panel (Chromium chrome.sidePanel, Firefox sidebar_action): quotes grouped by speaker with
 * counts and roles; a click scrolls the page to the quote and flashes it; unplaced quotes listed
 * apart; a filter by speaker. Everything from the service goes in through textContent.
 */
(async function () {
  const ql = /** @type {any} */ (globalThis).quotelens;
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const settings = await ql.settings.load();
  /** @type {number | null} */
  let tabId = await ql.tabState.targetTabId();
  /** @type {any} */
  let report = null;
  const KIND = { direct: "direct quote", mixed: "partial quote", indirect: "reported speech" };

  function el(/** @type {string} */ tag, /** @type {string} */ cls = "", /** @type {string} */ text = "") {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  /** One quote as a button (placed) or a plain item (unplaced). @param {any} q */
  function quoteItem(q) {
    const li = el("li");
    const b = /** @type {HTMLButtonElement} */ (el("button", "quote"));
    b.type = "button";
    b.style.borderLeftColor = ql.palette.COLOURS[q.colour];
    b.style.borderLeftStyle = q.line ?? "solid";
    b.dataset.quoteId = q.id;
    const words = q.text.length > 280 ? q.text.slice(0, 277) + "…" : q.text;
    b.append(`“${words}”`);
    const kind = /** @type {Record<string, string>} */ (KIND)[q.kind] ?? q.kind;
    b.append(el("span", "kind", `${kind} · confidence ${Math.round(q.confidence * 100)}%`));
    if (q.placed) {
      b.addEventListener("click", () => { if (tabId != null) ql.tabState.tell(tabId, { type: "select", quoteId: q.id }); });
    } else {
      b.disabled = true;
    }
    li.append(b);
    return li;
  }

  function render() {
    const box = $("speakers");
    box.replaceChildren();
    $("unplaced").replaceChildren();
    const problem = $("problem");
    ql.tabState.renderProblem(problem, null);
    $("summary").textContent = ql.views.panelSummary(report);
    if (!report || report.status !== "done") {
      const p = ql.views.problemOf(report, settings.serviceUrl);
      if (p) ql.tabState.renderProblem(problem, p.message, p.command);
      return;
    }

    // Filter: keep the choice across re-renders.
    const filter = /** @type {HTMLSelectElement} */ ($("filter"));
    const chosen = filter.value;
    filter.replaceChildren(new Option("All speakers", ""));
    const groups = ql.views.panelGroups(report);
    for (const g of groups) {
      if (!g.quotes.length) continue;
      filter.append(new Option(`${ql.contract.speakerLabel(g.name, g.type)} (${g.quotes.length})`, g.key));
    }
    filter.value = [...filter.options].some((o) => o.value === chosen) ? chosen : "";
    $("filter-row").hidden = groups.length < 2;

    for (const g of groups) {
      if (!g.quotes.length) continue;
      if (filter.value && filter.value !== g.key) continue;
      const sec = el("section", "speaker");
      sec.dataset.speakerId = g.key;
      const head = el("div", "speaker-head");
      const sw = el("span", "swatch");
      sw.style.background = ql.palette.COLOURS[g.colour];
      sw.style.borderBottom = `3px ${g.line ?? ql.palette.UNKNOWN_LINE} currentColor`;
      head.append(sw);
      if (g.number) head.append(el("span", "badge", `#${g.number}`));
      head.append(el("span", "speaker-name", ql.contract.speakerLabel(g.name, g.type)),
        el("span", "count", `${g.quotes.length} quote${g.quotes.length === 1 ? "" : "s"}`));
      sec.append(head);
      if (g.role) sec.append(el("div", "role", g.role));
      const list = el("ol");
      for (const q of g.quotes) if (q.placed) list.append(quoteItem(q));
      sec.append(list);
      box.append(sec);
    }
    const unplaced = report.quotes.filter((/** @type {any} */ q) => !q.placed);
    for (const q of unplaced) {
      const li = quoteItem(q);
      li.prepend(el("span", "muted small", ql.contract.speakerLabel(q.speaker, "unknown") + ": "));
      $("unplaced").append(li);
    }
    $("unplaced-section").hidden = !unplaced.length;
  }

  $("filter").addEventListener("change", render);

  /** @param {number | null} id */
  function follow(id) {
    tabId = id;
    if (id == null) { report = null; render(); return; }
    ql.tabState.watchReport(id, (/** @type {any} */ r) => { if (tabId === id) { report = r; render(); } });
  }
  follow(tabId);

  // A side panel stays open across tabs: follow the active tab (unless ?tab= pins one).
  if (!new URLSearchParams(location.search).has("tab")) {
    const api = ql.settings.api();
    api.tabs.onActivated?.addListener((/** @type {any} */ info) => follow(info.tabId));
  }
})();
