import { describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { createEntityExtractor, DEFAULT_ENTITY_CONFIG, entityConfigSchema, type EntityConfig } from '../../src/entities';
import { resolveEntityConfig } from '../../src/entities/config';

describe('entity configuration', () => {
  it('validates the built-in configuration and is frozen', () => {
    expect(entityConfigSchema().safeParse(DEFAULT_ENTITY_CONFIG).success).toBe(true);
    expect(entityConfigSchema().safeParse({}).success).toBe(true);
    expect(Object.isFrozen(DEFAULT_ENTITY_CONFIG)).toBe(true);
    expect(Object.isFrozen(DEFAULT_ENTITY_CONFIG.orderNumbers?.patterns)).toBe(true);
  });

  it('rejects unknown keys, invalid patterns, flags and digit bounds', () => {
    const bad = [
      { orderNumber: {} },
      { orderNumbers: { patterns: [{ id: 'x', pattern: '(' }] } },
      { orderNumbers: { patterns: [{ id: 'x', pattern: '\\d+', flags: 'g' }] } },
      { orderNumbers: { patterns: [{ id: 'x', pattern: '\\d+', flags: 'ii' }] } },
      { orderNumbers: { patterns: [{ id: '', pattern: '\\d+' }] } },
      { orderNumbers: { minDigits: 8, maxDigits: 6 } },
      { caseNumbers: { contextWords: { de: ['Fall'] } } },
      { phones: { defaultRegion: 'US' } },
      { trackingNumbers: { contextWords: { sv: [''] } } },
    ];
    for (const config of bad) expect(entityConfigSchema().safeParse(config).success, JSON.stringify(config)).toBe(false);
    expect(() => createEntityExtractor({ orderNumbers: { minDigits: 8, maxDigits: 6 } })).toThrow(ZodError);
  });

  it('a config that is already the schema\'s output (a loaded rule set\'s) resolves as the raw one does', () => {
    const raw: EntityConfig[] = [
      {},
      DEFAULT_ENTITY_CONFIG,
      { orderNumbers: { patterns: [{ id: 'web', pattern: 'WEB-\\d{5}', flags: 'i' }], minDigits: 5, contextWords: { sv: ['beställning'] } } },
      { caseNumbers: { patterns: [{ id: 'case', pattern: 'CASE-\\d{4}' }] }, phones: { defaultRegion: 'IT' } },
      { trackingNumbers: { contextWords: { ro: ['awb'] } } },
    ];
    for (const config of raw) {
      expect(resolveEntityConfig(entityConfigSchema().parse(config), true), JSON.stringify(config)).toEqual(resolveEntityConfig(config));
    }
  });

  it('documents its fields', () => {
    expect(entityConfigSchema().description).toBeTruthy();
    const shape = entityConfigSchema().shape;
    for (const key of ['orderNumbers', 'caseNumbers', 'trackingNumbers'] as const) expect(shape[key].description).toBeTruthy();
  });

  it('compiles into an immutable extractor independent of later changes to the input', () => {
    const config = { trackingNumbers: { contextWords: { sv: ['fraktnr'] } } };
    const ex = createEntityExtractor(config);
    config.trackingNumbers.contextWords.sv.push('spårningsnummer');
    expect(Object.isFrozen(ex)).toBe(true);
    expect(ex.extract('fraktnr 1234567890').trackingNumbers.map((t) => t.normalized)).toEqual(['1234567890']);
    expect(ex.extract('spårningsnummer 1234567890').trackingNumbers).toEqual([]);
  });

  it('prints nothing when the module is imported', async () => {
    vi.resetModules();
    const log = vi.spyOn(console, 'log');
    const warn = vi.spyOn(console, 'warn');
    const write = vi.spyOn(process.stdout, 'write');
    const mod = await import('../../src/entities/index');
    expect(typeof mod.extractEntities).toBe('function');
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
