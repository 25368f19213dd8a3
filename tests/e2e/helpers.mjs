// Small helpers shared by guard.test.mjs and pages.test.mjs, on top of the fixtures harness.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, highlightedTexts, modelText, posts } from './harness.mjs';

export const SCREENSHOTS = join(REPO, 'dist', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** The four editors: where they live and their site's own Post button. */
export const EDITORS = [
  { name: 'X (Draft.js)', key: 'x', site: 'x', url: 'https://x.com/home', button: '[data-testid="primaryColumn"] [data-testid="tweetButtonInline"]' },
  { name: 'Facebook (Lexical)', key: 'facebook', site: 'facebook', url: 'https://www.facebook.com/', button: '[role="dialog"] [role="button"][aria-label="Post"]' },
  { name: 'LinkedIn classic (Quill, shadow root)', key: 'linkedin-classic', site: 'linkedin', url: 'https://www.linkedin.com/feed/', button: 'button.share-actions__primary-action' },
  { name: 'LinkedIn new (TipTap, <dialog>)', key: 'linkedin-new', site: 'linkedin', url: 'https://www.linkedin.com/feed/?composer=new', button: 'dialog[open] button._primary-btn' },
];

export const CRITICAL = 'RIP Mr Khan in bed 12, you were a legend';
export const SAFE = 'Great teaching session with our students today';
/** Posts whose worst finding should be "high" (RULEBOOK); highOnly() picks one the core agrees on. */
const HIGH_CANDIDATES = ['Frequent flyer back again, shock', 'Patient in bed 12 needs a review'];

// The same core the built extension carries (pkg/ is what extension/build.mjs copies into dist/),
// asked directly in Node: tests then expect exactly what the core finds, whichever build it is.
let core;
export async function coreFindings(text, profession = 'other') {
  if (!core) {
    core = await import(pathToFileURL(join(REPO, 'pkg', 'safepost.js')).href);
    await core.default({ module_or_path: readFileSync(join(REPO, 'pkg', 'safepost_bg.wasm')) });
  }
  const checker = new core.Checker({ profession, minSeverity: 'low' });
  return checker.check(text, {}).sort((a, b) => a.start - b.start);
}

/** The underlined phrases expected for `text` with default settings, in order. */
export async function flagsOf(text) {
  return (await coreFindings(text)).map((f) => f.text);
}

/** A post whose worst finding is "high" for the current core, or null if the core has none. */
export async function highOnly() {
  for (const text of HIGH_CANDIDATES) {
    const found = await coreFindings(text);
    if (found.length && found.every((f) => f.severity === 'high')) return { text, findings: found };
  }
  return null;
}

export const GUARD = '[data-safepost="guard"] dialog[open]';

/** Polls `fn` until it returns a truthy value; fails with `what` after `tries` polls. */
export async function until(page, fn, what, tries = 200) {
  let last;
  for (let i = 0; i < tries; i++) {
    last = await fn();
    if (last) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** Waits until the page's SafePost underlines are exactly `texts` (in order). */
export async function waitForHighlights(page, texts) {
  const want = JSON.stringify(texts);
  return until(page, async () => JSON.stringify((await highlightedTexts(page)).map((h) => h.text)) === want, `highlights ${want}`);
}

/**
 * A real user's click: mouse down and up at the centre of the element (no Playwright
 * actionability retry, which would misread our dialog opening on pointerdown as "intercepted").
 */
export async function clickCentre(page, selector) {
  const loc = page.locator(selector).first();
  await loc.scrollIntoViewIfNeeded();
  const box = await loc.boundingBox();
  if (!box) throw new Error(`no box for ${selector}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** True when editor `index` (or something inside it) has focus, shadow roots included. */
export async function editorHasFocus(page, index = 0) {
  return page.evaluate((i) => {
    const e = window.__safepostFixture.editors()[i];
    if (!e) return false;
    const a = e.getRootNode().activeElement;
    return !!a && (a === e || e.contains(a)) && document.hasFocus();
  }, index);
}

export async function guardOpen(page) {
  return (await page.locator(GUARD).count()) === 1;
}

export { modelText, posts };

/** Stops every service worker (the extension's goes idle-stopped, as Chrome does after 30 s). */
export async function stopWorker(app, page) {
  const cdp = await page.context().newCDPSession(page);
  const worker = app.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${app.extensionId}/`));
  const closed = worker ? new Promise((r) => worker.once('close', r)) : Promise.resolve();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
}
