import { describe, expect, test } from 'vitest';
import { splitEmail, type SplitEmail } from '../../src/email';

/** The text of every segment of a kind, joined. */
function textOf(result: SplitEmail, kind: string): string {
  return result.segments
    .filter((s) => s.kind === kind)
    .map((s) => result.text.slice(s.start, s.end))
    .join('');
}

function kinds(result: SplitEmail): string[] {
  return result.segments.map((s) => s.kind);
}

describe('segments', () => {
  test('cover the whole text in order, without gaps or overlaps', () => {
    const text = 'Hej!\n\nVar är paketet?\n\nMvh\nAnna\n\nDen 12 nov. 2026 kl. 14:02 skrev Kundtjänst <k@shop.example>:\n> Tack för din order.\n';
    const r = splitEmail(text);
    expect(r.text).toBe(text);
    expect(r.segments[0]?.start).toBe(0);
    expect(r.segments[r.segments.length - 1]?.end).toBe(text.length);
    for (let i = 1; i < r.segments.length; i++) expect(r.segments[i]?.start).toBe(r.segments[i - 1]?.end);
    expect(kinds(r)).toEqual(['own', 'signature', 'reply-header', 'quote']);
  });

  test('an empty text has no segments; a text without structure is all own', () => {
    expect(splitEmail('')).toEqual({ text: '', segments: [], ownText: '', forwarded: false });
    const r = splitEmail('Var är mitt paket?');
    expect(kinds(r)).toEqual(['own']);
    expect(r.ownText).toBe('Var är mitt paket?');
  });

  test('handles CRLF line endings', () => {
    const r = splitEmail('Where is my parcel?\r\n\r\nOn Mon, 23 Nov 2026 at 09:15, Shop <s@shop.example> wrote:\r\n> Your invoice\r\n');
    expect(r.ownText).toBe('Where is my parcel?');
    expect(textOf(r, 'quote')).toContain('Your invoice');
  });
});

describe('reply attribution lines', () => {
  const cases: Array<[string, string]> = [
    ['en Gmail', 'On Mon, 23 Nov 2026 at 09:15, Nordhem Support <support@shop.example> wrote:'],
    ['en Apple Mail', 'On 23 Nov 2026, at 09:15, Nordhem Support <support@shop.example> wrote:'],
    ['en Thunderbird', 'On 23.11.2026 09:15, Nordhem Support wrote:'],
    ['sv Gmail', 'Den mån 23 nov. 2026 kl 09:15 skrev Nordhem Kundtjänst <kundtjanst@shop.example>:'],
    ['sv Apple Mail', '23 nov. 2026 kl. 09:15 skrev Nordhem Kundtjänst <kundtjanst@shop.example>:'],
    ['sv Thunderbird', 'Den 2026-11-23 kl. 09:15, skrev Nordhem Kundtjänst:'],
    ['it Gmail', 'Il giorno lun 23 nov 2026 alle ore 09:15 Nordhem Assistenza <assistenza@shop.example> ha scritto:'],
    ['it Thunderbird', 'Il 23/11/2026 09:15, Nordhem Assistenza ha scritto:'],
    ['ro Gmail', 'În lun., 23 nov. 2026 la 09:15, Nordhem Suport <suport@shop.example> a scris:'],
    ['ro without diacritics', 'In lun., 23 nov. 2026 la 09:15, Nordhem Suport <suport@shop.example> a scris:'],
    ['fr client', 'Le lun. 23 nov. 2026 à 09:15, Nordhem Support <support@shop.example> a écrit :'],
    ['de client', 'Am 23.11.2026 um 09:15 schrieb Nordhem Support <support@shop.example>:'],
  ];
  test.each(cases)('%s', (_name, attribution) => {
    const r = splitEmail(`My new text.\n\n${attribution}\n> Old text from the shop.\n> More old text.\n`);
    expect(r.ownText).toBe('My new text.');
    expect(textOf(r, 'reply-header')).toContain(attribution);
    expect(textOf(r, 'quote')).toContain('Old text from the shop.');
  });

  test.each([
    ['en', 'On Mon, 23 Nov 2026 at 09:15, Nordhem Customer Service <\nsupport@shop.example> wrote:'],
    ['sv', 'Den mån 23 nov. 2026 kl 09:15 skrev Nordhem Kundtjänst <\nkundtjanst@shop.example>:'],
    ['it', 'Il giorno lun 23 nov 2026 alle ore 09:15 Nordhem Assistenza <\nassistenza@shop.example> ha scritto:'],
    ['ro', 'În lun., 23 nov. 2026 la 09:15, Nordhem Suport <\nsuport@shop.example> a scris:'],
  ])('%s attribution wrapped over two lines, as Gmail does', (_lang, attribution) => {
    const r = splitEmail(`New text.\n\n${attribution}\n\n> Quoted text.\n`);
    expect(r.ownText).toBe('New text.');
    expect(textOf(r, 'reply-header')).toBe(`${attribution}\n\n`);
  });

  test('an unquoted (top-posted) history after the attribution is all quote', () => {
    const r = splitEmail('Thanks, got it.\n\nOn 23 Nov 2026, at 09:15, Shop <s@shop.example> wrote:\n\nYour parcel has been sent.\nRegards, Shop\n');
    expect(r.ownText).toBe('Thanks, got it.');
    expect(textOf(r, 'quote')).toContain('Your parcel has been sent.');
  });

  test('inline answers between quoted lines are own text', () => {
    const r = splitEmail('On 23.11.2026 10:02, Shop wrote:\n> Which size?\nMedium.\n> Exchange or refund?\nExchange, please.\n');
    expect(r.ownText).toBe('Medium.\n\nExchange, please.');
    expect(kinds(r)).toEqual(['reply-header', 'quote', 'own', 'quote', 'own']);
  });

  test.each([
    'My friend wrote:',
    'Den 12 november skrev jag till er:',
    'In the box there was a note that said:',
    'On the invoice it says:',
  ])('a customer sentence ending in a colon is not an attribution: %s', (line) => {
    const r = splitEmail(`Hello.\n${line}\n"Delivered on Monday"\nBut nothing came.`);
    expect(kinds(r)).toEqual(['own']);
    expect(r.ownText).toContain('But nothing came.');
  });
});

describe('quoted lines', () => {
  test('> lines are quote, also nested and without a space', () => {
    const r = splitEmail('Answer on top.\n\n> first level\n>> second level\n>>> third\n> > spaced\n');
    expect(r.ownText).toBe('Answer on top.');
    expect(textOf(r, 'quote')).toBe('> first level\n>> second level\n>>> third\n> > spaced\n');
  });

  test('a reply whose new text is empty has no own text', () => {
    const r = splitEmail('\n\nOn Mon, 23 Nov 2026 at 09:15, Shop <s@shop.example> wrote:\n> Old message\n', { subject: 'Re: Your order' });
    expect(r.ownText).toBe('');
    expect(r.forwarded).toBe(false);
  });

  test('quote ranges passed in mark lines as quoted', () => {
    const text = 'New words.\nOld words one.\nOld words two.\n';
    const start = text.indexOf('Old');
    const r = splitEmail(text, { quoteRanges: [{ start, end: text.length }] });
    expect(r.ownText).toBe('New words.');
    expect(textOf(r, 'quote')).toBe('Old words one.\nOld words two.\n');
  });
});

describe('original-message separators and header blocks', () => {
  test.each([
    ['en', '-----Original Message-----', 'From: Shop <s@shop.example>\nSent: Monday, November 23, 2026 9:15 AM\nTo: Anna <a@example.com>\nSubject: Your order'],
    ['sv', '-----Ursprungligt meddelande-----', 'Från: Shop <s@shop.example>\nSkickat: den 23 november 2026 09:15\nTill: Anna <a@example.com>\nÄmne: Din order'],
    ['it', '-----Messaggio originale-----', 'Da: Shop <s@shop.example>\nInviato: lunedì 23 novembre 2026 09:15\nA: Anna <a@example.com>\nOggetto: Il tuo ordine'],
    ['ro', '-----Mesaj original-----', 'De la: Shop <s@shop.example>\nTrimis: luni, 23 noiembrie 2026 09:15\nCătre: Anna <a@example.com>\nSubiect: Comanda dvs.'],
    ['old Outlook', '----- Original Message -----', 'From: Shop\nTo: Anna\nSent: Monday, November 23, 2026 9:15 AM\nSubject: Your order'],
  ])('%s: separator, header block and the quoted message', (_name, separator, headers) => {
    const r = splitEmail(`New question here.\n\n${separator}\n${headers}\n\nThe old message body.\n`);
    expect(r.ownText).toBe('New question here.');
    expect(textOf(r, 'reply-header')).toContain(separator);
    expect(textOf(r, 'reply-header')).toContain(headers.split('\n')[0]);
    expect(textOf(r, 'quote')).toContain('The old message body.');
  });

  test.each([
    ['en', 'From: Shop <s@shop.example>\nSent: Monday, November 23, 2026 9:15 AM\nTo: Anna\nSubject: Your order'],
    ['sv', 'Från: Shop <s@shop.example>\nSkickat: den 23 november 2026 09:15\nTill: Anna\nÄmne: Din order'],
    ['it', 'Da: Shop <s@shop.example>\nInviato: lunedì 23 novembre 2026 09:15\nA: Anna\nOggetto: Il tuo ordine'],
    ['ro', 'De la: Shop <s@shop.example>\nTrimis: luni, 23 noiembrie 2026 09:15\nCătre: Anna\nSubiect: Comanda dvs.'],
    ['Outlook web with underscores', '________________________________\nFrom: Shop <s@shop.example>\nSent: Monday, November 23, 2026 9:15 AM\nTo: Anna\nSubject: Your order'],
    ['bold markers', '**From:** Shop\n**Sent:** Monday\n**To:** Anna\n**Subject:** Your order'],
  ])('%s Outlook header block without a separator', (_name, headers) => {
    const r = splitEmail(`New text.\n\n${headers}\n\nOld body.\n`);
    expect(r.ownText).toBe('New text.');
    expect(textOf(r, 'quote')).toContain('Old body.');
  });

  test.each([
    '##- Please type your reply above this line -##',
    '##- Skriv ditt svar ovanför den här raden -##',
    '##- Scrivi la tua risposta sopra questa riga -##',
    '##- Scrieți răspunsul deasupra acestei linii -##',
  ])('helpdesk reply marker %j: everything below is history', (marker) => {
    const r = splitEmail(`Thanks, that solved it.\n\n${marker}\n\nYour request (4321) has been updated.\nShop Support\n`);
    expect(r.ownText).toBe('Thanks, that solved it.');
    expect(textOf(r, 'quote')).toContain('Your request (4321) has been updated.');
  });

  test('a contact-form dump that starts with header-like fields is the customer\'s text', () => {
    const text = 'From: Anna Svensson <anna@example.com>\nSubject: Retur\nDate: 2026-11-23\nTo: Kundtjänst\n\nJag vill returnera mattan.';
    expect(splitEmail(text).ownText).toContain('Jag vill returnera mattan.');
    // The same block under a reply subject is the quoted message of an empty reply.
    expect(splitEmail(text, { subject: 'Re: Retur' }).ownText).toBe('');
  });

  test('two header-like lines written by a customer are not a header block', () => {
    const r = splitEmail('Please deliver to my office.\nTo: Reception, 2nd floor\nDate: any weekday\nThanks for the help with this.');
    expect(kinds(r)).toEqual(['own']);
  });
});

describe('forwards', () => {
  const forwardedBody = 'Hello, the kettle arrived broken. Order #10234.';
  test.each([
    ['Gmail en', '---------- Forwarded message ---------\nFrom: Tom <t@example.com>\nDate: Thu, 19 Nov 2026 at 21:03\nSubject: Broken\nTo: <s@shop.example>'],
    ['Gmail sv', '---------- Vidarebefordrat meddelande ---------\nFrån: Tom <t@example.com>\nDate: tors 19 nov. 2026 kl 21:03\nSubject: Trasig\nTo: <s@shop.example>'],
    ['Gmail it', '---------- Messaggio inoltrato ---------\nDa: Tom <t@example.com>\nDate: gio 19 nov 2026 alle ore 21:03\nSubject: Rotto\nTo: <s@shop.example>'],
    ['Gmail ro', '---------- Mesaj redirecționat ---------\nDe la: Tom <t@example.com>\nDate: joi, 19 nov. 2026 la 21:03\nSubject: Stricat\nTo: <s@shop.example>'],
    ['Thunderbird', '-------- Forwarded Message --------\nSubject: \tBroken\nDate: \tThu, 19 Nov 2026 21:03:00 +0100\nFrom: \tTom <t@example.com>\nTo: \ts@shop.example'],
    ['Apple Mail', 'Begin forwarded message:\n\nFrom: Tom <t@example.com>\nSubject: Broken\nDate: 19 November 2026 at 21:03:00 CET\nTo: s@shop.example'],
    ['Apple Mail sv', 'Början av vidarebefordrat meddelande:\n\nFrån: Tom <t@example.com>\nÄmne: Trasig\nDatum: 19 november 2026 21:03:00 CET\nTill: s@shop.example'],
  ])('%s: marker and header lines are forward-header, the content counts as own', (_name, header) => {
    const r = splitEmail(`${header}\n\n${forwardedBody}\n`);
    expect(r.forwarded).toBe(true);
    expect(r.ownText).toBe(forwardedBody);
    expect(textOf(r, 'forward-header')).toContain(header.split('\n')[1]!.trim());
    expect(textOf(r, 'forwarded')).toContain(forwardedBody);
  });

  test.each(['see below', 'Se nedan.', 'vedi sotto', 'Vezi mai jos.', 'FYI', 'Hej,\n\nse nedan!\n\nAnna', ''])('cover note %j', (note) => {
    const r = splitEmail(`${note}\n\n---------- Forwarded message ---------\nFrom: Tom <t@example.com>\nDate: Thu, 19 Nov 2026\nSubject: Broken\n\n${forwardedBody}\n`);
    expect(r.forwarded).toBe(true);
    expect(r.ownText).toContain(forwardedBody);
    expect(r.ownText).not.toContain('From: Tom');
  });

  test('a forward with new text of its own keeps the forwarded part out of the own text', () => {
    const own = 'I am forwarding the confirmation because the delivery date you gave me in it has now passed twice and I would like to know where the parcel is.';
    const r = splitEmail(`${own}\n\n---------- Forwarded message ---------\nFrom: Shop <s@shop.example>\nDate: Thu, 19 Nov 2026\nSubject: Order confirmation\n\nThank you for your order!\n`, { subject: 'Fwd: Order confirmation' });
    expect(r.forwarded).toBe(false);
    expect(r.ownText).toBe(own);
    expect(textOf(r, 'forwarded')).toContain('Thank you for your order!');
  });

  test.each(['Fwd: Broken', 'FW: Broken', 'VB: Trasig', 'Vb: Trasig', 'I: Rotto', 'Inoltro: Rotto', 'TR: Cassé', 'RV: Roto', '[EXTERNAL] Fwd: Broken'])(
    'subject %j makes an Outlook header block a forward',
    (subject) => {
      const r = splitEmail(`\n________________________________\nFrom: Tom <t@example.com>\nSent: Thursday, November 19, 2026 21:03\nTo: s@shop.example\nSubject: Broken\n\n${forwardedBody}\n`, { subject });
      expect(r.forwarded).toBe(true);
      expect(r.ownText).toBe(forwardedBody);
      expect(textOf(r, 'forward-header')).toContain('Sent: Thursday');
    },
  );

  test.each(['Re: Broken', 'SV: Trasig', 'Sv: Trasig', 'R: Rotto', 'AW: Kaputt', 'Re: Fwd: Broken'])('subject %j keeps it a reply', (subject) => {
    const r = splitEmail(`\n________________________________\nFrom: Tom <t@example.com>\nSent: Thursday, November 19, 2026 21:03\nTo: s@shop.example\nSubject: Broken\n\n${forwardedBody}\n`, { subject });
    expect(r.forwarded).toBe(false);
    expect(r.ownText).toBe('');
  });

  test('a forward quoted with ">" (HTML blockquote) counts without the markers', () => {
    const r = splitEmail(`> Begin forwarded message:\n>\n> From: Tom <t@example.com>\n> Subject: Broken\n> Date: 19 November 2026\n>\n> ${forwardedBody}\n> Sent from my iPhone\n`);
    expect(r.forwarded).toBe(true);
    expect(r.ownText).toBe(forwardedBody);
  });
});

describe('signatures', () => {
  test.each([
    'Sent from my iPhone',
    'Sent from my Galaxy',
    'Sent from Outlook for Android',
    'Get Outlook for iOS',
    'Sent from Mail for Windows',
    'Skickat från min iPhone',
    'Skickat från Outlook för Android',
    'Hämta Outlook för Android',
    'Inviato da iPhone',
    'Inviato dal mio smartphone Samsung Galaxy.',
    'Scarica Outlook per Android',
    'Trimis de pe iPhone',
    'Trimis din Yahoo Mail pe Android',
    'Obțineți Outlook pentru Android',
    'Envoyé de mon iPhone',
  ])('mobile signature %j', (sig) => {
    const r = splitEmail(`The lamp arrived broken.\n\n${sig}\n`);
    expect(r.ownText).toBe('The lamp arrived broken.');
    expect(textOf(r, 'signature')).toBe(`${sig}\n`);
  });

  test.each([
    'Med vänliga hälsningar', 'Vänliga hälsningar', 'Mvh', 'MVH', 'Hälsningar', 'Best regards', 'Kind regards', 'Regards', 'Thanks,',
    'Cordiali saluti', 'Distinti saluti', 'Saluti', 'Cu stimă', 'Cu stima', 'Cu respect', 'Mulțumesc,', 'Multumesc,',
  ])('sign-off %j followed by a name, title, phone and address', (signOff) => {
    const r = splitEmail(`Where is my parcel?\n\n${signOff}\nAnna Svensson\nHead of Purchasing, Holm AB\n070-123 45 67\nStorgatan 14, 113 45 Stockholm\n`);
    expect(r.ownText).toBe('Where is my parcel?');
    expect(textOf(r, 'signature')).toContain('070-123 45 67');
  });

  test.each(['Mvh Anna', 'Mvh/Anna', 'Best regards, John Smith', 'Cu stimă, Ion Popescu', 'Cordiali saluti, Mario Rossi'])('sign-off and name on one line: %j', (line) => {
    const r = splitEmail(`Where is my parcel?\n${line}\n`);
    expect(r.ownText).toBe('Where is my parcel?');
  });

  test('a sign-off followed by a paragraph is not a signature', () => {
    const text = 'Hi,\nThanks,\nthe parcel is still not here and I have waited for two weeks now.\nPlease help.';
    const r = splitEmail(text);
    expect(kinds(r)).toEqual(['own']);
    expect(r.ownText).toBe(text);
  });

  test('a sign-off that is all the customer wrote stays own text', () => {
    expect(splitEmail('Thanks!\n\nOn Mon, 23 Nov 2026 at 09:15, Shop <s@shop.example> wrote:\n> Your refund is on its way.').ownText).toBe('Thanks!');
    expect(splitEmail('Hej!\nTack så mycket!\n\n> Paketet är skickat.').ownText).toBe('Hej!\nTack så mycket!');
  });

  test('a P.S. after the sign-off stays own text', () => {
    const r = splitEmail('Var är paketet?\n\nTack!\nAnna\n\nPS. Ordernumret är 55123.');
    expect(r.ownText).toContain('Ordernumret är 55123');
  });

  test('a line naming an order after the sign-off keeps it own text', () => {
    expect(splitEmail('Var är paketet?\n\nMvh\nAnna\nOrder 4481923').ownText).toContain('Order 4481923');
    expect(splitEmail('Dov\'è il pacco?\nGrazie,\nLuca\nordine n. 45321').ownText).toContain('ordine n. 45321');
    expect(splitEmail('Unde e coletul?\nMulțumesc,\nAna\n#77812').ownText).toContain('#77812');
  });

  test('"Thanks for …" is a sentence, not a sign-off', () => {
    const r = splitEmail('Thanks for nothing\nthe parcel is lost');
    expect(r.ownText).toBe('Thanks for nothing\nthe parcel is lost');
  });

  test('the "-- " delimiter starts a signature', () => {
    const r = splitEmail('Please cancel my order.\n\n-- \nAnna Svensson\nwww.example.com\n');
    expect(r.ownText).toBe('Please cancel my order.');
    expect(textOf(r, 'signature')).toBe('-- \nAnna Svensson\nwww.example.com\n');
  });

  test('a last paragraph that is a name (and contact lines) is a signature', () => {
    const r = splitEmail('WHERE IS MY ORDER!!!\n\nGary Hughes\n14 Mill Lane, Leeds LS1 4AB\nMobile: 07700 900123\n');
    expect(r.ownText).toBe('WHERE IS MY ORDER!!!');
    expect(splitEmail('Tack för hjälpen!\n\n/Emma').ownText).toBe('Tack för hjälpen!');
  });

  test('a last paragraph that is not a name stays own text', () => {
    expect(splitEmail('Hi there,\n\nHELP').ownText).toBe('Hi there,\n\nHELP');
    expect(splitEmail('Hej,\n\nOrder 4481923').ownText).toBe('Hej,\n\nOrder 4481923');
  });
});

describe('disclaimers', () => {
  test.each([
    ['en', 'This e-mail and any attachments are confidential and intended solely for the addressee. If you have received it in error, please delete it.'],
    ['sv', 'Detta e-postmeddelande kan innehålla konfidentiell information och är endast avsett för rätt mottagare.'],
    ['it', 'Questo messaggio e i suoi allegati sono confidenziali e destinati esclusivamente al destinatario indicato.'],
    ['ro', 'Acest mesaj este confidențial și este destinat exclusiv destinatarului indicat. Dacă l-ați primit din greșeală, ștergeți-l.'],
    ['heading', 'CONFIDENTIALITY NOTICE: the information in this message may be privileged.'],
    ['environment', 'Please consider the environment before printing this e-mail.'],
  ])('%s disclaimer after the signature', (_lang, disclaimer) => {
    const r = splitEmail(`Where is my parcel?\n\nBest regards\nAnna\n\n${disclaimer}\n\nOn Mon, 23 Nov 2026 at 09:15, Shop <s@shop.example> wrote:\n> Old.\n`);
    expect(r.ownText).toBe('Where is my parcel?');
    expect(textOf(r, 'disclaimer')).toContain(disclaimer);
    expect(kinds(r)).toEqual(['own', 'signature', 'disclaimer', 'reply-header', 'quote']);
  });

  test('a customer sentence starting like a disclaimer is own text', () => {
    const text = 'Buongiorno,\nquesto messaggio è per dirvi che il destinatario del pacco non era in casa quando è passato il corriere.';
    expect(splitEmail(text).ownText).toBe(text);
    const ro = 'Bună ziua,\nAcest mesaj este a treia oară când vă scriu despre comanda mea.';
    expect(splitEmail(ro).ownText).toBe(ro);
  });

  test('a disclaimer opening cannot be the whole message', () => {
    const text = 'This email is confidential: I want to return the ring I bought as a surprise, please do not contact my husband.';
    expect(splitEmail(text).ownText).toBe(text);
  });
});
