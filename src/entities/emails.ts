/**
 * E-mail addresses, found from each `@` outwards (linear, no regex backtracking), and addresses
 * written to fool address harvesters:
 * - "anna[at]gmail.com", "anna (at) gmail (dot) com", "anna{@}gmail.com": the bracketed "at" is
 *   written only to hide an address, so these are e-mails (normalised to the plain address);
 * - "anna at gmail dot com": "at" and "dot" are also everyday words, so this form is removed by
 *   redaction only (a loose candidate), and only with a written-out "dot" in the domain ("look
 *   at shop.se" is not an address).
 */
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

/**
 * File extensions that are no top-level domain: "foto@2x.png" and "logo@3x.webp" (the scale suffix
 * of image files) and "scan@home.pdf" are file names. Extensions that are also TLDs (.zip, .mov,
 * .py, .md, .rs …) stay valid.
 */
const FILE_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'tif', 'tiff', 'heic', 'heif', 'avif', 'ico', 'pdf', 'doc',
  'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'txt', 'csv', 'json', 'xml', 'htm', 'html', 'php', 'css',
  'js', 'ts', 'eml', 'msg', 'log', 'wav', 'avi', 'mkv', 'rar', 'gz', 'tgz',
]);

function validDomain(domain: string): boolean {
  const dot = domain.lastIndexOf('.');
  if (dot <= 0 || domain.includes('..')) return false;
  const tld = domain.slice(dot + 1);
  if (tld.length < 2 || FILE_EXTENSIONS.has(tld.toLowerCase())) return false;
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

/** "[at]", "(at)", "{at}", "<at>", "[@]", "(@)", with spaces inside and around. */
const AT_MARK_RE = /[ \t]?[[({<][ \t]?(?:at|@)[ \t]?[\])}>][ \t]?/gi;
/** The plain word: "anna at gmail dot com". */
const PLAIN_AT_RE = /[ \t]at[ \t]/gi;
/** A dot written out: "[dot]", "(dot)", "{punkt}" (sv), "(punto)" (it), "[punct]" (ro); sticky. */
const DOT_MARK_RE = /[ \t]?[[({<][ \t]?(?:dot|punkt|punto|punct)[ \t]?[\])}>][ \t]?/iy;
/** The plain word "dot" between two labels; sticky. */
const PLAIN_DOT_RE = /[ \t]dot[ \t](?=[\p{L}\p{N}])/iuy;

/** Length of a written-out dot at `i` (0 when there is none); `plain` also accepts " dot ". */
function dotMarkAt(text: string, i: number): number {
  DOT_MARK_RE.lastIndex = i;
  if (DOT_MARK_RE.test(text)) return DOT_MARK_RE.lastIndex - i;
  PLAIN_DOT_RE.lastIndex = i;
  return PLAIN_DOT_RE.test(text) ? PLAIN_DOT_RE.lastIndex - i : 0;
}

/** Start of a bracketed dot ending at `end` ("anna[dot]svensson"), or -1. At most 12 tries. */
function dotMarkBefore(text: string, end: number): number {
  for (let k = 3; k <= 14 && end - k >= 0; k++) {
    DOT_MARK_RE.lastIndex = end - k;
    if (DOT_MARK_RE.test(text) && DOT_MARK_RE.lastIndex === end) return end - k;
  }
  return -1;
}

interface Part {
  start: number;
  end: number;
  /** The address part with dots for the written-out dots. */
  plain: string;
  /** Whether a dot was written out. */
  spelled: boolean;
}

/** The local part ending at `end`, reading back over local characters and bracketed dots. */
function localBefore(text: string, end: number): Part | null {
  let s = end;
  let plain = '';
  let spelled = false;
  for (;;) {
    let i = s;
    while (i > 0 && end - i < 64 && isLocalCode(text.charCodeAt(i - 1))) i--;
    if (i === s) break;
    plain = text.slice(i, s) + plain;
    s = i;
    const mark = dotMarkBefore(text, s);
    if (mark < 0 || mark === 0 || !isLocalCode(text.charCodeAt(mark - 1))) break;
    plain = `.${plain}`;
    spelled = true;
    s = mark;
  }
  // no leading dot or quote
  while (plain.length > 0 && (plain.charCodeAt(0) === 46 || plain.charCodeAt(0) === 39)) {
    plain = plain.slice(1);
    s++;
  }
  return plain.length > 0 && (s === 0 || text.charCodeAt(s - 1) !== 64) ? { start: s, end, plain, spelled } : null;
}

/** The domain starting at `start`: labels joined by "." or written-out dots. */
function domainAfter(text: string, start: number): Part | null {
  let e = start;
  let plain = '';
  let spelled = false;
  for (;;) {
    let i = e;
    while (i < text.length && i - start <= 253 && (isWordCode(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) i++;
    if (i === e) break;
    plain += text.slice(e, i);
    e = i;
    if (text.charCodeAt(e) === 46 && e + 1 < text.length && isWordCode(text.charCodeAt(e + 1))) {
      plain += '.';
      e++;
      continue;
    }
    const mark = dotMarkAt(text, e);
    if (mark === 0 || e + mark >= text.length || !isWordCode(text.charCodeAt(e + mark))) break;
    plain += '.';
    spelled = true;
    e += mark;
  }
  return plain.length > 0 ? { start, end: e, plain, spelled } : null;
}

export function scanObfuscatedEmails(scan: Scan): void {
  const text = scan.text;
  let m: RegExpExecArray | null;
  // most texts have no bracket at all: no regex pass over them on every inquiry
  if (text.includes('[') || text.includes('(') || text.includes('{') || text.includes('<')) {
    AT_MARK_RE.lastIndex = 0;
    while ((m = AT_MARK_RE.exec(text))) {
      const local = localBefore(text, m.index);
      const domain = local ? domainAfter(text, m.index + m[0].length) : null;
      if (!local || !domain || !validDomain(domain.plain)) continue;
      scan.add('emails', local.start, domain.end, `${local.plain}@${domain.plain}`.toLowerCase(), TIER.email);
      AT_MARK_RE.lastIndex = domain.end;
    }
  }
  if (!scan.loose) return;
  PLAIN_AT_RE.lastIndex = 0;
  while ((m = PLAIN_AT_RE.exec(text))) {
    const local = localBefore(text, m.index);
    const domain = local ? domainAfter(text, m.index + m[0].length) : null;
    PLAIN_AT_RE.lastIndex = m.index + m[0].length - 1;
    if (!local || !domain || !domain.spelled || !validDomain(domain.plain)) continue;
    scan.addLoose('emails', local.start, domain.end);
    PLAIN_AT_RE.lastIndex = domain.end;
  }
}
