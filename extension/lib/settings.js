// @ts-check
/**
 * Settings in chrome.storage.sync, merged over lib/config.js defaults; pure checks for the
 * options page (service URL, site list) so they can be tested in node.
 */
(function (ns) {
  const cfg = () => /** @type {any} */ (globalThis).quotelens.config;
  const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

  /**
   * Check a service URL: http(s), loopback only (the extension's CSP and host permissions allow
   * nothing else, and the page text must not leave the machine). Returns the URL without a
   * trailing slash, or an error message.
   * @param {string} value
   * @returns {{ok: true, url: string} | {ok: false, error: string}}
   */
  function checkServiceUrl(value) {
    let u;
    try {
      u = new URL(String(value).trim());
    } catch {
      return { ok: false, error: `Not a URL. Example: ${cfg().DEFAULTS.serviceUrl}` };
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") {
      return { ok: false, error: "The service URL must start with http:// or https://" };
    }
    if (!LOOPBACK.has(u.hostname)) {
      return { ok: false, error: "Only a service on this computer (127.0.0.1 or localhost) is allowed" };
    }
    if (u.username || u.password || u.search || u.hash) {
      return { ok: false, error: "Give just the scheme, host and port" };
    }
    return { ok: true, url: u.origin + u.pathname.replace(/\/+$/, "") };
  }

  /**
   * Host names from a textarea: one per line, lower case, no scheme or path, no blanks/dupes.
   * @param {string} text
   * @returns {string[]}
   */
  function parseSiteList(text) {
    const out = new Set();
    for (const raw of String(text).split(/[\s,]+/)) {
      let h = raw.trim().toLowerCase();
      if (!h) continue;
      try {
        if (h.includes("://")) h = new URL(h).hostname;
      } catch { continue; }
      h = h.replace(/\/.*$/, "").replace(/^\*\./, "");
      if (h) out.add(h);
    }
    return [...out];
  }

  /**
   * Is `host` on the skip list (the host itself or a parent domain listed)?
   * @param {string} host @param {readonly string[]} skipSites
   */
  function isSkipped(host, skipSites) {
    const h = host.toLowerCase();
    return skipSites.some((s) => h === s || h.endsWith("." + s));
  }

  /** Port of a service URL (for the "quotelens serve --port N" message). @param {string} url */
  function portOf(url) {
    try {
      const u = new URL(url);
      return Number(u.port || (u.protocol === "https:" ? 443 : 80));
    } catch {
      return cfg().DEFAULT_PORT;
    }
  }

  /** The exact command that starts the service this URL points at. @param {string} url */
  function serveCommand(url) {
    const port = portOf(url);
    const c = cfg();
    return port === c.DEFAULT_PORT ? c.SERVE_COMMAND : `${c.SERVE_COMMAND} --port ${port}`;
  }

  /** @returns {any} the WebExtension API object (Firefox `browser`, Chromium `chrome`) */
  function api() {
    const g = /** @type {any} */ (globalThis);
    return g.browser ?? g.chrome;
  }

  /** @returns {Promise<Settings>} */
  async function load() {
    const stored = await api().storage.sync.get(null);
    return { ...cfg().DEFAULTS, ...stored };
  }

  /** @param {Partial<Settings>} patch */
  async function save(patch) {
    await api().storage.sync.set(patch);
  }

  ns.settings = { checkServiceUrl, parseSiteList, isSkipped, portOf, serveCommand, api, load, save };
})(/** @type {any} */ (globalThis).quotelens ??= {});
