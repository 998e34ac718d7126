// @ts-check
/**
 * quotelens QuoteWidget front end (anywidget ESM; no imports, no CDN: notebooks work offline).
 *
 * The synced `attribution` trait is exactly contract v1 (quotelens.serialize.to_dict). The article is
 * rendered from its offsets, never re-anchored: Python offsets count code points, JavaScript strings
 * count UTF-16 units, so every offset goes through utf16Mapper() before slicing (an emoji before a
 * quote shifts every later offset by one unit).
 * Class names: ql-quote, ql-speaker-sN, plus ql-color-K with K = (N - 1) mod 7 picking the Okabe-Ito
 * colour (palette.json, the same values as the extension's lib/palette.js; CSS made in palette.py).
 * Server strings only ever go into textContent / attributes, never innerHTML.
 */

/** @typedef {{start: number, end: number, text?: string}} SpanJSON */
/**
 * @typedef {{id: string, kind: string, start: number, end: number, text: string, contents: SpanJSON[],
 *   cue: SpanJSON | null, speaker_id: string | null, speaker: string | null, speaker_type: string,
 *   role: string | null, mention: SpanJSON | null, confidence: number}} QuoteJSON
 */
/** @typedef {{id: string, name: string | null, role: string | null, type: string, quote_count: number}} SpeakerJSON */
/**
 * @typedef {{article: {text: string, url: string | null, title: string | null,
 *   boilerplate?: number[][]}, speakers: SpeakerJSON[], quotes: QuoteJSON[]}} AttributionJSON
 */
/**
 * @typedef {{start: number, end: number, quote: QuoteJSON | null, part: number,
 *   boilerplate: boolean, mention: string | null}} Segment
 */

/** Speaker colours, as palette.json (from extension/lib/palette.js): twelve, then grey for unattributed
 * quotes; past twelve speakers a second cue, LINE_STYLES line styles (classes ql-line-K). */
export const SPEAKER_COLOURS = 12;
export const LINE_STYLES = 4;

/**
 * Code-point offset -> UTF-16 offset for one text, plus the text's length in code points.
 * @param {string} text
 * @returns {{toUtf16: (offset: number) => number, length: number}}
 */
export function utf16Mapper(text) {
  /** @type {number[]} code-point offsets of astral characters (2 UTF-16 units each) */
  const astral = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    const hi = text.charCodeAt(i);
    if (hi >= 0xd800 && hi <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        astral.push(cp);
        i++;
      }
    }
  }
  const toUtf16 = (/** @type {number} */ offset) => {
    let lo = 0, hi = astral.length; // count astral characters strictly before offset
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid] < offset) lo = mid + 1; else hi = mid;
    }
    return offset + lo;
  };
  return { toUtf16, length: cp };
}

/**
 * The colour slot of a speaker id: "s1" -> 0, "s13" -> 0; null for unknown speakers.
 * @param {string | null | undefined} speakerId
 * @returns {number | null}
 */
export function colorIndex(speakerId) {
  const m = /^s(\d+)$/.exec(speakerId || "");
  return m ? (Number(m[1]) - 1) % SPEAKER_COLOURS : null;
}

/** The line style slot (the second cue): "s1" -> 0, "s13" -> 1. @param {string | null | undefined} speakerId */
export function lineIndex(speakerId) {
  const m = /^s(\d+)$/.exec(speakerId || "");
  return m ? Math.floor((Number(m[1]) - 1) / SPEAKER_COLOURS) % LINE_STYLES : null;
}

/**
 * Cut the article into flat segments, each covered by at most one quote part (the innermost: a mixed
 * quote inside an indirect one wins), in code points. Pure, so node can test it.
 * @param {AttributionJSON} data
 * @returns {Segment[]}
 */
export function buildSegments(data) {
  const { length } = utf16Mapper(data.article.text);
  const clamp = (/** @type {number} */ x) => Math.max(0, Math.min(length, x | 0));
  /** @type {{start: number, end: number, quote: QuoteJSON, part: number}[]} */
  const units = [];
  /** @type {{start: number, end: number, speaker: string}[]} */
  const mentions = [];
  for (const q of data.quotes || []) {
    (q.contents || []).forEach((c, part) => {
      const start = clamp(c.start), end = clamp(c.end);
      if (end > start) units.push({ start, end, quote: q, part });
    });
    if (q.mention && q.speaker_id) {
      mentions.push({ start: clamp(q.mention.start), end: clamp(q.mention.end), speaker: q.speaker_id });
    }
  }
  const boiler = (data.article.boilerplate || []).map(([s, e]) => ({ start: clamp(s), end: clamp(e) }));
  const cuts = new Set([0, length]);
  for (const r of [...units, ...mentions, ...boiler]) { cuts.add(r.start); cuts.add(r.end); }
  const points = [...cuts].sort((a, b) => a - b);
  /** @type {Segment[]} */
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    let best = null;
    for (const u of units) {
      if (u.start <= a && u.end >= b && (!best || u.end - u.start < best.end - best.start)) best = u;
    }
    const men = best ? null : mentions.find((m) => m.start <= a && m.end >= b);
    const seg = {
      start: a, end: b, quote: best ? best.quote : null, part: best ? best.part : -1,
      boilerplate: boiler.some((r) => r.start <= a && r.end >= b), mention: men ? men.speaker : null,
    };
    const prev = out[out.length - 1];
    if (prev && prev.quote === seg.quote && prev.part === seg.part && prev.boilerplate === seg.boilerplate
        && prev.mention === seg.mention) {
      prev.end = b;
    } else {
      out.push(seg);
    }
  }
  return out;
}

/**
 * What hovering a quote shows: "Vitaly Churkin — Moscow’s UN Ambassador · direct quote · confidence 0.92".
 * @param {QuoteJSON} q
 */
export function describeQuote(q) {
  const who = q.speaker || (q.speaker_id ? q.speaker_id : "unknown speaker");
  const role = q.role ? ` — ${q.role}` : "";
  const type = q.speaker_type && !["person", "unknown"].includes(q.speaker_type) ? ` (${q.speaker_type})` : "";
  const conf = typeof q.confidence === "number" ? ` · confidence ${q.confidence.toFixed(2)}` : "";
  return `${who}${type}${role} · ${q.kind} quote${conf}`;
}

/**
 * @param {string} tag
 * @param {string} [cls]
 * @param {string} [text]
 */
function make(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** @param {string} cls @param {number | null} k @param {number | null} [line] */
function colourClass(cls, k, line = 0) {
  return k === null ? `${cls} ql-speaker-unknown` : `${cls} ql-color-${k} ql-line-${line ?? 0}`;
}

/** @param {any} model @param {HTMLElement} input */
function renderInput(model, input) {
  const box = /** @type {HTMLTextAreaElement} */ (make("textarea", "ql-input-text"));
  box.rows = 4;
  box.placeholder = "Paste a URL, a page's HTML, or the article text";
  box.setAttribute("aria-label", "URL, HTML or text to attribute");
  const button = /** @type {HTMLButtonElement} */ (make("button", "ql-input-button", "Attribute"));
  button.type = "button";
  const status = make("span", "ql-status");
  const error = make("div", "ql-error");
  error.setAttribute("role", "alert");
  button.addEventListener("click", () => {
    if (!box.value.trim()) { error.textContent = "Paste a URL, HTML or text first."; return; }
    error.textContent = "";
    model.send({ type: "attribute", source: box.value });
  });
  const row = make("div", "ql-input-row");
  row.append(button, status);
  input.replaceChildren(box, row, error);
  const sync = () => {
    const busy = !!model.get("busy");
    button.disabled = busy;
    status.textContent = busy ? "Attributing…" : "";
    error.textContent = model.get("error") || "";
  };
  sync();
  return sync;
}

/**
 * @param {any} model
 * @param {HTMLElement} view
 * @param {(q: QuoteJSON) => void} onQuote
 * @param {(speakerId: string | null) => void} onSpeaker
 * @param {HTMLElement} hover
 */
function renderView(model, view, onQuote, onSpeaker, hover) {
  /** @type {AttributionJSON} */
  const data = model.get("attribution") || {};
  if (!data.article) { view.replaceChildren(); return; }
  const text = data.article.text;
  const { toUtf16 } = utf16Mapper(text);
  const header = make("div", "ql-header");
  if (data.article.title) header.append(make("div", "ql-title", data.article.title));
  const url = data.article.url;
  if (url && /^https?:\/\//i.test(url)) {
    const a = /** @type {HTMLAnchorElement} */ (make("a", "ql-url", url));
    a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
    header.append(a);
  }
  const quotes = data.quotes || [];
  const attributed = quotes.filter((q) => q.speaker_id).length;
  const speakers = (data.speakers || []).filter((s) => s.quote_count > 0);
  header.append(make("div", "ql-summary",
    `${quotes.length} quote${quotes.length === 1 ? "" : "s"}, ${attributed} attributed, `
    + `${speakers.length} speaker${speakers.length === 1 ? "" : "s"}`));

  const legend = make("div", "ql-legend");
  legend.setAttribute("aria-label", "Speakers");
  const ordered = [...speakers].sort((a, b) => b.quote_count - a.quote_count
    || Number(a.id.slice(1)) - Number(b.id.slice(1)));
  for (const s of ordered) {
    const item = /** @type {HTMLButtonElement} */ (
      make("button", colourClass(`ql-legend-item ql-speaker-${s.id}`, colorIndex(s.id), lineIndex(s.id))));
    item.type = "button";
    item.dataset.speakerId = s.id;
    item.append(make("span", "ql-swatch"), make("span", "ql-legend-name", s.name || s.id));
    if (s.type && s.type !== "person") item.append(make("span", "ql-legend-type", s.type));
    if (s.role) item.append(make("span", "ql-legend-role", s.role));
    item.append(make("span", "ql-legend-count", String(s.quote_count)));
    item.title = s.role ? `${s.name} — ${s.role}` : String(s.name || s.id);
    item.addEventListener("click", () => onSpeaker(s.id));
    legend.append(item);
  }
  if (quotes.length > attributed) {
    const item = make("span", "ql-legend-item ql-speaker-unknown ql-legend-static");
    item.append(make("span", "ql-swatch"), make("span", "ql-legend-name", "unknown speaker"),
      make("span", "ql-legend-count", String(quotes.length - attributed)));
    legend.append(item);
  }

  const body = make("div", "ql-article");
  for (const seg of buildSegments(data)) {
    const piece = text.slice(toUtf16(seg.start), toUtf16(seg.end));
    const q = seg.quote;
    if (!q && !seg.boilerplate && !seg.mention) { body.append(document.createTextNode(piece)); continue; }
    let cls = q ? colourClass(`ql-quote ql-kind-${q.kind} ql-speaker-${q.speaker_id || "unknown"}`,
      colorIndex(q.speaker_id), lineIndex(q.speaker_id)) : "";
    if (seg.mention) cls += ` ql-mention ql-speaker-${seg.mention} ql-color-${colorIndex(seg.mention)}`;
    if (seg.boilerplate) cls += " ql-boilerplate";
    const node = make("span", cls.trim(), piece);
    if (seg.mention && !q) node.dataset.speakerId = seg.mention;
    if (q) {
      node.dataset.quoteId = q.id;
      node.dataset.speakerId = q.speaker_id || "";
      node.dataset.speakerName = q.speaker || "";
      node.title = describeQuote(q);
      node.tabIndex = 0;
      node.setAttribute("role", "button");
      node.addEventListener("click", () => onQuote(q));
      node.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onQuote(q); }
      });
      node.addEventListener("mouseenter", () => { hover.textContent = describeQuote(q); });
      node.addEventListener("mouseleave", () => { hover.textContent = ""; });
    }
    body.append(node);
  }
  view.replaceChildren(header, legend, hover, body);
}

/** @param {any} model @param {HTMLElement} root */
function applySelection(model, root) {
  const speaker = model.get("selected_speaker");
  const quote = model.get("selected_quote");
  root.classList.toggle("ql-has-selection", !!(speaker || quote));
  root.querySelectorAll(".ql-quote, .ql-mention, .ql-legend-item").forEach((node) => {
    const el = /** @type {HTMLElement} */ (node);
    const on = speaker ? el.dataset.speakerId === speaker : !!quote && el.dataset.quoteId === quote;
    el.classList.toggle("ql-selected", on);
    if (el.tagName === "BUTTON") el.setAttribute("aria-pressed", String(on));
  });
}

export default {
  /** @param {{model: any, el: HTMLElement}} ctx */
  render({ model, el }) {
    const root = make("div", "ql-root");
    const input = make("div", "ql-input");
    const view = make("div", "ql-view");
    const hover = make("div", "ql-hover");
    hover.setAttribute("aria-live", "polite");
    root.append(input, view);
    el.append(root);

    const select = (/** @type {string | null} */ speaker, /** @type {string | null} */ quote) => {
      model.set("selected_speaker", speaker);
      model.set("selected_quote", quote);
      model.save_changes();
    };
    const onQuote = (/** @type {QuoteJSON} */ q) => {
      if (model.get("selected_quote") === q.id) select(null, null); // a second click clears
      else select(q.speaker_id || null, q.id);
    };
    const onSpeaker = (/** @type {string | null} */ id) => {
      if (model.get("selected_speaker") === id && !model.get("selected_quote")) select(null, null);
      else select(id, null);
    };
    let syncInput = () => {};
    const drawInput = () => {
      input.hidden = !model.get("show_input");
      if (!input.hidden && !input.firstChild) syncInput = renderInput(model, input);
      syncInput();
    };
    const drawView = () => { renderView(model, view, onQuote, onSpeaker, hover); applySelection(model, root); };
    const drawSelection = () => applySelection(model, root);
    drawInput();
    drawView();
    const events = /** @type {[string, () => void][]} */ ([
      ["change:attribution", drawView],
      ["change:selected_speaker", drawSelection],
      ["change:selected_quote", drawSelection],
      ["change:show_input", drawInput],
      ["change:busy", drawInput],
      ["change:error", drawInput],
    ]);
    for (const [name, fn] of events) model.on(name, fn);
    return () => {
      for (const [name, fn] of events) model.off(name, fn);
      root.remove();
    };
  },
};
