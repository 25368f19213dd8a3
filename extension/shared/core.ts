// The one place the extension imports the WebAssembly core's glue (wasm-bindgen --target web,
// built by ./build.sh into pkg/). Its shape is declared in ./core-module.d.ts so type checks
// work before the core has been built.
export { default as initCore, Checker, configProblems, phraseHash, coreVersion } from "../../pkg/safepost.js";
