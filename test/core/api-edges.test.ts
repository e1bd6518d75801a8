// The public API at its edges: options, batches, receivedAt forms, the subject's personal data, types.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { classify, classifyMany, createRouter, InputError, type Entity } from '../../src';

describe('classify options', () => {
  test('null options are no options; options of the wrong type are an InputError', () => {
    expect(classify('Var är mitt paket?', null as never).category).toBe(classify('Var är mitt paket?').category);
    expect(() => classify('x', { languages: 'en' } as never)).toThrow(InputError);
    expect(() => classify('x', 'redact' as never)).toThrow(InputError);
    const many = classifyMany(['Var är mitt paket?'], null as never);
    expect(many[0]).toHaveProperty('category', 'delivery');
  });
});

describe('classifyMany', () => {
  test('a string or null is not a list of inquiries', () => {
    expect(() => classifyMany('Var är mitt paket?' as never)).toThrow(InputError);
    expect(() => classifyMany(null as never)).toThrow(/list of inquiries/);
  });
});

describe('receivedAt', () => {
  test('a Date gives the same due time as its ISO string', () => {
    const at = new Date('2026-11-20T15:00:00Z');
    const a = classify({ body: 'Var är mitt paket?', receivedAt: at });
    const b = classify({ body: 'Var är mitt paket?', receivedAt: '2026-11-20T15:00:00.000Z' });
    expect(a.sla).toBeDefined();
    expect(a.sla).toEqual(b.sla);
  });

  test('an e-mail Date header counts at its own offset, for due times and relative dates', () => {
    const header = classify({ body: 'Jag beställde igår och inget har hänt.', receivedAt: 'Fri, 20 Nov 2026 16:00:00 +0100 (CET)' });
    const iso = classify({ body: 'Jag beställde igår och inget har hänt.', receivedAt: '2026-11-20T16:00:00+01:00' });
    expect(header.sla?.firstResponseDue).toBe(iso.sla?.firstResponseDue);
    expect(header.entities.dates.map((d) => d.normalized)).toEqual(['2026-11-19']);
  });

  test('a receivedAt string that is not a date is left out (text never throws); an invalid Date or a number is an InputError', () => {
    // only ISO 8601 and e-mail Date headers count: Date's own parsing takes "1" for 2001 and reads
    // "05/11/2026" as 11 May in the server's time zone
    for (const receivedAt of ['yesterday', '1', 'Order 12', '05/11/2026 10:00', 'Sat, 13 Sep 275760 00:30:00 +0100', 'Fri, 20 Nov 2026 16:00:00 +0100' + ' '.repeat(200) + '(']) {
      const r = classify({ body: 'Jag beställde igår', receivedAt });
      expect(r.sla).toBeUndefined();
      expect(r.entities.dates).toEqual([]);
    }
    expect(() => classify({ body: 'Hej', receivedAt: new Date('nonsense') })).toThrow(InputError);
    expect(() => classify({ body: 'Hej', receivedAt: 5 as never })).toThrow(/receivedAt/);
  });

  test('the caller’s object is not changed when its receivedAt is rewritten', () => {
    const input = { body: 'Hej', receivedAt: new Date('2026-11-20T15:00:00Z') };
    classify(input);
    expect(input.receivedAt).toBeInstanceOf(Date);
  });
});

describe('dateWithin', () => {
  test('counts from the calendar date of receivedAt as written, and not backwards', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-within-'));
    cpSync('rules', dir, { recursive: true });
    writeFileSync(path.join(dir, 'zz-soon.yaml'), 'rules:\n  - id: date-soon\n    when: { dateWithin: { days: 1 } }\n    then: { tags: [date-soon] }\n');
    const router = await createRouter({ rules: dir });
    // 23:30 in New York is the next day in UTC: "today" is still the 20th
    expect(router.classify({ body: 'Vi behöver leveransen idag', receivedAt: '2026-11-20T23:30:00-05:00' }).tags).toContain('date-soon');
    // just after midnight in Stockholm is the previous day in UTC: yesterday is not within the next day
    expect(router.classify({ body: 'Jag beställde den igår', receivedAt: '2026-11-20T00:30:00+01:00' }).tags).not.toContain('date-soon');
    expect(router.classify({ body: 'Kan ni leverera imorgon?', receivedAt: '2026-11-20T00:30:00+01:00' }).tags).toContain('date-soon');
  });
});

describe('redaction with a subject', () => {
  test('redactedSubject holds the subject without personal data', () => {
    const r = classify({ subject: 'Ring mig på 070-123 45 67', body: 'Paketet kom skadat.' }, { redact: true });
    expect(r.redactedSubject).toBe('Ring mig på [PHONE]');
    expect(r.redactedText).toBe('Paketet kom skadat.');
    expect(classify('Hej', { redact: true }).redactedSubject).toBeUndefined();
  });
});

describe('html input', () => {
  test('the text the HTML became is returned, and the offsets point into it', () => {
    const r = classify({ html: '<p>Hej!</p><p>Min order <b>123-4567890-1234567</b> kom <i>skadad</i>.</p>' });
    const text = r.body.text!;
    expect(text).toContain('123-4567890-1234567');
    const o = r.entities.orderNumbers[0]!;
    expect(text.slice(o.start, o.end)).toBe(o.value);
    const k = r.keywords.find((h) => h.concept === 'damaged')!;
    expect(text.slice(k.start, k.end)).toBe('skadad');
    expect(classify({ body: 'Hej' }).body.text).toBeUndefined();
  });
});

describe('types', () => {
  test('an entity from the subject says so in its type too', () => {
    const r = classify({ subject: 'Order 123-4567890-1234567', body: 'Hej' });
    expectTypeOf<Entity['field']>().toEqualTypeOf<'subject' | undefined>();
    const field: 'subject' | undefined = r.entities.orderNumbers[0]?.field;
    expect(field).toBe('subject');
  });
});
