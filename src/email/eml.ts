/**
 * Raw e-mail files (.eml, RFC 5322 / MIME) to an inquiry, with `mailparser`.
 * mailparser is loaded on first use only: it is large, and only callers that
 * read .eml files need it.
 */
import type { AddressObject, HeaderValue, ParsedMail, SimpleParserOptions } from 'mailparser';
import { detectAutoReply } from './auto-reply';
import { htmlToText } from './html';

export interface EmlAttachment {
  filename?: string;
  contentType: string;
  /** Decoded size in bytes. */
  size: number;
}

export interface EmlInquiry {
  subject?: string;
  /** The text/plain body; absent when the message has no text part. */
  body?: string;
  /** The HTML body, given only when the message has no text part. */
  html?: string;
  /** The Date header as ISO 8601 with the sender's offset, e.g. `2026-11-23T09:15:00+01:00`. */
  receivedAt?: string;
  /** The From header as text, e.g. `"Anna Svensson" <anna@example.se>`. */
  from?: string;
  attachments: EmlAttachment[];
  /** Every header, names lower-cased, values decoded where mailparser decodes them; repeated headers joined by "\n". */
  headers: Record<string, string>;
  autoReply: boolean;
}

type SimpleParser = (source: Buffer, options?: SimpleParserOptions) => Promise<ParsedMail>;

let parserPromise: Promise<SimpleParser> | undefined;

function loadParser(): Promise<SimpleParser> {
  parserPromise ??= import('mailparser').then((mod) => {
    const m = mod as unknown as { simpleParser?: SimpleParser; default?: { simpleParser?: SimpleParser } };
    const fn = m.simpleParser ?? m.default?.simpleParser;
    if (!fn) throw new Error('mailparser has no simpleParser export');
    return fn;
  });
  return parserPromise;
}

const PARSER_OPTIONS: SimpleParserOptions = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  keepCidLinks: true,
  checksumAlgo: false,
};

/**
 * Parses a raw .eml message. Never rejects: a message mailparser cannot read
 * comes back with its source as the body.
 */
export async function parseEml(source: string | Uint8Array): Promise<EmlInquiry> {
  const buffer =
    typeof source === 'string'
      ? Buffer.from(source, 'utf8')
      : source instanceof Uint8Array
        ? Buffer.from(source.buffer, source.byteOffset, source.byteLength)
        : Buffer.alloc(0);
  let mail: ParsedMail;
  try {
    const simpleParser = await loadParser();
    mail = await simpleParser(buffer, PARSER_OPTIONS);
  } catch {
    const body = buffer.toString('utf8');
    return { body, attachments: [], headers: {}, autoReply: detectAutoReply({ body }).autoReply };
  }

  const headers = flattenHeaders(mail);
  const subject = typeof mail.subject === 'string' ? mail.subject : undefined;
  const text = typeof mail.text === 'string' && mail.text.trim().length > 0 ? mail.text : undefined;
  const html = text === undefined && typeof mail.html === 'string' && mail.html.trim().length > 0 ? mail.html : undefined;
  const receivedAt = toIsoWithOffset(headers['date']);
  const from = addressText(mail.headers.get('from'));

  const inquiry: EmlInquiry = {
    attachments: mail.attachments.map((a) => {
      const attachment: EmlAttachment = { contentType: a.contentType, size: typeof a.size === 'number' ? a.size : a.content?.length ?? 0 };
      if (a.filename) attachment.filename = a.filename;
      return attachment;
    }),
    headers,
    autoReply: false,
  };
  if (subject !== undefined) inquiry.subject = subject;
  if (text !== undefined) inquiry.body = text;
  if (html !== undefined) inquiry.html = html;
  if (receivedAt !== undefined) inquiry.receivedAt = receivedAt;
  if (from !== undefined) inquiry.from = from;
  const autoBody = text ?? (html !== undefined ? htmlToText(html.slice(0, 200_000)).text : undefined);
  inquiry.autoReply = detectAutoReply({ subject, body: autoBody, headers }).autoReply;
  return inquiry;
}

function unfold(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

function addressText(value: HeaderValue | undefined): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const list = Array.isArray(value) ? value : [value];
  const texts = list
    .map((v) => (v && typeof v === 'object' && 'text' in v && typeof (v as AddressObject).text === 'string' ? (v as AddressObject).text : ''))
    .filter(Boolean);
  return texts.length ? texts.join(', ') : undefined;
}

/** Header lines as strings: the raw (unfolded) value, or mailparser's decoded one for text and address headers. */
function flattenHeaders(mail: ParsedMail): Record<string, string> {
  const out: Record<string, string> = {};
  const counts = new Map<string, number>();
  for (const { key, line } of mail.headerLines ?? []) {
    const name = key.toLowerCase();
    const colon = line.indexOf(':');
    const value = unfold(colon >= 0 ? line.slice(colon + 1) : '');
    out[name] = name in out ? `${out[name]}\n${value}` : value;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  for (const [name, value] of mail.headers ?? []) {
    if (counts.get(name) !== 1) continue;
    if (typeof value === 'string') out[name] = value;
    else if (name !== 'date') {
      const text = addressText(value);
      if (text !== undefined) out[name] = text;
    }
  }
  return out;
}

const ZONES: Readonly<Record<string, number>> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  CET: 60, CEST: 120, EET: 120, EEST: 180, BST: 60,
};

/** The instant as ISO 8601 in the offset the Date header was written in (UTC when it names none). */
function toIsoWithOffset(raw: string | undefined): string | undefined {
  // mailparser fills in the current time when there is no Date header: that is not when the mail was sent.
  if (!raw || !raw.trim()) return undefined;
  // Parsed here rather than taken from mailparser, which also answers "now" for an unreadable Date.
  const date = new Date(raw.slice(0, 200).replace(/\([^)]*\)/g, ' ').trim());
  if (Number.isNaN(date.getTime())) return undefined;
  let offset = 0;
  const tail = raw.trim().slice(-64);
  const numeric = /([+-])(\d{2}):?(\d{2})(?:\s*\([^)]*\))?$/.exec(tail);
  if (numeric) {
    const sign = numeric[1] === '-' ? -1 : 1;
    offset = sign * (Number(numeric[2]) * 60 + Number(numeric[3]));
    if (Math.abs(offset) > 18 * 60) offset = 0;
  } else {
    const zone = /([A-Za-z]{1,4})(?:\s*\([^)]*\))?$/.exec(tail);
    if (zone && zone[1]) offset = ZONES[zone[1].toUpperCase()] ?? 0;
  }
  const local = new Date(date.getTime() + offset * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const year = local.getUTCFullYear();
  if (year < 0 || year > 9999) return undefined;
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return (
    `${String(year).padStart(4, '0')}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${zone}`
  );
}
