/**
 * Language detection for sv / en / it / ro, with the close neighbours (Danish–Norwegian, German, Dutch,
 * French, Spanish, Portuguese, Catalan) and an "unknown language" class as competitors that come out
 * `und`. Per word: character n-gram naive-Bayes weights, stop-word lists, and membership of the word
 * (or of its stem) in the word lists of our languages. Word scores are clipped, summed, and turned into
 * probabilities with a softmax. See docs/language-detection.md.
 */
import { LANGUAGES, isLanguage, type Language, type LanguageCode } from '../languages';
import { grown } from '../arrays';
import { flat } from '../text/normalize';
import {
  ALPHABET_LIMIT,
  BOUND,
  FNV_OFFSET,
  FNV_PRIME,
  K,
  MAX_ORDER,
  MAX_SUFFIX,
  MIN_STEM,
  NG_BITS,
  NGRAM_QUANT,
  OURS,
  SHORT_MAX,
  STEM_SALT,
  CLASSES,
  fnv,
  getModel,
  inFilter,
  neighbourMask,
  type Model,
} from './model';

/** Weights of the scoring; tuned on aggregate accuracy of the development set (see the docs). */
export interface Params {
  /** Multiplier of the n-gram log-likelihood (nats). */
  readonly ngram: number;
  /** The n-gram sum of a word is divided by (number of n-grams found) ^ ngramNorm. */
  readonly ngramNorm: number;
  /** Bonus for a word (or its stem) found in the word list of one of our languages. */
  readonly inLexicon: number;
  /** Score of a word whose letters the language does not write (e.g. ø for Swedish). */
  readonly badLetters: number;
  /** Constant for the neighbour classes when the word is in none of our word lists. */
  readonly neighbour: number;
  /** … when the word is a short form of ours that the neighbour has too. */
  readonly neighbourShared: number;
  /** … when the word is a short form of ours that the neighbour does not have. */
  readonly neighbourAbsent: number;
  /** Bonus for a stop word of the class. */
  readonly stopWord: number;
  /** The unknown-language class: best n-gram score plus this. */
  readonly unknown: number;
  /** A word's score is at most this far below the best class for that word. */
  readonly clip: number;
  /** Weight of a capitalised word inside a sentence, or an acronym (likely a name). */
  readonly nameWeight: number;
  /** Divides the summed scores before the softmax (calibration). */
  readonly temperature: number;
  /** Log prior of each language of ours (sv, en, it, ro). */
  readonly priors: readonly number[];
  /** Log prior of each neighbour class and of the unknown class. */
  readonly neighbourPrior: number;
  readonly unknownPrior: number;
  /** Log-prior bonus for the language named by `hint`. */
  readonly hint: number;
}

export const DEFAULT_PARAMS: Params = {
  ngram: 0.2275,
  ngramNorm: 0.25,
  inLexicon: 2.1,
  badLetters: -0.4,
  neighbour: 0.931,
  neighbourShared: 2.6,
  neighbourAbsent: -0.2,
  stopWord: 8.84,
  unknown: -0.9632,
  clip: 4.4562,
  nameWeight: 0.6231,
  temperature: 1.3,
  priors: [-0.2125, 0.7375, 0.75, 0.15],
  neighbourPrior: -1,
  unknownPrior: 0.15,
  hint: 2,
};

/** At most this many code units of the input are looked at. */
const MAX_SCAN = 16_384;
/** At most this many letters are analysed. */
const MAX_LETTERS = 1_000;
/** Longer letter runs are not words (encoded data, junk) and are skipped. */
const MAX_TOKEN = 40;
/** From this many words on, stop as soon as the leading class is this far (summed scores) ahead. */
const EARLY_WORDS = 12;
const EARLY_MARGIN = 25;
/** Words tokenised in a first pass. */
const FIRST_TOKENS = 40;
/** Scores of recently seen words (with the default weights), so that frequent words cost one lookup. */
const CACHE_LIMIT = 16_384;

const XX = K; // index of the unknown-language class in score vectors
const N = K + 1;

export interface Analysis {
  /** Probability of each language of ours (LANGUAGES order) and of und (index 4). */
  readonly probs: Float64Array;
  /** Number of words analysed. */
  readonly words: number;
}

/** Answers of the Unicode test by code unit (1 letter or mark, 2 not), filled in as code units are met. */
let letterMemo: Uint8Array | undefined;

function isLetterCode(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0x250) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  if (c >= 0x300 && c <= 0x36f) return true; // combining marks stay in the word
  if (c >= 0xd800 && c <= 0xdfff) return false;
  // Typographic quotes and dashes are common in mail: test each code unit once, not every time.
  const memo = (letterMemo ??= new Uint8Array(0x10000));
  if (memo[c] === 0) memo[c] = /\p{L}|\p{M}/u.test(String.fromCharCode(c)) ? 1 : 2;
  return memo[c] === 1;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

const URLISH = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|\.(?:com|net|org|se|it|ro|eu|io|nu|uk|de|no|dk|fi|info|biz|shop)(?:[/:?#]|$)/i;

interface Token {
  readonly word: string;
  /** Capitalised inside a sentence, or an acronym: probably a name, weighs less. */
  readonly name: boolean;
}

/** Token flags. */
const RAW_NAME = 1; // capitalised inside a sentence (before the "title case throughout" rule)
const NON_ASCII = 2;
const SLOW = 4; // letters outside FOLD (combining marks, other scripts, İ): the word is built as a string
const HAS_MARK = 8;

/**
 * Code unit below ALPHABET_LIMIT → its lower case with ş/ţ as ș/ț, i.e. what tokenising makes of it,
 * or 0 when lower case is not one code unit. Lets the tokeniser hash and compare words in place.
 */
let FOLD: Uint16Array | undefined;

function foldTable(): Uint16Array {
  const t = new Uint16Array(ALPHABET_LIMIT);
  for (let c = 0; c < ALPHABET_LIMIT; c++) {
    const l = String.fromCharCode(c).toLowerCase();
    if (l.length !== 1) continue;
    const f = l.charCodeAt(0);
    t[c] = f === 0x15f ? 0x219 : f === 0x163 ? 0x21b : f;
  }
  return t;
}

/**
 * The words of one text, found as they are needed and kept as positions in growable typed arrays
 * (one shared instance: detection is synchronous). Words made of letters in FOLD, nearly all of them,
 * are hashed while scanning and never become strings unless their scores are not cached yet.
 *
 * The first pass (what `tokenize(text, FIRST_TOKENS)` returns) ends at the first chunk boundary with
 * FIRST_TOKENS words or more; scanning on from there gives exactly the rest of the full pass.
 */
class Scanner {
  text = '';
  end = 0;
  i = 0;
  letters = 0;
  sentenceStart = true;
  capitalised = 0;
  /** Words found so far. */
  n = 0;
  /** Per word: where it starts and ends in the text, its hash (FNV-1a of the word's string), flags. */
  start = new Int32Array(64);
  stop = new Int32Array(64);
  hash = new Int32Array(64);
  flags = new Uint8Array(64);
  /** The word, for SLOW words only. */
  words: string[] = [];
  /** Whether the first pass is complete, its word count and how many of them were capitalised. */
  firstDone = false;
  firstCount = 0;
  firstCapitalised = 0;
  private readonly fold: Uint16Array;

  constructor(fold: Uint16Array) {
    this.fold = fold;
  }

  reset(text: string): void {
    this.text = text;
    this.end = Math.min(text.length, MAX_SCAN);
    this.i = 0;
    this.letters = 0;
    this.sentenceStart = true;
    this.capitalised = 0;
    this.n = 0;
    this.firstDone = false;
    this.skipSpace();
    this.checkFirst();
  }

  /** Scans until word t is found or the first pass is complete. */
  ensure(t: number): void {
    while (this.n <= t && !this.firstDone) this.step();
  }

  finishFirst(): void {
    while (!this.firstDone) this.step();
  }

  /** Completes the full pass. */
  finishAll(): void {
    this.finishFirst();
    while (this.i < this.end && this.letters < MAX_LETTERS) this.step();
  }

  /**
   * Whether a capitalised word inside a sentence weighs as a name in the first (or the full) pass: not
   * when most words of that pass are capitalised (title case or all capitals throughout).
   */
  nameWeighs(all: boolean): boolean {
    const count = all ? this.n : this.firstCount;
    const capitalised = all ? this.capitalised : this.firstCapitalised;
    return !(count >= 3 && capitalised >= count * 0.6);
  }

  /** Word t as a string (lower case, NFC, ș/ț), as the scorer takes it. */
  word(t: number): string {
    const f = this.flags[t]!;
    if (f & SLOW) return this.words[t]!;
    return wordOf(this.text.slice(this.start[t]!, this.stop[t]!), (f & NON_ASCII) !== 0, false);
  }

  /** Whether word t is `key` (compared in place for words in FOLD). */
  is(t: number, key: string): boolean {
    if (this.flags[t]! & SLOW) return key === this.words[t];
    const from = this.start[t]!;
    const len = this.stop[t]! - from;
    if (key.length !== len) return false;
    const text = this.text;
    const fold = this.fold;
    for (let k = 0; k < len; k++) if (key.charCodeAt(k) !== fold[text.charCodeAt(from + k)]) return false;
    return true;
  }

  private skipSpace(): void {
    const text = this.text;
    let i = this.i;
    while (i < this.end) {
      const c = text.charCodeAt(i);
      if (!isSpaceCode(c)) break;
      if (c === 10 || c === 13) this.sentenceStart = true;
      i++;
    }
    this.i = i;
  }

  private checkFirst(): void {
    if (!this.firstDone && (this.i >= this.end || this.letters >= MAX_LETTERS || this.n >= FIRST_TOKENS)) {
      this.firstDone = true;
      this.firstCount = this.n;
      this.firstCapitalised = this.capitalised;
    }
  }

  /**
   * Scans the chunk (up to the next white space) at i and its words in one pass. A chunk with a digit or
   * '@', or that looks like a URL, is dropped: its words and what they did to the counts are undone.
   */
  step(): void {
    const text = this.text;
    const end = this.end;
    const i = this.i;
    const n = this.n;
    const letters = this.letters;
    const capitalised = this.capitalised;
    const sentenceStart = this.sentenceStart;
    let skip = false;
    let punct = false;
    let urlish = false; // '.' before a letter or ':/' seen: URLISH may match (see below)
    let j = i;
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : isLetterCode(c) && !(c >= 0x300 && c <= 0x36f)) {
        j = this.scanWord(j);
        continue;
      }
      if (c <= 64) {
        if (isSpaceCode(c)) break;
        if ((c >= 48 && c <= 57) || c === 64 /* @ */) {
          skip = true;
          break;
        }
        if (c === 46 || c === 47 || c === 58) {
          punct = true;
          const d = j + 1 < end ? text.charCodeAt(j + 1) : 0;
          if (c === 46 ? (d | 32) >= 97 && (d | 32) <= 122 : c === 58 && d === 47) urlish = true;
        }
        if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59) this.sentenceStart = true;
      } else if ((c === 0xa0 || c >= 0x2000) && isSpaceCode(c)) break;
      j++;
    }
    if (skip) while (j < end && !isSpaceCode(text.charCodeAt(j))) j++;
    // URLISH needs '://', a leading 'www.' or a '.' before a top-level domain: test only chunks that can match.
    else if (punct && j - i > 4 && (urlish || startsWww(text, i)) && URLISH.test(text.slice(i, j))) skip = true;
    if (skip) {
      this.n = n;
      this.letters = letters;
      this.capitalised = capitalised;
      this.sentenceStart = sentenceStart;
    }
    this.i = j;
    this.skipSpace();
    this.checkFirst();
  }

  /** The letter run at k (a letter) becomes a word unless it is too long; returns where the run ends. */
  private scanWord(k: number): number {
    const text = this.text;
    const end = this.end;
    const fold = this.fold;
    const start = k;
    let h = FNV_OFFSET;
    let flags = 0;
    while (k < end) {
      const c = text.charCodeAt(k);
      let f: number;
      if (c < 128) {
        if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) break;
        f = fold[c]!;
      } else {
        if (!isLetterCode(c)) break;
        flags |= NON_ASCII;
        if (c < ALPHABET_LIMIT) {
          f = fold[c]!;
          if (f === 0) flags |= SLOW;
        } else {
          f = c;
          flags |= SLOW;
          if (c <= 0x36f && c >= 0x300) flags |= HAS_MARK;
        }
      }
      h = Math.imul(h ^ f, FNV_PRIME);
      k++;
    }
    const len = k - start;
    if (len > MAX_TOKEN) return k;
    const t = this.n;
    if (t === this.start.length) this.grow();
    // Capitalised: the first letter changes in the word (ASCII: is upper case).
    const f0 = text.charCodeAt(start);
    let firstUpper: boolean;
    if (flags & SLOW) {
      const original = text.slice(start, k);
      const word = wordOf(original, true, (flags & HAS_MARK) !== 0);
      this.words[t] = word;
      h = fnv(word, 0, word.length, FNV_OFFSET);
      firstUpper = f0 < 128 ? f0 >= 65 && f0 <= 90 : original.charAt(0) !== word.charAt(0);
    } else firstUpper = fold[f0] !== f0;
    if (firstUpper) {
      this.capitalised++;
      if (!this.sentenceStart) flags |= RAW_NAME;
    }
    this.start[t] = start;
    this.stop[t] = k;
    this.hash[t] = h;
    this.flags[t] = flags;
    this.n = t + 1;
    this.letters += len;
    this.sentenceStart = false;
    return k;
  }

  private grow(): void {
    const size = this.start.length * 2;
    this.start = grown(this.start, new Int32Array(size));
    this.stop = grown(this.stop, new Int32Array(size));
    this.hash = grown(this.hash, new Int32Array(size));
    this.flags = grown(this.flags, new Uint8Array(size));
  }
}

function startsWww(text: string, i: number): boolean {
  return (text.charCodeAt(i) | 32) === 119 && (text.charCodeAt(i + 1) | 32) === 119 && (text.charCodeAt(i + 2) | 32) === 119 && text.charCodeAt(i + 3) === 46;
}

/** Lower case; NFC when the word has combining marks; Romanian cedilla letters as comma-below letters. */
function wordOf(original: string, nonAscii: boolean, hasMark: boolean): string {
  let word = original.toLowerCase();
  if (nonAscii) {
    if (hasMark) word = word.normalize('NFC');
    if (word.indexOf('ş') >= 0 || word.indexOf('ţ') >= 0) word = word.replace(/ş/g, 'ș').replace(/ţ/g, 'ț');
  }
  return word;
}

let scanner: Scanner | undefined;

function getScanner(): Scanner {
  return (scanner ??= new Scanner((FOLD ??= foldTable())));
}

/** Splits text into lower-case words, skipping chunks with digits, e-mail addresses and URLs. */
export function tokenize(text: string, maxTokens = Infinity): Token[] {
  const sc = getScanner();
  sc.reset(text);
  // Like the first pass, with maxTokens for FIRST_TOKENS: stop at the first chunk boundary past the limit.
  while (sc.n < maxTokens && sc.i < sc.end && sc.letters < MAX_LETTERS) sc.step();
  const names = sc.nameWeighs(true);
  const out: Token[] = [];
  for (let t = 0; t < sc.n; t++) out.push({ word: sc.word(t), name: names && (sc.flags[t]! & RAW_NAME) !== 0 });
  sc.text = '';
  return out;
}

/** Scratch for scoreWord: each language's stem length (shared between calls, which never overlap). */
const STEM_LEN = new Int32Array(OURS);

/**
 * Scores one word into `out` (length K + 1: the classes, then the unknown language).
 * Exposed for tests and tuning.
 */
export function scoreWord(m: Model, word: string, p: Params, out: Float64Array): void {
  const len = word.length;
  const ng = out;
  ng.fill(0);
  // Character n-grams of ^word$.
  const total = len + 2;
  const w = m.ngWeights;
  const hashes = m.ngHashes;
  let found = 0;
  for (let i = 0; i < total; i++) {
    let h = FNV_OFFSET;
    for (let n = 1; n <= MAX_ORDER && i + n <= total; n++) {
      const j = i + n - 1;
      const code = j === 0 || j === total - 1 ? BOUND : word.charCodeAt(j - 1);
      h = Math.imul(h ^ code, FNV_PRIME);
      if (n === 1 && code === BOUND) continue;
      const key = Math.imul(h ^ n, FNV_PRIME) >>> 0;
      const b = key >>> (32 - NG_BITS);
      for (let r = m.ngStart[b]!, e = m.ngStart[b + 1]!; r < e; r++) {
        if (hashes[r] === key) {
          const base = r * K;
          for (let c = 0; c < K; c++) ng[c]! += w[base + c]!;
          found++;
          break;
        }
      }
    }
  }
  const scale = (p.ngram / NGRAM_QUANT) * (p.ngramNorm && found > 1 ? Math.pow(found, -p.ngramNorm) : 1);
  let best = -Infinity;
  for (let c = 0; c < K; c++) {
    ng[c] = ng[c]! * scale;
    if (ng[c]! > best) best = ng[c]!;
  }
  const unknown = best + p.unknown;

  // Stop words.
  const stopMask = m.stop.get(word) ?? 0;

  // Letters each language of ours writes.
  let alphaMask = (1 << OURS) - 1;
  for (let i = 0; i < len && alphaMask; i++) {
    const code = word.charCodeAt(i);
    alphaMask &= code < ALPHABET_LIMIT ? m.alphabet[code]! : 0;
  }

  // Membership: the whole form if short, else its stem: per language, the longest of its suffixes cut off.
  const whole = len <= SHORT_MAX ? fnv(word, 0, len, FNV_OFFSET) : 0;
  const stemLen = STEM_LEN;
  if (len > SHORT_MAX) {
    stemLen.fill(len);
    const maxK = Math.min(MAX_SUFFIX, len - MIN_STEM);
    let h = FNV_OFFSET;
    for (let k = 1; k <= maxK; k++) {
      h = Math.imul(h ^ word.charCodeAt(len - k), FNV_PRIME);
      const langs = m.suffixes[k]!.get(h >>> 0);
      if (langs) for (let c = 0; c < OURS; c++) if (langs & (1 << c)) stemLen[c] = len - k;
    }
  }
  let member = 0;
  for (let c = 0; c < OURS; c++) {
    let v = ng[c]!;
    if (!(alphaMask & (1 << c))) v += p.badLetters;
    else {
      const key = len > SHORT_MAX ? fnv(word, 0, stemLen[c]!, STEM_SALT) : whole;
      if (inFilter(m.filters[c]!, key)) {
        v += p.inLexicon;
        member |= 1 << c;
      }
    }
    if (stopMask & (1 << c)) v += p.stopWord;
    out[c] = v;
  }
  const shared = member && len <= SHORT_MAX ? neighbourMask(m.neighbours, whole) : -1;
  for (let c = OURS; c < K; c++) {
    const lex = shared < 0 ? p.neighbour : shared & (1 << (c - OURS)) ? p.neighbourShared : p.neighbourAbsent;
    out[c] = ng[c]! + lex + (stopMask & (1 << c) ? p.stopWord : 0);
  }
  out[XX] = unknown;
}

const HINT_ALIAS: Readonly<Record<string, string>> = {
  swe: 'sv', eng: 'en', ita: 'it', ron: 'ro', rum: 'ro', mo: 'ro', nb: 'no', nn: 'no', nob: 'no', nno: 'no', nor: 'no', da: 'no', dan: 'no',
  deu: 'de', ger: 'de', nld: 'nl', dut: 'nl', fra: 'fr', fre: 'fr', spa: 'es', por: 'pt', cat: 'ca',
};
/** The last hint and its class: callers pass the same locale again and again. */
let lastHint: string | undefined;
let lastHintClass = -1;

/** Maps a locale hint ('sv', 'sv-SE', 'it_IT', 'nb-NO' …) to a class index, or −1. */
export function hintClass(hint: string | undefined): number {
  if (typeof hint !== 'string') return -1;
  if (hint === lastHint) return lastHintClass;
  const primary = hint.trim().toLowerCase().split(/[-_.@]/)[0] ?? '';
  const code = HINT_ALIAS[primary] ?? primary;
  lastHintClass = (CLASSES as readonly string[]).indexOf(code);
  lastHint = hint;
  return lastHintClass;
}

/** The allowed languages of ours as a bit mask (all when `only` is absent, empty or has none of ours). */
export function allowedMask(only: readonly Language[] | undefined): number {
  if (!Array.isArray(only) || only.length === 0) return (1 << OURS) - 1;
  let mask = 0;
  for (const l of only) if (isLanguage(l)) mask |= 1 << LANGUAGES.indexOf(l);
  return mask || (1 << OURS) - 1;
}

/**
 * Clipped scores of recently seen words (with the default weights): per word, each class's score minus
 * the word's best, at least −clip, which is what the sum takes. An open-addressing table of word hashes
 * pointing into one pooled Float64Array, so that a word read from the text is found without making a
 * string and its scores sit next to each other in memory.
 */
class WordCache {
  private static readonly SLOT_BITS = 15; // twice CACHE_LIMIT: at most half full
  private readonly slotHash = new Int32Array(1 << WordCache.SLOT_BITS);
  /** Entry + 1, 0 when the slot is empty. */
  private readonly slotEntry = new Int32Array(1 << WordCache.SLOT_BITS);
  private keys: string[] = [];
  /** Entry e's clipped scores are pool[e * N, e * N + N). Grows by doubling up to CACHE_LIMIT entries. */
  pool = new Float64Array(256 * N);
  private size = 0;

  /** Offset in pool of the scores of word t of the scanner, or −1. */
  find(sc: Scanner, t: number): number {
    const h = sc.hash[t]!;
    const mask = this.slotEntry.length - 1;
    for (let s = Math.imul(h, 0x9e3779b1) >>> (32 - WordCache.SLOT_BITS); ; s = (s + 1) & mask) {
      const e = this.slotEntry[s]!;
      if (e === 0) return -1;
      if (this.slotHash[s] === h && sc.is(t, this.keys[e - 1]!)) return (e - 1) * N;
    }
  }

  /** Scores word t of the scanner, stores it, and returns the offset of its scores in pool. */
  add(sc: Scanner, t: number, m: Model, p: Params): number {
    if (this.size >= CACHE_LIMIT) {
      this.slotEntry.fill(0);
      this.keys = [];
      this.size = 0;
    }
    const word = flat(sc.word(t)); // kept as a key: not a slice of the caller's text
    const e = this.size++;
    this.keys.push(word);
    if ((e + 1) * N > this.pool.length) {
      const pool = new Float64Array(Math.min(this.pool.length * 2, CACHE_LIMIT * N));
      pool.set(this.pool);
      this.pool = pool;
    }
    scoreWord(m, word, p, WORD);
    clipInto(WORD, p.clip, this.pool, e * N);
    const h = sc.hash[t]!;
    const mask = this.slotEntry.length - 1;
    let s = Math.imul(h, 0x9e3779b1) >>> (32 - WordCache.SLOT_BITS);
    while (this.slotEntry[s] !== 0) s = (s + 1) & mask;
    this.slotHash[s] = h;
    this.slotEntry[s] = e + 1;
    return e * N;
  }
}

let cache: WordCache | undefined;

/** out[at + c] = max(scores[c] − best, −clip). */
function clipInto(scores: Float64Array, clip: number, out: Float64Array, at: number): void {
  let best = -Infinity;
  for (let c = 0; c < N; c++) if (scores[c]! > best) best = scores[c]!;
  for (let c = 0; c < N; c++) {
    const d = scores[c]! - best;
    out[at + c] = d < -clip ? -clip : d;
  }
}

// Scratch vectors of one analysis (detection is synchronous, so one set is enough).
const WORD = new Float64Array(N);
const CLIPPED = new Float64Array(N);
const SUM = new Float64Array(N);
const LOGITS = new Float64Array(N);

/**
 * Probabilities of sv, en, it, ro and und for the text. Never throws; an empty result (all zero but
 * und = 1, words = 0) when the text has no usable words.
 */
export function analyse(text: unknown, only?: readonly Language[], hint?: string, p: Params = DEFAULT_PARAMS): Analysis {
  const probs = new Float64Array(OURS + 1);
  const words = analyseInto(probs, text, only, hint, p);
  return { probs, words };
}

/**
 * The part of `text` that the scanner reads (its first MAX_SCAN characters), as a flat string (see
 * `flat`): for callers whose text may be of any kind and any length.
 */
export function scannedPart(text: string): string {
  if (typeof text !== 'string') return text;
  return flat(text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text);
}

/** As analyse, writing the probabilities into `probs` (length OURS + 1); returns the number of words. */
export function analyseInto(probs: Float64Array, text: unknown, only?: readonly Language[], hint?: string, p: Params = DEFAULT_PARAMS): number {
  probs.fill(0);
  probs[OURS] = 1;
  lastNeighbourShare = 0;
  if (typeof text !== 'string' || text.length === 0) return 0;
  // Most texts are decided within their first words: the scanner finds words only as they are needed.
  const sc = getScanner();
  sc.reset(text);
  sc.ensure(0);
  if (sc.n === 0) {
    sc.text = '';
    return 0;
  }
  const m = getModel();
  const words = sumScores(sc, m, p);
  sc.text = ''; // the shared scanner keeps no caller's text alive
  const allowed = allowedMask(only);
  const hinted = hintClass(hint);
  const logits = LOGITS;
  let max = -Infinity;
  for (let c = 0; c < N; c++) {
    let v = SUM[c]! / p.temperature;
    if (c < OURS) v += p.priors[c] ?? 0;
    else if (c < K) v += p.neighbourPrior;
    if (c === XX) v += p.unknownPrior;
    if (c === hinted) v += p.hint;
    logits[c] = v;
    if (v > max) max = v;
  }
  let z = 0;
  for (let c = 0; c < N; c++) {
    logits[c] = Math.exp(logits[c]! - max);
    z += logits[c]!;
  }
  let und = 0;
  let neighbours = 0;
  for (let c = 0; c < N; c++) {
    const q = logits[c]! / z;
    if (c < OURS && allowed & (1 << c)) probs[c] = q;
    else {
      if (c < OURS) probs[c] = 0;
      else if (c < K && c !== SCANDINAVIAN) neighbours += q;
      und += q;
    }
  }
  probs[OURS] = und;
  lastNeighbourShare = neighbours;
  return words;
}

let lastNeighbourShare = 0;

/** The Danish–Norwegian class: the neighbour closest to Swedish, and read by Swedish speakers. */
const SCANDINAVIAN = (CLASSES as readonly string[]).indexOf('no');

/**
 * How much of the last analysis was the neighbour languages a Swedish team cannot read (German, Dutch,
 * French, Spanish, Portuguese, Catalan), rather than the unknown class or Danish–Norwegian: evidence
 * that a text is in another language, not merely made of words no list has (names, codes), nor a short
 * Swedish text whose words ("Hej", "Mvh") Norwegian shares.
 */
export function neighbourShare(): number {
  return lastNeighbourShare;
}

/**
 * Sums the clipped word scores into SUM, word by word, until the words run out or one class leads by
 * EARLY_MARGIN. Returns the number of words summed.
 *
 * Which words and weights: those of the first pass (the chunks begun before FIRST_TOKENS words); when
 * that pass stopped at exactly FIRST_TOKENS words, those of the full pass from its last word on. A
 * capitalised word inside a sentence weighs nameWeight unless most words of its pass are capitalised.
 */
function sumScores(sc: Scanner, m: Model, p: Params): number {
  const sum = SUM;
  sum.fill(0);
  const cached = p === DEFAULT_PARAMS;
  const wc = cached ? (cache ??= new WordCache()) : undefined;
  let all = false; // switched to the full pass
  let words = 0;
  for (let t = 0; ; t++) {
    sc.ensure(t);
    if (sc.firstDone && t >= (all ? sc.n : sc.firstCount)) break;
    if (t === FIRST_TOKENS - 1 && sc.firstCount === FIRST_TOKENS && sc.firstDone) {
      sc.finishAll();
      all = sc.n > FIRST_TOKENS;
    }
    let weight = 1;
    if (sc.flags[t]! & RAW_NAME) {
      sc.finishFirst();
      if (sc.nameWeighs(all)) weight = p.nameWeight;
    }
    let scores: Float64Array;
    let at: number;
    if (wc) {
      at = wc.find(sc, t);
      if (at < 0) at = wc.add(sc, t, m, p);
      scores = wc.pool;
    } else {
      scoreWord(m, sc.word(t), p, WORD);
      clipInto(WORD, p.clip, CLIPPED, 0);
      scores = CLIPPED;
      at = 0;
    }
    for (let c = 0; c < N; c++) sum[c]! += weight * scores[at + c]!;
    words++;
    if (words >= EARLY_WORDS && (words & 3) === 0) {
      let a = -Infinity;
      let b = -Infinity;
      for (let c = 0; c < N; c++) {
        const v = sum[c]!;
        if (v > a) {
          b = a;
          a = v;
        } else if (v > b) b = v;
      }
      if (a - b > EARLY_MARGIN) break;
    }
  }
  return words;
}

export type { LanguageCode };
