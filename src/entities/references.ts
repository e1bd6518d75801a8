/**
 * The shop's own references and context-dependent numbers:
 * - configured order/case patterns, recognised anywhere;
 * - plain numbers (and `#`/letter-prefixed ones such as `#A-2231`) right after (or before) an
 *   order, case or tracking word in any of the four languages;
 * - bare tracking codes (DHL 10 digits, AWBs, GLS, DPD, Bring …) after a tracking word or carrier.
 * A number after an invoice, customer, article, postal-code or similar word is none of these; an
 * order number is never a quantity ("12345 st"), a decimal, a time or a postal code followed by a
 * place name.
 */
import type { ResolvedReferenceConfig } from './config';
import { TIER, type DigitRun, type Scan } from './candidates';
import { followedByPlaceName, followedByUnit, type Label } from './lexicon';
import { digitReach } from './reach';
import { isDigitCode, isLetterCode, isWordCode } from './text';

export interface CompiledReferences {
  patterns: PatternGroup[];
  order: { min: number; max: number };
  case: { min: number; max: number };
}

/** A compiled group of patterns; `order`/`case` say which named wrapper group marks which type. */
export interface PatternGroup {
  re: RegExp;
  /** Type of every match when the group holds one pattern (no wrapper groups). */
  only: 'order' | 'case' | null;
  /**
   * When every match has a digit at most `reach` characters from its start: a sticky regex trying
   * the next `reach + NEAR_SPAN + 1` start positions at once, the pattern captured in group 1.
   */
  near: RegExp | null;
  reach: number;
}

/** Start positions past the reach that one try of a `near` regex covers. */
const NEAR_SPAN = 16;

/**
 * Order and case patterns with the same flags are joined into one alternation with two named
 * wrapper groups, so the text is scanned once per flag set. Patterns with backreferences or named
 * groups of their own are compiled alone.
 */
function compilePatterns(order: ResolvedReferenceConfig['patterns'], cases: ResolvedReferenceConfig['patterns']): PatternGroup[] {
  const byFlags = new Map<string, { order: string[]; case: string[] }>();
  const out: PatternGroup[] = [];
  const add = (p: ResolvedReferenceConfig['patterns'][number], type: 'order' | 'case'): void => {
    const flags = `${[...new Set(p.flags)].sort().join('')}g`;
    if (/\\[1-9k]|\(\?<(?![=!])/.test(p.pattern)) {
      out.push({ re: new RegExp(p.pattern, flags), only: type, near: null, reach: 0 });
      return;
    }
    const entry = byFlags.get(flags) ?? { order: [], case: [] };
    entry[type].push(`(?:${p.pattern})`);
    byFlags.set(flags, entry);
  };
  for (const p of order) add(p, 'order');
  for (const p of cases) add(p, 'case');
  for (const [flags, e] of byFlags) {
    const parts: string[] = [];
    if (e.order.length) parts.push(`(?<o>${e.order.join('|')})`);
    if (e.case.length) parts.push(`(?<c>${e.case.join('|')})`);
    const source = parts.join('|');
    const reach = digitReach(source, flags);
    // the pattern is wrapped in one more group, so this is only done here, where no pattern has
    // numbered backreferences
    const near = reach === null ? null : new RegExp(`[\\s\\S]{0,${reach + NEAR_SPAN}}?(${source})`, flags.replace('g', 'y'));
    out.push({ re: new RegExp(source, flags), only: null, near, reach: reach ?? 0 });
  }
  return out;
}

export function compileReferences(order: ResolvedReferenceConfig, cases: ResolvedReferenceConfig): CompiledReferences {
  return {
    patterns: compilePatterns(order.patterns, cases.patterns),
    order: { min: order.minDigits, max: order.maxDigits },
    case: { min: cases.minDigits, max: cases.maxDigits },
  };
}

export function normalizeReference(value: string): string {
  let s = hasSpace(value) ? value.replace(/\s+/g, '') : value;
  if (s.startsWith('#')) s = s.slice(1);
  return s.toUpperCase();
}

/** Whether `value` may contain white space (any character outside printable ASCII counts). */
function hasSpace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 32 || c >= 127) return true;
  }
  return false;
}

/** The match is not glued to a letter/digit and is not part of a longer number ("SE-884213-1"). */
function freeStanding(text: string, start: number, end: number): boolean {
  if (start > 0 && isWordCode(text.charCodeAt(start)) && isWordCode(text.charCodeAt(start - 1))) return false;
  if (end < text.length) {
    const c = text.charCodeAt(end);
    if (isWordCode(c) && isWordCode(text.charCodeAt(end - 1))) return false;
    if ((c === 45 || c === 47 || c === 46 || c === 44) && end + 1 < text.length && isDigitCode(text.charCodeAt(end + 1))) return false;
  }
  return true;
}

function scanPatterns(scan: Scan, groups: PatternGroup[]): void {
  const text = scan.text;
  for (const group of groups) {
    if (group.near) {
      scanNearRuns(scan, group.near, group.reach);
      continue;
    }
    const { re, only } = group;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      addPatternMatch(scan, m.index, m[0], only ? only === 'order' : m.groups?.['o'] !== undefined);
    }
  }
}

/**
 * The matches a global scan would find, when every match has a digit within `reach` characters
 * of its start: such a match starts at most `reach` characters before a digit run, so only those
 * stretches are searched. `near` tries several start positions per call (see `PatternGroup`).
 */
function scanNearRuns(scan: Scan, near: RegExp, reach: number): void {
  const text = scan.text;
  const span = reach + NEAR_SPAN;
  // no match starts before `next` (the lastIndex of a global scan)
  let next = 0;
  for (const run of scan.runs) {
    let p = Math.max(next, run.start - reach);
    while (p < run.end) {
      near.lastIndex = p;
      const m = near.exec(text);
      if (!m) {
        p += span + 1; // no match starts in [p, p + span]
        continue;
      }
      const raw = m[1] as string;
      const start = p + m[0].length - raw.length;
      if (raw.length === 0) {
        p = start + 1;
        continue;
      }
      addPatternMatch(scan, start, raw, m.groups?.['o'] !== undefined);
      p = start + raw.length;
    }
    next = p;
  }
}

function addPatternMatch(scan: Scan, start: number, raw: string, isOrder: boolean): void {
  const text = scan.text;
  const end = start + raw.length;
  if (!freeStanding(text, start, end)) return;
  const label = scan.labelBefore(start);
  if (label === 'other' || label === 'phone' || label === 'personalId' || label === 'tracking') return;
  if (isOrder && label === 'case') return;
  if (!isOrder && label === 'order') return;
  const normalized = normalizeReference(raw);
  if (isOrder) scan.add('orderNumbers', start, end, normalized, TIER.orderNumber);
  else scan.add('caseNumbers', start, end, normalized, TIER.caseNumber);
}

/** Letters (≤ 4, optional dash) then digits: "A-2231", "WEB123456", "88812". Returns the digit count or -1. */
function prefixedDigits(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && i - start < 5 && isLetterCode(text.charCodeAt(i)) && text.charCodeAt(i) < 128) i++;
  if (i - start > 4) return -1;
  if (i > start && i < end && text.charCodeAt(i) === 45) i++;
  const digitsStart = i;
  while (i < end && isDigitCode(text.charCodeAt(i))) i++;
  return i === end && i > digitsStart ? i - digitsStart : -1;
}

function isPartOfNumber(text: string, start: number, end: number): boolean {
  // decimals, times, dates, ranges: "12345.67", "14:02", "12345/2"
  if (end + 1 < text.length) {
    const c = text.charCodeAt(end);
    if ((c === 46 || c === 44 || c === 58 || c === 47) && isDigitCode(text.charCodeAt(end + 1))) return true;
  }
  if (start >= 2) {
    const c = text.charCodeAt(start - 1);
    if ((c === 46 || c === 44 || c === 58 || c === 47) && isDigitCode(text.charCodeAt(start - 2))) return true;
  }
  return false;
}

/** Bare tracking code after a tracking word: 8–35 letters/digits with ≥ 6 digits, or spaced digit groups. */
function trackingEnd(text: string, start: number, end: number): number {
  const length = end - start;
  let digits = 0;
  let alnum = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) digits++;
    if (isWordCode(c) && c < 128) alnum++;
  }
  if (alnum !== length) return -1;
  if (digits === length && length >= 2 && length <= 6) {
    // "0150 8877 1234 56": digit groups separated by single spaces
    let e = end;
    let total = digits;
    let groups = 1;
    while (groups < 8 && e + 1 < text.length && text.charCodeAt(e) === 32 && isDigitCode(text.charCodeAt(e + 1))) {
      let k = e + 1;
      while (k < text.length && isDigitCode(text.charCodeAt(k))) k++;
      if (k - e - 1 > 6 || (k < text.length && isLetterCode(text.charCodeAt(k)))) break;
      total += k - e - 1;
      e = k;
      groups++;
    }
    return total >= 10 && total <= 30 && groups > 1 ? e : -1;
  }
  if (length < 8 || length > 35) return -1;
  if (digits === length) return digits >= 8 ? end : -1;
  return digits >= 6 ? end : -1;
}

/** A plain order number found after an order word (or in a list after one): the head of a possible list. */
interface ListHead {
  start: number;
  end: number;
}

/**
 * Words that join the items of a list ("4481923, 4481924 och 4481925", "45321 e 45322"), "or"
 * included: the customer names several orders either way.
 */
const LIST_WORDS = new Set(['och', 'samt', 'eller', 'and', 'or', 'e', 'ed', 'o', 'oppure', 'si', 'și', 'şi', 'sau', '&']);

/**
 * Only a list separator between `from` and `to`: a comma, a joining word or "&", or a comma and
 * then one of them (", och"), with spaces around. Both ends are token ends, so the word stands
 * apart from the numbers.
 */
function listJoiner(text: string, from: number, to: number): boolean {
  if (to - from > 8) return false;
  let gap = text.slice(from, to).trim();
  if (gap.charCodeAt(0) === 44) {
    if (gap.length === 1) return true;
    gap = gap.slice(1).trimStart();
  }
  return LIST_WORDS.has(gap.toLowerCase());
}

/** Same written shape: digits for digits, letters for letters, the same punctuation ("A-2231", "A-2232"). */
function sameShape(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) {
    const x = text.charCodeAt(a + k);
    const y = text.charCodeAt(b + k);
    if (isDigitCode(x) ? !isDigitCode(y) : isLetterCode(x) ? !isLetterCode(y) : x !== y) return false;
  }
  return true;
}

export function scanReferences(scan: Scan, refs: CompiledReferences): void {
  const text = scan.text;
  scanPatterns(scan, refs.patterns);
  const minDigits = Math.min(refs.order.min, refs.case.min);
  const covered = scan.coveredRuns();
  let lastToken = -1;
  // the order word before the first number of a list stands for the whole list: reading back from
  // a later number stops at the number before it. Only order numbers (5+ digits): a case number
  // can have the shape of a year ("ärende 4412, 2026").
  let head: ListHead | null = null;
  for (let r = 0; r < scan.runs.length; r++) {
    const run = scan.runs[r] as DigitRun;
    if (run.start < lastToken || covered[r]) continue;
    // widen to the whole token: letters/digits joined by single dashes
    let s = run.start;
    while (s > 0 && run.start - s < 40) {
      const c = text.charCodeAt(s - 1);
      if (isWordCode(c)) s--;
      else if (c === 45 && s >= 2 && isWordCode(text.charCodeAt(s - 2))) s--;
      else break;
    }
    let e = run.end;
    while (e < text.length && e - run.end < 40) {
      const c = text.charCodeAt(e);
      if (isWordCode(c)) e++;
      else if (c === 45 && e + 1 < text.length && isWordCode(text.charCodeAt(e + 1))) e++;
      else break;
    }
    if (s < lastToken) continue;
    lastToken = e;
    const digits = prefixedDigits(text, s, e);
    const plausible = (digits >= minDigits && digits <= 30) || (e - s >= 8 && e - s <= 35) || isGroupStart(text, run);
    if (!plausible) continue;
    const listed: boolean = head !== null && listJoiner(text, head.end, s) && sameShape(text, head.start, head.end, s, e);
    head = classifyToken(scan, refs, s, e, digits, listed) ? { start: s, end: e } : null;
  }
}

/** A short digit group followed by more groups ("0150 8877 1234 56"). */
function isGroupStart(text: string, run: DigitRun): boolean {
  const len = run.end - run.start;
  return len >= 2 && len <= 6 && text.charCodeAt(run.end) === 32 && isDigitCode(text.charCodeAt(run.end + 1));
}

/**
 * Classifies the token [s, e) by the words around it, or failing those as an order number when it
 * is `listed`: in a list after a same-shaped order number. Returns whether it was added as a plain
 * (not `#`) order number, which may head a list in turn.
 */
function classifyToken(scan: Scan, refs: CompiledReferences, s: number, e: number, digits: number, listed: boolean): boolean {
  const text = scan.text;
  const hash = s > 0 && text.charCodeAt(s - 1) === 35;
  const vStart = hash ? s - 1 : s;
  let label: Label = scan.labelBefore(vStart);
  if (label === 'none' && !hash) label = scan.labelAround(vStart, e);
  if (label === 'none' && listed && !hash) label = 'order';
  if (label !== 'order' && label !== 'case' && label !== 'tracking') return false;
  if (label === 'tracking') {
    if (hash) return false;
    const end = trackingEnd(text, s, e);
    if (end > 0) scan.add('trackingNumbers', s, end, text.slice(s, end).replace(/\s+/g, '').toUpperCase(), TIER.trackingContext);
    return false;
  }
  const bounds = label === 'order' ? refs.order : refs.case;
  if (digits < bounds.min || digits > bounds.max) return false;
  if (isPartOfNumber(text, s, e) || followedByUnit(scan.lex, text, e)) return false;
  if (label === 'order') {
    if ((digits === 5 || digits === 6) && digits === e - s && followedByPlaceName(text, e)) return false;
    scan.add('orderNumbers', vStart, e, normalizeReference(text.slice(vStart, e)), TIER.orderNumber);
    return !hash;
  }
  scan.add('caseNumbers', vStart, e, normalizeReference(text.slice(vStart, e)), TIER.caseNumber);
  return false;
}
