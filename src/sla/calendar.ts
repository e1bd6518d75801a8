import * as z from 'zod';
import { DAY_MS, civilFromDays, parseIsoDate, parseMonthDay, weekdayIndex } from './civil';
import { SlaError } from './errors';
import { isSwedishHolidayDay } from './holidays';
import { parseInstant } from './instant';
import {
  WEEKDAYS,
  calendarSchema,
  parseTimeRange,
  type CalendarConfig,
  type ParsedCalendarConfig,
  type TimeInterval,
  type Weekday,
} from './schema';
import { resolveTimeZone, zoneOffsets, type ZoneOffsets } from './zone';

/**
 * A compiled, immutable business calendar. Build it once with {@link compileCalendar} (or use
 * {@link DEFAULT_CALENDAR}) and reuse it for every inquiry.
 *
 * Precedence for a date: `special` hours › `holidays.open` (weekday hours) › holiday (`holidays.extra`, Swedish
 * holidays when enabled: closed) › weekday hours.
 */
export interface BusinessCalendar {
  /** Canonical IANA time zone, e.g. `Europe/Stockholm`. */
  readonly timeZone: string;
  /** Weekly opening hours: sorted, merged `[openMinute, closeMinute)` intervals in local wall-clock minutes. */
  readonly hours: Readonly<Record<Weekday, readonly TimeInterval[]>>;
  /** Holiday rules as configured (dates as given). */
  readonly holidays: {
    readonly swedish: boolean;
    readonly extra: readonly string[];
    readonly open: readonly string[];
  };
  /** Opening hours of specific dates, replacing weekday hours and holiday rules. */
  readonly special: Readonly<Record<string, readonly TimeInterval[]>>;
  /**
   * Whether `isoDate` (`YYYY-MM-DD`) is closed by a holiday rule (a Swedish holiday when enabled, or an `extra`
   * date) and not re-opened by `holidays.open` or `special`. Any weekday counts (a holiday on a Saturday is still
   * a holiday). `false` for anything that is not a valid date; never throws.
   */
  readonly isHoliday: (isoDate: string) => boolean;
  /** Effective opening intervals of `isoDate`; `[]` when closed or not a valid date. Never throws. */
  readonly openingHours: (isoDate: string) => readonly TimeInterval[];
  /** Whether `isoDate` has any opening hours. `false` for anything that is not a valid date; never throws. */
  readonly isBusinessDay: (isoDate: string) => boolean;
  /**
   * Whether the business is open at an instant (ISO 8601 string or `Date`, see `addBusinessHours`).
   * Throws `SlaError` (`INVALID_START`) for an invalid instant.
   */
  readonly isOpen: (at: string | Date) => boolean;
}

/** What the computations need from a compiled calendar; not part of the public object. */
export interface CalendarInternals {
  readonly zone: ZoneOffsets;
  /** Effective opening intervals of a day number. */
  readonly intervalsOn: (days: number) => readonly TimeInterval[];
}

const internals = new WeakMap<object, CalendarInternals>();

const EMPTY: readonly TimeInterval[] = Object.freeze([]);

/** Sorted, merged, frozen intervals of a `dayHours` value that passed the schema. */
function compileDay(value: string | string[] | null | undefined): readonly TimeInterval[] {
  const list = value == null ? [] : typeof value === 'string' ? [value] : value;
  const ranges = list
    .map((s) => parseTimeRange(s))
    .filter((r): r is TimeInterval => r !== undefined)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [open, close] of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && open <= last[1]) {
      if (close > last[1]) last[1] = close;
    } else {
      merged.push([open, close]);
    }
  }
  if (merged.length === 0) return EMPTY;
  return Object.freeze(merged.map((r) => Object.freeze(r) as TimeInterval));
}

interface CalendarParts {
  timeZone: string;
  format?: Intl.DateTimeFormat;
  week: readonly (readonly TimeInterval[])[];
  swedish: boolean;
  extra: readonly string[];
  open: readonly string[];
  special: ReadonlyMap<string, readonly TimeInterval[]>;
}

function buildCalendar(parts: CalendarParts): BusinessCalendar {
  const week = parts.week;
  const swedish = parts.swedish;
  const closedDays = new Set<number>();
  const closedEveryYear = new Set<number>();
  for (const d of parts.extra) {
    const days = parseIsoDate(d);
    if (days !== undefined) closedDays.add(days);
    else {
      const md = parseMonthDay(d);
      if (md !== undefined) closedEveryYear.add(md);
    }
  }
  const openDays = new Set<number>();
  for (const d of parts.open) {
    const days = parseIsoDate(d);
    if (days !== undefined) openDays.add(days);
  }
  const specialDays = new Map<number, readonly TimeInterval[]>();
  for (const [d, hours] of parts.special) {
    const days = parseIsoDate(d);
    if (days !== undefined) specialDays.set(days, hours);
  }

  const closedByRule = (days: number): boolean => {
    if (closedDays.has(days)) return true;
    if (closedEveryYear.size > 0) {
      const { month, day } = civilFromDays(days);
      if (closedEveryYear.has(month * 100 + day)) return true;
    }
    return swedish && isSwedishHolidayDay(days);
  };

  const intervalsOn = (days: number): readonly TimeInterval[] => {
    if (specialDays.size > 0) {
      const s = specialDays.get(days);
      if (s !== undefined) return s;
    }
    const weekly = week[weekdayIndex(days)] ?? EMPTY;
    if (weekly.length === 0 || openDays.has(days)) return weekly;
    return closedByRule(days) ? EMPTY : weekly;
  };

  let zone: ZoneOffsets | undefined;
  const getZone = (): ZoneOffsets => (zone ??= zoneOffsets(parts.timeZone, parts.format));

  const hours = {} as Record<Weekday, readonly TimeInterval[]>;
  WEEKDAYS.forEach((w, i) => {
    hours[w] = week[i] ?? EMPTY;
  });
  const special: Record<string, readonly TimeInterval[]> = {};
  for (const [d, h] of parts.special) special[d] = h;

  const calendar: BusinessCalendar = {
    timeZone: parts.timeZone,
    hours: Object.freeze(hours),
    holidays: Object.freeze({
      swedish,
      extra: Object.freeze([...parts.extra]),
      open: Object.freeze([...parts.open]),
    }),
    special: Object.freeze(special),
    isHoliday: (isoDate) => {
      const days = parseIsoDate(isoDate);
      return days !== undefined && !specialDays.has(days) && !openDays.has(days) && closedByRule(days);
    },
    openingHours: (isoDate) => {
      const days = parseIsoDate(isoDate);
      return days === undefined ? EMPTY : intervalsOn(days);
    },
    isBusinessDay: (isoDate) => {
      const days = parseIsoDate(isoDate);
      return days !== undefined && intervalsOn(days).length > 0;
    },
    isOpen: (at) => {
      const z = getZone();
      const t = parseInstant(at, z);
      if (t === undefined) throw invalidStart(at);
      const days = localDay(z, t);
      for (const [open, close] of intervalsOn(days)) {
        if (t >= z.instantAt(days, open) && t < z.instantAt(days, close)) return true;
      }
      return false;
    },
  };
  Object.freeze(calendar);
  internals.set(calendar, {
    get zone() {
      return getZone();
    },
    intervalsOn,
  });
  return calendar;
}

/** The error for an unusable start instant. */
export function invalidStart(value: unknown): SlaError {
  const shown =
    value instanceof Date ? 'an invalid Date' : typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : typeof value;
  return new SlaError(
    'INVALID_START',
    `Invalid start instant ${shown}: expected an ISO 8601 date-time such as "2026-11-23T09:15:00+01:00" (years 0001–9999) or a valid Date`,
  );
}

/**
 * Validates a `calendar:` configuration section and compiles it into an immutable {@link BusinessCalendar}.
 * Accepts the raw YAML value (every field optional) or an already parsed one.
 *
 * Throws `SlaError` with code `INVALID_CONFIG` and a readable message for an unknown time zone, a malformed
 * interval or date, unknown keys, or a week without any opening hours.
 */
export function compileCalendar(config?: CalendarConfig): BusinessCalendar {
  const parsed = calendarSchema().safeParse(config);
  if (!parsed.success) {
    throw new SlaError('INVALID_CONFIG', `Invalid calendar configuration:\n${z.prettifyError(parsed.error)}`);
  }
  return compileParsed(parsed.data);
}

function compileParsed(cfg: ParsedCalendarConfig): BusinessCalendar {
  const resolved = resolveTimeZone(cfg.timeZone);
  if (resolved === undefined) {
    // Unreachable after the schema check, kept for a clear message if `Intl` changes underneath.
    throw new SlaError('INVALID_CONFIG', `Invalid calendar configuration: unknown time zone "${cfg.timeZone}"`);
  }
  const week = WEEKDAYS.map((w) => compileDay(cfg.hours[w]));
  if (week.every((d) => d.length === 0)) {
    throw new SlaError(
      'INVALID_CONFIG',
      'Invalid calendar configuration: no opening hours on any weekday (set at least one, e.g. hours.mon: ["08:00-17:00"])',
    );
  }
  const special = new Map<string, readonly TimeInterval[]>();
  for (const [d, h] of Object.entries(cfg.special)) special.set(d, compileDay(h));
  return buildCalendar({
    timeZone: resolved.timeZone,
    format: resolved.format,
    week,
    swedish: cfg.holidays.swedish,
    extra: cfg.holidays.extra,
    open: cfg.holidays.open,
    special,
  });
}

const OFFICE_DAY: readonly TimeInterval[] = Object.freeze([Object.freeze([8 * 60, 17 * 60] as const)]);

/**
 * Europe/Stockholm, Monday–Friday 08:00–17:00, closed on the Swedish public holidays and on julafton,
 * midsommarafton and nyårsafton. Identical to `compileCalendar({})`; nothing is computed until it is used.
 */
export const DEFAULT_CALENDAR: BusinessCalendar = buildCalendar({
  timeZone: 'Europe/Stockholm',
  week: [OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, EMPTY, EMPTY],
  swedish: true,
  extra: [],
  open: [],
  special: new Map(),
});

const compiledConfigs = new WeakMap<object, BusinessCalendar>();

/**
 * The compiled calendar for a `BusinessCalendar` or a configuration object. Configuration objects are compiled on
 * first use and remembered by identity (do not mutate them afterwards); `undefined`/`null` mean the default.
 */
export function resolveCalendar(calendar: BusinessCalendar | CalendarConfig | null | undefined): {
  calendar: BusinessCalendar;
  internals: CalendarInternals;
} {
  if (calendar == null) return { calendar: DEFAULT_CALENDAR, internals: internals.get(DEFAULT_CALENDAR)! };
  if (typeof calendar === 'object') {
    const own = internals.get(calendar);
    if (own !== undefined) return { calendar: calendar as BusinessCalendar, internals: own };
    let compiled = compiledConfigs.get(calendar);
    if (compiled === undefined) {
      compiled = compileCalendar(calendar as CalendarConfig);
      compiledConfigs.set(calendar, compiled);
    }
    return { calendar: compiled, internals: internals.get(compiled)! };
  }
  // Not an object: the schema rejects it with a readable INVALID_CONFIG error.
  const compiled = compileCalendar(calendar as CalendarConfig);
  return { calendar: compiled, internals: internals.get(compiled)! };
}

/** Local day number (days since 1970-01-01 in the zone's wall-clock calendar) of instant `t`. */
export function localDay(zone: ZoneOffsets, t: number): number {
  return Math.floor((t + zone.offsetOf(t)) / DAY_MS);
}
