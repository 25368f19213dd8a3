// What SafePost leaves where the page can see it. The page is hostile (DESIGN.md, "Security
// model"): in a release build nothing here writes an attribute, reads a switch or opens a
// shadow root, so a page script finds no trace of SafePost but the Highlight API registry
// (CSS.highlights, shared by every world by design). In the test build (__SAFEPOST_TEST__,
// an esbuild define set by extension/build.mjs) the same calls expose the hooks that the
// end-to-end tests and benchmarks read: <html data-safepost-*> values, host attributes,
// open shadow roots, and the trace / force-overlay switches.

/** Closed in a release build: the page cannot reach into SafePost's UI. */
export const SHADOW_MODE: ShadowRootMode = __SAFEPOST_TEST__ ? "open" : "closed";

/** Test build: <html data-safepost-NAME="value">. Release build: nothing. */
export function exposeOnPage(name: string, value: string): void {
  if (__SAFEPOST_TEST__) document.documentElement.setAttribute(`data-safepost-${name}`, value);
}

/** Test build: whether <html data-safepost-NAME> is set. Release build: always false. */
export function pageSwitch(name: string): boolean {
  return __SAFEPOST_TEST__ && typeof document !== "undefined" && document.documentElement.hasAttribute(`data-safepost-${name}`);
}

/** Test build: tags one of SafePost's host elements so tests can find it. Release build: nothing. */
export function tagHost(host: HTMLElement, name: string, value = ""): void {
  if (__SAFEPOST_TEST__) host.setAttribute(name, value);
}

/**
 * Styles every SafePost host carries inline with !important: an inline !important declaration
 * beats any !important rule in the page's style sheets, so page CSS cannot hide SafePost's UI
 * (display:none on every div, opacity 0, clip-path, a transform to nothing...). Layout
 * properties (position, size, place) are set per host, with !important too.
 */
const UNHIDEABLE: Array<[string, string]> = [
  ["visibility", "visible"],
  ["opacity", "1"],
  ["filter", "none"],
  ["clip-path", "none"],
  ["mask", "none"],
  ["transform", "none"],
  ["content-visibility", "visible"],
  ["pointer-events", "auto"],
];

/**
 * Sets `props` (and the unhideable defaults, unless `props` names them) inline with !important
 * on `host`. Call again to move the host: each call overwrites only what it names.
 */
export function forceStyle(host: HTMLElement, props: Record<string, string>, withDefaults = false): void {
  if (withDefaults) for (const [k, v] of UNHIDEABLE) if (!(k in props)) host.style.setProperty(k, v, "important");
  for (const [k, v] of Object.entries(props)) host.style.setProperty(k, v, "important");
}
