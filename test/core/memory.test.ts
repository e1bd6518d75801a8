// Long-lived caches (word records, stems, the language detector's word scores) must not keep the
// inquiries' texts alive through the words they store.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { classify } from '../../src';
import { flat } from '../../src/text/normalize';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('memory', () => {
  test('flat returns the same text', () => {
    for (const s of ['', 'kort', 'ett ord som är längre än tretton tecken', 'transportskadad'.slice(2)]) expect(flat(s)).toBe(s);
  });

  test('words cached from an inquiry do not keep its text alive (regression)', () => {
    const filler = 'the parcel has not arrived yet and I am waiting for it '.repeat(300); // about 16 KB per inquiry
    // a new long word (15 letters, no digits) in each inquiry: each one goes into the caches
    const word = (i: number) => `zq${i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26))).padStart(6, 'a')}xyzwvut`;
    classify(`${word(0)} ${filler}`);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 1; i <= 600; i++) classify(`${word(i)} ${filler}`);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // kept alive, the 600 texts would take about 10 MB
    expect(grown).toBeLessThan(4_000_000);
  });
});
