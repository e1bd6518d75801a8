/**
 * Runs the e-mail splitter over every fixture in fixtures/emails and checks the
 * e-mail-specific expectations: the customer's own text contains `ownTextIncludes`
 * and not `ownTextExcludes`, and auto-replies are recognised (`autoReply`, or the
 * `auto-reply` tag). Routing expectations are checked by the library's fixture suite.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { LANGUAGES } from '../../src/languages';
import { detectAutoReply, htmlToText, parseEml, splitMessage, type EmlInquiry } from '../../src/email';

const DIR = join(__dirname, '../../fixtures/emails');

interface Expect {
  language: string;
  category: string;
  team: string;
  priority: string;
  orderNumbers: string[];
  tags?: string[];
  notTags?: string[];
  autoReply?: boolean;
  ownTextIncludes?: string | string[];
  ownTextExcludes?: string | string[];
}

interface Fixture {
  id: string;
  text?: string;
  subject?: string;
  body?: string;
  html?: string;
  receivedAt?: string;
  eml?: string;
  expect: Expect;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const fixtures: Array<Fixture & { file: string }> = files.flatMap((file) =>
  (parse(readFileSync(join(DIR, file), 'utf8')) as Fixture[]).map((f) => ({ ...f, file })),
);

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

async function toInquiry(f: Fixture): Promise<{ subject?: string; body?: string; html?: string; eml?: EmlInquiry }> {
  if (f.eml) {
    const eml = await parseEml(readFileSync(join(DIR, f.eml)));
    return { subject: eml.subject, body: eml.body, html: eml.html, eml };
  }
  if (f.text !== undefined) return { body: f.text };
  return { subject: f.subject, body: f.body, html: f.html };
}

describe('e-mail fixtures: shape', () => {
  test('there are at least 40 e-mails, 8 per language, 4 auto-replies, and unique ids', () => {
    const mails = fixtures.filter((f) => !f.eml);
    expect(mails.length).toBeGreaterThanOrEqual(40);
    for (const lang of LANGUAGES) expect(mails.filter((f) => f.expect.language === lang).length).toBeGreaterThanOrEqual(8);
    expect(fixtures.filter((f) => f.expect.tags?.includes('auto-reply')).length).toBeGreaterThanOrEqual(4);
    const ids = fixtures.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('there are 6 .eml fixtures, and HTML ones', () => {
    expect(fixtures.filter((f) => f.eml).length).toBe(6);
    expect(fixtures.filter((f) => f.html).length).toBeGreaterThanOrEqual(4);
  });

  test.each(fixtures.map((f) => [f.id, f] as const))('%s has a complete expect', (_id, f) => {
    expect(f.id).toMatch(/^(sv|en|it|ro|und)-[a-z0-9-]+-\d{2}$/);
    expect(f.id.slice(0, 2)).toBe(f.expect.language);
    for (const key of ['language', 'category', 'team', 'priority', 'orderNumbers'] as const) expect(f.expect).toHaveProperty(key);
    expect(Array.isArray(f.expect.orderNumbers)).toBe(true);
    expect([f.text, f.body, f.html, f.eml].filter((v) => v !== undefined).length).toBe(1);
    if (f.expect.tags?.includes('auto-reply')) {
      expect(f.expect).toMatchObject({ category: 'general', priority: 'low', team: 'customer-care' });
    }
  });
});

describe('e-mail fixtures: own text and auto-replies', () => {
  test.each(fixtures.map((f) => [f.id, f] as const))('%s', async (_id, f) => {
    const inquiry = await toInquiry(f);
    const split = splitMessage(inquiry);
    const context = `own text was:\n${split.ownText}\n---\nsegments: ${split.segments.map((s) => s.kind).join(', ')}`;
    for (const phrase of list(f.expect.ownTextIncludes)) expect(split.ownText, context).toContain(phrase);
    for (const phrase of list(f.expect.ownTextExcludes)) expect(split.ownText, context).not.toContain(phrase);

    const wantAuto = f.expect.autoReply ?? f.expect.tags?.includes('auto-reply') ?? false;
    const body = inquiry.body ?? (inquiry.html !== undefined ? htmlToText(inquiry.html).text : undefined);
    const got = inquiry.eml ? inquiry.eml.autoReply : detectAutoReply({ subject: inquiry.subject, body }).autoReply;
    expect(got, `autoReply for ${f.id}`).toBe(wantAuto);
    if (!wantAuto) expect(split.ownText.trim().length, 'a customer e-mail has own text').toBeGreaterThan(0);
  });
});
