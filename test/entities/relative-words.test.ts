import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trieSource } from '../../src/entities/dates';

describe('trieSource', () => {
  it('matches what the words sorted longest first match, at every position', () => {
    const words = ['ieri', "ieri l'altro", "l'altro ieri", 'i dag', 'idag', 'a', 'ab', 'abc', 'abd', 'b', 'mâine', 'maine', 'oggi'];
    const list = new RegExp(
      words
        .slice()
        .sort((x, y) => y.length - x.length)
        .map((w) => w.replace(/ /g, '\\s').replace(/'/g, "['’]"))
        .join('|'),
      'iy',
    );
    const trie = new RegExp(trieSource(words), 'iy');
    const part = fc.constantFrom('i', 'e', 'r', ' ', '\n', "'", '’', 'l', 'altro', 'A', 'B', 'c', 'd', 'D', 'AG', 'mâ', 'MÂ', 'ine', 'oggi', 'x');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (let p = 0; p < text.length; p++) {
          list.lastIndex = p;
          trie.lastIndex = p;
          expect(trie.exec(text)?.[0]).toBe(list.exec(text)?.[0]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
