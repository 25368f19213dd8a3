/**
 * Set by extension/build.mjs (an esbuild define): true in the test build (dist-test/), false in
 * the release build (dist/), where every branch it guards is compiled out. Test hooks, and
 * nothing else, hang off it.
 */
declare const __SAFEPOST_TEST__: boolean;
