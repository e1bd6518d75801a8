/** Check-digit algorithms. Inputs are pre-cleaned (no spaces); all functions are total. */

/** Luhn (mod 10) over a string of ASCII digits; the last digit is the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 1 && sum % 10 === 0;
}

/** ISO 13616 mod-97 check of an IBAN written in upper case without spaces. */
export function ibanMod97Valid(iban: string): boolean {
  if (iban.length < 5) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      rem = (rem * 10 + (c - 48)) % 97;
    } else if (c >= 65 && c <= 90) {
      rem = (rem * 100 + (c - 55)) % 97;
    } else {
      return false;
    }
  }
  return rem === 1;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10 check digit for the 8 serial digits; -1 when the input is not 8 digits. */
export function s10CheckDigit(serial: string): number {
  if (serial.length !== 8) return -1;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const d = serial.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    sum += d * (S10_WEIGHTS[i] as number);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** UPS `1Z` number (18 chars, upper case): mod-10 check over characters 3–17. */
export function upsCheckValid(s: string): boolean {
  if (s.length !== 18) return false;
  let sum = 0;
  for (let i = 2; i < 17; i++) {
    const c = s.charCodeAt(i);
    let v: number;
    if (c >= 48 && c <= 57) v = c - 48;
    else if (c >= 65 && c <= 90) v = (c - 63) % 10;
    else return false;
    sum += (i - 2) % 2 === 1 ? v * 2 : v;
  }
  const check = (10 - (sum % 10)) % 10;
  return s.charCodeAt(17) - 48 === check;
}

/** GS1 mod-10 check (SSCC, GTIN): weights 3,1,3,… from the right, last digit is the check digit. */
export function gs1CheckValid(digits: string): boolean {
  const n = digits.length;
  if (n < 2) return false;
  let sum = 0;
  for (let i = n - 2, w = 3; i >= 0; i--, w = w === 3 ? 1 : 3) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * w;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(n - 1) - 48;
}

const CNP_WEIGHTS = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];

/** Romanian CNP control digit (13 digits). */
export function cnpCheckValid(d: string): boolean {
  if (d.length !== 13) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const v = d.charCodeAt(i) - 48;
    if (v < 0 || v > 9) return false;
    sum += v * (CNP_WEIGHTS[i] as number);
  }
  const r = sum % 11;
  return (r === 10 ? 1 : r) === d.charCodeAt(12) - 48;
}

// Codice fiscale: value of each character in odd (1st, 3rd, …) positions, indexed by 0-9 then A-Z.
const CF_ODD = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14,
  16, 10, 22, 25, 24, 23,
];

function cfIndex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 65 + 10;
  return -1;
}

/** Italian codice fiscale check character (16 chars, upper case). */
export function codiceFiscaleCheckValid(cf: string): boolean {
  if (cf.length !== 16) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const idx = cfIndex(cf.charCodeAt(i));
    if (idx < 0) return false;
    if (i % 2 === 0) sum += CF_ODD[idx] as number;
    else sum += idx < 10 ? idx : idx - 10;
  }
  return cf.charCodeAt(15) === 65 + (sum % 26);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Whether day/month form a valid date; with `year` < 0 any year (29 Feb allowed). */
export function validDayMonth(day: number, month: number, year = -1): boolean {
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  if (month === 2 && day === 29 && year >= 0) return isLeapYear(year);
  return day <= (DAYS_IN_MONTH[month - 1] as number);
}
