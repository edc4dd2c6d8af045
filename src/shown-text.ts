// Text from outside the program (ids, keys and values from data files, URL parameters, host messages, file names)
// made safe to put in a message, a warning or a CLI line. One helper for all of them:
// - control characters are shown escaped ("\r" becomes the two characters \r), so a value cannot rewrite a CI log
//   line, forge a new one, or hide text behind a bidirectional override;
// - long values are cut with an ellipsis, so a 1 MB id gives a short message, not a 2 MB one.
// Pure: no DOM, no node: imports (the app, the CLIs and the tests share it).

/** The default cap, in characters (code points), ellipsis included: enough for any sensible id or file name. */
export const SHOWN_TEXT_MAX = 80;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional marks, embeddings, overrides and
 * isolates (the "Trojan Source" characters): invisible, or they move the text around them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const ESCAPED = /^[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]$/u;

function escapeCharacter(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0) ?? 0;
  // A lone surrogate (half of a broken pair) is not a character either.
  if (ESCAPED.test(char) || (code >= 0xd800 && code <= 0xdfff)) {
    return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return char;
}

/**
 * `value` as text for a message: control characters escaped, at most `max` UTF-16 code units long (an ellipsis "…"
 * ends a value that was cut). Never throws, whatever it is given; reads no further into a long value than it shows.
 */
export function shownText(value: unknown, max: number = SHOWN_TEXT_MAX): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : String(value);
  } catch {
    return '(unprintable value)';
  }
  const limit = Math.max(1, max);
  const pieces: string[] = [];
  let length = 0;
  // Iterating a string yields code points, so a cut never splits a surrogate pair (a lone surrogate comes alone).
  for (const char of text) {
    const shown = escapeCharacter(char);
    pieces.push(shown);
    length += shown.length;
    if (length > limit) {
      // Too long: drop whole pieces (never half an escape) until the rest and the ellipsis fit.
      while (pieces.length > 0 && length + 1 > limit) length -= pieces.pop()?.length ?? 0;
      return `${pieces.join('')}…`;
    }
  }
  return pieces.join('');
}

/** `shownText` in double quotes, for an id or a key inside a sentence: `unknown claim id "x"`. */
export function quoted(value: unknown, max: number = SHOWN_TEXT_MAX): string {
  return `"${shownText(value, max)}"`;
}

/** Names (keys, parameters) for a sentence: each cut and escaped, at most `maxItems` of them, then a count. */
export function shownList(names: readonly string[], maxItems = 10, maxEach = 40): string {
  const shown = names.slice(0, maxItems).map((name) => shownText(name, maxEach));
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
