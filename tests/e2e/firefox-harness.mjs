// Firefox end-to-end harness: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi,
// the extension from dist/ installed as a temporary add-on, and the same fixtures as the Chromium
// harness (harness.mjs fixtureResponse: same files, same URLs, same CSP headers), answered by
// request interception. Every request that is not a fixture or the extension's own is aborted.
import puppeteer from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, CSP, fixtureKind, fixtureResponse, collectHighlights } from './harness.mjs';
import { ensureBuilt } from './fixtures/build.mjs';

export const FIREFOX = process.env.SAFEPOST_FIREFOX || '/usr/bin/firefox-esr';
export const DIST = process.env.SAFEPOST_DIST_TEST || join(REPO, 'dist-test');
export const ADDON_ID = JSON.parse(readFileSync(join(REPO, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
/**
 * The moz-extension:// host is a per-profile random UUID; Firefox takes it from this pref when
 * the add-on is installed, so the tests know where the popup and options pages live.
 */
export const ADDON_UUID = '5afe9057-0000-4000-8000-5afe90570001';

/** Why Firefox tests cannot run here, or null when they can. */
export function firefoxMissing() {
  if (!existsSync(FIREFOX)) return `${FIREFOX} not installed (apt-get install firefox-esr; ./build.sh test installs it)`;
  if (!existsSync(join(DIST, 'manifest.json'))) return 'dist-test/ not built (./build.sh)';
  return null;
}

/**
 * Starts headless firefox-esr with the extension installed. Returns { browser, extUrl(path),
 * newPage(), close() }. Pages from newPage() answer fixture URLs with harness.mjs's files.
 */
export async function launchFirefox({ cspOverride = {} } = {}) {
  await ensureBuilt();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    // WebDriver BiDi refuses to navigate to moz-extension:// pages without this; the tests open
    // the extension's real popup and options pages in tabs.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // No welcome tab racing the tests for focus; the tests open what they need.
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  try {
    const id = await browser.installExtension(DIST);
    if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
  const cspFor = (site) => (cspOverride[site] !== undefined ? cspOverride[site] : CSP[site]);
  const extUrl = (path) => `moz-extension://${ADDON_UUID}/${path}`;

  async function newPage() {
    const page = await browser.newPage();
    page.__errors = [];
    page.on('pageerror', (e) => page.__errors.push(String(e)));
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.isInterceptResolutionHandled()) return;
      const url = req.url();
      if (url.startsWith('moz-extension://') || url.startsWith('data:') || url.startsWith('about:')) {
        req.continue().catch(() => {});
        return;
      }
      const res = fixtureResponse(url, cspFor);
      if (!res) req.abort('blockedbyclient').catch(() => {});
      else req.respond(res).catch(() => {});
    });
    return page;
  }

  /**
   * Opens one of the extension's own pages (popup.html?tab=..., options.html) in a new tab and
   * waits until it says it is ready (body[data-ready="true"]). The page loads in the extension
   * process, and puppeteer never sees that navigation finish, so the goto is not awaited: the
   * page itself is polled instead.
   */
  async function openExtensionPage(path) {
    const page = await browser.newPage();
    page.__errors = [];
    page.on('pageerror', (e) => page.__errors.push(String(e)));
    const url = extUrl(path);
    page.goto(url, { timeout: 60000 }).catch(() => {});
    await until(async () => page.evaluate(() => location.href + (document.body?.dataset.ready === 'true' ? ' ready' : '')).then((h) => h === `${url} ready`).catch(() => false), `${path} loaded`);
    return page;
  }

  return { browser, extUrl, newPage, openExtensionPage, close: () => browser.close().catch(() => {}) };
}

/** Polls `fn` (async) until it returns a truthy value; throws with `what` and the last value. */
export async function until(fn, what, { timeout = 15000, interval = 50 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

// Main world: the first element matching `selector`, looking through open shadow roots too.
function deepQuery(selector) {
  const walk = (root) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const h = walk(el.shadowRoot); if (h) return h; }
    return null;
  };
  return walk(document);
}

/** A real mouse click at the centre of the first element matching `selector` (shadow roots included). */
export async function clickCentre(page, selector) {
  // One expression (the sites' CSPs forbid eval in the page; the driver's own evaluation is not bound).
  const box = await page.evaluate(`(() => {
    const el = (${deepQuery.toString()})(${JSON.stringify(selector)});
    if (!el) return null;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  })()`);
  if (!box) throw new Error(`no element for ${selector}`);
  await page.mouse.click(box.x, box.y);
}

/**
 * Opens a fixture URL in a new page and waits for its editor (Facebook and the LinkedIn feed
 * open their composer first with a real click on the site's opener) and for the content script.
 */
export async function openFixture(app, url) {
  const page = await app.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.bringToFront(); // background tabs get no animation frames: checks would stall
  await page.waitForFunction(() => window.__safepostFixture && window.__safepostFixture.ready === true, { timeout: 15000 });
  const kind = fixtureKind(url);
  if (kind.opener) await clickCentre(page, kind.opener);
  await page.waitForFunction(() => window.__safepostFixture.editors().length > 0 && window.__safepostFixture.model(0) !== null, { timeout: 15000 });
  await page.waitForFunction(() => document.documentElement.dataset.safepostReady === '1', { timeout: 15000 });
  return page;
}

/** Two animation frames: editors have committed and painted. */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/** Clicks editor `index`, moves the caret to the end and types `text` with real key events. */
export async function typeInEditor(page, text, index = 0) {
  const handle = await page.waitForFunction((i) => window.__safepostFixture.editors()[i], { timeout: 10000 }, index);
  const el = handle.asElement();
  await el.scrollIntoView();
  await el.click();
  await page.waitForFunction((e) => {
    const active = e.getRootNode().activeElement || document.activeElement;
    return active === e || e.contains(active);
  }, { timeout: 5000 }, el);
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
  await settle(page);
}

export const modelText = (page, i = 0) => page.evaluate((k) => window.__safepostFixture.model(k), i);
export const posts = (page) => page.evaluate(() => window.__safepostFixture.posts.map((p) => ({ text: p.text })));

/** { source, items: [{name, text}] }: SafePost's highlights read in the page (harness.mjs collectHighlights). */
export async function highlights(page) {
  const res = await page.evaluate(`(() => { const r = (${collectHighlights.toString()})(false); return { source: r.source, items: r.items.map((h) => ({ name: h.name, text: h.text })) }; })()`);
  return res;
}

/** The guard's open summary dialog (inside the guard host's shadow root), as text, or null. */
export async function guardText(page) {
  return page.evaluate(() => {
    const d = document.querySelector('[data-safepost="guard"]')?.shadowRoot?.querySelector('dialog[open]');
    return d ? d.innerText : null;
  });
}

/** Clicks a button of the open guard dialog by its data-action. */
export async function guardClick(page, action) {
  const box = await page.evaluate((a) => {
    const b = document.querySelector('[data-safepost="guard"]')?.shadowRoot?.querySelector(`dialog[open] button[data-action="${a}"]`);
    if (!b) return null;
    const r = b.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, action);
  if (!box) throw new Error(`no guard button ${action}`);
  await page.mouse.click(box.x, box.y);
}
