// Rejects extension code that injects HTML or evaluates strings: every page SafePost runs on
// holds someone's unpublished post, so user text must only ever reach the DOM as text.
//
//   node tests/lint-extension.mjs [dir]     (dir defaults to extension/)
//
// Comments are removed first (strings are kept, so `el["innerHTML"]` and "javascript:" in a
// string are seen); then each line is matched against the patterns below. Exit code 1 and one
// line per problem when anything is found.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const target = resolve(process.argv[2] ?? join(root, "extension"));

// Names of HTML sinks are forbidden in any form: `.innerHTML`, `["innerHTML"]`,
// `{ innerHTML: ... }` (Object.assign), `Reflect.set(el, "innerHTML", ...)`.
const SINKS = ["innerHTML", "outerHTML", "insertAdjacentHTML", "createContextualFragment", "setHTMLUnsafe", "srcdoc"];
const q = "['\"`]"; // a quote that opens or closes a string

const forbidden = [
  [new RegExp(`\\b(${SINKS.join("|")})\\b`, "i"), "HTML sink"],
  [/\bdocument\s*\.\s*write(ln)?\b/, "document.write"],
  [new RegExp(`\\bdocument\\s*\\[\\s*${q}write(ln)?${q}\\s*\\]`), "document.write"],
  [/(^|[^.\w$])eval\s*\(/, "eval"],
  [new RegExp(`\\[\\s*${q}eval${q}\\s*\\]`), "eval"],
  [/(^|[^.\w$])(new\s+)?Function\s*\(/, "Function constructor"],
  [/\bset(Timeout|Interval)\s*\(\s*['"`]/, "string timer"],
  // Event-handler attributes compile their value as code: setAttribute("onclick", "...").
  [new RegExp(`\\bsetAttribute\\s*\\(\\s*${q}\\s*on`, "i"), "setAttribute(on...)"],
  [new RegExp(`\\bsetAttributeNS\\s*\\([^,]*,\\s*${q}\\s*on`, "i"), "setAttributeNS(on...)"],
  [/\bjavascript\s*:/i, "javascript: URL"],
];
// Markup (extension pages): no inline handlers (the MV3 CSP would also refuse them).
const forbiddenHtml = [[/<[a-z][^>]*\son[a-z]+\s*=/i, "inline event handler"]];

/**
 * Replaces comments with spaces (newlines kept, so line numbers stay) and leaves strings,
 * template literals and regular expressions as they are. A small scanner, not a parser: a `/`
 * starts a regular expression after an operator, a bracket or a keyword, and divides otherwise.
 */
function stripComments(src) {
  let out = "";
  let i = 0;
  const n = src.length;
  const templateDepth = []; // brace depth at each `${` of an open template literal
  let braces = 0;
  let prev = ""; // last significant character of code, for the regex-or-division guess
  let prevWord = "";
  const blank = (s) => s.replace(/[^\n]/g, " ");
  const regexAllowed = () =>
    prev === "" || /[(,=:[!&|?{};+\-*%<>~^]/.test(prev) || /^(return|typeof|case|do|else|in|of|void|yield|await|delete|throw|new)$/.test(prevWord);
  const readString = (quote) => {
    const start = i++;
    while (i < n && src[i] !== quote && src[i] !== "\n") i += src[i] === "\\" ? 2 : 1;
    i++;
    return src.slice(start, i);
  };
  const readTemplate = () => {
    // From just after ` or } to the closing ` (returns true) or to ${ (returns false).
    const start = i;
    while (i < n) {
      if (src[i] === "\\") i += 2;
      else if (src[i] === "`") { i++; out += src.slice(start, i); return true; }
      else if (src[i] === "$" && src[i + 1] === "{") { i += 2; out += src.slice(start, i); return false; }
      else i++;
    }
    out += src.slice(start);
    return true;
  };
  while (i < n) {
    const c = src[i];
    const d = src[i + 1];
    if (c === "/" && d === "/") {
      const end = src.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (c === "/" && d === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (c === "'" || c === '"') {
      out += readString(c);
      prev = c; prevWord = "";
    } else if (c === "`") {
      i++;
      out += "`";
      if (!readTemplate()) templateDepth.push(braces);
      prev = "`"; prevWord = "";
    } else if (c === "}" && templateDepth.length && templateDepth[templateDepth.length - 1] === braces) {
      templateDepth.pop();
      i++;
      out += "}";
      if (!readTemplate()) templateDepth.push(braces);
      prev = "`"; prevWord = "";
    } else if (c === "/" && regexAllowed()) {
      const start = i++;
      let inClass = false;
      while (i < n && src[i] !== "\n") {
        if (src[i] === "\\") { i += 2; continue; }
        if (src[i] === "[") inClass = true;
        else if (src[i] === "]") inClass = false;
        else if (src[i] === "/" && !inClass) break;
        i++;
      }
      i++;
      while (i < n && /[a-z]/i.test(src[i])) i++;
      out += src.slice(start, i);
      prev = "/"; prevWord = "";
    } else if (/[A-Za-z_$0-9]/.test(c)) {
      const start = i;
      while (i < n && /[A-Za-z_$0-9]/.test(src[i])) i++;
      prevWord = src.slice(start, i);
      prev = "a";
      out += prevWord;
    } else {
      if (c === "{") braces++;
      else if (c === "}") braces--;
      if (!/\s/.test(c)) { prev = c; prevWord = ""; }
      out += c;
      i++;
    }
  }
  return out;
}

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|js|mjs|html)$/.test(name)) yield path;
  }
}

const problems = [];
let files = 0;
for (const file of sources(target)) {
  files++;
  const src = readFileSync(file, "utf8");
  const html = file.endsWith(".html");
  const code = html ? src.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, " ")) : stripComments(src);
  const original = src.split("\n");
  code.split("\n").forEach((line, i) => {
    for (const [pattern, what] of html ? [...forbidden, ...forbiddenHtml] : forbidden) {
      if (pattern.test(line)) problems.push(`${relative(process.cwd(), file)}:${i + 1}: ${what}: ${original[i].trim()}`);
    }
  });
}
if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`${problems.length} forbidden construct(s) in extension code`);
  process.exit(1);
}
console.log(`extension lint: ${files} files in ${relative(root, target) || "."}, no HTML injection or string evaluation`);
