import { describe, expect, it } from 'vitest';
import { extractEntities, redact, type ExtractContext } from '../../src/entities';

const phones = (text: string, context?: ExtractContext) => extractEntities(text, context).phones.map((p) => p.normalized);
const ids = (text: string, context?: ExtractContext) => extractEntities(text, context).personalIds.map((p) => p.normalized);

describe('personal data written in less common forms', () => {
  it('reads an area code set off by "/" or " - " with the number after it', () => {
    expect(redact('Buongiorno, il pacco non è arrivato. Potete chiamarmi al 333/1234567?')).toBe(
      'Buongiorno, il pacco non è arrivato. Potete chiamarmi al [PHONE]?',
    );
    expect(phones('Potete chiamarmi al 333/1234567?', { language: 'it' })).toEqual(['+393331234567']);
    expect(redact('Telefon: 0264/123456')).toBe('Telefon: [PHONE]');
    expect(phones('Telefon: 0264/123456', { language: 'ro' })).toEqual(['+40264123456']);
    expect(redact('Telefon: 0721/234567')).toBe('Telefon: [PHONE]');
    expect(phones('Telefon: 0721/234567', { language: 'ro' })).toEqual(['+40721234567']);
    expect(redact('Tel. 070/123 45 67')).toBe('Tel. [PHONE]');
    expect(phones('Tel. 070/123 45 67', { language: 'sv' })).toEqual(['+46701234567']);
    expect(redact('Tel 070 / 123 45 67')).toBe('Tel [PHONE]');
    expect(phones('Tel 070 / 123 45 67', { language: 'sv' })).toEqual(['+46701234567']);
    expect(redact('Tel. 040 - 12 34 56')).toBe('Tel. [PHONE]');
    expect(phones('Tel. 040 - 12 34 56', { language: 'sv' })).toEqual(['+4640123456']);
    expect(redact('Phone 070 - 123 45 67')).toBe('Phone [PHONE]');
    expect(phones('Phone 070 - 123 45 67', { language: 'en' })).toEqual(['+46701234567']);
    expect(redact('Tel. +46 (0) 70 - 123 45 67')).toBe('Tel. [PHONE]');
    expect(phones('Tel. +46 (0) 70 - 123 45 67')).toEqual(['+46701234567']);
    expect(phones('Tel (0046) 70 / 123 45 67')).toEqual(['+46701234567']);
    // lists of phones, dates and sizes are not joined
    expect(phones('070-123 45 67 / 08-123 456 78', { language: 'sv' })).toEqual(['+46701234567', '+46812345678']);
    expect(phones('Tel 070-123 45 67 - 08-123 456 78', { language: 'sv' })).toEqual(['+46701234567', '+46812345678']);
    expect(redact('Leverans 01/11/2026, storlek 38/40')).toBe('Leverans 01/11/2026, storlek 38/40');
    expect(redact('Fattura 0123/456789', { language: 'it' })).toBe('Fattura 0123/456789');
  });

  it('reads phones written with an en dash, a non-breaking hyphen, thin or figure spaces', () => {
    expect(redact('Hej, ring mig på 070–123 45 67')).toBe('Hej, ring mig på [PHONE]');
    expect(phones('Hej, ring mig på 070–123 45 67', { language: 'sv' })).toEqual(['+46701234567']);
    expect(redact('Ring 070\u2011123\u200945\u200967')).toBe('Ring [PHONE]');
    expect(redact('Ring 070\u2007123\u200745\u200767')).toBe('Ring [PHONE]');
    expect(phones('Kundtjänst 0771\u2013123 456', { language: 'sv' })).toEqual(['+46771123456']);
  });

  it('does not read time ranges written with dots as phones', () => {
    for (const [text, language] of [
      ['Jag är hemma 08.00-17.00', 'sv'],
      ['Kl 07.30-16.30 mån-fre', 'sv'],
      ['Sono a casa dalle 08.30-13.00', 'it'],
      ['Sono a casa dalle 8.00–17.00', 'it'],
      ['Leverans 08.11-10.11', 'sv'],
    ] as const) {
      expect(phones(text, { language }), text).toEqual([]);
      expect(phones(text), text).toEqual([]);
      expect(redact(text, { language }), text).toBe(text);
      expect(redact(text), text).toBe(text);
    }
    // a phone after the range is still found
    expect(phones('Hemma 08.00-17.00 070-123 45 67', { language: 'sv' })).toEqual(['+46701234567']);
  });

  it('reads a personnummer written with a space or an en dash after a personal-id word', () => {
    expect(redact('Hej, jag vill betala mot faktura. Personnummer 850709 9805.')).toBe(
      'Hej, jag vill betala mot faktura. Personnummer [PERSONAL_ID].',
    );
    expect(ids('Personnummer 850709 9805.')).toEqual(['850709-9805']);
    expect(redact('personnummer: 19850709 9805')).toBe('personnummer: [PERSONAL_ID]');
    expect(ids('personnummer: 19850709 9805')).toEqual(['19850709-9805']);
    expect(redact('Mitt pnr är 850709–9805')).toBe('Mitt pnr är [PERSONAL_ID]');
    expect(ids('Mitt pnr är 850709–9805')).toEqual(['850709-9805']);
    expect(ids('850709–9805')).toEqual(['850709-9805']);
    // with a space but no personal-id word: two numbers
    expect(ids('Jag beställde 850709 9805')).toEqual([]);
  });

  it('reads a codice fiscale in mixed case or in groups after a personal-id word', () => {
    expect(redact('Buongiorno, ecco il mio codice fiscale:\nRssmra85t10a562s')).toBe(
      'Buongiorno, ecco il mio codice fiscale:\n[PERSONAL_ID]',
    );
    expect(ids('Buongiorno, ecco il mio codice fiscale:\nRssmra85t10a562s', { language: 'it' })).toEqual(['RSSMRA85T10A562S']);
    expect(redact('CF Rssmra85t10a562s')).toBe('CF [PERSONAL_ID]');
    expect(redact('CF: RSS MRA 85T10 A562S')).toBe('CF: [PERSONAL_ID]');
    expect(ids('CF: RSS MRA 85T10 A562S')).toEqual(['RSSMRA85T10A562S']);
    expect(ids('Il mio codice è RSS MRA 85T10 A562S.')).toEqual(['RSSMRA85T10A562S']);
    // a mixed-case word without a personal-id word is not a code
    expect(ids('Rssmra85t10a562s')).toEqual([]);
  });

  it('reads a valid dashed personnummer as a personal id whatever word precedes it', () => {
    expect(redact('Mitt kundnummer är 19850709-9805')).toBe('Mitt kundnummer är [PERSONAL_ID]');
    expect(ids('Mitt kundnummer är 19850709-9805')).toEqual(['19850709-9805']);
    expect(redact('Kundnummer 850709-9805')).toBe('Kundnummer [PERSONAL_ID]');
    expect(ids('Kundnummer 850709-9805')).toEqual(['850709-9805']);
    // an invalid one, and an undashed number, are still the customer number
    expect(redact('Kundnummer 850709-9806')).toBe('Kundnummer 850709-9806');
    expect(redact('kundnummer 0701234567')).toBe('kundnummer 0701234567');
  });
});
