/**
 * A one-word sign-off followed by a full stop ("Thanks.", "Tack.") opens a
 * signature like "Thanks!" or "Thanks," do. It used to be missed: the line's
 * first word was read with its full stop ("thanks."), which starts no phrase.
 */
import { describe, expect, test } from 'vitest';
import { splitEmail } from '../../src/email';

describe('one-word sign-off with a full stop', () => {
  test.each([
    ['Hej,\n\nVar är paketet?\n\nTack.\nAnna', 'Hej,\n\nVar är paketet?'],
    ['Hi,\n\nWhere is my parcel?\n\nThanks.\nAnna Smith', 'Hi,\n\nWhere is my parcel?'],
    ['Hi,\n\nWhere is my parcel?\n\nRegards.\nAnna Smith', 'Hi,\n\nWhere is my parcel?'],
    ['Buongiorno,\n\ndov\'è il mio pacco?\n\nGrazie.\nMario Rossi', 'Buongiorno,\n\ndov\'è il mio pacco?'],
    ['Bună ziua,\n\nUnde este coletul?\n\nMulțumesc...\nAna', 'Bună ziua,\n\nUnde este coletul?'],
  ])('%j', (text, own) => {
    const r = splitEmail(text);
    expect(r.ownText).toBe(own);
    expect(r.segments.map((s) => s.kind)).toEqual(['own', 'signature']);
  });

  test('the same as with an exclamation mark', () => {
    const kinds = (t: string) => splitEmail(t).segments.map((s) => s.kind);
    expect(kinds('Var är paketet?\n\nTack.\nAnna')).toEqual(kinds('Var är paketet?\n\nTack!\nAnna'));
  });

  test('still not the first words, nor a line that goes on', () => {
    expect(splitEmail('Tack.').ownText).toBe('Tack.');
    expect(splitEmail('Tack.\nVar är paketet?').ownText).toBe('Tack.\nVar är paketet?');
    expect(splitEmail('Hi,\n\nWhere is my parcel?\n\nThanks.\nOrder 12345 is late, please check.').ownText).toBe(
      'Hi,\n\nWhere is my parcel?\n\nThanks.\nOrder 12345 is late, please check.',
    );
  });

  test('an abbreviation with its own dots', () => {
    expect(splitEmail('Var är paketet?\n\nM.v.h\nAnna').ownText).toBe('Var är paketet?');
    expect(splitEmail('Var är paketet?\n\nM.v.h.\nAnna').ownText).toBe('Var är paketet?');
  });
});
