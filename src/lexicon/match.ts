/**
 * match lexicon: finds the concepts an inquiry mentions. For each word: its full form, its stem in each
 * candidate language, a Swedish compound head, or one typo away from a long stem; then phrases; then
 * negation ("inte skadad", "not damaged", "non è danneggiato", "nu este deteriorat").
 */
import { LANGUAGES, type Language } from '../languages';
import { stem } from '../text/stem';
import { bare, flat } from '../text/normalize';
import type { Tokens } from '../text/tokenize';
import { COMPOUNDING, hasPhrasePair, TYPO_MIN_STEM, typoBuckets, wordKey, type CompiledLexicon, type LanguageTables, type LexEntry, type MatchKind, type PhraseEntry, type PhraseStart } from './compile';
import { NEGATION_WINDOW } from './negation';

export interface LexHit {
  readonly concept: number;
  readonly term: string;
  readonly language: Language;
  /** Span in the normalised text of the field. */
  readonly start: number;
  readonly end: number;
  /** Index of the first and last token. */
  readonly first: number;
  readonly last: number;
  readonly kind: MatchKind;
  /** A phrase that holds its own negator ("har inte kommit"): an outer negator does not apply. */
  readonly selfNegating: boolean;
  negated: boolean;
}

/** Damerau (optimal string alignment) distance, stopping early above 1. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The longest compound head of `key` that is a stem of a term ("transportskad" → "skad"). */
function compoundHead(stems: LanguageTables['stems'], key: string, minModifier: number, minHead: number): readonly LexEntry[] | undefined {
  for (let i = minModifier; i <= key.length - minHead; i++) {
    const found = stems.get(key.slice(i));
    if (found) return found;
  }
  return undefined;
}

/** Entries one edit away from a long stem or full form of a term (one per concept). */
function typoEntries(lex: CompiledLexicon, lang: Language, key: string, bareWord: string): LexEntry[] | undefined {
  const table = lex.tables(lang).typos;
  let found: LexEntry[] | undefined;
  for (const form of key === bareWord ? [key] : [key, bareWord]) {
    if (form.length < TYPO_MIN_STEM) continue;
    for (const bucket of typoBuckets(form)) {
      const byLength = table.get(bucket);
      if (!byLength) continue;
      for (let len = form.length - 1; len <= form.length + 1; len++) {
        const list = byLength[len];
        if (!list) continue;
        for (const { stem: s, entry } of list) {
          // typos rarely hit the first letter, and allowing it would turn "filling" into "billing"
          if (s !== form && s[0] === form[0] && !found?.some((e) => e.concept === entry.concept) && withinOneEdit(s, form)) {
            (found ??= []).push(entry);
          }
        }
      }
    }
    if (found) return found;
  }
  return found;
}

/**
 * What one word is and matches in one language, whatever the text around it: computed once per word,
 * language and lexicon and then cached, so that matching an inquiry costs one table lookup per word and
 * reads one record. Bit masks over languages have bit `i` set for `LANGUAGES[i]`.
 */
interface WordRecord {
  readonly bare: string;
  /** Full-form entries (all languages, before the candidate-language filter). */
  readonly surface: readonly LexEntry[] | undefined;
  readonly negator: number;
  readonly breaker: number;
  readonly notOnly: number;
  /**
   * The word's matching key in this language: its stem without diacritics (words with digits and very
   * long words: the bare form; '' in the one record shared by words with digits that match nothing).
   */
  readonly key: string;
  readonly stem: readonly LexEntry[] | undefined;
  /** Compound head or typo, used only when nothing matched the word exactly or by stem. */
  readonly fallback: { readonly kind: 'compound' | 'typo'; readonly entries: readonly LexEntry[] } | undefined;
  /** Phrases whose first word has this word's key, and those whose first word is its bare form. */
  readonly phrasesByKey: PhraseStart | undefined;
  readonly phrasesByBare: PhraseStart | undefined;
  /** Ids of the key and of the bare form as last words of phrases (-1: no phrase ends with it). */
  readonly lastKeyId: number;
  readonly lastBareId: number;
  /** Ids of the key and of the bare form as words of phrases (`phraseWordIds`; -1: in no phrase). */
  readonly keyWordId: number;
  readonly bareWordId: number;
}

const LANGUAGE_INDEX: Readonly<Record<Language, number>> = Object.fromEntries(LANGUAGES.map((l, i) => [l, i])) as Record<Language, number>;
export const WORD_CACHE_LIMIT = 50_000;

/**
 * The record of `word` in `lang`. Words with digits and very long ones (`plain` false) match only as
 * full forms or phrase words and are keyed by their bare form; they are not cached (they are mostly
 * unique).
 */
function makeRecord(lex: CompiledLexicon, word: string, lang: Language, plain: boolean, hasDigit: boolean): WordRecord {
  const t = lex.tables(lang);
  const bareWord = bare(word);
  let negator = 0;
  let breaker = 0;
  let notOnly = 0;
  // numbers and very long words are never negation words (a test checks that none has a digit)
  for (let li = 0; li < (plain ? LANGUAGES.length : 0); li++) {
    const l = LANGUAGES[li]!;
    if (lex.negators[l].has(word)) negator |= 1 << li;
    if (lex.breakers[l].has(word)) breaker |= 1 << li;
    if (lex.notOnly[l].has(word)) notOnly |= 1 << li;
  }
  const surface = bareWord !== word ? lex.surfaceMarked.get(word) : lex.surface.get(bareWord);
  const key = plain ? wordKey(word, lang) : bareWord;
  let stemEntries: readonly LexEntry[] | undefined;
  let fallback: WordRecord['fallback'];
  if (plain) {
    // A word written with diacritics matches terms with the same diacritics; one written without them
    // matches by its bare stem (customers who type "forsenad" mean "försenad").
    stemEntries = bareWord !== word ? t.marked.get(stem(word, lang)) : t.stems.get(key);
    if (!stemEntries) {
      const comp = COMPOUNDING[lang];
      const compound = comp && key.length >= comp.minHead + comp.minModifier ? compoundHead(t.stems, key, comp.minModifier, comp.minHead) : undefined;
      if (compound) fallback = { kind: 'compound', entries: compound };
      else {
        const typos = typoEntries(lex, lang, key, bareWord);
        if (typos) fallback = { kind: 'typo', entries: typos };
      }
    }
  }
  // words with digits (order numbers, mostly) are in no phrase unless some phrase has them
  const phrased = plain || !hasDigit || t.phraseDigitWords.has(bareWord);
  const lastKeyId = phrased ? (t.phraseLastIds.get(key) ?? -1) : -1;
  const keyWordId = phrased ? (t.phraseWordIds.get(key) ?? -1) : -1;
  return {
    bare: bareWord,
    surface,
    negator,
    breaker,
    notOnly,
    key,
    stem: stemEntries,
    fallback,
    phrasesByKey: phrased ? t.phrases.get(key) : undefined,
    phrasesByBare: phrased && bareWord !== key ? t.phrases.get(bareWord) : undefined,
    lastKeyId,
    lastBareId: phrased && bareWord !== key ? (t.phraseLastIds.get(bareWord) ?? -1) : lastKeyId,
    keyWordId,
    bareWordId: phrased && bareWord !== key ? (t.phraseWordIds.get(bareWord) ?? -1) : keyWordId,
  };
}

/** A word with digits that no full form or phrase of the lexicon can match. */
const NO_MATCH: WordRecord = Object.freeze({
  bare: '',
  surface: undefined,
  negator: 0,
  breaker: 0,
  notOnly: 0,
  key: '',
  stem: undefined,
  fallback: undefined,
  phrasesByKey: undefined,
  phrasesByBare: undefined,
  lastKeyId: -1,
  lastBareId: -1,
  keyWordId: -1,
  bareWordId: -1,
});

/**
 * Word → record, for one lexicon and language: an open-addressing table keyed by the hash the tokenizer
 * computed, so that finding a token's record needs neither the token's string nor a string hash (the
 * stored word is compared with the text in place). At most half full; emptied at WORD_CACHE_LIMIT words.
 */
export class WordTable {
  private hashes = new Int32Array(1024);
  private words: Array<string | undefined> = new Array<string | undefined>(1024).fill(undefined);
  private records: Array<WordRecord | undefined> = new Array<WordRecord | undefined>(1024).fill(undefined);
  private size = 0;

  /** The number of words held. */
  get count(): number {
    return this.size;
  }

  /** The record of the word at [start, end) of `text`, whose hash is `hash`. */
  find(hash: number, text: string, start: number, end: number): WordRecord | undefined {
    const mask = this.hashes.length - 1;
    const len = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const w = this.words[slot];
      if (w === undefined) return undefined;
      if (this.hashes[slot] === hash && w.length === len && text.startsWith(w, start)) return this.records[slot];
    }
  }

  add(hash: number, word: string, record: WordRecord): void {
    if (this.size >= WORD_CACHE_LIMIT) this.clear(this.hashes.length);
    else if ((this.size + 1) * 2 > this.hashes.length) this.rehash(this.hashes.length * 2);
    this.put(hash, word, record);
  }

  private put(hash: number, word: string, record: WordRecord): void {
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.words[slot] !== undefined) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.words[slot] = word;
    this.records[slot] = record;
    this.size++;
  }

  private clear(capacity: number): void {
    this.hashes = new Int32Array(capacity);
    this.words = new Array<string | undefined>(capacity).fill(undefined);
    this.records = new Array<WordRecord | undefined>(capacity).fill(undefined);
    this.size = 0;
  }

  private rehash(capacity: number): void {
    const { hashes, words, records } = this;
    this.clear(capacity);
    for (let slot = 0; slot < words.length; slot++) {
      const w = words[slot];
      if (w !== undefined) this.put(hashes[slot]!, w, records[slot]!);
    }
  }
}

/** Per lexicon, per language index: the word table. */
const wordTables = new WeakMap<CompiledLexicon, WordTable[]>();

function wordRecord(lex: CompiledLexicon, table: WordTable, tokens: Tokens, i: number, lang: Language): WordRecord {
  if (tokens.hasDigit(i)) {
    // Order numbers and amounts, mostly: not cached (they are mostly unique), and a record is made only
    // for a word that is a full form or a phrase word. The small sets of such words with digits are asked
    // first: most lexicons have no full form with a digit and few phrase words with one.
    const phraseDigitWords = lex.tables(lang).phraseDigitWords;
    if (!lex.surfaceDigits && phraseDigitWords.size === 0) return NO_MATCH;
    const word = tokens.word(i);
    const b = bare(word);
    const form = lex.surfaceDigits && (b !== word ? lex.surfaceMarked.has(word) : lex.surface.has(b));
    return form || phraseDigitWords.has(b) ? makeRecord(lex, word, lang, false, true) : NO_MATCH;
  }
  const start = tokens.start[i]!;
  const end = tokens.end[i]!;
  if (end - start > 40) return makeRecord(lex, tokens.word(i), lang, false, false);
  const hash = tokens.hash[i]!;
  let rec = table.find(hash, tokens.source, start, end);
  if (!rec) {
    // the table, the record and the stem cache keep the word: not a slice of the inquiry's text
    const word = flat(tokens.word(i));
    rec = makeRecord(lex, word, lang, true, false);
    table.add(hash, word, rec);
  }
  return rec;
}

const MAX_PHRASE_GAP = 2;

/**
 * The word records of the text being matched, one row per candidate language: filled again on each
 * call (matching never runs inside another matching), so that a call allocates no rows.
 */
const rows: WordRecord[][] = [];

/**
 * Lexicon hits in `tokens` for the candidate languages (most likely first). Hits of the same concept
 * on the same word are reported once.
 */
export function matchLexicon(lex: CompiledLexicon, tokens: Tokens, languages: readonly Language[]): LexHit[] {
  const hits: LexHit[] = [];
  const n = tokens.count;
  const starts = tokens.start;
  const ends = tokens.end;
  const clauses = tokens.clause;
  const nl = languages.length;
  const langIndex = languages.map((l) => LANGUAGE_INDEX[l]);
  let inLanguages = 0;
  for (let k = 0; k < langIndex.length; k++) inLanguages |= 1 << langIndex[k]!;
  // records[li][i]: token i in candidate language li; the language-independent fields are read from li = 0
  let tables = wordTables.get(lex);
  if (!tables) wordTables.set(lex, (tables = LANGUAGES.map(() => new WordTable())));
  const records = rows;
  for (let li = 0; li < nl; li++) {
    const row = (records[li] ??= []);
    const table = tables[langIndex[li]!]!;
    const lang = languages[li]!;
    for (let i = 0; i < n; i++) row[i] = wordRecord(lex, table, tokens, i, lang);
  }
  if (nl === 0) return hits;
  const main = records[0]!;

  for (let i = 0; i < n; i++) {
    if (!tokens.hasLetter(i) || ends[i]! - starts[i]! > 40) continue;
    const info = main[i]!;
    const first = hits.length;
    const b = info.bare;
    // A full form matches in any language when it is long enough to be unambiguous ("refund" in a
    // Swedish message); short ones and exact ("=") terms only in the candidate languages ("tva" is VAT
    // in Romanian, two in Swedish).
    let found = false;
    if (info.surface) {
      const surface = info.surface;
      for (let s = 0; s < surface.length; s++) {
        const e = surface[s]!;
        if (inLanguages & e.languageBit || (b.length >= 6 && !e.exact)) {
          addHit(hits, first, e, starts[i]!, ends[i]!, i, 'exact');
          found = true;
        }
      }
    }
    if (tokens.hasDigit(i)) continue; // "3xl": full forms only
    for (let li = 0; li < nl; li++) {
      const w = records[li]![i]!;
      if (w.stem) {
        for (let s = 0; s < w.stem.length; s++) addHit(hits, first, w.stem[s]!, starts[i]!, ends[i]!, i, 'stem');
        found = true;
      }
    }
    if (found) continue;
    // Nothing exact or by stem: a compound head or a typo, in the first language that has one.
    for (let li = 0; li < nl; li++) {
      const w = records[li]![i]!;
      if (w.fallback) {
        const { entries, kind } = w.fallback;
        for (let s = 0; s < entries.length; s++) addHit(hits, first, entries[s]!, starts[i]!, ends[i]!, i, kind);
        break;
      }
    }
  }

  // Phrases: a sequence of words, with up to MAX_PHRASE_GAP extra words in between, in one clause.
  // The candidates of one first word are candidates[0 .. nCandidates); the array is reused from word to
  // word (emptying it with `length = 0` would drop its storage and allocate it again).
  const candidates: PhraseEntry[] = [];
  let nCandidates = 0;
  const collect = (list: readonly PhraseEntry[] | undefined) => {
    if (!list) return;
    next: for (let p = 0; p < list.length; p++) {
      const ph = list[p]!;
      for (let c = 0; c < nCandidates; c++) if (candidates[c] === ph) continue next;
      candidates[nCandidates++] = ph;
    }
  };
  for (let li = 0; li < nl; li++) {
    const { phrases: table, phrasePairs: pairs } = lex.tables(languages[li]!);
    if (table.size === 0) continue;
    const bit = 1 << langIndex[li]!;
    const words = records[li]!;
    for (let i = 0; i < n; i++) {
      const w = words[i]!;
      const byKey = w.phrasesByKey;
      const byBare = w.phrasesByBare;
      if (!byKey && !byBare) continue;
      const clause = clauses[i]!;
      // the last word of a phrase that starts here is at most this far on: the phrase's other words and
      // the gaps (a last word further on belongs to no phrase that could match, so no candidate is lost)
      const reach = Math.max(byKey ? byKey.maxWords : 0, byBare ? byBare.maxWords : 0) - 1 + MAX_PHRASE_GAP;
      // candidates: phrases whose last word is one of the next words of the clause
      nCandidates = 0;
      for (let k = i + 1; k < n && k <= i + reach && clauses[k] === clause; k++) {
        const wk = words[k]!;
        const kk = wk.lastKeyId;
        const kb = wk.lastBareId;
        if (kk < 0 && kb < 0) continue;
        if (byKey) {
          if (kk >= 0 && hasPhrasePair(pairs, byKey.id, kk)) collect(byKey.byLast.get(kk));
          if (kb !== kk && kb >= 0 && hasPhrasePair(pairs, byKey.id, kb)) collect(byKey.byLast.get(kb));
        }
        if (byBare) {
          if (kk >= 0 && hasPhrasePair(pairs, byBare.id, kk)) collect(byBare.byLast.get(kk));
          if (kb !== kk && kb >= 0 && hasPhrasePair(pairs, byBare.id, kb)) collect(byBare.byLast.get(kb));
        }
      }
      for (let c = 0; c < nCandidates; c++) {
        const ph = candidates[c]!;
        // words are compared by their phrase word ids, which equal when the strings do
        if (ph.exact && w.bareWordId !== ph.words[0]!.bareId) continue;
        let j = i;
        let gaps = 0;
        let gapNegated = false;
        let ok = true;
        for (let wi = 1; wi < ph.words.length && ok; wi++) {
          const want = ph.words[wi]!;
          let k = j + 1;
          for (; k < n && k - j - 1 + gaps <= MAX_PHRASE_GAP; k++) {
            if (clauses[k] !== clause) {
              k = n;
              break;
            }
            const wk = words[k]!;
            if (wk.bareWordId === want.bareId || (!ph.exact && wk.keyWordId === want.keyId)) break;
          }
          if (k >= n || k - j - 1 + gaps > MAX_PHRASE_GAP) ok = false;
          else {
            for (let g = j + 1; g < k; g++) if (main[g]!.negator & bit) gapNegated = true;
            gaps += k - j - 1;
            j = k;
          }
        }
        if (!ok) continue;
        const negated = gapNegated && !ph.hasNegator;
        // a plain loop, not findIndex: a closure over i, j and ph would make every iteration of the
        // loops that declare them allocate a context
        let same = -1;
        for (let h = 0; h < hits.length && same < 0; h++) {
          const o = hits[h]!;
          if (o.concept === ph.concept && o.first === i && o.last === j) same = h;
        }
        if (same >= 0) {
          // two phrases of a concept over the same words: keep the one that is not negated ("blir inte varm" over "blir varm")
          if (!hits[same]!.negated || negated) continue;
          hits.splice(same, 1);
        }
        hits.push({
          concept: ph.concept,
          term: ph.term,
          language: ph.language,
          start: starts[i]!,
          end: ends[j]!,
          first: i,
          last: j,
          kind: 'phrase',
          selfNegating: ph.hasNegator,
          negated,
        });
      }
    }
  }

  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    if (h.negated || h.selfNegating) continue;
    h.negated = isNegated(clauses, main, h.first, langIndex);
  }
  // the rows keep no records (nor, through them, a lexicon that rules loaded later replace)
  for (let li = 0; li < nl; li++) records[li]!.fill(NO_MATCH, 0, n);
  return hits;
}

/** Adds a hit of `e` on token `index` unless one of its concept is there already (hits from `from` on are this token's). */
function addHit(out: LexHit[], from: number, e: LexEntry, start: number, end: number, index: number, kind: MatchKind): void {
  for (let h = from; h < out.length; h++) if (out[h]!.concept === e.concept) return;
  out.push({ concept: e.concept, term: e.term, language: e.language, start, end, first: index, last: index, kind, selfNegating: false, negated: false });
}

function isNegated(clauses: Int32Array, infos: readonly WordRecord[], first: number, langIndex: readonly number[]): boolean {
  const clause = clauses[first]!;
  for (let k = first - 1; k >= 0 && k >= first - NEGATION_WINDOW; k--) {
    if (clauses[k] !== clause) return false;
    const info = infos[k]!;
    if (!(info.negator | info.breaker)) continue;
    for (let l = 0; l < langIndex.length; l++) {
      const bit = 1 << langIndex[l]!;
      if (info.breaker & bit) return false;
      if (info.negator & bit) {
        if (k + 1 < first && infos[k + 1]!.notOnly & bit) return false;
        return true;
      }
    }
  }
  return false;
}
