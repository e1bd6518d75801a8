/**
 * Language detection for sv / en / it / ro, with the close neighbours (Danish–Norwegian, German, Dutch,
 * French, Spanish, Portuguese, Catalan) and an "unknown language" class as competitors that come out
 * `und`. Per word: character n-gram naive-Bayes weights, stop-word lists, and membership of the word
 * (or of its stem) in the word lists of our languages. Word scores are clipped, summed, and turned into
 * probabilities with a softmax. See docs/language-detection.md.
 */
import { LANGUAGES, isLanguage, type Language, type LanguageCode } from '../languages';
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
const wordCache = new Map<string, Float64Array>();

const XX = K; // index of the unknown-language class in score vectors
const N = K + 1;

export interface Analysis {
  /** Probability of each language of ours (LANGUAGES order) and of und (index 4). */
  readonly probs: Float64Array;
  /** Number of words analysed. */
  readonly words: number;
}

function isLetterCode(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0x250) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  if (c >= 0x300 && c <= 0x36f) return true; // combining marks stay in the word
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return /\p{L}|\p{M}/u.test(String.fromCharCode(c));
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

/** Splits text into lower-case words, skipping chunks with digits, e-mail addresses and URLs. */
export function tokenize(text: string, maxTokens = Infinity): Token[] {
  const end = Math.min(text.length, MAX_SCAN);
  const raw: Array<{ word: string; name: boolean }> = []; // becomes the result: `name` is settled at the end
  let letters = 0;
  let sentenceStart = true;
  let capitalised = 0;
  let i = 0;
  while (i < end && letters < MAX_LETTERS && raw.length < maxTokens) {
    let c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (c === 10 || c === 13) sentenceStart = true;
      i++;
      continue;
    }
    let j = i;
    let skip = false;
    let punct = false;
    while (j < end) {
      c = text.charCodeAt(j);
      if (c <= 64) {
        if (isSpaceCode(c)) break;
        if ((c >= 48 && c <= 57) || c === 64 /* @ */) skip = true;
        else if (c === 46 || c === 47 || c === 58) punct = true;
      } else if ((c === 0xa0 || c >= 0x2000) && isSpaceCode(c)) break;
      j++;
    }
    if (!skip && punct && j - i > 4) {
      const chunk = text.slice(i, j);
      if (URLISH.test(chunk)) skip = true;
    }
    if (skip) {
      i = j;
      continue;
    }
    let k = i;
    while (k < j) {
      c = text.charCodeAt(k);
      if (!isLetterCode(c) || (c >= 0x300 && c <= 0x36f)) {
        if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59) sentenceStart = true;
        k++;
        continue;
      }
      const start = k;
      let hasMark = false;
      let nonAscii = false;
      while (k < j) {
        c = text.charCodeAt(k);
        if (c < 128) {
          if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) break;
        } else {
          if (!isLetterCode(c)) break;
          nonAscii = true;
          if (c >= 0x300 && c <= 0x36f) hasMark = true;
        }
        k++;
      }
      const len = k - start;
      if (len > MAX_TOKEN) continue;
      const original = text.slice(start, k);
      let word = original.toLowerCase();
      if (nonAscii) {
        if (hasMark) word = word.normalize('NFC');
        if (word.indexOf('ş') >= 0 || word.indexOf('ţ') >= 0) word = word.replace(/ş/g, 'ș').replace(/ţ/g, 'ț');
      }
      const f0 = original.charCodeAt(0);
      const firstUpper = f0 < 128 ? f0 >= 65 && f0 <= 90 : original.charAt(0) !== word.charAt(0);
      if (firstUpper) capitalised++;
      raw.push({ word, name: !sentenceStart && firstUpper });
      letters += len;
      sentenceStart = false;
    }
    i = j;
  }
  // Title case or all capitals throughout: capital letters tell nothing about names.
  const casual = raw.length >= 3 && capitalised >= raw.length * 0.6;
  if (casual) for (const t of raw) t.name = false;
  return raw;
}

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

  // Membership: the whole form if short, else its stem.
  const whole = len <= SHORT_MAX ? fnv(word, 0, len, FNV_OFFSET) : 0;
  let member = 0;
  for (let c = 0; c < OURS; c++) {
    let v = ng[c]!;
    if (!(alphaMask & (1 << c))) v += p.badLetters;
    else {
      let key = whole;
      if (len > SHORT_MAX) {
        const sets = m.suffixes[c]!;
        const maxK = Math.min(MAX_SUFFIX, len - MIN_STEM);
        let h = FNV_OFFSET;
        let stemLen = len;
        for (let k = 1; k <= maxK; k++) {
          h = Math.imul(h ^ word.charCodeAt(len - k), FNV_PRIME);
          if (sets[k]!.has(h >>> 0)) stemLen = len - k;
        }
        key = fnv(word, 0, stemLen, STEM_SALT);
      }
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

/** Maps a locale hint ('sv', 'sv-SE', 'it_IT', 'nb-NO' …) to a class index, or −1. */
export function hintClass(hint: string | undefined): number {
  if (typeof hint !== 'string') return -1;
  const primary = hint.trim().toLowerCase().split(/[-_.@]/)[0] ?? '';
  const alias: Record<string, string> = {
    swe: 'sv', eng: 'en', ita: 'it', ron: 'ro', rum: 'ro', mo: 'ro', nb: 'no', nn: 'no', nob: 'no', nno: 'no', nor: 'no', da: 'no', dan: 'no',
    deu: 'de', ger: 'de', nld: 'nl', dut: 'nl', fra: 'fr', fre: 'fr', spa: 'es', por: 'pt', cat: 'ca',
  };
  const code = alias[primary] ?? primary;
  return (CLASSES as readonly string[]).indexOf(code);
}

/** The allowed languages of ours as a bit mask (all when `only` is absent, empty or has none of ours). */
export function allowedMask(only: readonly Language[] | undefined): number {
  if (!Array.isArray(only) || only.length === 0) return (1 << OURS) - 1;
  let mask = 0;
  for (const l of only) if (isLanguage(l)) mask |= 1 << LANGUAGES.indexOf(l);
  return mask || (1 << OURS) - 1;
}

/**
 * Probabilities of sv, en, it, ro and und for the text. Never throws; an empty result (all zero but
 * und = 1, words = 0) when the text has no usable words.
 */
export function analyse(text: unknown, only?: readonly Language[], hint?: string, p: Params = DEFAULT_PARAMS): Analysis {
  const probs = new Float64Array(OURS + 1);
  probs[OURS] = 1;
  if (typeof text !== 'string' || text.length === 0) return { probs, words: 0 };
  // Most texts are decided within their first words: tokenise those first, the rest only if needed.
  let tokens = tokenize(text, FIRST_TOKENS);
  if (tokens.length === 0) return { probs, words: 0 };
  let more = tokens.length === FIRST_TOKENS;
  const m = getModel();
  const word = new Float64Array(N);
  const sum = new Float64Array(N);
  let words = 0;
  const cached = p === DEFAULT_PARAMS;
  for (let t = 0; t < tokens.length; t++) {
    if (more && t === tokens.length - 1) {
      const all = tokenize(text);
      more = false;
      if (all.length > tokens.length) tokens = all;
    }
    const tok = tokens[t]!;
    let scores: Float64Array = word;
    if (cached) {
      const hit = wordCache.get(tok.word);
      if (hit) scores = hit;
      else {
        scoreWord(m, tok.word, p, word);
        if (wordCache.size >= CACHE_LIMIT) wordCache.clear();
        wordCache.set(tok.word, Float64Array.from(word));
      }
    } else scoreWord(m, tok.word, p, word);
    let best = -Infinity;
    for (let c = 0; c < N; c++) if (scores[c]! > best) best = scores[c]!;
    const weight = tok.name ? p.nameWeight : 1;
    for (let c = 0; c < N; c++) {
      const d = scores[c]! - best;
      sum[c]! += weight * (d < -p.clip ? -p.clip : d);
    }
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
  const allowed = allowedMask(only);
  const hinted = hintClass(hint);
  const logits = new Float64Array(N);
  let max = -Infinity;
  for (let c = 0; c < N; c++) {
    let v = sum[c]! / p.temperature;
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
  for (let c = 0; c < N; c++) {
    const q = logits[c]! / z;
    if (c < OURS && allowed & (1 << c)) probs[c] = q;
    else {
      if (c < OURS) probs[c] = 0;
      und += q;
    }
  }
  probs[OURS] = und;
  return { probs, words };
}

export type { LanguageCode };
