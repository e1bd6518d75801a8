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
import { BackwardTokens, isWordCode } from './text';

function isLocalCode(c: number): boolean {
  // letters, digits and . _ % + - ' (plus non-ASCII letters)
  return isWordCode(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39;
}

function isDomainCode(c: number): boolean {
  return isWordCode(c) || c === 46 || c === 45;
}

/**
 * Invisible characters that copying from web pages and chat apps leaves inside words: soft hyphen,
 * zero-width space, non-joiner and joiner, word joiner, BOM. Inside an address they are read over
 * ("anna\u200b.svensson@gmail.com" is one address, not "svensson@gmail.com" after a first name).
 */
function isInvisibleCode(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

function hasInvisible(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isInvisibleCode(s.charCodeAt(i))) return true;
  return false;
}

function withoutInvisible(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isInvisibleCode(s.charCodeAt(i))) out += s[i];
  return out;
}

export function scanEmails(scan: Scan): void {
  const text = scan.text;
  let at = text.indexOf('@');
  let minStart = 0;
  while (at >= 0) {
    let s = at;
    while (s > minStart && at - s < 64 && (isLocalCode(text.charCodeAt(s - 1)) || isInvisibleCode(text.charCodeAt(s - 1)))) s--;
    // no leading dot, quote or invisible character
    while (s < at && (text.charCodeAt(s) === 46 || text.charCodeAt(s) === 39 || isInvisibleCode(text.charCodeAt(s)))) s++;
    let e = at + 1;
    while (e < text.length && e - at <= 253 && (isDomainCode(text.charCodeAt(e)) || isInvisibleCode(text.charCodeAt(e)))) e++;
    // trim trailing dots, hyphens and invisible characters ("…@shop.se." at the end of a sentence)
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45 || isInvisibleCode(text.charCodeAt(e - 1)))) e--;
    const next = text.indexOf('@', at + 1);
    if (s < at && e > at + 1 && (s === 0 || text.charCodeAt(s - 1) !== 64)) {
      let address = text.slice(s, e);
      if (hasInvisible(address)) address = withoutInvisible(address);
      const sign = address.indexOf('@');
      const domain = address.slice(sign + 1);
      if (sign > 0 && address.charCodeAt(sign - 1) !== 46) {
        if (validDomain(domain)) {
          scan.add('emails', s, e, address.toLowerCase(), TIER.email);
          minStart = e;
        } else if (scan.loose && undottedDomain(domain) && mailWordBefore(scan, s)) {
          // "mejla anna@gmail": the top-level domain left out, after a word that says it is an address
          scan.addLoose('emails', s, e);
          minStart = e;
        }
      }
    }
    at = next;
  }
}

/** A domain with no dot at all ("gmail"): a label of letters, digits and inner hyphens. */
function undottedDomain(domain: string): boolean {
  if (domain.length < 2 || domain.length > 63 || domain.startsWith('-')) return false;
  for (let i = 0; i < domain.length; i++) if (!isWordCode(domain.charCodeAt(i)) && domain.charCodeAt(i) !== 45) return false;
  return true;
}

/** Words that introduce an e-mail address: "mejla", "e-mail", "email", "mail", "scrivimi", "scrieți-mi". */
const MAIL_WORDS = new Set([
  'mejl', 'mejla', 'mejlen', 'mejladress', 'mejladressen', 'maila', 'mailadress', 'mailadressen', 'epost', 'epostadress',
  'mail', 'email', 'emails', 'mails', 'scrivimi', 'scrivetemi', 'scrivere', 'scrieti', 'scrie', 'emailul', 'mailul',
]);

/** Little words between a mail word and the address ("mejla mig på", "scrivimi a", "e-mail address:"). */
const MAIL_FILLERS = new Set(['till', 'to', 'a', 'al', 'su', 'pe', 'la', 'at', 'on', 'via', 'address', 'adress', 'adressen', 'indirizzo', 'adresa']);

function mailWordBefore(scan: Scan, pos: number): boolean {
  const it = new BackwardTokens(scan.text, pos, 64);
  for (let k = 0; k < 5; k++) {
    if (!it.advance() || it.digits) return false;
    const word = it.word();
    if (MAIL_WORDS.has(word)) return true;
    // "e-post", "e-postadress": the "e-" is a token of its own
    if ((word === 'post' || word === 'postadress') && it.start >= 2 && scan.text.charCodeAt(it.start - 1) === 45 && (scan.text.charCodeAt(it.start - 2) | 32) === 101) return true;
    if (!scan.lex.fillers.has(word) && !MAIL_FILLERS.has(word)) return false;
  }
  return false;
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
