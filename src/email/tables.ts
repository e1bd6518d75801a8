/**
 * Compiles the per-language e-mail vocabularies (`locales/*.ts`) once into
 * lookup structures: sets of folded phrases and maps keyed by a phrase's first
 * word, so that a line is checked with one or two hash lookups.
 */
import type { Language } from '../languages';
import type { EmailLocale } from './locale';
import { firstToken, fold, foldChar, foldedStartsWith } from './fold';
import { clients } from './locales/clients';
import { en } from './locales/en';
import { it } from './locales/it';
import { ro } from './locales/ro';
import { sv } from './locales/sv';

/** Each language's vocabulary; a new language adds a file under `locales/` and an entry here. */
export const EMAIL_LOCALES: Readonly<Record<Language, EmailLocale>> = { sv, en, it, ro };

export type HeaderField = 'from' | 'date' | 'to' | 'subject' | 'cc';

/** Phrases grouped by their first word, for a prefix check after one map lookup. */
export type PrefixIndex = ReadonlyMap<string, readonly string[]>;

/** A PrefixIndex that can also be matched against raw text (see `matchRawPrefix`). */
export type PhraseIndex = FoldedWords<readonly string[]>;

export interface EmailTables {
  readonly forwardPrefixes: ReadonlySet<string>;
  readonly replyPrefixes: ReadonlySet<string>;
  readonly attributionStarts: FoldedWords<true>;
  /** First words of every line-start phrase (header names, sign-offs, signatures, disclaimers, attributions). */
  readonly lineStarts: FoldedWords<true>;
  readonly attributionEnds: readonly string[];
  /** Verbs padded with spaces: " skrev ". */
  readonly attributionVerbs: readonly string[];
  /** Separator text (folded, dashes removed) → what it separates. */
  readonly separators: ReadonlyMap<string, 'forward' | 'original'>;
  readonly headerFields: ReadonlyMap<string, HeaderField>;
  readonly mobileSignatures: PhraseIndex;
  readonly signOffs: ReadonlySet<string>;
  readonly signOffMaxWords: number;
  readonly disclaimerOpeners: PhraseIndex;
  readonly disclaimerHeadings: PhraseIndex;
  readonly disclaimerKeywords: readonly string[];
  /** Folded order words, matched as whole words. */
  readonly orderWords: ReadonlySet<string>;
  /** `orderWords`, looked up from raw text. */
  readonly orderWordsRaw: FoldedWords<true>;
  readonly coverNotes: readonly string[];
  readonly coverWords: ReadonlySet<string>;
  /** `coverWords`, looked up from raw text: an opening greeting's first word. */
  readonly greetingWords: FoldedWords<true>;
  readonly autoSubjects: PhraseIndex;
  readonly autoWeakSubjects: PhraseIndex;
  /** First words of the auto-reply body phrases (labels, sentences, absence), looked up once per sentence start. */
  readonly autoBody: FoldedWords<AutoBodyWord>;
  readonly absenceCues: readonly string[];
  readonly absenceBlockers: readonly string[];
}

/** The auto-reply body phrases that start with one word, longest first. */
export interface AutoBodyWord {
  readonly labels?: readonly string[];
  readonly starts?: readonly string[];
  readonly absence?: readonly string[];
}

/**
 * Folded words (phrases' first words, line starts) looked up straight from the
 * raw text: `get(raw, from, to)` is `map.get(fold(raw.slice(from, to)))`
 * without building that string. The folded codes are hashed as they are read,
 * and only the few words with the same hash are compared; text that cannot be
 * folded a character at a time (see `foldChar`) takes the plain way.
 */
export class FoldedWords<T> {
  /** Words by hash of their codes; several when hashes collide. */
  private readonly byHash = new Map<number, Array<{ word: string; value: T }>>();

  constructor(readonly map: ReadonlyMap<string, T>) {
    for (const [word, value] of map) {
      let h = word.length;
      for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
      const list = this.byHash.get(h);
      if (list) list.push({ word, value });
      else this.byHash.set(h, [{ word, value }]);
    }
  }

  get(raw: string, from: number, to: number): T | undefined {
    const n = to - from;
    if (n <= 0) return this.map.get('');
    let h = n;
    for (let i = from; i < to; i++) {
      const f = foldChar(raw.charCodeAt(i));
      if (f < 0) return this.map.get(fold(raw.slice(from, to)));
      h = (Math.imul(h, 31) + f) | 0;
    }
    const list = this.byHash.get(h);
    if (list === undefined) return undefined;
    for (const entry of list) if (entry.word.length === n && foldedStartsWith(raw, from, to, entry.word)) return entry.value;
    return undefined;
  }

  has(raw: string, from: number, to: number): boolean {
    return this.get(raw, from, to) !== undefined;
  }
}

function foldedWords(words: Iterable<string>): FoldedWords<true> {
  const map = new Map<string, true>();
  for (const word of words) map.set(word, true);
  return new FoldedWords(map);
}

let compiled: EmailTables | undefined;

/** The compiled tables; built on first use, then shared (never mutated). */
export function getEmailTables(): EmailTables {
  compiled ??= compileTables([...Object.values(EMAIL_LOCALES), clients]);
  return compiled;
}

function foldAll(list: readonly string[]): string[] {
  const out = new Set<string>();
  for (const s of list) {
    const f = fold(s).replace(/\s+/g, ' ').trim();
    if (f) out.add(f);
  }
  return [...out];
}

function prefixIndex(list: readonly string[]): PrefixIndex {
  const map = new Map<string, string[]>();
  for (const phrase of foldAll(list)) {
    const key = firstToken(phrase);
    const bucket = map.get(key);
    if (bucket) bucket.push(phrase);
    else map.set(key, [phrase]);
  }
  // Longest phrase first, so the reason names the most specific match.
  for (const bucket of map.values()) bucket.sort((a, b) => b.length - a.length);
  return map;
}

function phraseIndex(list: readonly string[]): PhraseIndex {
  return new FoldedWords(prefixIndex(list));
}

/** Separator text without its decoration (dashes, underscores, `=`, `*`, `~`, `#`, `<>`, colon), with single spaces. */
export function normalizeSeparator(folded: string): string {
  let start = 0;
  let end = folded.length;
  const strip = (c: number) => c === 45 || c === 95 || c === 61 || c === 42 || c === 126 || c === 35 || c === 32 || c === 9 || c === 58 || c === 62 || c === 60;
  while (start < end && strip(folded.charCodeAt(start))) start++;
  while (end > start && strip(folded.charCodeAt(end - 1))) end--;
  return folded.slice(start, end).replace(/\s+/g, ' ');
}

function compileTables(locales: readonly EmailLocale[]): EmailTables {
  const all = <T>(pick: (l: EmailLocale) => readonly T[]): T[] => locales.flatMap(pick);

  const separators = new Map<string, 'forward' | 'original'>();
  for (const s of foldAll(all((l) => l.originalMessage))) separators.set(normalizeSeparator(s), 'original');
  for (const s of foldAll(all((l) => l.forwardMarkers))) separators.set(normalizeSeparator(s), 'forward');

  const headerFields = new Map<string, HeaderField>();
  for (const l of locales) {
    for (const field of ['from', 'date', 'to', 'subject', 'cc'] as const) {
      for (const name of foldAll(l.headerFields[field])) {
        // The first language to claim a name keeps it ("Data" is a date in it/ro).
        if (!headerFields.has(name)) headerFields.set(name, field);
      }
    }
  }

  const signOffs = new Set(foldAll(all((l) => l.signOffs)).map((s) => s.replace(/[.,!:;]+$/, '')));
  let signOffMaxWords = 1;
  for (const s of signOffs) signOffMaxWords = Math.max(signOffMaxWords, s.split(' ').length);

  const coverWords = new Set<string>();
  for (const w of foldAll(all((l) => l.coverWords))) for (const part of w.split(' ')) coverWords.add(part);

  const mobileSignatures = phraseIndex(all((l) => l.mobileSignatures));
  const disclaimerOpeners = phraseIndex(all((l) => l.disclaimerOpeners));
  const disclaimerHeadings = phraseIndex(all((l) => l.disclaimerHeadings));
  const attributionStarts = new Set(foldAll(all((l) => l.attributionStarts)).map((s) => firstToken(s)));
  const lineStarts = new Set<string>([
    ...[...headerFields.keys()].map((s) => firstToken(s)),
    ...[...signOffs].map((s) => firstToken(s)),
    ...mobileSignatures.map.keys(),
    ...disclaimerOpeners.map.keys(),
    ...disclaimerHeadings.map.keys(),
    ...attributionStarts,
  ]);

  const orderWords = new Set(foldAll(all((l) => l.orderWords)).filter((w) => !w.includes(' ')));
  const autoBodyStarts = prefixIndex(all((l) => l.autoReply.bodyStarts));
  const autoBodyLabels = prefixIndex(all((l) => l.autoReply.bodyLabels));
  const absence = prefixIndex(all((l) => l.autoReply.absence));

  return {
    forwardPrefixes: new Set(foldAll(all((l) => l.forwardPrefixes))),
    replyPrefixes: new Set(foldAll(all((l) => l.replyPrefixes))),
    attributionStarts: foldedWords(attributionStarts),
    lineStarts: foldedWords(lineStarts),
    attributionEnds: foldAll(all((l) => l.attributionEnds)),
    attributionVerbs: foldAll(all((l) => l.attributionVerbs)).map((v) => ` ${v} `),
    separators,
    headerFields,
    mobileSignatures,
    signOffs,
    signOffMaxWords,
    disclaimerOpeners,
    disclaimerHeadings,
    disclaimerKeywords: foldAll(all((l) => l.disclaimerKeywords)),
    orderWords,
    orderWordsRaw: foldedWords(orderWords),
    coverNotes: foldAll(all((l) => l.coverNotes)),
    coverWords,
    greetingWords: foldedWords(coverWords),
    autoSubjects: phraseIndex(all((l) => l.autoReply.subjects)),
    autoWeakSubjects: phraseIndex(all((l) => l.autoReply.weakSubjects)),
    autoBody: new FoldedWords(autoBodyWords(autoBodyLabels, autoBodyStarts, absence)),
    absenceCues: foldAll(all((l) => l.autoReply.absenceCues)),
    absenceBlockers: foldAll(all((l) => l.autoReply.absenceBlockers)),
  };
}

function autoBodyWords(labels: PrefixIndex, starts: PrefixIndex, absence: PrefixIndex): Map<string, AutoBodyWord> {
  const map = new Map<string, AutoBodyWord>();
  for (const word of new Set([...labels.keys(), ...starts.keys(), ...absence.keys()])) {
    map.set(word, { labels: labels.get(word), starts: starts.get(word), absence: absence.get(word) });
  }
  return map;
}

/** The longest phrase of `index` that `folded` starts with at `at`, if any. */
export function matchPrefix(index: PrefixIndex, folded: string, at = 0): string | undefined {
  const bucket = index.get(firstToken(folded, at));
  if (!bucket) return undefined;
  for (const phrase of bucket) if (folded.startsWith(phrase, at)) return phrase;
  return undefined;
}

/**
 * `matchPrefix(index.map, fold(raw.slice(from, to)))`, without folding: the
 * first word is looked up from the raw text and the phrases compared a
 * character at a time. Text that cannot be folded that way is folded.
 */
export function matchRawPrefix(index: PhraseIndex, raw: string, from: number, to: number): string | undefined {
  // The first word as firstToken() reads it: up to whitespace or `:,;!?/`, at most 40 characters.
  const stop = Math.min(to, from + 40);
  let end = from;
  for (; end < stop; end++) {
    const f = foldChar(raw.charCodeAt(end));
    if (f < 0) return matchPrefix(index.map, fold(raw.slice(from, to)));
    if (f === 32 || f === 9 || f === 10 || f === 58 || f === 44 || f === 59 || f === 33 || f === 63 || f === 47) break;
  }
  const bucket = index.get(raw, from, end);
  if (!bucket) return undefined;
  for (const phrase of bucket) {
    const match = foldedStartsWith(raw, from, to, phrase);
    if (match === undefined) return matchPrefix(index.map, fold(raw.slice(from, to)));
    if (match) return phrase;
  }
  return undefined;
}
