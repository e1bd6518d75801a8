/**
 * Compiles lexicon concepts into lookup tables: every term is stemmed once, per its language, and put
 * in hash maps (full forms, stems, one-edit typo variants, Swedish compound heads, phrases), so that
 * matching an inquiry costs a few map lookups per word, whatever the size of the lexicon.
 */
import { LANGUAGES, type Language } from '../languages';
import { bare, normalize } from '../text/normalize';
import { tokenize } from '../text/tokenize';
import { stem } from '../text/stem';
import { NEGATION } from './negation';

export type MatchKind = 'exact' | 'stem' | 'compound' | 'typo' | 'phrase';

export interface LexEntry {
  /** Index of the concept in `CompiledLexicon.concepts`. */
  readonly concept: number;
  /** The term as written in the rules. */
  readonly term: string;
  readonly language: Language;
  /** `1 << (index of language in LANGUAGES)`, for language masks. */
  readonly languageBit: number;
  /** An "=" term: matched as written, never by stem or typo. */
  readonly exact: boolean;
}

export interface PhraseWord {
  readonly key: string;
  readonly bare: string;
  /** Ids of `key` and `bare` in `LanguageTables.phraseWordIds`: a word of the text is compared by id. */
  readonly keyId: number;
  readonly bareId: number;
}

export interface PhraseEntry extends LexEntry {
  /**
   * The phrase's words in order: each word's key (its stem without diacritics) and bare form; for an
   * exact ("=") phrase, the key is the bare form (no stems).
   */
  readonly words: readonly PhraseWord[];
  /** The phrase itself holds a negator ("har inte kommit"): an outer negator does not apply. */
  readonly hasNegator: boolean;
}

/** The lookup tables of one language. */
export interface LanguageTables {
  /** Stem without diacritics → entries. */
  readonly stems: ReadonlyMap<string, readonly LexEntry[]>;
  /** Stem with its diacritics → entries, for words written with diacritics ("spåra" is not "spara"). */
  readonly marked: ReadonlyMap<string, readonly LexEntry[]>;
  /** Typo buckets: first two letters (`<ab`) or last two (`>yz`) → by length → stems and full forms of terms. */
  readonly typos: ReadonlyMap<string, ReadonlyArray<ReadonlyArray<TypoCandidate> | undefined>>;
  /**
   * Key of the first word → its phrases by id of the last word (both keys: stem and bare form). First
   * words are numbered in the order they come (`PhraseStart.id`) and last words by `phraseLastIds`, so
   * that pairing a word with the words after it costs no string hashing, and `phrasePairs` tells cheaply
   * which pairs of ids start and end some phrase.
   */
  readonly phrases: ReadonlyMap<string, PhraseStart>;
  /** Key or bare form of a word that ends some phrase → its id. */
  readonly phraseLastIds: ReadonlyMap<string, number>;
  /** Key or bare form of any word of a phrase → its id (`PhraseWord.keyId` and `bareId`). */
  readonly phraseWordIds: ReadonlyMap<string, number>;
  /**
   * A bit filter over the (first word id, last word id) pairs that some phrase has (`hasPhrasePair`):
   * no false negatives, a few per cent false positives. Most words that start some phrase are followed
   * by no word that ends one of its phrases, and the filter skips them without a map lookup.
   */
  readonly phrasePairs: Int32Array;
  /** The phrase words (keys and bare forms) that hold a digit: words with digits need a phrase lookup only if they are one. */
  readonly phraseDigitWords: ReadonlySet<string>;
}

/** The phrases that start with one word (key or bare form), by id of their last word. */
export interface PhraseStart {
  readonly id: number;
  readonly byLast: ReadonlyMap<number, readonly PhraseEntry[]>;
  /** The most words a phrase that starts with this word has: how far on its last word can be. */
  readonly maxWords: number;
}

export interface CompiledLexicon {
  readonly concepts: readonly string[];
  /** Full word forms without diacritics → entries (all languages). */
  readonly surface: ReadonlyMap<string, readonly LexEntry[]>;
  /** Full word forms with their diacritics → entries, for words written with diacritics. */
  readonly surfaceMarked: ReadonlyMap<string, readonly LexEntry[]>;
  /** Whether some full form holds a digit ("3xl"): if none does, a word with digits is looked up only as a phrase word. */
  readonly surfaceDigits: boolean;
  /** The tables of a language, built the first time that language is needed. */
  readonly tables: (language: Language) => LanguageTables;
  readonly negators: Readonly<Record<Language, ReadonlySet<string>>>;
  readonly breakers: Readonly<Record<Language, ReadonlySet<string>>>;
  readonly notOnly: Readonly<Record<Language, ReadonlySet<string>>>;
  readonly termCount: number;
}

export interface TypoCandidate {
  readonly stem: string;
  readonly entry: LexEntry;
}

/** Languages that write compounds as one word, and the shortest head and modifier that count. */
export const COMPOUNDING: Partial<Record<Language, { minHead: number; minModifier: number }>> = {
  sv: { minHead: 4, minModifier: 3 },
};
export const TYPO_MIN_STEM = 6;

/** The matching key of a word in a language: its stem, without diacritics. */
export function wordKey(word: string, language: Language): string {
  return bare(stem(word, language));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function perLanguage<T>(make: () => T): Record<Language, T> {
  return perLanguageOf(() => make());
}

function perLanguageOf<T>(make: (language: Language) => T): Record<Language, T> {
  return Object.fromEntries(LANGUAGES.map((l) => [l, make(l)])) as Record<Language, T>;
}

export interface LexiconInput {
  readonly id: string;
  readonly terms: Partial<Record<Language, readonly string[]>>;
}

type KeyRow = [key: string, ...entries: number[]];

/** The tables of one language, precompiled. */
export interface SerializedLanguageTables {
  readonly stems: readonly KeyRow[];
  readonly marked: readonly KeyRow[];
  /**
   * Phrases: entry, whether the phrase holds a negator, and its words, space-separated, each as its key
   * or as `key|bare` when its bare form differs.
   */
  readonly phrases: ReadonlyArray<readonly [entry: number, hasNegator: 0 | 1, words: string]>;
}

/**
 * A lexicon with every term already stemmed: plain JSON (each language's tables may instead come from a
 * function, so that they are parsed only when needed), so the default rules ship precompiled and the
 * first classify does no stemming.
 */
export interface SerializedLexicon {
  readonly concepts: readonly string[];
  /** Concept index, term as written, index of the language in LANGUAGES. */
  readonly entries: ReadonlyArray<readonly [concept: number, term: string, language: number]>;
  readonly surface: readonly KeyRow[];
  readonly surfaceMarked: readonly KeyRow[];
  /** Per language: its tables, or a function that returns them (called once, when the language is first needed). */
  readonly languages: Readonly<Record<Language, SerializedLanguageTables | (() => SerializedLanguageTables)>>;
  readonly termCount: number;
}

/** Stems every term: the slow half of compiling a lexicon. */
export function precompileLexicon(concepts: readonly LexiconInput[]): SerializedLexicon {
  const entries: Array<[number, string, number]> = [];
  const surface = new Map<string, number[]>();
  const surfaceMarked = new Map<string, number[]>();
  const stems = perLanguage(() => new Map<string, number[]>());
  const marked = perLanguage(() => new Map<string, number[]>());
  const phrases = perLanguage(() => [] as Array<[number, 0 | 1, string]>);
  const negators = perLanguage(() => new Set<string>());
  for (const l of LANGUAGES) for (const w of NEGATION[l].negators) negators[l].add(w);
  let termCount = 0;
  concepts.forEach((concept, index) => {
    LANGUAGES.forEach((language, languageIndex) => {
      for (const raw of concept.terms[language] ?? []) {
        termCount++;
        const exact = raw.startsWith('=');
        const text = normalize(exact ? raw.slice(1) : raw).text.trim();
        const words = tokenize(text).list().filter((t) => t.hasLetter || t.hasDigit);
        if (words.length === 0) continue;
        const entry = entries.push([index, raw, languageIndex]) - 1;
        if (words.length > 1) {
          const phraseWords = words.map((w) => {
            const b = bare(w.text);
            const key = exact ? b : wordKey(w.text, language);
            return key === b ? key : `${key}|${b}`;
          });
          const hasNegator = words.some((w) => negators[language].has(w.text)) ? 1 : 0;
          phrases[language].push([entry, hasNegator, phraseWords.join(' ')]);
          continue;
        }
        const word = words[0]!.text;
        push(surface, bare(word), entry);
        push(surfaceMarked, word, entry);
        if (exact) continue;
        push(stems[language], wordKey(word, language), entry);
        push(marked[language], stem(word, language), entry);
        // the stem of the diacritic-free spelling, which customers often type
        push(stems[language], stem(bare(word), language), entry);
      }
    });
  });
  const rows = (m: Map<string, number[]>): KeyRow[] => [...m].map(([k, v]) => [k, ...v]);
  return {
    concepts: concepts.map((c) => c.id),
    entries,
    surface: rows(surface),
    surfaceMarked: rows(surfaceMarked),
    languages: perLanguageOf((l): SerializedLanguageTables => ({ stems: rows(stems[l]), marked: rows(marked[l]), phrases: phrases[l] })),
    termCount,
  };
}

/** Builds the lookup tables from a precompiled lexicon: the fast half (no stemming). */
export function loadLexicon(s: SerializedLexicon): CompiledLexicon {
  const entries: LexEntry[] = new Array<LexEntry>(s.entries.length);
  for (let i = 0; i < entries.length; i++) {
    const row = s.entries[i]!;
    entries[i] = { concept: row[0], term: row[1], language: LANGUAGES[row[2]]!, languageBit: 1 << row[2], exact: row[1].charCodeAt(0) === 0x3d /* "=" */ };
  }
  const fromRows = (rows: readonly KeyRow[]) => {
    const m = new Map<string, LexEntry[]>();
    // plain index loops: this runs once per table at start-up, before the code is optimised
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const list: LexEntry[] = new Array<LexEntry>(row.length - 1);
      for (let k = 1; k < row.length; k++) list[k - 1] = entries[row[k] as number]!;
      m.set(row[0], list);
    }
    return m;
  };
  const surface = fromRows(s.surface);
  const surfaceMarked = fromRows(s.surfaceMarked);
  // bare forms keep their digits, so the full forms with diacritics need no second look
  let surfaceDigits = false;
  for (let r = 0; r < s.surface.length && !surfaceDigits; r++) surfaceDigits = hasDigitCode(s.surface[r]![0]);
  const built = new Map<Language, LanguageTables>();
  // Tables are built per language on first use: a Swedish inquiry does not pay for the Romanian ones.
  // Building them changes no result, so `classify` stays pure.
  const tables = (language: Language): LanguageTables => {
    let t = built.get(language);
    if (!t) {
      const data = s.languages[language];
      t = buildLanguageTables(typeof data === 'function' ? data() : data, language, entries, fromRows, surface);
      built.set(language, t);
    }
    return t;
  };
  return {
    concepts: s.concepts,
    surface,
    surfaceMarked,
    surfaceDigits,
    tables,
    negators: Object.fromEntries(LANGUAGES.map((l) => [l, new Set(NEGATION[l].negators)])) as Record<Language, Set<string>>,
    breakers: Object.fromEntries(LANGUAGES.map((l) => [l, new Set(NEGATION[l].breakers)])) as Record<Language, Set<string>>,
    notOnly: Object.fromEntries(LANGUAGES.map((l) => [l, new Set(NEGATION[l].notOnly)])) as Record<Language, Set<string>>,
    termCount: s.termCount,
  };
}

/** Whether `text` holds an ASCII digit (a plain loop: this runs on every full form at start-up). */
function hasDigitCode(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** The bit of a (first word id, last word id) pair in a pair filter of `size` bits (a power of two). */
function pairBit(first: number, last: number, size: number): number {
  return (Math.imul(first ^ Math.imul(last, 0x85ebca6b), 0x9e3779b1) >>> 0) & (size - 1);
}

/** A pair filter over `pairs` (first, last, first, last, …): about 16 bits per pair, at least 4 KiB. */
function pairFilter(pairs: readonly number[]): Int32Array {
  let size = 1 << 15;
  while (size < pairs.length * 8) size *= 2;
  const bits = new Int32Array(size >>> 5);
  for (let p = 0; p < pairs.length; p += 2) {
    const b = pairBit(pairs[p]!, pairs[p + 1]!, size);
    bits[b >>> 5] = bits[b >>> 5]! | (1 << (b & 31));
  }
  return bits;
}

/** Whether some phrase may start with word id `first` and end with word id `last` (false: none does). */
export function hasPhrasePair(filter: Int32Array, first: number, last: number): boolean {
  const b = pairBit(first, last, filter.length << 5);
  return (filter[b >>> 5]! & (1 << (b & 31))) !== 0;
}

function buildLanguageTables(
  s: SerializedLanguageTables,
  language: Language,
  entries: readonly LexEntry[],
  fromRows: (rows: readonly KeyRow[]) => Map<string, LexEntry[]>,
  surface: ReadonlyMap<string, readonly LexEntry[]>,
): LanguageTables {
  const stems = fromRows(s.stems);
  const marked = fromRows(s.marked);
  // Phrases are indexed by their first and last words, so a common first word ("not", "inte", "non")
  // does not make every phrase that starts with it a candidate, however many phrases there are.
  const phrases = new Map<string, { id: number; byLast: Map<number, PhraseEntry[]>; maxWords: number }>();
  const phraseLastIds = new Map<string, number>();
  const lastId = (key: string): number => {
    let id = phraseLastIds.get(key);
    if (id === undefined) phraseLastIds.set(key, (id = phraseLastIds.size));
    return id;
  };
  const phraseWordIds = new Map<string, number>();
  const wordId = (key: string): number => {
    let id = phraseWordIds.get(key);
    if (id === undefined) phraseWordIds.set(key, (id = phraseWordIds.size));
    return id;
  };
  const phraseDigitWords = new Set<string>();
  const pairs: number[] = [];
  // Plain loops and no spreads: this runs once per language at start-up, before the code is optimised.
  const index = (first: string, last: number, phrase: PhraseEntry) => {
    let start = phrases.get(first);
    if (!start) phrases.set(first, (start = { id: phrases.size, byLast: new Map(), maxWords: 0 }));
    if (phrase.words.length > start.maxWords) start.maxWords = phrase.words.length;
    const list = start.byLast.get(last);
    if (!list) {
      start.byLast.set(last, [phrase]);
      pairs.push(start.id, last);
    } else if (!list.includes(phrase)) list.push(phrase);
  };
  for (let r = 0; r < s.phrases.length; r++) {
    const row = s.phrases[r]!;
    const e = entries[row[0]]!;
    const exact = e.exact;
    const parts = row[2].split(' ');
    const digits = /\d/.test(row[2]);
    const words: PhraseWord[] = new Array<PhraseWord>(parts.length);
    for (let k = 0; k < parts.length; k++) {
      const w = parts[k]!;
      const bar = w.indexOf('|');
      const key = bar < 0 ? w : w.slice(0, bar);
      const bareForm = bar < 0 ? w : w.slice(bar + 1);
      const word: PhraseWord = { key, bare: bareForm, keyId: wordId(key), bareId: wordId(bareForm) };
      words[k] = word;
      if (digits && /\d/.test(w)) phraseDigitWords.add(word.key).add(word.bare);
    }
    const phrase: PhraseEntry = { concept: e.concept, term: e.term, language: e.language, languageBit: e.languageBit, exact, words, hasNegator: row[1] === 1 };
    const lastWord = words[words.length - 1]!;
    const bareLast = lastId(lastWord.bare);
    const keyLast = !exact && lastWord.key !== lastWord.bare ? lastId(lastWord.key) : -1;
    // indexed by the first word's key and, when it differs, by its bare form
    const firstWord = words[0]!;
    const firsts = firstWord.key === firstWord.bare || exact ? 1 : 2;
    for (let f = 0; f < firsts; f++) {
      const first = f === 0 ? firstWord.key : firstWord.bare;
      index(first, bareLast, phrase);
      if (keyLast >= 0) index(first, keyLast, phrase);
    }
  }
  const phrasePairs = pairFilter(pairs);
  // One-typo candidates: the stems and the full forms of terms (a typo in an ending can change the
  // stem). Exact terms never match by typo. Built when a word first needs them.
  let typos: Map<string, Array<TypoCandidate[] | undefined>> | undefined;
  const buildTypos = () => {
    const table = new Map<string, Array<TypoCandidate[] | undefined>>();
    const addTypo = (form: string, entry: LexEntry) => {
      if (form.length < TYPO_MIN_STEM) return;
      for (const bucket of typoBuckets(form)) {
        let byLength = table.get(bucket);
        if (!byLength) table.set(bucket, (byLength = []));
        (byLength[form.length] ??= []).push({ stem: form, entry });
      }
    };
    for (const [key, list] of stems) for (const e of list) addTypo(key, e);
    for (const [key, list] of surface) for (const e of list) if (e.language === language && !e.term.startsWith('=')) addTypo(key, e);
    return table;
  };
  return {
    stems,
    marked,
    get typos() {
      typos ??= buildTypos();
      return typos;
    },
    phrases,
    phraseLastIds,
    phraseWordIds,
    phrasePairs,
    phraseDigitWords,
  };
}

/**
 * The typo buckets of a form: its first two letters and its last two. One edit in a word of six or more
 * letters leaves at least one of the two pairs as it was, so looking in both buckets, at lengths n-1, n
 * and n+1, finds every term one edit away while comparing with few.
 */
export function typoBuckets(form: string): [string, string] {
  return ['<' + form.slice(0, 2), '>' + form.slice(-2)];
}

export function compileLexicon(concepts: readonly LexiconInput[]): CompiledLexicon {
  return loadLexicon(precompileLexicon(concepts));
}
