/**
 * Money amounts: a number written with thousands separators (space, no-break space, `.`, `,`, `'`)
 * and/or a decimal part, next to a currency symbol, code or word.
 *
 * Number reading: the last `.` or `,` followed by exactly 1–2 digits is the decimal separator; a
 * single `.`/`,` followed by exactly three digits is a thousands separator ("1.299 kr" = 1299,
 * "€1,299.00" = 1299). Thousands groups must be of three digits after a first group of 1–3.
 */
import type { LanguageCode } from '../languages';
import { TIER, type Scan } from './candidates';
import { followedByUnit } from './lexicon';
import { isDigitCode, isWordCode } from './text';

export interface ParsedNumber {
  value: number;
  /** Offsets of the accepted number inside the raw string. */
  start: number;
  end: number;
}

interface Group {
  start: number;
  end: number;
  /** The separator character code before this group (0 for the first group). */
  sep: number;
}

function isSep(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 46 || c === 44 || c === 39 || c === 0x2019;
}

function splitGroups(raw: string): Group[] {
  const groups: Group[] = [];
  let i = 0;
  let sep = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      const start = i;
      while (i < raw.length && raw.charCodeAt(i) >= 48 && raw.charCodeAt(i) <= 57) i++;
      groups.push({ start, end: i, sep });
      sep = 0;
    } else if (isSep(c) && groups.length > 0 && sep === 0) {
      sep = c;
      i++;
    } else {
      // two separators in a row, or a leading separator: a new, unrelated number starts
      groups.push({ start: i, end: i, sep: -1 });
      sep = 0;
      i++;
    }
  }
  return groups;
}

function isSpaceSep(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 39 || c === 0x2019;
}

/** Value of groups[a..b] (inclusive) as one number, or NaN when the grouping is not a valid amount. */
function valueOf(raw: string, groups: Group[], a: number, b: number): number {
  const first = groups[a] as Group;
  if (first.end === first.start) return Number.NaN;
  if (a === b) {
    const len = first.end - first.start;
    return len <= 9 ? Number(raw.slice(first.start, first.end)) : Number.NaN;
  }
  let intEnd = b; // index of the last integer group
  let decimals = '';
  const last = groups[b] as Group;
  const lastLen = last.end - last.start;
  if ((last.sep === 46 || last.sep === 44) && lastLen >= 1 && lastLen <= 2) {
    decimals = raw.slice(last.start, last.end);
    intEnd = b - 1;
  }
  let thousandsSep = -1;
  let digits = raw.slice(first.start, first.end);
  if (intEnd > a) {
    if (first.end - first.start > 3) return Number.NaN;
    if (digits.charCodeAt(0) === 48) return Number.NaN;
  }
  for (let k = a + 1; k <= intEnd; k++) {
    const g = groups[k] as Group;
    if (g.sep <= 0 || g.end - g.start !== 3) return Number.NaN;
    if (thousandsSep === -1) thousandsSep = g.sep;
    else if (g.sep !== thousandsSep && !(isSpaceSep(g.sep) && isSpaceSep(thousandsSep))) return Number.NaN;
    digits += raw.slice(g.start, g.end);
  }
  if (decimals && thousandsSep === last.sep) return Number.NaN;
  if (digits.length > 12) return Number.NaN;
  return Number(decimals ? `${digits}.${decimals}` : digits);
}

/**
 * Reads the number at the end (`fromEnd`) or start of `raw`, taking the longest run of digit groups
 * that forms a valid amount.
 */
export function parseAmountNumber(raw: string, fromEnd: boolean): ParsedNumber | null {
  const groups = splitGroups(raw);
  const n = groups.length;
  if (n === 0) return null;
  if (fromEnd) {
    let lastIdx = n - 1;
    while (lastIdx >= 0 && (groups[lastIdx] as Group).end === (groups[lastIdx] as Group).start) lastIdx--;
    if (lastIdx < 0 || lastIdx !== n - 1) return null;
    for (let a = 0; a <= lastIdx; a++) {
      if ((groups[a] as Group).sep === -1) continue;
      if (a > 0 && (groups[a] as Group).sep !== 0 && isSpaceSep((groups[a] as Group).sep) === false) {
        // a group preceded by "." or "," cannot start a number
        continue;
      }
      let ok = true;
      for (let k = a + 1; k <= lastIdx; k++) if ((groups[k] as Group).sep <= 0) ok = false;
      if (!ok) continue;
      const v = valueOf(raw, groups, a, lastIdx);
      if (!Number.isNaN(v)) return { value: v, start: (groups[a] as Group).start, end: (groups[lastIdx] as Group).end };
    }
    return null;
  }
  const first = groups[0] as Group;
  if (first.start !== 0 || first.end === first.start) return null;
  let maxB = 0;
  while (maxB + 1 < n && (groups[maxB + 1] as Group).sep > 0) maxB++;
  for (let b = maxB; b >= 0; b--) {
    const v = valueOf(raw, groups, 0, b);
    if (!Number.isNaN(v)) return { value: v, start: 0, end: (groups[b] as Group).end };
  }
  return null;
}

/** Currency token (folded, as matched by the scanner) → ISO 4217 code. */
export function currencyCode(token: string): string | null {
  switch (token) {
    case 'kr':
    case 'kr.':
    case 'kronor':
    case 'krona':
    case 'kronan':
    case 'sek':
    case ':-':
    case ':–':
    case ',-':
      return 'SEK';
    case '€':
    case 'eur':
    case 'euro':
    case 'euros':
    case 'evro':
      return 'EUR';
    case 'lei':
    case 'leu':
    case 'ron':
      return 'RON';
    case '$':
    case 'us$':
    case 'usd':
    case 'dollar':
    case 'dollars':
    case 'dolari':
    case 'dollari':
    case 'dollaro':
      return 'USD';
    case '£':
    case 'gbp':
    case 'pound':
    case 'pounds':
    case 'sterline':
    case 'sterlina':
      return 'GBP';
    case 'nok':
      return 'NOK';
    case 'dkk':
      return 'DKK';
    case 'chf':
      return 'CHF';
    case 'pln':
    case 'zł':
      return 'PLN';
    default:
      return null;
  }
}

const CURRENCY_AFTER =
  'kronor|kronan|krona|kr|sek|:-|:–|,-|€|euros|euro|eur|lei|leu|ron|\\$|usd|dollars|dollar|dolari|dollari|dollaro|£|gbp|pounds|pound|sterline|sterlina|nok|dkk|chf|pln|zł';
const CURRENCY_BEFORE = '€|us\\$|\\$|£|eur|sek|usd|gbp|ron|lei|nok|dkk|chf|pln|kr';

/** Longest number part of an amount ("1 299 999,00" is 12). */
const MAX_NUMBER = 24;

let suffixRe: RegExp | undefined;
let prefixRe: RegExp | undefined;

/** Currency right after a number: "… kr", "…:-", "… €", "… de lei" (sticky at the number's end). */
function suffixCurrency(): RegExp {
  suffixRe ??= new RegExp(`[ \\u00a0\\u202f]?(?:de )?(${CURRENCY_AFTER})(?![\\p{L}\\p{N}])`, 'iuy');
  return suffixRe;
}

/** Currency right before a number: "€…", "$…", "EUR …" (matched against the few characters before it). */
function prefixCurrency(): RegExp {
  prefixRe ??= new RegExp(`(?:^|[^\\p{L}\\p{N}])(${CURRENCY_BEFORE})[ \\u00a0\\u202f]?$`, 'iu');
  return prefixRe;
}

/**
 * Amounts: for each digit cluster, a currency right after it ("1 299 kr", "49,90 €", "299:-",
 * "120 de lei", "35 dollars") or right before it ("€1,299.00", "$35.99", "EUR 40", "lei 120").
 * "Lei" before a number is also the Italian pronoun ("ho scritto a Lei 3 volte"): see `leiIsPronoun`.
 */
export function scanAmounts(scan: Scan, language?: LanguageCode): void {
  const text = scan.text;
  const suffix = suffixCurrency();
  const prefix = prefixCurrency();
  for (const c of scan.clusters) {
    suffix.lastIndex = c.end;
    const m = suffix.exec(text);
    if (m) {
      const cur = currencyCode((m[1] as string).toLowerCase());
      // an amount is at most MAX_NUMBER characters: read only the end of a long cluster, from a group start
      let from = Math.max(c.start, c.end - MAX_NUMBER);
      while (from > c.start && from < c.end && isDigitCode(text.charCodeAt(from - 1))) from++;
      const parsed = parseAmountNumber(text.slice(from, c.end), true);
      if (cur && parsed) {
        const start = from + parsed.start;
        const prev = start > 0 ? text.charCodeAt(start - 1) : 32;
        if (!isWordCode(prev) && !(start === c.start && (prev === 46 || prev === 44))) {
          scan.add('amounts', start, c.end + m[0].length, { value: parsed.value, currency: cur }, TIER.amount);
        }
      }
    }
    if (c.start === 0 || !currencyEndsAt(text, c.start)) continue;
    const p = prefix.exec(text.slice(Math.max(0, c.start - 6), c.start));
    if (!p) continue;
    const word = (p[1] as string).toLowerCase();
    // "lei 120 euro": the currency written after the number is the one meant (the amount above)
    if (word === 'lei' && m) continue;
    const cur = currencyCode(word);
    let to = Math.min(c.end, c.start + MAX_NUMBER);
    while (to < c.end && to > c.start && isDigitCode(text.charCodeAt(to))) to--;
    const parsed = parseAmountNumber(text.slice(c.start, to), false);
    if (!cur || !parsed) continue;
    const end = c.start + parsed.end;
    if (end < text.length && isWordCode(text.charCodeAt(end))) continue;
    const last = p[0].charCodeAt(p[0].length - 1);
    const space = last === 32 || last === 0xa0 || last === 0x202f ? 1 : 0;
    const start = c.start - space - (p[1] as string).length;
    // "… 300 kr 2 st", "… 120 lei 2 buc": that "kr" / "lei" belongs to the amount before it
    if ((cur === 'SEK' || word === 'lei') && amountBefore(text, start)) continue;
    if (word === 'lei' && leiIsPronoun(scan, p[1] as string, start, end, language)) continue;
    scan.add('amounts', start, end, { value: parsed.value, currency: cur }, TIER.amount);
  }
}

/**
 * Whether a currency written before a number can end right before `pos` (after an optional space):
 * its last character is one of `€ $ £` or the letters ending the codes in CURRENCY_BEFORE (K also
 * as the Kelvin sign, which the case-insensitive Unicode regex equates with k; i for "lei"). A
 * cheap test that spares most clusters the regex.
 */
function currencyEndsAt(text: string, pos: number): boolean {
  let c = text.charCodeAt(pos - 1);
  if (c === 32 || c === 0xa0 || c === 0x202f) c = pos >= 2 ? text.charCodeAt(pos - 2) : 32;
  if (c >= 65 && c <= 90) c += 32;
  return c === 114 || c === 107 || c === 100 || c === 112 || c === 110 || c === 102 || c === 105 || c === 36 || c === 0x20ac || c === 0xa3 || c === 0x212a;
}

/**
 * "Lei" before a number that is the Italian pronoun rather than the Romanian currency: in an
 * Italian inquiry; written "Lei" inside a sentence (the polite form is capitalised there, the
 * currency is not); or followed by a unit or counter ("a lei 3 giorni fa").
 */
function leiIsPronoun(scan: Scan, written: string, start: number, numberEnd: number, language: LanguageCode | undefined): boolean {
  if (language === 'it') return true;
  if (followedByUnit(scan.lex, scan.text, numberEnd)) return true;
  if (written !== 'Lei') return false;
  let i = start - 1;
  while (i >= 0 && (scan.text.charCodeAt(i) === 32 || scan.text.charCodeAt(i) === 0xa0)) i--;
  // at the start of the text, a line or a sentence, or after a label ("Total: Lei 120") it is the currency
  return i >= 0 && !SENTENCE_START.has(scan.text.charCodeAt(i));
}

/** Characters after which a capital letter starts a sentence, a line or a value: \n \r . ! ? : ( ; - */
const SENTENCE_START = new Set([10, 13, 46, 33, 63, 58, 40, 59, 45]);

/** A digit (and optional space) right before `pos`. */
function amountBefore(text: string, pos: number): boolean {
  let i = pos - 1;
  if (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0xa0)) i--;
  return i >= 0 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
}
