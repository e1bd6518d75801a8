/**
 * tokenise: splits normalised text into word tokens. Each token knows its span in the normalised text,
 * its clause (punctuation and line breaks end a clause, which bounds negation and phrases) and whether
 * it holds digits (such tokens never carry keywords or language evidence).
 */
import { grown } from '../arrays';
import { FNV_OFFSET, FNV_PRIME, fnv } from './hash';

export interface Token {
  /** The token as it stands in the normalised text (lower case). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly clause: number;
  readonly hasDigit: boolean;
  readonly hasLetter: boolean;
}

const WORD_EXTRA = /[\p{L}\p{M}\p{N}]/u;
/** Word characters among the first 0x250 code points (ASCII, Latin-1, Latin Extended A and B): 1. */
const LATIN_WORD = Uint8Array.from({ length: 0x250 }, (_, code) => (WORD_EXTRA.test(String.fromCharCode(code)) ? 1 : 0));

function isWordChar(code: number, text: string, i: number): boolean {
  if (code < 0x250) return LATIN_WORD[code] === 1;
  return WORD_EXTRA.test(text[i]!);
}

function endsClause(code: number): boolean {
  // . , ; : ! ? newline ( ) and the dash family
  return (
    code === 0x2e || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f ||
    code === 0x0a || code === 0x28 || code === 0x29 || code === 0x2014 || code === 0x2013 || code === 0x2026
  );
}

const DIGIT = 1;
const LETTER = 2;

/** The hash `Tokens` keeps of a token with this text: FNV-1a, as a signed 32-bit number. */
export function wordHash(word: string): number {
  return fnv(word, 0, word.length, FNV_OFFSET) | 0;
}

/**
 * The tokens of a text, column by column: token `i` spans `start[i]` to `end[i]` of `source`, in clause
 * `clause[i]`, with the hash `hash[i]` (see `wordHash`). One `Tokens` can be filled again and again
 * (`tokenizeInto`), and a token's string is made only when asked for (`word(i)`): tokenising allocates
 * nothing per token.
 */
export class Tokens {
  count = 0;
  /** The text the tokens are in. */
  source = '';
  start: Int32Array;
  end: Int32Array;
  clause: Int32Array;
  /** Bit 1: holds a digit; bit 2: holds a letter (or another word character that is not a digit). */
  flags: Uint8Array;
  hash: Int32Array;

  constructor(capacity = 64) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.clause = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.hash = new Int32Array(capacity);
  }

  /** The text of token `i`. */
  word(i: number): string {
    return this.source.slice(this.start[i]!, this.end[i]!);
  }

  hasDigit(i: number): boolean {
    return (this.flags[i]! & DIGIT) !== 0;
  }

  hasLetter(i: number): boolean {
    return (this.flags[i]! & LETTER) !== 0;
  }

  /** Token `i` as an object. */
  at(i: number): Token {
    return { text: this.word(i), start: this.start[i]!, end: this.end[i]!, clause: this.clause[i]!, hasDigit: this.hasDigit(i), hasLetter: this.hasLetter(i) };
  }

  /** All tokens as objects. */
  list(): Token[] {
    return Array.from({ length: this.count }, (_, i) => this.at(i));
  }

  private grow(): void {
    const capacity = Math.max(16, this.start.length * 2);
    this.start = grown(this.start, new Int32Array(capacity));
    this.end = grown(this.end, new Int32Array(capacity));
    this.clause = grown(this.clause, new Int32Array(capacity));
    this.flags = grown(this.flags, new Uint8Array(capacity));
    this.hash = grown(this.hash, new Int32Array(capacity));
  }

  push(start: number, end: number, clause: number, flags: number, hash: number): void {
    const i = this.count;
    if (i === this.start.length) this.grow();
    this.hash[i] = hash;
    this.start[i] = start;
    this.end[i] = end;
    this.clause[i] = clause;
    this.flags[i] = flags;
    this.count = i + 1;
  }

  /** Empties the list and lets go of its text. */
  clear(): void {
    this.source = '';
    this.count = 0;
  }
}

/** Tokens of `text`, at most `maxTokens` of them. */
export function tokenize(text: string, maxTokens = 100_000): Tokens {
  return tokenizeInto(new Tokens(), text, maxTokens);
}

/** Fills `out` (emptied first) with the tokens of `text`, at most `maxTokens` of them. */
export function tokenizeInto(out: Tokens, text: string, maxTokens = 100_000): Tokens {
  out.clear();
  out.source = text;
  let clause = 0;
  let i = 0;
  const n = text.length;
  while (i < n && out.count < maxTokens) {
    const code = text.charCodeAt(i);
    if (!isWordChar(code, text, i)) {
      // a decimal point or a dot inside an abbreviation does not end a clause when a word char follows directly
      if (endsClause(code)) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        const nextIsWord = next !== 0 && isWordChar(next, text, i + 1);
        if (!(nextIsWord && (code === 0x2e || code === 0x2c || code === 0x3a))) clause++;
      }
      i++;
      continue;
    }
    const start = i;
    let flags = 0;
    let hash = FNV_OFFSET | 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c, text, i)) break;
      flags |= c >= 0x30 && c <= 0x39 ? DIGIT : LETTER;
      hash = Math.imul(hash ^ c, FNV_PRIME);
      i++;
    }
    out.push(start, i, clause, flags, hash);
  }
  return out;
}
