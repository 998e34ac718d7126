// @ts-check
/**
 * Messages between the content script, the service worker, the popup and the side panel.
 * Types only (JSDoc), plus the list of message names so a typo fails loudly.
 *
 * content -> worker  {type: "attribute", url, html}           -> AttributeReply
 * content -> worker  {type: "report", report: PageReport}      (badge + state for popup/panel)
 * popup   -> worker  {type: "health"}                          -> {ok, health | error}
 * popup/panel/worker -> content  {type: "run"} | {type: "toggle"} | {type: "clear"}
 *                               | {type: "select", quoteId} | {type: "step", delta: 1 | -1}
 *                               | {type: "state"} -> {host, report}
 *
 * @typedef {{ok: boolean, result?: any, code?: string, error?: string}} AttributeReply  ok: result; else code + error
 * @typedef {object} PageReport   what the content script tells the rest of the extension
 * @property {string} url
 * @property {string} title
 * @property {"running" | "done" | "error" | "off" | "idle"} status
 * @property {string} [code]      error code when status is "error" (e.g. "service_down")
 * @property {string} [error]     a readable message, with the command to run when relevant
 * @property {number} placed
 * @property {number} unplaced
 * @property {boolean} visible    highlights shown (the keyboard shortcut hides them)
 * @property {{id: string, name: string | null, role: string | null, type: string, count: number, colour: number,
 *             line: string, number: number | null}[]} speakers
 * @property {{id: string, speakerId: string | null, speaker: string | null, role: string | null,
 *             kind: string, confidence: number, text: string, parts: string[], colour: number, line: string, number: number | null,
 *             placed: boolean}[]} quotes   text: the parts joined with " … " for display
 */
(function (ns) {
  ns.messages = Object.freeze({
    TYPES: Object.freeze(["attribute", "report", "health", "run", "toggle", "clear", "select", "step", "state"]),
    /** chrome.storage.session key of a tab's report. */
    stateKey: (/** @type {number} */ tabId) => `tab:${tabId}`,
  });
})(/** @type {any} */ (globalThis).quotelens ??= {});
