import { describe, expect, it } from 'vitest';
import { classify } from '../../src';
import { extractEntities, redact, type ExtractContext } from '../../src/entities';

const phones = (text: string, context?: ExtractContext) => extractEntities(text, context).phones.map((p) => p.normalized);
const orders = (text: string, context?: ExtractContext) => extractEntities(text, context).orderNumbers.map((p) => p.normalized);
const ibans = (text: string, context?: ExtractContext) => extractEntities(text, context).ibans.map((p) => p.normalized);

describe('personal data in other layouts and after other words', () => {
  it('removes an Italian mobile written without separators in an inquiry of any region', () => {
    expect(redact('Il mio numero è 3471234567, grazie')).toBe('Il mio numero è [PHONE], grazie');
    const r = classify('Hi, my order has not arrived. My number is 3471234567.', { redact: true });
    expect(r.redactedText).toBe('Hi, my order has not arrived. My number is [PHONE].');
    // only redaction removes more: extraction stays as it was, and finds the phone in Italian
    expect(phones('Il mio numero è 3471234567, grazie')).toEqual([]);
    expect(phones('Il mio numero è 3471234567, grazie', { language: 'it' })).toEqual(['+393471234567']);
    // an order word labels it an order number
    for (const text of ['ordine 3471234567', 'order 3471234567']) {
      expect(redact(text), text).toBe(text);
      expect(orders(text), text).toEqual(['3471234567']);
    }
  });

  it('reads a phone after an order word that is not written right before it', () => {
    expect(redact('Hej! Kan ni ringa mig om min order på 070-123 45 67?')).toBe('Hej! Kan ni ringa mig om min order på [PHONE]?');
    expect(phones('Hej! Kan ni ringa mig om min order på 070-123 45 67?', { language: 'sv' })).toEqual(['+46701234567']);
    expect(redact('Please call me about my order on 0701234567')).toBe('Please call me about my order on [PHONE]');
    expect(phones('Please call me about my order on 0701234567', { language: 'en' })).toEqual(['+46701234567']);
    expect(orders('Please call me about my order on 0701234567', { language: 'en' })).toEqual([]);
    // right before the number (numbering words, "is" and articles aside) it is still an order number
    for (const text of ['ordernummer 0701234567', 'Min order är 0701234567', 'Order no. 0701234567']) {
      expect(redact(text), text).toBe(text);
      expect(orders(text), text).toEqual(['0701234567']);
    }
    for (const text of ['kundnummer 0701234567', 'DHL 0701234567', 'ärendenummer 0812345678', 'Customer number: 0701234567']) {
      expect(redact(text), text).toBe(text);
    }
  });

  it('reads a phone after "via" and "Swish", and removes one after a bare customer word', () => {
    expect(redact('Reach me via +46 70 123 45 67')).toBe('Reach me via [PHONE]');
    expect(phones('Reach me via +46 70 123 45 67', { language: 'en' })).toEqual(['+46701234567']);
    expect(redact('Nå mig via 070-123 45 67')).toBe('Nå mig via [PHONE]');
    expect(phones('Nå mig via 070-123 45 67', { language: 'sv' })).toEqual(['+46701234567']);
    expect(redact('Pengarna kan ni betala tillbaka via Swish 070-123 45 67.')).toBe('Pengarna kan ni betala tillbaka via Swish [PHONE].');
    expect(phones('Betala tillbaka via Swish 070-123 45 67.', { language: 'sv' })).toEqual(['+46701234567']);
    expect(redact('Kund: 0701234567')).toBe('Kund: [PHONE]');
    // a customer word still says no phone to extraction
    expect(phones('Kund: 0701234567', { language: 'sv' })).toEqual([]);
    // an Italian street keeps its number
    expect(redact('Abito in Via Roma 12, 00184 Roma.', { language: 'it' })).toBe('Abito in Via Roma 12, 00184 Roma.');
  });

  it('reads IBANs in other layouts and removes a malformed one after an IBAN word', () => {
    const valid: [string, string, string][] = [
      ['IBAN: IT 60 X 05428 11101 000000123456', 'IBAN: [IBAN]', 'IT60X0542811101000000123456'],
      ['IBAN: SE45-5000-0000-0583-9825-7466', 'IBAN: [IBAN]', 'SE4550000000058398257466'],
      ['IBAN: SE45  5000 0000 0583 9825 7466', 'IBAN: [IBAN]', 'SE4550000000058398257466'],
      ['IBAN SE 45 5000 0000 0583 9825 7466', 'IBAN [IBAN]', 'SE4550000000058398257466'],
      ['IBAN:\nSE45 5000 0000\n0583 9825 7466', 'IBAN:\n[IBAN]', 'SE4550000000058398257466'],
    ];
    for (const [text, redacted, iban] of valid) {
      expect(redact(text), text).toBe(redacted);
      expect(ibans(text), text).toEqual([iban]);
      expect(phones(text), text).toEqual([]);
    }
    for (const text of [
      'IBAN: SE45 5000 0000 0583 9825 746',
      'IBAN:\nSE45 5000 0000\n0583 9825 746',
      'Questo è il mio IBAN: IT 97 X 2848 2042 0266 8880 6422 86?',
    ]) {
      expect(redact(text), text).toBe(`${text.slice(0, text.search(/SE|IT/))}[IBAN]${text.endsWith('?') ? '?' : ''}`);
      expect(ibans(text), text).toEqual([]);
    }
    // a space after the country code only after an IBAN word
    expect(ibans('se 45 5000 0000 0583 9825 7466')).toEqual([]);
  });

  it('reads an e-mail address with an invisible character inside', () => {
    const text = 'Skriv till anna\u200b.svensson@gmail.com, tack';
    expect(redact(text)).toBe('Skriv till [EMAIL], tack');
    const value = 'anna\u200b.svensson@gmail.com';
    expect(extractEntities(text).emails).toEqual([{ value, normalized: 'anna.svensson@gmail.com', start: 11, end: 11 + value.length }]);
    expect(redact('anna.svensson\u200b@gmail.com')).toBe('[EMAIL]');
  });

  it('removes an address without top-level domain after a mail word', () => {
    for (const [text, redacted] of [
      ['Mejla mig på anna@gmail.', 'Mejla mig på [EMAIL].'],
      ['e-mail: anna@gmail', 'e-mail: [EMAIL]'],
      ['My email is anna@gmail', 'My email is [EMAIL]'],
      ['mail anna@gmail', 'mail [EMAIL]'],
      ['Scrivimi a anna@gmail, grazie', 'Scrivimi a [EMAIL], grazie'],
      ['e-post: anna@gmail', 'e-post: [EMAIL]'],
    ] as const) {
      expect(redact(text), text).toBe(redacted);
      expect(extractEntities(text).emails, text).toEqual([]);
    }
  });
});
