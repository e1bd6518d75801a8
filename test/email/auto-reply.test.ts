import { describe, expect, test } from 'vitest';
import { detectAutoReply } from '../../src/email';

const isAuto = (input: Parameters<typeof detectAutoReply>[0]) => detectAutoReply(input).autoReply;

describe('headers', () => {
  test.each([
    [{ 'Auto-Submitted': 'auto-replied' }, 'header:auto-submitted'],
    [{ 'auto-submitted': 'auto-generated' }, 'header:auto-submitted'],
    [{ 'AUTO-SUBMITTED': 'auto-replied; owner-email="x@example.com"' }, 'header:auto-submitted'],
    [{ 'X-Autoreply': 'yes' }, 'header:x-autoreply'],
    [{ 'X-Autorespond': 'Out of office' }, 'header:x-autorespond'],
    [{ Precedence: 'auto_reply' }, 'header:precedence'],
    [{ Precedence: 'bulk' }, 'header:precedence'],
    [{ Precedence: 'junk' }, 'header:precedence'],
    [{ 'X-Failed-Recipients': 'a@example.com' }, 'header:x-failed-recipients'],
    [{ 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="x"' }, 'header:content-type'],
    [{ From: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>' }, 'header:from'],
    [{ from: ['postmaster@example.com'] }, 'header:from'],
  ])('%j', (headers, reason) => {
    expect(detectAutoReply({ subject: 'Hello', body: 'Hello', headers })).toEqual({ autoReply: true, reason });
  });

  test.each([
    { 'Auto-Submitted': 'no' },
    { 'Auto-Submitted': 'No' },
    { 'X-Autoreply': 'no' },
    { Precedence: 'list' },
    { Precedence: 'first-class' },
    { From: 'Anna <anna@example.com>' },
    { 'Content-Type': 'text/plain; charset=utf-8' },
    { 'X-Auto-Response-Suppress': 'All' },
    { 'x-other': undefined },
  ])('not an auto-reply: %j', (headers) => {
    expect(isAuto({ subject: 'Var är mitt paket?', body: 'Hej, var är mitt paket?', headers })).toBe(false);
  });

  test('X-Auto-Response-Suppress turns an out-of-office subject word into evidence', () => {
    expect(isAuto({ subject: 'Semester', headers: { 'X-Auto-Response-Suppress': 'All' } })).toBe(true);
    expect(isAuto({ subject: 'Semester' })).toBe(false);
    expect(isAuto({ subject: 'In ferie', headers: { 'x-auto-response-suppress': 'OOF' } })).toBe(true);
  });
});

describe('subjects', () => {
  test.each([
    'Automatic reply: Your order',
    'Auto-Reply: Your order',
    'Autoreply: Your order',
    'Out of Office: Re: Return',
    'Out of office',
    'Undeliverable: Re: Your return',
    'Delivery Status Notification (Failure)',
    'Mail Delivery Subsystem',
    'Returned mail: see transcript for details',
    'Automatiskt svar: Din beställning',
    'Frånvaromeddelande',
    'Olevererbart: Din retur',
    'Risposta automatica: Il tuo ordine',
    'Fuori sede',
    'Non recapitabile: Il tuo reso',
    'Răspuns automat: Comanda dvs.',
    'Raspuns automat: Comanda dvs.',
    'Nelivrabil: Comanda',
    '[SPAM] Automatic reply: offer',
  ])('%j', (subject) => {
    const r = detectAutoReply({ subject });
    expect(r.autoReply).toBe(true);
    expect(r.reason).toMatch(/^subject:/);
  });

  test.each([
    'Re: Automatic reply: Your order',
    'Sv: Automatiskt svar: Din beställning',
    'Out of office chair arrived broken',
    'Automatic reply button on your site does not work',
    'Where is my order?',
    'Returned goods but no refund',
  ])('not an auto-reply: %j', (subject) => {
    expect(isAuto({ subject, body: 'Hello, please help me with my order.' })).toBe(false);
  });
});

describe('bodies', () => {
  test.each([
    ['en', 'Thank you for your email. I am out of the office until Monday 30 November with limited access to email.'],
    ['en', 'Hello,\n\nI\u2019m currently out of the office and will be back on 2 December.'],
    ['en', 'This is an automatic reply. We have received your message and will answer within 24 hours.'],
    ['en', 'Delivery has failed to these recipients or groups:\n\nj.smith@example.com'],
    ['en', 'This is the mail system at host mail.example.com.\n\nI\'m sorry to have to inform you that your message could not be delivered.'],
    ['en', 'Mail Delivery Subsystem\n\nAddress not found'],
    ['sv', 'Hej,\n\nJag är på semester till och med 4 januari. Vid brådskande ärenden, kontakta Eva.'],
    ['sv', 'Jag är föräldraledig och är tillbaka i augusti.'],
    ['sv', 'Detta är ett automatiskt svar. Vi har tagit emot ditt mejl.'],
    ['sv', 'Automatiskt svar\nJag är ledig idag.'],
    ['it', 'Buongiorno,\nsono fuori ufficio fino al 7 gennaio con accesso limitato alla posta elettronica.'],
    ['it', 'Sono in ferie, rientro il 10 gennaio.'],
    ['it', 'Questa è una risposta automatica: la sua email è stata ricevuta.'],
    ['ro', 'Bună ziua,\n\nSunt în concediu până la 5 ianuarie.'],
    ['ro', 'Acesta este un răspuns automat. Vă vom contacta în curând.'],
    ['ro', 'Nelivrabil: mesajul nu a putut fi livrat.'],
  ])('%s: %j', (_lang, body) => {
    const r = detectAutoReply({ subject: 'Re: Your question', body });
    expect(r.autoReply).toBe(true);
    expect(r.reason).toMatch(/^body:/);
  });

  test.each([
    ['en', 'I got an automatic reply from you but no answer. Where is my parcel?'],
    ['en', 'Automatic reply from you said 48 hours, it has been a week. Where is my refund'],
    ['en', 'Hello, I am on vacation until 5 December, could you deliver the parcel after that?'],
    ['en', 'I am away next week, so please hold the order until I am back.'],
    ['sv', 'Hej! Jag är på semester 10–20 december. Kan ni skicka paketet efter det?'],
    ['sv', 'Jag är på semester till och med 20 december, leverera paketet till ombudet i stället.'],
    ['sv', 'Jag fick ett automatiskt svar men inget mer. Var är min återbetalning?'],
    ['it', 'Ho ricevuto una risposta automatica ma nessuna risposta vera. Dov\'è il mio ordine?'],
    ['it', 'Sono in ferie fino al 3 gennaio, potete consegnare il pacco dopo?'],
    ['ro', 'Am primit doar un răspuns automat. Unde este comanda mea?'],
    ['ro', 'Sunt în concediu până la 5 ianuarie, vă rog să livrați coletul după aceea.'],
  ])('look-alike from a customer (%s): %j', (_lang, body) => {
    expect(isAuto({ subject: 'Min order', body })).toBe(false);
  });

  test('an absence phrase deep inside a long message does not count', () => {
    const body = `${'My washing machine arrived with a dent in the side panel and I would like a replacement. '.repeat(5)}I am out of the office until Monday, so please deliver after that.`;
    expect(isAuto({ body })).toBe(false);
  });

  test('empty or odd input is not an auto-reply and does not throw', () => {
    expect(detectAutoReply({})).toEqual({ autoReply: false });
    expect(detectAutoReply(undefined as unknown as { body: string })).toEqual({ autoReply: false });
    expect(detectAutoReply({ subject: 42 as unknown as string, body: null as unknown as string, headers: 'x' as unknown as Record<string, string> })).toEqual({ autoReply: false });
  });
});
