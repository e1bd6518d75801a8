/**
 * SHOUTING, a signal for rules: most letters of the customer's words in capitals, or a run of four or
 * more capitalised words.
 */

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
/** Letter (1) and upper-case letter (2) flags of the first 0x250 code points (Latin, Latin-1 and Latin Extended A/B). */
const LATIN_FLAGS = Uint8Array.from({ length: 0x250 }, (_, code) => {
  const ch = String.fromCharCode(code);
  return (LETTER.test(ch) ? 1 : 0) | (UPPER.test(ch) ? 2 : 0);
});

/**
 * SHOUTING: most letters in capitals, or a run of four or more capitalised words. The text is the
 * parts one after the other (read in place, not joined: joining would build a string to read once).
 */
export function isShouting(parts: readonly string[], prefilter = true): boolean {
  if (prefilter && !hasCapitals(parts, MIN_CAPITALS)) return false;
  let letters = 0;
  let upper = 0;
  let run = 0;
  let maxRun = 0;
  let budget = 5000;
  let wordLetters = 0;
  let wordUpper = 0;
  for (let p = 0; p <= parts.length; p++) {
    const text = p < parts.length ? parts[p]! : ' ';
    const limit = p < parts.length ? Math.min(text.length, budget) : 1; // the final space ends the last word
    budget -= limit;
    for (let i = 0; i < limit; i++) {
      const code = text.charCodeAt(i);
      const isLetter = code < 0x250 ? (LATIN_FLAGS[code]! & 1) === 1 : LETTER.test(text[i]!);
      if (!isLetter) {
        // - and ' stay inside a word; anything else ends it
        if (code !== 0x2d && code !== 0x27 && wordLetters > 0) {
          if (wordLetters >= 3) {
            if (wordUpper === wordLetters) {
              run++;
              if (run > maxRun) maxRun = run;
            } else run = 0;
          }
          wordLetters = 0;
          wordUpper = 0;
        }
        continue;
      }
      letters++;
      wordLetters++;
      if (code < 0x250 ? (LATIN_FLAGS[code]! & 2) === 2 : UPPER.test(text[i]!)) {
        upper++;
        wordUpper++;
      }
    }
  }
  return (letters >= 15 && upper / letters >= 0.7) || maxRun >= 4;
}

/**
 * SHOUTING needs at least 11 capitals within the budget: 70 % of at least 15 letters is 10.5, and four
 * capitalised words of three letters or more have 12. Most texts have fewer, and counting up to 11 with
 * the regex engine costs a fraction of the letter-by-letter pass.
 */
const MIN_CAPITALS = 11;
/**
 * A superset of the capitals `isShouting` counts: the Latin-1 capitals and every code unit from U+0100
 * on (lower-case letters there too, and each half of a surrogate pair). A plain class, not `\p{Lu}`
 * with the `u` flag, which the regex engine scans several times slower than the letter loop itself.
 */
const CAPITAL = /[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\uffff]/g;

/**
 * Whether `parts` have at least `min` code units of CAPITAL in their first 5,000 code units: never
 * fewer than the capitals `isShouting` counts there, so it never says no where `isShouting` could say yes.
 */
function hasCapitals(parts: readonly string[], min: number): boolean {
  let budget = 5000;
  let found = 0;
  for (let p = 0; p < parts.length && budget > 0; p++) {
    const part = parts[p]!;
    const text = part.length > budget ? part.slice(0, budget) : part;
    budget -= text.length;
    CAPITAL.lastIndex = 0;
    while (found < min && CAPITAL.test(text)) found++;
    if (found >= min) break;
  }
  CAPITAL.lastIndex = 0;
  return found >= min;
}
