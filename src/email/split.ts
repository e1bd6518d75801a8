/**
 * Splits an e-mail's plain text into the customer's own words and what
 * surrounds them: quoted history, reply and forward headers, forwarded
 * content, signatures and legal disclaimers.
 *
 * One pass over the lines with cheap prefix checks against the compiled
 * phrase tables (`tables.ts`); lookaheads are bounded to a few lines, so the
 * time is linear in the text and never depends on what the text contains.
 * A line's first word is looked up straight from the raw text (`FoldedWords`),
 * so most lines are ruled out without building a string; a line is folded
 * only when it may start a phrase.
 */
import { fold, foldChar, isSpaceCode } from './fold';
import { getEmailTables, matchRawPrefix, normalizeSeparator, type EmailTables, type HeaderField } from './tables';
import { isJsSpace, subjectKind, type SubjectKind } from './subject';

export type SegmentKind = 'own' | 'quote' | 'forward-header' | 'forwarded' | 'reply-header' | 'signature' | 'disclaimer';

/** A run of whole lines of one kind; `start`/`end` are offsets into the text passed in. */
export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
}

export interface SplitEmail {
  /** The text the segments' offsets point into (the text passed in). */
  text: string;
  /** Consecutive, non-overlapping segments covering the whole text in order (none for ""). */
  segments: Segment[];
  /** The customer's own words (and, for a forward with only a cover note, the forwarded content), joined by line breaks. */
  ownText: string;
  /** True when the message forwards earlier content and adds nothing but a cover note. */
  forwarded: boolean;
}

export interface SplitEmailOptions {
  /** The e-mail's subject; its prefix ("Fwd:", "VB:", "Re:") tells a forward from a reply. */
  subject?: string;
  /**
   * Ranges of `text` known to be quoted, e.g. the `quoteRanges` that
   * `htmlToText` found in the HTML; lines starting inside one count as one
   * quote level deeper.
   */
  quoteRanges?: ReadonlyArray<{ start: number; end: number }>;
}

/** Lines analysed at most; the rest of a longer text joins the last segment. */
const MAX_LINES = 20_000;
/** Characters of a line's start that are folded for the prefix checks. */
const KEY_LENGTH = 64;

const OWN = 0;
const QUOTE = 1;
const FORWARD_HEADER = 2;
const FORWARDED = 3;
const REPLY_HEADER = 4;
const SIGNATURE = 5;
const DISCLAIMER = 6;
const BLANK = 7;

const TIME = /\d[:.]\d\d/;
const YEAR = /\b(?:19|20)\d\d\b/;

/** A capitalised name word (not SHOUTED): "Anna", "Öberg", "O'Brien", "Smith-Jones", or an initial "J.". */
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*|\p{Lu}\.)$/u;
const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'la', 'le', 'af', 'av']);

const KIND_NAMES: readonly SegmentKind[] = ['own', 'quote', 'forward-header', 'forwarded', 'reply-header', 'signature', 'disclaimer'];

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset of the next line (after the line break). */
  next: number;
  /** The content after `>` markers, without surrounding whitespace. */
  cStart: number;
  cEnd: number;
  /** Quote depth: `>` markers, plus one inside a known quote range. */
  depth: number;
  /** Folded first characters of the content; computed when first needed. */
  key?: string;
  /** Memo of `mayStartPhrase()`. */
  mayStart?: boolean;
  /** Memo of `headerField()` (null: none). */
  field?: HeaderField | null;
  /** Memo of `isSignatureLike()`. */
  sigLike?: boolean;
  /** Memo of `separator()` (null: none). */
  sep?: 'forward' | 'original' | 'underscore' | null;
  blank: boolean;
}

function scanLines(text: string, ranges: ReadonlyArray<{ start: number; end: number }> | undefined): { lines: Line[]; rest: number } {
  const lines: Line[] = [];
  const n = text.length;
  let pos = 0;
  let r = 0;
  while (pos < n && lines.length < MAX_LINES) {
    const nl = text.indexOf('\n', pos);
    const next = nl < 0 ? n : nl + 1;
    const end = nl < 0 ? n : nl;
    let i = pos;
    let depth = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 62) depth++;
      else if (!isSpaceCode(c)) break;
      i++;
    }
    let e = end;
    while (e > i && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (ranges) {
      while (r < ranges.length && (ranges[r]?.end ?? 0) <= pos) r++;
      const range = ranges[r];
      if (range && range.start <= pos && pos < range.end) depth++;
    }
    lines.push({
      start: pos,
      next,
      cStart: i,
      cEnd: e,
      depth,
      key: undefined,
      mayStart: undefined,
      field: undefined,
      sigLike: undefined,
      sep: undefined,
      blank: i >= e,
    });
    pos = next;
  }
  return { lines, rest: pos };
}

/** Where a first word ends: whitespace or `:,;!?/`. */
function isTokenEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 58 || c === 44 || c === 59 || c === 33 || c === 63 || c === 47 || c === 0xa0;
}

function isUpperInitial(word: string): boolean {
  const ch = word.charAt(0);
  return ch !== ch.toLowerCase() || /^[0-9+(]/.test(ch);
}

/** True for a word (text[a, b)) in lower case, not an address, link or number. */
function isLowerWordAt(text: string, a: number, b: number): boolean {
  if (a >= b) return false;
  const c0 = text.charCodeAt(a);
  if (c0 < 0x80) {
    if (c0 < 97 || c0 > 122) return false; // not a lower-case letter
  } else {
    const ch = text.charAt(a);
    if (ch === ch.toUpperCase()) return false; // not a cased letter, or upper case
  }
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 64 || c === 47 || (c >= 48 && c <= 57)) return false; // e-mail, URL, digits
  }
  return true;
}

/**
 * Splits an e-mail's text. Never throws; time is linear in the text.
 *
 * @example
 * splitEmail('Var är paketet?\n\nDen 12 nov. 2026 kl. 14:02 skrev Kundtjänst <k@shop.se>:\n> Tack för din beställning')
 *   .ownText // 'Var är paketet?'
 */
export function splitEmail(text: string, options?: SplitEmailOptions): SplitEmail {
  if (typeof text !== 'string' || text.length === 0) {
    return { text: typeof text === 'string' ? text : '', segments: [], ownText: '', forwarded: false };
  }
  const tables = getEmailTables();
  const ranges = normalizeRanges(options?.quoteRanges, text.length);
  const { lines, rest } = scanLines(text, ranges);
  const classifier = new LineClassifier(text, lines, tables, subjectKind(options?.subject));
  const kinds = classifier.run();
  return assemble(text, lines, kinds, rest, classifier.forwardSeen, tables);
}

function normalizeRanges(
  input: ReadonlyArray<{ start: number; end: number }> | undefined,
  length: number,
): Array<{ start: number; end: number }> | undefined {
  if (!input || input.length === 0) return undefined;
  const list = input
    .filter((r) => r && Number.isFinite(r.start) && Number.isFinite(r.end) && r.end > r.start)
    .map((r) => ({ start: Math.max(0, Math.floor(r.start)), end: Math.min(length, Math.ceil(r.end)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const r of list) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push(r);
  }
  return merged.length ? merged : undefined;
}

/**
 * Each line's kind while a text is split; grown on demand and reused (only
 * the first `lines.length` entries count), as splitting never re-enters.
 */
let kindsScratch = new Uint8Array(64);
/** Texts with more lines get a buffer of their own, so that one huge text does not stay in memory. */
const KINDS_SCRATCH_MAX = 65_536;

const MODE_NONE = 0;
const MODE_SIGNATURE = 1;
const MODE_DISCLAIMER = 2;

class LineClassifier {
  readonly kinds: Uint8Array;
  forwardSeen = false;
  private replySeen = false;
  /** Index of the first non-blank line. */
  private readonly firstContent: number;

  constructor(
    private readonly text: string,
    private readonly lines: readonly Line[],
    private readonly t: EmailTables,
    private readonly subject: SubjectKind,
  ) {
    if (lines.length > KINDS_SCRATCH_MAX) this.kinds = new Uint8Array(lines.length).fill(BLANK); // not kept
    else {
      if (kindsScratch.length < lines.length) kindsScratch = new Uint8Array(Math.min(KINDS_SCRATCH_MAX, Math.max(lines.length, kindsScratch.length * 2)));
      this.kinds = kindsScratch.fill(BLANK, 0, lines.length);
    }
    this.firstContent = this.nextNonBlank(0, lines.length);
  }

  run(): Uint8Array {
    const { lines, kinds } = this;
    let fwdLevel = -1; // depth of the forwarded content being read, -1 outside a forward
    let quoteRestLevel = -1; // after a top-posted reply header: lines this deep or deeper are quoted
    let mode = MODE_NONE;
    let contentSeen = false;
    let prev = -1; // previous non-blank line

    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.blank) continue;
      const d = line.depth;
      let base = fwdLevel >= 0 ? fwdLevel : 0;
      if (d < base) {
        // Back out of a forward that lived inside a quote.
        fwdLevel = -1;
        base = 0;
        mode = MODE_NONE;
        quoteRestLevel = -1;
      }
      if (quoteRestLevel >= 0) {
        if (d >= quoteRestLevel) {
          kinds[i] = QUOTE;
          prev = i;
          continue;
        }
        quoteRestLevel = -1;
      }

      if (d > base) {
        const runStart = prev < 0 || lines[prev]!.depth <= base;
        if (runStart && (prev < 0 || kinds[prev] !== REPLY_HEADER)) {
          const fwEnd = this.forwardStartAt(i, d);
          if (fwEnd > i) {
            this.mark(i, fwEnd, FORWARD_HEADER);
            fwdLevel = d;
            this.forwardSeen = true;
            mode = MODE_NONE;
            contentSeen = false;
            prev = fwEnd - 1;
            i = fwEnd - 1;
            continue;
          }
          const rhEnd = this.replyHeaderAt(i, d);
          if (rhEnd > i) {
            this.mark(i, rhEnd, REPLY_HEADER);
            this.replySeen = true;
            mode = MODE_NONE;
            prev = rhEnd - 1;
            i = rhEnd - 1;
            continue;
          }
        }
        kinds[i] = QUOTE;
        mode = MODE_NONE;
        prev = i;
        continue;
      }

      // A line at the level being read (the customer's, or the forwarded message's).
      const fwEnd = this.forwardStartAt(i, d);
      if (fwEnd > i) {
        this.mark(i, fwEnd, FORWARD_HEADER);
        fwdLevel = d;
        this.forwardSeen = true;
        mode = MODE_NONE;
        contentSeen = false;
        prev = fwEnd - 1;
        i = fwEnd - 1;
        continue;
      }
      const rhEnd = this.replyHeaderAt(i, d);
      if (rhEnd > i) {
        this.mark(i, rhEnd, REPLY_HEADER);
        this.replySeen = true;
        mode = MODE_NONE;
        const k = this.nextNonBlank(rhEnd, rhEnd + 8);
        // Quoted with '>' (bottom-posting or inline answers) or top-posted: then all that follows is history.
        if (k < 0 || lines[k]!.depth <= d) quoteRestLevel = d;
        prev = rhEnd - 1;
        i = rhEnd - 1;
        continue;
      }
      prev = i;
      if (this.isSignatureDelimiter(line)) {
        kinds[i] = SIGNATURE;
        mode = MODE_SIGNATURE;
        contentSeen = true;
        continue;
      }
      if (mode !== MODE_DISCLAIMER && this.isDisclaimerStart(i, contentSeen)) {
        kinds[i] = DISCLAIMER;
        mode = MODE_DISCLAIMER;
        continue;
      }
      if (mode === MODE_DISCLAIMER) {
        kinds[i] = DISCLAIMER;
        continue;
      }
      if (mode === MODE_SIGNATURE) {
        kinds[i] = SIGNATURE;
        continue;
      }
      if (this.isMobileSignature(line)) {
        kinds[i] = SIGNATURE;
        contentSeen = true;
        if (this.shortFollow(i + 1, d)) mode = MODE_SIGNATURE;
        continue;
      }
      // A sign-off closes something: it cannot be the first words ("Tack!" alone is the message).
      if (contentSeen && this.isSignOff(line) && this.shortFollow(i + 1, d)) {
        kinds[i] = SIGNATURE;
        mode = MODE_SIGNATURE;
        contentSeen = true;
        continue;
      }
      kinds[i] = fwdLevel >= 0 ? FORWARDED : OWN;
      if (!contentSeen && !this.isGreeting(line)) contentSeen = true;
    }
    this.markNameSignatures();
    return kinds;
  }

  /**
   * A signature without a sign-off: the last paragraph of a run of own (or
   * forwarded) text that starts with a name ("Karin", "/Emma", "Gary Hughes")
   * and continues with signature-like lines (address, phone), after earlier text.
   */
  private markNameSignatures(): void {
    const { lines, kinds } = this;
    for (let k = 0; k < lines.length; k++) {
      const kind = kinds[k];
      if ((kind !== OWN && kind !== FORWARDED) || lines[k]!.blank) continue;
      const next = this.nextNonBlank(k + 1, lines.length);
      if (next >= 0 && kinds[next] === kind && lines[next]!.depth === lines[k]!.depth) continue;
      // k ends a run: find the start of its last paragraph.
      let p = k;
      while (p > 0 && !lines[p - 1]!.blank && kinds[p - 1] === kind) p--;
      if (k - p >= 6) continue;
      let before = p - 1;
      while (before >= 0 && lines[before]!.blank) before--;
      if (before < 0 || before === p - 1 || kinds[before] !== kind) continue;
      if (!this.isNameLine(lines[p]!)) continue;
      let ok = true;
      for (let j = p + 1; j <= k && ok; j++) ok = this.isSignatureLike(lines[j]!);
      if (ok) for (let j = p; j <= k; j++) kinds[j] = SIGNATURE;
    }
  }

  /** "Anna", "Gary Hughes", "/Emma", "- Maria", "J. Smith", "Ana de la Cruz": one to four name words. */
  private isNameLine(line: Line): boolean {
    const len = line.cEnd - line.cStart;
    if (len > 40) return false;
    const content = this.content(line).replace(/^[/\-–—~]\s*/, '');
    const words = content.split(/\s+/).filter(Boolean);
    if (words.length === 0 || words.length > 4) return false;
    let names = 0;
    for (const w of words) {
      if (NAME_WORD.test(w)) names++;
      else if (!NAME_PARTICLES.has(w)) return false;
    }
    return names > 0 && NAME_WORD.test(words[0]!);
  }

  private mark(from: number, to: number, kind: number): void {
    for (let k = from; k < to; k++) if (!this.lines[k]!.blank) this.kinds[k] = kind;
  }

  private nextNonBlank(from: number, limit: number): number {
    const { lines } = this;
    const stop = Math.min(lines.length, limit);
    for (let k = from; k < stop; k++) if (!lines[k]!.blank) return k;
    return -1;
  }

  /** Where the first word starts: the content's start, after any leading '*'. */
  private headStart(line: Line): number {
    let a = line.cStart;
    while (a < line.cEnd && this.text.charCodeAt(a) === 42) a++;
    return a;
  }

  /** Where the first word that starts at `a` ends (whitespace or `:,;!?/`, at most 24 characters on). */
  private headEnd(line: Line, a: number): number {
    let b = a;
    const stop = Math.min(line.cEnd, a + 24);
    while (b < stop && !isTokenEnd(this.text.charCodeAt(b))) b++;
    return b;
  }

  /**
   * True when the line's first word (folded) starts some phrase of the tables
   * (sign-off, header name, disclaimer…). Looked up from the raw text: most
   * lines are ruled out here without building a string.
   */
  private mayStartPhrase(line: Line): boolean {
    if (line.mayStart === undefined) {
      const a = this.headStart(line);
      const b = this.headEnd(line, a);
      // A line of one word and a full stop ("Thanks.", "Tack."), which the sign-off check strips: the
      // word is looked up without it too ("M.v.h" is a line start with its dots).
      let c = b;
      if (b === line.cEnd) while (c > a + 1 && this.text.charCodeAt(c - 1) === 46) c--;
      line.mayStart = !line.blank && (this.t.lineStarts.has(this.text, a, b) || (c < b && this.t.lineStarts.has(this.text, a, c)));
    }
    return line.mayStart;
  }

  /** End of the raw text that `key()` folds. */
  private keyEnd(line: Line): number {
    return Math.min(line.cEnd, line.cStart + KEY_LENGTH);
  }

  private key(line: Line): string {
    if (line.key === undefined) {
      line.key = line.blank ? '' : fold(this.text.slice(line.cStart, Math.min(line.cEnd, line.cStart + KEY_LENGTH)));
    }
    return line.key;
  }

  private content(line: Line): string {
    return this.text.slice(line.cStart, line.cEnd);
  }

  private headerField(line: Line): HeaderField | undefined {
    if (line.field === undefined) line.field = this.findHeaderField(line) ?? null;
    return line.field ?? undefined;
  }

  private findHeaderField(line: Line): HeaderField | undefined {
    if (!this.mayStartPhrase(line)) return undefined;
    // A header name ends in ':' within the first 20 characters of the key, and most lines have none
    // there: look in the raw text before folding the key (folding keeps the offsets of plain text, and
    // never makes or removes a ':').
    const { text } = this;
    const stop = Math.min(line.cEnd, line.cStart + KEY_LENGTH);
    let plain = true;
    let k = line.cStart;
    for (; k < stop; k++) {
      if (plain && k - line.cStart > 20) return undefined;
      const c = text.charCodeAt(k);
      if (c === 58) break;
      if (c >= 0x80) plain = false;
    }
    if (k >= stop || (plain && k === line.cStart)) return undefined;
    const colon = this.key(line).indexOf(':');
    if (colon <= 0 || colon > 20) return undefined;
    let name = this.key(line).slice(0, colon);
    if (name.charCodeAt(0) === 42 || name.endsWith('*')) name = name.replace(/\*/g, '');
    return this.t.headerFields.get(name.trim());
  }

  /** 'forward' / 'original' for a separator line, 'underscore' for Outlook's line of underscores. */
  private separator(line: Line): 'forward' | 'original' | 'underscore' | undefined {
    if (line.sep === undefined) line.sep = this.findSeparator(line) ?? null;
    return line.sep ?? undefined;
  }

  private findSeparator(line: Line): 'forward' | 'original' | 'underscore' | undefined {
    if (line.blank || line.cEnd - line.cStart > 90) return undefined;
    const c0 = this.text.charCodeAt(line.cStart);
    const decorated = c0 === 45 || c0 === 95 || c0 === 61 || c0 === 42 || c0 === 126 || c0 === 35;
    if (!decorated && this.text.charCodeAt(line.cEnd - 1) !== 58) return undefined;
    const key = this.key(line);
    if (c0 === 95 && /^_{8,}$/.test(key)) return 'underscore';
    const kind = this.t.separators.get(normalizeSeparator(key));
    if (!kind) return undefined;
    // "-----Original Message-----"; a forward marker may also be a plain line ending in ':' ("Begin forwarded message:").
    if (decorated || (kind === 'forward' && key.endsWith(':'))) return kind;
    return undefined;
  }

  /**
   * End (exclusive) of a header block ("From:/Sent:/To:/Subject:") starting at `i`, or -1.
   * A bare block (no separator or marker line before it) needs three different
   * fields, and cannot open the text of a message without a Re/Fwd subject:
   * "From: Anna / Subject: Retur" at the top of a contact form is the customer's.
   */
  private headerBlockAt(i: number, level: number, bare: boolean): number {
    const { lines } = this;
    const first = lines[i];
    if (!first || first.depth !== level || !this.headerField(first)) return -1;
    const seen = new Set<HeaderField>();
    let count = 0;
    let last = -1;
    let blanks = 0;
    const stop = Math.min(lines.length, i + 16);
    for (let k = i; k < stop; k++) {
      const line = lines[k]!;
      if (line.blank) {
        if (++blanks > 1) break;
        continue;
      }
      if (line.depth !== level) break;
      const field = this.headerField(line);
      if (!field) break;
      blanks = 0;
      seen.add(field);
      count++;
      last = k;
    }
    if (count < 2) return -1;
    if (bare) {
      if (seen.size < 3) return -1;
      // A block starts at its first field line, not in the middle of a longer run.
      const before = lines[i - 1];
      if (before && !before.blank && before.depth === level && this.headerField(before)) return -1;
      if (level === 0 && this.subject === 'none' && i <= this.firstContent) return -1;
    }
    const ok = seen.size >= 3 || (seen.has('from') && (seen.has('subject') || seen.has('date')));
    return ok ? last + 1 : -1;
  }

  /** End of a forward header starting at `i` (marker line and its header block), or -1. */
  private forwardStartAt(i: number, level: number): number {
    const line = this.lines[i]!;
    const sep = this.separator(line);
    if (sep === 'forward') {
      const k = this.nextNonBlank(i + 1, i + 4);
      if (k >= 0) {
        const end = this.headerBlockAt(k, level, false);
        if (end > k) return end;
      }
      return i + 1;
    }
    if (this.subject === 'forward' && !this.forwardSeen && !this.replySeen) {
      if (sep === 'original' || sep === 'underscore') {
        const k = this.nextNonBlank(i + 1, i + 4);
        const end = k >= 0 ? this.headerBlockAt(k, level, false) : -1;
        if (end > k) return end;
        return sep === 'original' ? i + 1 : -1;
      }
      const end = this.headerBlockAt(i, level, true);
      if (end > i) return end;
    }
    return -1;
  }

  /** End of a reply header starting at `i` (attribution line, separator, header block), or -1. */
  private replyHeaderAt(i: number, level: number): number {
    const line = this.lines[i]!;
    const sep = this.separator(line);
    if (sep === 'original' || sep === 'underscore' || sep === 'forward') {
      const k = this.nextNonBlank(i + 1, i + 4);
      const end = k >= 0 ? this.headerBlockAt(k, level, false) : -1;
      if (end > k) return end;
      return sep === 'underscore' ? -1 : i + 1;
    }
    const end = this.headerBlockAt(i, level, true);
    if (end > i) return end;
    return this.attributionAt(i, level);
  }

  /** End of an "On … wrote:" line (or two or three lines, as Gmail wraps it) starting at `i`, or -1. */
  private attributionAt(i: number, level: number): number {
    const { lines, t } = this;
    const line = lines[i]!;
    if (line.blank) return -1;
    // One of this line and the next two must end in ':'.
    let colonLine = false;
    for (let k = i; k < i + 3 && k < lines.length; k++) {
      const l = lines[k]!;
      if (l.blank) break;
      if (this.text.charCodeAt(l.cEnd - 1) === 58) {
        colonLine = true;
        break;
      }
    }
    if (!colonLine) return -1;
    const c0 = this.text.charCodeAt(line.cStart);
    const startsWithDigit = c0 >= 48 && c0 <= 57;
    const a = this.headStart(line);
    if (!startsWithDigit && !t.attributionStarts.has(this.text, a, this.headEnd(line, a))) {
      // "Anna Svensson <anna@example.se> wrote:" — allowed when it names an address.
      if (line.cEnd - line.cStart > 200 || !this.text.slice(line.cStart, line.cEnd).includes('@')) return -1;
    }
    for (let k = i, used = 0; k < lines.length && used < 3; k++, used++) {
      const l = lines[k]!;
      if (l.blank || l.depth !== level || l.cEnd - l.cStart > 240) return -1;
      // Only a line ending in ':' can close an attribution; fold the lines only then.
      if (this.text.charCodeAt(l.cEnd - 1) !== 58) continue;
      let joined = '';
      for (let j = i; j <= k; j++) joined += (j > i ? ' ' : '') + fold(this.content(lines[j]!));
      return this.isAttribution(joined) ? k + 1 : -1;
    }
    return -1;
  }

  /** Ends like "wrote:" (and names a time, a year or an address), or "skrev Anna <a@b.se>:". */
  private isAttribution(folded: string): boolean {
    if (folded.length > 500) return false;
    const t = this.t;
    const hasTime = TIME.test(folded);
    const hasAddress = folded.includes('@');
    for (const ending of t.attributionEnds) {
      if (folded.endsWith(ending)) return hasTime || hasAddress || YEAR.test(folded);
    }
    if (!hasTime && !hasAddress) return false;
    for (const verb of t.attributionVerbs) if (folded.includes(verb)) return true;
    return false;
  }

  private isSignatureDelimiter(line: Line): boolean {
    return line.cEnd - line.cStart === 2 && this.text.startsWith('--', line.cStart);
  }

  private isMobileSignature(line: Line): boolean {
    if (line.cEnd - line.cStart > 80 || !this.mayStartPhrase(line)) return false;
    return matchRawPrefix(this.t.mobileSignatures, this.text, line.cStart, this.keyEnd(line)) !== undefined;
  }

  private isSignOff(line: Line): boolean {
    const len = line.cEnd - line.cStart;
    if (len > 60 || !this.mayStartPhrase(line)) return false;
    const t = this.t;
    const key = this.key(line).replace(/[\s.,!:;\-–—]+$/, '');
    if (t.signOffs.has(key)) return true;
    const words = key.split(/[\s,/]+/);
    if (words.length < 2) return false;
    const original = this.content(line).split(/[\s,/]+/);
    if (original.length !== words.length) return false;
    for (let n = Math.min(t.signOffMaxWords, words.length - 1); n >= 1; n--) {
      if (!t.signOffs.has(words.slice(0, n).join(' ').replace(/[.,!:;]+$/, ''))) continue;
      const restWords = original.slice(n).filter(Boolean);
      return restWords.length <= 4 && restWords.every(isUpperInitial);
    }
    return false;
  }

  /** A line that may belong to a signature: a name, title, phone, address, link — not a sentence. */
  private isSignatureLike(line: Line): boolean {
    // Signature lookaheads of several sign-off candidates may read the same lines.
    if (line.sigLike === undefined) line.sigLike = this.readSignatureLike(line);
    return line.sigLike;
  }

  private readSignatureLike(line: Line): boolean {
    const len = line.cEnd - line.cStart;
    if (len > 100) return false;
    const { text } = this;
    const start = line.cStart;
    const end = line.cEnd;
    const c0 = text.charCodeAt(start) | 32;
    if (c0 === 112 && (text.charCodeAt(start + 1) | 32) === 115 && /^p\.?s\b/i.test(this.content(line))) return false; // "P.S.", "PS:"
    if (end > start && text.charCodeAt(end - 1) === 63) return false; // ends with '?'
    // The words as content.split(/\s+/) has them (an empty one where the content starts or ends with
    // white space), counted in place.
    let words = 0;
    let lower = 0;
    for (let a = start; ; ) {
      let b = a;
      while (b < end && !isJsSpace(text.charCodeAt(b))) b++;
      if (++words > 10) return false;
      if (isLowerWordAt(text, a, b)) lower++;
      if (b >= end) break;
      a = b;
      while (a < end && isJsSpace(text.charCodeAt(a))) a++;
    }
    if (this.namesAnOrder(line)) return false;
    if (lower >= 4) return false;
    const last = end > start ? text.charCodeAt(end - 1) : NaN;
    if ((last === 46 || last === 33) && words >= 3 && lower >= 2) return false;
    return true;
  }

  /** "Hej!", "Hi Anna,", "Buongiorno," — an opening greeting, which does not count as content yet. */
  private isGreeting(line: Line): boolean {
    if (line.cEnd - line.cStart > 40) return false;
    // The same split into words, read from the raw line while it folds to ASCII: no key, no regex.
    const { text } = this;
    let words = 0;
    let firstStart = -1;
    let firstEnd = -1;
    let inWord = false;
    for (let i = line.cStart; i < line.cEnd; i++) {
      const f = foldChar(text.charCodeAt(i));
      if (f < 0 || f >= 0x80) return this.isGreetingFolded(line);
      const letter = (f >= 97 && f <= 122) || f === 39;
      if (letter && !inWord) {
        if (++words > 4) return false;
        if (words === 1) firstStart = i;
      } else if (!letter && inWord && words === 1) firstEnd = i;
      inWord = letter;
    }
    if (words === 0) return false;
    return this.t.greetingWords.has(text, firstStart, firstEnd < 0 ? line.cEnd : firstEnd);
  }

  /** The reference `isGreeting` must agree with: it folds the line first. */
  private isGreetingFolded(line: Line): boolean {
    const words = this.key(line).split(/[^\p{L}']+/u).filter(Boolean);
    return words.length > 0 && words.length <= 4 && this.t.coverWords.has(words[0]!);
  }

  /** True when the line mentions an order ("Order 4481923", "#55123", "comanda nr. 77812"). */
  private namesAnOrder(line: Line): boolean {
    // Read from the raw text while it folds a character at a time: '#' before a digit, or an order
    // word among the runs of [a-z0-9] of the folded key.
    const { text } = this;
    const end = this.keyEnd(line);
    let word = -1; // start of the current run of [a-z0-9]
    let prev = -1;
    for (let k = line.cStart; k < end; k++) {
      const f = foldChar(text.charCodeAt(k));
      if (f < 0) return this.namesAnOrderFolded(line);
      const alnum = (f >= 97 && f <= 122) || (f >= 48 && f <= 57);
      if (prev === 35 && f >= 48 && f <= 57) return true;
      if (alnum && word < 0) word = k;
      else if (!alnum && word >= 0) {
        if (this.t.orderWordsRaw.has(text, word, k)) return true;
        word = -1;
      }
      prev = f;
    }
    return word >= 0 && this.t.orderWordsRaw.has(text, word, end);
  }

  /** The reference `namesAnOrder` must agree with: it folds the line first. */
  private namesAnOrderFolded(line: Line): boolean {
    const key = this.key(line);
    if (/#\d/.test(key)) return true;
    for (const word of key.split(/[^a-z0-9]+/)) if (this.t.orderWords.has(word)) return true;
    return false;
  }

  /** A structural line that ends a signature lookahead. */
  private isBoundary(k: number, level: number): boolean {
    const line = this.lines[k]!;
    if (line.depth !== level) return true;
    if (this.separator(line) !== undefined) return true;
    if (this.isSignatureDelimiter(line)) return true;
    if (this.headerField(line) && this.headerBlockAt(k, level, true) > k) return true;
    if (this.attributionAt(k, level) > k) return true;
    return this.isDisclaimerStart(k, true);
  }

  /** True when the lines from `from` up to the next boundary are few and signature-like. */
  private shortFollow(from: number, level: number): boolean {
    const { lines } = this;
    let nonBlank = 0;
    const stop = Math.min(lines.length, from + 24);
    for (let k = from; k < stop; k++) {
      const line = lines[k]!;
      if (line.blank) continue;
      if (this.isBoundary(k, level)) return true;
      if (++nonBlank > 8) return false;
      if (!this.isSignatureLike(line)) return false;
    }
    return stop === lines.length;
  }

  private isDisclaimerStart(i: number, contentSeen: boolean): boolean {
    if (!contentSeen) return false;
    const line = this.lines[i]!;
    if (!this.mayStartPhrase(line)) return false;
    const t = this.t;
    if (matchRawPrefix(t.disclaimerHeadings, this.text, line.cStart, this.keyEnd(line)) !== undefined) return true;
    if (matchRawPrefix(t.disclaimerOpeners, this.text, line.cStart, this.keyEnd(line)) === undefined) return false;
    // The paragraph (up to a blank line, 700 characters) must read like a disclaimer.
    const { lines } = this;
    let end = line.cEnd;
    for (let k = i + 1; k < lines.length && k < i + 12; k++) {
      const l = lines[k]!;
      if (l.blank || end - line.cStart > 700) break;
      end = l.cEnd;
    }
    const paragraph = fold(this.text.slice(line.cStart, Math.min(end, line.cStart + 700)));
    if (paragraph.length < 60) return false;
    for (const word of t.disclaimerKeywords) if (paragraph.includes(word)) return true;
    return false;
  }
}

function assemble(
  text: string,
  lines: readonly Line[],
  kinds: Uint8Array,
  rest: number,
  forwardSeen: boolean,
  tables: EmailTables,
): SplitEmail {
  // Blank lines join the segment before them (leading blank lines the first one).
  let firstKind = OWN;
  for (let k = 0; k < lines.length; k++) {
    if (kinds[k] !== BLANK) {
      firstKind = kinds[k]!;
      break;
    }
  }
  let current = firstKind;
  for (let k = 0; k < lines.length; k++) {
    if (kinds[k] === BLANK) kinds[k] = current;
    else current = kinds[k]!;
  }

  const segments: Segment[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const kind = KIND_NAMES[kinds[k]!]!;
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.end = line.next;
    else segments.push({ kind, start: line.start, end: line.next });
  }
  if (rest < text.length) {
    const last = segments[segments.length - 1];
    if (last) last.end = text.length;
    else segments.push({ kind: 'own', start: rest, end: text.length });
  }

  const own = collect(text, lines, kinds, rest, false);
  const forwarded = forwardSeen && isCoverNote(own, tables) && kinds.subarray(0, lines.length).includes(FORWARDED);
  const ownText = forwarded ? collect(text, lines, kinds, rest, true) : own;
  return { text, segments, ownText, forwarded };
}

/**
 * Joins the content of the lines whose kind is picked (OWN, and FORWARDED too
 * when `withForwarded`); runs of other lines become one blank line.
 */
function collect(text: string, lines: readonly Line[], kinds: Uint8Array, rest: number, withForwarded: boolean): string {
  // Usually the result reads exactly like a stretch of the text (lines joined by the "\n" between
  // them, at most one empty line for a gap): then it is that slice, and no string is built.
  let from = -1;
  let pos = -1;
  let gap = false;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const kind = kinds[k]!;
    if ((kind !== OWN && (kind !== FORWARDED || !withForwarded)) || line.blank) {
      gap = true;
      continue;
    }
    if (from < 0) from = line.cStart;
    else if (!readsJoined(text, pos, line.cStart, gap)) return joinLines(text, lines, kinds, rest, withForwarded);
    gap = false;
    pos = line.cEnd;
  }
  if (rest < text.length) return joinLines(text, lines, kinds, rest, withForwarded);
  return from < 0 ? '' : text.slice(from, pos);
}

/** True when the text from `pos` to `next` is what joining puts between two lines: "\n", or "\n\n" after a gap. */
function readsJoined(text: string, pos: number, next: number, gap: boolean): boolean {
  if (next - pos !== (gap ? 2 : 1)) return false;
  for (let k = pos; k < next; k++) if (text.charCodeAt(k) !== 10) return false;
  return true;
}

function joinLines(text: string, lines: readonly Line[], kinds: Uint8Array, rest: number, withForwarded: boolean): string {
  const pick = (kind: number) => kind === OWN || (withForwarded && kind === FORWARDED);
  const parts: string[] = [];
  let gap = false;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (!pick(kinds[k]!) || line.blank) {
      gap = true;
      continue;
    }
    if (gap && parts.length) parts.push('');
    gap = false;
    parts.push(text.slice(line.cStart, line.cEnd));
  }
  const lastKind = lines.length > 0 ? kinds[lines.length - 1] : undefined;
  if (rest < text.length && lastKind !== undefined && pick(lastKind)) {
    const tail = text.slice(rest).trim();
    if (tail) parts.push(tail);
  }
  return parts.join('\n');
}

/** True for an empty note or one that only points at the forwarded mail ("se nedan", "FYI"). */
function isCoverNote(own: string, tables: EmailTables): boolean {
  if (own.length === 0) return true;
  if (own.length > 400) return false;
  const words = fold(own).split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  if (words.length === 0) return true;
  if (words.length <= 25) {
    const padded = ` ${words.join(' ')} `;
    for (const phrase of tables.coverNotes) if (padded.includes(` ${phrase} `)) return true;
  }
  let content = 0;
  for (const w of words) if (!tables.coverWords.has(w)) content++;
  return content <= 1;
}
