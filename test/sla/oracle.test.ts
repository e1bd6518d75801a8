import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessHours, compileCalendar, DEFAULT_CALENDAR, firstResponseDue, type BusinessCalendar } from '../../src/sla';

/**
 * An independent, deliberately naive reference: walk real time in 15-minute steps, read the wall clock with
 * Intl.DateTimeFormat, and count the steps during which the business is open. Valid for calendars whose
 * boundaries are whole hours and for starts and amounts on the quarter hour.
 */
const STEP = 15 * 60_000;
const WEEKDAY: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

interface Reference {
  timeZone: string;
  week: Array<Array<[number, number]>>; // index 0 = Monday, minutes
  closed: Set<string>;
}

function makeOpenAt(ref: Reference): (t: number) => boolean {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: ref.timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (t) => {
    const p: Record<string, string> = {};
    for (const part of format.formatToParts(t)) p[part.type] = part.value;
    const date = `${p.year}-${p.month}-${p.day}`;
    if (ref.closed.has(date)) return false;
    const minute = Number(p.hour) * 60 + Number(p.minute);
    return ref.week[WEEKDAY[p.weekday!]!]!.some(([o, c]) => minute >= o && minute < c);
  };
}

function referenceDue(openAt: (t: number) => boolean, start: number, hours: number): number {
  let steps = Math.round(hours * 4);
  let t = start;
  if (steps === 0) {
    while (!openAt(t)) t += STEP;
    return t;
  }
  for (;;) {
    if (openAt(t) && --steps === 0) return t + STEP;
    t += STEP;
  }
}

// Swedish holidays of 2026 and 2027, written out from the almanac.
const SWEDISH_2026_2027 = [
  '2026-01-01', '2026-01-06', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-24',
  '2026-06-06', '2026-06-19', '2026-06-20', '2026-10-31', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31',
  '2027-01-01', '2027-01-06', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-16',
  '2027-06-06', '2027-06-25', '2027-06-26', '2027-11-06', '2027-12-24', '2027-12-25', '2027-12-26', '2027-12-31',
];

const office: Array<[number, number]> = [[480, 1020]];
const lunch: Array<[number, number]> = [
  [540, 780],
  [840, 1080],
];

const cases: Array<{ name: string; calendar: BusinessCalendar; ref: Reference }> = [
  {
    name: 'default Stockholm calendar',
    calendar: DEFAULT_CALENDAR,
    ref: { timeZone: 'Europe/Stockholm', week: [office, office, office, office, office, [], []], closed: new Set(SWEDISH_2026_2027) },
  },
  {
    name: 'Rome with a lunch break and a Saturday morning',
    calendar: compileCalendar({
      timeZone: 'Europe/Rome',
      hours: { mon: ['09:00-13:00', '14:00-18:00'], tue: ['09:00-13:00', '14:00-18:00'], wed: ['09:00-13:00', '14:00-18:00'], thu: ['09:00-13:00', '14:00-18:00'], fri: ['09:00-13:00', '14:00-18:00'], sat: '09:00-12:00' },
      holidays: { swedish: false, extra: ['12-08', '2026-08-14'] },
    }),
    ref: {
      timeZone: 'Europe/Rome',
      week: [lunch, lunch, lunch, lunch, lunch, [[540, 720]], []],
      closed: new Set(['2026-12-08', '2027-12-08', '2026-08-14']),
    },
  },
  {
    name: 'Bucharest, Monday–Friday 09–17',
    calendar: compileCalendar({ timeZone: 'Europe/Bucharest', hours: { mon: '09:00-17:00', tue: '09:00-17:00', wed: '09:00-17:00', thu: '09:00-17:00', fri: '09:00-17:00' }, holidays: { swedish: false } }),
    ref: { timeZone: 'Europe/Bucharest', week: [[[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], [], []], closed: new Set() },
  },
];

const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2027, 10, 1);
const quarterHourStart = fc.integer({ min: 0, max: Math.floor((TO - FROM) / STEP) }).map((k) => FROM + k * STEP);
const quarterHours = fc.integer({ min: 0, max: 4 * 40 }).map((q) => q / 4);

describe('addBusinessHours agrees with a naive minute-walking reference', () => {
  for (const { name, calendar, ref } of cases) {
    const openAt = makeOpenAt(ref);

    it(`${name}: random starts and amounts in 2026–2027`, () => {
      fc.assert(
        fc.property(quarterHourStart, quarterHours, (start, hours) => {
          const due = addBusinessHours(new Date(start), hours, calendar);
          expect(Date.parse(due)).toBe(referenceDue(openAt, start, hours));
        }),
        { numRuns: 150 },
      );
    });

    it(`${name}: every quarter hour of the DST weekends`, () => {
      for (const weekendStart of [Date.UTC(2026, 2, 27, 12), Date.UTC(2026, 9, 23, 12), Date.UTC(2027, 2, 26, 12), Date.UTC(2027, 9, 29, 12)]) {
        for (let t = weekendStart; t < weekendStart + 4 * 86_400_000; t += 4 * STEP) {
          for (const hours of [0, 1.25, 9]) {
            expect(Date.parse(addBusinessHours(new Date(t), hours, calendar)), new Date(t).toISOString()).toBe(referenceDue(openAt, t, hours));
          }
        }
      }
    });
  }
});

describe('addBusinessHours properties', () => {
  it('prints the offset that is in force at the due time in the calendar zone', () => {
    const offsetOf = (iso: string) => {
      const part = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' })
        .formatToParts(new Date(iso))
        .find((p) => p.type === 'timeZoneName')!.value;
      return part === 'GMT' ? '+00:00' : part.slice(3);
    };
    fc.assert(
      fc.property(quarterHourStart, quarterHours, (start, hours) => {
        const due = addBusinessHours(new Date(start), hours);
        expect(due.slice(19)).toBe(offsetOf(due));
      }),
      { numRuns: 100 },
    );
  });

  it('is monotonic in the amount and additive when split', () => {
    fc.assert(
      fc.property(quarterHourStart, quarterHours, quarterHours.filter((h) => h > 0), (start, a, b) => {
        const s = new Date(start).toISOString();
        const dueA = addBusinessHours(s, a);
        const dueAB = addBusinessHours(s, a + b);
        expect(Date.parse(dueAB)).toBeGreaterThan(Date.parse(dueA));
        expect(addBusinessHours(dueA, b)).toBe(dueAB);
      }),
      { numRuns: 150 },
    );
  });

  it('on a round-the-clock UTC calendar equals plain addition', () => {
    const utc = compileCalendar({
      timeZone: 'UTC',
      hours: { mon: '00:00-24:00', tue: '00:00-24:00', wed: '00:00-24:00', thu: '00:00-24:00', fri: '00:00-24:00', sat: '00:00-24:00', sun: '00:00-24:00' },
      holidays: { swedish: false },
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), fc.integer({ min: 0, max: 100_000 }), (start, minutes) => {
        const startSec = Math.floor(start / 1000) * 1000;
        const due = addBusinessHours(new Date(start), minutes / 60, utc);
        expect(due).toBe(`${new Date(startSec + minutes * 60_000).toISOString().slice(0, 19)}+00:00`);
      }),
      { numRuns: 200 },
    );
  });

  it('firstResponseDue never throws on arbitrary input', () => {
    const sla = { targets: { high: 4 } };
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything()), fc.string(), (receivedAt, priority) => {
        expect(() => firstResponseDue(receivedAt as string, priority, sla)).not.toThrow();
        expect(() => firstResponseDue(receivedAt as string, 'high', sla)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
