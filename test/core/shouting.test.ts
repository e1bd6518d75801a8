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
    const capitals = fc.constantFrom('A', 'B', 'Ö', 'Þ', 'Ș', 'Σ', 'É');
    // parts with the capitals of ordinary text, and parts with many more: texts on both sides of the line
    const part = fc.oneof(fc.array(chars, { maxLength: 120, size: 'max' }), fc.array(fc.oneof(chars, capitals), { maxLength: 120, size: 'max' })).map((a) => a.join(''));
    const runs = Number(process.env.FUZZ_RUNS ?? 2000);
    let shouting = 0;
    fc.assert(
      fc.property(fc.array(part, { maxLength: 4 }), (parts) => {
        const answer = isShouting(parts, false);
        if (answer) shouting++;
        return isShouting(parts) === answer;
      }),
      { numRuns: runs },
    );
    // the runs reach texts on both sides
    expect(shouting).toBeGreaterThan(runs / 10);
    expect(shouting).toBeLessThan(runs * 0.9);
  });

  test('capitals count only within the first 5,000 characters, over all parts', () => {
    const quiet = 'a'.repeat(4975);
    // the four capitalised words end at 4,991 and 4,999: shouting
    expect(isShouting([quiet, ' ', 'ABC DEF GHI JKL'])).toBe(true);
    expect(isShouting([`${quiet} ABC`, ' DEF GHI', ' JKLMNOP'])).toBe(true);
    // the fourth word starts after the budget: not shouting
    expect(isShouting([`${quiet}${'a'.repeat(14)}`, ' ABC DEF GHI JKL'])).toBe(false);
    for (const parts of [[quiet, ' ', 'ABC DEF GHI JKL'], [`${quiet}${'a'.repeat(14)}`, ' ABC DEF GHI JKL']]) expect(isShouting(parts)).toBe(isShouting(parts, false));
  });
});
