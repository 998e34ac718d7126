// @ts-check
/**
 * Every default of the extension lives here, once. The service URL's port must equal
 * `quotelens.server.DEFAULT_PORT` (tests/browser/test_extension.py checks it).
 */
/**
 * @typedef {object} Settings
 * @property {string} serviceUrl   base URL of the local quotelens service
 * @property {"auto" | "click"} runMode   attribute every article on load, or only on request
 * @property {string[]} skipSites  host names never sent to the service (e.g. "mail.example.com")
 * @property {string} token        optional shared token (QUOTELENS_TOKEN on the service side)
 * @property {string} tokenHeader  header that carries the token
 */
(function (ns) {
  const DEFAULT_PORT = 8765;


  /** @type {Readonly<Settings>} */
  const DEFAULTS = Object.freeze({
    serviceUrl: `http://127.0.0.1:${DEFAULT_PORT}`,
    runMode: "auto",
    skipSites: [],
    token: "",
    tokenHeader: "X-Quotelens-Token",
  });

  ns.config = Object.freeze({
    DEFAULT_PORT,
    DEFAULTS,
    /** The command a person types to start the service, shown when it is not running. */
    SERVE_COMMAND: "quotelens serve",
    /** Chrome stops an MV3 service worker whose fetch waits longer than 30 s; give up before that. */
    REQUEST_TIMEOUT_MS: 25000,
    /** Page changes settle for this long before quotes are placed again (MutationObserver debounce). */
    REPLACE_DEBOUNCE_MS: 400,
    /** Pages larger than this are not sent (the service's body cap is 10 MB). */
    MAX_HTML_CHARS: 8_000_000,
  });
})(/** @type {any} */ (globalThis).quotelens ??= {});
