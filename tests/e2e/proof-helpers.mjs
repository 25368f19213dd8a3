// Shared by interference.test.mjs, robustness.test.mjs and privacy.test.mjs: the four editors,
// a fresh editor on the same page (new editor instance, so no undo history carries over), a
// deterministic clock for the editors' undo grouping, and a seeded PRNG.
import { SITES, settle } from './harness.mjs';

/** The harness aborts every request it does not serve; let the extension read its own files. */
export const EXTENSION_FILES = { match: (u) => u.startsWith('chrome-extension://'), handle: (r) => r.continue() };

/**
 * The four editors. `fresh(page)` (main world) closes the current composer and opens a new one
 * the way the site's own buttons do, so each script starts on a new editor with empty history.
 */
export const EDITOR_KINDS = [
  {
    name: 'x-draft', url: SITES.xHome, undo: true, path: 'page',
    // X re-creates the inline composer when the timeline tab changes.
    fresh: () => document.querySelector('[data-testid="primaryColumn"] [role="tab"][aria-selected="false"]').click(),
  },
  {
    // The fixture registers no @lexical/history: Ctrl+Z does nothing there, with or without SafePost.
    name: 'facebook-lexical', url: SITES.facebook, undo: false, path: 'page',
    fresh: () => {
      document.querySelector('[role="dialog"][aria-label="Create post"] .fb-close')?.click();
      window.__safepostFixture.open();
    },
  },
  {
    name: 'linkedin-quill', url: SITES.linkedinClassic, undo: true, path: 'worker',
    fresh: () => {
      window.__safepostFixture.shadowRoot.querySelector('.share-box-v2__modal .artdeco-modal__dismiss')?.click();
      window.__safepostFixture.openClassic();
    },
  },
  {
    name: 'linkedin-tiptap', url: SITES.linkedinFeedNew, undo: true, path: 'worker',
    fresh: () => {
      document.querySelector('dialog[open] button[aria-label="Dismiss"]')?.click();
      window.__safepostFixture.openNew();
    },
  },
];

/**
 * Main-world init script: Date.now() returns a virtual time that moves 40 ms at every keydown
 * (a quick typist) and when the test calls window.__safepostClock.advance(ms). Quill and
 * ProseMirror group edits into undo steps by Date.now(), and ProseMirror reads it to interpret
 * DOM changes after a key; with real time both would depend on how fast the machine is (and on
 * what else runs), so two runs of one script could differ for no reason.
 */
export function installVirtualClock() {
  const realNow = Date.now.bind(Date);
  const start = realNow();
  let offset = 0;
  Date.now = () => start + offset;
  addEventListener('keydown', () => { offset += 40; }, true);
  Object.defineProperty(window, '__safepostClock', { value: Object.freeze({ advance(ms) { offset += ms; } }) });
}

/** Resolves after the next frame and the tasks queued before it (selectionchange and the like). */
export async function nextFrame(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Waits until editor 0 exists, is not `old`, is empty, and has focus; the caret at its end. */
export async function focusNewEditor(page, old = null) {
  const handle = await page.waitForFunction((prev) => {
    const f = window.__safepostFixture;
    const e = f && f.editors()[0];
    return e && e !== prev && f.model(0) === '' ? e : null;
  }, old, { timeout: 15000 });
  const el = handle.asElement();
  await el.click();
  await page.waitForFunction((e) => {
    const a = e.getRootNode().activeElement;
    return a === e || e.contains(a);
  }, el, { timeout: 5000 });
  await page.keyboard.press('ControlOrMeta+End');
  await settle(page);
  return el;
}

/** Replaces the current composer of `kind` with a new one and focuses it. */
export async function freshEditor(page, kind) {
  const old = await page.evaluateHandle(() => window.__safepostFixture.editors()[0] || null);
  await page.evaluate(`(${kind.fresh.toString()})()`);
  return focusNewEditor(page, old);
}

/** Dispatches a paste of `text` at the focused editor, as the browser does for Ctrl+V. */
export async function pasteText(page, text) {
  await page.evaluate((t) => {
    const e = window.__safepostFixture.editors()[0];
    const active = e.getRootNode().activeElement;
    const target = active && (active === e || e.contains(active)) ? active : e;
    const data = new DataTransfer();
    data.setData('text/plain', t);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  }, text);
}

/** SafePost's ranges currently painted (CSS highlights whose name starts with "safepost"). */
export function countHighlightsInPage() {
  let n = 0;
  if (typeof CSS !== 'undefined' && CSS.highlights) {
    for (const [name, h] of CSS.highlights) if (String(name).startsWith('safepost')) n += h.size;
  }
  return n;
}
