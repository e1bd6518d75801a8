import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isShouting } from '../../src/text/shouting';

describe('SHOUTING', () => {
  test.each([
    ['HELLO WORLD Abcde', true], // 11 capitals of 15 letters: 73 %
    ['HELLO WORL Abcdef', false], // 10 of 15: 67 %
    ['HELLO WORLD ABcd', false], // 12 of 14 letters: too few letters for the share, and a run of two words
    ['ABC DEF GHI JKL and then a great many words in lower case to keep the share of capitals low', true], // four capitalised words
    ['ABC DEF GHI jkl and then a great many words in lower case to keep the share of capitals low', false],
    ['ÅÄÖ ÉÈÀ ȘȚĂ ÎÂÜ then lower case words, enough of them to keep the share low', true], // capitals outside ASCII
    ['𝐀𝐁𝐂𝐃𝐄𝐅𝐆𝐇𝐈𝐉𝐊𝐋 mathematical capitals are not letters here', false],
  ])('%s → %s', (text, expected) => {
    expect(isShouting([text])).toBe(expected);
    expect(isShouting([text], false)).toBe(expected);
  });

  test('the capital count that skips most texts never changes the answer', () => {
    const chars = fc.constantFrom('A', 'B', 'Ö', 'Þ', 'Ș', 'Σ', 'a', 'ö', 'ș', 'ÿ', 'ß', 'µ', '×', 'σ', ' ', ' ', '-', "'", '.', '\n', '1', '𝐀', '\ud835', 'É', 'é');
    const part = fc.array(chars, { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 4 }), (parts) => isShouting(parts) === isShouting(parts, false)),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
    // within and beyond the 5,000-character budget
    const long = `${'x'.repeat(4990)}ABCDEFGHIJKLMNOP QRS TUV WXY ZAB`;
    expect(isShouting([long])).toBe(isShouting([long], false));
    expect(isShouting(['ABC DEF', long.slice(10)])).toBe(isShouting(['ABC DEF', long.slice(10)], false));
  });
});
