import { describe, expect, it } from 'vitest';
import { createEntityExtractor, redact } from '../../src/entities';

describe('redact', () => {
  it('replaces personal data and keeps order, tracking, amounts and dates', () => {
    const text =
      'Hej! Ordernummer 4481923, spårning RR123456785SE, 1 299 kr den 3 november.\n' +
      'Ring 070-123 45 67 eller mejla anna.svensson@gmail.com.\n' +
      'Personnummer 811228-9874, återbetala till SE45 5000 0000 0583 9825 7466.\n' +
      'Kortet 4111 1111 1111 1111 drogs två gånger.\n' +
      'Mvh Anna Svensson';
    expect(redact(text, { language: 'sv' })).toBe(
      'Hej! Ordernummer 4481923, spårning RR123456785SE, 1 299 kr den 3 november.\n' +
        'Ring [PHONE] eller mejla [EMAIL].\n' +
        'Personnummer [PERSONAL_ID], återbetala till [IBAN].\n' +
        'Kortet [CARD] drogs två gånger.\n' +
        'Mvh [NAME]',
    );
  });

  it('removes names after sign-offs, greetings and introductions in the four languages', () => {
    const cases: [string, string][] = [
      ['Mvh Anna Svensson', 'Mvh [NAME]'],
      ['Hälsningar, Erik', 'Hälsningar, [NAME]'],
      ['Med vänliga hälsningar\nAnna-Karin af Ekström\n070-123 45 67', 'Med vänliga hälsningar\n[NAME]\n[PHONE]'],
      ['Best regards, John Smith', 'Best regards, [NAME]'],
      ['Thanks,\n\nJohn', 'Thanks,\n\n[NAME]'],
      ['Cordiali saluti, Marco Rossi', 'Cordiali saluti, [NAME]'],
      ['Cu stimă, Ion Popescu', 'Cu stimă, [NAME]'],
      ['Jag heter Anna Berg och undrar över min order.', 'Jag heter [NAME] och undrar över min order.'],
      ['My name is John Smith.', 'My name is [NAME].'],
      ['Mi chiamo Marco Rossi e scrivo per il reso.', 'Mi chiamo [NAME] e scrivo per il reso.'],
      ['Mă numesc Ion Popescu.', 'Mă numesc [NAME].'],
      ['Hej Anna,\ntack för svaret!', 'Hej [NAME],\ntack för svaret!'],
      ['Dear Mr. Smith,', 'Dear Mr. [NAME],'],
      ['Buna ziua Maria,', 'Buna ziua [NAME],'],
    ];
    for (const [input, output] of cases) expect(redact(input)).toBe(output);
  });

  it('does not mistake ordinary words for names', () => {
    for (const text of [
      'Hej Support,',
      'Hello there,',
      'Dear Sir/Madam,',
      'Ciao a tutti,',
      'Tack för hjälpen!',
      'Thanks for your help.',
      'Mvh\nKundtjänst',
      'Best price in town',
      'Grazie mille per la risposta.',
      'I am writing about my order.',
      'Mvh\nMvh',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });

  it('errs on the side of removing phone-, id-, IBAN- and card-shaped numbers', () => {
    expect(redact('ring 070-123 45 6 snarast', { language: 'sv' })).toBe('ring [PHONE] snarast');
    expect(redact('tel 1234 5678 9')).toBe('tel [PHONE]');
    expect(redact('pnr 811228-9875')).toBe('pnr [PERSONAL_ID]');
    expect(redact('CNP 1850714120622')).toBe('CNP [PERSONAL_ID]');
    expect(redact('IBAN SE45 5000 0000 0583 9825 7467')).toBe('IBAN [IBAN]');
    expect(redact('kort 4111 1111 1111 1112')).toBe('kort [CARD]');
    expect(redact('CF RSSMRA85T10A562T')).toBe('CF [PERSONAL_ID]');
  });

  it('leaves order, case and tracking numbers that look like phones alone', () => {
    for (const text of [
      'ordernummer 0701234567',
      'ärendenummer 0812345678',
      'DHL 0701234567',
      'kundnummer 0701234567',
      'postnummer 123 45',
      'order 123-4567890-1234567',
    ]) {
      expect(redact(text, { language: 'sv' })).toBe(text);
    }
  });

  it('is available on a configured extractor and never throws', () => {
    const ex = createEntityExtractor();
    expect(ex.redact('')).toBe('');
    expect(ex.redact('mejla a@b.se \uD800 \u0000')).toBe('mejla [EMAIL] \uD800 \u0000');
    expect(ex.redact(undefined as unknown as string)).toBe('');
  });
});
