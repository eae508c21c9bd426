#!/usr/bin/env node
// readability.js — the Mozilla Readability peer of bench/extraction.
//
//   node readability.js OUT.jsonl PAGE...
//
// Each page (.html or .html.gz) is read and inflated first; then jsdom
// builds the DOM and Readability picks the article, timed together in CPU
// time (process.cpuUsage: user + system, this process only), since a
// browser-less Readability cannot run without a DOM.  The text is the
// article's textContent, as the ScrapingHub benchmark scores this tool.
// Prints "pages/s" on stdout; writes one JSON line per page to OUT.jsonl
// ({"id", "title", "author", "text"} or {"id", "error"}).
'use strict';
const fs = require('node:fs');
const zlib = require('node:zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const [out, ...pages] = process.argv.slice(2);
const quiet = new VirtualConsole(); // page scripts never run; CSS errors stay quiet
const lines = [];
let cpu = 0;
for (const path of pages) {
  let bytes = fs.readFileSync(path);
  if (path.endsWith('.gz')) bytes = zlib.gunzipSync(bytes);
  const html = new TextDecoder('utf-8').decode(bytes);
  const start = process.cpuUsage();
  let rec;
  try {
    const dom = new JSDOM(html, { url: 'https://example.com/', virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    rec = article
      ? { id: path, title: article.title, author: article.byline, text: article.textContent }
      : { id: path, error: 'no article' };
    dom.window.close();
  } catch (e) {
    rec = { id: path, error: String(e) };
  }
  const used = process.cpuUsage(start);
  cpu += (used.user + used.system) / 1e6;
  lines.push(JSON.stringify(rec));
}
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(`${(pages.length / cpu).toFixed(1)}`);
