import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEntityExtractor, ENTITY_TYPES, type Entities } from '../../src/entities';

const extractor = createEntityExtractor();
const MB10 = 10 * 1024 * 1024;

function checkShape(text: string, e: Entities): void {
  const all: { start: number; end: number }[] = [];
  for (const t of ENTITY_TYPES) {
    for (const x of e[t] as { value: string; start: number; end: number }[]) {
      expect(x.start).toBeGreaterThanOrEqual(0);
      expect(x.end).toBeLessThanOrEqual(text.length);
      expect(x.end).toBeGreaterThan(x.start);
      expect(text.slice(x.start, x.end)).toBe(x.value);
      all.push(x);
    }
  }
  all.sort((a, b) => a.start - b.start);
  for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBeGreaterThanOrEqual(all[i - 1]!.end);
}

describe('hostile input', () => {
  it('handles 10 MB of digits and of random UTF-16 (lone surrogates included), and entity-dense NUL-laced text', () => {
    const digits = '4'.repeat(MB10);
    expect(Object.values(extractor.extract(digits)).every((v) => v.length === 0)).toBe(true);
    expect(extractor.redact(digits)).toBe(digits);

    let seed = 42;
    const codes = new Uint16Array(MB10);
    for (let i = 0; i < codes.length; i++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      codes[i] = seed & 0xffff;
    }
    let junk = '';
    for (let i = 0; i < codes.length; i += 8192) junk += String.fromCharCode(...codes.subarray(i, i + 8192));
    const e = extractor.extract(junk, { language: 'ro', receivedAt: '2026-11-05T10:00:00Z' });
    checkShape(junk, e);
    expect(typeof extractor.redact(junk)).toBe('string');

    // entity-dense: five entities every 59 characters (1 MB keeps the test short)
    const repeats = Math.floor((1024 * 1024) / 59);
    const laced = 'Ordernr 4481923\u0000 ring 070-123 45 67\u0000\uD800 anna@x.se\uDC00 1 299 kr \u0000'.repeat(repeats);
    const e2 = extractor.extract(laced, { language: 'sv' });
    expect(e2.orderNumbers.length).toBe(repeats);
    expect(e2.emails.length).toBe(repeats);
    expect(e2.phones.length).toBe(repeats);
    expect(extractor.redact(laced)).not.toContain('anna@x.se');
  }, 120_000);

  it('never throws on arbitrary strings and keeps offsets consistent', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789 +-./:,#@()€$£\n\u00a0abcdefkrSEIT'.split(''),
      'kr',
      'ordernummer ',
      'comanda nr. ',
      'Mvh ',
      'november',
      '\uD800',
      '\u0000',
      'å',
      'ă',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), fc.constantFrom('sv', 'en', 'it', 'ro', 'und', undefined), (parts, language) => {
        const text = parts.join('');
        const e = extractor.extract(text, { language: language as 'sv', receivedAt: '2026-11-05T10:00:00+01:00' });
        checkShape(text, e);
        expect(typeof extractor.redact(text, { language: language as 'sv' })).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('tolerates odd arguments', () => {
    const bad = [undefined, null, 42, {}, []] as unknown as string[];
    for (const b of bad) {
      expect(Object.values(extractor.extract(b)).every((v) => v.length === 0)).toBe(true);
      expect(extractor.redact(b)).toBe('');
    }
    const weird = { language: 'xx', receivedAt: 123, defaultRegion: 'ZZ' } as unknown as Parameters<typeof extractor.extract>[1];
    expect(extractor.extract('070-123 45 67 igår', weird).phones.map((p) => p.normalized)).toEqual(['+46701234567']);
  });
});
