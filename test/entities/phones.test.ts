import { describe, expect, it } from 'vitest';
import { createEntityExtractor, extractEntities, type ExtractContext } from '../../src/entities';
import { parseInternational, parseNational } from '../../src/entities/phones';

const phones = (text: string, context?: ExtractContext) => extractEntities(text, context).phones.map((p) => p.normalized);

describe('phone numbers', () => {
  it('normalizes Swedish formats to E.164', () => {
    expect(phones('070-123 45 67', { language: 'sv' })).toEqual(['+46701234567']);
    expect(phones('08-123 456 78', { language: 'sv' })).toEqual(['+46812345678']);
    expect(phones('+46 70 123 45 67')).toEqual(['+46701234567']);
    expect(phones('0046 70 123 45 67')).toEqual(['+46701234567']);
    expect(phones('+46 (0)70-123 45 67')).toEqual(['+46701234567']);
    expect(phones('+46 070-123 45 67')).toEqual(['+46701234567']);
    expect(phones('(08) 123 456 78')).toEqual(['+46812345678']);
    expect(phones('0771-123 456')).toEqual(['+46771123456']);
  });

  it('normalizes Italian, Romanian and British formats', () => {
    expect(phones('+39 333 123 4567')).toEqual(['+393331234567']);
    expect(phones('02 1234 5678', { language: 'it' })).toEqual(['+390212345678']);
    expect(phones('333 1234567', { language: 'it' })).toEqual(['+393331234567']);
    expect(phones('0722 123 456', { language: 'ro' })).toEqual(['+40722123456']);
    expect(phones('+40 722 123 456')).toEqual(['+40722123456']);
    expect(phones('021 312 4567', { language: 'ro' })).toEqual(['+40213124567']);
    expect(phones('+44 20 7946 0958')).toEqual(['+442079460958']);
    expect(phones('07911 123456', { defaultRegion: 'GB' })).toEqual(['+447911123456']);
  });

  it('picks the region from the language, the context or the configuration', () => {
    expect(phones('0722 123 456', { language: 'sv' })).toEqual(['+46722123456']);
    expect(phones('0722 123 456', { language: 'ro' })).toEqual(['+40722123456']);
    expect(phones('0722 123 456', { language: 'sv', defaultRegion: 'RO' })).toEqual(['+40722123456']);
    const gb = createEntityExtractor({ phones: { defaultRegion: 'GB' } });
    expect(gb.extract('01632 960123', { language: 'en' }).phones.map((p) => p.normalized)).toEqual(['+441632960123']);
    expect(gb.extract('01632960123', { language: 'sv' }).phones).toEqual([]);
    // written with separators, a number that is invalid in the region is tried in the others
    expect(phones('07911 123456', { language: 'sv' })).toEqual(['+447911123456']);
    expect(phones('07911123456', { language: 'sv' })).toEqual([]);
  });

  it('does not read order numbers, postal codes, dates, times or amounts as phones', () => {
    expect(phones('ordernummer 0701234567', { language: 'sv' })).toEqual([]);
    expect(phones('123 45 Stockholm, 20121 Milano, 400123 Cluj', { language: 'sv' })).toEqual([]);
    expect(phones('2026-11-03 14:02, 03.11.2026', { language: 'sv' })).toEqual([]);
    expect(phones('1 299 000 kr', { language: 'sv' })).toEqual([]);
    expect(phones('kundnummer 0812345678', { language: 'sv' })).toEqual([]);
  });

  it('finds two numbers separated by a slash', () => {
    expect(phones('070-123 45 67 / 08-123 456 78', { language: 'sv' })).toEqual(['+46701234567', '+46812345678']);
  });

  it('validates national and international numbers', () => {
    expect(parseNational('0701234567', 'SE')).toBe('+46701234567');
    expect(parseNational('070123456', 'SE')).toBeNull(); // mobile needs 9 digits after 0
    expect(parseNational('0012345678', 'SE')).toBeNull();
    expect(parseNational('3331234567', 'IT')).toBe('+393331234567');
    expect(parseNational('20121', 'IT')).toBeNull();
    expect(parseNational('0722123456', 'RO')).toBe('+40722123456');
    expect(parseNational('072212345', 'RO')).toBeNull();
    expect(parseInternational('4915123456789', false)).toBe('+4915123456789');
    expect(parseInternational('12025550123', false)).toBe('+12025550123');
    expect(parseInternational('1202555012', false)).toBeNull();
    expect(parseInternational('8412345', false)).toBeNull();
    expect(parseInternational('46070123456', false)).toBeNull(); // too short once the trunk 0 is dropped
  });
});
