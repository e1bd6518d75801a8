/** Reading fixture files and .eml files from disk (Node only): shared by the CLI, the tests and scripts. */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmlInquiry } from './email';
import { parseFixtures, type Fixture } from './fixtures';
import type { InquiryInput } from './types';

/** The fixture files under `dir` (YAML, sorted, recursively), leaving out entity fixtures and raw e-mails. */
export function fixtureFiles(dir = 'fixtures'): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'entities' && e.name !== 'eml') out.push(...fixtureFiles(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

export function loadFixtureFiles(files: readonly string[]): Fixture[] {
  return files.flatMap((f) => parseFixtures(readFileSync(f, 'utf8'), f));
}

/** The inquiry fields of a parsed e-mail. */
export function emlToInquiry(eml: EmlInquiry): InquiryInput {
  return {
    ...(eml.subject !== undefined ? { subject: eml.subject } : {}),
    ...(eml.body !== undefined ? { body: eml.body } : eml.html !== undefined ? { html: eml.html } : {}),
    ...(eml.receivedAt ? { receivedAt: eml.receivedAt } : {}),
    attachments: eml.attachments,
    headers: eml.headers,
    autoReply: eml.autoReply,
    channel: 'email',
  };
}

/** Reads and parses a raw e-mail (.eml) into an inquiry. */
export async function readEmlInquiry(file: string): Promise<InquiryInput> {
  const { parseEml } = await import('./email');
  return emlToInquiry(await parseEml(await readFile(file)));
}

/** The inquiry of a fixture: its text or fields, or the .eml file it names (relative to the fixture file). */
export async function fixtureInput(f: Fixture): Promise<string | InquiryInput> {
  return f.eml ? readEmlInquiry(path.resolve(path.dirname(f.file), f.eml)) : f.input;
}
