import * as z from 'zod';
import type { Assert, Same } from '../type-checks';
import { parseIsoDate, parseMonthDay } from './civil';
import { resolveTimeZone } from './zone';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Weekday keys of the `hours:` section, Monday first. */
export type Weekday = (typeof WEEKDAYS)[number];

/** `[openMinute, closeMinute)`: minutes after local midnight, `0 ≤ open < close ≤ 1440`. */
export type TimeInterval = readonly [openMinute: number, closeMinute: number];

const RANGE_RE = /^\s*(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})\s*$/;

/** Parses `"08:00-17:00"` (also `8:00 - 17:00`, an en dash, and `24:00` as a closing time). */
export function parseTimeRange(text: unknown): TimeInterval | undefined {
  if (typeof text !== 'string' || text.length > 40) return undefined;
  const m = RANGE_RE.exec(text);
  if (!m) return undefined;
  const open = toMinute(+m[1]!, +m[2]!);
  const close = toMinute(+m[3]!, +m[4]!);
  if (open === undefined || close === undefined || open >= close || open >= 1440) return undefined;
  return [open, close];
}

function toMinute(h: number, m: number): number | undefined {
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return undefined;
  return h * 60 + m;
}

/** Whether one day's opening hours, as written, open at all. */
function isOpenDay(value: unknown): boolean {
  const list = Array.isArray(value) ? value : [value];
  return list.some((s) => parseTimeRange(s) !== undefined);
}

/** A fresh copy of the default weekly hours: Monday–Friday 08:00–17:00. */
function defaultHours(): Record<Weekday, string[]> {
  return {
    mon: ['08:00-17:00'],
    tue: ['08:00-17:00'],
    wed: ['08:00-17:00'],
    thu: ['08:00-17:00'],
    fri: ['08:00-17:00'],
    sat: [],
    sun: [],
  };
}

function buildCalendarSchema() {
  const timeRange = z
    .string()
    .refine((s) => parseTimeRange(s) !== undefined, {
      message: 'Expected opening hours as "HH:MM-HH:MM" with the opening before the closing, e.g. "08:00-17:00" (use "24:00" for midnight at the end of the day)',
    })
    .describe('Opening interval "HH:MM-HH:MM" in local wall-clock time, e.g. "08:00-17:00"; closing may be "24:00".');

  const dayHours = z
    .union([z.array(timeRange), timeRange, z.null()])
    .optional()
    .describe('Opening intervals of one day: a list such as ["08:00-12:00", "13:00-17:00"] (a lunch break) or a single "08:00-17:00". Omitted, null or [] = closed. Overlapping intervals are merged.');

  const isoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, {
    message: 'Expected a date "YYYY-MM-DD", e.g. "2026-12-23"',
  });

  const closedDate = z
    .string()
    .refine((s) => parseIsoDate(s) !== undefined || parseMonthDay(s) !== undefined, {
      message: 'Expected a date "YYYY-MM-DD" (one day) or "MM-DD" (that day every year), e.g. "2026-12-23" or "12-23"',
    });

  const hoursSchema = z
    .object({
      mon: dayHours,
      tue: dayHours,
      wed: dayHours,
      thu: dayHours,
      fri: dayHours,
      sat: dayHours,
      sun: dayHours,
    })
    .strict()
    .default(defaultHours)
    .describe('Weekly opening hours per weekday (mon … sun). When this section is omitted: Monday–Friday 08:00–17:00. When it is given, a weekday that is omitted is closed.');

  const holidaysSchema = z
    .object({
      swedish: z
        .boolean()
        .default(true)
        .describe('Close on the Swedish public holidays plus julafton, midsommarafton and nyårsafton.'),
      extra: z
        .array(closedDate)
        .default(() => [])
        .describe('Additional closed dates: "YYYY-MM-DD" for one day, "MM-DD" for that day every year.'),
      open: z
        .array(isoDate)
        .default(() => [])
        .describe('Dates ("YYYY-MM-DD") that keep their weekday hours although a holiday rule or `extra` would close them.'),
    })
    .strict()
    .prefault({})
    .describe('Closed days on top of the weekly hours.');

  const specialSchema = z
    .record(z.string(), dayHours)
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (parseIsoDate(key) === undefined) {
          ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a date "YYYY-MM-DD"` });
        }
      }
    })
    .default(() => ({}))
    .describe('Opening hours for specific dates ("YYYY-MM-DD" → intervals, [] = closed). They replace the weekday hours and every holiday rule for that date, e.g. "2026-12-23": ["08:00-12:00"].');

  const calendar = z
    .object({
      timeZone: z
        .string()
        .superRefine((value, ctx) => {
          if (resolveTimeZone(value) === undefined) {
            ctx.addIssue({
              code: 'custom',
              message: `Unknown time zone "${value.slice(0, 64)}": use an IANA name such as "Europe/Stockholm", "Europe/Rome" or "Europe/Bucharest"`,
            });
          }
        })
        .default('Europe/Stockholm')
        .describe('IANA time zone of the opening hours, e.g. "Europe/Stockholm".'),
      hours: hoursSchema,
      holidays: holidaysSchema,
      special: specialSchema,
    })
    .strict()
    .superRefine((cfg, ctx) => {
      // Checked here, not only when the calendar is compiled, so that rule loading reports it at `hours`.
      if (!WEEKDAYS.some((w) => isOpenDay(cfg.hours[w]))) {
        ctx.addIssue({
          code: 'custom',
          path: ['hours'],
          message: 'no opening hours on any weekday (set at least one, e.g. hours.mon: ["08:00-17:00"])',
        });
      }
    })
    .prefault({})
    .describe('Business calendar used for SLA due times: time zone, weekly opening hours, holidays.');
  return calendar;
}

let calendarSchemaBuilt: ReturnType<typeof buildCalendarSchema> | undefined;

/**
 * Zod schema of the `calendar:` section of the rules configuration. Every field is optional; an omitted section
 * means Europe/Stockholm, Monday–Friday 08:00–17:00, closed on Swedish holidays.
 *
 * ```yaml
 * calendar:
 *   timeZone: Europe/Stockholm
 *   hours:
 *     mon: ["08:00-12:00", "13:00-17:00"]
 *     tue: ["08:00-17:00"]
 *     wed: "08:00-17:00"
 *     thu: ["08:00-17:00"]
 *     fri: ["08:00-16:00"]
 *     sat: []
 *   holidays:
 *     swedish: true
 *     extra: ["2026-12-23", "12-27"]
 *     open: []
 *   special:
 *     "2026-04-30": ["08:00-12:00"]
 * ```
 *
 * Built the first time it is needed: building zod schemas takes milliseconds at start-up.
 */
export function calendarSchema(): ReturnType<typeof buildCalendarSchema> {
  return (calendarSchemaBuilt ??= buildCalendarSchema());
}

/** One day's opening hours as written: a list of "HH:MM-HH:MM" intervals, one interval, or closed. */
export type DayHoursConfig = string[] | string | null | undefined;

/**
 * The `calendar:` section as written in YAML (every field optional). Written out by hand so that the
 * published types need no zod; the check below keeps it equal to the schema's input type.
 */
export interface CalendarConfig {
  timeZone?: string | undefined;
  hours?: Partial<Record<Weekday, DayHoursConfig>> | undefined;
  holidays?: { swedish?: boolean | undefined; extra?: string[] | undefined; open?: string[] | undefined } | undefined;
  special?: Record<string, DayHoursConfig> | undefined;
}
type CalendarInput = NonNullable<z.input<ReturnType<typeof calendarSchema>>>;
/** Fails to compile when the schema and the interface drift apart. */
export type CalendarConfigMatchesSchema = Assert<Same<CalendarConfig, CalendarInput>>;
/** The `calendar:` section after validation, defaults filled in. */
export type ParsedCalendarConfig = z.output<ReturnType<typeof calendarSchema>>;
