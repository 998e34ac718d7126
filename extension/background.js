// @ts-check
/**
 * Service worker (Chromium) / background script (Firefox): the only code that calls the local
 * quotelens service. A content script's own fetch to 127.0.0.1 is blocked on public sites
 * (Chrome's Local Network Access); this worker's fetch, with host permissions for 127.0.0.1 and
 * localhost, is not. No module globals hold state (the worker may stop at any time): per-tab
 * reports live in storage.session.
 */
{
  const g = /** @type {any} */ (globalThis);
  if (typeof g.importScripts === "function" && !g.quotelens?.settings) {
    g.importScripts("lib/config.js", "lib/messages.js", "lib/palette.js", "lib/contract.js", "lib/settings.js",
      "lib/commands.js");
  }
}

(function () {
  const ql = /** @type {any} */ (globalThis).quotelens;
  const api = ql.settings.api();
  const BADGE_ERROR = "#D55E00";
  const BADGE_OK = "#0072B2";

  /**
   * Call the service. Every failure becomes {ok: false, code, error} with a readable message.
   * @param {string} path  "/api/v1/attribute"
   * @param {any} [body]   JSON body (POST) or undefined (GET)
   * @returns {Promise<{ok: true, json: any} | {ok: false, code: string, error: string}>}
   */
  async function callService(path, body) {
    const s = await ql.settings.load();
    const checked = ql.settings.checkServiceUrl(s.serviceUrl);
    if (!checked.ok) return { ok: false, code: "bad_setting", error: `Service URL: ${checked.error}` };
    /** @type {Record<string, string>} */
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (s.token) {
      const name = s.tokenHeader || ql.config.DEFAULTS.tokenHeader;
      // The service takes the token as "X-Quotelens-Token: <token>" or "Authorization: Bearer <token>".
      headers[name] = name.toLowerCase() === "authorization" ? `Bearer ${s.token}` : s.token;
    }
    let resp;
    try {
      resp = await fetch(checked.url + path, {
        method: body === undefined ? "GET" : "POST",
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "omit",
        cache: "no-store",
        signal: AbortSignal.timeout(ql.config.REQUEST_TIMEOUT_MS),
      });
    } catch (e) {
      if (e && /** @type {any} */ (e).name === "TimeoutError") {
        return { ok: false, code: "timeout", error: `The quotelens service at ${checked.url} did not answer in time.` };
      }
      return {
        ok: false, code: "service_down",
        error: `The quotelens service is not running at ${checked.url}. Start it with: ${ql.settings.serveCommand(checked.url)}`,
      };
    }
    let json;
    try {
      json = await resp.json();
    } catch {
      return { ok: false, code: "bad_response", error: `The service answered ${resp.status} without JSON.` };
    }
    if (!resp.ok) {
      const code = typeof json?.code === "string" ? json.code : `http_${resp.status}`;
      let error = typeof json?.error === "string" ? json.error : `The service answered ${resp.status}.`;
      if (resp.status === 401 || resp.status === 403) {
        error += " (Check the token in the quotelens options.)";
      }
      return { ok: false, code, error };
    }
    return { ok: true, json };
  }

  /**
   * The page's DOM goes to the service as `source: "dom"`: its text is what the reader sees
   * (mojibake included, when the browser mis-decoded the page), and the selectors must quote that.
   * @param {string} html @param {string} url
   */
  async function attribute(html, url) {
    const r = await callService("/api/v1/attribute", { html, url, source: "dom" });
    if (!r.ok) return r;
    const problem = ql.contract.problemWith(r.json);
    if (problem) return { ok: false, code: "bad_response", error: `Unexpected answer from the service: ${problem}` };
    return { ok: true, result: r.json };
  }

  /** Badge: number of quotes on the page, "!" when the service failed. @param {number} tabId @param {any} report */
  async function updateBadge(tabId, report) {
    let text = "";
    let colour = BADGE_OK;
    if (report.status === "done") text = String(report.placed + report.unplaced);
    else if (report.status === "error" && report.code !== "not_an_article") { text = "!"; colour = BADGE_ERROR; }
    else if (report.status === "running") text = "…";
    try {
      await api.action.setBadgeBackgroundColor({ tabId, color: colour });
      await api.action.setBadgeText({ tabId, text });
    } catch { /* the tab is gone */ }
  }

  api.runtime.onMessage.addListener((/** @type {any} */ msg, /** @type {any} */ sender, /** @type {(r: any) => void} */ reply) => {
    // Only our own pages and content scripts talk to us.
    if (sender.id !== api.runtime.id) return false;
    if (msg?.type === "attribute") {
      attribute(String(msg.html ?? ""), String(msg.url ?? "")).then(reply);
      return true;
    }
    if (msg?.type === "health") {
      callService("/api/v1/health").then((r) => reply(r.ok ? { ok: true, health: r.json } : r));
      return true;
    }
    if (msg?.type === "report" && sender.tab?.id != null) {
      const tabId = sender.tab.id;
      api.storage.session.set({ [ql.messages.stateKey(tabId)]: msg.report })
        .then(() => updateBadge(tabId, msg.report)).then(() => reply({ ok: true }));
      return true;
    }
    return false;
  });

  api.tabs.onRemoved.addListener((/** @type {number} */ tabId) => {
    api.storage.session.remove(ql.messages.stateKey(tabId));
  });

  // Keyboard shortcuts (manifest "commands"): sent to the active tab's content script.
  api.commands?.onCommand.addListener(ql.commands.createCommandHandler(api));

  // Chromium: the toolbar button opens the popup; the side panel opens from there.
  api.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => {});
})();
