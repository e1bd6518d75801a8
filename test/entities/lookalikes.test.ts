import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, extractEntities, type Entities, type EntityType } from '../../src/entities';
import { isLanguage } from '../../src/languages';

interface Case {
  text: string;
  lang: string;
  receivedAt?: string;
  expect: Partial<Record<EntityType, (string | number)[]>>;
}

const file = fileURLToPath(new URL('../../fixtures/entities/lookalikes.yaml', import.meta.url));
const cases = (parse(readFileSync(file, 'utf8')) as { cases: Case[] }).cases;

function normalizedValues(entities: Entities, type: EntityType): string[] {
  if (type === 'amounts') return entities.amounts.map((a) => `${a.normalized.value} ${a.normalized.currency}`);
  return entities[type].map((e) => e.normalized);
}

describe('look-alike fixtures', () => {
  it('are well formed: ≥ 150 cases in all four languages, known types only', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const langs = new Set(cases.map((c) => c.lang));
    expect([...langs].sort()).toEqual(['en', 'it', 'ro', 'sv']);
    for (const c of cases) {
      expect(typeof c.text).toBe('string');
      expect(isLanguage(c.lang)).toBe(true);
      for (const key of Object.keys(c.expect ?? {})) expect(ENTITY_TYPES).toContain(key);
    }
    // every entity type is expected somewhere, so recall is measured for each
    for (const type of ENTITY_TYPES) expect(cases.some((c) => (c.expect?.[type] ?? []).length > 0)).toBe(true);
  });

  it('reach precision ≥ 99% and recall ≥ 97% for every entity type', () => {
    const stats = new Map<EntityType, { tp: number; fp: number; fn: number }>();
    for (const t of ENTITY_TYPES) stats.set(t, { tp: 0, fp: 0, fn: 0 });
    const errors: string[] = [];
    for (const c of cases) {
      const entities = extractEntities(c.text, { language: c.lang as 'sv', receivedAt: c.receivedAt });
      for (const type of ENTITY_TYPES) {
        const expected = (c.expect?.[type] ?? []).map(String);
        const remaining = [...expected];
        const s = stats.get(type)!;
        for (const got of normalizedValues(entities, type)) {
          const i = remaining.indexOf(got);
          if (i >= 0) {
            remaining.splice(i, 1);
            s.tp++;
          } else {
            s.fp++;
            errors.push(`${type} false positive ${got} in: ${c.text}`);
          }
        }
        s.fn += remaining.length;
        for (const missed of remaining) errors.push(`${type} missed ${missed} in: ${c.text}`);
      }
    }
    const table = ENTITY_TYPES.map((type) => {
      const { tp, fp, fn } = stats.get(type)!;
      return {
        type,
        tp,
        fp,
        fn,
        precision: tp + fp === 0 ? 1 : tp / (tp + fp),
        recall: tp + fn === 0 ? 1 : tp / (tp + fn),
      };
    });
    console.table(table.map((r) => ({ ...r, precision: r.precision.toFixed(3), recall: r.recall.toFixed(3) })));
    if (errors.length > 0) console.log(errors.join('\n'));
    for (const row of table) {
      expect(row.precision, `precision of ${row.type}`).toBeGreaterThanOrEqual(0.99);
      expect(row.recall, `recall of ${row.type}`).toBeGreaterThanOrEqual(0.97);
    }
  });
});
