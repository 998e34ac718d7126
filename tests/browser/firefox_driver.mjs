// Drive real Firefox (Debian's firefox-esr) with the quotelens extension over WebDriver BiDi,
// through puppeteer-core (pinned in package-lock.json; it never downloads a browser).
//
//   node tests/browser/firefox_driver.mjs < job.json > result.json
//
// The job: {"extension": dir, "firefox": "/usr/bin/firefox-esr", "width": 1280, "height": 900,
//           "pages": [{"url", "timeout": ms, "javascript": true, "hover": n, "keys": [..],
//                      "screenshot": path, "prepare": "js run in the page before hovering"}]}
// The answer (stdout, one JSON object): the browser version, launch and install times, and per
// page: the extension's verdict (<html data-quotelens*>), every quotelens highlight range (text,
// the page text before it, its first rectangle), and for hovered quotes the card as the reader
// sees it (its text, its box, the box of the quote's sentence). Firefox's BiDi serialises closed
// shadow roots, so the card is read without opening its shadow root to the page.
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PPTR = path.join(ROOT, "node_modules", "puppeteer-core", "lib", "esm", "puppeteer");
const { default: puppeteer } = await import(pathToFileURL(path.join(PPTR, "puppeteer-core.js")).href);
const { BidiElementHandle } = await import(pathToFileURL(path.join(PPTR, "bidi", "ElementHandle.js")).href);

const VERDICTS = ["done", "error", "off", "idle"];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function readJob() {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return JSON.parse(text);
}

/** Wait for the extension's verdict on <html>, whatever the navigation reported. */
async function waitVerdict(page, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      const s = await page.evaluate(() => document.documentElement?.dataset.quotelens ?? null);
      if (VERDICTS.includes(s)) return s;
    } catch { /* the page is between documents */ }
    if (Date.now() > deadline) return null;
    await sleep(150);
  }
}

const state = (page) => page.evaluate(() => ({ ...document.documentElement.dataset, url: location.href }));

/** Every quotelens highlight range, read from the page's own CSS.highlights (no Xray here). */
const ranges = (page) => page.evaluate(() => {
  const out = [];
  for (const [name, hl] of CSS.highlights) {
    if (!name.startsWith("quotelens")) continue;
    for (const r of hl) {
      const rect = r.getClientRects()[0] ?? r.getBoundingClientRect();
      const pre = document.createRange();
      pre.setStart(document.body, 0);
      pre.setEnd(r.startContainer, r.startOffset);
      out.push({ name, text: r.toString(), before: pre.toString().replace(/\s+/g, "").slice(-40),
        rect: { x: rect.x + scrollX, y: rect.y + scrollY, w: rect.width, h: rect.height } });
    }
  }
  return out;
});

/** The hover card inside <quotelens-ui>'s closed shadow root: shown?, text, box, quote id. */
async function card(page) {
  const host = await page.evaluateHandle(() => document.querySelector("quotelens-ui"));
  const value = host.remoteValue();
  const shadow = value?.type === "node" ? value.value?.shadowRoot : null;
  if (!shadow) return { shown: false, mode: null };
  const root = BidiElementHandle.from(shadow, host.realm);
  const got = await page.evaluate((r) => {
    const c = r.querySelector(".card");
    if (!c || c.hidden) return { shown: false };
    const b = c.getBoundingClientRect();
    return { shown: true, text: c.innerText, quoteId: c.dataset.quoteId ?? null,
      focused: r.activeElement === c, rect: { x: b.x, y: b.y, w: b.width, h: b.height } };
  }, root);
  return { ...got, mode: shadow.value?.mode ?? null };
}

/** Viewport rectangles of the quote's sentence: from the quote's first word to the end of the
 * sentence it stands in ("…,” spokesman Ned Price said."), as the reader needs to see them. */
const sentenceRects = (page, index) => page.evaluate((i) => {
  const all = [];
  for (const [name, hl] of CSS.highlights) if (name.startsWith("quotelens")) for (const r of hl) all.push(r);
  const r = all[i];
  const block = r.startContainer.parentElement.closest("p, li, blockquote, td, dd, h1, h2, h3, div") ?? document.body;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const s = document.createRange();
  s.setStart(r.startContainer, r.startOffset);
  s.setEnd(r.endContainer, r.endOffset);
  walker.currentNode = r.endContainer;
  let node = r.endContainer, from = r.endOffset;
  while (node) {
    const rest = node.data.slice(from);
    const m = rest.match(/[.!?](?=[”’"')\]]*(\s|$))/);
    if (m) { s.setEnd(node, from + m.index + 1); break; }
    s.setEnd(node, node.data.length);
    node = walker.nextNode();
    from = 0;
  }
  return { text: s.toString(), rects: [...s.getClientRects()].filter((b) => b.width > 0)
    .map((b) => ({ x: b.x, y: b.y, w: b.width, h: b.height })) };
}, index);

const overlaps = (a, b) => a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;

/** Hover the first `n` highlighted ranges one by one: the card, its box, the sentence's boxes. */
async function hover(page, n) {
  const found = await ranges(page);
  const out = [];
  for (let i = 0; i < Math.min(n, found.length); i++) {
    const r = found[i];
    // Scroll the range's first line to mid-screen (instantly: some pages scroll smoothly), then
    // point at it where it is now.
    const at = await page.evaluate((k) => {
      const all = [];
      for (const [name, hl] of CSS.highlights) if (name.startsWith("quotelens")) for (const x of hl) all.push(x);
      const first = () => all[k].getClientRects()[0] ?? all[k].getBoundingClientRect();
      window.scrollBy({ top: first().y - innerHeight / 2, behavior: "instant" });
      const b = first();
      return { x: b.x, y: b.y, h: b.height };
    }, i);
    await page.mouse.move(Math.max(1, at.x + 4), Math.max(1, at.y + Math.min(6, at.h / 2)));
    await sleep(200);
    const c = await card(page);
    const sentence = await sentenceRects(page, i);
    out.push({ range: r.text, card: c, sentence,
      covers: c.shown ? sentence.rects.some((b) => overlaps(b, c.rect)) : null });
  }
  return out;
}

async function visit(browser, job, spec) {
  const page = await browser.newPage();
  await page.setViewport({ width: job.width ?? 1280, height: job.height ?? 900 });
  if (spec.javascript === false) await page.setJavaScriptEnabled(false);
  const t0 = Date.now();
  const result = { url: spec.url, navigate_error: null };
  try {
    await page.goto(spec.url, { waitUntil: "domcontentloaded", timeout: spec.timeout ?? 60000 });
  } catch (e) {
    // e.g. "Address rejected" when the page rewrites its own address (history.replaceState)
    result.navigate_error = String(e.message ?? e).split("\n")[0];
  }
  result.verdict = await waitVerdict(page, spec.timeout ?? 60000);
  result.ms = Date.now() - t0;
  result.state = await state(page).catch((e) => ({ failed: String(e) }));
  result.ranges = await ranges(page).catch(() => []);
  if (spec.prepare) await page.evaluate(spec.prepare).catch(() => {});
  if (spec.hover) result.hovers = await hover(page, spec.hover);
  if (spec.escape) {
    await page.keyboard.press("Escape");
    await sleep(150);
    result.after_escape = await card(page);
  }
  for (const key of spec.keys ?? []) {
    const [last, ...mods] = key.split("+").reverse(); // "Alt+Shift+J": hold Alt and Shift, press J
    for (const m of mods.reverse()) await page.keyboard.down(m);
    await page.keyboard.press(last);
    for (const m of mods.reverse()) await page.keyboard.up(m);
    await sleep(300);
    (result.after_keys ??= []).push({ key, card: await card(page) });
  }
  if (spec.screenshot) await page.screenshot({ path: spec.screenshot });
  await page.close();
  return result;
}

const job = await readJob();
const t0 = Date.now();
// Nothing leaves 127.0.0.1: every other address goes to a proxy port where nothing listens.
const prefs = {
  "network.proxy.type": 1, "network.proxy.http": "127.0.0.1", "network.proxy.http_port": job.dead_port,
  "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": job.dead_port,
  "network.proxy.no_proxies_on": "127.0.0.1", "network.proxy.allow_hijacking_localhost": false,
  "ui.systemUsesDarkTheme": 0,
};
const browser = await puppeteer.launch({
  browser: "firefox", executablePath: job.firefox ?? "/usr/bin/firefox-esr", headless: true,
  extraPrefsFirefox: prefs, protocolTimeout: 120000,
});
const out = { version: await browser.version(), launch_ms: Date.now() - t0, pages: [] };
try {
  const t1 = Date.now();
  out.extension_id = await browser.installExtension(job.extension);
  out.install_ms = Date.now() - t1;
  for (const spec of job.pages) {
    try {
      out.pages.push(await visit(browser, job, spec));
    } catch (e) {
      out.pages.push({ url: spec.url, failed: String(e.stack ?? e) });
    }
  }
} finally {
  await browser.close();
}
out.total_ms = Date.now() - t0;
process.stdout.write(JSON.stringify(out) + "\n");
