import { describe, expect, it } from 'vitest';
import {
  cnpCheckValid,
  codiceFiscaleCheckValid,
  gs1CheckValid,
  ibanMod97Valid,
  luhnValid,
  s10CheckDigit,
  upsCheckValid,
  validDayMonth,
} from '../../src/entities/checksums';

describe('check-digit algorithms', () => {
  it('Luhn accepts valid numbers and rejects single-digit errors', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('8112289874')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('8112289875')).toBe(false);
    expect(luhnValid('41x1')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });

  it('IBAN mod-97 accepts published examples and rejects a changed digit', () => {
    expect(ibanMod97Valid('SE4550000000058398257466')).toBe(true);
    expect(ibanMod97Valid('GB82WEST12345698765432')).toBe(true);
    expect(ibanMod97Valid('IT60X0542811101000000123456')).toBe(true);
    expect(ibanMod97Valid('RO49AAAA1B31007593840000')).toBe(true);
    expect(ibanMod97Valid('SE4550000000058398257467')).toBe(false);
    expect(ibanMod97Valid('SE45 5000')).toBe(false);
  });

  it('S10 check digit uses weights 8 6 4 2 3 5 9 7 with 10 → 0 and 11 → 5', () => {
    expect(s10CheckDigit('12345678')).toBe(5);
    // sum % 11 === 1 → 10 → 0; sum % 11 === 0 → 11 → 5
    expect(s10CheckDigit('00000001')).toBe(4); // 7 → 11 - 7
    expect(s10CheckDigit('00000000')).toBe(5);
    expect(s10CheckDigit('00000008')).toBe(0); // 56 % 11 = 1 → 10 → 0
    expect(s10CheckDigit('10000000')).toBe(3); // 8 → 11 - 8
    expect(s10CheckDigit('1234567')).toBe(-1);
    expect(s10CheckDigit('1234567a')).toBe(-1);
  });

  it('UPS check digit', () => {
    expect(upsCheckValid('1Z999AA10123456784')).toBe(true);
    expect(upsCheckValid('1Z999AA10123456785')).toBe(false);
    expect(upsCheckValid('1Z999AA1012345678')).toBe(false);
  });

  it('GS1 check digit (SSCC, GTIN)', () => {
    expect(gs1CheckValid('4006381333931')).toBe(true); // a published EAN-13
    expect(gs1CheckValid('4006381333932')).toBe(false);
  });

  it('Romanian CNP control digit', () => {
    expect(cnpCheckValid('1850714120621')).toBe(true);
    expect(cnpCheckValid('1850714120622')).toBe(false);
    expect(cnpCheckValid('185071412062')).toBe(false);
  });

  it('Italian codice fiscale check character', () => {
    expect(codiceFiscaleCheckValid('RSSMRA85T10A562S')).toBe(true);
    expect(codiceFiscaleCheckValid('RSSMRA85T10A562T')).toBe(false);
    expect(codiceFiscaleCheckValid('rssmra85t10a562s')).toBe(false); // expects upper case
  });

  it('calendar validity', () => {
    expect(validDayMonth(29, 2, 2024)).toBe(true);
    expect(validDayMonth(29, 2, 2026)).toBe(false);
    expect(validDayMonth(29, 2)).toBe(true);
    expect(validDayMonth(31, 4)).toBe(false);
    expect(validDayMonth(0, 1)).toBe(false);
    expect(validDayMonth(1, 13)).toBe(false);
  });
});
