import { describe, expect, test } from 'vitest';
import { bare, hasHard, normalize, toOriginal } from '../../src/text/normalize';
import { tokenize, tokenizeInto, Tokens, wordHash } from '../../src/text/tokenize';

describe('normalize', () => {
  test('lower-cases ASCII text without copying offsets', () => {
    const n = normalize('Hej PAKETET');
    expect(n.text).toBe('hej paketet');
    expect(n.offsets).toBeNull();
  });

  test('plain ASCII stops at a backtick, a control character or anything past ~', () => {
    expect(normalize('A\tB\r\nC~ {x}')).toEqual({ original: 'A\tB\r\nC~ {x}', text: 'a\tb\r\nc~ {x}', offsets: null });
    expect(normalize('It`s').text).toBe("it's");
    expect(normalize('a\u007fb').text).toBe('a b');
    expect(normalize('a\u0001b').text).toBe('a b');
  });

  test('folds Romanian cedilla letters to comma below', () => {
    expect(normalize('Coletul nu a ajuns, ştiţi ceva?').text).toBe('coletul nu a ajuns, știți ceva?');
  });

  test('drops zero-width characters and soft hyphens, keeping offsets into the original', () => {
    const original = 'Varan är ska\u200Bd\u00ADad';
    const n = normalize(original);
    expect(n.text).toBe('varan är skadad');
    const start = n.text.indexOf('skadad');
    const [s, e] = toOriginal(n, start, start + 6);
    expect(original.slice(s, e)).toBe('ska\u200Bd\u00ADad');
  });

  test('composes decomposed (NFD) letters', () => {
    const original = 'fo\u0308rsenad'; // o + combining diaeresis
    const n = normalize(original);
    expect(n.text).toBe('försenad');
    const [s, e] = toOriginal(n, 0, n.text.length);
    expect([s, e]).toEqual([0, original.length]);
  });

  test('full-width letters become ASCII', () => {
    expect(normalize('ｄａｍａｇｅｄ').text).toBe('damaged');
  });

  test('emoji and lone surrogates never break offsets', () => {
    const original = 'ok 😀 \uD800 trasig';
    const n = normalize(original);
    const i = n.text.indexOf('trasig');
    const [s, e] = toOriginal(n, i, i + 6);
    expect(original.slice(s, e)).toBe('trasig');
  });

  test('bare strips diacritics', () => {
    expect(bare('försenad')).toBe('forsenad');
    expect(bare('comandă')).toBe('comanda');
    expect(bare('perché')).toBe('perche');
    expect(bare('ștergeți')).toBe('stergeti');
  });
});

describe('tokenize', () => {
  test('splits words, marks digits and clauses', () => {
    const t = tokenize('paketet kom, inte skadat! order 12345').list();
    expect(t.map((x) => x.text)).toEqual(['paketet', 'kom', 'inte', 'skadat', 'order', '12345']);
    expect(t[0]!.clause).toBe(t[1]!.clause);
    expect(t[2]!.clause).toBeGreaterThan(t[1]!.clause);
    expect(t[4]!.clause).toBeGreaterThan(t[3]!.clause);
    expect(t[5]!.hasDigit).toBe(true);
  });

  test('a token list filled again holds only the new text (regression)', () => {
    const list = new Tokens(2);
    tokenizeInto(list, 'ett två tre fyra fem sex');
    expect(list.count).toBe(6);
    tokenizeInto(list, 'sju, 8');
    expect(list.list()).toEqual([
      { text: 'sju', start: 0, end: 3, clause: 0, hasDigit: false, hasLetter: true },
      { text: '8', start: 5, end: 6, clause: 1, hasDigit: true, hasLetter: false },
    ]);
    expect(list.source).toBe('sju, 8');
    list.clear();
    expect([list.count, list.source]).toEqual([0, '']);
  });

  test('a token list made with no room grows as it fills', () => {
    const list = tokenizeInto(new Tokens(0), 'ett två tre');
    expect(list.list().map((t) => [t.text, t.start, t.end])).toEqual([['ett', 0, 3], ['två', 4, 7], ['tre', 8, 11]]);
  });

  test('each token carries the hash of its text', () => {
    const t = tokenize('paketet kom, ärendet 4711');
    expect(Array.from(t.hash.subarray(0, t.count))).toEqual(['paketet', 'kom', 'ärendet', '4711'].map(wordHash));
    expect(wordHash('kom')).not.toBe(wordHash('mok'));
  });

  test('a decimal point does not end a clause', () => {
    const t = tokenize('not 2.5 damaged').list();
    expect(new Set(t.map((x) => x.clause)).size).toBe(1);
  });
});

describe('hasHard', () => {
  // the characters normalize cannot fold one to one, as one class
  const HARD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u0130\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\ud800-\udfff\uff01-\uff5e]/;

  test('finds exactly the characters of the one class, in texts of one and of two bytes a character', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (hasHard(`paket ${ch} skadat`) !== HARD.test(ch) || hasHard(`coletul ${ch} ș`) !== HARD.test(ch)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});
