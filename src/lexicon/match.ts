/**
 * match lexicon: finds the concepts an inquiry mentions. For each word: its full form, its stem in each
 * candidate language, a Swedish compound head, or one typo away from a long stem; then phrases; then
 * negation ("inte skadad", "not damaged", "non è danneggiato", "nu este deteriorat").
 */
import type { Language } from '../languages';
import { stem } from '../text/stem';
import { bare } from '../text/normalize';
import type { Token } from '../text/tokenize';
import { COMPOUNDING, TYPO_MIN_STEM, typoBuckets, wordKey, type CompiledLexicon, type LexEntry, type MatchKind, type PhraseEntry, type TrieNode } from './compile';
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

function compoundHead(trie: TrieNode, key: string, minModifier: number): LexEntry[] | undefined {
  let node: TrieNode | undefined = trie;
  let found: LexEntry[] | undefined;
  for (let i = key.length - 1; i >= minModifier && node; i--) {
    node = node.next.get(key[i]!);
    if (node?.entries && i >= minModifier) found = node.entries; // keep the longest head
  }
  return found;
}

function addHits(out: LexHit[], entries: readonly LexEntry[], tok: Token, index: number, kind: MatchKind, seen: Set<number>): void {
  for (const e of entries) {
    if (seen.has(e.concept)) continue;
    seen.add(e.concept);
    out.push({ concept: e.concept, term: e.term, language: e.language, start: tok.start, end: tok.end, first: index, last: index, kind, selfNegating: false, negated: false });
  }
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

/** What one word matches in one language, whatever the text around it: cached per word. */
interface WordMatch {
  readonly key: string;
  readonly stem: readonly LexEntry[] | undefined;
  /** Compound head or typo, used only when nothing matched the word exactly or by stem. */
  readonly fallback: { readonly kind: 'compound' | 'typo'; readonly entries: readonly LexEntry[] } | undefined;
}

const WORD_CACHE_LIMIT = 50_000;
const wordCaches = new WeakMap<CompiledLexicon, Map<Language, Map<string, WordMatch>>>();

function matchWord(lex: CompiledLexicon, lang: Language, word: string, bareWord: string): WordMatch {
  let byLang = wordCaches.get(lex);
  if (!byLang) wordCaches.set(lex, (byLang = new Map()));
  let cache = byLang.get(lang);
  if (!cache) byLang.set(lang, (cache = new Map()));
  let m = cache.get(word);
  if (m) return m;
  const t = lex.tables(lang);
  const key = wordKey(word, lang);
  // A word written with diacritics matches terms with the same diacritics; one written without them
  // matches by its bare stem (customers who type "forsenad" mean "försenad").
  const stemEntries = bareWord !== word ? t.marked.get(stem(word, lang)) : t.stems.get(key);
  let fallback: WordMatch['fallback'];
  if (!stemEntries) {
    const comp = COMPOUNDING[lang];
    const compound = comp && t.compoundHeads && key.length >= comp.minHead + comp.minModifier ? compoundHead(t.compoundHeads, key, comp.minModifier) : undefined;
    if (compound) fallback = { kind: 'compound', entries: compound };
    else {
      const typos = typoEntries(lex, lang, key, bareWord);
      if (typos) fallback = { kind: 'typo', entries: typos };
    }
  }
  m = { key, stem: stemEntries, fallback };
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(word, m);
  return m;
}

const MAX_PHRASE_GAP = 2;

/**
 * Lexicon hits in `tokens` for the candidate languages (most likely first). Hits of the same concept
 * on the same word are reported once.
 */
export function matchLexicon(lex: CompiledLexicon, tokens: readonly Token[], languages: readonly Language[]): LexHit[] {
  const hits: LexHit[] = [];
  const n = tokens.length;
  const seen = new Set<number>();
  const inLanguages = new Set<Language>(languages);
  // The word without diacritics, and its matching key in each candidate language: computed once.
  const bares: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) bares[i] = bare(tokens[i]!.text);
  const keys: Array<Array<string | undefined>> = languages.map(() => new Array<string | undefined>(n));
  const keyOf = (li: number, i: number): string => {
    const row = keys[li]!;
    let k = row[i];
    if (k === undefined) {
      const t = tokens[i]!;
      k = t.hasDigit || t.text.length > 40 ? bares[i]! : wordKey(t.text, languages[li]!);
      row[i] = k;
    }
    return k;
  };

  for (let i = 0; i < n; i++) {
    const tok = tokens[i]!;
    if (!tok.hasLetter || tok.text.length > 40) continue;
    seen.clear();
    const b = bares[i]!;
    // A full form matches in any language when it is long enough to be unambiguous ("refund" in a
    // Swedish message); short ones and exact ("=") terms only in the candidate languages ("tva" is VAT
    // in Romanian, two in Swedish).
    const marked = b !== tok.text;
    const exact = (marked ? lex.surfaceMarked.get(tok.text) : lex.surface.get(b))?.filter(
      (e) => inLanguages.has(e.language) || (b.length >= 6 && !e.term.startsWith('=')),
    );
    let found = false;
    if (exact && exact.length > 0) {
      addHits(hits, exact, tok, i, 'exact', seen);
      found = true;
    }
    if (tok.hasDigit) continue; // "3xl": full forms only
    const words: WordMatch[] = [];
    for (let li = 0; li < languages.length; li++) {
      const w = matchWord(lex, languages[li]!, tok.text, b);
      words.push(w);
      keys[li]![i] = w.key;
      if (w.stem) {
        addHits(hits, w.stem, tok, i, 'stem', seen);
        found = true;
      }
    }
    if (found) continue;
    // Nothing exact or by stem: a compound head or a typo, in the first language that has one.
    for (const w of words) {
      if (w.fallback) {
        addHits(hits, w.fallback.entries, tok, i, w.fallback.kind, seen);
        break;
      }
    }
  }

  // Phrases: a sequence of words, with up to MAX_PHRASE_GAP extra words in between, in one clause.
  for (let li = 0; li < languages.length; li++) {
    const lang = languages[li]!;
    const { phrases: table, maxPhraseWords } = lex.tables(lang);
    if (table.size === 0) continue;
    const reach = maxPhraseWords - 1 + MAX_PHRASE_GAP;
    for (let i = 0; i < n; i++) {
      const tok = tokens[i]!;
      const key = keyOf(li, i);
      const byKey = table.get(key);
      const byBare = bares[i] !== key ? table.get(bares[i]!) : undefined;
      if (!byKey && !byBare) continue;
      // candidates: phrases whose last word is one of the next words of the clause
      const candidates: PhraseEntry[] = [];
      const collect = (list: readonly PhraseEntry[] | undefined) => {
        if (list) for (const ph of list) if (!candidates.includes(ph)) candidates.push(ph);
      };
      for (let k = i + 1; k < n && k <= i + reach && tokens[k]!.clause === tok.clause; k++) {
        const kk = keyOf(li, k);
        const kb = bares[k]!;
        if (byKey) {
          collect(byKey.get(kk));
          if (kb !== kk) collect(byKey.get(kb));
        }
        if (byBare) {
          collect(byBare.get(kk));
          if (kb !== kk) collect(byBare.get(kb));
        }
      }
      for (const ph of candidates) {
        if (ph.exact && bares[i] !== ph.words[0]!.bare) continue;
        let j = i;
        let gaps = 0;
        let gapNegated = false;
        let ok = true;
        for (let w = 1; w < ph.words.length && ok; w++) {
          const want = ph.words[w]!;
          let k = j + 1;
          for (; k < n && k - j - 1 + gaps <= MAX_PHRASE_GAP; k++) {
            if (tokens[k]!.clause !== tok.clause) {
              k = n;
              break;
            }
            if (bares[k] === want.bare || (!ph.exact && keyOf(li, k) === want.key)) break;
          }
          if (k >= n || k - j - 1 + gaps > MAX_PHRASE_GAP) ok = false;
          else {
            for (let g = j + 1; g < k; g++) if (lex.negators[lang].has(tokens[g]!.text)) gapNegated = true;
            gaps += k - j - 1;
            j = k;
          }
        }
        if (!ok) continue;
        const negated = gapNegated && !ph.hasNegator;
        const same = hits.findIndex((h) => h.concept === ph.concept && h.first === i && h.last === j);
        if (same >= 0) {
          // two phrases of a concept over the same words: keep the one that is not negated ("blir inte varm" over "blir varm")
          if (!hits[same]!.negated || negated) continue;
          hits.splice(same, 1);
        }
        hits.push({
          concept: ph.concept,
          term: ph.term,
          language: ph.language,
          start: tok.start,
          end: tokens[j]!.end,
          first: i,
          last: j,
          kind: 'phrase',
          selfNegating: ph.hasNegator,
          negated,
        });
      }
    }
  }

  for (const h of hits) {
    if (h.negated || h.selfNegating) continue;
    h.negated = isNegated(lex, tokens, h.first, languages);
  }
  return hits;
}

function isNegated(lex: CompiledLexicon, tokens: readonly Token[], first: number, languages: readonly Language[]): boolean {
  const clause = tokens[first]!.clause;
  for (let k = first - 1; k >= 0 && k >= first - NEGATION_WINDOW; k--) {
    const t = tokens[k]!;
    if (t.clause !== clause) return false;
    for (const lang of languages) {
      if (lex.breakers[lang].has(t.text)) return false;
      if (lex.negators[lang].has(t.text)) {
        const after = tokens[k + 1];
        if (after && k + 1 < first && lex.notOnly[lang].has(after.text)) return false;
        return true;
      }
    }
  }
  return false;
}
