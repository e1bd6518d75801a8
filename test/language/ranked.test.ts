import { describe, expect, it } from 'vitest';
import { detectLanguage, detectLanguageAll, detectLanguageRanked } from '../../src/language';

describe('detectLanguageRanked (what classify calls)', () => {
  const texts = ['Var är min order?', 'Hvor er pakken min?', 'comanda?', 'rotto', 'ok', '12345', '', 'Hej, where is my parcel? Mvh', 'Il pacco non è arrivato'];

  it('answers what detectLanguage and, below the threshold, detectLanguageAll answer', () => {
    for (const text of texts) {
      for (const opts of [undefined, { hint: 'ro-RO' }, { only: ['sv', 'en'] as const }]) {
        const { language, ranked } = detectLanguageRanked(text, opts as never, 0.6);
        expect(language, text).toEqual(detectLanguage(text, opts as never));
        expect(ranked, text).toEqual(language.confidence >= 0.6 ? [] : detectLanguageAll(text, opts as never));
      }
    }
  });

  it('a line break before the text changes nothing (classify leaves it out when there is no subject)', () => {
    const more = [...texts, 'Anna Svensson here. The parcel never came', 'OK\nJag väntar fortfarande', 'Mulțumesc, Maria'];
    for (const text of more) {
      expect(detectLanguageRanked(`\n${text}`, undefined, 0.6), text).toEqual(detectLanguageRanked(text, undefined, 0.6));
      expect(detectLanguageAll(`\n${text}`), text).toEqual(detectLanguageAll(text));
    }
  });

  it('never throws, even on options that throw', () => {
    const hostile = Object.defineProperty({}, 'only', { get: () => { throw new Error('no'); } });
    expect(detectLanguageRanked('Var är min order?', hostile as never, 0.6).language.code).toMatch(/^(sv|und)$/);
    // options that throw only when read a second time, for the ranking of an uncertain text
    const uncertain = texts.find((t) => t && detectLanguage(t).confidence > 0 && detectLanguage(t).confidence < 0.6)!;
    expect(uncertain).toBeDefined();
    let reads = 0;
    const late = Object.defineProperty({}, 'only', { get: () => { if (reads++ > 0) throw new Error('no'); return undefined; } });
    expect(() => detectLanguageRanked(uncertain, late as never, 0.6)).not.toThrow();
    expect(() => detectLanguageRanked(42 as never, undefined, 0.6)).not.toThrow();
  });
});
