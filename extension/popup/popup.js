// @ts-check
/**
 * Toolbar popup: what quotelens found on this page ("n quotes, m not found"), the service's
 * status with the command to start it, on/off for this site, run now, hide highlights, side panel.
 */
(async function () {
  const ql = /** @type {any} */ (globalThis).quotelens;
  const api = ql.settings.api();
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const tabId = await ql.tabState.targetTabId();
  const settings = await ql.settings.load();

  /** @param {string | null} message @param {string} [command] */
  function showProblem(message, command) {
    ql.tabState.renderProblem($("problem"), message, command);
  }

  /** @param {any} report */
  function render(report) {
    $("summary").textContent = ql.views.popupSummary(report);
    if (!report) return;
    const problem = ql.views.problemOf(report, settings.serviceUrl);
    showProblem(problem?.message ?? null, problem?.command);
    $("toggle").textContent = report.visible === false ? "Show highlights" : "Hide highlights";
  }

  // Site on/off.
  const state = tabId != null ? await ql.tabState.tell(tabId, { type: "state" }) : null;
  const host = state?.host ?? "";
  $("host").textContent = host || "this page";
  const siteOn = /** @type {HTMLInputElement} */ ($("site-on"));
  siteOn.checked = !!host && !ql.settings.isSkipped(host, settings.skipSites);
  siteOn.disabled = !host;
  siteOn.addEventListener("change", async () => {
    const cur = (await ql.settings.load()).skipSites.filter((/** @type {string} */ s) => s !== host);
    await ql.settings.save({ skipSites: siteOn.checked ? cur : [...cur, host] });
    if (tabId != null) await ql.tabState.tell(tabId, { type: siteOn.checked ? "run" : "clear" });
  });

  $("run").addEventListener("click", () => { if (tabId != null) ql.tabState.tell(tabId, { type: "run" }); });
  $("toggle").addEventListener("click", () => { if (tabId != null) ql.tabState.tell(tabId, { type: "toggle" }); });
  $("panel").addEventListener("click", async () => {
    try {
      if (api.sidePanel?.open && tabId != null) await api.sidePanel.open({ tabId });
      else if (api.sidebarAction?.open) await api.sidebarAction.open();
      window.close();
    } catch (e) {
      showProblem(`Could not open the side panel: ${e}`);
    }
  });

  if (tabId != null) ql.tabState.watchReport(tabId, render);
  else render(null);

  // Service status.
  const health = await api.runtime.sendMessage({ type: "health" });
  const status = $("service-status");
  if (health?.ok) {
    status.textContent = `running at ${settings.serviceUrl}`;
  } else {
    status.textContent = `not reachable at ${settings.serviceUrl}`;
    if (!state?.report || state.report.status !== "error") {
      showProblem(health?.error ?? "The quotelens service is not running.",
        health?.code === "service_down" ? ql.settings.serveCommand(settings.serviceUrl) : undefined);
    }
  }
})();
