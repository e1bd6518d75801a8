import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { calendarSchema, compileCalendar, DEFAULT_CALENDAR, parseTimeRange, SlaError } from '../../src/sla';

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof SlaError && e.code === 'INVALID_CONFIG') return e.message;
    throw e;
  }
  throw new Error('expected an INVALID_CONFIG error');
}

describe('DEFAULT_CALENDAR', () => {
  it('is Stockholm, Monday–Friday 08:00–17:00, with Swedish holidays', () => {
    expect(DEFAULT_CALENDAR.timeZone).toBe('Europe/Stockholm');
    expect(DEFAULT_CALENDAR.hours.mon).toEqual([[480, 1020]]);
    expect(DEFAULT_CALENDAR.hours.fri).toEqual([[480, 1020]]);
    expect(DEFAULT_CALENDAR.hours.sat).toEqual([]);
    expect(DEFAULT_CALENDAR.hours.sun).toEqual([]);
    expect(DEFAULT_CALENDAR.holidays.swedish).toBe(true);
  });

  it('matches compileCalendar() with no configuration', () => {
    const compiled = compileCalendar();
    expect(compiled.timeZone).toBe(DEFAULT_CALENDAR.timeZone);
    expect(compiled.hours).toEqual(DEFAULT_CALENDAR.hours);
    expect(compiled.holidays).toEqual(DEFAULT_CALENDAR.holidays);
    expect(compileCalendar({}).hours).toEqual(DEFAULT_CALENDAR.hours);
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(DEFAULT_CALENDAR)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CALENDAR.hours)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CALENDAR.hours.mon)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CALENDAR.hours.mon[0])).toBe(true);
    expect(() => {
      (DEFAULT_CALENDAR.hours.mon as Array<readonly [number, number]>).push([0, 1]);
    }).toThrow(TypeError);
    const custom = compileCalendar({ hours: { mon: ['08:00-12:00'] }, special: { '2026-12-23': [] } });
    expect(Object.isFrozen(custom.special)).toBe(true);
    expect(Object.isFrozen(custom.holidays.extra)).toBe(true);
  });
});

describe('isHoliday / isBusinessDay / openingHours / isOpen', () => {
  it('knows the Swedish holidays and eves', () => {
    expect(DEFAULT_CALENDAR.isHoliday('2026-12-24')).toBe(true);
    expect(DEFAULT_CALENDAR.isHoliday('2026-06-19')).toBe(true);
    expect(DEFAULT_CALENDAR.isHoliday('2026-10-31')).toBe(true); // a Saturday, still a holiday
    expect(DEFAULT_CALENDAR.isHoliday('2026-12-23')).toBe(false);
    expect(DEFAULT_CALENDAR.isHoliday('2026-11-28')).toBe(false); // an ordinary Saturday
  });

  it('never throws on junk dates', () => {
    for (const junk of ['', 'x', '2026-02-30', '2026-13-01', '2026-1-1', '\uD800'.repeat(10), 'y'.repeat(1_000_000)]) {
      expect(DEFAULT_CALENDAR.isHoliday(junk)).toBe(false);
      expect(DEFAULT_CALENDAR.isBusinessDay(junk)).toBe(false);
      expect(DEFAULT_CALENDAR.openingHours(junk)).toEqual([]);
    }
    expect(DEFAULT_CALENDAR.isHoliday(undefined as unknown as string)).toBe(false);
  });

  it('reports business days and effective hours', () => {
    expect(DEFAULT_CALENDAR.isBusinessDay('2026-11-23')).toBe(true);
    expect(DEFAULT_CALENDAR.isBusinessDay('2026-11-28')).toBe(false);
    expect(DEFAULT_CALENDAR.isBusinessDay('2026-04-06')).toBe(false);
    expect(DEFAULT_CALENDAR.openingHours('2026-11-23')).toEqual([[480, 1020]]);
    expect(DEFAULT_CALENDAR.openingHours('2026-12-25')).toEqual([]);
  });

  it('applies extra, recurring, open and special dates in that precedence', () => {
    const cal = compileCalendar({
      holidays: { extra: ['2026-11-24', '12-23'], open: ['2026-12-24', '2026-11-24'] },
      special: { '2026-12-23': ['08:00-12:00'], '2026-11-28': '10:00-14:00', '2026-11-25': [] },
    });
    expect(cal.isHoliday('2027-12-23')).toBe(true); // recurring extra
    expect(cal.isBusinessDay('2027-12-23')).toBe(false);
    expect(cal.isHoliday('2026-12-23')).toBe(false); // special hours instead
    expect(cal.openingHours('2026-12-23')).toEqual([[480, 720]]);
    expect(cal.isHoliday('2026-11-24')).toBe(false); // re-opened
    expect(cal.openingHours('2026-11-24')).toEqual([[480, 1020]]);
    expect(cal.isHoliday('2026-12-24')).toBe(false);
    expect(cal.openingHours('2026-12-24')).toEqual([[480, 1020]]);
    expect(cal.openingHours('2026-11-28')).toEqual([[600, 840]]); // a Saturday opened
    expect(cal.isBusinessDay('2026-11-25')).toBe(false); // a Wednesday closed
    expect(cal.isHoliday('2026-12-25')).toBe(true);
  });

  it('answers isOpen at interval edges, on holidays and in other offsets', () => {
    expect(DEFAULT_CALENDAR.isOpen('2026-11-23T08:00:00+01:00')).toBe(true);
    expect(DEFAULT_CALENDAR.isOpen('2026-11-23T07:59:59+01:00')).toBe(false);
    expect(DEFAULT_CALENDAR.isOpen('2026-11-23T16:59:59+01:00')).toBe(true);
    expect(DEFAULT_CALENDAR.isOpen('2026-11-23T17:00:00+01:00')).toBe(false);
    expect(DEFAULT_CALENDAR.isOpen('2026-11-23T07:30:00Z')).toBe(true);
    expect(DEFAULT_CALENDAR.isOpen('2026-12-24T10:00:00+01:00')).toBe(false);
    expect(DEFAULT_CALENDAR.isOpen('2026-11-28T10:00:00+01:00')).toBe(false);
    expect(() => DEFAULT_CALENDAR.isOpen('soon')).toThrow(SlaError);
  });
});

describe('compileCalendar validation', () => {
  it('throws a clear error for an unknown time zone', () => {
    const message = configError(() => compileCalendar({ timeZone: 'Europe/Atlantis' }));
    expect(message).toContain('Unknown time zone "Europe/Atlantis"');
    expect(message).toContain('timeZone');
  });

  it('canonicalises the time zone name', () => {
    expect(compileCalendar({ timeZone: 'europe/rome' }).timeZone).toBe('Europe/Rome');
  });

  it('rejects malformed intervals, dates and unknown keys', () => {
    expect(configError(() => compileCalendar({ hours: { mon: ['17:00-08:00'] } }))).toContain('hours.mon');
    expect(configError(() => compileCalendar({ hours: { mon: ['08:00-24:30'] } }))).toContain('HH:MM-HH:MM');
    expect(configError(() => compileCalendar({ hours: { mon: ['8-17'] } }))).toContain('HH:MM-HH:MM');
    expect(configError(() => compileCalendar({ hours: { monday: ['08:00-17:00'] } as never }))).toContain('monday');
    expect(configError(() => compileCalendar({ holidays: { extra: ['2026-02-30'] } }))).toContain('holidays.extra');
    expect(configError(() => compileCalendar({ holidays: { open: ['12-24'] } }))).toContain('holidays.open');
    expect(configError(() => compileCalendar({ special: { tomorrow: [] } }))).toContain('"tomorrow" is not a date');
    expect(configError(() => compileCalendar({ timezone: 'Europe/Rome' } as never))).toContain('timezone');
    expect(configError(() => compileCalendar('Europe/Rome' as never))).toContain('Invalid calendar configuration');
  });

  it('refuses a week without any opening hours', () => {
    expect(configError(() => compileCalendar({ hours: {} }))).toContain('no opening hours');
    expect(configError(() => compileCalendar({ hours: { mon: [], tue: null } }))).toContain('no opening hours');
  });

  it('treats omitted weekdays as closed once hours are given', () => {
    const cal = compileCalendar({ hours: { mon: '09:00-12:00' } });
    expect(cal.hours.mon).toEqual([[540, 720]]);
    expect(cal.hours.tue).toEqual([]);
  });

  it('sorts and merges overlapping or touching intervals', () => {
    const cal = compileCalendar({ hours: { mon: ['13:00-17:00', '08:00-12:00', '11:00-12:30', '17:00-18:00'] } });
    expect(cal.hours.mon).toEqual([
      [480, 750],
      [780, 1080],
    ]);
  });

  it('parses time ranges leniently but strictly in value', () => {
    expect(parseTimeRange('8:00-17:00')).toEqual([480, 1020]);
    expect(parseTimeRange(' 08:00 – 17:30 ')).toEqual([480, 1050]);
    expect(parseTimeRange('00:00-24:00')).toEqual([0, 1440]);
    expect(parseTimeRange('24:00-24:00')).toBeUndefined();
    expect(parseTimeRange('10:00-10:00')).toBeUndefined();
    expect(parseTimeRange('10:60-11:00')).toBeUndefined();
    expect(parseTimeRange(42)).toBeUndefined();
  });

  it('compiles the calendar section of a YAML rules file', () => {
    const yaml = `
calendar:
  timeZone: Europe/Bucharest
  hours:
    mon: ["09:00-13:00", "14:00-18:00"]
    tue: "09:00-18:00"
    wed: ["09:00-18:00"]
    thu: ["09:00-18:00"]
    fri: ["09:00-16:00"]
    sat:
  holidays:
    swedish: false
    extra: [2026-12-01, 01-24]
  special:
    2026-12-31: ["09:00-12:00"]
`;
    const raw = (parseYaml(yaml) as { calendar: unknown }).calendar;
    const parsed = calendarSchema().parse(raw);
    expect(parsed.holidays.open).toEqual([]);
    const cal = compileCalendar(parsed);
    expect(cal.timeZone).toBe('Europe/Bucharest');
    expect(cal.hours.mon).toEqual([
      [540, 780],
      [840, 1080],
    ]);
    expect(cal.hours.sat).toEqual([]);
    expect(cal.isHoliday('2026-12-01')).toBe(true);
    expect(cal.isHoliday('2027-01-24')).toBe(true);
    expect(cal.isHoliday('2026-12-24')).toBe(false);
    expect(cal.openingHours('2026-12-31')).toEqual([[540, 720]]);
  });

  it('fills every default in the schema', () => {
    expect(calendarSchema().parse(undefined)).toEqual({
      timeZone: 'Europe/Stockholm',
      hours: {
        mon: ['08:00-17:00'],
        tue: ['08:00-17:00'],
        wed: ['08:00-17:00'],
        thu: ['08:00-17:00'],
        fri: ['08:00-17:00'],
        sat: [],
        sun: [],
      },
      holidays: { swedish: true, extra: [], open: [] },
      special: {},
    });
    // Defaults are fresh objects: changing one parse result does not leak into the next.
    const first = calendarSchema().parse({});
    (first.holidays.extra as string[]).push('2026-01-02');
    expect(calendarSchema().parse({}).holidays.extra).toEqual([]);
  });
});

describe('module loading', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints nothing on import', async () => {
    vi.resetModules();
    const spies = [
      vi.spyOn(console, 'log'),
      vi.spyOn(console, 'info'),
      vi.spyOn(console, 'warn'),
      vi.spyOn(console, 'error'),
      vi.spyOn(console, 'debug'),
      vi.spyOn(process.stdout, 'write'),
    ];
    const mod = await import('../../src/sla/index');
    expect(typeof mod.addBusinessHours).toBe('function');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('SlaError', () => {
  it('is an InquiryRouterError with a code, like every error the library throws', async () => {
    const { addBusinessHours } = await import('../../src/sla');
    const { InquiryRouterError } = await import('../../src/errors');
    let caught: unknown;
    try {
      addBusinessHours('not a date', 2);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InquiryRouterError);
    expect((caught as { code: string }).code).toBe('INVALID_START');
  });
});
