// Entities in less common forms: currency before the number, lists of order numbers, relative and
// ordinal dates, fractions that are not dates, cards after receipt words, phones in parentheses and
// obfuscated e-mail addresses.
import { describe, expect, it } from 'vitest';
import { extractEntities, redact, type Entities, type ExtractContext } from '../../src/entities';

const receivedAt = '2026-11-05T09:12:00+01:00';

function values<K extends keyof Entities>(text: string, type: K, context?: ExtractContext): string[] {
  return extractEntities(text, context)[type].map((e) => e.value);
}

function normalized(text: string, type: Exclude<keyof Entities, 'amounts'>, context?: ExtractContext): string[] {
  return extractEntities(text, context)[type].map((e) => e.normalized);
}

function amounts(text: string, context?: ExtractContext): string[] {
  return extractEntities(text, context).amounts.map((a) => `${a.value}=${a.normalized.value} ${a.normalized.currency}`);
}

/** Every entity's value is its slice of the text, and no two entities share a character. */
function expectContract(text: string, context?: ExtractContext): void {
  const all = Object.values(extractEntities(text, context)).flat() as { value: string; start: number; end: number }[];
  for (const e of all) expect(text.slice(e.start, e.end)).toBe(e.value);
  const sorted = all.slice().sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
}

describe('a currency written before the number: "lei 120"', () => {
  it('reads lei before the number as RON', () => {
    expect(amounts('Am plătit 120 lei și lei 120', { language: 'ro' })).toEqual(['120 lei=120 RON', 'lei 120=120 RON']);
    expect(amounts('Total: lei 120,50')).toEqual(['lei 120,50=120.5 RON']);
    expect(amounts('Lei 99 pentru livrare', { language: 'ro' })).toEqual(['Lei 99=99 RON']);
  });

  it('leaves the Italian pronoun and a lei that belongs to the amount before it', () => {
    expect(amounts('Ho scritto a Lei 3 volte', { language: 'it' })).toEqual([]);
    expect(amounts('Ho scritto a Lei 3 volte')).toEqual([]);
    expect(amounts('Ho chiesto a lei 3 giorni fa')).toEqual([]);
    expect(amounts('Lei 120 euro, grazie')).toEqual(['120 euro=120 EUR']);
    expect(amounts('Am plătit 120 lei 2 bucăți', { language: 'ro' })).toEqual(['120 lei=120 RON']);
  });
});

describe('a list of numbers after one order word', () => {
  it('gives an order number for every item of the same shape', () => {
    expect(normalized('Order 4481923, 4481924 och 4481925', 'orderNumbers', { language: 'sv' })).toEqual(['4481923', '4481924', '4481925']);
    expect(normalized('Beställning 4481923 och 4481924', 'orderNumbers', { language: 'sv' })).toEqual(['4481923', '4481924']);
    expect(normalized('Order 4481923 and 4481924 & 4481925', 'orderNumbers', { language: 'en' })).toEqual(['4481923', '4481924', '4481925']);
    expect(normalized('Ordine 45321 e 45322', 'orderNumbers', { language: 'it' })).toEqual(['45321', '45322']);
    expect(normalized('Comanda 4481923 și 4481924', 'orderNumbers', { language: 'ro' })).toEqual(['4481923', '4481924']);
    expect(normalized('Order 4481923, och 4481924', 'orderNumbers')).toEqual(['4481923', '4481924']);
    expectContract('Order 4481923, 4481924 och 4481925');
  });

  it('does not extend the list to other shapes, other entities or unrelated numbers', () => {
    // another length: a phone, an amount, a quantity, a postal code with its town
    const ctx = { language: 'sv' } as const;
    expect(normalized('Order 4481923 och 070-123 45 67', 'orderNumbers', ctx)).toEqual(['4481923']);
    expect(normalized('Order 4481923, 4481924 kr', 'orderNumbers', ctx)).toEqual(['4481923']);
    expect(normalized('Order 44819, 44820 st', 'orderNumbers', ctx)).toEqual(['44819']);
    expect(normalized('Order 44819, 11122 Stockholm', 'orderNumbers', ctx)).toEqual(['44819']);
    // not joined by a list word
    expect(normalized('Order 4481923 till 4481924', 'orderNumbers', ctx)).toEqual(['4481923']);
    expect(normalized('Order 4481923, faktura 4481924', 'orderNumbers', ctx)).toEqual(['4481923']);
    // the first number is no order number
    expect(normalized('Jag har fått två fakturor, 55123 och 55124, för samma order.', 'orderNumbers', ctx)).toEqual([]);
    // case numbers are not chained: a year has the shape of one
    expect(normalized('Ärende 4412, 2026', 'caseNumbers', ctx)).toEqual(['4412']);
  });
});

describe('relative and ordinal dates', () => {
  const at = (language: ExtractContext['language']) => ({ language, receivedAt });

  it('reads "day before yesterday" without "the" as one date', () => {
    const dates = extractEntities('It happened day before yesterday', at('en')).dates;
    expect(dates.map((d) => [d.value, d.normalized])).toEqual([['day before yesterday', '2026-11-03']]);
    expect(normalized('due day after tomorrow', 'dates', at('en'))).toEqual(['2026-11-07']);
    expect(normalized('It happened the day before yesterday', 'dates', at('en'))).toEqual(['2026-11-03']);
  });

  it('reads the Swedish ordinal without its colon: "den 3e november"', () => {
    expect(values('Beställd den 3e november', 'dates', at('sv'))).toEqual(['3e november']);
    expect(normalized('Beställd den 3e november', 'dates', at('sv'))).toEqual(['2026-11-03']);
    expect(normalized('den 1a december', 'dates', at('sv'))).toEqual(['2026-12-01']);
    expect(normalized('den 3:e november', 'dates', at('sv'))).toEqual(['2026-11-03']);
  });

  it('reads igårkväll / igår kväll as yesterday, the whole phrase', () => {
    expect(values('Jag beställde igårkväll', 'dates', at('sv'))).toEqual(['igårkväll']);
    expect(normalized('Jag beställde igårkväll', 'dates', at('sv'))).toEqual(['2026-11-04']);
    expect(values('Jag beställde igår kväll', 'dates', at('sv'))).toEqual(['igår kväll']);
    expect(normalized('Jag beställde i går kväll', 'dates', at('sv'))).toEqual(['2026-11-04']);
  });

  it('reads avantieri and förrgår as the day before yesterday', () => {
    expect(normalized('Ho ordinato avantieri', 'dates', at('it'))).toEqual(['2026-11-03']);
    expect(normalized("Ho ordinato avant'ieri", 'dates', at('it'))).toEqual(['2026-11-03']);
    expect(normalized('Jag beställde i förrgår', 'dates', at('sv'))).toEqual(['2026-11-03']);
    expect(normalized('Beställde förrgår', 'dates', at('sv'))).toEqual(['2026-11-03']);
  });
});

describe('common fractions are not dates', () => {
  const ctx = { language: 'sv', receivedAt } as const;

  it('does not read 1/2, 1/3, 2/3, 1/4, 3/4 without a date word as dates', () => {
    expect(normalized('Jag fick 1/2 av paketet', 'dates', ctx)).toEqual([]);
    expect(normalized('Rummet 3/4', 'dates', ctx)).toEqual([]);
    expect(normalized('Only 2/3 of the order arrived', 'dates', { language: 'en', receivedAt })).toEqual([]);
    expect(normalized('È arrivato solo 1/4 di ordine', 'dates', { language: 'it', receivedAt })).toEqual([]);
    expect(normalized('Am primit 1/3 din colet', 'dates', { language: 'ro', receivedAt })).toEqual([]);
    // a fraction word after it wins over a date word before it
    expect(normalized('den 1/2 av paketet', 'dates', ctx)).toEqual([]);
  });

  it('keeps other day/months, fractions after a date word, and dates with a year', () => {
    expect(normalized('den 3/4', 'dates', ctx)).toEqual(['2026-04-03']);
    expect(normalized('Levererat 3/11', 'dates', ctx)).toEqual(['2026-11-03']);
    expect(normalized('Delivered on 1/2', 'dates', { language: 'en', receivedAt })).toEqual(['2026-02-01']);
    expect(normalized("L'ordine del 2/3", 'dates', { language: 'it', receivedAt })).toEqual(['2026-03-02']);
    expect(normalized('Comanda din 1/4', 'dates', { language: 'ro', receivedAt })).toEqual(['2026-04-01']);
    expect(normalized('Jag fick 1/2/2026', 'dates', ctx)).toEqual(['2026-02-01']);
  });
});

describe('card numbers after any word, and written with en dashes', () => {
  it('redacts a valid 4-4-4-4 card after a receipt or other "other" word', () => {
    expect(redact('Kvitto 4111 1111 1111 1111')).toBe('Kvitto [CARD]');
    expect(normalized('Kvitto 4111 1111 1111 1111', 'cards')).toEqual(['4111111111111111']);
    expect(redact('Receipt 5555 5555 5555 4444, thanks')).toBe('Receipt [CARD], thanks');
    expect(redact('Faktura 4111-1111-1111-1111')).toBe('Faktura [CARD]');
  });

  it('leaves other numbers after such a word alone', () => {
    // not Luhn-valid, or not printed in four groups of four
    expect(redact('Kvitto 4111 1111 1111 1112')).toBe('Kvitto 4111 1111 1111 1112');
    expect(redact('Kvitto 4111111111111111')).toBe('Kvitto 4111111111111111');
  });

  it('reads groups joined by en dashes or Unicode spaces', () => {
    expect(redact('Kort 4111–1111–1111–1111')).toBe('Kort [CARD]');
    expect(redact('4111–1111–1111–1111 drogs två gånger')).toBe('[CARD] drogs två gånger');
    expect(values('Kort 4111–1111–1111–1111', 'cards')).toEqual(['4111–1111–1111–1111']);
    expect(redact('Kort 4111\u00a01111 1111\u20091111')).toBe('Kort [CARD]');
    expect(normalized('Kort 4111–1111–1111–1111', 'phones')).toEqual([]);
  });
});

describe('a phone in parentheses', () => {
  it('keeps both parentheses outside the phone', () => {
    expect(redact('Mvh Anna Svensson (070-123 45 67)')).toBe('Mvh [NAME] ([PHONE])');
    expect(redact('Ring mig (+46 70 123 45 67) efter fem')).toBe('Ring mig ([PHONE]) efter fem');
    const phones = extractEntities('Mvh Anna Svensson (070-123 45 67)', { language: 'sv' }).phones;
    expect(phones.map((p) => [p.value, p.normalized])).toEqual([['070-123 45 67', '+46701234567']]);
    expectContract('Mvh Anna Svensson (070-123 45 67)');
  });

  it('keeps a parenthesis closed inside the number with it', () => {
    expect(redact('Ring (08) 123 45 67')).toBe('Ring [PHONE]');
    expect(values('Ring (08) 123 45 67', 'phones', { language: 'sv' })).toEqual(['(08) 123 45 67']);
    expect(redact('Tel. +46 (0) 70 - 123 45 67')).toBe('Tel. [PHONE]');
    expect(redact('Mvh Anna (tel 070-123 45 67)')).toBe('Mvh [NAME] (tel [PHONE])');
  });
});

describe('obfuscated e-mail addresses and file names', () => {
  it('reads bracketed and parenthesised "at" forms as e-mails', () => {
    expect(redact('Skriv till anna[at]gmail.com')).toBe('Skriv till [EMAIL]');
    expect(redact('Skriv till anna (at) gmail.com')).toBe('Skriv till [EMAIL]');
    expect(redact('anna.svensson [at] gmail [dot] com, tack')).toBe('[EMAIL], tack');
    expect(redact('mario{@}libero.it')).toBe('[EMAIL]');
    const emails = extractEntities('Skriv till anna (at) gmail (dot) com!').emails;
    expect(emails.map((e) => [e.value, e.normalized])).toEqual([['anna (at) gmail (dot) com', 'anna@gmail.com']]);
    expect(normalized('anna[dot]svensson[at]Gmail.com', 'emails')).toEqual(['anna.svensson@gmail.com']);
    expectContract('Skriv till anna (at) gmail (dot) com och ring 070-123 45 67');
  });

  it('redacts "anna at gmail dot com", without reporting it', () => {
    expect(redact('Mail me: anna at gmail dot com')).toBe('Mail me: [EMAIL]');
    expect(normalized('Mail me: anna at gmail dot com', 'emails')).toEqual([]);
    // the word "at" alone does not make an address
    for (const text of ['Look at shop.se for details', 'I was at home (at) noon.', 'Priset (at) 5.99 kr', 'We met at gmail offices']) {
      expect(redact(text)).toBe(text);
    }
  });

  it('does not read image and document file names as e-mails', () => {
    expect(normalized('Se bild foto@2x.png', 'emails')).toEqual([]);
    expect(redact('Se bild foto@2x.png')).toBe('Se bild foto@2x.png');
    expect(redact('logo@3x.webp och scan@home.pdf')).toBe('logo@3x.webp och scan@home.pdf');
    // real addresses, with digits in the domain too
    expect(normalized('anna@gmail.com, li@163.com, x@2x.se', 'emails')).toEqual(['anna@gmail.com', 'li@163.com', 'x@2x.se']);
  });
});

describe('a year that begins an ISO date', () => {
  it('is not taken as the year of the date before it', () => {
    const dates = extractEntities('beställt 3 mars, 2026-05-04 levererat', { language: 'sv' }).dates;
    expect(dates.map((d) => [d.value, d.normalized])).toEqual([
      ['3 mars', '--03-03'],
      ['2026-05-04', '2026-05-04'],
    ]);
    expect(extractEntities('beställt 3 mars, 2026 och sedan', { language: 'sv' }).dates.map((d) => d.normalized)).toEqual(['2026-03-03']);
  });
});
