// @ts-check
// Loads the extension's pure modules the way the manifest does (in order, onto globalThis.quotelens).
const path = require("node:path");
const fs = require("node:fs");

const EXT = path.join(__dirname, "..");
for (const f of ["config", "messages", "text-map", "fuzzy", "anchor", "palette", "contract", "settings", "commands", "views"]) {
  require(path.join(EXT, "lib", `${f}.js`));
}

/** @returns {any} */
function ql() {
  return /** @type {any} */ (globalThis).quotelens;
}

/** @param {string} name */
function fixture(name) {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8"));
}

/**
 * Text-node strings of a made-up page around an article: site chrome before and after,
 * paragraphs as separate nodes with HTML indentation, some paragraphs split at inline elements.
 * @param {string} articleText
 */
function pageStrings(articleText) {
  const nodes = ["\n  ", "Home", "World", "Middle East", "\n    ", "Subscribe", "Sign in", "Share this article"];
  articleText.split(/\n\n+/).forEach((para, i) => {
    if (i % 3 === 1 && para.length > 40) {
      // split inside the paragraph, as an <a> or <em> would, with the page's own whitespace
      const cut = Math.floor(para.length / 2);
      nodes.push("\n      " + para.slice(0, cut), para.slice(cut, cut + 7), para.slice(cut + 7) + "\n    ");
    } else {
      nodes.push("\n      " + para.replace(/ /g, i % 2 ? "  " : " ") + "\n    ");
    }
  });
  nodes.push("Related stories", "Most read", "© 2016 Example News");
  return nodes;
}

module.exports = { EXT, ql, fixture, pageStrings };
