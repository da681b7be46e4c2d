// Drives the dateline web UI in headless Chromium (see run.sh). Asserts on
// what the API holds, so it stays valid while the stages fill in more data.
'use strict';
const path = require('path');
const {chromium} = require('playwright-core');

const BASE = process.env.BASE_URL;
const TOKEN = process.env.INGEST_TOKEN;
const ART = process.env.ARTIFACTS;
let passed = 0, failed = 0;
function check(cond, what) {
  if (cond) { passed++; console.log('ok   ' + what); } else { failed++; console.log('FAIL ' + what); }
}
async function api(p, opts) {
  const r = await fetch(BASE + 'api/' + p, opts);
  return {status: r.status, body: await r.json()};
}

const XSS_TEXT = 'Officials <script>window.__xss=1;alert(1)</script> met on Monday. ' +
  '<img src=x onerror="window.__xss=2;alert(2)"> Diplomats said the talks would continue. ' +
  '<a href="javascript:window.__xss=3">click</a> "<svg onload=alert(4)>" was the reply.\n' +
  'A second paragraph with <iframe src="javascript:alert(5)"></iframe> and more text about the talks.';

async function main() {
  // A hostile page, ingested through the API.
  const ing = await api('ingest', {method: 'POST', headers: {Authorization: 'Bearer ' + TOKEN,
    'Content-Type': 'application/json'}, body: JSON.stringify([{id: 'xss-page', outlet: '<b onmouseover=alert(6)>Evil</b>',
    title: '<img src=x onerror=alert(7)> Hostile title', url: 'javascript:alert(8)', published: '2025-04-22',
    text: XSS_TEXT}])});
  check(ing.status === 200, 'POST /api/ingest stores the hostile page (' + ing.status + ')');

  const browser = await chromium.launch({executablePath: process.env.CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']});
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  const problems = [];
  page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss(); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  const shot = (name) => page.screenshot({path: path.join(ART, name), fullPage: true});
  let ready = 0;
  async function settled(view) {
    await page.waitForFunction(([n, v]) => Number(document.body.dataset.ready || 0) > n &&
      (!v || document.body.dataset.view === v), [ready, view], {timeout: 20000});
    ready = await page.evaluate(() => Number(document.body.dataset.ready));
  }

  // 1. Storylines.
  await page.goto(BASE);
  await settled('home');
  const lines = (await api('storylines')).body.storylines;
  check(await page.locator('.cards .card').count() === lines.length, `storylines page lists ${lines.length} storylines`);
  await shot('01-storylines.png');
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.className === 'skip'), 'first Tab reaches the skip link');

  // 2. The demo storyline: the one with a 21 April entry, else the one with most outlets.
  let demo = null, entry = null;
  for (const l of lines) {
    const t = await api(`storylines/${encodeURIComponent(l.id)}/timeline`);
    const e = (t.body.entries || []).find((x) => String(x.date || '').startsWith('2025-04-21'));
    if (e && (!entry || (e.sources || []).length > (entry.sources || []).length)) { demo = l; entry = e; }
  }
  if (!demo) demo = [...lines].sort((a, b) => b.outlets.length - a.outlets.length)[0];
  check(!!demo, 'there is a storyline to open');
  if (!demo) throw new Error('no storyline');
  await page.locator(`.cards a[href="#/storyline/${encodeURIComponent(demo.id)}"]`).first().click();
  await settled('storyline');
  const tl = (await api(`storylines/${encodeURIComponent(demo.id)}/timeline`)).body;
  const shown = await page.locator('.timeline .entry').count();
  check(shown === (tl.entries || []).length, `timeline shows all ${shown} entries of storyline ${demo.id}`);
  check(await page.locator('figure.coverage svg rect.bar').count() > 0 ||
        await page.locator('figure.coverage').count() === 0, 'coverage chart has bars');
  const dates = await page.locator('.timeline .entry time').allTextContents();
  console.log('     timeline dates: ' + dates.join(', '));
  await shot('02-storyline-timeline.png');
  await page.screenshot({path: path.join(ART, '02b-storyline-top.png')});

  // 3. The 21 April entry, its outlets side by side.
  if (entry) {
    const outlets = new Set((entry.sources || []).map((s) => s.outlet || 'unknown outlet'));
    const view = (await api(`storylines/${encodeURIComponent(demo.id)}/timeline/${entry.index}`)).body;
    await page.locator(`.timeline .entry a[href$="/entry/${entry.index}"]`).first().click();
    await settled('storyline');
    const cols = await page.locator('.compare .col').count();
    check(cols === view.documents.length, `21 April entry shows its ${view.documents.length} source articles side by side`);
    console.log(`     21 April entry: "${entry.description}" — outlets: ${[...outlets].join(', ')}`);
    check(outlets.size < 3 || cols >= 3, 'three outlets side by side');
    check(await page.locator('.compare .col mark.hl').count() >= Math.min(cols, 1), 'reporting sentences highlighted');
    await shot('03-entry-21-april.png');
    await page.setViewportSize({width: 390, height: 844});
    await shot('04-entry-phone.png');
    await page.setViewportSize({width: 1280, height: 900});
  } else {
    console.log('     (no 2025-04-21 timeline entry yet: opening the widest story side by side instead)');
    const stories = (await api(`storylines/${encodeURIComponent(demo.id)}`)).body.stories;
    const st = [...stories].sort((a, b) => b.outlets.length - a.outlets.length)[0];
    await page.goto(BASE + '#/story/' + encodeURIComponent(st.id));
    await settled('story');
    const docs = (await api('stories/' + encodeURIComponent(st.id))).body.documents.filter((d) => !d.duplicate_of);
    check(await page.locator('.compare .col').count() === Math.min(6, docs.length), 'story shows its articles side by side');
    await shot('03-story-side-by-side.png');
  }

  // 4. Search for "Witkoff" from the header.
  await page.fill('#quick-q', 'Witkoff');
  await page.press('#quick-q', 'Enter');
  await settled('search');
  const found = (await api('search?q=Witkoff')).body.total;
  const items = await page.locator('ol.results > li').count();
  check(found >= 1, `search API finds Witkoff (${found} articles)`);
  check(items === Math.min(found, 20), `search page lists ${items} results`);
  check(await page.locator('ol.results mark').count() >= 1, 'search snippets mark the hits');
  await shot('05-search-witkoff.png');

  // 5. The hostile page: shown as text, nothing runs.
  await page.goto(BASE + '#/document/xss-page');
  await settled('document');
  await page.waitForTimeout(300);
  await shot('06-hostile-page.png');
  check(await page.evaluate(() => window.__xss === undefined), 'no injected script ran');
  check(await page.locator('main script, main iframe, main svg [onload], main [onerror], main [onmouseover]').count() === 0,
    'no injected elements or handlers in the page');
  check(await page.locator('main a[href^="javascript:"]').count() === 0, 'no javascript: links');
  check((await page.locator('main').textContent()).includes('<script>window.__xss=1'), 'markup shown as text');
  await page.goto(BASE + '#/search?q=hostile');
  await settled('search');
  check(await page.evaluate(() => window.__xss === undefined), 'no injected script ran on the search page');

  // 6. Entities and the phone layout of the timeline.
  await page.goto(BASE + '#/entities');
  await settled('entities');
  await shot('07-entities.png');
  const ents = (await api('entities?limit=1')).body.entities;
  if (ents.length) {
    await page.goto(BASE + '#/entity/' + encodeURIComponent(ents[0].id));
    await settled('entity');
    check(await page.locator('h1').textContent() === (ents[0].name || ents[0].id), 'entity page opens');
    await shot('08-entity.png');
  }
  await page.setViewportSize({width: 390, height: 844});
  await page.goto(BASE + '#/storyline/' + encodeURIComponent(demo.id));
  await settled('storyline');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `phone layout has no horizontal scroll (${overflow}px)`);
  if (overflow > 1) {
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(-5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)));
    console.log('  wider than the phone: ' + wide.join(' | '));
  }
  await shot('09-storyline-phone.png');

  check(problems.length === 0, 'no dialogs, page errors or console errors' + (problems.length ? ': ' + problems.join(' | ') : ''));
  await browser.close();
}

main().catch((e) => { failed++; console.log('FAIL ' + e.stack); }).finally(() => {
  console.log(`screenshots in ${ART}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
});
