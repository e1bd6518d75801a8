// Every labelled fixture in fixtures/ (all languages, e-mails, .eml files) routed with the default
// rules. A fixture that is known to fail sits on the skip list below with the reason.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { classify } from '../src';
import { compareFixture, parseFixtures, type Fixture } from '../src/fixtures';
import { parseEml } from '../src/email';
import type { InquiryInput } from '../src/types';

import { SKIP } from './fixture-skips';

function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'entities' && e.name !== 'eml') out.push(...fixtureFiles(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

const fixtures: Fixture[] = fixtureFiles('fixtures').flatMap((f) => parseFixtures(readFileSync(f, 'utf8'), f));

async function inputOf(f: Fixture): Promise<string | InquiryInput> {
  if (!f.eml) return f.input;
  const eml = await parseEml(readFileSync(path.resolve(path.dirname(f.file), f.eml)));
  return {
    ...(eml.subject !== undefined ? { subject: eml.subject } : {}),
    ...(eml.body !== undefined ? { body: eml.body } : eml.html !== undefined ? { html: eml.html } : {}),
    ...(eml.receivedAt ? { receivedAt: eml.receivedAt } : {}),
    attachments: eml.attachments,
    headers: eml.headers,
    autoReply: eml.autoReply,
  };
}

describe('fixtures', () => {
  test('there are at least 50 per language', () => {
    for (const lang of ['sv', 'en', 'it', 'ro']) {
      expect(fixtures.filter((f) => f.expect.language === lang).length).toBeGreaterThanOrEqual(50);
    }
  });

  test.each(fixtures.map((f) => [`${f.file} ${f.id}`, f] as const))('%s', async (_name, f) => {
    const result = classify(await inputOf(f));
    const mismatches = compareFixture(result, f.expect);
    if (SKIP[f.id]) {
      expect(mismatches, `${f.id} is on the skip list but now passes: remove it from SKIP`).not.toEqual([]);
      return;
    }
    const text = typeof f.input === 'string' ? f.input : JSON.stringify(f.input).slice(0, 400);
    expect(mismatches, `text: ${text}\nrules: ${result.matchedRules.map((m) => m.id).join(', ')}`).toEqual([]);
  });
});
