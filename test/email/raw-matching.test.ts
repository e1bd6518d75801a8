/**
 * The phrase tables are matched against raw text without folding it first
 * (`foldChar`, `FoldedWords`, `matchRawPrefix`); these must always agree with
 * folding the text and looking it up the plain way.
 */
import { describe, expect, test } from 'vitest';
import { detectAutoReply, splitEmail } from '../../src/email';
import { fold, foldChar, foldedStartsWith } from '../../src/email/fold';
import { isJsSpace, skipTags, tagsEnd } from '../../src/email/subject';
import { FoldedWords, getEmailTables, matchPrefix, matchRawPrefix } from '../../src/email/tables';

const SAMPLES = [
  'Med vänliga hälsningar',
  'MED VÄNLIGA HÄLSNINGAR',
  'Me\u0301d va\u0308nliga', // decomposed (NFD) text
  'İnviato da iPhone',
  'Trimis de pe iPhone',
  'Trimis de pe ΑΣ',
  'Sent\u00a0from my iPhone',
  'Sent\u2003from my iPhone',
  'Acest e-mail și fișierele',
  'Acest e-mail şi fişierele',
  'I\u2019m out of the office',
  '\u{1F642} Thanks',
  'CONFIDENTIALITY NOTICE: this e-mail',
  'Från: Anna',
  'ß-straße',
  '',
];

describe('foldChar', () => {
  test('agrees with fold() for every character below U+0250 and the punctuation it maps', () => {
    const codes = [...Array(0x250).keys(), 0x2018, 0x2019, 0x02bc, 0x2013, 0x2014, 0x2212, 0x2003, 0x200b, 0x202f, 0x3000, 0xfeff];
    for (const c of codes) {
      const f = foldChar(c);
      const folded = fold(String.fromCharCode(c));
      if (f >= 0) expect(String.fromCharCode(f), `U+${c.toString(16)}`).toBe(folded);
      else expect(folded.length, `U+${c.toString(16)}`).not.toBe(1);
    }
  });

  test('leaves combining marks and other scripts to fold()', () => {
    expect(foldChar(0x301)).toBe(-1);
    expect(foldChar(0x3a3)).toBe(-1); // Σ: its lower case depends on the next letter
  });
});

describe('foldedStartsWith', () => {
  test.each(SAMPLES)('%j', (text) => {
    const folded = fold(text);
    for (const phrase of ['med vanliga', 'sent from', 'i\'m out', 'acest e-mail si', 'trimis de pe', 'fran:', 'ss', '']) {
      const got = foldedStartsWith(text, 0, text.length, phrase);
      if (got !== undefined) expect(got, phrase).toBe(folded.startsWith(phrase));
    }
  });
});

describe('FoldedWords and matchRawPrefix', () => {
  test('a word is found however many characters folding drops or maps', () => {
    const words = new FoldedWords(new Map([['med', 1], ['sa', 2], ['', 3]]));
    for (const [raw, value] of [['Med', 1], ['Me\u0301d', 1], ['ME\u0301\u0301D', 1], ['Så', 2], ['Sa\u030a', 2], ['SA\u030a', 2], ['\u0301', 3], ['Mid', undefined], ['Me\u0301', undefined]] as const) {
      expect(words.get(raw, 0, raw.length), raw).toBe(value);
    }
  });


  const t = getEmailTables();
  test.each(SAMPLES)('%j', (text) => {
    for (const index of [t.mobileSignatures, t.disclaimerOpeners, t.disclaimerHeadings, t.autoSubjects]) {
      expect(matchRawPrefix(index, text, 0, text.length)).toBe(matchPrefix(index.map, fold(text)));
    }
    for (let end = 0; end <= text.length; end++) {
      expect(t.lineStarts.has(text, 0, end), text.slice(0, end)).toBe(t.lineStarts.map.has(fold(text.slice(0, end))));
    }
  });
});

describe('subject offsets', () => {
  test('isJsSpace is what trim() removes', () => {
    for (let c = 0; c < 0x10000; c++) expect(isJsSpace(c), `U+${c.toString(16)}`).toBe(String.fromCharCode(c).trim() === '');
  });

  test.each(['Re: x', '  [EXT] [SPAM]  Automatic reply', '[a][b][c][d] x', '[' + 'x'.repeat(45) + '] y', '[open', ' \u00a0\u2003[x]\u3000y', '', '   '])(
    'tagsEnd matches skipTags: %j',
    (subject) => {
      for (const end of [subject.length, Math.min(subject.length, 5)]) {
        expect(subject.slice(tagsEnd(subject, end), end)).toBe(skipTags(subject.slice(0, end)));
      }
    },
  );
});

describe('fast paths give the same results', () => {
  test('own text read as a slice of the text, or joined from its lines', () => {
    expect(splitEmail('Hej,\n\nVar är paketet?\n\nMvh\nAnna').ownText).toBe('Hej,\n\nVar är paketet?');
    expect(splitEmail('Hej,\r\n\r\nVar är paketet?\r\n\r\nMvh\r\nAnna').ownText).toBe('Hej,\n\nVar är paketet?');
    expect(splitEmail('Hej,\n\n\n\nVar är paketet?  \n  Order 123').ownText).toBe('Hej,\n\nVar är paketet?\nOrder 123');
  });

  test('sign-offs, signatures and auto-replies in decomposed or unusual text', () => {
    expect(splitEmail('Var är paketet?\n\nMe\u0301d va\u0308nliga ha\u0308lsningar\nAnna').ownText).toBe('Var är paketet?');
    expect(splitEmail('Unde e coletul?\n\nTrimis de pe iPhone').ownText).toBe('Unde e coletul?');
    expect(detectAutoReply({ body: 'Jag a\u0308r pa\u030a semester till 4 januari. Kontakta Eva.' }).autoReply).toBe(true);
    expect(detectAutoReply({ subject: '[EXT]  Automatic\u00a0reply:  x' })).toEqual({ autoReply: true, reason: 'subject:automatic reply' });
    expect(detectAutoReply({ subject: 'Ra\u0306spuns automat' }).autoReply).toBe(true);
  });
});
