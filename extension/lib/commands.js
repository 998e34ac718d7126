// @ts-check
/**
 * Keyboard commands (manifest "commands": Alt+Shift+J / K / Q by default): which message each
 * sends to the active tab's content script. The background script's onCommand listener is
 * `createCommandHandler(api)`, so node --test drives the very handler with a stand-in API.
 * Browsers let people rebind the keys: chrome://extensions/shortcuts in Chromium, about:addons →
 * gear → Manage Extension Shortcuts in Firefox (docs/extension.md).
 */
(function (ns) {
  /** @type {Readonly<Record<string, {type: string, delta?: number}>>} */
  const MESSAGES = Object.freeze({
    "toggle-highlights": { type: "toggle" },
    "next-quote": { type: "step", delta: 1 },
    "previous-quote": { type: "step", delta: -1 },
  });

  /** @param {string} command @returns {{type: string, delta?: number} | null} */
  function messageFor(command) {
    return MESSAGES[command] ?? null;
  }

  /**
   * The onCommand listener: send the command's message to the active tab of the current window.
   * Resolves to what was sent (or null), for tests.
   * @param {any} api  chrome / browser
   */
  function createCommandHandler(api) {
    return async (/** @type {string} */ command) => {
      const msg = messageFor(command);
      if (!msg) return null;
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      if (tab?.id == null) return null;
      await api.tabs.sendMessage(tab.id, msg).catch(() => {});
      return { tabId: tab.id, msg };
    };
  }

  ns.commands = { MESSAGES, messageFor, createCommandHandler };
})(/** @type {any} */ (globalThis).quotelens ??= {});
