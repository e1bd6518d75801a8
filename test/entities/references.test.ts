import { describe, expect, it } from 'vitest';
import { createEntityExtractor, extractEntities } from '../../src/entities';

const orders = (text: string, language?: 'sv' | 'en' | 'it' | 'ro') =>
  extractEntities(text, { language }).orderNumbers.map((e) => [e.value, e.normalized]);
const cases = (text: string) => extractEntities(text).caseNumbers.map((e) => [e.value, e.normalized]);

describe('order numbers', () => {
  it('recognises the built-in formats anywhere', () => {
    expect(orders('Amazon 123-4567890-1234567 och #1001 samt # 22345')).toEqual([
      ['123-4567890-1234567', '123-4567890-1234567'],
      ['#1001', '1001'],
      ['# 22345', '22345'],
    ]);
    expect(orders('ord-2026-004512, SE-884213, WEB123456')).toEqual([
      ['ord-2026-004512', 'ORD-2026-004512'],
      ['SE-884213', 'SE-884213'],
      ['WEB123456', 'WEB123456'],
    ]);
  });

  it('takes plain 5–10 digit numbers after a context word in each language', () => {
    expect(orders('ordernummer är 4481923', 'sv')).toEqual([['4481923', '4481923']]);
    expect(orders('Beställningsnr: 55209', 'sv')).toEqual([['55209', '55209']]);
    expect(orders('order nr: 4481923', 'en')).toEqual([['4481923', '4481923']]);
    expect(orders('my order number is 4481923', 'en')).toEqual([['4481923', '4481923']]);
    expect(orders('ordine n° 45321', 'it')).toEqual([['45321', '45321']]);
    expect(orders("numero d'ordine: 45321", 'it')).toEqual([['45321', '45321']]);
    expect(orders('comanda nr. 77812', 'ro')).toEqual([['77812', '77812']]);
    expect(orders('nr. comenzii 77812', 'ro')).toEqual([['77812', '77812']]);
    expect(orders('Comandă: 77812', 'ro')).toEqual([['77812', '77812']]);
    // context after the number
    expect(orders('4481923 är mitt ordernummer', 'sv')).toEqual([['4481923', '4481923']]);
  });

  it('ignores numbers without context or with digit counts out of bounds', () => {
    expect(orders('Jag har 4481923 poäng')).toEqual([]);
    expect(orders('ordernummer 1234')).toEqual([]);
    expect(orders('ordernummer 12345678901')).toEqual([]);
    expect(orders('ordern skickades till 20121 Milano')).toEqual([]);
  });

  it('is never an invoice number, quantity, postal code, time, decimal or phone', () => {
    expect(orders('faktura 88123, fattura 88124, factura 88125, invoice #88126')).toEqual([]);
    expect(orders('order 12500 st')).toEqual([]);
    expect(orders('order 20121 Milano, grazie')).toEqual([]);
    expect(orders('order 12345.50')).toEqual([]);
    expect(orders('order 14:02')).toEqual([]);
    expect(orders('postnummer 41138')).toEqual([]);
    const e = extractEntities('ring 0701234567 om ordern', { language: 'sv' });
    expect(e.orderNumbers).toEqual([]);
    expect(e.phones.map((p) => p.normalized)).toEqual(['+46701234567']);
  });

  it('normalizes and keeps offsets into the input', () => {
    const text = 'Hej! Ordernr #10234, tack.';
    const [o] = extractEntities(text).orderNumbers;
    expect(o).toEqual({ value: '#10234', normalized: '10234', start: 13, end: 19 });
    expect(text.slice(o!.start, o!.end)).toBe(o!.value);
  });
});

describe('case numbers', () => {
  it('recognises references after case words in each language', () => {
    expect(cases('ärendenummer 12345')).toEqual([['12345', '12345']]);
    expect(cases('ärende #A-2231')).toEqual([['#A-2231', 'A-2231']]);
    expect(cases('case #A-2231')).toEqual([['#A-2231', 'A-2231']]);
    expect(cases('ticket 88812')).toEqual([['88812', '88812']]);
    expect(cases('numero pratica 4412')).toEqual([['4412', '4412']]);
    expect(cases('număr tichet 9981')).toEqual([['9981', '9981']]);
    expect(cases('CASE-20451')).toEqual([['CASE-20451', 'CASE-20451']]);
  });

  it('does not take the shop case words for order numbers and vice versa', () => {
    const e = extractEntities('ticket #45902 för order #45903');
    expect(e.caseNumbers.map((c) => c.normalized)).toEqual(['45902']);
    expect(e.orderNumbers.map((c) => c.normalized)).toEqual(['45903']);
  });
});

describe('configured formats', () => {
  it('uses configured patterns, context words and digit bounds', () => {
    const ex = createEntityExtractor({
      orderNumbers: {
        patterns: [{ id: 'shop', pattern: 'K\\d{2}-\\d{6}', flags: 'i' }],
        contextWords: { sv: ['köp'] },
        minDigits: 4,
        maxDigits: 6,
      },
      caseNumbers: { patterns: [{ id: 'zd', pattern: 'ZD\\d{5}' }] },
    });
    const e = ex.extract('Köp 4481 och k26-004512, ordernummer 5520981, ZD12345, #10234');
    expect(e.orderNumbers.map((o) => o.normalized)).toEqual(['4481', 'K26-004512']);
    expect(e.caseNumbers.map((o) => o.normalized)).toEqual(['ZD12345']);
  });

  it('keeps the built-in lists for fields that are not given', () => {
    const ex = createEntityExtractor({ orderNumbers: { minDigits: 6 } });
    const e = ex.extract('ordernummer 12345, order 123456, #10234');
    expect(e.orderNumbers.map((o) => o.normalized)).toEqual(['123456', '10234']);
  });

  it('ignores a pattern match glued to other letters or digits', () => {
    expect(orders('XWEB123456 WEB1234567890123 WEB123456-2')).toEqual([]);
  });
});
