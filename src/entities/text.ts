/** Character classes and word scanning shared by the scanners. Offsets are UTF-16 indices. */

const NON_ASCII_LETTER = /\p{L}/u;

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters of any script (fast path for ASCII and Latin-1/Latin Extended-A/B). */
export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c < 0x370) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return NON_ASCII_LETTER.test(String.fromCharCode(c));
}

export function isWordCode(c: number): boolean {
  return isDigitCode(c) || isLetterCode(c);
}

/**
 * Dashes written between digit groups: `-` and the Unicode hyphens and dashes that word processors
 * and phones substitute for it (U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash,
 * U+2013 en dash).
 */
export function isDashCode(c: number): boolean {
  return c === 45 || (c >= 0x2010 && c <= 0x2013);
}

/** Spaces written between digit groups: space, no-break, figure (U+2007), thin (U+2009) and narrow no-break spaces. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x2007 || c === 0x2009 || c === 0x202f;
}

export function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True when the character before `pos` is not a letter or digit (or `pos` is 0). */
export function wordBoundaryBefore(text: string, pos: number): boolean {
  return pos <= 0 || !isWordCode(text.charCodeAt(pos - 1));
}

/** True when the character at `pos` is not a letter or digit (or `pos` is the end). */
export function wordBoundaryAfter(text: string, pos: number): boolean {
  return pos >= text.length || !isWordCode(text.charCodeAt(pos));
}

const COMBINING_MARKS = /\p{M}/gu;

/** Base letters of the accented lower-case letters the four languages use (U+00E0–U+00FF). */
const LATIN1_BASE = 'aaaaaaaceeeeiiii' + 'dnooooo' + '/' + 'ouuuuyty';

function foldCode(c: number): number {
  if (c >= 0xe0 && c <= 0xff && c !== 0xf7) return LATIN1_BASE.charCodeAt(c - 0xe0);
  switch (c) {
    case 0x103: // ă
    case 0x101:
    case 0x105:
      return 97;
    case 0x219: // ș
    case 0x15f: // ş
    case 0x15b:
    case 0x161:
      return 115;
    case 0x21b: // ț
    case 0x163: // ţ
      return 116;
    default:
      return -1;
  }
}

/** Lower-case, strip diacritics ("comandă" → "comanda", "ärende" → "arende"). */
export function fold(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 127) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) {
      ascii = false;
      break;
    }
  }
  if (ascii) return word;
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 128) {
      out += lower[i];
      continue;
    }
    const f = foldCode(c);
    if (f < 0) return lower.normalize('NFD').replace(COMBINING_MARKS, '');
    out += String.fromCharCode(f);
  }
  return out;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/**
 * Folds one word token and removes an elided article or preposition ("d'ordine" → "ordine",
 * "l’ordine" → "ordine").
 */
export function foldToken(token: string): string {
  let cut = -1;
  for (let i = 0; i < token.length; i++) if (isApostrophe(token.charCodeAt(i))) cut = i;
  if (cut < 0) return fold(token);
  const head = token.slice(0, cut);
  const tail = token.slice(cut + 1);
  // English contractions keep the head ("it's" → "it"); elisions keep the tail ("d'ordine" → "ordine")
  if (tail.length <= 2 || head.length > 4) return fold(head);
  return fold(tail);
}

/** Splits a phrase into folded word tokens (hyphens, dots and other punctuation separate words). */
export function tokenizePhrase(phrase: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= phrase.length; i++) {
    const c = i < phrase.length ? phrase.charCodeAt(i) : 32;
    const inWord = isWordCode(c) || (start >= 0 && isApostrophe(c));
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(foldToken(phrase.slice(start, i)));
      start = -1;
    }
  }
  return out.filter((t) => t.length > 0);
}

/** A word token found near a candidate; `digits` is true when it contains a digit. */
export interface NearToken {
  word: string;
  digits: boolean;
  start: number;
  end: number;
}

/** What the token readers share: the bounds and facts of the token read last, and its folded form. */
abstract class TokenReader {
  protected i: number;
  /** Bounds of the token read last. */
  start = 0;
  end = 0;
  digits = false;
  /** The token is ASCII letters only, so its folded form is its lower case. */
  plain = false;
  /** Hash of the lower-cased token as the reader reads it (meaningful when `plain`). */
  hash = 0;

  constructor(
    protected readonly text: string,
    pos: number,
    protected readonly limit: number,
  ) {
    this.i = pos;
  }

  /** The current token, folded ('' when it contains a digit). */
  word(): string {
    return this.digits ? '' : foldToken(this.text.slice(this.start, this.end));
  }

  /** Makes [start, end) the current token; the reader goes on from `next`. */
  protected found(next: number, start: number, end: number, digits: boolean, plain: boolean, hash: number): true {
    this.i = next;
    this.start = start;
    this.end = end;
    this.digits = digits;
    this.plain = plain && !digits;
    this.hash = hash;
    return true;
  }
}

/**
 * Reads word tokens backwards from a position, one at a time (no allocation until asked). `hash` is
 * `reverseWordHash` of the token.
 */
export class BackwardTokens extends TokenReader {
  constructor(text: string, pos: number, maxChars: number) {
    super(text, pos, Math.max(0, pos - maxChars));
  }

  /** Moves to the next token before the previous one and sets its bounds; false when there is none. */
  advance(): boolean {
    const text = this.text;
    const limit = this.limit;
    let i = this.i;
    while (i > limit && !isWordCode(text.charCodeAt(i - 1))) i--;
    if (i <= limit) {
      this.i = i;
      return false;
    }
    const end = i;
    let digits = false;
    let plain = true;
    let hash = 0;
    while (i > limit) {
      const c = text.charCodeAt(i - 1);
      if (isWordCode(c)) {
        if (isDigitCode(c)) digits = true;
        if (c < 128) hash = (Math.imul(hash, 31) + (c | 32)) & 0x3fffffff;
        else plain = false;
        i--;
      } else if (isApostrophe(c) && i - 1 > limit && isLetterCode(text.charCodeAt(i - 2)) && i < end) {
        plain = false;
        i--;
      } else break;
    }
    return this.found(i, i, end, digits, plain, hash);
  }

  /** The next token before the previous one (folded; '' when it contains a digit), or null. */
  next(): string | null {
    return this.advance() ? this.word() : null;
  }
}

/** Reads word tokens forwards from a position (the mirror of `BackwardTokens`). `hash` is `wordHash` of the token. */
export class ForwardTokens extends TokenReader {
  constructor(text: string, pos: number, maxChars: number) {
    super(text, pos, Math.min(text.length, pos + maxChars));
  }

  /** Moves to the next token and sets its bounds; false when there is none. */
  advance(): boolean {
    const text = this.text;
    const limit = this.limit;
    let i = this.i;
    while (i < limit && !isWordCode(text.charCodeAt(i))) i++;
    if (i >= limit) {
      this.i = i;
      return false;
    }
    const start = i;
    let digits = false;
    let plain = true;
    let hash = 0;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (isWordCode(c)) {
        if (isDigitCode(c)) digits = true;
        if (c < 128) hash = (Math.imul(hash, 31) + (c | 32)) & 0x3fffffff;
        else plain = false;
        i++;
      } else if (isApostrophe(c) && i + 1 < limit && isLetterCode(text.charCodeAt(i + 1)) && i > start) {
        plain = false;
        i++;
      } else break;
    }
    return this.found(i, start, i, digits, plain, hash);
  }
}

/** Hash of a folded ASCII word, as `ForwardTokens` computes it. */
export function wordHash(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + (word.charCodeAt(i) | 32)) & 0x3fffffff;
  return hash;
}

/** Hash of a folded ASCII word read from its last character to its first, as `BackwardTokens` reads it. */
export function reverseWordHash(word: string): number {
  let hash = 0;
  for (let i = word.length - 1; i >= 0; i--) hash = (Math.imul(hash, 31) + (word.charCodeAt(i) | 32)) & 0x3fffffff;
  return hash;
}

/**
 * Up to `max` word tokens before `pos`, nearest first, looking back at most `maxChars` characters.
 * Stops after the first token that contains a digit (it is included, flagged).
 */
export function tokensBefore(text: string, pos: number, max: number, maxChars: number): NearToken[] {
  const out: NearToken[] = [];
  const it = new BackwardTokens(text, pos, maxChars);
  while (out.length < max) {
    const word = it.next();
    if (word === null) break;
    out.push({ word, digits: it.digits, start: it.start, end: it.end });
    if (it.digits) break;
  }
  return out;
}

/** Index of the first line break at or after `pos` (or the text length). */
export function lineEnd(text: string, pos: number): number {
  const n = text.indexOf('\n', pos);
  return n < 0 ? text.length : n;
}
