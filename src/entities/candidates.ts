import { labelAfter, labelBefore, type Label, type Lexicon } from './lexicon';
import { isDashCode, isSpaceCode } from './text';
import type { Amount, EntityType } from './types';
import { sortInPlace } from '../arrays';

const FIRST_DIGIT_RE = /\d/g;

/**
 * Separators that join digits into one cluster: spaces (also no-break, thin and figure spaces),
 * dashes (also the Unicode hyphens and en dash), `+`, `.`, `/`, `,`, `(`, `)`, `'`, `’`.
 */
function isClusterCode(c: number): boolean {
  return c === 43 || c === 46 || c === 47 || c === 44 || c === 40 || c === 41 || c === 39 || c === 0x2019 || isSpaceCode(c) || isDashCode(c);
}

/**
 * Precedence when spans overlap (lower wins). Checksummed types first, then the rest; `loose` are
 * shapes that failed strict validation and are used by redaction only.
 */
export const TIER = {
  iban: 0,
  card: 1,
  personalId: 2,
  trackingChecked: 3,
  email: 4,
  amount: 5,
  date: 6,
  phone: 7,
  trackingContext: 8,
  caseNumber: 9,
  orderNumber: 10,
  loose: 11,
  name: 12,
} as const;

/** Kinds of span that only redaction uses. */
export type RedactionKind = 'name';

export interface Candidate {
  type: EntityType | RedactionKind;
  start: number;
  end: number;
  normalized: string | Amount;
  tier: number;
  /** Shape-only match kept for redaction, not reported by `extract()`. */
  loose: boolean;
}

/** A maximal run of ASCII digits. */
export interface DigitRun {
  start: number;
  end: number;
}

/** Digits joined by separators (space, `-`, `+`, `.`, `,`, `/`, `(`, `)`, `'`): the unit of gating. */
export interface DigitCluster {
  start: number;
  /** After the last digit. */
  end: number;
  digits: number;
}

const NONE_COVERED: readonly boolean[] = [];

function byStart(a: Candidate, b: Candidate): number {
  return a.start - b.start;
}

/** Per-call scanning state: the text, the lexicon, digit runs and clusters, and a label cache. */
export class Scan {
  readonly out: Candidate[] = [];
  readonly runs: DigitRun[] = [];
  readonly clusters: DigitCluster[] = [];
  totalDigits = 0;
  maxCluster = 0;
  /**
   * Cache of `labelBefore` results by position (bounded in size). A text has few labelled
   * positions, so two short arrays searched in order serve better than a Map; past 16 positions a
   * Map takes the rest.
   */
  private readonly cachedAt: number[] = [];
  private readonly cachedLabel: Label[] = [];
  private cachedMore: Map<number, Label> | undefined;

  constructor(
    readonly text: string,
    readonly lex: Lexicon,
    /** Whether shape-only (loose) candidates are wanted (redaction). */
    readonly loose: boolean,
  ) {}

  /**
   * Finds digit runs and clusters in one pass over the text: a cluster starts at a digit, spans
   * digits and separators (see `isClusterCode`) and ends after its last digit.
   */
  indexDigits(): void {
    const text = this.text;
    const n = text.length;
    let i = 0;
    for (;;) {
      // the regex engine skips the text between clusters much faster than a charCodeAt loop, and
      // `test` builds no match object
      FIRST_DIGIT_RE.lastIndex = i;
      if (!FIRST_DIGIT_RE.test(text)) break;
      i = FIRST_DIGIT_RE.lastIndex - 1;
      const start = i;
      let digits = 0;
      let lastDigitEnd = start;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          const s = i;
          do i++;
          while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57);
          this.runs.push({ start: s, end: i });
          digits += i - s;
          lastDigitEnd = i;
        } else if (isClusterCode(c)) i++;
        else break;
      }
      this.clusters.push({ start, end: lastDigitEnd, digits });
      this.totalDigits += digits;
      if (digits > this.maxCluster) this.maxCluster = digits;
      // separators after the last digit are not part of the cluster
      i = lastDigitEnd;
    }
  }

  labelBefore(pos: number): Label {
    // most texts ask about a few positions: two short arrays, searched in order, cost less than a
    // map; a text full of numbers moves on to a map so that each lookup stays constant-time
    const at = this.cachedAt;
    for (let i = 0; i < at.length; i++) if (at[i] === pos) return this.cachedLabel[i] as Label;
    const more = this.cachedMore;
    if (more) {
      const hit = more.get(pos);
      if (hit !== undefined) return hit;
    }
    const l = labelBefore(this.lex, this.text, pos);
    if (at.length < 16) {
      at.push(pos);
      this.cachedLabel.push(l);
    } else {
      const map = (this.cachedMore ??= new Map());
      if (map.size >= 4096) map.clear();
      map.set(pos, l);
    }
    return l;
  }

  /**
   * For each digit run, whether it overlaps a strict candidate found so far (all of which take
   * precedence over the context-based references scanned last).
   */
  coveredRuns(): readonly boolean[] {
    // often nothing was found: every run is free (an empty array reads as false everywhere)
    if (this.out.length === 0) return NONE_COVERED;
    const spans = sortInPlace(this.out.filter((c) => !c.loose), byStart);
    const covered: boolean[] = new Array<boolean>(this.runs.length);
    let j = 0;
    let reach = -1; // furthest end among spans starting before the current run
    for (let i = 0; i < this.runs.length; i++) {
      const run = this.runs[i] as DigitRun;
      while (j < spans.length && (spans[j] as Candidate).start < run.end) {
        reach = Math.max(reach, (spans[j] as Candidate).end);
        j++;
      }
      covered[i] = reach > run.start;
    }
    return covered;
  }

  /** Label before `start`, or failing that the label after `end`. */
  labelAround(start: number, end: number): Label {
    const b = this.labelBefore(start);
    return b !== 'none' ? b : labelAfter(this.lex, this.text, end);
  }

  add(type: EntityType, start: number, end: number, normalized: string | Amount, tier: number): void {
    this.out.push({ type, start, end, normalized, tier, loose: false });
  }

  /** `tier` ranks a shape that words around it vouch for above strict candidates inside it. */
  addLoose(type: EntityType | RedactionKind, start: number, end: number, tier?: number): void {
    if (!this.loose) return;
    this.out.push({ type, start, end, normalized: '', tier: tier ?? (type === 'name' ? TIER.name : TIER.loose), loose: true });
  }
}
