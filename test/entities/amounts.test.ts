import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/entities';
import { parseAmountNumber } from '../../src/entities/amounts';

const amounts = (text: string) => extractEntities(text).amounts.map((a) => [a.value, a.normalized.value, a.normalized.currency]);

describe('amounts', () => {
  it('reads the formats customers write', () => {
    expect(amounts('1 299 kr')).toEqual([['1 299 kr', 1299, 'SEK']]);
    expect(amounts('1.299 kr')).toEqual([['1.299 kr', 1299, 'SEK']]);
    expect(amounts('2 450 SEK')).toEqual([['2 450 SEK', 2450, 'SEK']]);
    expect(amounts('49,90 €')).toEqual([['49,90 €', 49.9, 'EUR']]);
    expect(amounts('€1,299.00')).toEqual([['€1,299.00', 1299, 'EUR']]);
    expect(amounts('120 lei')).toEqual([['120 lei', 120, 'RON']]);
    expect(amounts('120 de lei')).toEqual([['120 de lei', 120, 'RON']]);
    expect(amounts('120 RON')).toEqual([['120 RON', 120, 'RON']]);
    expect(amounts('$35.99')).toEqual([['$35.99', 35.99, 'USD']]);
    expect(amounts('35 dollars')).toEqual([['35 dollars', 35, 'USD']]);
    expect(amounts('299:-')).toEqual([['299:-', 299, 'SEK']]);
    expect(amounts('EUR 40')).toEqual([['EUR 40', 40, 'EUR']]);
    expect(amounts('£12.50, 500 DKK, NOK 300, 1\u00a0299,50\u00a0kr')).toEqual([
      ['£12.50', 12.5, 'GBP'],
      ['500 DKK', 500, 'DKK'],
      ['NOK 300', 300, 'NOK'],
      ['1\u00a0299,50\u00a0kr', 1299.5, 'SEK'],
    ]);
  });

  it('keeps only the number next to the currency', () => {
    expect(amounts('order 4481923 1 299 kr')).toEqual([['1 299 kr', 1299, 'SEK']]);
    expect(amounts('RTX 4070 för 7 990 kr')).toEqual([['7 990 kr', 7990, 'SEK']]);
    expect(amounts('300 kr 2 st')).toEqual([['300 kr', 300, 'SEK']]);
  });

  it('ignores numbers without a currency', () => {
    expect(amounts('iPhone 15, RTX 4070, 3 st, 2 pezzi, v2.3.1, 12 %, storlek 42')).toEqual([]);
    expect(amounts('krona 5, eurovision 2026, leiden 3')).toEqual([]);
  });

  it('parses grouped numbers', () => {
    expect(parseAmountNumber('1 299', true)).toEqual({ value: 1299, start: 0, end: 5 });
    expect(parseAmountNumber('1.299,50', true)).toEqual({ value: 1299.5, start: 0, end: 8 });
    expect(parseAmountNumber('1,299.50', true)).toEqual({ value: 1299.5, start: 0, end: 8 });
    expect(parseAmountNumber('12345 1 299', true)).toEqual({ value: 1299, start: 6, end: 11 });
    expect(parseAmountNumber('1.299.50', true)).toBeNull(); // same separator for thousands and decimals
    expect(parseAmountNumber('40 2026-11-03', false)).toEqual({ value: 40, start: 0, end: 2 });
    expect(parseAmountNumber('12 34', true)).toEqual({ value: 34, start: 3, end: 5 });
  });
});
