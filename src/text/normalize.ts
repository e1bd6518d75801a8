/**
 * normalise: the first stage. Folds case, compatibility forms and invisible characters so that later
 * stages see one spelling per word, while every character of the result keeps a pointer back into the
 * original text (offsets in results always point into what the customer wrote).
 */

/** A normalised view of a text. `offsets[i]` is the index in the original of `text[i]`; `offsets[text.length]` is the original length. */
export interface Normalized {
  readonly original: string;
  readonly text: string;
  /** null when `text` and `original` line up one to one. */
  readonly offsets: Int32Array | null;
}

const INVISIBLE = new Set([
  0x00ad, // soft hyphen
  0x034f, // combining grapheme joiner
  0x061c,
  0x180e,
  0x200b, 0x200c, 0x200d, 0x200e, 0x200f, // zero-width and direction marks
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e, // bidi embedding and overrides
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064,
  0x2066, 0x2067, 0x2068, 0x2069, // bidi isolates
  0xfeff,
]);

/** Single letters folded to the form the lexicon uses (lower case already applied). */
const FOLD: Record<string, string> = {
  'ş': 'ș', // Romanian cedilla forms → comma below
  'ţ': 'ț',
  '’': "'",
  '‘': "'",
  'ʼ': "'",
  '`': "'",
  '´': "'",
  'ß': 'ß',
};

function isCombining(code: number): boolean {
  return (code >= 0x0300 && code <= 0x036f) || (code >= 0x1ab0 && code <= 0x1aff) || (code >= 0x20d0 && code <= 0x20ff);
}

/** A character that is not printable ASCII, tab or line break, or is a backtick (folded to an apostrophe). */
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x5f\x61-\x7e]/;

/** Whether `s` needs no normalising beyond lower case (the regex engine scans this about twice as fast as a loop). */
function isPlainAscii(s: string): boolean {
  return !NOT_PLAIN_ASCII.test(s);
}

/**
 * Characters that need more than a one-to-one fold: they are dropped, combined or replaced (`hasHard`).
 * Two classes, not one: the regex engine checks a class of more than about a dozen ranges by calling out
 * for every character of a text with two bytes a character (Romanian ones), which made the one class
 * take 3.8 µs on 300 characters; the two take 1 µs.
 */
const HARD_LOW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u0130\u0300-\u036f\u061c]/;
const HARD_HIGH = /[\u180e\u1ab0-\u1aff\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u20d0-\u20ff\ud800-\udfff\ufeff\uff01-\uff5e]/;

/** Whether `s` holds a character that needs more than a one-to-one fold (controls, invisible characters, combining marks, surrogates, full-width forms, İ). */
export function hasHard(s: string): boolean {
  return HARD_LOW.test(s) || HARD_HIGH.test(s);
}

/** One-to-one folds applied after lower-casing. */
const SIMPLE_FOLD = /[şţ’‘ʼ`´\u00a0\u202f\u2007\u2000-\u200a\u3000]/g;
const foldOne = (ch: string) => FOLD[ch] ?? ' ';

/** Normalises `original` (NFC, lower case, ş/ţ → ș/ț, full-width → ASCII, invisible characters dropped, controls → space). */
export function normalize(original: string): Normalized {
  // The normalised text is what the tokenizer and the lexicon scan: a flat string (see `flat`). Lower-casing
  // and replacing make a new, flat string when they change anything; an unchanged text is copied.
  if (isPlainAscii(original)) {
    const lower = original.toLowerCase();
    return { original, text: lower === original ? flat(lower) : lower, offsets: null };
  }
  // Most text needs only a one-to-one fold: lower case, then swap single characters.
  if (!hasHard(original)) {
    const lower = original.toLowerCase();
    if (lower.length === original.length) {
      const folded = lower.replace(SIMPLE_FOLD, foldOne);
      return { original, text: folded === original ? flat(folded) : folded, offsets: null };
    }
  }
  const out: string[] = [];
  const offs: number[] = [];
  const n = original.length;
  for (let i = 0; i < n; i++) {
    let code = original.charCodeAt(i);
    const start = i;
    let ch: string;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < n ? original.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A whole astral character (emoji, rare script): keep as one opaque symbol.
        out.push(' ');
        offs.push(start);
        i++;
        continue;
      }
      ch = ' ';
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      ch = ' ';
    } else if (INVISIBLE.has(code)) {
      continue;
    } else if (isCombining(code)) {
      const prev = out.length > 0 ? out[out.length - 1]! : '';
      if (prev.length === 1) {
        const composed = (prev + original[i]!).normalize('NFC');
        if (composed.length === 1) out[out.length - 1] = composed;
      }
      continue; // a mark that does not compose is dropped: its base letter stays, bare
    } else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      ch = code === 0x0a || code === 0x0d ? '\n' : ' ';
    } else if (code >= 0xff01 && code <= 0xff5e) {
      code -= 0xfee0; // full-width ASCII
      ch = String.fromCharCode(code).toLowerCase();
    } else if (code === 0x00a0 || code === 0x202f || code === 0x2007 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000) {
      ch = ' ';
    } else {
      ch = original[i]!.toLowerCase();
      if (ch.length !== 1) ch = ch[0]!; // e.g. İ → i̇: keep the base letter so offsets stay one to one
    }
    const folded = FOLD[ch];
    out.push(folded ?? ch);
    offs.push(start);
  }
  offs.push(n);
  return { original, text: out.join(''), offsets: Int32Array.from(offs) };
}

type Utf16Buffer = { from(s: string, encoding: 'utf16le'): { toString(encoding: 'utf16le'): string } };
const NodeBuffer = (globalThis as { Buffer?: Utf16Buffer }).Buffer;

/**
 * `s` as one flat string of its own, with the same code units (anything but a string is returned as it is).
 *
 * V8 keeps a slice of 13 or more characters as a view into the text it was cut from, and a joined text
 * as a pair of its parts, each a different kind of string to it. This matters twice:
 * - A cache that keeps a slice keeps the whole text it was cut from alive. Words going into a long-lived
 *   cache go through here.
 * - Code that has seen strings of more than four kinds (flat, slice, pair, each with one or two bytes a
 *   character) loses its fast path for good: every `charCodeAt` and `length` becomes a generic property
 *   lookup. The texts that the stages scan go through here first, so that the stages see flat strings.
 */
export function flat(s: string): string {
  if (typeof s !== 'string' || s.length < 13) return s; // shorter slices and joins are copies already
  return NodeBuffer ? NodeBuffer.from(s, 'utf16le').toString('utf16le') : flatJs(s);
}

/** `flat` without Buffer (browsers): a JSON round trip, which keeps every code unit, lone surrogates too. */
export function flatJs(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** Maps a [start, end) range of the normalised text back to the original text. */
export function toOriginal(norm: Normalized, start: number, end: number): [number, number] {
  return [originalStart(norm, start), originalEnd(norm, start, end)];
}

/** Where a range of the normalised text that starts at `start` starts in the original text. */
export function originalStart(norm: Normalized, start: number): number {
  const o = norm.offsets;
  if (o === null) return start;
  return o[start] ?? norm.original.length;
}

/** Where the [start, end) range of the normalised text ends in the original text (exclusive). */
export function originalEnd(norm: Normalized, start: number, end: number): number {
  const o = norm.offsets;
  if (o === null) return end;
  // end is exclusive: take the original position just after the last character of the range
  const lastIdx = end - 1;
  if (lastIdx < start) return o[start] ?? norm.original.length;
  const last = o[lastIdx] ?? norm.original.length;
  let e = last + 1;
  // a surrogate pair or a base letter followed by combining marks spans more than one unit
  const next = o[end] ?? norm.original.length;
  if (next > e) {
    const orig = norm.original;
    while (e < next) {
      const c = orig.charCodeAt(e);
      if ((c >= 0xdc00 && c <= 0xdfff) || isCombining(c) || INVISIBLE.has(c)) e++;
      else break;
    }
    // invisible characters at the end are not part of the word
    while (e > last + 1 && INVISIBLE.has(orig.charCodeAt(e - 1))) e--;
  }
  return e;
}

const BARE: Record<string, string> = {
  'å': 'a', 'ä': 'a', 'à': 'a', 'á': 'a', 'â': 'a', 'ă': 'a', 'ã': 'a', 'ā': 'a',
  'ö': 'o', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ø': 'o',
  'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'ę': 'e',
  'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i',
  'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u',
  'ș': 's', 'ş': 's', 'ț': 't', 'ţ': 't', 'ç': 'c', 'ñ': 'n', 'ý': 'y', 'æ': 'ae', 'ß': 'ss',
};

/** The word without diacritics ("försenad" → "forsenad", "comandă" → "comanda"). */
export function bare(word: string): string {
  let plain = true;
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) > 0x7f) {
      plain = false;
      break;
    }
  }
  if (plain) return word;
  let out = '';
  for (const ch of word) out += BARE[ch] ?? ch;
  return out;
}
