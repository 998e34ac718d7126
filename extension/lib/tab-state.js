// @ts-check
/**
 * For the popup and side panel: which tab they are about, and that tab's report (written to
 * storage.session by the service worker). `?tab=N` in the page URL names the tab explicitly
 * (tests open these pages in a tab of their own); otherwise the active tab of this window.
 */
(function (ns) {
  const api = () => /** @type {any} */ (globalThis).quotelens.settings.api();
  const key = (/** @type {number} */ id) => /** @type {any} */ (globalThis).quotelens.messages.stateKey(id);

  /** @returns {Promise<number | null>} */
  async function targetTabId() {
    const fromUrl = new URLSearchParams(location.search).get("tab");
    if (fromUrl && /^\d+$/.test(fromUrl)) return Number(fromUrl);
    const [tab] = await api().tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  }

  /** @param {number} tabId @returns {Promise<PageReport | null>} */
  async function readReport(tabId) {
    const k = key(tabId);
    const got = await api().storage.session.get(k);
    return got[k] ?? null;
  }

  /**
   * Call `fn` with the tab's report now and whenever it changes.
   * @param {number} tabId @param {(r: any) => void} fn
   */
  function watchReport(tabId, fn) {
    const k = key(tabId);
    readReport(tabId).then(fn);
    api().storage.onChanged.addListener((/** @type {any} */ changes, /** @type {string} */ area) => {
      if (area === "session" && k in changes) fn(changes[k].newValue ?? null);
    });
  }

  /** Send a message to the tab's content script; null if there is none (e.g. a chrome:// page). */
  async function tell(/** @type {number} */ tabId, /** @type {any} */ msg) {
    try {
      return await api().tabs.sendMessage(tabId, msg);
    } catch {
      return null;
    }
  }

  /**
   * Fill a notice box with a message; the command to run (if any) shown as code, once.
   * @param {HTMLElement} box @param {string | null} message @param {string} [command]
   */
  function renderProblem(box, message, command) {
    box.replaceChildren();
    if (!message) { box.hidden = true; return; }
    const code = document.createElement("code");
    if (command && message.includes(command)) {
      const at = message.indexOf(command);
      code.textContent = command;
      box.append(message.slice(0, at), code, message.slice(at + command.length));
    } else {
      box.append(message);
      if (command) {
        const p = document.createElement("div");
        code.textContent = command;
        p.append("Start it in a terminal: ", code);
        box.append(p);
      }
    }
    box.hidden = false;
  }

  ns.tabState = { targetTabId, readReport, watchReport, tell, renderProblem };
})(/** @type {any} */ (globalThis).quotelens ??= {});
