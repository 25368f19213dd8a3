// Settings that must never switch checking off, leave the device, or be half saved (issue 13,
// items 4 to 6), driven through the real options page, popup and a fixture tab.
// Run after ./build.sh: node --test tests/e2e/settings-failclosed.test.mjs
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { SITES, launch, openFixture, typeInEditor } from './harness.mjs';
import { CRITICAL, EDITORS, GUARD, clickCentre, flagsOf, posts, until, waitForHighlights } from './helpers.mjs';
import { EXTENSION_FILES } from './proof-helpers.mjs';

let app;
before(async () => {
  app = await launch({ routes: [EXTENSION_FILES] });
  assert.ok(app.extensionId, 'extension loaded');
});
after(async () => app?.close());
beforeEach(async () => {
  await app.serviceWorker.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
});

const extUrl = (path) => `chrome-extension://${app.extensionId}/${path}`;
const storage = () => app.serviceWorker.evaluate(async () => ({ sync: await chrome.storage.sync.get(null), local: await chrome.storage.local.get(null) }));

async function openSite(url) {
  const page = await openFixture(app, url);
  await page.bringToFront();
  await page.waitForFunction(() => document.documentElement.dataset.safepostReady === '1');
  return page;
}

async function openExtPage(path) {
  const page = await app.context.newPage();
  page.__errors = [];
  page.on('pageerror', (e) => page.__errors.push(e));
  await page.goto(extUrl(path));
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function tabIdOf(page) {
  const ids = await app.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({ url: u })).map((t) => t.id), page.url().split('#')[0]);
  return ids[0];
}

// A term the core refuses (no letter), distinctive enough to spot if any message quotes it.
const BAD_TERM = '90210-4417';

// --- 4. Settings the core rejects never switch checking off -----------------------------------
for (const [where, url, button] of [['X (checked in the page)', SITES.xHome, EDITORS[0].button], ['LinkedIn (checked in the service worker)', EDITORS[3].url, EDITORS[3].button]]) {
  test(`item 4: ${where}: a workplace term the core rejects falls back to working settings, says so in the popup, and never quotes the term`, async () => {
    // As an older version could store it (sync, not validated by the core).
    await app.serviceWorker.evaluate((t) => chrome.storage.sync.set({ settings: { version: 1, profession: 'doctor', workplaceTerms: ['St Elsewhere', t] } }), BAD_TERM);
    const site = await openSite(url);
    const consoleLines = [];
    site.on('console', (m) => consoleLines.push(m.text()));
    await typeInEditor(site, CRITICAL);
    await waitForHighlights(site, await flagsOf(CRITICAL));
    await clickCentre(site, button);
    await site.locator(GUARD).waitFor();
    assert.deepEqual(await posts(site), []);
    await site.keyboard.press('Escape');

    const popup = await openExtPage(`popup.html?tab=${await tabIdOf(site)}`);
    await popup.locator('#config-problem').waitFor();
    const said = await popup.locator('#config-problem').innerText();
    assert.match(said, /workplace term 2/);
    assert.ok(!said.includes(BAD_TERM), said);
    const options = await openExtPage('options.html');
    await options.locator('#workplace-msg').waitFor();
    assert.match(await options.locator('#workplace-msg').innerText(), /workplace term 2 must have 2 to 100 characters and a letter/i);
    for (const line of [...consoleLines, ...site.__console]) assert.ok(!line.includes(BAD_TERM) && !line.includes('St Elsewhere'), `console: ${line}`);
    await Promise.all([popup.close(), options.close(), site.close()]);
  });
}

test('item 4: the options page refuses the terms the core refuses, with the reason, and saves nothing', async () => {
  const options = await openExtPage('options.html');
  const area = options.locator('#workplace');
  for (const bad of ['B', '7', 'Ward 7\n12']) {
    await area.fill(bad);
    await area.blur();
    await options.locator('#workplace-msg').waitFor();
    assert.match(await options.locator('#workplace-msg').innerText(), /Not saved: Workplace term \d must have 2 to 100 characters and a letter/);
    const { sync, local } = await storage();
    assert.equal(local.workplace, undefined, `${JSON.stringify(bad)} was saved`);
    assert.equal(sync.settings?.workplaceTerms, undefined);
  }
  await area.fill('Ward 7B\nSt Elsewhere');
  await area.blur();
  await until(options, async () => JSON.stringify((await storage()).local.workplace?.terms) === '["Ward 7B","St Elsewhere"]', 'good terms saved');
  assert.equal(await options.locator('#workplace-msg').isHidden(), true);
  assert.deepEqual(options.__errors, []);
  await options.close();
});

// --- 5. What leaves the device ------------------------------------------------------------
test('item 5: workplace terms are kept in storage.local, never in sync; terms an older version synced move to local once', async () => {
  const options = await openExtPage('options.html');
  await options.locator('#workplace').fill('Riverside Practice');
  await options.locator('#workplace').blur();
  await until(options, async () => (await storage()).local.workplace?.terms?.[0] === 'Riverside Practice', 'term saved locally');
  await options.locator('#profession').selectOption('nurse-midwife');
  await until(options, async () => (await storage()).sync.settings?.profession === 'nurse-midwife', 'profession synced');
  let { sync } = await storage();
  assert.ok(!JSON.stringify(sync).includes('Riverside'), `sync holds a workplace term: ${JSON.stringify(sync)}`);
  assert.equal(sync.settings.workplaceTerms, undefined);
  await options.close();

  // Migration: terms left in sync by an older version.
  await app.serviceWorker.evaluate(() => Promise.all([
    chrome.storage.local.clear(),
    chrome.storage.sync.set({ settings: { version: 1, profession: 'doctor', workplaceTerms: ['Oakwood Ward'] } }),
  ]));
  const site = await openSite(SITES.xHome);
  await until(site, async () => (await storage()).local.workplace?.terms?.[0] === 'Oakwood Ward', 'terms moved to local');
  ({ sync } = await storage());
  assert.equal(sync.settings.workplaceTerms, undefined, 'terms removed from sync');
  assert.equal(sync.settings.profession, 'doctor', 'the other settings stay');
  // The checker still uses them: a workplace next to a patient is flagged.
  const text = 'Sad night on Oakwood Ward, lost a patient in bed 4';
  await typeInEditor(site, text);
  await until(site, async () => (await site.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h].map((r) => r.toString())))).some((t) => /Oakwood/.test(t)), 'the workplace term flagged');
  await site.close();
});

// --- 6. Import and storage errors ----------------------------------------------------------
async function importFile(options, name, body) {
  await options.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
  await until(options, async () => (await options.locator('#import-msg').isVisible()) && (await options.locator('#import-msg').innerText()).includes(name), `a message for ${name}`, 600);
  return { ok: (await options.locator('#import-msg.ok').count()) === 1, text: await options.locator('#import-msg').innerText(), items: await options.locator('#import-msg li').count() };
}

const settingsFile = (s) => JSON.stringify({ app: 'safepost', kind: 'settings', version: 1, exportedAt: new Date(0).toISOString(), settings: {
  version: 1, profession: 'other', disabledCategories: [], disabledRules: [], guardThreshold: 'high', workplaceTerms: [],
  sites: { x: true, facebook: true, linkedin: true }, pausedUntil: 0, ...s } });

test('item 6: import refuses files over 64 KB and lists at most 20 problems; nothing changes', async () => {
  const options = await openExtPage('options.html');
  const before = await storage();
  // 800 KB of unknown categories: 400,000 problems on a372e10.
  const huge = settingsFile({ disabledCategories: Array.from({ length: 100_000 }, () => 'nope') });
  assert.ok(huge.length > 700_000);
  let r = await importFile(options, 'huge.json', huge);
  assert.equal(r.ok, false);
  assert.match(r.text, /was not imported\. Nothing was changed\./);
  assert.match(r.text, /at most 64 KB/);
  assert.ok(r.items <= 21, `${r.items} problems listed`);
  // Under 64 KB but full of problems: the list is capped.
  r = await importFile(options, 'many.json', settingsFile({ disabledCategories: Array.from({ length: 500 }, (_, i) => `bad${i}`) }));
  assert.equal(r.ok, false);
  assert.equal(r.items, 21, r.text);
  assert.match(r.text, /and 480 more problems/);
  assert.deepEqual(await storage(), before);
  await options.close();
});

test('item 6: 120 good workplace terms import and are saved; settings too large to sync are refused with a message and nothing is half saved', async () => {
  const options = await openExtPage('options.html');
  const terms = Array.from({ length: 120 }, (_, i) => `Ward number ${i + 1} at the Royal Infirmary`);
  let r = await importFile(options, 'terms.json', settingsFile({ workplaceTerms: terms, profession: 'doctor' }));
  assert.equal(r.ok, true, r.text);
  let now = await storage();
  assert.deepEqual(now.local.workplace.terms, terms);
  assert.equal(now.sync.settings.profession, 'doctor');

  // 200 rule ids of 80 characters: over sync's 8 KB per item.
  const before = await storage();
  const rules = Array.from({ length: 200 }, (_, i) => `rule-${String(i).padStart(3, '0')}-`.padEnd(80, 'x'));
  r = await importFile(options, 'rules.json', settingsFile({ disabledRules: rules, workplaceTerms: ['Other Hospital'] }));
  assert.equal(r.ok, false, r.text);
  assert.match(r.text, /was not imported\. Nothing was changed\./);
  assert.match(r.text, /syncs at most 8,192 bytes/);
  now = await storage();
  assert.deepEqual(now, before, 'nothing saved, not even the workplace terms');
  assert.deepEqual(options.__errors, []);
  await options.close();
});
