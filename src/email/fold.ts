/**
 * Case- and diacritic-insensitive forms of short strings, used to compare
 * the start of a line, a subject or a header with the phrase tables.
 * A lookup table maps the Latin letters with diacritics to their base letter
 * ("Ämne" → "amne", "Către" → "catre", "ş"/"ș" → "s"), so no Unicode
 * normalisation runs per line.
 */

/** Folded code for U+0080..U+024F (0 = keep the character). Built on first use. */
let latinTable: Uint16Array | undefined;

function getLatinTable(): Uint16Array {
  if (latinTable) return latinTable;
  const table = new Uint16Array(0x250);
  for (let code = 0xc0; code < 0x250; code++) {
    const base = String.fromCharCode(code).normalize('NFD').charCodeAt(0);
    if (base < 0x80) table[code] = String.fromCharCode(base).toLowerCase().charCodeAt(0);
  }
  table[0xa0] = 32; // no-break space
  table[0xb4] = 39; // acute accent used as an apostrophe
  latinTable = table;
  return table;
}

/** Folded code of a non-ASCII character, -1 to drop it (combining marks), or the code itself. */
function foldCode(c: number, table: Uint16Array): number {
  if (c < 0x250) return table[c] || c;
  if (c >= 0x300 && c <= 0x36f) return -1; // combining marks of decomposed (NFD) text
  if (c === 0x2018 || c === 0x2019 || c === 0x02bc) return 39; // ’ ‘ ʼ
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) return 45; // dashes, minus
  if ((c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0x1680) return 32;
  return c;
}

/** fold() of each character below U+0250 on its own (-1 where that is not one character). Built on first use. */
let singleTable: Int16Array | undefined;

function getSingleTable(): Int16Array {
  if (singleTable) return singleTable;
  const table = new Int16Array(0x250);
  for (let code = 0; code < 0x250; code++) {
    const f = fold(String.fromCharCode(code));
    table[code] = f.length === 1 ? f.charCodeAt(0) : -1;
  }
  singleTable = table;
  return table;
}

/**
 * What fold() makes of the character `c` on its own, so that a caller can
 * compare raw text with folded phrases without building folded strings.
 * -1 when the character cannot be folded alone (combining marks, which fold()
 * drops, and scripts beyond Latin, whose case mapping may depend on the text
 * around it): the caller then falls back to fold() on the whole slice.
 */
export function foldChar(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c < 0x250) return getSingleTable()[c]!;
  if (c === 0x2018 || c === 0x2019 || c === 0x02bc) return 39;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) return 45;
  if ((c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0x1680) return 32;
  return -1;
}

/**
 * True / false when fold(raw.slice(at, limit)) starts with `phrase` (a folded
 * string), or undefined when a character on the way cannot be folded alone
 * (see foldChar) and the caller must fold the slice. Builds no string.
 */
export function foldedStartsWith(raw: string, at: number, limit: number, phrase: string): boolean | undefined {
  const n = phrase.length;
  if (limit - at < n) return false; // folding never lengthens text
  for (let j = 0; j < n; j++) {
    const f = foldChar(raw.charCodeAt(at + j));
    if (f < 0) return undefined;
    if (f !== phrase.charCodeAt(j)) return false;
  }
  return true;
}

/** Scratch buffer for folding non-ASCII text (allocated on first use, grown on demand, reused). */
let scratch: Uint16Array | undefined;
const CHUNK = 4096;

/** Lower-cases and strips diacritics; also plain-ifies apostrophes, dashes and exotic spaces. Keeps the length except for dropped combining marks. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n && lower.charCodeAt(i) < 0x80) i++;
  if (i === n) return lower;
  const table = getLatinTable();
  if (!scratch || scratch.length < n) scratch = new Uint16Array(Math.max(n, 256, (scratch?.length ?? 0) * 2));
  const buf = scratch;
  let len = 0;
  for (let k = 0; k < i; k++) buf[len++] = lower.charCodeAt(k);
  for (; i < n; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0x80) buf[len++] = c;
    else {
      const f = foldCode(c, table);
      if (f >= 0) buf[len++] = f;
    }
  }
  if (len <= CHUNK) return String.fromCharCode.apply(null, buf.subarray(0, len) as unknown as number[]);
  let out = '';
  for (let k = 0; k < len; k += CHUNK) {
    out += String.fromCharCode.apply(null, buf.subarray(k, Math.min(len, k + CHUNK)) as unknown as number[]);
  }
  return out;
}

/** The first word of a folded string (from `at`): up to the first whitespace or `:,;!?/`. */
export function firstToken(folded: string, at = 0): string {
  const n = Math.min(folded.length, at + 40);
  for (let i = at; i < n; i++) {
    const c = folded.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 58 || c === 44 || c === 59 || c === 33 || c === 63 || c === 47) return folded.slice(at, i);
  }
  return folded.slice(at, n);
}

/** True for the whitespace characters that may surround e-mail lines (incl. NBSP, zero-width space, BOM). */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 13 ||
    c === 12 ||
    c === 11 ||
    c === 0xa0 ||
    c === 0x200b ||
    c === 0xfeff ||
    c === 0x202f ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a)
  );
}
