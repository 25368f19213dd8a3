// Optional User Timing spans around SafePost's own work in the page (reading the editor, the
// check, building ranges, painting, the badge), for profiling: tests/bench/browser.mjs sets
// <html data-safepost-trace> before the content script starts, then reads the
// `safepost:*` performance measures from the page. Off by default: `span` is then a plain call.
// Measures carry names and times only, never any text.
const enabled = typeof document !== "undefined" && document.documentElement.hasAttribute("data-safepost-trace");

export function span<T>(name: string, fn: () => T): T {
  if (!enabled) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(`safepost:${name}`, { start, end: performance.now() });
  }
}

export function mark(name: string): void {
  if (enabled) performance.mark(`safepost:${name}`);
}
