import { DAY_MS, MINUTE_MS, daysFromCivil } from './civil';

/**
 * UTC offsets of one IANA time zone, read from `Intl.DateTimeFormat` and memoised per local day.
 *
 * For a local day `d` the zone looks at the offsets over the 72 hours around it (UTC days d-1 … d+2). When the
 * offset is the same at both ends the day is "uniform" and every conversion is plain arithmetic; otherwise the
 * one transition in that window is located to the second by bisection (done once per day, then cached).
 * This assumes at most one offset change within any 72-hour window, which holds for every IANA zone in the
 * supported years.
 */
class DayOffsets {
  constructor(
    /** Offset (ms, local − UTC) before `at`. */
    readonly before: number,
    /** Offset from `at` on. */
    readonly after: number,
    /** UTC instant (ms) of the transition; `Infinity` when the offset is constant. */
    readonly at: number,
  ) {}
}

const FORMAT_RE = /^(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)$/;
const CACHE_LIMIT = 100_000;

export class ZoneOffsets {
  readonly timeZone: string;
  #format: Intl.DateTimeFormat | undefined;
  readonly #days = new Map<number, DayOffsets>();
  readonly #edges = new Map<number, number>();
  readonly #transitions: DayOffsets[] = [];

  /** `format` may be handed over when the caller already built one (it is created lazily otherwise). */
  constructor(timeZone: string, format?: Intl.DateTimeFormat) {
    this.timeZone = timeZone;
    this.#format = format;
  }

  /** Offset (ms, local − UTC) in force at UTC instant `t` (ms), straight from `Intl`. */
  offsetAt(t: number): number {
    const format = (this.#format ??= createFormat(this.timeZone));
    const seconds = Math.floor(t / 1000) * 1000;
    const m = FORMAT_RE.exec(format.format(seconds));
    let local: number;
    if (m) {
      local = wallMs(+m[3]!, +m[1]!, +m[2]!, +m[4]!, +m[5]!, +m[6]!);
    } else {
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(seconds)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
      local = wallMs(parts.year ?? 0, parts.month ?? 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
    }
    return local - seconds;
  }

  /** Offset (ms) in force at UTC instant `t` (ms), from the day cache. */
  offsetOf(t: number): number {
    const d = this.#day(Math.floor(t / DAY_MS));
    return t < d.at ? d.before : d.after;
  }

  /**
   * The UTC instant (ms) at which the local wall clock of day number `days` first shows `minute` minutes after
   * midnight (`minute` may be 1440, the next midnight). Inside a skipped hour (spring forward) this is the moment
   * of the jump; inside a repeated hour (fall back) it is the first occurrence. The mapping never decreases
   * when `minute` grows.
   */
  instantAt(days: number, minute: number): number {
    const d = this.#day(days);
    const wall = days * DAY_MS + minute * MINUTE_MS;
    if (d.at === Infinity) return wall - d.before;
    const early = wall - d.before;
    const late = wall - d.after;
    const earlyOk = early < d.at;
    const lateOk = late >= d.at;
    if (earlyOk && lateOk) return early < late ? early : late;
    if (earlyOk) return early;
    if (lateOk) return late;
    return d.at;
  }

  #day(days: number): DayOffsets {
    let d = this.#days.get(days);
    if (d !== undefined) return d;
    if (this.#days.size >= CACHE_LIMIT) {
      this.#days.clear();
      this.#edges.clear();
    }
    const lo = (days - 1) * DAY_MS;
    const hi = (days + 2) * DAY_MS;
    const before = this.#edge(days - 1);
    const after = this.#edge(days + 2);
    d = before === after ? new DayOffsets(before, before, Infinity) : this.#transition(lo, hi, before, after);
    this.#days.set(days, d);
    return d;
  }

  #edge(days: number): number {
    let o = this.#edges.get(days);
    if (o === undefined) {
      o = this.offsetAt(days * DAY_MS);
      this.#edges.set(days, o);
    }
    return o;
  }

  #transition(lo: number, hi: number, before: number, after: number): DayOffsets {
    for (const t of this.#transitions) {
      if (t.at > lo && t.at <= hi && t.before === before && t.after === after) return t;
    }
    let a = lo / 1000;
    let b = hi / 1000;
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (this.offsetAt(mid * 1000) === before) a = mid;
      else b = mid;
    }
    const found = new DayOffsets(before, this.offsetAt(b * 1000), b * 1000);
    if (this.#transitions.length >= 256) this.#transitions.length = 0;
    this.#transitions.push(found);
    return found;
  }
}

function wallMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return daysFromCivil(year, month, day) * DAY_MS + ((hour % 24) * 3600 + minute * 60 + second) * 1000;
}

function createFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/**
 * Canonical IANA name of `timeZone` and a formatter for it, or `undefined` when `Intl` does not know the zone.
 */
export function resolveTimeZone(timeZone: unknown): { timeZone: string; format: Intl.DateTimeFormat } | undefined {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return undefined;
  try {
    const format = createFormat(timeZone);
    return { timeZone: format.resolvedOptions().timeZone, format };
  } catch {
    return undefined;
  }
}

const zones = new Map<string, ZoneOffsets>();

/** The shared, memoising {@link ZoneOffsets} of a zone already validated with {@link resolveTimeZone}. */
export function zoneOffsets(timeZone: string, format?: Intl.DateTimeFormat): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = new ZoneOffsets(timeZone, format);
    zones.set(timeZone, zone);
  }
  return zone;
}
