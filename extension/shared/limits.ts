// How much of a post SafePost checks. A check costs time in proportion to the text's length;
// past this length (Facebook's longest post is 63,206 characters) only the start is checked,
// and the card and the summary say so ("checked only in part"), so a megabyte pasted by
// mistake or by a hostile page never holds the page or the service worker for long.

/** The longest text the checker accepts, in UTF-16 code units. */
export const MAX_CHECK_CHARS = 65_536;

/** The part of `text` that is checked: all of it, or its first MAX_CHECK_CHARS units. */
export function checkedPart(text: string): string {
  if (text.length <= MAX_CHECK_CHARS) return text;
  let end = MAX_CHECK_CHARS;
  // Never cut a surrogate pair in two.
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return text.slice(0, end);
}
