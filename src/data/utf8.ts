// Strict UTF-8 decoding for data files: a file that is not valid UTF-8 is refused with the byte offset of the first
// bad sequence, instead of having it silently replaced by U+FFFD (which is what TextDecoder and readFileSync do).
// Pure: no DOM, no node: imports (the CLI and the browser loader share it).

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or -1 when every byte is in place.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes needed, and the range the first of them must fall in (it excludes overlong forms,
    // surrogates and code points above U+10FFFF).
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + need >= bytes.length) return i;
    const first = bytes[i + 1] as number;
    if (first < low || first > high) return i;
    for (let k = 2; k <= need; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

export type Utf8Result = { ok: true; text: string } | { ok: false; offset: number; message: string };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of `bytes`, or where and why it is not UTF-8. A byte-order mark is kept (parseJson skips it). */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const utf16 = bom16 ? ' (it looks like UTF-16: save it as UTF-8)' : '';
    return {
      ok: false,
      offset,
      message: `not valid UTF-8: byte ${offset} (0x${byte}) is out of place${utf16}`,
    };
  }
}
