/** E-mail addresses, found from each `@` outwards (linear, no regex backtracking). */
import { TIER, type Scan } from './candidates';
import { isWordCode } from './text';

function isLocalCode(c: number): boolean {
  // letters, digits and . _ % + - ' (plus non-ASCII letters)
  return isWordCode(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39;
}

function isDomainCode(c: number): boolean {
  return isWordCode(c) || c === 46 || c === 45;
}

export function scanEmails(scan: Scan): void {
  const text = scan.text;
  let at = text.indexOf('@');
  let minStart = 0;
  while (at >= 0) {
    let s = at;
    while (s > minStart && at - s < 64 && isLocalCode(text.charCodeAt(s - 1))) s--;
    while (s < at && (text.charCodeAt(s) === 46 || text.charCodeAt(s) === 39)) s++; // no leading dot/quote
    let e = at + 1;
    while (e < text.length && e - at <= 253 && isDomainCode(text.charCodeAt(e))) e++;
    // trim trailing dots and hyphens ("…@shop.se." at the end of a sentence)
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    const next = text.indexOf('@', at + 1);
    if (s < at && e > at + 1 && (s === 0 || text.charCodeAt(s - 1) !== 64)) {
      const domain = text.slice(at + 1, e);
      if (validDomain(domain) && text.charCodeAt(at - 1) !== 46) {
        scan.add('emails', s, e, text.slice(s, e).toLowerCase(), TIER.email);
        minStart = e;
      }
    }
    at = next;
  }
}

function validDomain(domain: string): boolean {
  const dot = domain.lastIndexOf('.');
  if (dot <= 0 || domain.includes('..')) return false;
  const tld = domain.slice(dot + 1);
  if (tld.length < 2) return false;
  for (let i = 0; i < tld.length; i++) {
    const c = tld.charCodeAt(i);
    if (c >= 48 && c <= 57) return false;
    if (c === 45) return false;
  }
  for (const label of domain.split('.')) {
    if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false;
  }
  return true;
}
