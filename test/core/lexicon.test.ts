import { describe, expect, test } from 'vitest';
import { compileLexicon, hasPhrasePair } from '../../src/lexicon/compile';
import { defaultRules } from '../../src/router';
import { matchLexicon, withinOneEdit, WORD_CACHE_LIMIT, WordTable } from '../../src/lexicon/match';
import { NEGATION } from '../../src/lexicon/negation';
import { normalize } from '../../src/text/normalize';
import { tokenize, tokenizeInto, Tokens, wordHash } from '../../src/text/tokenize';
import type { Language } from '../../src/languages';

const lex = compileLexicon([
  { id: 'damaged', terms: { sv: ['skadad', 'trasig'], en: ['damaged', 'broken'], it: ['danneggiato', 'rotto'], ro: ['deteriorat', 'stricat'] } },
  { id: 'delay', terms: { sv: ['försening', 'försenad'], en: ['delayed'], it: ['ritardo'], ro: ['întârziere'] } },
  { id: 'not_received', terms: { sv: ['har inte kommit'], en: ['not arrived', 'never arrived'], it: ['non è arrivato'], ro: ['nu a ajuns'] } },
  { id: 'refund', terms: { sv: ['återbetalning'], en: ['refund'], it: ['rimborso'], ro: ['rambursare'] } },
  { id: 'legal', terms: { sv: ['=ARN'], en: ['lawyer'], it: ['avvocato'], ro: ['=ANPC'] } },
]);

function hits(text: string, langs: Language[]) {
  const tokens = tokenize(normalize(text).text);
  return matchLexicon(lex, tokens, langs).map((h) => ({ concept: lex.concepts[h.concept], negated: h.negated, kind: h.kind }));
}

describe('lexicon matching', () => {
  test.each([
    ['Paketet kom skadat', 'sv'],
    ['Varan var skadade', 'sv'],
    ['The lamp was damaged', 'en'],
    ['Il prodotto è arrivato danneggiata', 'it'],
    ['Produsul a venit deteriorată', 'ro'],
  ] as const)('inflections: %s', (text, lang) => {
    expect(hits(text, [lang])).toContainEqual({ concept: 'damaged', negated: false, kind: expect.stringMatching(/stem|exact/) });
  });

  test('Swedish compounds match by their head', () => {
    expect(hits('Lampan var transportskadad', ['sv'])).toContainEqual({ concept: 'damaged', negated: false, kind: 'compound' });
    expect(hits('Ännu en leveransförsening', ['sv'])).toContainEqual({ concept: 'delay', negated: false, kind: 'compound' });
  });

  test('missing diacritics still match', () => {
    expect(hits('leveransen ar forsenad', ['sv']).map((h) => h.concept)).toContain('delay');
    expect(hits('vreau rambursarea banilor', ['ro']).map((h) => h.concept)).toContain('refund');
    expect(hits('Am o intarziere', ['ro']).map((h) => h.concept)).toContain('delay');
  });

  test('a small typo in a long word still matches', () => {
    expect(hits('jag vill ha återbetalnig', ['sv'])).toContainEqual({ concept: 'refund', negated: false, kind: 'typo' });
    expect(hits('il prodotto è daneggiato', ['it'])).toContainEqual({ concept: 'damaged', negated: false, kind: 'typo' });
  });

  test('short words do not match by typo', () => {
    expect(hits('the rotro was fine', ['it']).map((h) => h.concept)).not.toContain('damaged');
  });

  test.each([
    ['Varan är inte skadad, men lådan var bucklig', 'sv'],
    ['The item is not damaged', 'en'],
    ["It wasn't damaged at all", 'en'],
    ['Il prodotto non è danneggiato', 'it'],
    ['Produsul nu este deteriorat', 'ro'],
  ] as const)('negation: %s', (text, lang) => {
    const h = hits(text, [lang]).filter((x) => x.concept === 'damaged');
    expect(h.length).toBeGreaterThan(0);
    expect(h.every((x) => x.negated)).toBe(true);
  });

  test('negation words hold no digits (words with digits are never looked up as negators)', () => {
    for (const cues of Object.values(NEGATION)) {
      for (const word of [...cues.negators, ...cues.breakers, ...cues.notOnly]) expect(word).not.toMatch(/\d/);
    }
  });

  test('compound heads, phrases over gap words and negation inside and before a phrase', () => {
    expect(hits('Varan var transportskadad', ['sv'])).toEqual([{ concept: 'damaged', negated: false, kind: 'compound' }]);
    expect(hits('Paketet har ännu inte kommit', ['sv']).find((h) => h.concept === 'not_received')).toEqual({ concept: 'not_received', negated: false, kind: 'phrase' });
    expect(hits('Coletul nu a ajuns', ['ro', 'sv', 'en', 'it']).filter((h) => h.kind === 'phrase')).toEqual([{ concept: 'not_received', negated: false, kind: 'phrase' }]);
  });

  test('phrases with a number in them match; numbers elsewhere do not disturb phrases', () => {
    const l = compileLexicon([{ id: 'fast', terms: { sv: ['inom 24 timmar'], en: ['next day'] } }]);
    const kinds = (text: string, lang: Language) => matchLexicon(l, tokenize(normalize(text).text), [lang]).map((h) => [l.concepts[h.concept], h.kind]);
    expect(kinds('Kan ni leverera inom 24 timmar?', 'sv')).toEqual([['fast', 'phrase']]);
    expect(kinds('Kan ni leverera inom 48 timmar?', 'sv')).toEqual([]);
    expect(kinds('Order 12345 next day please', 'en')).toEqual([['fast', 'phrase']]);
  });

  test('negation does not cross a clause or a contrast', () => {
    expect(hits('Inte glad. Varan är skadad', ['sv']).find((h) => h.concept === 'damaged')?.negated).toBe(false);
    expect(hits('not only late but damaged', ['en']).find((h) => h.concept === 'damaged')?.negated).toBe(false);
  });

  test.each([
    ['Paketet har inte kommit', 'sv'],
    ['Paketet har fortfarande inte kommit', 'sv'],
    ['My parcel has not arrived', 'en'],
    ['It never arrived', 'en'],
    ['Il pacco non è ancora arrivato', 'it'],
    ['Coletul nu a ajuns', 'ro'],
  ] as const)('phrases with their own negator are not negated: %s', (text, lang) => {
    expect(hits(text, [lang])).toContainEqual({ concept: 'not_received', negated: false, kind: 'phrase' });
  });

  test('exact terms match only the exact word', () => {
    expect(hits('Jag anmäler er till ARN', ['sv']).map((h) => h.concept)).toContain('legal');
    expect(hits('Han arnade', ['sv']).map((h) => h.concept)).not.toContain('legal');
  });

  test('one token list filled for a long text and then a short one matches the short one alone (regression)', () => {
    const list = new Tokens(4);
    tokenizeInto(list, normalize('the lamp was damaged and the refund was delayed again and again').text);
    expect(matchLexicon(lex, list, ['en']).map((h) => lex.concepts[h.concept])).toEqual(['damaged', 'refund', 'delay']);
    tokenizeInto(list, normalize('never arrived').text);
    expect(matchLexicon(lex, list, ['en']).map((h) => lex.concepts[h.concept])).toEqual(['not_received']);
    // a phrase must not end in a word left over from the longer text before
    tokenizeInto(list, normalize('x arrived').text);
    expect(matchLexicon(lex, list, ['en'])).toEqual([]);
    tokenizeInto(list, normalize('never').text);
    expect(matchLexicon(lex, list, ['en'])).toEqual([]);
  });

  test('the word table tells apart words with the same hash, keeps them as it grows, and starts over when full', () => {
    const table = new WordTable();
    const record = (word: string) => ({ bare: word }) as unknown as Parameters<WordTable['add']>[2];
    const a = record('paket');
    const b = record('lampa');
    table.add(7, 'paket', a);
    table.add(7, 'lampa', b); // same hash, other word
    const text = 'ett paket och en lampa';
    expect(table.find(7, text, 4, 9)).toBe(a);
    expect(table.find(7, text, 17, 22)).toBe(b);
    expect(table.find(7, text, 0, 3)).toBeUndefined();
    expect(table.find(8, text, 4, 9)).toBeUndefined();
    const words = Array.from({ length: 5000 }, (_, i) => `ord${i}`);
    words.forEach((w) => table.add(wordHash(w), w, record(w)));
    expect(table.count).toBe(5002);
    expect(words.every((w) => (table.find(wordHash(w), w, 0, w.length) as unknown as { bare: string } | undefined)?.bare === w)).toBe(true);
    expect(table.find(7, text, 4, 9)).toBe(a);
    for (let i = 5000; table.count < WORD_CACHE_LIMIT; i++) table.add(wordHash(`ord${i}`), `ord${i}`, record(`ord${i}`));
    table.add(1, 'ny', record('ny'));
    expect(table.count).toBe(1);
    expect(table.find(7, text, 4, 9)).toBeUndefined();
  });

  test('a phrase ends at most two extra words after its length, however long the phrases that share its first word', () => {
    expect(hits('it never really quite arrived', ['en']).map((h) => h.concept)).toEqual(['not_received']);
    expect(hits('it never really quite properly arrived', ['en'])).toEqual([]);
    const l = compileLexicon([
      { id: 'short', terms: { en: ['never arrived'] } },
      { id: 'long', terms: { en: ['never got my parcel back'] } },
    ]);
    const found = (text: string) => matchLexicon(l, tokenize(normalize(text).text), ['en']).map((h) => l.concepts[h.concept]);
    expect(found('never really quite arrived')).toEqual(['short']);
    expect(found('never really quite properly arrived')).toEqual([]);
    expect(found('never got my old parcel sent back')).toEqual(['long']);
    expect(found('never got my old parcel sent over back')).toEqual([]);
    // a first word whose written form starts a phrase that its stem does not: the window follows that phrase
    const exact = compileLexicon([{ id: 'ignored', terms: { sv: ['=kundtjänsten svarar aldrig på mina mejl'] } }]);
    const inSwedish = (text: string) => matchLexicon(exact, tokenize(normalize(text).text), ['sv']).map((h) => exact.concepts[h.concept]);
    expect(inSwedish('kundtjänsten svarar aldrig på mina mejl')).toEqual(['ignored']);
    expect(inSwedish('kundtjänsten svarar ju aldrig på alla mina mejl')).toEqual(['ignored']);
  });

  test('with several candidate languages, each language stems its own words', () => {
    const h = hits('rimborso please, prodotto rotto', ['en', 'it']);
    expect(h.map((x) => x.concept)).toEqual(expect.arrayContaining(['refund', 'damaged']));
  });

  test('exact terms never match by typo (regression)', () => {
    const l = compileLexicon([{ id: 'damaged', terms: { it: ['=crepato'] } }]);
    const toks = tokenize(normalize('il file è stato creato').text);
    expect(matchLexicon(l, toks, ['it'])).toEqual([]);
    expect(matchLexicon(l, tokenize(normalize('vaso crepato').text), ['it']).map((h) => h.kind)).toEqual(['exact']);
  });

  test('phrases and exact terms may hold digits (regression)', () => {
    const l = compileLexicon([{ id: 'compliment', terms: { it: ['5 stelle', '=3xl'] } }]);
    const kinds = matchLexicon(l, tokenize(normalize('servizio da 5 stelle, taglia 3XL').text), ['it']).map((h) => h.term);
    expect(kinds).toEqual(expect.arrayContaining(['5 stelle', '=3xl']));
  });

  test('an exact phrase is found even when another phrase starts with the stem of its first word (regression)', () => {
    const l = compileLexicon([
      { id: 'a', terms: { it: ['partite perse'] } },
      { id: 'b', terms: { it: ['=partita iva'] } },
    ]);
    expect(matchLexicon(l, tokenize(normalize('la mia partita iva è').text), ['it']).map((h) => l.concepts[h.concept])).toContain('b');
  });

  test('short full forms match only in the candidate languages (regression: "två" is not Romanian "TVA")', () => {
    const l = compileLexicon([{ id: 'invoice', terms: { ro: ['=TVA'] } }]);
    expect(matchLexicon(l, tokenize(normalize('jag har två paket').text), ['sv'])).toEqual([]);
    expect(matchLexicon(l, tokenize(normalize('factura cu TVA').text), ['ro']).length).toBe(1);
  });

  test('a word written with diacritics does not match a term that differs only in them (regression: spara ≠ spåra)', () => {
    const l = compileLexicon([{ id: 'tracking', terms: { sv: ['spåra'] } }]);
    expect(matchLexicon(l, tokenize(normalize('jag vill spara pengar').text), ['sv'])).toHaveLength(1); // typed bare: could be either
    expect(matchLexicon(l, tokenize(normalize('kan jag spåra paketet').text), ['sv'])).toHaveLength(1);
    const l2 = compileLexicon([{ id: 'save', terms: { sv: ['spara'] } }]);
    expect(matchLexicon(l2, tokenize(normalize('kan jag spåra paketet').text), ['sv'])).toEqual([]);
  });

  test('exact phrases match words as written, not by stem (regression)', () => {
    const l = compileLexicon([{ id: 'deadline', terms: { sv: ['=i tid'] } }]);
    expect(matchLexicon(l, tokenize(normalize('kommer det i tid').text), ['sv'])).toHaveLength(1);
    expect(matchLexicon(l, tokenize(normalize('i tiden').text), ['sv'])).toEqual([]);
  });

  test('of two phrases over the same words, the one with its own negator wins (regression)', () => {
    const l = compileLexicon([{ id: 'defective', terms: { sv: ['blir varm', 'blir inte varm'] } }]);
    const h = matchLexicon(l, tokenize(normalize('kylen blir inte varm').text), ['sv']);
    expect(h.map((x) => [x.term, x.negated])).toEqual([['blir inte varm', false]]);
  });

  test('"nn" negates in Italian', () => {
    expect(hits('il prodotto nn è danneggiato', ['it']).find((h) => h.concept === 'damaged')?.negated).toBe(true);
  });

  test('withinOneEdit', () => {
    expect(withinOneEdit('danneg', 'daneg')).toBe(true);
    expect(withinOneEdit('abcdef', 'abdcef')).toBe(true);
    expect(withinOneEdit('abcdef', 'abcxyf')).toBe(false);
  });

  test('the phrase pair filter lets every phrase of the default rules through, and phrases are indexed by their own words', () => {
    const lexicon = defaultRules().lexicon;
    for (const language of ['sv', 'en', 'it', 'ro'] as const) {
      const t = lexicon.tables(language);
      let pairs = 0;
      for (const [first, start] of t.phrases) {
        for (const [last, phrases] of start.byLast) {
          pairs++;
          expect(hasPhrasePair(t.phrasePairs, start.id, last)).toBe(true);
          for (const ph of phrases) {
            expect([ph.words[0]!.key, ph.words[0]!.bare]).toContain(first);
            const end = ph.words[ph.words.length - 1]!;
            expect([t.phraseLastIds.get(end.key), t.phraseLastIds.get(end.bare)]).toContain(last);
            expect(ph.words.length).toBeLessThanOrEqual(start.maxWords);
            // phrase words are compared by id: each id stands for its string and no other
            for (const w of ph.words) {
              expect(t.phraseWordIds.get(w.key)).toBe(w.keyId);
              expect(t.phraseWordIds.get(w.bare)).toBe(w.bareId);
              expect(w.keyId === w.bareId).toBe(w.key === w.bare);
            }
          }
        }
      }
      expect(pairs).toBeGreaterThan(1000);
      expect(new Set(t.phraseWordIds.values()).size).toBe(t.phraseWordIds.size);
      // and it does filter: most pairs of ids that start and end no phrase are let through by no bit
      let through = 0;
      for (let i = 0; i < 10_000; i++) if (hasPhrasePair(t.phrasePairs, 100_000 + i, 200_000 + i)) through++;
      expect(through).toBeLessThan(1500);
    }
  });

  test('a word over 40 letters is still a word of a phrase (regression)', () => {
    const long = 'a'.repeat(45);
    const l = compileLexicon([{ id: 'odd', terms: { en: [`order ${long}`, `${long} broken`] } }]);
    expect(matchLexicon(l, tokenize(normalize(`my order ${long} broken`).text), ['en']).map((h) => h.term)).toEqual([`order ${long}`, `${long} broken`]);
  });

  test('a full form with a digit is found in a language that has no phrase word with one', () => {
    const l = compileLexicon([{ id: 'console', terms: { en: ['ps5', 'broken screen'] } }]);
    expect(l.surfaceDigits).toBe(true);
    expect(matchLexicon(l, tokenize(normalize('my PS5 arrived with a broken screen').text), ['en']).map((h) => h.term)).toEqual(['ps5', 'broken screen']);
    expect(compileLexicon([{ id: 'screen', terms: { en: ['broken screen', 'cracked'] } }]).surfaceDigits).toBe(false);
  });

  test('a word with digits is matched in a phrase that has it, and is no hit by itself', () => {
    const l = compileLexicon([{ id: 'repeat', terms: { ro: ['scris de 3 ori'], sv: ['3 gånger'] } }]);
    const ro = matchLexicon(l, tokenize(normalize('v-am scris de 3 ori, comanda 4481923').text), ['ro']);
    expect(ro.map((h) => h.term)).toEqual(['scris de 3 ori']);
    expect(matchLexicon(l, tokenize(normalize('ordern 3 kom, order 4481923').text), ['sv'])).toEqual([]);
  });
});
