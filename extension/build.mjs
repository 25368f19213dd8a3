// Bundles the extension into dist/: content and background scripts (IIFE), whichever of the
// popup/options/welcome pages exist, the manifest (version from package.json), the icons and
// the WebAssembly core. Run from anywhere: node extension/build.mjs
import * as esbuild from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ext = join(root, "extension");
const dist = join(root, "dist");
const wasmSrc = join(root, "pkg", "safepost_bg.wasm");

mkdirSync(join(dist, "wasm"), { recursive: true });
mkdirSync(join(dist, "icons"), { recursive: true });

const entries = [
  { in: join(ext, "content", "index.ts"), out: "content" },
  { in: join(ext, "background", "index.ts"), out: "background" },
];
// Pages written by other work streams: build whichever exist.
const pages = ["popup", "options", "welcome"].filter((p) => existsSync(join(ext, p, `${p}.ts`)));
for (const p of pages) entries.push({ in: join(ext, p, `${p}.ts`), out: p });

await esbuild.build({
  entryPoints: entries,
  outdir: dist,
  bundle: true,
  format: "iife",
  target: ["chrome120", "firefox140"],
  minify: true,
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  // wasm-bindgen's glue mentions import.meta.url only for its default wasm location; we always
  // pass the module explicitly, so an empty import.meta in the IIFE is harmless.
  logOverride: { "empty-import-meta": "silent" },
});

for (const p of pages) {
  for (const extName of ["html", "css"]) {
    const src = join(ext, p, `${p}.${extName}`);
    if (existsSync(src)) copyFileSync(src, join(dist, `${p}.${extName}`));
  }
}

const pkgJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const manifest = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8"));
manifest.version = pkgJson.version;
// Chromium refuses to load an extension whose options page is missing; until the pages from
// the other work stream exist, leave out what points at them (and say so).
if (!pages.includes("options")) {
  console.warn("extension/build.mjs: extension/options/ missing; dist manifest has no options_ui");
  delete manifest.options_ui;
}
if (!pages.includes("popup")) {
  console.warn("extension/build.mjs: extension/popup/ missing; dist manifest has no default_popup");
  delete manifest.action.default_popup;
}
writeFileSync(join(dist, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");

for (const icon of readdirSync(join(root, "icons")).filter((f) => f.endsWith(".png"))) {
  copyFileSync(join(root, "icons", icon), join(dist, "icons", icon));
}

if (existsSync(wasmSrc)) {
  copyFileSync(wasmSrc, join(dist, "wasm", "safepost_bg.wasm"));
} else {
  console.warn("extension/build.mjs: pkg/safepost_bg.wasm missing; run ./build.sh to build the core");
}
