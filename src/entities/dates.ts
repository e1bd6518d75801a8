/**
 * Dates, normalised to ISO `YYYY-MM-DD`.
 *
 * - Numeric dates are read day first (d/m, d.m.yyyy, d-m-yyyy) in every language, as Swedish,
 *   Italian, Romanian and British writers do; month first only when day-first is impossible and
 *   month-first valid ("11/23/2026"). `yyyy-mm-dd` and `yyyy/mm/dd` are year first.
 * - Day-month without a year needs `/` ("3/11"); "3.11" and "3-11" are too often decimals or
 *   ranges. Two-digit years mean 20yy. The common fractions 1/2, 1/3, 2/3, 1/4 and 3/4 without a
 *   year are dates only after a date word ("den 3/4", "on 1/2") and never before "av"/"of"/"di"/
 *   "din" ("1/2 av paketet"): see `isCommonFraction`.
 * - Month names in Swedish, English, Italian and Romanian: "3 november", "3:e november",
 *   "3e november", "3 novembre", "3 noiembrie", "Nov 3", "November 3rd, 2026", "3rd of November".
 * - A date without a year takes its year from `receivedAt`: the latest such date at most 60 days
 *   after the received date. Without `receivedAt` it is normalised to `--MM-DD` (ISO 8601 without
 *   year).
 * - Relative words ("igår", "igår kväll", "i förrgår", "ieri", "avantieri", "yesterday", "day
 *   before yesterday", "idag", "oggi", "azi", "today", "imorgon", "domani", "mâine", "tomorrow", …)
 *   only with `receivedAt`, from its calendar date as written (its own offset).
 */
import type { LanguageCode } from '../languages';
import { TIER, type Scan } from './candidates';
import { validDayMonth } from './checksums';
import { BackwardTokens, ForwardTokens, isWordCode, reverseWordHash, tokensBefore } from './text';

export interface DayRef {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of an ISO 8601 timestamp as written, or null when it does not start with one. */
export function parseReceivedAt(receivedAt: string | undefined): DayRef | null {
  if (typeof receivedAt !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(receivedAt.slice(0, 11));
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return validDayMonth(day, month, year) ? { year, month, day } : null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(year: number, month: number, day: number): string {
  const y = year < 1000 ? String(year).padStart(4, '0') : String(year);
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

const FUTURE_DAYS = 60;

/** Normalised date for day/month with an optional year, or null when it does not exist. */
export function resolveDate(day: number, month: number, year: number | null, ref: DayRef | null): string | null {
  if (year !== null) return validDayMonth(day, month, year) ? isoDate(year, month, day) : null;
  if (!validDayMonth(day, month)) return null;
  if (!ref) return `--${pad2(month)}-${pad2(day)}`;
  const refDay = dayNumber(ref.year, ref.month, ref.day);
  for (let y = ref.year + 1; y >= ref.year - 4; y--) {
    if (!validDayMonth(day, month, y)) continue;
    if (dayNumber(y, month, day) - refDay <= FUTURE_DAYS) return isoDate(y, month, day);
  }
  return null;
}

export function shiftDays(ref: DayRef, offset: number): string {
  const d = new Date(Date.UTC(ref.year, ref.month - 1, ref.day + offset));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Month words (folded) → month number. Abbreviations accept an optional trailing dot. */
const MONTHS: Record<string, number> = {
  // sv
  januari: 1, februari: 2, mars: 3, april: 4, maj: 5, juni: 6, juli: 7, augusti: 8, september: 9,
  oktober: 10, november: 11, december: 12, okt: 10,
  // en
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, august: 8, october: 10,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  // it
  gennaio: 1, febbraio: 2, marzo: 3, aprile: 4, maggio: 5, giugno: 6, luglio: 7, agosto: 8, settembre: 9,
  ottobre: 10, novembre: 11, dicembre: 12, gen: 1, mag: 5, giu: 6, lug: 7, ago: 8, set: 9, ott: 10, dic: 12,
  // ro
  ianuarie: 1, februarie: 2, martie: 3, aprilie: 4, mai: 5, iunie: 6, iulie: 7, septembrie: 9,
  octombrie: 10, noiembrie: 11, decembrie: 12, ian: 1, iun: 6, iul: 7, noi: 11,
};

export function monthNumber(word: string): number {
  return MONTHS[word.toLowerCase()] ?? 0;
}

/**
 * Abbreviations that are also everyday words ("set", "ago", "noi" = we, "mar", "gen") are dates only
 * with a year or a dot after them, or in the language they belong to.
 */
export const AMBIGUOUS_MONTHS: Record<string, string> = { set: 'it', ago: 'it', gen: 'it', noi: '', mar: '', mag: 'it', dic: 'it' };

const EN_MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec',
]);

const EN_MONTH_HASHES = new Set([...EN_MONTHS].map(reverseWordHash));

/** `yyyy-mm-dd`, `yyyy/mm/dd`, `yyyy.mm.dd` (sticky at the year). */
const ISO_DATE_RE = /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\p{L}\p{N}]|[-/.,]\p{N})/uy;

/** `d/m`, `d/m/yy(yy)`, `d.m.yy(yy)`, `d-m-yyyy` (sticky at the day). */
const NUMERIC_DATE_RE = /(\d{1,2})([-/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\p{L}\p{N}]|[-/.,:]\p{N})/uy;

let dayMonthRe: RegExp | undefined;
let relativeRe: RegExp | undefined;

/**
 * Sticky at a day number: "3 november", "3:e november", "3e november" (the Swedish ordinal is also
 * written without its colon), "3rd of November 2026", "3. novembre".
 */
function dayMonth(): RegExp {
  if (!dayMonthRe) {
    const months = Object.keys(MONTHS)
      .sort((x, y) => y.length - x.length)
      .join('|');
    dayMonthRe = new RegExp(
      `(\\d{1,2})(?::?[ea]|st|nd|rd|th|º|°|\\.)? ?(?:of |de )?(${months})(\\.)?(?:,? (\\d{4})(?![-./]\\d))?(?![\\p{L}\\p{N}])`,
      'iuy',
    );
  }
  return dayMonthRe;
}

/**
 * Whether the character after a day number can continue a `dayMonth` match: an ordinal suffix
 * (":e", "e", "a", "st", "nd", "rd", "th", "º", "°", "."), a space, or the first letter of a month
 * (case-insensitive; "ſ" is an "s" to that regex). Spares most numbers the month-name regex.
 */
function mayStartDayMonth(c: number): boolean {
  if (c >= 65 && c <= 90) c += 32;
  switch (c) {
    case 32: case 46: case 58: case 0xba: case 0xb0: case 0x17f:
    case 97: case 100: case 101: case 102: case 103: case 105: case 106: case 108: case 109: case 110: case 111: case 114: case 115: case 116:
      return true;
    default:
      return false;
  }
}

/** Sticky after the day of "Nov 3": ordinal suffix and year. */
const DAY_TAIL_RE = /(?:st|nd|rd|th)?(?:,? (\d{4}))?(?![\p{L}\p{N}]|[.,:/-]\p{N})/iuy;

/** Relative day words → offset in days from `receivedAt`. */
const RELATIVE: Record<string, number> = {
  'i förrgår': -2, 'i förgår': -2, förrgår: -2, igår: -1, 'i går': -1, idag: 0, 'i dag': 0, imorgon: 1,
  'i morgon': 1, 'i övermorgon': 2, övermorgon: 2,
  // "yesterday evening" / "yesterday morning" is yesterday; the whole phrase is the date
  igårkväll: -1, 'igår kväll': -1, 'i går kväll': -1, igårmorse: -1, 'igår morse': -1, 'i går morse': -1,
  'the day before yesterday': -2, 'day before yesterday': -2, yesterday: -1, today: 0, tomorrow: 1,
  'the day after tomorrow': 2, 'day after tomorrow': 2,
  "l'altro ieri": -2, "l'altroieri": -2, 'altro ieri': -2, "ieri l'altro": -2, avantieri: -2, "avant'ieri": -2,
  ieri: -1, oggi: 0, domani: 1, dopodomani: 2,
  alaltăieri: -2, alaltaieri: -2, azi: 0, astăzi: 0, astazi: 0, mâine: 1, maine: 1, poimâine: 2, poimaine: 2,
};

export function relativeOffset(word: string): number | undefined {
  return RELATIVE[word.toLowerCase().replace(/\s+/g, ' ').replace('’', "'")];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  word: boolean;
}

/**
 * The words as one regex trie ("a(?:zi|st(?:ăzi|azi)|…)|…"), matching what their alternation
 * sorted longest first matches: at each position only the branch of its first character is tried,
 * where a plain list tries every word (this scan runs over the whole text). Where one word is the
 * start of another, the longer is tried first (the empty alternative comes last).
 */
export function trieSource(words: string[]): string {
  const root: TrieNode = { next: new Map(), word: false };
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      const token = ch === ' ' ? '\\s' : ch === "'" ? "['’]" : ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      let child = node.next.get(token);
      if (!child) {
        child = { next: new Map(), word: false };
        node.next.set(token, child);
      }
      node = child;
    }
    node.word = true;
  }
  const source = (node: TrieNode): string => {
    const parts = [...node.next].map(([token, child]) => token + source(child));
    if (parts.length === 0) return '';
    if (node.word) parts.push('');
    return parts.length === 1 ? (parts[0] as string) : `(?:${parts.join('|')})`;
  };
  return source(root);
}

function relative(): RegExp {
  // no lookbehind and no "u" flag keep this whole-text scan cheap; word boundaries are checked in code
  relativeRe ??= new RegExp(trieSource(Object.keys(RELATIVE)), 'gi');
  return relativeRe;
}

/** Words before a number that make it a version, not a date ("version 2.3.14"). */
export const VERSION_WORDS = new Set(['version', 'versione', 'versiunea', 'versionen', 'ver', 'v', 'firmware', 'ios', 'android', 'build', 'release']);

function yearOf(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const y = Number(raw);
  return raw.length === 2 ? 2000 + y : y;
}

/** Words after "3 mai" that make "mai" Romanian "more", not May. */
const MAI_FOLLOWERS = /^ (?:mult|multe|multi|mulți|puțin|putin|puține|putine|bine|mare|mari|mic|mici|târziu|tarziu|devreme|repede|ieftin|scump|vechi|noi|noua|nouă)(?![\p{L}])/iu;

export function scanDates(scan: Scan, ref: DayRef | null, language: LanguageCode | undefined, hasDigits: boolean): void {
  const text = scan.text;
  if (hasDigits) {
    // indexed loops: iterating with for-of allocated an iterator here on every call
    const runs = scan.runs;
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      const len = run.end - run.start;
      if (len !== 4 && len > 2) continue;
      const next = text.charCodeAt(run.end);
      if (next !== 45 && next !== 47 && next !== 46) continue;
      const prev = run.start > 0 ? text.charCodeAt(run.start - 1) : 32;
      if (isWordCode(prev) || prev === 45 || prev === 46 || prev === 47) continue;
      if (len === 4) {
        ISO_DATE_RE.lastIndex = run.start;
        const m = ISO_DATE_RE.exec(text);
        if (!m) continue;
        const date = resolveDate(Number(m[4]), Number(m[3]), Number(m[1]), ref);
        if (date) scan.add('dates', run.start, run.start + m[0].length, date, TIER.date);
        continue;
      }
      if (prev === 44 || prev === 58) continue;
      NUMERIC_DATE_RE.lastIndex = run.start;
      const m = NUMERIC_DATE_RE.exec(text);
      if (!m) continue;
      const sep = m[2] as string;
      const a = Number(m[1]);
      const b = Number(m[3]);
      const yearRaw = m[4];
      if (yearRaw === undefined && sep !== '/') continue;
      if (yearRaw !== undefined && yearRaw.length === 2 && sep === '.' && ((m[1] as string).length < 2 || (m[3] as string).length < 2)) continue;
      if (yearRaw === undefined && a === 24 && b === 7) continue; // "24/7"
      if (yearRaw === undefined && isCommonFraction(a, b) && !fractionIsDate(scan, run.start, run.start + m[0].length)) continue;
      if (versionBefore(scan, run.start)) continue;
      const year = yearOf(yearRaw);
      let date = resolveDate(a, b, year, ref);
      if (!date && a <= 12 && b > 12) date = resolveDate(b, a, year, ref);
      if (date) scan.add('dates', run.start, run.start + m[0].length, date, TIER.date);
    }
    const dm = dayMonth();
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      const len = run.end - run.start;
      if (len > 2) continue;
      const prev = run.start > 0 ? text.charCodeAt(run.start - 1) : 32;
      if (isWordCode(prev) || prev === 46 || prev === 44 || prev === 58 || prev === 47 || prev === 45) continue;
      let d: RegExpExecArray | null = null;
      if (mayStartDayMonth(text.charCodeAt(run.end))) {
        dm.lastIndex = run.start;
        d = dm.exec(text);
      }
      if (d) {
        const word = (d[2] as string).toLowerCase();
        const month = monthNumber(word);
        const dotted = d[3] !== undefined;
        const yearRaw = d[4];
        if (!month || !monthAllowed(word, dotted, yearRaw !== undefined, language)) continue;
        const stop = run.start + d[0].length;
        if (word === 'mai' && yearRaw === undefined && MAI_FOLLOWERS.test(text.slice(stop, stop + 12))) continue;
        const date = resolveDate(Number(d[1]), month, yearOf(yearRaw), ref);
        // a dot after a full month name ends the sentence, it is not an abbreviation dot
        const end = dotted && yearRaw === undefined && word.length > 4 ? stop - 1 : stop;
        if (date) scan.add('dates', run.start, end, date, TIER.date);
        continue;
      }
      // English month first: "Nov 3", "November 3rd, 2026"
      if (prev !== 32) continue;
      // the month word must end right before ' ' or '. ': look for its last character first
      const p2 = run.start >= 2 ? text.charCodeAt(run.start - 2) : 32;
      if (!isWordCode(p2) && !(p2 === 46 && run.start >= 3 && isWordCode(text.charCodeAt(run.start - 3)))) continue;
      const t = new BackwardTokens(text, run.start, 12);
      // a plain word that hashes like no month is rejected without building its string
      if (!t.advance() || t.digits || (t.plain && !EN_MONTH_HASHES.has(t.hash))) continue;
      const word = t.word();
      if (!EN_MONTHS.has(word)) continue;
      const gap = text.slice(t.end, run.start);
      if (gap !== ' ' && gap !== '. ') continue;
      if (word === 'may' && text[t.start] !== 'M') continue; // "you may 2…"
      DAY_TAIL_RE.lastIndex = run.end;
      const tail = DAY_TAIL_RE.exec(text);
      if (!tail) continue;
      const yearRaw = tail[1];
      if (!monthAllowed(word, gap === '. ', yearRaw !== undefined, language)) continue;
      const date = resolveDate(Number(text.slice(run.start, run.end)), monthNumber(word), yearOf(yearRaw), ref);
      if (date) scan.add('dates', t.start, run.end + tail[0].length, date, TIER.date);
    }
  }
  if (ref) {
    const re = relative();
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const word = m[0];
      const end = m.index + word.length;
      if ((m.index > 0 && isWordCode(text.charCodeAt(m.index - 1))) || (end < text.length && isWordCode(text.charCodeAt(end)))) {
        re.lastIndex = m.index + 1;
        continue;
      }
      if (language === 'en' && word.toLowerCase() === 'maine') continue;
      const offset = relativeOffset(word);
      if (offset === undefined) continue;
      scan.add('dates', m.index, m.index + word.length, shiftDays(ref, offset), TIER.date);
    }
  }
}

function monthAllowed(word: string, dotted: boolean, hasYear: boolean, language: LanguageCode | undefined): boolean {
  const lang = AMBIGUOUS_MONTHS[word];
  if (lang === undefined || dotted || hasYear) return true;
  return lang !== '' && lang === language;
}

/**
 * 1/2, 1/3, 2/3, 1/4 and 3/4 are the fractions people write ("fick 1/2 av paketet", "3/4 of the
 * order", "rummet 3/4"); as dates they are 1 February, 1 March, 2 March, 1 April and 3 April.
 * Without a year such a pair is a date only when a date word comes right before it ("den 3/4",
 * "on 1/2", "il 2/3", "din 1/4") and no fraction word right after it ("1/2 av", "3/4 of", "1/2
 * di", "1/2 din"). Every other d/m ("3/11") stays a date without context: the fractions are the
 * pairs where a reading as a quantity is likely enough to ask for one.
 */
function isCommonFraction(a: number, b: number): boolean {
  return (a === 1 && b >= 2 && b <= 4) || (b === 3 && a === 2) || (b === 4 && a === 3);
}

/** Words (folded) before a day/month that say it is a date: prepositions of time, "date", "the day". */
const DATE_WORDS_BEFORE = new Set([
  // sv
  'den', 'fran', 'sedan', 'till', 'fore', 'efter', 'innan', 'per', 'datum', 'dagen', 'mellan', 'senast',
  // en
  'on', 'from', 'since', 'until', 'till', 'by', 'before', 'after', 'date', 'dated', 'between',
  // it
  'il', 'del', 'dal', 'al', 'entro', 'dopo', 'prima', 'data', 'giorno', 'fino',
  // ro
  'pe', 'din', 'pana', 'dupa', 'inainte', 'data', 'ziua',
]);

/** Words (folded) after a number that make it a fraction of something: "of", "av", "di", "din". */
const FRACTION_WORDS_AFTER = new Set(['av', 'of', 'di', 'del', 'della', 'dello', 'dei', 'delle', 'din']);

function fractionIsDate(scan: Scan, start: number, end: number): boolean {
  const after = new ForwardTokens(scan.text, end, 12);
  if (after.advance() && !after.digits && after.start <= end + 1 && FRACTION_WORDS_AFTER.has(after.word())) return false;
  const t = tokensBefore(scan.text, start, 1, 16)[0];
  return t !== undefined && !t.digits && t.end >= start - 1 && DATE_WORDS_BEFORE.has(t.word);
}

function versionBefore(scan: Scan, pos: number): boolean {
  const t = tokensBefore(scan.text, pos, 1, 16)[0];
  return t !== undefined && !t.digits && t.end >= pos - 1 && VERSION_WORDS.has(t.word);
}
