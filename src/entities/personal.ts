/**
 * Personal identity numbers:
 * - Swedish personnummer/samordningsnummer: YYMMDD-NNNN, YYMMDD+NNNN (100+ years), YYYYMMDD-NNNN,
 *   or the same without separator; Luhn over the 10 digits, day + 60 for samordningsnummer.
 *   Normalised to `YYYYMMDD-NNNN` when the century is written, else `YYMMDD-NNNN`/`YYMMDD+NNNN`.
 *   A 10-digit number without separator that is also a valid Swedish phone number (starts with 0)
 *   is left to the phone scanner unless a personal-id word precedes it. Any Unicode dash counts as
 *   the `-` ("850709–9805"); a space separates the parts only after a personal-id word. A valid
 *   number written with a dash is a personal id whatever word precedes it ("kundnummer
 *   850709-9805" is a personnummer given as customer number).
 * - Romanian CNP: 13 digits, sex/century digit, birth date, county code, control digit.
 * - Italian codice fiscale: 16 characters, month letter, day (+40 for women), check character;
 *   also in groups "RSS MRA 85T10 A562S", and in mixed case after a personal-id word.
 * Undashed numbers next to an order/tracking/invoice/phone word are not personal ids.
 */
import { TIER, type DigitRun, type Scan } from './candidates';
import { cnpCheckValid, codiceFiscaleCheckValid, luhnValid, validDayMonth } from './checksums';
import { parseNational } from './phones';
import { isDashCode, isDigitCode, isLetterCode, isSpaceCode, isWordCode } from './text';

/** Sticky at the first digit; the character before is checked in code. */
const SE_PNR_RE =
  /(\d{6}|\d{8})([-+\u2010-\u2013 \u00a0\u2007\u2009\u202f]?)(\d{4})(?![\p{L}\p{N}]|[-+\u2010-\u2013]\p{N})/uy;
// digit positions of a codice fiscale may hold omocodia letters (L M N P Q R S T U V); sticky at its start
const CF_RE =
  /[A-Za-z]{6}[\dLMNP-Vlmnp-v]{2}[A-EHLMPR-Ta-ehlmpr-t][\dLMNP-Vlmnp-v]{2}[A-Za-z][\dLMNP-Vlmnp-v]{3}[A-Za-z](?![\p{L}\p{N}])/uy;
/** The same in the groups of the printed card: surname, name, birth date and sex, place and check ("RSS MRA 85T10 A562S"). */
const CF_GROUPED_RE =
  /[A-Za-z]{3} [A-Za-z]{3} [\dLMNP-Vlmnp-v]{2}[A-EHLMPR-Ta-ehlmpr-t][\dLMNP-Vlmnp-v]{2} [A-Za-z][\dLMNP-Vlmnp-v]{3}[A-Za-z](?![\p{L}\p{N}])/uy;

function blockedLabel(label: string): boolean {
  return label === 'order' || label === 'tracking' || label === 'case' || label === 'other' || label === 'phone';
}

function validSwedishDate(yymmdd: string, century: number): boolean {
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  let dd = Number(yymmdd.slice(4, 6));
  if (dd > 60) dd -= 60; // samordningsnummer
  const year = century >= 0 ? century * 100 + yy : -1;
  return validDayMonth(dd, mm, year);
}

export function scanPersonalIds(scan: Scan, maxCluster: number): void {
  const text = scan.text;
  if (maxCluster >= 10) scanSwedish(scan, text);
  if (maxCluster >= 13) scanCnp(scan, text);
  scanCodiceFiscale(scan, text);
}

/** The character before `start` allows a number to begin there (not a letter/digit, not "5-"). */
function freeStart(text: string, start: number): boolean {
  if (start === 0) return true;
  const c = text.charCodeAt(start - 1);
  if (isWordCode(c)) return false;
  return !((isDashCode(c) || c === 43 || isSpaceCode(c)) && start >= 2 && isDigitCode(text.charCodeAt(start - 2)));
}

function scanSwedish(scan: Scan, text: string): void {
  const runs = scan.runs;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r] as DigitRun;
    const len = run.end - run.start;
    const next = runs[r + 1];
    const split =
      (len === 6 || len === 8) &&
      next !== undefined &&
      next.start === run.end + 1 &&
      next.end - next.start === 4 &&
      (isDashCode(text.charCodeAt(run.end)) || text.charCodeAt(run.end) === 43 || isSpaceCode(text.charCodeAt(run.end)));
    if (!(len === 10 || len === 12 || split) || !freeStart(text, run.start)) continue;
    SE_PNR_RE.lastIndex = run.start;
    const m = SE_PNR_RE.exec(text);
    if (!m) continue;
    const head = m[1] as string;
    const written = m[2] as string;
    const space = written.length > 0 && isSpaceCode(written.charCodeAt(0));
    // "850709–9805": any dash is the "-"
    const sep = written.length > 0 && isDashCode(written.charCodeAt(0)) ? '-' : written;
    const tail = m[3] as string;
    const start = run.start;
    const end = start + m[0].length;
    let century = -1;
    let yymmdd = head;
    if (head.length === 8) {
      century = Number(head.slice(0, 2));
      if (century < 18 || century > 20) continue;
      yymmdd = head.slice(2);
    }
    if (!validSwedishDate(yymmdd, century)) continue;
    const ten = yymmdd + tail;
    const valid = luhnValid(ten);
    const label = scan.labelBefore(start);
    if (space) {
      // "850709 9805" may be two numbers: one only after a personal-id word
      if (label !== 'personalId') continue;
    } else if (!sep) {
      if (label !== 'personalId') {
        if (blockedLabel(label)) continue;
        if (head.length === 6 && parseNational(ten, 'SE') !== null) continue;
      }
    } else if ((label === 'other' || label === 'order' || label === 'tracking') && !(valid && sep === '-')) {
      // a valid number with a dash is the customer's personnummer whatever it is called
      // ("kundnummer 850709-9805"); only an invalid one is left to the word before it
      continue;
    }
    const normalized = century >= 0 ? `${head}-${tail}` : `${yymmdd}${sep === '+' ? '+' : '-'}${tail}`;
    if (valid) scan.add('personalIds', start, end, normalized, TIER.personalId);
    else if (sep || label === 'personalId') scan.addLoose('personalIds', start, end);
  }
}

function validCnpDate(d: string): boolean {
  const s = d.charCodeAt(0) - 48;
  const yy = Number(d.slice(1, 3));
  const mm = Number(d.slice(3, 5));
  const dd = Number(d.slice(5, 7));
  const county = Number(d.slice(7, 9));
  if (!((county >= 1 && county <= 52) || county === 70) || d.slice(9, 12) === '000') return false;
  if (s === 1 || s === 2) return validDayMonth(dd, mm, 1900 + yy);
  if (s === 3 || s === 4) return validDayMonth(dd, mm, 1800 + yy);
  if (s === 5 || s === 6) return validDayMonth(dd, mm, 2000 + yy);
  return validDayMonth(dd, mm); // 7, 8, 9: residents and foreigners
}

function scanCnp(scan: Scan, text: string): void {
  for (const run of scan.runs) {
    if (run.end - run.start !== 13 || !freeStart(text, run.start) || (run.end < text.length && isWordCode(text.charCodeAt(run.end)))) continue;
    const d = text.slice(run.start, run.end);
    if (d.charCodeAt(0) === 48 || !validCnpDate(d)) continue;
    const label = scan.labelBefore(run.start);
    if (label !== 'personalId' && blockedLabel(label)) continue;
    if (cnpCheckValid(d)) scan.add('personalIds', run.start, run.end, d, TIER.personalId);
    else scan.addLoose('personalIds', run.start, run.end);
  }
}

const OMOCODIA = 'LMNPQRSTUV';

/** Birth-date fields of a codice fiscale are valid (after undoing omocodia). */
function validCfDate(cf: string): boolean {
  const digit = (i: number): number => {
    const ch = cf[i] as string;
    const o = OMOCODIA.indexOf(ch);
    return o >= 0 ? o : Number(ch);
  };
  const monthIdx = 'ABCDEHLMPRST'.indexOf(cf[8] as string);
  let day = digit(9) * 10 + digit(10);
  if (day > 40) day -= 40;
  return monthIdx >= 0 && validDayMonth(day, monthIdx + 1);
}

/**
 * Codes are found from their first digit run (the two year digits after six letters, or after
 * "RSS MRA " in the grouped form).
 */
function scanCodiceFiscale(scan: Scan, text: string): void {
  for (const run of scan.runs) {
    if (run.end - run.start !== 2 || !isLetterCode(text.charCodeAt(run.end))) continue;
    const grouped = run.start >= 8 && text.charCodeAt(run.start - 1) === 32;
    const start = run.start - (grouped ? 8 : 6);
    if (start < 0 || (start > 0 && isWordCode(text.charCodeAt(start - 1)))) continue;
    const re = grouped ? CF_GROUPED_RE : CF_RE;
    re.lastIndex = start;
    const m = re.exec(text);
    if (!m) continue;
    const raw = m[0];
    const end = start + raw.length;
    // mixed-case words are not codes, unless a personal-id word says so ("CF Rssmra85t10a562s",
    // typed with the phone's automatic capital)
    if (raw !== raw.toUpperCase() && raw !== raw.toLowerCase() && scan.labelBefore(start) !== 'personalId') continue;
    const cf = grouped ? raw.toUpperCase().replace(/ /g, '') : raw.toUpperCase();
    if (!validCfDate(cf)) continue;
    if (codiceFiscaleCheckValid(cf)) scan.add('personalIds', start, end, cf, TIER.personalId);
    else scan.addLoose('personalIds', start, end);
  }
}
