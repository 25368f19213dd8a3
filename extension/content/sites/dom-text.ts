// Reading an editor's text from its DOM, block by block, with a map back to DOM positions,
// and the shared input path for replacing a phrase. Used by every site adapter; nothing here
// writes to the editor's DOM except through the browser's own editing command.
import type { TextSnapshot } from "./adapter";

/** Elements that start a new line. Draft marks its blocks with data-block. */
const BLOCK_TAGS = new Set([
  "P", "DIV", "LI", "UL", "OL", "BLOCKQUOTE", "PRE", "H1", "H2", "H3", "H4", "H5", "H6",
  "SECTION", "ARTICLE", "HEADER", "FOOTER", "TABLE", "TR", "TD", "TH", "HR", "FIGURE",
]);

function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName);
}

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (isBlock(c)) return true;
  return false;
}

/** Editors' placeholder <br>s (an empty line's only child, a line's trailing break) are not text. */
function isPlaceholderBreak(br: Element): boolean {
  if (br.classList.contains("ProseMirror-trailingBreak")) return true;
  let next = br.nextSibling;
  while (next && next.nodeType === Node.TEXT_NODE && !(next as Text).data) next = next.nextSibling;
  if (next) return false;
  // Last thing in its inline parent: a placeholder only if that parent ends the line too.
  const parent = br.parentElement;
  if (!parent || isBlock(parent)) return true;
  return parent.nextSibling === null && (parent.parentElement === null || isBlock(parent.parentElement));
}

interface Segment {
  node: Text;
  start: number;
  length: number;
}

/** A snapshot of an editor's text; also maps DOM positions back to offsets (for the caret). */
export interface DomTextSnapshot extends TextSnapshot {
  offsetAt(node: Node, offset: number): number | null;
}

/** Reads `root`'s text: each leaf block element is a line; lines are joined with "\n". */
export function readBlocks(root: HTMLElement): DomTextSnapshot {
  const parts: string[] = [];
  let length = 0;
  const segments: Segment[] = [];
  let lines = 0;
  let implicitLine = false; // inline content sitting directly in a container is its own line

  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const newLine = () => {
    if (lines > 0) push("\n");
    lines++;
  };
  const inline = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node as Text;
      if (t.data) {
        segments.push({ node: t, start: length, length: t.data.length });
        push(t.data);
      }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (el.tagName === "BR") {
      if (!isPlaceholderBreak(el)) push("\n");
      return;
    }
    if (el.tagName === "IMG" || el.tagName === "STYLE" || el.tagName === "SCRIPT") return;
    for (let c = el.firstChild; c; c = c.nextSibling) inline(c);
  };
  const container = (el: Element) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === Node.ELEMENT_NODE && isBlock(c as Element)) {
        implicitLine = false;
        if (hasBlockChild(c as Element)) container(c as Element);
        else {
          newLine();
          inline(c);
        }
        continue;
      }
      if (c.nodeType === Node.TEXT_NODE && !(c as Text).data.trim() && !implicitLine) continue;
      if (!implicitLine) {
        newLine();
        implicitLine = true;
      }
      inline(c);
    }
  };
  container(root);
  const text = parts.join("");

  // The segment holding offset `pos` (its index), and the offset in its node; at a boundary
  // between two, `preferNext` picks the later. A binary search: a long post has thousands.
  const locate = (pos: number, preferNext: boolean): { seg: number; offset: number } | null => {
    let lo = 0, hi = segments.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].start <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return segments.length ? { seg: 0, offset: 0 } : null;
    const seg = segments[found];
    if (pos > seg.start + seg.length) {
      // pos sits on a line break after seg: start of the next segment, or end of this one.
      return preferNext && found + 1 < segments.length ? { seg: found + 1, offset: 0 } : { seg: found, offset: seg.length };
    }
    if (pos === seg.start && !preferNext && found > 0 && segments[found - 1].start + segments[found - 1].length === pos) {
      return { seg: found - 1, offset: segments[found - 1].length };
    }
    return { seg: found, offset: pos - seg.start };
  };

  return {
    text,
    rangeFor(start: number, end: number): Range | null {
      if (start < 0 || end < start || end > text.length) return null;
      const a = locate(start, true);
      const b = locate(end, false);
      if (!a || !b) return null;
      // The nodes must still hold the text they held when read (else the DOM moved on).
      for (const p of [a, b]) {
        const seg = segments[p.seg];
        if (!seg.node.isConnected || seg.node.data.length !== seg.length) return null;
      }
      const range = new Range();
      try {
        range.setStart(segments[a.seg].node, a.offset);
        range.setEnd(segments[b.seg].node, b.offset);
      } catch {
        return null;
      }
      return range;
    },
    offsetAt(node: Node, offset: number): number | null {
      if (node.nodeType === Node.TEXT_NODE) {
        const seg = segments.find((s) => s.node === node);
        return seg ? seg.start + Math.min(offset, seg.length) : null;
      }
      // An element position: the offset of the first text at or after it.
      try {
        const probe = new Range();
        probe.setStart(node, offset);
        for (const seg of segments) if (probe.comparePoint(seg.node, 0) >= 0) return seg.start;
      } catch {
        return null;
      }
      return text.length;
    },
  };
}

/** The selection that sees into `editor`'s tree: a shadow root's own, where the browser has it. */
export function selectionFor(editor: HTMLElement): Selection | null {
  const root = editor.getRootNode() as ShadowRoot | Document;
  const shadowSel = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection;
  if (root instanceof ShadowRoot && typeof shadowSel === "function") return shadowSel.call(root);
  return document.getSelection();
}

/**
 * Replaces [start, end) through the editor's own input path: focus, select the range, tell the
 * framework the selection moved, then insertText, which the editor turns into a model edit
 * (so undo and the model agree with the screen).
 */
export function replaceViaInsertText(
  editor: HTMLElement,
  snapshot: TextSnapshot,
  start: number,
  end: number,
  replacement: string,
): boolean {
  const range = snapshot.rangeFor(start, end);
  if (!range) return false;
  editor.focus({ preventScroll: true });
  const sel = selectionFor(editor);
  if (!sel) return false;
  sel.removeAllRanges();
  sel.addRange(range);
  // Frameworks sync their model selection on selectionchange, which the browser fires later;
  // fire it now so the insert below lands on the range we just selected.
  document.dispatchEvent(new Event("selectionchange"));
  return document.execCommand("insertText", false, replacement);
}

/** Whether `el` or its container shows an attached image or video (not avatars or icons). */
export function hasMediaIn(container: Element | null, selector: string): boolean {
  if (!container) return false;
  return container.querySelector(selector) !== null;
}
