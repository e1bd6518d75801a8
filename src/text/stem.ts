/**
 * stem: Snowball-style stemmers for our four languages, behind one function. natural provides Swedish,
 * Italian and English; the Romanian one is snowball-stemmers' (src/generated/romanian-stemmer.ts holds
 * it alone, without the package's 23 other languages). Results are memoised in a bounded cache per
 * language, since a helpdesk's vocabulary repeats.
 */
import PorterStemmerSv from 'natural/lib/natural/stemmers/porter_stemmer_sv';
import PorterStemmerIt from 'natural/lib/natural/stemmers/porter_stemmer_it';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { newRomanianStemmer } from '../generated/romanian-stemmer';
import type { Language } from '../languages';

type StemFn = (word: string) => string;

let romanian: StemFn | undefined;
function stemRo(word: string): string {
  if (romanian === undefined) {
    const s = newRomanianStemmer();
    romanian = (w: string) => s.stem(w);
  }
  return romanian(word);
}

const STEMMERS: Record<Language, StemFn> = {
  sv: (w) => PorterStemmerSv.stem(w),
  it: (w) => PorterStemmerIt.stem(w),
  en: (w) => PorterStemmer.stem(w),
  ro: stemRo,
};

const CACHE_LIMIT = 50_000;
const caches: Record<Language, Map<string, string>> = { sv: new Map(), en: new Map(), it: new Map(), ro: new Map() };

/** The stem of a lower-case word in `language`. Words longer than 40 characters are not stemmed. */
export function stem(word: string, language: Language): string {
  if (word.length > 40 || word.length < 3) return word;
  const cache = caches[language];
  let s = cache.get(word);
  if (s === undefined) {
    try {
      s = STEMMERS[language](word);
    } catch {
      s = word;
    }
    if (typeof s !== 'string' || s.length === 0) s = word;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}
