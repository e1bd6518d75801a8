import { describe, expect, it } from 'vitest';
import { easterSunday, swedishHolidays } from '../../src/sla';

/** Weekday of a YYYY-MM-DD date via `Date` (0 = Sunday … 6 = Saturday), independent of the code under test. */
function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

function dateOf(year: number, name: string): string | undefined {
  return swedishHolidays(year).find((h) => h.name === name)?.date;
}

describe('easterSunday', () => {
  it.each([
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('is always a Sunday between 22 March and 25 April (1583–2500)', () => {
    for (let year = 1583; year <= 2500; year++) {
      const date = easterSunday(year);
      expect(weekday(date), date).toBe(0);
      const md = date.slice(5);
      expect(md >= '03-22' && md <= '04-25', date).toBe(true);
    }
  });

  it('rejects non-integer and out-of-range years', () => {
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
    expect(() => easterSunday(1000)).toThrow(RangeError);
    expect(() => swedishHolidays(Number.NaN)).toThrow(RangeError);
    expect(() => swedishHolidays(10_000)).toThrow(RangeError);
  });
});

describe('swedishHolidays', () => {
  it('lists all 16 days of 2026 in date order with their names', () => {
    expect(swedishHolidays(2026).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2026-01-01 Nyårsdagen',
      '2026-01-06 Trettondedag jul',
      '2026-04-03 Långfredagen',
      '2026-04-05 Påskdagen',
      '2026-04-06 Annandag påsk',
      '2026-05-01 Första maj',
      '2026-05-14 Kristi himmelsfärdsdag',
      '2026-05-24 Pingstdagen',
      '2026-06-06 Sveriges nationaldag',
      '2026-06-19 Midsommarafton',
      '2026-06-20 Midsommardagen',
      '2026-10-31 Alla helgons dag',
      '2026-12-24 Julafton',
      '2026-12-25 Juldagen',
      '2026-12-26 Annandag jul',
      '2026-12-31 Nyårsafton',
    ]);
  });

  it('marks only the eves as unofficial', () => {
    const unofficial = swedishHolidays(2026)
      .filter((h) => !h.official)
      .map((h) => h.name);
    expect(unofficial).toEqual(['Midsommarafton', 'Julafton', 'Nyårsafton']);
  });

  it('lists the 2027 dates', () => {
    expect(swedishHolidays(2027).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-01-06',
      '2027-03-26',
      '2027-03-28',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-16',
      '2027-06-06',
      '2027-06-25',
      '2027-06-26',
      '2027-11-06',
      '2027-12-24',
      '2027-12-25',
      '2027-12-26',
      '2027-12-31',
    ]);
  });

  it.each([
    [2024, '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-19', '2024-06-21', '2024-11-02'],
    [2025, '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-08', '2025-06-20', '2025-11-01'],
    [2026, '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-24', '2026-06-19', '2026-10-31'],
    [2027, '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-16', '2027-06-25', '2027-11-06'],
  ])('%i movable days', (year, langfredag, annandag, himmelsfard, pingst, midsommarafton, allaHelgon) => {
    expect(dateOf(year, 'Långfredagen')).toBe(langfredag);
    expect(dateOf(year, 'Annandag påsk')).toBe(annandag);
    expect(dateOf(year, 'Kristi himmelsfärdsdag')).toBe(himmelsfard);
    expect(dateOf(year, 'Pingstdagen')).toBe(pingst);
    expect(dateOf(year, 'Midsommarafton')).toBe(midsommarafton);
    expect(dateOf(year, 'Alla helgons dag')).toBe(allaHelgon);
  });

  it('places midsommar and alla helgons dag on the right weekdays and ranges (1900–2100)', () => {
    for (let year = 1900; year <= 2100; year++) {
      const afton = dateOf(year, 'Midsommarafton')!;
      const dagen = dateOf(year, 'Midsommardagen')!;
      const helgon = dateOf(year, 'Alla helgons dag')!;
      expect(weekday(afton), afton).toBe(5);
      expect(afton >= `${year}-06-19` && afton <= `${year}-06-25`, afton).toBe(true);
      expect(weekday(dagen), dagen).toBe(6);
      expect(dagen >= `${year}-06-20` && dagen <= `${year}-06-26`, dagen).toBe(true);
      expect(weekday(helgon), helgon).toBe(6);
      expect(helgon >= `${year}-10-31` && helgon <= `${year}-11-06`, helgon).toBe(true);
      expect(weekday(dateOf(year, 'Långfredagen')!)).toBe(5);
      expect(weekday(dateOf(year, 'Kristi himmelsfärdsdag')!)).toBe(4);
      expect(weekday(dateOf(year, 'Pingstdagen')!)).toBe(0);
    }
  });

  it('returns fresh objects on every call', () => {
    const a = swedishHolidays(2026);
    a[0]!.date = 'changed';
    expect(swedishHolidays(2026)[0]!.date).toBe('2026-01-01');
  });
});
