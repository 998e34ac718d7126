// @ts-check
/**
 * What the popup and the side panel say about a tab's report, as pure functions: WebDriver BiDi
 * cannot open moz-extension:// pages, so node --test checks these instead, in both browsers' stead.
 * popup/popup.js and sidepanel/panel.js only put the results into their DOM.
 */
(function (ns) {
  const ql = () => /** @type {any} */ (globalThis).quotelens;
  const plural = (/** @type {number} */ n, /** @type {string} */ word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  /** The popup's one-line summary. @param {PageReport | null} report */
  function popupSummary(report) {
    if (!report) return "Nothing found yet on this page.";
    switch (report.status) {
      case "done":
        return `${plural(report.placed + report.unplaced, "quote")}, ${plural(report.speakers.length, "speaker")}` +
          (report.unplaced ? `, ${report.unplaced} not found in the page` : "");
      case "running": return "Finding quotes…";
      case "off": return "quotelens is off for this site.";
      case "idle": return "Click “Find quotes” to see who said what.";
      case "error": return report.code === "not_an_article" ? "No article found on this page." : "Could not find quotes.";
      default: return "";
    }
  }

  /** The side panel's summary line. @param {PageReport | null} report */
  function panelSummary(report) {
    if (!report) return "No quotes yet for this page.";
    if (report.status === "error") return popupSummary(report);
    if (report.status === "running") return "Finding quotes…";
    if (report.status === "off") return "quotelens is off for this site.";
    if (report.status !== "done") return "Open the popup and click “Find quotes”.";
    return `${plural(report.placed + report.unplaced, "quote")} · ${report.placed} highlighted` +
      (report.unplaced ? ` · ${report.unplaced} not found in the page` : "");
  }

  /**
   * The problem to show, with the command that starts the service when it is down; null if none.
   * @param {PageReport | null} report @param {string} serviceUrl
   * @returns {{message: string, command?: string} | null}
   */
  function problemOf(report, serviceUrl) {
    if (!report || report.status !== "error" || report.code === "not_an_article") return null;
    const down = report.code === "service_down" || report.code === "timeout";
    return { message: report.error ?? "Something went wrong.", command: down ? ql().settings.serveCommand(serviceUrl) : undefined };
  }

  /**
   * The side panel's groups: speakers in the service's order with their quotes, then quotes with
   * no speaker; speakers without a quote are left out.
   * @param {PageReport} report
   */
  function panelGroups(report) {
    const groups = report.speakers.map((s) => ({ ...s, key: s.id, quotes: /** @type {any[]} */ ([]) }));
    const pal = ql().palette;
    const unknown = { id: "", key: "unknown", name: null, role: null, type: "unknown", count: 0, colour: pal.UNKNOWN_INDEX,
      line: pal.UNKNOWN_LINE, number: null, quotes: /** @type {any[]} */ ([]) };
    const byId = new Map(groups.map((g) => [g.id, g]));
    for (const q of report.quotes) (byId.get(q.speakerId ?? "") ?? unknown).quotes.push(q);
    return [...groups, unknown].filter((g) => g.quotes.length);
  }

  ns.views = { popupSummary, panelSummary, problemOf, panelGroups };
})(/** @type {any} */ (globalThis).quotelens ??= {});
