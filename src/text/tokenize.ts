/**
 * tokenise: splits normalised text into word tokens. Each token knows its span in the normalised text,
 * its clause (punctuation and line breaks end a clause, which bounds negation and phrases) and whether
 * it holds digits (such tokens never carry keywords or language evidence).
 */

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

/** Tokens of `text`, at most `maxTokens` of them. */
export function tokenize(text: string, maxTokens = 100_000): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let i = 0;
  const n = text.length;
  while (i < n && tokens.length < maxTokens) {
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
    let hasDigit = false;
    let hasLetter = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c, text, i)) break;
      if (c >= 0x30 && c <= 0x39) hasDigit = true;
      else hasLetter = true;
      i++;
    }
    tokens.push({ text: text.slice(start, i), start, end: i, clause, hasDigit, hasLetter });
  }
  return tokens;
}
