#!/usr/bin/env node
// write.mjs — bench/warc's archive, written by an independent WARC writer:
// webrecorder's warcio (npm), not parallax.
//
//   WARCIO_DIR=FOLDER node write.mjs OUT.warc.gz ROUNDS PAGES.tsv
//
// FOLDER holds node_modules/warcio (bench/warc/run installs it there).
// PAGES.tsv has a line "PATH<TAB>URL" per page (.html or .html.gz), URL the
// page's own address (what parallax extracts from the file) or empty.
//
// Writes a crawl-like archive: a warcinfo record, then ROUNDS times over the
// pages a request record and a response record for each (one gzip member
// per record, as Common Crawl's CC-NEWS), with
//   - target URI the page's URL (else https://news.example/NAME, NAME the
//     file name without .html(.gz)); in rounds after the first, with
//     "round=N" added to its query, so every record has its own;
//   - WARC/1.1 in even rounds, WARC/1.0 in odd ones;
//   - every third response gzip-encoded (Content-Encoding: gzip) and every
//     fourth chunked (Transfer-Encoding: chunked), bytes as a server sends;
//   - Content-Type text/html, with "; charset=utf-8" when the page is valid
//     UTF-8;
//   - after every tenth page, a PNG resource record, a 301 response and a
//     metadata record, which hold no page.
// Prints the number of HTML responses written.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const require = createRequire(`${process.env.WARCIO_DIR || '.'}/`);
const { WARCRecord, WARCSerializer } = require('warcio');

const [out, roundsArg, list] = process.argv.slice(2);
const pages = fs.readFileSync(list, 'utf8').split('\n').filter((l) => l).map((l) => l.split('\t'));
const rounds = Number(roundsArg);
const fd = fs.openSync(out, 'w');
const date = '2024-05-01T12:00:00Z';
const write = async (record) => fs.writeSync(fd, await WARCSerializer.serialize(record, { gzip: true }));
async function* once(bytes) { yield bytes; }

const chunked = (bytes) => {
  const parts = [];
  for (let i = 0; i < bytes.length; i += 4000) {
    const piece = bytes.subarray(i, i + 4000);
    parts.push(Buffer.from(piece.length.toString(16) + '\r\n'), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
};

const utf8 = new TextDecoder('utf-8', { fatal: true });
const isUtf8 = (b) => { try { utf8.decode(b); return true; } catch { return false; } };

await write(await WARCRecord.createWARCInfo({ filename: out, warcVersion: 'WARC/1.1' },
                                            { software: 'warcio.js (bench/warc/write.mjs)' }));
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
let n = 0, responses = 0;
for (let round = 0; round < rounds; round++) {
  const warcVersion = round % 2 ? 'WARC/1.0' : 'WARC/1.1';
  for (const [path, pageUrl] of pages) {
    let body = fs.readFileSync(path);
    if (path.endsWith('.gz')) body = zlib.gunzipSync(body);
    const name = path.split('/').pop().replace(/\.html?(\.gz)?$/, '');
    let url = pageUrl || `https://news.example/${name}`;
    if (round) url += (url.includes('?') ? '&' : '?') + `round=${round}`;
    const httpHeaders = { 'Content-Type': 'text/html' + (isUtf8(body) ? '; charset=utf-8' : ''),
                          'Server': 'bench' };
    n++;
    if (n % 3 === 0) {
      body = zlib.gzipSync(body);
      httpHeaders['Content-Encoding'] = 'gzip';
    }
    if (n % 4 === 0) {
      body = chunked(body);
      httpHeaders['Transfer-Encoding'] = 'chunked';
    } else {
      httpHeaders['Content-Length'] = String(body.length);
    }
    await write(await WARCRecord.create(
      { url, date, type: 'request', warcVersion, httpHeaders: { 'User-Agent': 'bench' },
        statusline: 'GET / HTTP/1.1' }, once(new Uint8Array())));
    await write(await WARCRecord.create(
      { url, date, type: 'response', warcVersion, httpHeaders, statusline: 'HTTP/1.1 200 OK' },
      once(body)));
    responses++;
    if (n % 10 === 0) {
      await write(await WARCRecord.create(
        { url: `https://news.example/${name}/logo.png`, date, type: 'resource', warcVersion,
          warcHeaders: { 'Content-Type': 'image/png' } }, once(png)));
      await write(await WARCRecord.create(
        { url: `https://news.example/${name}/old/${round}`, date, type: 'response', warcVersion,
          statusline: 'HTTP/1.1 301 Moved Permanently',
          httpHeaders: { 'Location': url, 'Content-Type': 'text/html', 'Content-Length': '0' } },
        once(new Uint8Array())));
      await write(await WARCRecord.create(
        { url, date, type: 'metadata', warcVersion,
          warcHeaders: { 'Content-Type': 'application/warc-fields' } },
        once(Buffer.from('outlinks: 12\r\n'))));
    }
  }
}
fs.closeSync(fd);
console.log(responses);
