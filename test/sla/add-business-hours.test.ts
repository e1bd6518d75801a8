import { describe, expect, it } from 'vitest';
import {
  addBusinessHours,
  compileCalendar,
  DEFAULT_CALENDAR,
  firstResponseDue,
  SlaError,
  type CalendarConfig,
} from '../../src/sla';

const HOUR = 3_600_000;
const elapsedHours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR;

const every = (range: string | string[]): CalendarConfig['hours'] => ({
  mon: range,
  tue: range,
  wed: range,
  thu: range,
  fri: range,
  sat: range,
  sun: range,
});
const weekdays = (range: string | string[]): CalendarConfig['hours'] => ({
  mon: range,
  tue: range,
  wed: range,
  thu: range,
  fri: range,
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof SlaError ? e.code : `not an SlaError: ${String(e)}`;
  }
  return undefined;
}

describe('addBusinessHours with the default calendar (Stockholm, Mon–Fri 08–17, Swedish holidays)', () => {
  it('adds hours within one business day', () => {
    expect(addBusinessHours('2026-11-23T09:15:00+01:00', 2)).toBe('2026-11-23T11:15:00+01:00');
  });

  it('rolls a Friday-afternoon request over the weekend to Monday', () => {
    // Friday 15:30 → 17:00 uses 1.5 h, the remaining 2.5 h run from Monday 08:00.
    expect(addBusinessHours('2026-11-27T15:30:00+01:00', 4)).toBe('2026-11-30T10:30:00+01:00');
  });

  it('starts the clock at opening for a request before opening', () => {
    expect(addBusinessHours('2026-11-23T06:00:00+01:00', 1)).toBe('2026-11-23T09:00:00+01:00');
  });

  it('starts the clock at the next opening for a request after closing', () => {
    expect(addBusinessHours('2026-11-23T18:30:00+01:00', 1)).toBe('2026-11-24T09:00:00+01:00');
  });

  it('starts on Monday for a request on Saturday', () => {
    expect(addBusinessHours('2026-11-28T10:00:00+01:00', 3)).toBe('2026-11-30T11:00:00+01:00');
  });

  it('reports a due time at closing as the closing time, not the next opening', () => {
    expect(addBusinessHours('2026-11-23T15:00:00+01:00', 2)).toBe('2026-11-23T17:00:00+01:00');
    expect(addBusinessHours('2026-11-27T08:00:00+01:00', 9)).toBe('2026-11-27T17:00:00+01:00');
  });

  it('returns the next opening for zero hours, or the start itself while open', () => {
    expect(addBusinessHours('2026-11-23T17:00:00+01:00', 0)).toBe('2026-11-24T08:00:00+01:00');
    expect(addBusinessHours('2026-11-23T10:20:00+01:00', 0)).toBe('2026-11-23T10:20:00+01:00');
  });

  it('skips julafton, juldagen and annandag jul (Thursday–Saturday 2026) to Monday 28 December', () => {
    expect(addBusinessHours('2026-12-23T16:00:00+01:00', 2)).toBe('2026-12-28T09:00:00+01:00');
    expect(addBusinessHours('2026-12-24T10:00:00+01:00', 1)).toBe('2026-12-28T09:00:00+01:00');
  });

  it('skips nyårsafton and nyårsdagen into the next year', () => {
    // Wed 30 Dec: 1 h; Thu 31 Dec and Fri 1 Jan closed; weekend; Monday 4 January.
    expect(addBusinessHours('2026-12-30T16:00:00+01:00', 2)).toBe('2027-01-04T09:00:00+01:00');
  });

  it('skips Easter from skärtorsdag to annandag påsk', () => {
    // Thu 2 April: 1 h; Fri 3 (långfredagen) … Mon 6 (annandag påsk) closed; Tuesday 7 April.
    expect(addBusinessHours('2026-04-02T16:00:00+02:00', 3)).toBe('2026-04-07T10:00:00+02:00');
  });

  it('skips midsommarafton', () => {
    expect(addBusinessHours('2026-06-18T16:30:00+02:00', 1)).toBe('2026-06-22T08:30:00+02:00');
  });

  it('handles the spring DST switch over a weekend (64 real hours for 65 wall-clock hours)', () => {
    const start = '2026-03-27T16:00:00+01:00';
    const due = addBusinessHours(start, 2);
    expect(due).toBe('2026-03-30T09:00:00+02:00');
    expect(elapsedHours(start, due)).toBe(64);
  });

  it('handles the autumn DST switch over a weekend (66 real hours for 65 wall-clock hours)', () => {
    const start = '2026-10-23T16:00:00+02:00';
    const due = addBusinessHours(start, 2);
    expect(due).toBe('2026-10-26T09:00:00+01:00');
    expect(elapsedHours(start, due)).toBe(66);
  });

  it('adds fractional hours, rounded to whole minutes', () => {
    const start = '2026-11-23T09:15:00+01:00';
    expect(addBusinessHours(start, 0.25)).toBe('2026-11-23T09:30:00+01:00');
    expect(addBusinessHours(start, 1.5)).toBe('2026-11-23T10:45:00+01:00');
    expect(addBusinessHours(start, 1 / 3)).toBe('2026-11-23T09:35:00+01:00');
    expect(addBusinessHours(start, 0.1)).toBe('2026-11-23T09:21:00+01:00');
    expect(addBusinessHours(start, 0.01)).toBe('2026-11-23T09:16:00+01:00'); // 0.6 min → 1 min
    expect(addBusinessHours(start, 0.005)).toBe('2026-11-23T09:15:00+01:00'); // 0.3 min → 0 min
  });

  it('keeps seconds and drops fractions of a second', () => {
    expect(addBusinessHours('2026-11-23T09:15:42+01:00', 1)).toBe('2026-11-23T10:15:42+01:00');
    expect(addBusinessHours('2026-11-23T09:15:42.999+01:00', 1)).toBe('2026-11-23T10:15:42+01:00');
    // 30 s before closing + 1 min → 30 s on Monday, 30 s on Tuesday.
    expect(addBusinessHours('2026-11-23T16:59:30+01:00', 1 / 60)).toBe('2026-11-24T08:00:30+01:00');
  });

  it('accepts other offsets, UTC and Date objects, and answers in Stockholm time', () => {
    expect(addBusinessHours('2026-11-23T08:15:00Z', 2)).toBe('2026-11-23T11:15:00+01:00');
    expect(addBusinessHours('2026-11-23T03:15:00-05:00', 2)).toBe('2026-11-23T11:15:00+01:00');
    expect(addBusinessHours('2026-11-23T10:15:00+0200', 2)).toBe('2026-11-23T11:15:00+01:00');
    expect(addBusinessHours(new Date(Date.UTC(2026, 10, 23, 8, 15)), 2)).toBe('2026-11-23T11:15:00+01:00');
    // Friday 10:00 in New York is 16:00 in Stockholm: 1 h on Friday, 1 h on Monday.
    expect(addBusinessHours('2026-11-27T10:00:00-05:00', 2)).toBe('2026-11-30T09:00:00+01:00');
    // Summer: the answer carries +02:00.
    expect(addBusinessHours('2026-06-10T07:00:00Z', 1)).toBe('2026-06-10T10:00:00+02:00');
  });

  it('reads a date-time without offset as Stockholm wall-clock time', () => {
    expect(addBusinessHours('2026-11-23T09:15:00', 2)).toBe('2026-11-23T11:15:00+01:00');
    expect(addBusinessHours('2026-11-23 09:15', 2)).toBe('2026-11-23T11:15:00+01:00');
    expect(addBusinessHours('2026-11-23', 1)).toBe('2026-11-23T09:00:00+01:00');
  });
});

describe('addBusinessHours with custom calendars', () => {
  const rome = compileCalendar({
    timeZone: 'Europe/Rome',
    hours: weekdays(['09:00-13:00', '14:00-18:00']),
    holidays: { swedish: false, extra: ['12-08'] },
  });

  it('skips a lunch break', () => {
    // Monday 7 December 2026: 12–13 (1 h), lunch, 14–16 (2 h).
    expect(addBusinessHours('2026-12-07T12:00:00+01:00', 3, rome)).toBe('2026-12-07T16:00:00+01:00');
    expect(addBusinessHours('2026-12-07T11:00:00Z', 3, rome)).toBe('2026-12-07T16:00:00+01:00');
    expect(addBusinessHours('2026-12-07T13:30:00+01:00', 0.5, rome)).toBe('2026-12-07T14:30:00+01:00');
  });

  it('skips a recurring extra holiday (8 December every year)', () => {
    // 5 h on Monday 7 December, Tuesday 8 closed, 1 h on Wednesday.
    expect(addBusinessHours('2026-12-07T12:00:00+01:00', 6, rome)).toBe('2026-12-09T10:00:00+01:00');
    expect(addBusinessHours('2027-12-07T17:00:00+01:00', 2, rome)).toBe('2027-12-09T10:00:00+01:00');
  });

  it('does not close on Swedish holidays when they are switched off', () => {
    expect(addBusinessHours('2026-12-23T18:30:00+01:00', 1, rome)).toBe('2026-12-24T10:00:00+01:00');
  });

  it('works in Europe/Bucharest, including its DST switch', () => {
    const bucharest = compileCalendar({ timeZone: 'Europe/Bucharest', hours: weekdays('09:00-17:00'), holidays: { swedish: false } });
    // 09:15 in Stockholm is 10:15 in Bucharest.
    expect(addBusinessHours('2026-11-23T09:15:00+01:00', 2, bucharest)).toBe('2026-11-23T12:15:00+02:00');
    const start = '2026-03-27T16:00:00+02:00';
    const due = addBusinessHours(start, 2, bucharest);
    expect(due).toBe('2026-03-30T10:00:00+03:00');
    expect(elapsedHours(start, due)).toBe(65);
  });

  it('counts real time on a round-the-clock calendar across both DST switches', () => {
    const always = compileCalendar({ hours: every('00:00-24:00'), holidays: { swedish: false } });
    // Spring: 3 real hours after midnight the clock shows 04:00.
    expect(addBusinessHours('2026-03-29T00:00:00+01:00', 3, always)).toBe('2026-03-29T04:00:00+02:00');
    // Autumn: 3 real hours after midnight the clock shows 02:00 (the second time).
    expect(addBusinessHours('2026-10-25T00:00:00+02:00', 3, always)).toBe('2026-10-25T02:00:00+01:00');
    // Across a whole week including a switch.
    expect(addBusinessHours('2026-03-25T12:00:00+01:00', 24 * 7, always)).toBe('2026-04-01T13:00:00+02:00');
  });

  it('reads a local time inside the skipped hour as the moment of the jump, inside the repeated hour as its first occurrence', () => {
    const always = compileCalendar({ hours: every('00:00-24:00'), holidays: { swedish: false } });
    expect(addBusinessHours('2026-03-29T02:30:00', 0, always)).toBe('2026-03-29T03:00:00+02:00');
    expect(addBusinessHours('2026-10-25T02:30:00', 0, always)).toBe('2026-10-25T02:30:00+02:00');
  });

  it('shrinks opening hours that fall into the skipped spring hour', () => {
    const night = compileCalendar({ hours: every('02:00-04:00'), holidays: { swedish: false } });
    // 29 March: 02:00–03:00 does not exist, so the day has one real hour (03:00–04:00 CEST).
    expect(addBusinessHours('2026-03-29T00:00:00+01:00', 1, night)).toBe('2026-03-29T04:00:00+02:00');
    expect(addBusinessHours('2026-03-29T00:00:00+01:00', 1.5, night)).toBe('2026-03-30T02:30:00+02:00');
    expect(addBusinessHours('2026-03-29T00:00:00+01:00', 0, night)).toBe('2026-03-29T03:00:00+02:00');
  });

  it('lengthens opening hours that span the repeated autumn hour', () => {
    const night = compileCalendar({ hours: every('00:00-04:00'), holidays: { swedish: false } });
    // 25 October: 00:00 CEST → 04:00 CET is five real hours.
    expect(addBusinessHours('2026-10-25T00:00:00+02:00', 4.5, night)).toBe('2026-10-25T03:30:00+01:00');
    expect(addBusinessHours('2026-10-25T00:00:00+02:00', 5, night)).toBe('2026-10-25T04:00:00+01:00');
    expect(addBusinessHours('2026-10-25T00:00:00+02:00', 5.5, night)).toBe('2026-10-26T00:30:00+01:00');
  });

  it('opens at the first occurrence of a time inside the repeated autumn hour', () => {
    const late = compileCalendar({ hours: every('02:30-05:00'), holidays: { swedish: false } });
    // Opens 02:30 CEST (00:30Z), closes 05:00 CET (04:00Z): 3.5 real hours.
    expect(addBusinessHours('2026-10-25T00:00:00+02:00', 0, late)).toBe('2026-10-25T02:30:00+02:00');
    expect(addBusinessHours('2026-10-25T00:00:00+02:00', 3.5, late)).toBe('2026-10-25T05:00:00+01:00');
    // The second 02:45 (CET) lies inside the interval.
    expect(addBusinessHours('2026-10-25T02:45:00+01:00', 1, late)).toBe('2026-10-25T03:45:00+01:00');
  });

  it('treats intervals that touch at midnight as continuous', () => {
    const split = compileCalendar({ hours: every(['00:00-06:00', '22:00-24:00']), holidays: { swedish: false } });
    expect(addBusinessHours('2026-11-23T23:00:00+01:00', 2, split)).toBe('2026-11-24T01:00:00+01:00');
  });

  it('applies extra closed dates, re-opened dates and special hours', () => {
    expect(addBusinessHours('2026-11-23T16:00:00+01:00', 2, { holidays: { extra: ['2026-11-24'] } })).toBe(
      '2026-11-25T09:00:00+01:00',
    );
    expect(addBusinessHours('2026-12-23T16:00:00+01:00', 2, { holidays: { open: ['2026-12-24'] } })).toBe(
      '2026-12-24T09:00:00+01:00',
    );
    expect(addBusinessHours('2026-12-23T11:00:00+01:00', 2, { special: { '2026-12-23': ['08:00-12:00'] } })).toBe(
      '2026-12-28T09:00:00+01:00',
    );
    // A Saturday opened by special hours.
    expect(addBusinessHours('2026-11-27T16:00:00+01:00', 2, { special: { '2026-11-28': ['10:00-14:00'] } })).toBe(
      '2026-11-28T11:00:00+01:00',
    );
    // Special hours win over a holiday.
    expect(addBusinessHours('2026-12-23T16:00:00+01:00', 2, { special: { '2026-12-24': '09:00-12:00' } })).toBe(
      '2026-12-24T10:00:00+01:00',
    );
  });

  it('works with a calendar open on one weekday only', () => {
    const saturdays = compileCalendar({ hours: { sat: ['10:00-14:00'] } });
    // 4 h on Saturday 28 November, 1 h on Saturday 5 December.
    expect(addBusinessHours('2026-11-23T09:00:00+01:00', 5, saturdays)).toBe('2026-12-05T11:00:00+01:00');
  });

  it('gives the same answer for a configuration object and its compiled calendar', () => {
    const config: CalendarConfig = { timeZone: 'Europe/Rome', hours: weekdays(['09:00-13:00', '14:00-18:00']) };
    const compiled = compileCalendar(config);
    for (const start of ['2026-12-07T12:00:00+01:00', '2026-12-24T17:00:00+01:00', '2026-03-27T17:30:00+01:00']) {
      expect(addBusinessHours(start, 7.25, config)).toBe(addBusinessHours(start, 7.25, compiled));
    }
  });
});

describe('addBusinessHours errors', () => {
  it.each([
    '',
    'not a date',
    '2026-02-30T10:00:00Z',
    '2026-11-23T25:00:00Z',
    '2026-11-23T24:30:00Z',
    '2026-11-23T10:00:00+25:00',
    '23/11/2026 10:00',
    'Mon, 23 Nov 2026 09:15:00 +0100',
    '0000-01-01T00:00:00Z',
    '\uD800\uDC00\uD800',
    '2026-11-23T10:00:00Z\u0000',
  ])('rejects the start %j with INVALID_START', (start) => {
    expect(codeOf(() => addBusinessHours(start, 1))).toBe('INVALID_START');
  });

  it('rejects huge strings, invalid dates and non-strings quickly', () => {
    expect(codeOf(() => addBusinessHours('9'.repeat(10_000_000), 1))).toBe('INVALID_START');
    expect(codeOf(() => addBusinessHours(new Date(Number.NaN), 1))).toBe('INVALID_START');
    expect(codeOf(() => addBusinessHours(12345 as unknown as string, 1))).toBe('INVALID_START');
  });

  it.each([Number.NaN, -1, Number.POSITIVE_INFINITY, '2' as unknown as number])('rejects hours %j with INVALID_HOURS', (hours) => {
    expect(codeOf(() => addBusinessHours('2026-11-23T09:15:00+01:00', hours))).toBe('INVALID_HOURS');
  });

  it('gives up beyond the three-year horizon instead of looping', () => {
    expect(codeOf(() => addBusinessHours('2026-11-23T09:15:00+01:00', 1e6))).toBe('HORIZON_EXCEEDED');
    expect(codeOf(() => addBusinessHours('2026-11-23T09:15:00+01:00', 1e300))).toBe('HORIZON_EXCEEDED');
    // About 2.5 years of business hours still work: 5 500 h = 611 days of 9 h.
    expect(codeOf(() => addBusinessHours('2026-11-23T09:15:00+01:00', 5500))).toBeUndefined();
  });

  it('reports an invalid configuration object as INVALID_CONFIG', () => {
    expect(codeOf(() => addBusinessHours('2026-11-23T09:15:00+01:00', 1, { timeZone: 'Nowhere/City' }))).toBe('INVALID_CONFIG');
  });
});

describe('firstResponseDue', () => {
  const sla = { targets: { urgent: 2, high: 4, normal: 8, low: 24 } };

  it('adds the target of the priority in business hours', () => {
    expect(firstResponseDue('2026-11-27T15:30:00+01:00', 'high', sla)).toBe('2026-11-30T10:30:00+01:00');
    expect(firstResponseDue('2026-11-23T09:15:00+01:00', 'urgent', sla, DEFAULT_CALENDAR)).toBe('2026-11-23T11:15:00+01:00');
    // 24 business hours from Monday 09:15: Monday 7.75 h, Tuesday 9 h, Wednesday 7.25 h → 15:15.
    expect(firstResponseDue('2026-11-23T09:15:00+01:00', 'low', sla)).toBe('2026-11-25T15:15:00+01:00');
  });

  it('returns undefined instead of throwing for unusable input', () => {
    expect(firstResponseDue(undefined, 'high', sla)).toBeUndefined();
    expect(firstResponseDue('yesterday', 'high', sla)).toBeUndefined();
    expect(firstResponseDue('2026-11-23T09:15:00+01:00', 'critical', sla)).toBeUndefined();
    expect(firstResponseDue('2026-11-23T09:15:00+01:00', 'constructor', sla)).toBeUndefined();
    expect(firstResponseDue('2026-11-23T09:15:00+01:00', 'x', { targets: { x: -1 } })).toBeUndefined();
    expect(firstResponseDue('2026-11-23T09:15:00+01:00', 'x', { targets: { x: Number.NaN } })).toBeUndefined();
    expect(firstResponseDue('2026-11-23T09:15:00+01:00', 'x', { targets: { x: 1e9 } })).toBeUndefined();
    expect(firstResponseDue('2026-11-23T09:15:00+01:00', 'high', {} as { targets: Record<string, number> })).toBeUndefined();
    expect(firstResponseDue('\uDC00'.repeat(1000), 'high', sla)).toBeUndefined();
  });
});
