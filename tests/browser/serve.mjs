// serve.mjs — `parallax serve` in a real browser: playwright-core driving
// Debian's chromium, headless, over a server the caller started on a
// fixture store (tests/data/700-serve-browser.test: the seeds, a story with
// a conflict, then tests/serve/hostile.jsonl).
//
//   node tests/browser/serve.mjs BASE_URL SCREENSHOT_DIR
//
// Checks, with JavaScript on: the story list, a story page with its
// conflict highlighted, search from the search box, an article, an outlet,
// keyboard navigation (skip link, Tab to the search box, Enter), no console
// error on any page (a CSP violation is one), and the hostile fixtures
// inert: window.alert/confirm/prompt hooked before any page script, no
// dialog opened, and the DOM holds no script, event-handler attribute,
// javascript: link, img or svg from the store.  Then the pages built on
// the comparison (tests/serve/groups.txt is the server's --groups): a
// story's coverage by group, its facts by outlet and why each article is
// in it, an article's marks, an outlet's counts, the outlet groups and the
// most disputed stories, each held against its /api/v1 endpoint.  With
// JavaScript off: the list, its filter form, search, a story page (its
// matrix too), an article's marks and the disputed order still work.  A screenshot
// of each page goes to SCREENSHOT_DIR.  Prints "verdict: ok" and exits 0,
// or names each failure and exits 1.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node serve.mjs BASE_URL SCREENSHOT_DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    ...(process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    // nothing but the server resolves: a page that fetched anything else would fail
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
  timeout: 60000,
});

async function context(javaScriptEnabled) {
  const ctx = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  ctx.setDefaultTimeout(20000);
  if (javaScriptEnabled) {
    await ctx.addInitScript(() => {
      window.__dialogs = [];
      for (const name of ['alert', 'confirm', 'prompt']) {
        window[name] = (...args) => { window.__dialogs.push(name + ':' + args.join(',')); };
      }
    });
  }
  return ctx;
}

const ctx = await context(true);
const page = await ctx.newPage();
const consoleErrors = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`); });
page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
const dialogs = [];
page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });

async function visit(p, shot) {
  const resp = await page.goto(base + p);
  check(resp && resp.status() === 200, `${p}: status ${resp && resp.status()}`);
  if (shot) await page.screenshot({ path: `${shots}/${shot}.png`, fullPage: true });
  return resp;
}

// What the store's text must never become in the DOM.
async function inert(label) {
  const found = await page.evaluate(() => {
    const bad = [];
    if (document.querySelectorAll('script').length) bad.push('a script element');
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (a.name.startsWith('on')) bad.push(`attribute ${a.name} on ${el.tagName}`);
        // (chromium's own form controls carry a style of their own)
        if (a.name === 'style' && !/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName))
          bad.push(`style attribute on ${el.tagName}`);
      }
    }
    for (const a of document.querySelectorAll('a[href]')) {
      const h = a.getAttribute('href').trim().toLowerCase();
      if (!(h.startsWith('/') || h.startsWith('#') || h.startsWith('http://') || h.startsWith('https://')))
        bad.push(`link to ${h}`);
    }
    if (document.querySelector('main img, main svg, main iframe, main object')) bad.push('embedded content');
    return { bad, dialogs: window.__dialogs || [] };
  });
  check(found.bad.length === 0, `${label}: ${found.bad.join('; ')}`);
  check(found.dialogs.length === 0, `${label}: dialogs ${found.dialogs.join('; ')}`);
}

// ---- the story list
await visit('/', 'stories');
const rows = await page.locator('#stories tbody tr').count();
check(rows === 3, `story list: ${rows} rows, expected 3`);
check(await page.locator('#stories a.story').first().isVisible(), 'story list: no visible story link');
await inert('story list');

// ---- a story with a conflict, highlighted
await visit('/story/1', 'story-conflict');
const conflict = page.locator('#conflicts mark').first();
check(await conflict.isVisible(), 'story page: the conflict is not highlighted (no visible mark)');
const markBg = await conflict.evaluate((el) => getComputedStyle(el).backgroundColor);
check(markBg !== 'rgba(0, 0, 0, 0)' && markBg !== 'transparent', `story page: the mark has no colour (${markBg})`);
check(await page.locator('#summary').isVisible(), 'story page: no summary');
check(await page.locator('#timeline li').count() >= 2, 'story page: no coverage timeline');
// the label colours come from the style sheet (no inline style under the CSP)
const pill = await page.locator('.pill').first().evaluate((el) => getComputedStyle(el).backgroundColor);
check(pill !== 'rgba(0, 0, 0, 0)', `story page: label pills have no colour (${pill})`);
await inert('story page');

// ---- the hostile story and its articles
await visit('/story/2', 'story-hostile');
await inert('hostile story');
const title = await page.locator('#story-title').textContent();
check(title.includes('<img src=x onerror='), `hostile story: the title is not shown as text (${title})`);
for (const p of ['/article/3', '/article/4', '/outlets']) {
  await visit(p, p.slice(1).replace('/', '-'));
  await inert(p);
}
await visit('/article/3');
check(await page.locator('#source a').count() === 0, 'the javascript: URL is a link');
check((await page.locator('#source').textContent()).includes('javascript:'), 'the javascript: URL is not shown');
await visit('/article/4');
check(await page.locator('#source a[href^="https://"]').count() === 1, 'the https URL is not a link');

// ---- search from the search box, then an article, then its outlet
await visit('/');
await page.fill('#q', 'warehouse fire');
await page.press('#q', 'Enter');
await page.waitForURL(/\/search\?q=warehouse/);
await page.screenshot({ path: `${shots}/search.png`, fullPage: true });
const hits = await page.locator('li.hit').count();
check(hits >= 2, `search: ${hits} hits, expected 2 or more`);
check(await page.locator('li.hit mark').count() >= 1, 'search: no highlighted match');
await inert('search');
await page.locator('li.hit a.article').first().click();
await page.waitForURL(/\/article\/\d+/);
check(await page.locator('#article-title').isVisible(), 'article: no title');
await page.screenshot({ path: `${shots}/article.png`, fullPage: true });
await page.locator('dl.meta a.outlet').first().click();
await page.waitForURL(/\/outlet\?name=/);
check(await page.locator('#articles tbody tr').count() >= 1, 'outlet: no articles');
await page.screenshot({ path: `${shots}/outlet.png`, fullPage: true });
await inert('outlet');

// ---- keyboard: the skip link first, then to the search box, Enter searches
await visit('/');
await page.keyboard.press('Tab');
check((await page.evaluate(() => document.activeElement.textContent)) === 'Skip to content',
  'keyboard: the first Tab does not reach the skip link');
let reached = false;
for (let i = 0; i < 12 && !reached; i++) {
  await page.keyboard.press('Tab');
  reached = await page.evaluate(() => document.activeElement && document.activeElement.id === 'q');
}
check(reached, 'keyboard: Tab does not reach the search box');
await page.keyboard.type('Earnest');
await page.keyboard.press('Enter');
await page.waitForURL(/\/search\?q=Earnest/);
check(await page.locator('li.hit').count() >= 1, 'keyboard: the search found nothing');
// Tab onwards reaches a result link, Enter follows it
let onHit = false;
for (let i = 0; i < 20 && !onHit; i++) {
  await page.keyboard.press('Tab');
  onHit = await page.evaluate(() => document.activeElement && document.activeElement.matches('li.hit a.article'));
}
check(onHit, 'keyboard: Tab does not reach a search result');
if (onHit) {
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/article\/\d+/);
}

// ---- a story: coverage by group, facts by outlet, why each article is in it
async function api(p) {
  const r = await page.request.get(base + p);
  check(r.status() === 200, `${p}: status ${r.status()}`);
  return r.json();
}
await visit('/story/1', 'story-matrix');
check(await page.locator('#matrix table.matrix').isVisible(), 'story page: no facts-by-outlet table');
const matrix = await api('/api/v1/stories/1/matrix');
const pageRows = await page.locator('#matrix tbody tr').evaluateAll((trs) =>
  trs.map((tr) => ({ kind: tr.dataset.kind, cells: [...tr.querySelectorAll('td')].map((td) => td.className) })));
check(pageRows.length === matrix.facts.length, `matrix: ${pageRows.length} rows, the endpoint ${matrix.facts.length}`);
matrix.facts.forEach((f, i) => {
  const row = pageRows[i] || { cells: [] };
  check(row.kind === f.kind && row.cells.join() === f.cells.map((c) => c.state).join(),
    `matrix row ${i}: page ${row.kind} ${row.cells.join()}, endpoint ${f.kind} ${f.cells.map((c) => c.state).join()}`);
});
const differs = page.locator('#matrix td.differs').first();
check(await differs.isVisible(), 'matrix: the conflict has no visible "differs" cell');
const differsBg = await differs.evaluate((el) => getComputedStyle(el).backgroundColor);
check(differsBg !== 'rgba(0, 0, 0, 0)', `matrix: "differs" has no colour (${differsBg})`);
const why = await api('/api/v1/stories/1/articles');
for (const a of why.articles) {
  const d = await page.locator(`#timeline li[data-row="${a.row}"] .why`).first().getAttribute('data-decision');
  check(d === a.why.decision, `why: article ${a.row} page ${d}, endpoint ${a.why.decision}`);
}
check(await page.locator('#groups li').count() === 3, 'story page: not the three groups');
await inert('story matrix');

await visit('/story/2', 'story-groups');
const groups = await api('/api/v1/stories/2/groups');
const classes = await page.locator('#groups li').evaluateAll((lis) => lis.map((li) => li.className));
check(classes.join() === groups.groups.map((g) => (g.covered ? 'covered' : 'blindspot')).join(),
  `groups: page ${classes.join()}, endpoint ${groups.groups.map((g) => g.covered).join()}`);
check((await page.locator('#groups').textContent()).includes('<b> Lisbon & co'), 'groups: the hostile group name is not shown as text');
check(await page.locator('#groups b').count() === 0, 'groups: the hostile group name became markup');
await inert('story groups');

// ---- an article's marks
for (const row of [2, 3]) {
  await visit(`/article/${row}`, `article-marks-${row}`);
  const a = await api(`/api/v1/articles/${row}`);
  for (const kind of ['entity', 'quote', 'number', 'date']) {
    const n = await page.locator(`#text mark.${kind}`).count();
    const want = a.marks.filter((m) => m.kind === kind).length;
    check(n === want, `article ${row}: ${n} ${kind} marks, the endpoint ${want}`);
  }
  await inert(`article ${row} marks`);
}
const mark = page.locator('#text mark.entity').first();
check(await mark.isVisible(), 'article: no visible entity mark');
check((await mark.evaluate((el) => getComputedStyle(el).backgroundColor)) !== 'rgba(0, 0, 0, 0)', 'article: marks have no colour');
check((await page.locator('#text').textContent()).includes("<script>alert('text')</script>"), 'article: the hostile text is not shown as text');

// ---- an outlet's counts, the groups, the most disputed stories
const hostileOutlet = 'Evil<script>alert(\'outlet\')</script> News\u202e';
await visit('/outlet?name=' + encodeURIComponent(hostileOutlet), 'outlet-stats');
const st = await api('/api/v1/outlet?name=' + encodeURIComponent(hostileOutlet));
for (const k of ['articles', 'stories', 'first', 'started'])
  check((await page.locator(`#st-${k}`).textContent()) === String(st[k]), `outlet: ${k} on the page is not the endpoint's ${st[k]}`);
check((await page.locator('#cmp-stories').textContent()) === String(st.compared.stories), 'outlet: compared stories differ from the endpoint');
check(st.first === 1 && st.started === 1, `outlet: first ${st.first}, started ${st.started}, expected 1 and 1`);
await inert('outlet stats');
await visit('/groups', 'groups');
check(await page.locator('#group-list dt').count() === 3, 'groups page: not three groups');
await inert('groups');
await visit('/?order=disputed', 'disputed');
const disputed = await api('/api/v1/stories?order=disputed');
const ids = await page.locator('#stories tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.story)));
check(ids.join() === disputed.stories.map((x) => x.id).join(), `disputed: page ${ids.join()}, endpoint ${disputed.stories.map((x) => x.id).join()}`);
check(ids.length >= 2 && ids[0] === 1, `disputed: ${ids.join()}, expected story 1 (its conflict) first`);
await inert('disputed');

check(dialogs.length === 0, `dialogs opened: ${dialogs.join('; ')}`);
check(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
await ctx.close();

// ---- JavaScript disabled: everything is a link or a form
const off = await context(false);
const p2 = await off.newPage();
let r = await p2.goto(base + '/');
check(r.status() === 200 && (await p2.locator('#stories tbody tr').count()) === 3, 'no JS: the story list');
await p2.fill('form.filters input[name=outlet]', 'Data Daily');
await p2.click('form.filters button');
await p2.waitForURL(/outlet=Data\+Daily/);
check((await p2.locator('#stories tbody tr').count()) === 1, 'no JS: the outlet filter');
await p2.fill('#q', 'budget');
await p2.press('#q', 'Enter');
await p2.waitForURL(/\/search\?q=budget/);
check((await p2.locator('li.hit').count()) === 1, 'no JS: search');
r = await p2.goto(base + '/story/1');
check(await p2.locator('#conflicts mark').first().isVisible(), 'no JS: the conflict');
check(await p2.locator('#matrix td.differs').first().isVisible(), 'no JS: the facts by outlet');
check(await p2.locator('#timeline .why').count() >= 2, 'no JS: why each article is in the story');
await p2.screenshot({ path: `${shots}/story-nojs.png`, fullPage: true });
r = await p2.goto(base + '/article/2');
check(await p2.locator('#text mark.quote').count() >= 1, 'no JS: the article marks');
r = await p2.goto(base + '/');
await p2.selectOption('form.filters select[name=order]', 'disputed');
await p2.click('form.filters button');
await p2.waitForURL(/order=disputed/);
check((await p2.locator('#stories tbody tr').count()) >= 2, 'no JS: the most disputed order');
await off.close();
await browser.close();

if (failures.length) {
  for (const f of failures) console.log('FAIL ' + f);
  process.exit(1);
}
console.log('verdict: ok');
