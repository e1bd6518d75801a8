import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseEml, splitMessage } from '../../src/email';

const EML = join(__dirname, '../../fixtures/emails/eml');
const read = (name: string) => readFileSync(join(EML, name));

describe('parseEml on the .eml fixtures', () => {
  test('multipart/mixed: quoted-printable text, Q-encoded subject, a JPEG attachment', async () => {
    const mail = await parseEml(read('sv-multipart-attachment.eml'));
    expect(mail.subject).toBe('Trasig fönsterlampa');
    expect(mail.body).toContain('Sockeln är spräckt och sladden sitter löst');
    expect(mail.html).toBeUndefined();
    expect(mail.receivedAt).toBe('2026-11-23T09:15:00+01:00');
    expect(mail.from).toBe('"Anna Svensson" <anna.svensson@example.com>');
    expect(mail.attachments).toEqual([{ filename: 'lampa.jpg', contentType: 'image/jpeg', size: 614 }]);
    expect(mail.headers['message-id']).toBe('<CAB7x1@mail.example.com>');
    expect(mail.headers['to']).toContain('Nordhem Kundtjänst');
    expect(mail.headers['received']).toContain('by mx.nordhem.example');
    expect(Object.keys(mail.headers).every((k) => k === k.toLowerCase())).toBe(true);
    expect(mail.autoReply).toBe(false);
  });

  test('HTML only: no body, the HTML is given instead, and its quote is not own text', async () => {
    const mail = await parseEml(read('en-html-only.eml'));
    expect(mail.body).toBeUndefined();
    expect(mail.html).toContain('class="gmail_quote"');
    expect(mail.receivedAt).toBe('2026-11-24T18:40:12+00:00');
    const split = splitMessage(mail);
    expect(split.ownText).toContain('available in 200 cm');
    expect(split.ownText).not.toContain('Your chairs will be delivered');
  });

  test('auto-reply with Auto-Submitted, base64 body', async () => {
    const mail = await parseEml(read('it-autoreply.eml'));
    expect(mail.autoReply).toBe(true);
    expect(mail.headers['auto-submitted']).toBe('auto-replied');
    expect(mail.body).toContain('sono fuori sede fino al 30 novembre');
    expect(mail.attachments).toEqual([]);
  });

  test('a forward with a base64 body', async () => {
    const mail = await parseEml(read('ro-forward.eml'));
    expect(mail.subject).toBe('Fwd: Colet deteriorat');
    expect(mail.receivedAt).toBe('2026-11-26T19:22:41+02:00');
    const split = splitMessage(mail);
    expect(split.forwarded).toBe(true);
    expect(split.ownText).toContain('vaza din interior este spartă');
    expect(split.ownText).not.toContain('Forwarded message');
  });

  test('multipart/alternative: the text part is the body', async () => {
    const mail = await parseEml(read('en-alternative-qp.eml'));
    expect(mail.body).toContain('Your price guarantee says you refund the difference');
    expect(mail.html).toBeUndefined();
    expect(mail.attachments).toEqual([]);
    expect(splitMessage(mail).ownText).not.toContain('shipped with DHL');
  });

  test('a PDF attachment and a B-encoded subject', async () => {
    const mail = await parseEml(read('ro-invoice-pdf.eml'));
    expect(mail.subject).toBe('Factură greșită pentru comanda 78342');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: 'factura.pdf', contentType: 'application/pdf' });
    expect(mail.attachments[0]!.size).toBeGreaterThan(50);
    expect(mail.receivedAt).toBe('2026-11-27T10:03:00+02:00');
  });
});

describe('parseEml on other input', () => {
  test('accepts a string and a Uint8Array view', async () => {
    const source = 'From: a@example.com\r\nSubject: Hej\r\nDate: Tue, 1 Dec 2026 08:00:00 -0500\r\n\r\nVar är paketet?\r\n';
    const fromString = await parseEml(source);
    expect(fromString.subject).toBe('Hej');
    expect(fromString.body?.trim()).toBe('Var är paketet?');
    expect(fromString.receivedAt).toBe('2026-12-01T08:00:00-05:00');
    const bytes = new TextEncoder().encode(`xxxx${source}`).subarray(4);
    expect((await parseEml(bytes)).body?.trim()).toBe('Var är paketet?');
  });

  test('a Date header with a zone name or none at all', async () => {
    expect((await parseEml('Date: Tue, 1 Dec 2026 08:00:00 GMT\r\n\r\nx')).receivedAt).toBe('2026-12-01T08:00:00+00:00');
    expect((await parseEml('Subject: x\r\n\r\nx')).receivedAt).toBeUndefined();
    expect((await parseEml('Date: not a date\r\n\r\nx')).receivedAt).toBeUndefined();
  });

  test('garbage does not reject', async () => {
    const junk = new Uint8Array(20_000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    const mail = await parseEml(junk);
    expect(Array.isArray(mail.attachments)).toBe(true);
    expect(typeof mail.autoReply).toBe('boolean');
    await expect(parseEml('')).resolves.toMatchObject({ attachments: [] });
  });
});
