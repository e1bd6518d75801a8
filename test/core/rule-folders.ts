// Rule folders written for a test.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A small rule set: a fallback, three priorities, two teams, two categories and one concept. */
export const BASE = `
config:
  fallback: { category: general, team: care }
priorities: [{ id: low }, { id: normal }, { id: urgent }]
teams: [{ id: care }, { id: returns }]
categories:
  - { id: general, team: care }
  - { id: returns, team: returns }
concepts:
  - id: damaged
    terms: { sv: [skadad], en: [damaged], it: [danneggiato], ro: [deteriorat] }
`;

/** A new folder holding these files (name → content; names may have subfolders). */
export function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ir-rules-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
