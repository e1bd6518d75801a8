import { describe, expect, it } from 'vitest';
import { extractEntities, type ExtractContext } from '../../src/entities';

const of = (type: 'personalIds' | 'ibans' | 'cards' | 'trackingNumbers' | 'emails', text: string, context?: ExtractContext) =>
  extractEntities(text, context)[type].map((e) => [e.value, e.normalized]);

describe('personal identity numbers', () => {
  it('accepts Swedish personnummer and samordningsnummer in all written forms', () => {
    expect(of('personalIds', '811228-9874')).toEqual([['811228-9874', '811228-9874']]);
    expect(of('personalIds', '19811228-9874')).toEqual([['19811228-9874', '19811228-9874']]);
    expect(of('personalIds', '198112289874')).toEqual([['198112289874', '19811228-9874']]);
    expect(of('personalIds', '8112289874')).toEqual([['8112289874', '811228-9874']]);
    expect(of('personalIds', '470861+4609')).toEqual([['470861+4609', '470861+4609']]);
    expect(of('personalIds', 'samordningsnummer 850774-0465')).toEqual([['850774-0465', '850774-0465']]);
  });

  it('rejects bad check digits, impossible dates and numbers with other labels', () => {
    expect(of('personalIds', '811228-9875')).toEqual([]);
    expect(of('personalIds', '811328-9874 811232-9874')).toEqual([]);
    expect(of('personalIds', 'ordernummer 8112289874')).toEqual([]);
    expect(of('personalIds', 'DHL tracking 8112289874')).toEqual([]);
  });

  it('leaves a 10-digit Swedish phone number without separator to the phone scanner', () => {
    // 0701234569 reads as 2007-01-23 and passes Luhn
    const e = extractEntities('0701234569 och personnummer 0701234569', { language: 'sv' });
    expect(e.phones.map((p) => p.value)).toEqual(['0701234569']);
    expect(e.personalIds.map((p) => p.value)).toEqual(['0701234569']);
  });

  it('accepts Romanian CNP and Italian codice fiscale', () => {
    expect(of('personalIds', 'CNP 1850714120621')).toEqual([['1850714120621', '1850714120621']]);
    expect(of('personalIds', 'CNP 1850714120622')).toEqual([]);
    expect(of('personalIds', 'CNP 1851314120621')).toEqual([]); // month 13
    expect(of('personalIds', 'CF rssmra85t10a562s')).toEqual([['rssmra85t10a562s', 'RSSMRA85T10A562S']]);
    expect(of('personalIds', 'CF RSSMRA85T10A562T')).toEqual([]);
    expect(of('personalIds', 'RssMra85T10A562S')).toEqual([]);
  });
});

describe('IBANs and cards', () => {
  it('accepts IBANs with or without spaces and rejects failed mod-97', () => {
    expect(of('ibans', 'SE45 5000 0000 0583 9825 7466')).toEqual([['SE45 5000 0000 0583 9825 7466', 'SE4550000000058398257466']]);
    expect(of('ibans', 'GB82WEST12345698765432.')).toEqual([['GB82WEST12345698765432', 'GB82WEST12345698765432']]);
    expect(of('ibans', 'SE45 5000 0000 0583 9825 7467')).toEqual([]);
    expect(of('ibans', 'SE45 5000 0000 0583 9825 74')).toEqual([]); // wrong length
    expect(of('ibans', 'XX45 5000 0000 0583 9825 7466')).toEqual([]); // unknown country
  });

  it('accepts Luhn-valid numbers of known networks only', () => {
    expect(of('cards', '4111 1111 1111 1111')).toEqual([['4111 1111 1111 1111', '4111111111111111']]);
    expect(of('cards', '4111-1111-1111-1111')).toEqual([['4111-1111-1111-1111', '4111111111111111']]);
    expect(of('cards', '3714 496353 98431')).toEqual([['3714 496353 98431', '371449635398431']]);
    expect(of('cards', '4111 1111 1111 1112')).toEqual([]); // Luhn
    expect(of('cards', '9111 1111 1111 1119')).toEqual([]); // no network starts with 9
    expect(of('cards', '4111 1111-1111 1111')).toEqual([]); // mixed separators
  });
});

describe('tracking numbers', () => {
  it('verifies S10 and UPS check digits', () => {
    expect(of('trackingNumbers', 'RR123456785SE')).toEqual([['RR123456785SE', 'RR123456785SE']]);
    expect(of('trackingNumbers', 'rr 123 456 785 se')).toEqual([['rr 123 456 785 se', 'RR123456785SE']]);
    expect(of('trackingNumbers', 'RR123456784SE')).toEqual([]);
    expect(of('trackingNumbers', 'spårningsnummer RR123456784SE')).toEqual([['RR123456784SE', 'RR123456784SE']]);
    expect(of('trackingNumbers', '1Z 999 AA1 01 2345 6784')).toEqual([['1Z 999 AA1 01 2345 6784', '1Z999AA10123456784']]);
  });

  it('needs a tracking word for bare digit formats', () => {
    expect(of('trackingNumbers', 'numret 1234567890')).toEqual([]);
    expect(of('trackingNumbers', 'DHL 1234567890')).toEqual([['1234567890', '1234567890']]);
    expect(of('trackingNumbers', 'AWB: 2123456789012')).toEqual([['2123456789012', '2123456789012']]);
    expect(of('trackingNumbers', 'număr de urmărire 2123456789012')).toEqual([['2123456789012', '2123456789012']]);
    expect(of('trackingNumbers', 'codice di tracciamento 3UW1A2B3C4D5')).toEqual([['3UW1A2B3C4D5', '3UW1A2B3C4D5']]);
    expect(of('trackingNumbers', 'JJD0099999999 och JVGL0599999999')).toEqual([
      ['JJD0099999999', 'JJD0099999999'],
      ['JVGL0599999999', 'JVGL0599999999'],
    ]);
  });
});

describe('e-mail addresses', () => {
  it('finds addresses and trims sentence punctuation', () => {
    expect(of('emails', 'Mejla Anna.Berg+shop@Telia.se.')).toEqual([['Anna.Berg+shop@Telia.se', 'anna.berg+shop@telia.se']]);
    expect(of('emails', '<ion@yahoo.ro>, mario@libero.it;')).toEqual([
      ['ion@yahoo.ro', 'ion@yahoo.ro'],
      ['mario@libero.it', 'mario@libero.it'],
    ]);
    expect(of('emails', '@butiken, a@b, x@localhost, y@1.23, z@-bad-.se, @@, a@@b.se')).toEqual([]);
  });
});
