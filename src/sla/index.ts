/**
 * Business hours, Swedish holidays and SLA due times.
 *
 * ```ts
 * const calendar = compileCalendar(rules.calendar);          // once, when the rules are loaded
 * addBusinessHours('2026-11-27T15:30:00+01:00', 4, calendar); // '2026-11-30T10:30:00+01:00'
 * firstResponseDue(inquiry.receivedAt, 'high', { targets: { high: 4 } }, calendar);
 * ```
 */
export { calendarSchema, parseTimeRange, WEEKDAYS } from './schema';
export type { CalendarConfig, ParsedCalendarConfig, TimeInterval, Weekday } from './schema';
export { compileCalendar, DEFAULT_CALENDAR } from './calendar';
export type { BusinessCalendar } from './calendar';
export { addBusinessHours, firstResponseDue, MAX_SEARCH_DAYS } from './business-hours';
export type { SlaTargets } from './business-hours';
export { swedishHolidays, easterSunday } from './holidays';
export type { SwedishHoliday } from './holidays';
export { SlaError } from './errors';
export type { SlaErrorCode } from './errors';
