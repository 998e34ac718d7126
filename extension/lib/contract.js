// @ts-check
/**
 * Reading contract v1 (toolkit/data/contract-v1.schema.json) in the browser. Pure.
 *
 * Python counts code points, JavaScript UTF-16 code units: after an emoji every offset differs.
 * The contract's `start`/`end` are code points; its selectors carry `utf16_start`/`utf16_end`,
 * which index a JavaScript string of `article.text` directly. This module uses only those (and can
 * re-count from code points for a selector that lacks them).
 */
/**
 * @typedef {object} QuotePart   one content span of a quote, ready for anchoring
 * @property {Selector} selector
 * @property {number} pos        utf16_start in the cleaned text
 */
/**
 * @typedef {object} PageQuote   what the content script, card and panel need of one quote
 * @property {string} id
 * @property {"direct" | "mixed" | "indirect"} kind
 * @property {string | null} speakerId
 * @property {string | null} speaker
 * @property {string | null} role
 * @property {string} speakerType
 * @property {number} confidence
 * @property {string | null} unnamedMention  for a quote with no speaker, the words that attribute it in
 *                               the text ("he") when the service kept them: someone it could not name
 * @property {number} colour     palette index
 * @property {string} line       underline style, the second cue past twelve speakers (lib/palette.js)
 * @property {number | null} number  the speaker's number (1, 2, ...) on pages with more than twelve
 *                               speakers, shown in the card and side panel; null otherwise
 * @property {string} text       the quoted words (content spans joined with " … ")
 * @property {QuotePart[]} parts
 */
(function (ns) {
  const pal = () => /** @type {any} */ (globalThis).quotelens.palette;


  /**
   * UTF-16 offset of code-point offset `cp` in `text`.
   * @param {string} text @param {number} cp
   */
  function codePointToUtf16(text, cp) {
    let u = 0;
    for (let seen = 0; seen < cp && u < text.length; seen++) {
      const c = text.charCodeAt(u);
      u += c >= 0xd800 && c <= 0xdbff && u + 1 < text.length ? 2 : 1;
    }
    return u;
  }

  /**
   * A name for what is wrong with a response, or null if it looks like contract v1.
   * (Checks the shape the extension relies on; the full schema is tested on the Python side.)
   * @param {any} json
   * @returns {string | null}
   */
  function problemWith(json) {
    if (!json || typeof json !== "object") return "not a JSON object";
    if (json.schema_version !== 1) return `unsupported schema_version ${JSON.stringify(json.schema_version)}`;
    if (!json.article || typeof json.article.text !== "string") return "no article text";
    if (!Array.isArray(json.quotes) || !Array.isArray(json.speakers)) return "no quotes or speakers";
    for (const q of json.quotes) {
      if (!q || typeof q.id !== "string" || !Array.isArray(q.contents) || !q.contents.length) {
        return "a quote without contents";
      }
    }
    return null;
  }

  /**
   * The quotes of a contract-v1 result, with palette colours and anchoring parts.
   * @param {any} result  contract v1 JSON
   * @returns {PageQuote[]}
   */
  function pageQuotes(result) {
    const text = result.article.text;
    /** @type {Map<string, number>} */
    const order = new Map();
    result.speakers.forEach((/** @type {any} */ s, /** @type {number} */ i) => order.set(s.id, i));
    const numbered = result.speakers.length > pal().SPEAKER_COLOURS;
    return result.quotes.map((/** @type {any} */ q) => {
      const parts = q.contents.map((/** @type {any} */ c) => {
        const sel = c.selector ?? {};
        const u16 = typeof sel.utf16_start === "number" ? sel.utf16_start : codePointToUtf16(text, c.start);
        const u16end = typeof sel.utf16_end === "number" ? sel.utf16_end : codePointToUtf16(text, c.end);
        const selector = {
          exact: sel.exact ?? text.slice(u16, u16end),
          prefix: sel.prefix ?? "",
          suffix: sel.suffix ?? "",
          utf16_start: u16,
          utf16_end: u16end,
        };
        return { selector, pos: u16 };
      });
      const speakerOrder = q.speaker_id != null && order.has(q.speaker_id) ? order.get(q.speaker_id) : null;
      return {
        id: q.id,
        kind: q.kind,
        speakerId: q.speaker_id ?? null,
        speaker: q.speaker ?? null,
        role: q.role ?? null,
        speakerType: q.speaker_type ?? "unknown",
        confidence: typeof q.confidence === "number" ? q.confidence : 0,
        unnamedMention: !q.speaker_id && q.mention && typeof q.mention.text === "string" ? q.mention.text : null,
        colour: pal().colourIndex(q.speaker_id ? speakerOrder ?? null : null),
        line: pal().lineStyle(q.speaker_id ? speakerOrder ?? null : null),
        number: numbered && q.speaker_id && speakerOrder != null ? speakerOrder + 1 : null,
        text: parts.map((/** @type {QuotePart} */ p) => p.selector.exact).join(" … "),
        parts,
      };
    });
  }

  /**
   * Speakers with their palette colour, in the service's order.
   * @param {any} result
   * @returns {{id: string, name: string | null, role: string | null, type: string, count: number, colour: number,
   *            line: string, number: number | null}[]}
   */
  function pageSpeakers(result) {
    const numbered = result.speakers.length > pal().SPEAKER_COLOURS;
    return result.speakers.map((/** @type {any} */ s, /** @type {number} */ i) => ({
      id: s.id, name: s.name ?? null, role: s.role ?? null, type: s.type ?? "unknown",
      count: s.quote_count ?? 0, colour: pal().colourIndex(i), line: pal().lineStyle(i), number: numbered ? i + 1 : null,
    }));
  }

  /** How a speaker is shown: its name, or what kind of unnamed source it is. */
  function speakerLabel(/** @type {string | null} */ name, /** @type {string} */ type) {
    if (name) return name;
    return type === "anonymous" ? "Anonymous source" : "Unknown speaker";
  }

  ns.contract = { codePointToUtf16, problemWith, pageQuotes, pageSpeakers, speakerLabel };
})(/** @type {any} */ (globalThis).quotelens ??= {});
