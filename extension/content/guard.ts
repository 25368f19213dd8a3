// PLACEHOLDER, to be replaced at merge by the pre-publish guard (content/guard.ts from the
// guard work stream). It exists only so the content script builds and wires the guard in.
import type { SessionRegistry } from "./session";

export function installGuard(_registry: SessionRegistry): () => void {
  return () => {};
}
