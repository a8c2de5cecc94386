/**
 * What a person writes is stored without the characters that can only do harm here: the bidi
 * controls that reorder the text after them (U+202A–U+202E embeddings and overrides, U+2066–U+2069
 * isolates), NUL and the other control characters (C0 and C1) but line breaks and tabs. A name
 * with a right-to-left override would otherwise reverse the rest of every line it appears in.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function cleanText(value: string): string {
  return value.replace(UNSAFE, "");
}
