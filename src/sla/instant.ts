import { DAY_MS, HOUR_MS, MINUTE_MS, daysFromCivil, daysInMonth } from './civil';
import type { ZoneOffsets } from './zone';

/** Earliest and latest accepted instants (ms): 0001-01-02T00:00Z … 9999-12-31T00:00Z. */
const MIN_INSTANT = daysFromCivil(1, 1, 2) * DAY_MS;
const MAX_INSTANT = daysFromCivil(9999, 12, 31) * DAY_MS;
const MIN_DAY = daysFromCivil(1, 1, 3);
const MAX_DAY = daysFromCivil(9999, 12, 30);

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/**
 * UTC instant (ms, whole seconds) of an ISO 8601 date-time string or a `Date`, or `undefined` when it is not one.
 *
 * Accepted: `2026-11-23T09:15:00+01:00`, `…Z`, `…-05:00`, `…+0100`, `…+01`, a space instead of `T`, optional
 * seconds and fractions (dropped: precision is whole seconds), `24:00` as the end of a day, a leap second `:60`
 * (read as `:59`). Without an offset the wall-clock time is read in the calendar's zone (inside a skipped hour:
 * the moment of the jump; inside a repeated hour: its first occurrence). A date alone is local midnight.
 */
export function parseInstant(input: unknown, zone: ZoneOffsets): number | undefined {
  let t: number;
  if (input instanceof Date) {
    t = input.getTime();
    if (!Number.isFinite(t)) return undefined;
    t = Math.floor(t / 1000) * 1000;
  } else if (typeof input === 'string') {
    if (input.length < 10 || input.length > 40) return undefined;
    const m = ISO_RE.exec(input.trim());
    if (!m) return undefined;
    const year = +m[1]!;
    const month = +m[2]!;
    const day = +m[3]!;
    const hour = m[4] === undefined ? 0 : +m[4];
    const minute = m[5] === undefined ? 0 : +m[5];
    let second = m[6] === undefined ? 0 : +m[6];
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    if (minute > 59 || second > 60 || hour > 24 || (hour === 24 && (minute !== 0 || second !== 0))) return undefined;
    if (second === 60) second = 59;
    const days = daysFromCivil(year, month, day);
    if (days < MIN_DAY || days > MAX_DAY) return undefined;
    const ofDay = hour * HOUR_MS + minute * MINUTE_MS + second * 1000;
    if (m[7] !== undefined) {
      t = days * DAY_MS + ofDay;
    } else if (m[8] !== undefined) {
      const oh = +m[9]!;
      const om = m[10] === undefined ? 0 : +m[10];
      if (oh > 23 || om > 59) return undefined;
      const offset = (oh * 60 + om) * MINUTE_MS * (m[8] === '-' ? -1 : 1);
      t = days * DAY_MS + ofDay - offset;
    } else {
      const ofMinutes = Math.floor(ofDay / MINUTE_MS);
      t = zone.instantAt(days, ofMinutes) + (ofDay - ofMinutes * MINUTE_MS);
    }
  } else {
    return undefined;
  }
  return t >= MIN_INSTANT && t <= MAX_INSTANT ? t : undefined;
}
