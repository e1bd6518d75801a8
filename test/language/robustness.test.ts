import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { detectLanguage, detectLanguageAll } from '../../src/language';
import { analyse, scannedPart } from '../../src/language/detector';

const CODES = ['sv', 'en', 'it', 'ro', 'und'];

function valid(r: { code: string; confidence: number }) {
  expect(CODES).toContain(r.code);
  expect(r.confidence).toBeGreaterThanOrEqual(0);
  expect(r.confidence).toBeLessThanOrEqual(1);
  expect(Number.isFinite(r.confidence)).toBe(true);
}

describe('never throws', () => {
  it('on arbitrary strings, including lone surrogates and control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        valid(detectLanguage(s));
        const all = detectLanguageAll(s);
        expect(all.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary options', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.anything(), fc.anything(), (s, only, hint) => {
        valid(detectLanguage(s, { only, hint } as never));
        detectLanguageAll(s, { only, hint } as never);
      }),
      { numRuns: 200 },
    );
  });

  it('on values that are not strings', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol('x'), () => 1]) {
      expect(detectLanguage(v as never)).toEqual({ code: 'und', confidence: 0 });
      expect(detectLanguageAll(v as never)).toEqual([{ code: 'und', score: 1 }]);
    }
  });

  it('on lone surrogates and binary junk', () => {
    valid(detectLanguage('\ud800\udfff\ud800 abc \udc00'));
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    valid(detectLanguage(junk));
  });

  it('on a 10 MB string, looking only at its beginning', () => {
    const big = 'Hej, var är min order? '.repeat(450_000);
    expect(big.length).toBeGreaterThan(10_000_000);
    expect(detectLanguage(big).code).toBe('sv');
    const bigJunk = '\u0000\u0001\uffff'.repeat(3_500_000);
    expect(detectLanguage(bigJunk)).toEqual({ code: 'und', confidence: 0 });
    const oneWord = 'a'.repeat(10_000_000);
    valid(detectLanguage(oneWord));
  });
});

describe('module', () => {
  it('prints nothing on import and on first use', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const log = vi.spyOn(console, 'log');
    vi.resetModules();
    const m = await import('../../src/language');
    m.detectLanguage('hej hej');
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    out.mockRestore();
    err.mockRestore();
    log.mockRestore();
  });

  it('gives the same answer every time', () => {
    const text = 'Salve, vorrei sapere quando arriva il mio pacco.';
    const a = detectLanguage(text);
    for (let i = 0; i < 5; i++) expect(detectLanguage(text)).toEqual(a);
  });
});

describe('scannedPart', () => {
  // The public functions hand the scanner only what it reads: its first 16,384 characters, flat.
  const pad = (n: number) => '12 - 34 . '.repeat(Math.ceil(n / 10)).slice(0, n);
  const texts = [
    `${pad(16_380)}paketet har inte kommit fram`, // a word across the limit
    `${pad(16_384)} the parcel has not arrived`, // words only past it
    `${pad(16_370)} comanda mea nu a ajuns încă, vă rog`, // a few words before it
    'var är mitt paket?',
  ];

  it.each(texts.map((t) => [t.length, t]))('analyses a text of %i characters as the whole text', (_, text) => {
    expect(scannedPart(text).length).toBe(Math.min(text.length, 16_384));
    expect(analyse(scannedPart(text))).toEqual(analyse(text));
  });

  it('returns anything but a string as it is', () => {
    expect(scannedPart(undefined as unknown as string)).toBeUndefined();
  });
});
