/** IBANs (mod-97) and payment card numbers (Luhn + issuer prefix). */
import { TIER, type Scan } from './candidates';
import { ibanMod97Valid, luhnValid } from './checksums';
import { isDashCode, isDigitCode, isWordCode } from './text';

/** IBAN length per country (ISO 13616 registry). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22,
  GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31,
  MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24,
  SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/**
 * Two letters and two check digits, then the rest in groups of (usually) four. Sticky: tried only
 * two characters before a digit run.
 */
const IBAN_START_RE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?=[ ]?[A-Za-z0-9])/uy;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAlnumAscii(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function scanIbans(scan: Scan): void {
  const text = scan.text;
  // no IBAN starts before `from` (the end of the last one found)
  let from = 0;
  for (const run of scan.runs) {
    const start = run.start - 2;
    if (start < from || run.end - run.start < 2) continue;
    if (!isAsciiLetter(text.charCodeAt(start)) || !isAsciiLetter(text.charCodeAt(start + 1))) continue;
    IBAN_START_RE.lastIndex = start;
    if (!IBAN_START_RE.test(text)) continue;
    const country = text.slice(start, start + 2).toUpperCase();
    const length = IBAN_LENGTH[country];
    if (length === undefined) continue;
    let i = start;
    let got = '';
    let digits = 0;
    while (i < text.length && got.length < length) {
      const c = text.charCodeAt(i);
      if (isAlnumAscii(c)) {
        got += text[i];
        if (isDigitCode(c)) digits++;
        i++;
      } else if (c === 32 && got.length >= 4 && i + 1 < text.length && isAlnumAscii(text.charCodeAt(i + 1))) {
        i++;
      } else break;
    }
    if (got.length !== length || (i < text.length && isWordCode(text.charCodeAt(i)))) continue;
    const iban = got.toUpperCase();
    if (ibanMod97Valid(iban)) {
      scan.add('ibans', start, i, iban, TIER.iban);
      from = i;
    } else if (digits >= 10) {
      scan.addLoose('ibans', start, i);
    }
  }
}

/** Issuer prefix and length check for the common card networks. */
export function knownCard(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const p6 = Number(d.slice(0, 6));
  if (d[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) return n >= 16 && n <= 19; // Discover
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19; // Diners
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p2 === 62) return n >= 16 && n <= 19; // UnionPay
  if (p4 >= 2200 && p4 <= 2204) return n >= 16 && n <= 19; // Mir
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19; // Maestro
  return false;
}

/**
 * 13–19 digits, contiguous or in groups separated by single spaces or dashes (sticky at a digit run).
 * The Unicode dashes and spaces of `isDashCode`/`isSpaceCode` count too: "4111–1111–1111–1111" as a
 * word processor or phone writes it.
 */
const CARD_RE =
  /(?<![\p{N}\p{L}]|\p{N}[ \-\u2010-\u2013\u00a0\u2007\u2009\u202f])\d[\d \-\u2010-\u2013\u00a0\u2007\u2009\u202f]{11,40}\d(?![\p{N}\p{L}]|[ \-\u2010-\u2013\u00a0\u2007\u2009\u202f]\p{N})/uy;

interface Run {
  start: number;
  end: number;
}

function digitRuns(text: string, start: number, end: number): Run[] | null {
  const runs: Run[] = [];
  let i = start;
  let sep = -1;
  while (i < end) {
    const s = i;
    while (i < end && isDigitCode(text.charCodeAt(i))) i++;
    runs.push({ start: s, end: i });
    if (i < end) {
      // any space is a space, any dash a dash ("4111\u00a01111 …" pasted from a web page)
      const c = isDashCode(text.charCodeAt(i)) ? 45 : 32;
      if (sep === -1) sep = c;
      else if (sep !== c) return null; // mixed separators
      i++;
      if (i < end && !isDigitCode(text.charCodeAt(i))) return null; // double separator
    }
  }
  return runs;
}

export function scanCards(scan: Scan): void {
  const text = scan.text;
  // a match starts at a digit after no digit, so only run starts are tried; none before `from`
  let from = 0;
  for (const run of scan.runs) {
    if (run.start < from) continue;
    CARD_RE.lastIndex = run.start;
    if (!CARD_RE.test(text)) continue;
    from = CARD_RE.lastIndex;
    const runs = digitRuns(text, run.start, from);
    if (!runs) continue;
    // try the whole match, then sub-sequences of groups (longest first)
    let found = false;
    for (let len = runs.length; len >= 1 && !found; len--) {
      for (let a = 0; a + len <= runs.length && !found; a++) {
        const first = runs[a] as Run;
        const last = runs[a + len - 1] as Run;
        let digits = '';
        let shortGroup = false;
        for (let k = a; k < a + len; k++) {
          const r = runs[k] as Run;
          if (len > 1 && r.end - r.start < 3) shortGroup = true;
          digits += text.slice(r.start, r.end);
        }
        if (shortGroup || digits.length < 13 || digits.length > 19) continue;
        const valid = luhnValid(digits) && knownCard(digits);
        const label = scan.labelBefore(first.start);
        // a valid number printed as a card (4-4-4-4) is a card whatever it is called ("Kvitto 4111
        // 1111 1111 1111" is the card on the receipt); other shapes are left to the word before them
        if ((label === 'order' || label === 'tracking' || label === 'case' || label === 'other') && !(valid && fourByFour(runs, a, len))) continue;
        if (valid) {
          scan.add('cards', first.start, last.end, digits, TIER.card);
          found = true;
        } else if (looksLikeCard(runs, a, len, digits)) {
          scan.addLoose('cards', first.start, last.end);
          found = true;
        }
      }
    }
  }
}

/** Exactly four groups of four digits, as cards are printed. */
function fourByFour(runs: Run[], a: number, len: number): boolean {
  if (len !== 4) return false;
  for (let k = a; k < a + 4; k++) if ((runs[k] as Run).end - (runs[k] as Run).start !== 4) return false;
  return true;
}

/** Card shape for redaction: 4-4-4-4(-x) or 4-6-5 groups, or 15–16 contiguous digits with a card prefix. */
function looksLikeCard(runs: Run[], a: number, len: number, digits: string): boolean {
  if (len === 1) return (digits.length === 15 || digits.length === 16) && knownCard(digits.slice(0, 6) + '0'.repeat(digits.length - 6));
  const sizes: number[] = [];
  for (let k = a; k < a + len; k++) sizes.push((runs[k] as Run).end - (runs[k] as Run).start);
  if (sizes.join('-') === '4-6-5') return true;
  for (let k = 0; k < sizes.length - 1; k++) if (sizes[k] !== 4) return false;
  const lastSize = sizes[sizes.length - 1] as number;
  return len >= 4 && lastSize >= 1 && lastSize <= 4;
}
