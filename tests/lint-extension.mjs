// Rejects extension code that injects HTML or evaluates strings: every page SafePost runs on
// holds someone's unpublished post, so user text must only ever reach the DOM as text.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const forbidden = [
  [/\.innerHTML\b/, "innerHTML"],
  [/\.outerHTML\b/, "outerHTML"],
  [/\binsertAdjacentHTML\b/, "insertAdjacentHTML"],
  [/\bdocument\.write(ln)?\s*\(/, "document.write"],
  [/(^|[^.\w])eval\s*\(/, "eval"],
  [/\bnew\s+Function\s*\(/, "new Function"],
  [/\bset(Timeout|Interval)\s*\(\s*['"`]/, "string timer"],
  [/\bcreateContextualFragment\b/, "createContextualFragment"],
];

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|js|mjs|html)$/.test(name)) yield path;
  }
}

const problems = [];
let files = 0;
for (const file of sources(join(root, "extension"))) {
  files++;
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, "");
      for (const [pattern, what] of forbidden) {
        if (pattern.test(code)) problems.push(`${relative(root, file)}:${i + 1}: ${what}: ${line.trim()}`);
      }
    });
}
if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`${problems.length} forbidden construct(s) in extension code`);
  process.exit(1);
}
console.log(`extension lint: ${files} files, no HTML injection or string evaluation`);
