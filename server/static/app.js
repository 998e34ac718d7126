// @ts-check
// The paste page. Plain JS, no build step, no CDN. Every server string reaches the page
// through textContent or createElement, never innerHTML.
"use strict";
(function () {
  const TOKEN_KEY = "quotelens-token";
  // palette.css (from extension/lib/palette.js): speaker sN -> colour (N-1) mod 12, and past twelve
  // speakers a second cue, line style floor((N-1)/12) mod 4; tests/server checks these against palette.json
  const SPEAKER_COLOURS = 12;
  const LINE_STYLES = 4;

  /** @param {string} id */
  const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

  /** @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** "s3" -> "ql-color-2 ql-line-0"; null for an unattributed quote. @param {string|null} id */
  function colorClass(id) {
    const m = /^s(\d+)$/.exec(id || "");
    if (!m) return null;
    const k = Number(m[1]) - 1;
    return `ql-color-${k % SPEAKER_COLOURS} ql-line-${Math.floor(k / SPEAKER_COLOURS) % LINE_STYLES}`;
  }

  /** What the person pasted -> the request body. @param {string} input */
  function buildRequest(input) {
    const s = input.trim();
    /** @type {Record<string, any>} */
    let body;
    if (/^https?:\/\/\S+$/i.test(s)) body = { url: s };
    else if (/^</.test(s) && /<\/?(html|body|article|main|div|p)\b/i.test(s)) body = { html: input };
    else body = { text: input };
    const conf = Number(/** @type {HTMLInputElement} */ ($("ql-confidence")).value);
    body.options = {
      include_indirect: /** @type {HTMLInputElement} */ ($("ql-indirect")).checked,
      min_confidence: Number.isFinite(conf) ? Math.min(1, Math.max(0, conf)) : 0.5,
    };
    return body;
  }

  function headers() {
    /** @type {Record<string, string>} */
    const h = { "Content-Type": "application/json" };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) h["X-Quotelens-Token"] = token;
    return h;
  }

  /** @param {string} text @param {boolean} [isError] */
  function status(text, isError) {
    const node = $("ql-status");
    node.textContent = text;
    node.className = isError ? "ql-error" : "ql-muted";
  }

  function askForToken() {
    $("ql-token-box").hidden = false;
    status("This server needs its token (QUOTELENS_TOKEN): type it in and try again.", true);
  }

  async function checkHealth() {
    const node = $("ql-health");
    try {
      const resp = await fetch("/api/v1/health", { headers: headers() });
      const data = await resp.json();
      if (resp.status === 401) { node.textContent = "server up; it needs a token"; $("ql-token-box").hidden = false; return; }
      node.textContent = data.ok ? `quotelens ${data.version}, model ${data.model}` : data.error;
    } catch (e) {
      node.textContent = "the server does not answer";
    }
  }

  /** Article text with each quote's parts wrapped in a <mark>, from UTF-16 offsets. @param {any} result */
  function renderArticle(result) {
    const text = result.article.text;
    /** @type {{start: number, end: number, quote: any}[]} */
    const parts = [];
    for (const q of result.quotes) {
      for (const c of q.contents) parts.push({ start: c.selector.utf16_start, end: c.selector.utf16_end, quote: q });
    }
    parts.sort((a, b) => a.start - b.start || b.end - a.end);
    const root = $("ql-article");
    root.replaceChildren();
    let at = 0;
    for (const p of parts) {
      if (p.start < at) continue; // overlapping parts: the first one wins
      if (p.start > at) root.append(text.slice(at, p.start));
      const q = p.quote;
      const mark = el("mark", "ql-quote");
      mark.classList.add(q.speaker_id ? "ql-speaker-" + q.speaker_id : "ql-speaker-unknown");
      const color = colorClass(q.speaker_id);
      if (color) mark.classList.add(...color.split(" "));
      mark.textContent = text.slice(p.start, p.end);
      mark.title = `${q.id}: ${q.speaker || "unknown speaker"}${q.role ? ", " + q.role : ""} (${q.kind}, ${q.confidence})`;
      root.append(mark);
      at = p.end;
    }
    root.append(text.slice(at));
  }

  /** @param {any} result */
  function renderSpeakers(result) {
    const list = $("ql-speakers");
    list.replaceChildren();
    for (const s of result.speakers) {
      const li = el("li");
      li.append(el("span", "ql-swatch " + (colorClass(s.id) || "")), el("strong", undefined, s.name || "(unnamed)"));
      li.append(el("span", undefined, ` · ${s.quote_count} quote${s.quote_count === 1 ? "" : "s"}`));
      if (s.role) li.append(el("span", "ql-role", s.role));
      li.append(el("span", "ql-type", s.type));
      list.append(li);
    }
    const unknown = result.quotes.filter((/** @type {any} */ q) => !q.speaker_id).length;
    if (unknown) {
      const li = el("li");
      li.append(el("span", "ql-swatch"), el("strong", undefined, "unknown speaker"), el("span", undefined, ` · ${unknown}`));
      list.append(li);
    }
  }

  /** @param {any} result */
  function renderQuotes(result) {
    const body = /** @type {HTMLElement} */ ($("ql-quotes").querySelector("tbody"));
    body.replaceChildren();
    for (const q of result.quotes) {
      const tr = el("tr");
      for (const cell of [q.id, q.text, q.speaker || "unknown", q.role || "", q.kind, String(q.confidence)]) {
        tr.append(el("td", undefined, cell));
      }
      body.append(tr);
    }
  }

  /** @param {any} result */
  function render(result) {
    $("ql-title").textContent = result.article.title || result.article.url || "Article";
    renderArticle(result);
    renderSpeakers(result);
    renderQuotes(result);
    $("ql-result").hidden = false;
    const n = result.quotes.length;
    status(`${n} quote${n === 1 ? "" : "s"}, ${result.speakers.length} speaker${result.speakers.length === 1 ? "" : "s"}` +
      (result.warnings.length ? " · " + result.warnings.join("; ") : ""));
  }

  /** @param {SubmitEvent} event */
  async function submit(event) {
    event.preventDefault();
    const tokenInput = /** @type {HTMLInputElement} */ ($("ql-token"));
    if (tokenInput.value) sessionStorage.setItem(TOKEN_KEY, tokenInput.value);
    const input = /** @type {HTMLTextAreaElement} */ ($("ql-input")).value;
    if (!input.trim()) return;
    const button = /** @type {HTMLButtonElement} */ ($("ql-submit"));
    button.disabled = true;
    status("working…");
    try {
      const resp = await fetch("/api/v1/attribute", { method: "POST", headers: headers(), body: JSON.stringify(buildRequest(input)) });
      const data = await resp.json();
      if (resp.status === 401) askForToken();
      else if (!resp.ok || data.ok === false) status(`${data.status} ${data.code}: ${data.error}`, true);
      else render(data);
    } catch (e) {
      status("no answer from the server: " + e, true);
    } finally {
      button.disabled = false;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("ql-form").addEventListener("submit", (e) => submit(/** @type {SubmitEvent} */ (e)));
    checkHealth();
  });
})();
