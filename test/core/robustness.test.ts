// Hostile text never makes classify throw, offsets always point into the input, results are
// deterministic. (Speed is measured by the benchmark, not here.)
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classify, InputError } from '../../src';
import type { Classification } from '../../src/types';

function checkSpans(r: Classification, input: { subject?: string; body?: string } | string) {
  const fields = typeof input === 'string' ? { body: input, subject: '' } : { body: input.body ?? '', subject: input.subject ?? '' };
  const inside = (field: string, start: number, end: number) => {
    const text = field === 'subject' ? fields.subject : fields.body;
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeLessThanOrEqual(text.length);
    expect(start).toBeLessThanOrEqual(end);
    // no span cuts a surrogate pair
    const lowAt = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!) && /[\uD800-\uDBFF]/.test(text[i - 1]!);
    expect(lowAt(start)).toBe(false);
    expect(lowAt(end)).toBe(false);
  };
  for (const k of r.keywords) inside(k.field, k.start, k.end);
  for (const list of Object.values(r.entities)) for (const e of list as Array<{ start: number; end: number; field?: string }>) inside(e.field ?? 'body', e.start, e.end);
}

describe('classify on any text', () => {
  test('never throws, offsets point into the input, deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'grapheme-composite', maxLength: 400 })), (s) => {
        const a = classify(s);
        checkSpans(a, s);
        expect(classify(s)).toEqual(a);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  test('never throws on any inquiry object with text fields', () => {
    fc.assert(
      fc.property(fc.record({ subject: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }), body: fc.option(fc.string({ unit: 'binary', maxLength: 300 }), { nil: undefined }), receivedAt: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }) }), (inq) => {
        const r = classify(inq);
        checkSpans(r, inq);
      }),
      { numRuns: Math.ceil(Number(process.env.FUZZ_RUNS ?? 300) / 1.5) },
    );
  });

  test.each([
    ['10 MB of text', 'skadad '.repeat(1_500_000)],
    ['a single 5 MB token', 'a'.repeat(5_000_000)],
    ['a million emoji', '😀'.repeat(1_000_000)],
    ['NUL and control characters', '\u0000\u0001\u0002 paketet \u0007\u001b[31m kom skadat \u0000'],
    ['lone surrogates', '\uD800 skadad \uDC00\uDBFF'],
    ['bidi overrides', '\u202Eskadad\u202C \u2066order 12345\u2069'],
    ['deeply nested HTML as text', '<div>'.repeat(100_000) + 'skadad' + '</div>'.repeat(100_000)],
  ])('%s', (_name, text) => {
    const r = classify(text);
    expect(typeof r.category).toBe('string');
    checkSpans(r, text);
  });

  test('keywords hidden by invisible characters or decomposed letters are still found', () => {
    for (const text of ['Varan är ska\u200Bdad', 'Varan är ska\u00ADdad', 'Varan är skad\u200Dad', 'Leveransen är fo\u0308rsenad', 'ＳＫＡＤＡＤ vara']) {
      const r = classify(text);
      expect(r.keywords.length, text).toBeGreaterThan(0);
      for (const k of r.keywords) expect(text.slice(k.start, k.end)).toBe(k.text);
    }
  });

  test('deeply nested HTML input is handled', () => {
    const html = '<div>'.repeat(10_000) + '<p>Paketet kom skadat</p>' + '</div>'.repeat(10_000);
    expect(classify({ html }).category).toBe('returns');
  });

  test.each([null, undefined, 42, true, [], ['text'], { body: 5 }, { subject: {} }, { attachments: 'x' }])('non-inquiry input %j is a typed error', (input) => {
    try {
      classify(input as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe('INVALID_INPUT');
    }
  });
});

describe('classifyMany', () => {
  test('keeps order and turns bad items into errors', async () => {
    const { classifyMany } = await import('../../src');
    const out = classifyMany(['Paketet kom skadat', null as never, 'Var är mitt paket?']);
    expect(out.map((r) => ('error' in r ? r.error.code : r.category))).toEqual(['returns', 'INVALID_INPUT', 'delivery']);
  });
});
