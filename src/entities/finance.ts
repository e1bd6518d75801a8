/** IBANs (mod-97) and payment card numbers (Luhn + issuer prefix). */
import { TIER, type Scan } from './candidates';
import { ibanMod97Valid, luhnValid } from './checksums';
import { BackwardTokens, isDashCode, isDigitCode, isSpaceCode, isWordCode } from './text';

/** IBAN length per country (ISO 13616 registry). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22,
  GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31,
  MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24,
  SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAlnumAscii(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * End of the separator between two IBAN groups at `i`, or -1: one dash ("SE45-5000-…"), or up to
 * three spaces with at most one line break ("SE45  5000", an IBAN wrapped across lines), followed by
 * a letter or digit.
 */
function ibanSeparatorEnd(text: string, i: number): number {
  if (isDashCode(text.charCodeAt(i))) i++;
  else {
    const from = i;
    let breaks = 0;
    while (i < text.length && i - from < 3) {
      const c = text.charCodeAt(i);
      if (c === 10) breaks++;
      else if (!isSpaceCode(c) && c !== 9 && c !== 13) break;
      i++;
    }
    if (i === from || breaks > 1) return -1;
  }
  return i < text.length && isAlnumAscii(text.charCodeAt(i)) ? i : -1;
}

/** Words that name an IBAN: after one, an IBAN-shaped run is removed even when it is malformed. */
const IBAN_WORDS = new Set(['iban', 'ibannummer', 'ibannumret', 'ibanul', 'ibanului']);

function afterIbanWord(scan: Scan, pos: number): boolean {
  const it = new BackwardTokens(scan.text, pos, 48);
  for (let k = 0; k < 4; k++) {
    if (!it.advance() || it.digits) return false;
    const word = it.word();
    if (IBAN_WORDS.has(word)) return true;
    if (!scan.lex.fillers.has(word)) return false;
  }
  return false;
}

export function scanIbans(scan: Scan): void {
  const text = scan.text;
  // no IBAN starts before `from` (the end of the last one found)
  let from = 0;
  for (const run of scan.runs) {
    // two letters and two check digits, then the rest in groups of (usually) four: tried two
    // characters before a digit run of two or more, or three with a space after the country code
    // ("IBAN SE 45 5000 …", "IT 60 X 05428 …")
    if (run.end - run.start < 2) continue;
    const spaced = run.start >= 3 && text.charCodeAt(run.start - 1) === 32;
    const start = run.start - (spaced ? 3 : 2);
    if (start < from || start < 0) continue;
    if (!isAsciiLetter(text.charCodeAt(start)) || !isAsciiLetter(text.charCodeAt(start + 1))) continue;
    if (start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
    const country = text.slice(start, start + 2).toUpperCase();
    const length = IBAN_LENGTH[country];
    if (length === undefined) continue;
    // spaced, only after an IBAN word: elsewhere "se 12 …", "de 10 …", "at 10 …" are a word and a number
    if (spaced && !afterIbanWord(scan, start)) continue;
    const end = scanIbanAt(scan, start, spaced ? start + 3 : start + 2, country, length, spaced);
    if (end > 0) from = end;
  }
}

/**
 * The IBAN whose country code is at `start` and whose check digits start at `i`: groups of letters
 * and digits joined by the separators of `ibanSeparatorEnd`. Of exactly the registered length, it
 * is an IBAN when mod-97 holds, else (with ten digits or more) removed by redaction. After an IBAN
 * word a run of groups a few characters short or long ("SE45 5000 0000 0583 9825 746") is removed
 * too. `spaced` (a space after the country code) also needs a known layout, see `spacedLayout`.
 * Returns the end of an IBAN found, or -1.
 */
function scanIbanAt(scan: Scan, start: number, i: number, country: string, length: number, spaced: boolean): number {
  const text = scan.text;
  let got = country;
  let digits = 0;
  // end of the last group holding a digit, and the digits up to it: a malformed IBAN ends there
  let digitsEnd = -1;
  let digitsUpTo = 0;
  const sizes: number[] | null = spaced ? [] : null;
  for (;;) {
    const s = i;
    while (i < text.length && isAlnumAscii(text.charCodeAt(i))) {
      if (isDigitCode(text.charCodeAt(i))) digits++;
      i++;
    }
    // a group glued to a letter of another script, or longer than any IBAN here: the run ends before it
    if ((i < text.length && isWordCode(text.charCodeAt(i))) || got.length + (i - s) > length + 4) break;
    got += text.slice(s, i);
    sizes?.push(i - s);
    if (digits > digitsUpTo) {
      digitsEnd = i;
      digitsUpTo = digits;
    }
    if (got.length === length) {
      const iban = got.toUpperCase();
      if (ibanMod97Valid(iban) && (sizes === null || spacedLayout(country, sizes))) {
        scan.add('ibans', start, i, iban, TIER.iban);
        return i;
      }
      if (digits >= 10) addLooseIban(scan, start, i);
      return -1;
    }
    const next = ibanSeparatorEnd(text, i);
    if (next < 0) break;
    i = next;
  }
  if (scan.loose && digitsUpTo >= 10 && afterIbanWord(scan, start)) addLooseIban(scan, start, digitsEnd);
  return -1;
}

/**
 * Group sizes after a country code written apart ("SE 45 5000 0000 …") that make an IBAN: the check
 * digits, then groups of four as IBANs are printed, or in Italy and San Marino the national layout
 * CIN, ABI, CAB, account ("IT 60 X 05428 11101 000000123456"). Other splits ("IT 97 X 2848 2042 …")
 * are garbled copies, only removed by redaction.
 */
function spacedLayout(country: string, sizes: number[]): boolean {
  if (sizes[0] !== 2) return false;
  if ((country === 'IT' || country === 'SM') && sizes.length === 5 && sizes[1] === 1 && sizes[2] === 5 && sizes[3] === 5 && sizes[4] === 12) return true;
  for (let k = 1; k < sizes.length - 1; k++) if (sizes[k] !== 4) return false;
  return sizes.length > 1 && (sizes[sizes.length - 1] as number) <= 4;
}

/**
 * A malformed IBAN for redaction. After an IBAN word it takes precedence over the phone- and
 * card-shaped parts inside it ("IBAN:\nSE45 5000 0000\n0583 9825 746" is no phone "0583 9825").
 */
function addLooseIban(scan: Scan, start: number, end: number): void {
  if (!scan.loose) return;
  scan.addLoose('ibans', start, end, afterIbanWord(scan, start) ? TIER.iban : TIER.loose);
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
