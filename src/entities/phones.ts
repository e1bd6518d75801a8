/**
 * Compact phone validation: national formats of Sweden, Italy, Romania and the United Kingdom, and
 * international `+CC`/`00CC` numbers of any country (country code and length checked), normalised
 * to E.164.
 */
import { TIER, type Scan } from './candidates';
import { customerWordBefore, labelWordAdjacent, type Label } from './lexicon';
import type { PhoneRegion } from './types';
import { isDashCode, isDigitCode, isSpaceCode } from './text';

/** National significant number checks per region (the trunk `0` already removed, except in IT). */
function validSE(nsn: string): boolean {
  const n = nsn.length;
  if (n < 7 || n > 9) return false;
  const c0 = nsn.charCodeAt(0);
  if (c0 === 48) return false; // 0
  if (c0 === 55) {
    // 7: mobiles 070/072/073/076/079 have exactly 9 digits
    const c1 = nsn.charCodeAt(1);
    if (c1 === 48 || c1 === 50 || c1 === 51 || c1 === 54 || c1 === 57) return n === 9;
  }
  return true;
}

/** Italian numbers keep their leading digit: landlines 0…, mobiles 3…, toll-free 80…. */
function validIT(nsn: string): boolean {
  const n = nsn.length;
  const c0 = nsn.charCodeAt(0);
  if (c0 === 48) return n >= 8 && n <= 11; // landline incl. the 0
  if (c0 === 51) return n === 9 || n === 10; // mobile
  if (c0 === 56 && nsn.charCodeAt(1) === 48) return n >= 6 && n <= 10; // 80x toll-free
  return false;
}

function validRO(nsn: string): boolean {
  if (nsn.length !== 9) return false;
  const c0 = nsn.charCodeAt(0);
  return c0 === 50 || c0 === 51 || c0 === 55 || c0 === 56 || c0 === 57; // 2, 3, 7, 8, 9
}

function validGB(nsn: string): boolean {
  const n = nsn.length;
  const c0 = nsn.charCodeAt(0);
  if (c0 === 55) return n === 10; // 7: mobiles
  if (c0 === 49 || c0 === 50 || c0 === 51 || c0 === 56 || c0 === 57) return n === 9 || n === 10;
  return false;
}

const REGION_CC: Record<PhoneRegion, string> = { SE: '46', IT: '39', RO: '40', GB: '44' };

/** Country codes of two digits (all others are 1 – "1", "7" – or 3 digits). */
const TWO_DIGIT_CC = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49',
  '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84',
  '86', '90', '91', '92', '93', '94', '95', '98',
]);

/** Unassigned leading 3-digit codes are rejected through these prefixes of valid ones. */
const THREE_DIGIT_PREFIX = /^(?:2[1-9]\d|3[5-8]\d|42\d|50\d|59\d|67\d|68\d|69\d|80\d|85\d|87\d|88\d|96\d|97\d|99\d)$/;

/** Length of the national number for some countries: [min, max]. */
const NSN_LENGTH: Record<string, [number, number]> = {
  '1': [10, 10], '7': [10, 10], '30': [10, 10], '31': [9, 9], '32': [8, 9], '33': [9, 9], '34': [9, 9],
  '36': [8, 9], '41': [9, 9], '43': [4, 13], '45': [8, 8], '47': [8, 8], '48': [9, 9], '49': [6, 13],
  '351': [9, 9], '352': [4, 11], '353': [7, 9], '354': [7, 9], '358': [5, 12], '359': [7, 9], '370': [8, 8],
  '371': [8, 8], '372': [7, 10], '373': [8, 8], '380': [9, 9], '381': [6, 12], '385': [8, 9], '386': [8, 8],
  '420': [9, 9], '421': [9, 9], '90': [10, 10], '61': [9, 9], '91': [10, 10], '86': [5, 12],
};

function validNational(cc: string, nsn: string): boolean {
  switch (cc) {
    case '46':
      return validSE(nsn);
    case '39':
      return validIT(nsn);
    case '40':
      return validRO(nsn);
    case '44':
      return validGB(nsn);
    default: {
      if (nsn.charCodeAt(0) === 48 && cc !== '39') return false;
      const range = NSN_LENGTH[cc];
      if (range) return nsn.length >= range[0] && nsn.length <= range[1];
      return nsn.length >= 6 && nsn.length <= 13 && cc.length + nsn.length <= 15;
    }
  }
}

/** Parses international digits (after `+` or `00`): returns E.164 or null. */
export function parseInternational(digits: string, trunkZeroWritten: boolean): string | null {
  if (digits.length < 8 || digits.length > 16 || digits.charCodeAt(0) === 48) return null;
  let cc: string;
  const c0 = digits.charCodeAt(0);
  if (c0 === 49 || c0 === 55) cc = digits.slice(0, 1);
  else if (TWO_DIGIT_CC.has(digits.slice(0, 2))) cc = digits.slice(0, 2);
  else if (THREE_DIGIT_PREFIX.test(digits.slice(0, 3))) cc = digits.slice(0, 3);
  else return null;
  let nsn = digits.slice(cc.length);
  // "+46 (0)70 …" and the common "+46 070 …": drop the national trunk 0 (Italy keeps it).
  if (cc !== '39' && nsn.charCodeAt(0) === 48 && (trunkZeroWritten || cc === '46' || cc === '40' || cc === '44')) {
    nsn = nsn.slice(1);
  }
  if (nsn.length === 0 || cc.length + nsn.length > 15) return null;
  return validNational(cc, nsn) ? `+${cc}${nsn}` : null;
}

/** Parses a national number (digits only, as written) in `region`; returns E.164 or null. */
export function parseNational(digits: string, region: PhoneRegion): string | null {
  if (digits.length < 6 || digits.length > 12) return null;
  const c0 = digits.charCodeAt(0);
  if (region === 'IT') return validIT(digits) ? `+39${digits}` : null;
  if (c0 !== 48 || digits.charCodeAt(1) === 48) return null;
  const nsn = digits.slice(1);
  const ok = region === 'SE' ? validSE(nsn) : region === 'RO' ? validRO(nsn) : validGB(nsn);
  return ok ? `+${REGION_CC[region]}${nsn}` : null;
}

export const REGION_FALLBACK: readonly PhoneRegion[] = ['SE', 'GB', 'RO', 'IT'];


/**
 * Phone-shaped runs: optional `+`, digits with spaces, dashes, dots, slashes and parentheses (the
 * Unicode spaces and dashes of `isSpaceCode`/`isDashCode` too: "070–123 45 67" typed on a phone).
 * Sticky: tried only where a match can start, at a digit run or the `+`, `(` or `(+` before it.
 */
const PHONE_RE =
  /(?<![\p{L}\p{N}+]|\p{N}[-.\u2010-\u2013])(?:\+|\(\+?)?\d[\d \-./()\u00a0\u2007\u2009\u202f\u2010-\u2013]{4,24}\d(?![\p{L}\p{N}])/uy;

interface Group {
  start: number;
  end: number;
}

/**
 * Whether the words before `start` say the number there is no phone. An order, case or tracking
 * word does so only when written right before it ("ordernummer 0701234567", "DHL 0701234567"):
 * "ring mig om min order på 070-123 45 67" gives a phone.
 */
function blocked(scan: Scan, label: Label, start: number): boolean {
  if (label === 'other' || label === 'personalId') return true;
  if (label !== 'order' && label !== 'case' && label !== 'tracking') return false;
  return labelWordAdjacent(scan.lex, scan.text, start);
}

/** Written in groups: a space, dash or parenthesis, or the "/" after an area code ("333/1234567"). */
function hasSeparator(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c) || isDashCode(c) || c === 40 || c === 47) return true;
  }
  return false;
}

function parseSpan(
  text: string,
  start: number,
  end: number,
  region: PhoneRegion,
  allowFallback: boolean,
): string | null {
  let digits = '';
  let plus = false;
  let trunk = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // a whole run of digits at once
      const s = i;
      while (i + 1 < end && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) i++;
      digits += text.slice(s, i + 1);
    } else if (c === 43 && digits.length === 0) plus = true;
    else if (c === 40 && text.charCodeAt(i + 1) === 48 && text.charCodeAt(i + 2) === 41 && digits.length > 0) trunk = true;
  }
  if (plus) return parseInternational(digits, trunk);
  if (digits.startsWith('00')) return parseInternational(digits.slice(2), trunk);
  const own = parseNational(digits, region);
  if (own || !allowFallback) return own;
  for (const r of REGION_FALLBACK) {
    if (r === region) continue;
    const other = parseNational(digits, r);
    if (other) return other;
  }
  return null;
}

/**
 * A match that starts at a "(" closed nowhere inside it: "(070-123 45 67)". The match ends at its
 * last digit, so the ")" is outside; the "(" is left outside too, and a redacted text keeps both
 * ("([PHONE])"). A "(" closed inside ("(08) 123 45 67", "(+46) 70 …") belongs to the number.
 */
function openParenthesis(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) !== 40) return false;
  // only inside the match (at most 27 characters): a search to the end of the text would make
  // scanning quadratic in a text full of "(1 (1 …"
  for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) === 41) return false;
  return true;
}

/** Digit groups of a phone-shaped run (a leading "+" or "(" belongs to the first group). */
function digitGroups(text: string, from: number, to: number): Group[] {
  const groups: Group[] = [];
  let i = from;
  while (i < to) {
    while (i < to && !(text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57)) i++;
    const s = i;
    while (i < to && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i > s) groups.push({ start: s, end: i });
  }
  if (groups.length > 0) (groups[0] as Group).start = from;
  return groups;
}

/** A separator between two numbers rather than inside one: "/", " - " (any dash), two spaces. */
function strongSeparator(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 47 || (isSpaceCode(c) && i + 1 < to && isSpaceCode(text.charCodeAt(i + 1)))) return true;
  }
  return to - from === 3 && isSpaceCode(text.charCodeAt(from)) && isDashCode(text.charCodeAt(from + 1)) && isSpaceCode(text.charCodeAt(from + 2));
}

/** Index of the last group of the piece that starts at group `k` (pieces end at a strong separator). */
function pieceEnd(text: string, groups: Group[], k: number): number {
  let last = k;
  while (last + 1 < groups.length && !strongSeparator(text, (groups[last] as Group).end, (groups[last + 1] as Group).start)) last++;
  return last;
}

function digitCount(groups: Group[], first: number, last: number): number {
  let n = 0;
  for (let k = first; k <= last; k++) n += (groups[k] as Group).end - (groups[k] as Group).start;
  return n;
}

/** Only a "/" or a dash between two digit groups, maybe with a space on either side. */
function slashOrDash(text: string, from: number, to: number): boolean {
  let marks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 47 || isDashCode(c)) marks++;
    else if (!isSpaceCode(c)) return false;
  }
  return marks === 1 && to - from <= 3;
}

/**
 * An area code set off from its number by "/" or " - " ("070/123 45 67", "040 - 12 34 56",
 * "333/1234567", "+46 (0) 70 - 123 45 67"): returns the last group of the piece after it, or -1.
 * The area code is the whole first piece: one group of 2–4 digits starting with the trunk 0, three
 * digits starting with 3 (Italian mobiles), or a short `+`/`00` prefix; none of these is a phone
 * on its own, so a list of phones ("070-123 45 67 / 08-123 456 78") is never joined. The number
 * after it has at least 5 digits and no trunk 0 of its own.
 */
function areaCodeJoin(text: string, groups: Group[], last: number): number {
  if (last + 1 >= groups.length) return -1;
  const first = groups[0] as Group;
  const c0 = text.charCodeAt(first.start);
  // "(+46 …" / "(0046 …": look past the parenthesis
  const at = c0 === 40 ? first.start + 1 : first.start;
  const lead = text.charCodeAt(at);
  if (lead === 43 || (lead === 48 && text.charCodeAt(at + 1) === 48)) {
    // the first group starts at its "(" / "+" (see digitGroups): those are no digits
    let prefix = at - first.start;
    if (lead === 43) prefix++;
    if (digitCount(groups, 0, last) - prefix > 6) return -1;
  } else {
    const size = first.end - first.start;
    if (last !== 0 || !isDigitCode(c0)) return -1;
    if (!((c0 === 48 && size >= 2 && size <= 4) || (c0 === 51 && size === 3))) return -1;
  }
  const next = groups[last + 1] as Group;
  if (!slashOrDash(text, (groups[last] as Group).end, next.start)) return -1;
  if (text.charCodeAt(next.start) === 48) return -1;
  const end = pieceEnd(text, groups, last + 1);
  return digitCount(groups, last + 1, end) >= 5 ? end : -1;
}

/**
 * A time or day range written with dots ("08.00-17.00", "7.30 – 16.30", "08.11-10.11") at group
 * `k`: two [H]H.MM halves joined by a dash. Neither a phone nor, for redaction, phone-shaped.
 */
function timeRangeAt(text: string, groups: Group[], k: number, last: number): boolean {
  if (k + 3 > last) return false;
  const h1 = groups[k] as Group;
  const m1 = groups[k + 1] as Group;
  const h2 = groups[k + 2] as Group;
  const m2 = groups[k + 3] as Group;
  // the first group may start at a "+" or "(" (see digitGroups): then it is no time
  if (!isDigitCode(text.charCodeAt(h1.start))) return false;
  const half = (h: Group, m: Group): boolean =>
    h.end - h.start <= 2 &&
    m.end - m.start === 2 &&
    m.start === h.end + 1 &&
    text.charCodeAt(h.end) === 46 &&
    Number(text.slice(h.start, h.end)) <= 24 &&
    Number(text.slice(m.start, m.end)) <= 59;
  if (!half(h1, m1) || !half(h2, m2)) return false;
  let marks = 0;
  for (let i = m1.end; i < h2.start; i++) {
    const c = text.charCodeAt(i);
    if (isDashCode(c)) marks++;
    else if (!isSpaceCode(c)) return false;
  }
  return marks === 1 && h2.start - m1.end <= 3;
}

/**
 * Tries the groups [first..last] whole, then without up to three trailing groups (only when the
 * run is short enough to be one phone number plus a stray group). Returns the index of the last
 * group used, or -1.
 */
function findPhone(scan: Scan, groups: Group[], first: number, last: number, region: PhoneRegion): number {
  const text = scan.text;
  const n = last - first + 1;
  let total = 0;
  for (let k = first; k <= last; k++) total += (groups[k] as Group).end - (groups[k] as Group).start;
  // a phone number inside a longer digit sequence (a card, an IBAN) is not a phone: never drop
  // leading groups, and drop trailing ones only from short runs
  const maxTrail = total <= 16 ? Math.min(3, n - 1) : 0;
  const start = (groups[first] as Group).start;
  const label = scan.labelBefore(start);
  if (blocked(scan, label, start)) return -1;
  let digits = total; // in groups first..last - trail
  for (let trail = 0; trail <= maxTrail; trail++) {
    if (trail > 0) digits -= (groups[last - trail + 1] as Group).end - (groups[last - trail + 1] as Group).start;
    if (digits < 6 || digits > 17) continue;
    const end = (groups[last - trail] as Group).end;
    const fallback = label === 'phone' || hasSeparator(text, start, end);
    const e164 = parseSpan(text, start, end, region, fallback);
    if (e164) {
      scan.add('phones', start, end, e164, TIER.phone);
      return last - trail;
    }
  }
  return -1;
}

/**
 * Phone numbers. National numbers are read in `region`; numbers written with separators, or after
 * a phone word, are also tried in the other supported regions. A run is split at "/" and similar
 * separators; a piece that does not validate whole is retried without stray trailing groups.
 */
export function scanPhones(scan: Scan, region: PhoneRegion): void {
  const text = scan.text;
  // `from` plays the part of a global regex's lastIndex: no match starts before it
  let from = 0;
  for (const run of scan.runs) {
    // a match starts at a digit that follows no digit (a run start), or at the "+", "(" or "(+" before it
    for (let p = Math.max(from, run.start - 2); p <= run.start; p++) {
      const c = text.charCodeAt(p);
      if (p < run.start && c !== 43 && c !== 40) continue;
      PHONE_RE.lastIndex = p;
      // `test` leaves lastIndex at the end of the match and builds no match array
      if (!PHONE_RE.test(text)) continue;
      from = PHONE_RE.lastIndex;
      const groups = digitGroups(text, openParenthesis(text, p, from) ? p + 1 : p, from);
      // the run up to the first strong separator; what follows is matched again on its own
      let last = pieceEnd(text, groups, 0);
      let k = 0;
      // an area code before "/" or " - " is tried with the number after it first
      const joined = areaCodeJoin(text, groups, last);
      if (joined > last) {
        const used = findPhone(scan, groups, 0, joined, region);
        if (used >= 0 || (scan.loose && addLoosePhone(scan, text, groups.slice(0, joined + 1)))) {
          last = joined;
          k = used >= 0 ? used + 1 : joined + 1;
        }
      }
      while (k <= last) {
        if (timeRangeAt(text, groups, k, last)) {
          k += 4;
          continue;
        }
        const used = findPhone(scan, groups, k, last, region);
        if (used < 0) {
          if (scan.loose) addLoosePhone(scan, text, groups.slice(k, last + 1));
          break;
        }
        k = used + 1;
      }
      if (last + 1 < groups.length) from = (groups[last] as Group).end;
      break;
    }
    if (from <= run.start) from = run.start + 1;
  }
}

/**
 * Phone shape for redaction: 8–15 digits starting with `+`/`0`, or after a phone word, or an
 * Italian mobile written without separators ("3471234567", a phone in any region's inquiry). A
 * customer word right before it does not stop it ("Kund: 0701234567" names the customer by phone
 * number). Returns whether it was added.
 */
function addLoosePhone(scan: Scan, text: string, groups: Group[]): boolean {
  const start = (groups[0] as Group).start;
  const end = (groups[groups.length - 1] as Group).end;
  let digits = 0;
  for (const g of groups) digits += g.end - g.start;
  if (digits < 8 || digits > 15) return false;
  const label = scan.labelBefore(start);
  if (blocked(scan, label, start) && !(label === 'other' && customerWordBefore(text, start))) return false;
  const c = text.charCodeAt(start);
  const first = text.charCodeAt(c === 40 ? start + 1 : start);
  if (label !== 'phone' && first !== 43 && first !== 48 && !italianMobile(text, groups, digits)) return false;
  scan.addLoose('phones', start, end);
  return true;
}

/** One run of ten digits 3[1-9]… that is a valid Italian mobile number. */
function italianMobile(text: string, groups: Group[], digits: number): boolean {
  if (groups.length !== 1 || digits !== 10) return false;
  const g = groups[0] as Group;
  if (text.charCodeAt(g.start) !== 51 || text.charCodeAt(g.start + 1) === 48) return false;
  return parseNational(text.slice(g.start, g.end), 'IT') !== null;
}
