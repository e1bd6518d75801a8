/**
 * Fixture files: YAML lists of example inquiries with the outcome they should get. Used by the test
 * suite, by `inquiry-router test` and by `inquiry-router eval`.
 */
import { parse } from 'yaml';
import type { Classification, InquiryInput } from './types';

export interface FixtureExpect {
  readonly language?: string;
  readonly category?: string;
  readonly team?: string;
  readonly priority?: string;
  readonly orderNumbers?: readonly string[];
  readonly tags?: readonly string[];
  readonly notTags?: readonly string[];
  readonly autoReply?: boolean;
  readonly ownTextIncludes?: string;
  readonly ownTextExcludes?: string;
}

const EXPECT_KEYS: ReadonlySet<string> = new Set(['language', 'category', 'team', 'priority', 'orderNumbers', 'tags', 'notTags', 'autoReply', 'ownTextIncludes', 'ownTextExcludes']);

export interface Fixture {
  readonly id: string;
  readonly input: string | InquiryInput;
  readonly expect: FixtureExpect;
  /** Path of an .eml file, relative to the fixture file. */
  readonly eml?: string;
  readonly file: string;
}

export interface FixtureMismatch {
  readonly field: string;
  readonly expected: unknown;
  readonly got: unknown;
}

const INPUT_KEYS = ['subject', 'body', 'html', 'receivedAt', 'channel', 'customer', 'attachments', 'headers'] as const;

/** Reads the fixtures of one YAML file (a list) or JSON Lines text. */
export function parseFixtures(text: string, file: string): Fixture[] {
  const trimmed = text.trimStart();
  const items: unknown[] =
    file.endsWith('.jsonl') || file.endsWith('.ndjson') || trimmed.startsWith('{')
      ? text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown)
      : ((parse(text, { maxAliasCount: 100 }) as unknown[]) ?? []);
  if (!Array.isArray(items)) throw new Error(`${file}: a fixture file is a list of inquiries`);
  return items.map((raw, i) => {
    const o = (raw ?? {}) as Record<string, unknown>;
    const id = typeof o.id === 'string' ? o.id : `${file}#${i + 1}`;
    let input: string | InquiryInput;
    if (typeof o.text === 'string') input = o.text;
    else {
      const obj: Record<string, unknown> = {};
      for (const k of INPUT_KEYS) if (o[k] !== undefined) obj[k] = o[k];
      input = obj as InquiryInput;
    }
    const expect = (o.expect ?? {}) as FixtureExpect;
    if (typeof expect !== 'object' || Array.isArray(expect)) throw new Error(`${file}: fixture ${id}: "expect" is a mapping such as { category: returns }`);
    // a misspelt key would make the fixture pass whatever the result
    const unknown = Object.keys(expect).filter((k) => !EXPECT_KEYS.has(k));
    if (unknown.length) throw new Error(`${file}: fixture ${id}: unknown expect key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} (known: ${[...EXPECT_KEYS].join(', ')})`);
    return { id, input, expect, file, ...(typeof o.eml === 'string' ? { eml: o.eml } : {}) };
  });
}

const normOrder = (s: string) => s.replace(/^#/, '').replace(/\s+/g, '').toUpperCase();

/** What differs between a classification and a fixture's expectation. */
export function compareFixture(result: Classification, expect: FixtureExpect): FixtureMismatch[] {
  const out: FixtureMismatch[] = [];
  const eq = (field: string, expected: unknown, got: unknown) => {
    if (expected !== undefined && expected !== got) out.push({ field, expected, got });
  };
  eq('language', expect.language, result.language.code);
  eq('category', expect.category, result.category);
  eq('team', expect.team, result.team);
  eq('priority', expect.priority, result.priority);
  eq('autoReply', expect.autoReply, result.autoReply);
  if (expect.orderNumbers) {
    const want = [...new Set(expect.orderNumbers.map(normOrder))].sort();
    const got = [...new Set(result.entities.orderNumbers.map((o) => normOrder(o.normalized)))].sort();
    if (want.join(',') !== got.join(',')) out.push({ field: 'orderNumbers', expected: want, got });
  }
  for (const t of expect.tags ?? []) if (!result.tags.includes(t)) out.push({ field: 'tags', expected: `has ${t}`, got: result.tags });
  for (const t of expect.notTags ?? []) if (result.tags.includes(t)) out.push({ field: 'tags', expected: `not ${t}`, got: result.tags });
  if (expect.ownTextIncludes && !result.body.ownText.includes(expect.ownTextIncludes)) {
    out.push({ field: 'ownText', expected: `includes "${expect.ownTextIncludes}"`, got: result.body.ownText });
  }
  if (expect.ownTextExcludes && result.body.ownText.includes(expect.ownTextExcludes)) {
    out.push({ field: 'ownText', expected: `excludes "${expect.ownTextExcludes}"`, got: result.body.ownText });
  }
  return out;
}
