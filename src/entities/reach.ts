/**
 * How far into a match of a configured pattern its first guaranteed ASCII digit can lie.
 *
 * Order and case patterns normally contain a number ("ORD-\d{4}-\d{4,8}", "#\s?\d{4,10}"). When
 * every match is known to have a digit within `reach` characters of its start, a match can only
 * start near a digit run, and the pattern need not be run over the rest of the text. Only a small
 * regex subset is understood; anything else (lookarounds, anchors, word boundaries,
 * backreferences, Unicode mode, unbounded repetition before the digit, …) gives null, and the
 * pattern is scanned over the whole text as before.
 */

interface Reach {
  /** Longest match in UTF-16 code units (Infinity when unbounded). */
  maxLen: number;
  /** Largest offset of a digit every match is sure to contain, or null when there may be none. */
  digitAt: number | null;
}

const ONE: Reach = { maxLen: 1, digitAt: null };
const DIGIT: Reach = { maxLen: 1, digitAt: 0 };
const QUANTIFIER_RE = /\{(\d+)(,(\d*))?\}/y;

class Parser {
  i = 0;
  constructor(private readonly src: string) {}

  /** Alternatives separated by `|`, up to a `)` or the end. */
  alternation(): Reach | null {
    let maxLen = 0;
    let digitAt: number | null = 0;
    for (;;) {
      const seq = this.sequence();
      if (!seq) return null;
      maxLen = Math.max(maxLen, seq.maxLen);
      digitAt = digitAt === null || seq.digitAt === null ? null : Math.max(digitAt, seq.digitAt);
      if (this.src[this.i] !== '|') return { maxLen, digitAt };
      this.i++;
    }
  }

  private sequence(): Reach | null {
    let maxLen = 0;
    let digitAt: number | null = null;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      if (!atom) return null;
      const part = this.quantified(atom);
      if (!part) return null;
      if (digitAt === null && part.digitAt !== null) digitAt = maxLen + part.digitAt;
      maxLen += part.maxLen;
    }
    return { maxLen, digitAt };
  }

  private atom(): Reach | null {
    const src = this.src;
    const c = src[this.i] as string;
    if (c === '(') {
      if (src.startsWith('(?:', this.i)) this.i += 3;
      else if (src.startsWith('(?<', this.i) && src[this.i + 3] !== '=' && src[this.i + 3] !== '!') {
        const close = src.indexOf('>', this.i);
        if (close < 0) return null;
        this.i = close + 1;
      } else if (src[this.i + 1] === '?') return null; // lookaround or modifier
      else this.i++;
      const inner = this.alternation();
      if (!inner || src[this.i] !== ')') return null;
      this.i++;
      return inner;
    }
    if (c === '[') {
      let j = this.i + 1;
      const negated = src[j] === '^';
      if (negated) j++;
      const bodyStart = j;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) return null;
      const body = src.slice(bodyStart, j);
      this.i = j + 1;
      return !negated && (body === '\\d' || body === '0-9') ? DIGIT : ONE;
    }
    if (c === '\\') {
      const e = src[this.i + 1];
      if (e === undefined) return null;
      this.i += 2;
      if (e === 'd') return DIGIT;
      if ('DsSwWtnrfv'.includes(e)) return ONE;
      return /[A-Za-z0-9_]/.test(e) ? null : ONE; // an escaped punctuation character is itself
    }
    if ('^$*+?{}]'.includes(c)) return null;
    this.i++;
    return c >= '0' && c <= '9' ? DIGIT : ONE;
  }

  private quantified(atom: Reach): Reach | null {
    const src = this.src;
    let min = 1;
    let max = 1;
    const q = src[this.i];
    if (q === '?' || q === '*' || q === '+') {
      min = q === '+' ? 1 : 0;
      max = q === '?' ? 1 : Infinity;
      this.i++;
    } else if (q === '{') {
      QUANTIFIER_RE.lastIndex = this.i;
      const m = QUANTIFIER_RE.exec(src);
      if (!m) return null;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      this.i += m[0].length;
    } else {
      return atom;
    }
    if (src[this.i] === '?') this.i++; // lazy
    return {
      maxLen: max === 0 || atom.maxLen === 0 ? 0 : atom.maxLen * max,
      digitAt: min >= 1 ? atom.digitAt : null,
    };
  }
}

/**
 * The largest offset from a match's start at which every match of `source` has an ASCII digit, or
 * null when that cannot be shown for the pattern.
 */
export function digitReach(source: string, flags: string): number | null {
  if (flags.includes('u') || flags.includes('v')) return null;
  const parser = new Parser(source);
  const reach = parser.alternation();
  if (!reach || parser.i !== source.length || reach.digitAt === null) return null;
  // a digit after an unbounded part can be anywhere
  return Number.isFinite(reach.digitAt) ? reach.digitAt : null;
}
