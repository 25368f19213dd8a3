// SafePost end-to-end harness: Debian Chromium driven by playwright-core, with the three sites'
// compose boxes served at their real URLs (by request interception) under their real CSPs.
// Nothing leaves the machine: every request that is not a fixture is aborted.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './fixtures/build.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../..');
export const FIXTURES = join(HERE, 'fixtures');
export const OUT = join(HERE, '.out');
const NM = join(REPO, 'node_modules');
export const CHROMIUM = process.env.SAFEPOST_CHROMIUM || '/usr/bin/chromium';
/**
 * The two builds (extension/build.mjs): the release build in dist/ (zipped, shipped; no test
 * hooks, closed shadow roots) and the test build in dist-test/ (hooks the tests read). Tests
 * load the test build unless they ask for the release one. SAFEPOST_DIST / SAFEPOST_DIST_TEST
 * point them at other builds (e.g. an older one, to show a test failing before a fix).
 */
export const DIST_RELEASE = process.env.SAFEPOST_DIST || join(REPO, 'dist');
export const DIST_TEST = process.env.SAFEPOST_DIST_TEST || join(REPO, 'dist-test');

export const SITES = {
  xHome: 'https://x.com/home',
  xCompose: 'https://x.com/compose/post',
  facebook: 'https://www.facebook.com/',
  linkedinClassic: 'https://www.linkedin.com/feed/',
  linkedinNew: 'https://www.linkedin.com/sharing/compose/',
  /** The feed, but "Start a post" opens the new (TipTap) composer in a native <dialog>. */
  linkedinFeedNew: 'https://www.linkedin.com/feed/?composer=new',
  demo: 'https://safepost.demo/',
};

// The recorded policies (SITES.md), trimmed to what matters. X and Facebook carry a nonce
// like the real sites, so 'unsafe-inline' is ignored there too: no inline script runs anywhere.
const NONCE = "'nonce-c2FmZXBvc3QtZml4dHVyZQ'";
export const CSP = {
  x: [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline' https://*.twimg.com ${NONCE} 'wasm-unsafe-eval'`,
    "style-src 'self' 'unsafe-inline' https://*.twimg.com",
    "img-src 'self' blob: data: https://*.twimg.com",
    "connect-src 'self' blob: https://*.twimg.com https://*.x.com",
    "font-src 'self' data: https://*.twimg.com",
    "media-src 'self' blob: https://*.twimg.com",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-ancestors 'self'",
  ].join('; '),
  facebook: [
    "default-src * data: blob: 'self' 'wasm-unsafe-eval'",
    `script-src *.facebook.com *.fbcdn.net *.facebook.net 127.0.0.1:* ${NONCE} blob: 'self' connect.facebook.net 'wasm-unsafe-eval'`,
    "style-src *.fbcdn.net data: 'self' 'unsafe-inline'",
    "img-src *.fbcdn.net data: blob: 'self'",
    "connect-src *.facebook.com *.fbcdn.net 'self' blob: data:",
    "worker-src *.facebook.com 'self' blob:",
    "object-src 'none'",
    "frame-ancestors 'self'",
  ].join('; '),
  linkedin: [
    "default-src *",
    "script-src 'report-sample' 'sha256-THw+5sH4Vl8ZOCEa1yOVpJvkXAs7WMyDDpNQpvYVa5s=' static.licdn.com static-exp1.licdn.com static-exp2.licdn.com www.linkedin.com/sc/ www.linkedin.com/scds/",
    "style-src 'self' 'unsafe-inline' static.licdn.com static-exp1.licdn.com static-exp2.licdn.com",
    "img-src * data: blob:",
    "connect-src *",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'self'",
  ].join('; '),
};

/** A site's policy without 'wasm-unsafe-eval': its own scripts still load, WebAssembly does not. */
export function withoutWasm(csp) {
  return csp.replace(/\s*'wasm-unsafe-eval'/g, '');
}

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.wasm': 'application/wasm', '.json': 'application/json',
};

/** Static files that fixtures load, by URL path under the site's asset prefix. */
const LIBS = {
  'lib/Draft.min.js': join(NM, 'draft-js/dist/Draft.min.js'),
  'lib/Draft.css': join(NM, 'draft-js/dist/Draft.css'),
  'lib/immutable.min.js': join(NM, 'immutable/dist/immutable.min.js'),
  'lib/react.production.min.js': join(NM, 'react/umd/react.production.min.js'),
  'lib/react-dom.production.min.js': join(NM, 'react-dom/umd/react-dom.production.min.js'),
  'lib/quill.js': join(NM, 'quill/dist/quill.js'),
  'lib/quill.snow.css': join(NM, 'quill/dist/quill.snow.css'),
  'bundle/facebook.js': join(OUT, 'facebook.js'),
  'bundle/linkedin-tiptap.js': join(OUT, 'linkedin-tiptap.js'),
};

/** Maps a fixture asset name (path after the prefix) to a file on disk, or null. */
function assetFile(name) {
  if (LIBS[name]) return LIBS[name];
  const file = resolve(FIXTURES, name);
  if (!file.startsWith(FIXTURES + '/')) return null; // no path traversal
  return file;
}

/**
 * Decides what to answer for a URL: { file, csp } or { status } or null (abort).
 * Pages are answered on every path a test may navigate to; assets live under a prefix:
 * x.com and facebook.com serve them from 'self' (/__fixture/...), LinkedIn from
 * static.licdn.com (its script-src does not allow 'self').
 */
function resolveRequest(url, cspFor) {
  const u = new URL(url);
  const host = u.hostname;
  const path = u.pathname;
  const asset = (prefix) => (path.startsWith(prefix) ? decodeURIComponent(path.slice(prefix.length)) : null);

  if (host === 'x.com' || host === 'twitter.com') {
    const a = asset('/__fixture/');
    if (a !== null) return { file: assetFile(a) };
    if (path === '/favicon.ico') return { status: 404 };
    return { file: join(FIXTURES, 'x/index.html'), csp: cspFor('x') };
  }
  if (host === 'www.facebook.com') {
    const a = asset('/__fixture/');
    if (a !== null) return { file: assetFile(a) };
    if (path === '/favicon.ico') return { status: 404 };
    return { file: join(FIXTURES, 'facebook/index.html'), csp: cspFor('facebook') };
  }
  if (host === 'static.licdn.com') {
    const a = asset('/sc/h/safepost-fixture/');
    if (a !== null) return { file: assetFile(a) };
    return { status: 404 };
  }
  if (host === 'www.linkedin.com') {
    if (path === '/favicon.ico') return { status: 404 };
    if (path.startsWith('/sharing/compose')) return { file: join(FIXTURES, 'linkedin/compose.html'), csp: cspFor('linkedin') };
    return { file: join(FIXTURES, 'linkedin/feed.html'), csp: cspFor('linkedin') };
  }
  if (host === 'safepost.demo') {
    if (path === '/' || path === '/index.html') return { file: join(FIXTURES, 'demo/index.html'), csp: "default-src 'none'; style-src 'unsafe-inline'" };
    return { status: 404 };
  }
  return null;
}

/**
 * What the fixture server answers for `url`: { status, headers, body } (body a Buffer or string),
 * or null when the request must be aborted (not a fixture). Shared by the Chromium harness
 * (Playwright route.fulfill) and the Firefox one (puppeteer request.respond).
 * cspFor(site) gives the policy for 'x' | 'facebook' | 'linkedin' (default: the recorded CSP).
 */
export function fixtureResponse(url, cspFor = (site) => CSP[site]) {
  const ans = resolveRequest(url, cspFor);
  if (!ans) return null;
  if (ans.status) return { status: ans.status, headers: {}, body: '' };
  if (!ans.file || !existsSync(ans.file)) return { status: 404, headers: {}, body: 'not found' };
  const headers = { 'content-type': MIME[extname(ans.file)] || 'application/octet-stream', 'cache-control': 'no-store' };
  if (ans.csp) headers['content-security-policy'] = ans.csp;
  // Cross-origin module/font loads need CORS; fixture assets are public anyway.
  headers['access-control-allow-origin'] = '*';
  return { status: 200, headers, body: readFileSync(ans.file) };
}

async function fulfil(route, cspFor, extraRoutes) {
  const url = route.request().url();
  for (const r of extraRoutes) {
    if (r.match(url)) return r.handle(route);
  }
  const res = fixtureResponse(url, cspFor);
  if (!res) return route.abort('blockedbyclient').catch(() => {});
  return route.fulfill(res).catch(() => {});
}

/**
 * Launches Chromium with (by default) the test build of the extension (dist-test/) and all fixture routes.
 * opts: { extension?: boolean|string (path), headless?: boolean, cspOverride?: {x?,facebook?,linkedin?},
 *         slowMo?: number, viewport?: {width,height}, routes?: [{match(url): boolean, handle(route)}] }
 * Returns { context, extensionId, serviceWorker, userDataDir, close() }.
 */
export async function launch(opts = {}) {
  await ensureBuilt();
  const withExtension = opts.extension !== false;
  const dist = typeof opts.extension === 'string' ? resolve(opts.extension) : DIST_TEST;
  if (withExtension && !existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`no extension at ${dist} (manifest.json missing): build it first, or pass {extension:false}`);
  }
  const headless = opts.headless !== false;
  const userDataDir = mkdtempSync(join(tmpdir(), 'safepost-e2e-'));
  const args = [
    '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-dev-shm-usage',
  ];
  if (headless) args.push('--headless=new');
  if (withExtension) args.push(`--disable-extensions-except=${dist}`, `--load-extension=${dist}`);
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: false, // the headless mode is chosen by the --headless=new switch above
      args,
      ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
      viewport: opts.viewport || { width: 1280, height: 900 },
      slowMo: opts.slowMo,
      serviceWorkers: 'allow',
    });
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  const override = opts.cspOverride || {};
  const cspFor = (site) => (override[site] !== undefined ? override[site] : CSP[site]);
  const extraRoutes = opts.routes || [];
  await context.route('**/*', (route) => fulfil(route, cspFor, extraRoutes));

  let serviceWorker = null;
  let extensionId = null;
  if (withExtension) {
    const isExt = (w) => w.url().startsWith('chrome-extension://');
    serviceWorker = context.serviceWorkers().find(isExt) || null;
    if (!serviceWorker) {
      serviceWorker = await context.waitForEvent('serviceworker', { predicate: isExt, timeout: 10000 }).catch(() => null);
    }
    if (serviceWorker) extensionId = new URL(serviceWorker.url()).host;
  }
  // The persistent context opens an about:blank tab; tests open their own pages.
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, extensionId, serviceWorker, userDataDir, close };
}

/** Per-URL: how to reveal the editors and which selector proves they are mounted. */
export function fixtureKind(url) {
  const u = new URL(url);
  if (u.hostname === 'x.com' || u.hostname === 'twitter.com') {
    return u.pathname.startsWith('/compose/')
      ? { editor: '[role="dialog"] [data-testid="tweetTextarea_0"][contenteditable="true"]' }
      : { editor: '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"][contenteditable="true"]' };
  }
  if (u.hostname === 'www.facebook.com') {
    return { opener: '[data-testid="safepost-fixture-opener"]', editor: '[role="dialog"] [data-lexical-editor="true"][contenteditable="true"]' };
  }
  if (u.hostname === 'www.linkedin.com') {
    if (u.pathname.startsWith('/sharing/compose')) return { editor: '.tiptap.ProseMirror[contenteditable="true"]' };
    if (u.searchParams.get('composer') === 'new') {
      return { opener: 'button.share-box-feed-entry__trigger', editor: 'dialog[open] .tiptap.ProseMirror[contenteditable="true"]' };
    }
    // Playwright's CSS engine pierces open shadow roots, so this finds Quill inside #interop-outlet.
    return { opener: 'button.share-box-feed-entry__trigger', editor: '.share-creation-state__text-editor .ql-editor[contenteditable="true"]' };
  }
  return { editor: null };
}

/** Brings a page under test: errors collected into page.__errors (and console errors into page.__console). */
function instrument(page) {
  page.__errors = [];
  page.__console = [];
  page.on('pageerror', (e) => page.__errors.push(e));
  page.on('console', (m) => { if (m.type() === 'error') page.__console.push(m.text()); });
}

/**
 * Opens url in a new page of ctx (the object launch() returned, or a BrowserContext) and waits
 * until the fixture's editor(s) exist. Facebook and LinkedIn classic open their composer
 * first, with a real click on the site's opener, unless { open: false }.
 */
export async function openFixture(ctx, url, { open = true, timeout = 15000 } = {}) {
  const context = ctx.context || ctx;
  const page = await context.newPage();
  instrument(page);
  await page.goto(url, { waitUntil: 'load', timeout });
  const kind = fixtureKind(url);
  if (!kind.editor) return page;
  await page.waitForFunction(() => window.__safepostFixture && window.__safepostFixture.ready === true, null, { timeout });
  if (kind.opener && open) {
    await page.locator(kind.opener).first().click({ timeout });
  }
  if (!kind.opener || open) {
    await page.locator(kind.editor).first().waitFor({ state: 'visible', timeout });
    await page.waitForFunction(() => window.__safepostFixture.editors().length > 0 && window.__safepostFixture.model(0) !== null, null, { timeout });
  }
  return page;
}

/** Characters that a US keyboard types with keydown/keypress/keyup; anything else is inserted as text. */
const TYPABLE = /^[\x20-\x7e\n]$/;

/** Waits for two animation frames in the page: editors have committed and painted. */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/**
 * Focuses editor `index` (click, then caret to the end) and types `text` with real key events.
 * "\n" presses Enter; runs of characters outside printable ASCII (emoji, accents) go through
 * keyboard.insertText as one IME-like insertion.
 */
export async function typeInEditor(page, text, { index = 0, delay = 0 } = {}) {
  const handle = await page.waitForFunction((i) => window.__safepostFixture && window.__safepostFixture.editors()[i], index, { timeout: 10000 });
  const el = handle.asElement();
  await el.scrollIntoViewIfNeeded();
  await el.click();
  await page.waitForFunction((e) => {
    const root = e.getRootNode();
    const active = root.activeElement || document.activeElement;
    return active === e || e.contains(active);
  }, el, { timeout: 5000 });
  await page.keyboard.press('ControlOrMeta+End');
  const runs = [];
  for (const ch of text) {
    const typable = TYPABLE.test(ch);
    const last = runs[runs.length - 1];
    if (last && last.typable === typable) last.text += ch;
    else runs.push({ typable, text: ch });
  }
  for (const r of runs) {
    if (r.typable) await page.keyboard.type(r.text, { delay });
    else await page.keyboard.insertText(r.text);
  }
  await settle(page);
}

/** The editor's model text (Draft/Lexical/Quill/TipTap), or null when editor `index` is absent. */
export async function modelText(page, index = 0) {
  return page.evaluate((i) => window.__safepostFixture.model(i), index);
}

/** Posts recorded by the site's own Post handler: [{text, time}]. */
export async function posts(page) {
  return page.evaluate(() => window.__safepostFixture.posts.map((p) => ({ ...p })));
}

/** Attaches an image to editor `index`'s post the way the site shows it. */
export async function attachMedia(page, index = 0) {
  await page.evaluate((i) => window.__safepostFixture.attachMedia(i), index);
  await settle(page);
}

// Runs in the page's main world: collects SafePost highlights, in document order, with rects.
// CSS.highlights is one registry per document, shared by all worlds: ranges a content script
// (isolated world) registered are visible here. If none are, falls back to the JSON that the
// content script may publish on <html data-safepost-highlights='[{"name","text"}]'>.
export function collectHighlights(withRects) {
  const out = [];
  const rectsOf = (r) => Array.from(r.getClientRects()).map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height }));
  if (typeof CSS !== 'undefined' && CSS.highlights) {
    for (const [name, hl] of CSS.highlights) {
      if (!String(name).startsWith('safepost')) continue;
      for (const range of hl) {
        if (range.collapsed) continue;
        const item = { name, text: range.toString(), range };
        if (withRects) item.rects = rectsOf(range);
        out.push(item);
      }
    }
  }
  // Document order across shadow roots: a path of child indices through the composed tree.
  const pathOf = (node, offset) => {
    const p = [];
    let n = node;
    if (n.nodeType === Node.ELEMENT_NODE && offset < n.childNodes.length) n = n.childNodes[offset];
    else p.unshift(offset);
    while (n) {
      const parent = n.parentNode;
      if (parent) { p.unshift(Array.prototype.indexOf.call(parent.childNodes, n)); n = parent; }
      else if (n instanceof ShadowRoot) { p.unshift(-1); n = n.host; }
      else break;
    }
    return p;
  };
  const cmp = (a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  };
  for (const o of out) o.key = pathOf(o.range.startContainer, o.range.startOffset);
  out.sort((a, b) => cmp(a.key, b.key));
  let source = 'css.highlights';
  if (out.length === 0) {
    const raw = document.documentElement.getAttribute('data-safepost-highlights');
    if (raw) {
      try { return { source: 'data-attribute', items: JSON.parse(raw).map((x) => ({ name: x.name, text: x.text })) }; } catch {}
    }
    source = 'none';
  }
  return { source, items: out };
}

/**
 * Texts of every range of every CSS highlight whose name starts with "safepost", in document
 * order: [{name, text}]. Read in the page's main world (see collectHighlights for the fallback).
 */
export async function highlightedTexts(page) {
  return page.evaluate(`(${collectHighlights.toString()})(false).items.map((h) => ({ name: h.name, text: h.text }))`);
}

/** Which path highlightedTexts used: 'css.highlights', 'data-attribute' or 'none'. */
export async function highlightSource(page) {
  return page.evaluate(`(${collectHighlights.toString()})(false).source`);
}

// Main world: for each highlight, the rects of the range, and the rects of the same phrase
// found independently in the editor's DOM (text nodes in order, n-th occurrence for the n-th
// highlight with that text). Also the rects of extra `phrases` asked for.
function measureHighlights(phrases, collect) {
  const res = collect(true);
  const editorOf = (node) => {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return el && el.closest('[contenteditable="true"]');
  };
  const rectsOf = (r) => Array.from(r.getClientRects()).map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height }));
  const find = (editor, phrase, nth) => {
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push({ n, start: text.length }); text += n.data; }
    let at = -1;
    for (let k = 0; k <= nth; k++) { at = text.indexOf(phrase, at + 1); if (at < 0) return null; }
    const locate = (off, end) => {
      for (const x of nodes) {
        const len = x.n.data.length;
        if (off < x.start + len || (end && off === x.start + len)) return [x.n, off - x.start];
      }
      return null;
    };
    const s = locate(at, false);
    const e = locate(at + phrase.length, true);
    if (!s || !e) return null;
    const r = document.createRange();
    r.setStart(s[0], s[1]);
    r.setEnd(e[0], e[1]);
    return rectsOf(r);
  };
  const seen = new Map();
  const highlights = res.items.map((h) => {
    const ed = h.range ? editorOf(h.range.startContainer) : null;
    const k = `${h.text}\u0000`;
    const nth = seen.get(k) || 0;
    seen.set(k, nth + 1);
    return { name: h.name, text: h.text, rects: h.rects || [], expected: ed ? find(ed, h.text, nth) : null };
  });
  const editors = window.__safepostFixture ? window.__safepostFixture.editors() : [];
  const phraseRects = {};
  for (const p of phrases || []) {
    phraseRects[p] = null;
    for (const ed of editors) { const r = find(ed, p, 0); if (r) { phraseRects[p] = r; break; } }
  }
  return { source: res.source, highlights, phrases: phraseRects };
}

/**
 * { source, highlights: [{name, text, rects, expected}], phrases: {phrase: rects|null} }:
 * `rects` are the client rects of each highlighted range, `expected` those of the same text
 * located independently in the editor DOM (null if not found). Compare them with rectsClose().
 */
export async function highlightRects(page, phrases = []) {
  // One expression (not eval inside the page: the sites' CSPs forbid it).
  return page.evaluate(`(${measureHighlights.toString()})(${JSON.stringify(phrases)}, ${collectHighlights.toString()})`);
}

/** True when two rect lists match within `tol` px (ignoring zero-width rects). */
export function rectsClose(a, b, tol = 1) {
  const nz = (l) => (l || []).filter((r) => r.width > 0.5);
  const A = nz(a), B = nz(b);
  if (A.length !== B.length || A.length === 0) return false;
  return A.every((r, i) => ['x', 'y', 'width', 'height'].every((k) => Math.abs(r[k] - B[i][k]) <= tol));
}
