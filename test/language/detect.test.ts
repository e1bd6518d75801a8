import { describe, expect, it } from 'vitest';
import { detectLanguage, detectLanguageAll } from '../../src/language';

const code = (text: string, opts?: Parameters<typeof detectLanguage>[1]) => detectLanguage(text, opts).code;

describe('detectLanguage: plain inquiries', () => {
  it.each([
    ['sv', 'Hej! Jag beställde en jacka för två veckor sedan men den har fortfarande inte kommit. Kan ni kolla vad som har hänt?'],
    ['en', 'Hello, I ordered a jacket two weeks ago but it still has not arrived. Could you please check what happened?'],
    ['it', 'Buongiorno, ho ordinato una giacca due settimane fa ma non è ancora arrivata. Potete verificare cosa è successo?'],
    ['ro', 'Bună ziua, am comandat o geacă acum două săptămâni, dar încă nu a ajuns. Puteți verifica ce s-a întâmplat?'],
  ])('%s', (lang, text) => {
    const r = detectLanguage(text);
    expect(r.code).toBe(lang);
    expect(r.confidence).toBeGreaterThan(0.9);
  });
});

describe('detectLanguage: short inquiries', () => {
  it.each([
    ['Var är min order?', 'sv'],
    ['paketet?', 'sv'],
    ['rotto', 'it'],
    ["dov'è il mio ordine", 'it'],
    ['refund pls', 'en'],
    ['where is my parcel', 'en'],
    ['Vreau să returnez produsul', 'ro'],
  ])('%s → %s', (text, lang) => {
    expect(code(text)).toBe(lang);
  });
});

describe('detectLanguage: words shared by two of our languages', () => {
  it('"comanda?" (Romanian "the order", also Italian, Spanish and Catalan) stays a candidate, and a hint settles it', () => {
    const ro = detectLanguageAll('comanda?').find((s) => s.code === 'ro');
    expect(ro?.score).toBeGreaterThan(0.1);
    expect(code('comanda?', { hint: 'ro-RO' })).toBe('ro');
    expect(code('comanda mea?')).toBe('ro');
  });
});

describe('detectLanguage: text typed without diacritics', () => {
  it.each([
    ['forsenad leverans', 'sv'],
    ['Min bestallning ar forsenad, nar kommer den?', 'sv'],
    ['comanda mea', 'ro'],
    ['Comanda mea nu a ajuns inca, va rog sa verificati', 'ro'],
    ['perche non arriva', 'it'],
    ['Perche il mio ordine non e ancora arrivato?', 'it'],
  ])('%s → %s', (text, lang) => {
    expect(code(text)).toBe(lang);
  });
});

describe('detectLanguage: ALL CAPS', () => {
  it.each([
    ['VAR ÄR MIN ORDER? JAG HAR VÄNTAT I TRE VECKOR!', 'sv'],
    ['WHERE IS MY ORDER? I HAVE BEEN WAITING FOR THREE WEEKS!', 'en'],
    ['DOVE È IL MIO ORDINE? ASPETTO DA TRE SETTIMANE!', 'it'],
    ['UNDE ESTE COMANDA MEA? AȘTEPT DE TREI SĂPTĂMÂNI!', 'ro'],
  ])('%s → %s', (text, lang) => {
    expect(code(text)).toBe(lang);
  });
});

describe('detectLanguage: mixed language', () => {
  it('a Swedish message naming an English product is Swedish', () => {
    expect(code('Hej, jag köpte en Wireless Noise Cancelling Headphones Pro men den går inte att ladda. Vad ska jag göra?')).toBe('sv');
  });

  it('a Swedish message with an English e-mail footer is Swedish', () => {
    const text = [
      'Hej, jag har fått fel storlek på skorna och vill byta till en större. Hur gör jag det?',
      '',
      'Sent from my iPhone',
      'This e-mail and any attachments are confidential and intended solely for the addressee.',
    ].join('\n');
    expect(code(text)).toBe('sv');
  });

  it('an English message that opens "Hej" and ends "Mvh" is English', () => {
    const text = 'Hej,\n\nI received the wrong colour and would like to return it for a refund. What is the return address?\n\nMvh\nAnna';
    expect(code(text)).toBe('en');
  });
});

describe('detectLanguage: numbers, addresses and links never decide', () => {
  it.each(['#123456', '123456 789012', '2024-05-01 12:30', 'anna.svensson@example.se', 'https://www.example.com/order/12345', 'SE-123 45 +46701234567', ''])(
    '%j alone is und with no confidence',
    (text) => {
      expect(detectLanguage(text)).toEqual({ code: 'und', confidence: 0 });
    },
  );

  it('adding order numbers, addresses and URLs does not change the answer', () => {
    const base = 'Hej, min order har inte kommit fram än. Kan ni hjälpa mig?';
    const noisy = `${base}\nOrder: 5501234-AB, SE-1234567\nanna.nilsson@example.com\nhttps://shop.example.com/orders/5501234\nwww.example.se/track?id=99`;
    expect(code(noisy)).toBe('sv');
    expect(code(`Order 5501234 https://shop.example.com/en/help?x=1 ${'Ciao, il mio ordine non è arrivato.'}`)).toBe('it');
  });

  it('signature-like lines do not outweigh the message', () => {
    const text = 'Buna ziua, am primit produsul deteriorat si as dori un schimb.\n--\nJohn Smith\nSenior Manager, Acme Ltd\nTel +44 20 7946 0000';
    expect(code(text)).toBe('ro');
  });
});

describe('detectLanguage: other languages are und', () => {
  it.each([
    ['nb', 'Hei, jeg bestilte en jakke for to uker siden, men den har ikke kommet ennå. Kan dere sjekke hva som har skjedd?'],
    ['nb', 'Pakken min er forsinket og jeg lurer på når den kommer. Takk for hjelpen.'],
    ['da', 'Hej, jeg bestilte en jakke for to uger siden, men den er stadig ikke kommet. Kan I undersøge, hvad der er sket?'],
    ['da', 'Min pakke er forsinket, og jeg vil gerne vide, hvornår den kommer frem.'],
    ['es', 'Hola, pedí una chaqueta hace dos semanas pero todavía no ha llegado. ¿Pueden comprobar qué ha pasado?'],
    ['es', 'Quiero devolver el producto porque llegó roto.'],
    ['de', 'Hallo, ich habe vor zwei Wochen eine Jacke bestellt, aber sie ist immer noch nicht angekommen. Können Sie nachsehen, was passiert ist?'],
    ['de', 'Meine Bestellung ist beschädigt angekommen und ich möchte sie zurückschicken.'],
  ])('%s: %s', (_lang, text) => {
    expect(code(text)).toBe('und');
  });

  it('Norwegian and Danish do not leak into Swedish even when short', () => {
    for (const text of ['Hvor er pakken min?', 'Hvornår kommer min pakke?', 'Jeg vil ha pengene tilbake', 'ikke kommet']) {
      expect(code(text)).not.toBe('sv');
    }
  });
});

describe('options', () => {
  const italian = 'Buongiorno, il pacco è arrivato danneggiato e vorrei un rimborso.';

  it('only: languages outside the allow-list come out und', () => {
    expect(code(italian)).toBe('it');
    expect(code(italian, { only: ['sv', 'en'] })).toBe('und');
    expect(code(italian, { only: ['it'] })).toBe('it');
  });

  it('only: an empty list or one without any of ours means all four', () => {
    expect(code(italian, { only: [] })).toBe('it');
    expect(code(italian, { only: ['de' as never] })).toBe('it');
  });

  it('hint settles an ambiguous short text', () => {
    // "film" is a word in all four languages.
    const withHint = (hint: string) => detectLanguage('film', { hint });
    expect(withHint('sv-SE').code).toBe('sv');
    expect(withHint('it_IT').code).toBe('it');
    expect(withHint('ro').code).toBe('ro');
  });

  it('hint raises the probability of the hinted language', () => {
    const text = 'order status';
    const p = (hint?: string) => detectLanguageAll(text, hint ? { hint } : {}).find((s) => s.code === 'sv')?.score ?? 0;
    expect(p('sv')).toBeGreaterThan(p());
  });

  it('hint does not override clear text', () => {
    const english = 'Hello, my parcel arrived damaged and I would like a replacement as soon as possible.';
    expect(code(english, { hint: 'sv-SE' })).toBe('en');
    expect(code('Hej, paketet kom fram trasigt och jag vill ha ett nytt.', { hint: 'en-GB' })).toBe('sv');
  });

  it('a hint naming a neighbour language pushes towards und', () => {
    const text = 'kan du hjelpe meg';
    const und = (hint?: string) => detectLanguageAll(text, hint ? { hint } : {}).find((s) => s.code === 'und')?.score ?? 0;
    expect(und('nb-NO')).toBeGreaterThan(und());
  });
});

describe('detectLanguageAll', () => {
  it('ranks candidates, highest first, scores summing to 1', () => {
    const all = detectLanguageAll('Hej, var är mitt paket?');
    expect(all[0]!.code).toBe('sv');
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
    const sum = all.reduce((a, s) => a + s.score, 0);
    expect(sum).toBeGreaterThan(0.98);
    expect(sum).toBeLessThanOrEqual(1.0001);
    for (const s of all) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
  });

  it('lists und when it is a candidate', () => {
    const all = detectLanguageAll('Hvor er pakken min? Jeg har ventet lenge.');
    expect(all[0]!.code).toBe('und');
  });

  it('agrees with detectLanguage', () => {
    for (const text of ['comanda mea', 'where is my order', 'dov è il pacco', 'min order', 'Wo ist mein Paket?']) {
      expect(detectLanguageAll(text)[0]!.code).toBe(detectLanguage(text).code);
    }
  });

  it('leaves out languages excluded by only', () => {
    const codes = detectLanguageAll('Hello there', { only: ['en', 'sv'] }).map((s) => s.code);
    expect(codes).not.toContain('it');
    expect(codes).not.toContain('ro');
    expect(codes).toContain('en');
  });

  it('empty text: und only', () => {
    expect(detectLanguageAll('')).toEqual([{ code: 'und', score: 1 }]);
    expect(detectLanguageAll('12345 67890')).toEqual([{ code: 'und', score: 1 }]);
  });
});
