// Optional User Timing spans around SafePost's own work in the page (reading the editor, the
// check, building ranges, painting, the badge), for profiling: tests/bench/browser.mjs sets
// <html data-safepost-trace> before the content script starts, then reads the
// `safepost:*` performance measures from the page. Test build only (the page can read User
// Timing entries): a release build compiles the switch out and `span` is a plain call.
// Measures carry names and times only, never any text.
import { pageSwitch } from "./page-hooks";

const enabled = pageSwitch("trace");

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
