// flat() gives the stages strings of one kind: a slice or a joined text becomes a flat string of its
// own, with the same code units. V8's own map check tells the kinds apart.
import { setFlagsFromString } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { flat, flatJs } from '../../src/text/normalize';

setFlagsFromString('--allow-natives-syntax');
const sameKind = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: string, b: string) => boolean;

/** A flat string of its own: one that String.fromCharCode makes at once. */
const flatOf = (s: string) => String.fromCharCode(...Array.from(s, (c) => c.charCodeAt(0)));
const oneByte = `var är mitt paket? Order ${Math.random()}`;
const twoByte = `unde este coletul? Comanda ș ț ${Math.random()}`;

describe('flat', () => {
  const kinds: Array<[string, string, string]> = [
    ['a slice', oneByte.slice(2), oneByte.slice(2)],
    ['a joined text', oneByte + ' och mer text', oneByte + ' och mer text'],
    ['a slice, two bytes a character', twoByte.slice(2), twoByte.slice(2)],
    ['a joined text, two bytes a character', twoByte + ' și încă', twoByte + ' și încă'],
  ];

  test.each(kinds)('turns %s into a flat string with the same code units', (_, input, expected) => {
    const out = flat(input);
    expect(out).toBe(expected);
    expect(sameKind(input, flatOf(expected))).toBe(false); // the input is not flat: the check can fail
    expect(sameKind(out, flatOf(expected))).toBe(true);
  });

  test('keeps lone surrogates, with and without Buffer', () => {
    const broken = `paket \ud83d skadat \ude00 ${Math.random()}`.slice(1);
    for (const f of [flat, flatJs]) {
      const out = f(broken);
      expect(out.length).toBe(broken.length);
      for (let i = 0; i < broken.length; i++) expect(out.charCodeAt(i)).toBe(broken.charCodeAt(i));
    }
    expect(sameKind(flatJs(twoByte.slice(1)), flatOf(twoByte.slice(1)))).toBe(true);
  });

  test('returns short texts and anything but a string as they are', () => {
    expect(flat('kort')).toBe('kort');
    expect(flat(undefined as unknown as string)).toBe(undefined);
    expect(flat(42 as unknown as string)).toBe(42);
  });
});
