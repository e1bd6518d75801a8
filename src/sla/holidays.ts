import { civilFromDays, daysFromCivil, isoDateOfDays, weekdayIndex } from './civil';

/** A Swedish public holiday, or one of the eves that are treated as holidays (julafton, midsommarafton, nyårsafton). */
export interface SwedishHoliday {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Swedish name, e.g. `Långfredagen`. */
  name: string;
  /** `true` for the public holidays of the Swedish holiday law, `false` for the eves that are de-facto days off. */
  official: boolean;
}

/**
 * Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, also known as Meeus/Jones/Butcher),
 * as a day number.
 */
export function easterSundayDays(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** First day number on or after `from` that falls on ISO weekday index `weekday` (0 = Monday … 6 = Sunday). */
function onOrAfter(from: number, weekday: number): number {
  return from + ((weekday - weekdayIndex(from) + 7) % 7);
}

const FRIDAY = 4;
const SATURDAY = 5;

type HolidayDay = readonly [days: number, name: string, official: boolean];

function holidayDays(year: number): HolidayDay[] {
  const easter = easterSundayDays(year);
  const midsommarafton = onOrAfter(daysFromCivil(year, 6, 19), FRIDAY);
  const list: HolidayDay[] = [
    [daysFromCivil(year, 1, 1), 'Nyårsdagen', true],
    [daysFromCivil(year, 1, 6), 'Trettondedag jul', true],
    [easter - 2, 'Långfredagen', true],
    [easter, 'Påskdagen', true],
    [easter + 1, 'Annandag påsk', true],
    [daysFromCivil(year, 5, 1), 'Första maj', true],
    [easter + 39, 'Kristi himmelsfärdsdag', true],
    [easter + 49, 'Pingstdagen', true],
    [daysFromCivil(year, 6, 6), 'Sveriges nationaldag', true],
    [midsommarafton, 'Midsommarafton', false],
    [midsommarafton + 1, 'Midsommardagen', true],
    [onOrAfter(daysFromCivil(year, 10, 31), SATURDAY), 'Alla helgons dag', true],
    [daysFromCivil(year, 12, 24), 'Julafton', false],
    [daysFromCivil(year, 12, 25), 'Juldagen', true],
    [daysFromCivil(year, 12, 26), 'Annandag jul', true],
    [daysFromCivil(year, 12, 31), 'Nyårsafton', false],
  ];
  // Pingstdagen can fall on 6 June (Sveriges nationaldag); keep both entries, sorted by date (stable).
  return list.sort((x, y) => x[0] - y[0]);
}

/**
 * The Swedish public holidays of `year` plus julafton, midsommarafton and nyårsafton, sorted by date.
 * The current rules are applied to every year (annandag pingst, abolished in 2005, is not modelled).
 * Throws a `RangeError` unless `year` is an integer from 1583 (the first Gregorian year) to 9999.
 */
export function swedishHolidays(year: number): SwedishHoliday[] {
  checkYear('swedishHolidays', year);
  return holidayDays(year).map(([days, name, official]) => ({ date: isoDateOfDays(days), name, official }));
}

/** `YYYY-MM-DD` of Easter Sunday (Gregorian). Throws a `RangeError` unless `year` is an integer from 1583 to 9999. */
export function easterSunday(year: number): string {
  checkYear('easterSunday', year);
  return isoDateOfDays(easterSundayDays(year));
}

function checkYear(fn: string, year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`${fn}: year must be an integer from 1583 to 9999, got ${String(year)}`);
  }
}

const yearCache = new Map<number, ReadonlySet<number>>();
const YEAR_CACHE_LIMIT = 512;

/** Whether a day number is one of the dates of {@link swedishHolidays}. Memoised per year; any year works. */
export function isSwedishHolidayDay(days: number): boolean {
  const { year } = civilFromDays(days);
  let set = yearCache.get(year);
  if (set === undefined) {
    if (yearCache.size >= YEAR_CACHE_LIMIT) yearCache.clear();
    set = new Set(holidayDays(year).map((h) => h[0]));
    yearCache.set(year, set);
  }
  return set.has(days);
}
