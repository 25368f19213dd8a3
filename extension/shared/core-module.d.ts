// The WebAssembly core's JS surface (the lead's src/wasm.rs, wasm-bindgen --target web).
declare module "*/pkg/safepost.js" {
  import type { CheckOptions, CoreConfig, Finding } from "./types";
  export default function init(
    options?: { module_or_path: WebAssembly.Module | BufferSource | URL | string | Request | Response },
  ): Promise<unknown>;
  export function initSync(options: { module: WebAssembly.Module | BufferSource }): unknown;
  export class Checker {
    /** Throws an Error with a readable message when the config is invalid. */
    constructor(config: CoreConfig);
    check(text: string, options?: CheckOptions): Finding[];
    /** One slice of the core's lazy compilation; false when nothing is left to compile. */
    warmUpStep(step: number): boolean;
    free(): void;
  }
  /** Every problem the core finds in `config` (messages never quote a value); [] if none. */
  export function configProblems(config: CoreConfig): string[];
  /** 16 hex characters; the hash used for "always ignore this phrase". */
  export function phraseHash(salt: string, phrase: string): string;
  export function coreVersion(): string;
}
