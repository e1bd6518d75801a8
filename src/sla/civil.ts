/**
 * Proleptic Gregorian calendar arithmetic on "day numbers" (days since 1970-01-01).
 * Pure integer maths: no `Date`, so there are no two-digit-year or local-time surprises.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of a proleptic Gregorian date. `month` is 1–12. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of {@link daysFromCivil}: year, month (1–12) and day of a day number. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday index of a day number: 0 = Monday … 6 = Sunday. */
export function weekdayIndex(days: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((days + 3) % 7) + 7) % 7;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return `${year}`.padStart(4, '0');
  // ISO 8601 expanded representation, as `Date#toISOString` writes it.
  return `${year < 0 ? '-' : '+'}${`${Math.abs(year)}`.padStart(6, '0')}`;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDateOfDays(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${formatYear(year)}-${pad2(month)}-${pad2(day)}`;
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a strict `YYYY-MM-DD` date (years 0001–9999), or `undefined` when it is not a real date. */
export function parseIsoDate(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.length !== 10) return undefined;
  const m = ISO_DATE_RE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

const MONTH_DAY_RE = /^(?:--)?(\d{2})-(\d{2})$/;

/** `month * 100 + day` of a recurring `MM-DD` (or `--MM-DD`) date, or `undefined`. `02-29` is allowed. */
export function parseMonthDay(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.length > 7) return undefined;
  const m = MONTH_DAY_RE.exec(text);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) return undefined;
  return month * 100 + day;
}

/** Formats a UTC offset in milliseconds as `±HH:MM` (`±HH:MM:SS` for historic second-precision offsets). */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${pad2(h)}:${pad2(m)}${s ? `:${pad2(s)}` : ''}`;
}

/** ISO 8601 local date-time with offset, seconds precision: `2026-11-23T11:15:00+01:00`. */
export function formatLocal(localMs: number, offsetMs: number): string {
  const days = Math.floor(localMs / DAY_MS);
  const secOfDay = Math.floor((localMs - days * DAY_MS) / 1000);
  const h = Math.floor(secOfDay / 3600);
  const m = Math.floor((secOfDay % 3600) / 60);
  const s = secOfDay % 60;
  return `${isoDateOfDays(days)}T${pad2(h)}:${pad2(m)}:${pad2(s)}${formatOffset(offsetMs)}`;
}
