// @ts-check
/** Options: service URL (loopback only), run automatically or on click, sites to skip, token. */
(async function () {
  const ql = /** @type {any} */ (globalThis).quotelens;
  const api = ql.settings.api();
  const form = /** @type {HTMLFormElement} */ (document.getElementById("form"));
  const field = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  const status = /** @type {HTMLElement} */ (document.getElementById("status"));
  const saved = /** @type {HTMLElement} */ (document.getElementById("saved"));

  const s = await ql.settings.load();
  field("serviceUrl").value = s.serviceUrl;
  field("skipSites").value = s.skipSites.join("\n");
  field("tokenHeader").value = s.tokenHeader;
  field("token").value = s.token;
  for (const r of form.querySelectorAll('input[name="runMode"]')) {
    /** @type {HTMLInputElement} */ (r).checked = /** @type {HTMLInputElement} */ (r).value === s.runMode;
  }
  /** @type {HTMLElement} */ (document.getElementById("serve")).textContent = ql.settings.serveCommand(s.serviceUrl);

  function showStatus(/** @type {string} */ text, /** @type {boolean} */ bad) {
    status.textContent = text;
    status.classList.toggle("error", bad);
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const url = ql.settings.checkServiceUrl(field("serviceUrl").value);
    if (!url.ok) { showStatus(url.error, true); saved.textContent = ""; return; }
    const header = field("tokenHeader").value.trim() || ql.config.DEFAULTS.tokenHeader;
    if (!/^[A-Za-z0-9-]+$/.test(header)) { showStatus("The header name may hold letters, digits and '-' only.", true); return; }
    const mode = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="runMode"]:checked'));
    await ql.settings.save({
      serviceUrl: url.url,
      runMode: mode?.value === "click" ? "click" : "auto",
      skipSites: ql.settings.parseSiteList(field("skipSites").value),
      tokenHeader: header,
      token: field("token").value.trim(),
    });
    field("serviceUrl").value = url.url;
    /** @type {HTMLElement} */ (document.getElementById("serve")).textContent = ql.settings.serveCommand(url.url);
    showStatus("", false);
    saved.textContent = "Saved.";
  });

  document.getElementById("test")?.addEventListener("click", async () => {
    showStatus("Checking…", false);
    const r = await api.runtime.sendMessage({ type: "health" });
    if (r?.ok) showStatus(`The service is running (quotelens ${r.health?.version ?? "?"}, model ${r.health?.model ?? "?"}).`, false);
    else showStatus(r?.error ?? "No answer.", true);
  });
})();
