import { MINUTE_MS, formatLocal } from './civil';
import { invalidStart, localDay, resolveCalendar, type BusinessCalendar } from './calendar';
import { SlaError } from './errors';
import { parseInstant } from './instant';
import type { CalendarConfig } from './schema';
import type { ZoneOffsets } from './zone';

/** How far after the start a due time is searched for: three years of calendar days. */
export const MAX_SEARCH_DAYS = 3 * 366;

/**
 * Adds `hours` business hours to `start` and returns the due time as ISO 8601 in the calendar's zone, with that
 * zone's offset, e.g. `"2026-11-23T11:15:00+01:00"`.
 *
 * - `start`: an ISO 8601 date-time with any offset (`+01:00`, `Z`, `-05:00`; without an offset it is wall-clock
 *   time in the calendar's zone) or a `Date`. Precision is whole seconds: seconds are kept, fractions dropped.
 * - `hours`: finite and ≥ 0, fractional allowed, rounded to whole minutes (`1.5` = 90 min, `0.1` = 6 min).
 * - Outside opening hours the clock starts at the next opening, so `0` hours gives the next opening (or `start`
 *   itself while open). A due time that ends exactly at a closing time is reported as that closing time.
 * - Business time is real elapsed time inside the opening intervals. Around DST switches intervals are mapped
 *   from wall-clock to real time as "the first moment the clock shows that time": opening hours that fall into
 *   the skipped spring hour shrink (02:00–04:00 on that day is one real hour, from the jump at 03:00), and an
 *   interval spanning the repeated autumn hour grows by it (00:00–04:00 is five real hours); a time inside the
 *   repeated hour means its first occurrence.
 * - `calendar`: a compiled {@link BusinessCalendar} (fast) or a `calendar:` configuration object (compiled on
 *   first use and cached by object identity). Default: {@link DEFAULT_CALENDAR}.
 *
 * Throws `SlaError`: `INVALID_START` (not an ISO 8601 date-time / invalid `Date` / outside years 0001–9999),
 * `INVALID_HOURS` (not a finite number ≥ 0), `HORIZON_EXCEEDED` (no due time within three years after the start),
 * `INVALID_CONFIG` (a configuration object that does not validate). Never throws otherwise.
 */
export function addBusinessHours(
  start: string | Date,
  hours: number,
  calendar?: BusinessCalendar | CalendarConfig,
): string {
  const { internals } = resolveCalendar(calendar);
  const zone = internals.zone;
  const t0 = parseInstant(start, zone);
  if (t0 === undefined) throw invalidStart(start);
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
    throw new SlaError('INVALID_HOURS', `Invalid number of business hours ${String(hours)}: expected a finite number ≥ 0`);
  }
  const due = addBusinessMs(zone, internals.intervalsOn, t0, Math.round(hours * 60) * MINUTE_MS);
  if (due === undefined) {
    throw new SlaError(
      'HORIZON_EXCEEDED',
      `No due time within ${MAX_SEARCH_DAYS} days after ${typeof start === 'string' ? start : start.toISOString()} (${hours} business hours)`,
    );
  }
  return formatLocal(due + zone.offsetOf(due), zone.offsetOf(due));
}

/** Walks the opening intervals day by day from `t0`; `undefined` when the horizon is reached first. */
function addBusinessMs(
  zone: ZoneOffsets,
  intervalsOn: (days: number) => readonly (readonly [number, number])[],
  t0: number,
  amount: number,
): number | undefined {
  let t = t0;
  let remaining = amount;
  const first = localDay(zone, t0);
  for (let days = first; days <= first + MAX_SEARCH_DAYS; days++) {
    const intervals = intervalsOn(days);
    for (let i = 0; i < intervals.length; i++) {
      const [open, close] = intervals[i]!;
      const end = zone.instantAt(days, close);
      if (end <= t) continue;
      const begin = zone.instantAt(days, open);
      const from = begin > t ? begin : t;
      if (end <= from) continue;
      const available = end - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
      t = end;
    }
  }
  return undefined;
}

/** SLA targets: business hours until the first response, per priority (e.g. `{ urgent: 2, high: 4, normal: 8, low: 24 }`). */
export interface SlaTargets {
  targets: Record<string, number>;
}

/**
 * Due time of the first response: `receivedAt` plus the business hours configured for `priority`
 * (see {@link addBusinessHours}). Returns `undefined` — never throws for any input — when `receivedAt` is missing
 * or invalid, the priority has no finite target ≥ 0, or the due time is beyond the search horizon.
 * Only an invalid calendar *configuration object* throws (`SlaError` `INVALID_CONFIG`), as that is a setup error.
 */
export function firstResponseDue(
  receivedAt: string | Date | undefined,
  priority: string,
  sla: SlaTargets,
  calendar?: BusinessCalendar | CalendarConfig,
): string | undefined {
  const targets = sla?.targets;
  if (targets == null || typeof targets !== 'object' || typeof priority !== 'string') return undefined;
  if (!Object.prototype.hasOwnProperty.call(targets, priority)) return undefined;
  const hours = targets[priority];
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) return undefined;
  const { internals } = resolveCalendar(calendar);
  const zone = internals.zone;
  const t0 = parseInstant(receivedAt, zone);
  if (t0 === undefined) return undefined;
  const due = addBusinessMs(zone, internals.intervalsOn, t0, Math.round(hours * 60) * MINUTE_MS);
  if (due === undefined) return undefined;
  const offset = zone.offsetOf(due);
  return formatLocal(due + offset, offset);
}
