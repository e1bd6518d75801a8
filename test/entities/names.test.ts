import { describe, expect, it } from 'vitest';
import { redact } from '../../src/entities';

describe('names in redaction', () => {
  it('keeps a name whole when it has a capitalised particle or is a common word that is also a name', () => {
    const cases: [string, string][] = [
      ['Cordiali saluti\nGiulia De Luca', 'Cordiali saluti\n[NAME]'],
      ['Cordiali saluti\nMarco Di Stefano', 'Cordiali saluti\n[NAME]'],
      ['Cordiali saluti\nGIULIA DE LUCA', 'Cordiali saluti\n[NAME]'],
      ['Mi chiamo Giulia De Luca e ho ordinato', 'Mi chiamo [NAME] e ho ordinato'],
      ['Med vänliga hälsningar,\nPer Åström', 'Med vänliga hälsningar,\n[NAME]'],
      ['Mvh Per Andersson', 'Mvh [NAME]'],
      ['Hej Per!', 'Hej [NAME]!'],
      ['Jag heter Per Olsson', 'Jag heter [NAME]'],
      ['Best regards,\nEd Sheeran', 'Best regards,\n[NAME]'],
    ];
    for (const [input, output] of cases) expect(redact(input)).toBe(output);
  });

  it('removes a sign-off name that has a phone number, an emoji, a remark or a second name after it', () => {
    const cases: [string, string][] = [
      ['Mvh Anna Svensson 070-123 45 67', 'Mvh [NAME] [PHONE]'],
      ['Mvh Anna 😊', 'Mvh [NAME] 😊'],
      ['Cordiali saluti\nMaria Rossi (cliente)', 'Cordiali saluti\n[NAME] (cliente)'],
      ['Mvh Anna och Erik', 'Mvh [NAME]'],
      ['Hälsningar Anna & Erik', 'Hälsningar [NAME]'],
      ['Mvh Anna\u00a0Svensson', 'Mvh [NAME]'],
      ['Hälsningar från Anna Berg', 'Hälsningar från [NAME]'],
      ['Distinti saluti\nDott.ssa Maria Rossi', 'Distinti saluti\nDott.ssa [NAME]'],
      ['Gentile Sig.ra Bianchi,', 'Gentile Sig.ra [NAME],'],
    ];
    for (const [input, output] of cases) expect(redact(input)).toBe(output);
  });

  it('knows more sign-offs, the slash signature and names written in lower case after a sign-off', () => {
    const cases: [string, string][] = [
      ['Paketet har inte kommit.\nTack!\n/Erik', 'Paketet har inte kommit.\nTack!\n/[NAME]'],
      ['Mvh /Anna', 'Mvh /[NAME]'],
      ['MVH/Anna', 'MVH/[NAME]'],
      ['Ha det bra!\n/Anna', 'Ha det bra!\n/[NAME]'],
      ['Tack, Anna', 'Tack, [NAME]'],
      ['Tack för hjälpen!\nAnna Svensson', 'Tack för hjälpen!\n[NAME]'],
      ['Cu drag,\nIoana', 'Cu drag,\n[NAME]'],
      ['Vă mulțumesc,\nElena Dumitrescu', 'Vă mulțumesc,\n[NAME]'],
      ['Multumesc anticipat,\nAndrei Ionescu', 'Multumesc anticipat,\n[NAME]'],
      ['Saluti cordiali,\nGiulia Bianchi', 'Saluti cordiali,\n[NAME]'],
      ['Buona giornata,\nGiulia Bianchi', 'Buona giornata,\n[NAME]'],
      ['Grazie in anticipo,\nGiulia Bianchi', 'Grazie in anticipo,\n[NAME]'],
      ['Best regards / John Smith', 'Best regards / [NAME]'],
      ['BR,\nJohn', 'BR,\n[NAME]'],
      ['mvh anna svensson', 'mvh [NAME]'],
      ['Cheers\nmike', 'Cheers\n[NAME]'],
      ['Saluti,\n\n\n\nGiulia', 'Saluti,\n\n\n\n[NAME]'],
    ];
    for (const [input, output] of cases) expect(redact(input)).toBe(output);
  });

  it('removes names in the header lines of quoted mail and before addresses', () => {
    const cases: [string, string][] = [
      ['Från: Anna Svensson <anna@example.se>', 'Från: [NAME] <[EMAIL]>'],
      ['From: "Smith, John" <john@example.com>', 'From: "[NAME]" <[EMAIL]>'],
      ['Den 12 nov. 2026 kl. 14:02 skrev Anna Svensson <anna@example.se>:', 'Den 12 nov. 2026 kl. 14:02 skrev [NAME] <[EMAIL]>:'],
      ['On Tue, 3 Nov 2026 at 14:02, John Smith <john@example.com> wrote:', 'On Tue, 3 Nov 2026 at 14:02, [NAME] <[EMAIL]> wrote:'],
      ['Il giorno mar 3 nov 2026 alle ore 14:02 Giulia Bianchi <g@example.it> ha scritto:', 'Il giorno mar 3 nov 2026 alle ore 14:02 [NAME] <[EMAIL]> ha scritto:'],
      ['În mar., 3 nov. 2026 la 14:02, Ioana Popescu <i@example.ro> a scris:', 'În mar., 3 nov. 2026 la 14:02, [NAME] <[EMAIL]> a scris:'],
      ['Da: Mario Rossi [mailto:mario@example.it]', 'Da: [NAME] [mailto:[EMAIL]]'],
      // the shop's own addresses are no person
      ['> Från: Kundtjänst <kundtjanst@example.se>', '> Från: Kundtjänst <[EMAIL]>'],
      ['Till: Support <support@example.se>', 'Till: Support <[EMAIL]>'],
      ['Mejla mig på <anna@example.se> tack', 'Mejla mig på <[EMAIL]> tack'],
    ];
    for (const [input, output] of cases) expect(redact(input)).toBe(output);
  });

  it('reads sign-offs and names written with decomposed letters', () => {
    expect(redact('Mvh\nAnna-Karin Öberg'.normalize('NFD'))).toBe('Mvh\n[NAME]'.normalize('NFD'));
    expect(redact('Cu stimă,\nȘtefan Țurcanu'.normalize('NFD'))).toBe('Cu stimă,\n[NAME]'.normalize('NFD'));
    expect(redact('Mvh Åsa Ek'.normalize('NFD'))).toBe('Mvh [NAME]');
  });

  it('still leaves ordinary words after sign-offs and greetings alone', () => {
    for (const text of [
      'Thanks a lot!',
      'Tack så mycket för hjälpen',
      'Thanks\nSent from my iPhone',
      'Mvh\nskickat från min iphone',
      'Grazie. Per favore rispondete',
      'Hej Paketet kom skadat',
      'Best regards,\nthe team',
      'Tack!\nHälsningar',
      'Hej,\n/ 5 st saknas',
      'Mvh\n\nKundservice AB',
      'My name is john smith and I ordered',
      // a word or a number that is no phone after the "name": an order number, a courier, a date
      'Thanks! Order #208811',
      'Mvh\nOrder 4481923',
      'Tack!\nOrdernummer 4481923',
      'Tack!\nPostNord 12345678',
      'Tack, Stockholm 2026-11-03',
      'Q: Har ni den i lager?\nA: Nej',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });
});
