// Rule patterns run in linear time: quantifier-free ones on RegExp, any other on the linear-time engine
// that rule loading brings in.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { isQuantifierFree } from '../../src/engine/patterns';
import { loadRules } from '../../src/rules/load';
import { classifyWith } from '../../src/pipeline';
import { compileLinear, re2Syntax } from '../../src/rules/linear';
import { checkPattern } from '../../src/rules/safe-pattern';

function rulesWith(extra: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ir-patterns-'));
  cpSync('rules', dir, { recursive: true });
  writeFileSync(path.join(dir, 'zz-patterns.yaml'), extra);
  return dir;
}

describe('rule patterns', () => {
  test('only a pattern without quantifiers counts as quantifier-free', () => {
    for (const p of ['^image/', 'ärende', '(?:order|ordine) nr', '(?<ref>ord)-x', '[a-z+*?{]']) expect(isQuantifierFree(p)).toBe(true);
    for (const p of ['faktura.*betald', '\\d+', 'a?', 'x{2}', '(?:ab)*', 'a+?']) expect(isQuantifierFree(p)).toBe(false);
  });

  test('a pattern with quantifiers is never run on RegExp: without the linear-time engine it does not compile', async () => {
    vi.resetModules();
    const fresh = await import('../../src/engine/patterns');
    expect(() => fresh.compileRulePattern('faktura.*\\d+.*betald', 'i')).toThrow(expect.objectContaining({ code: 'PATTERN_ENGINE_NOT_LOADED', message: expect.stringMatching(/loadPatternEngine/) }));
    expect(fresh.compileRulePattern('^image/', 'i').first('image/png')).toEqual([0, 6]);
  });

  test('loadPatternEngine makes compileRuleSet work on a rule set of your own', async () => {
    vi.resetModules();
    const lib = await import('../../src');
    const fresh = await import('../../src/engine/patterns');
    await lib.loadPatternEngine();
    expect(fresh.compileRulePattern('ord-\\d+', '').first('se ord-123 nu')).toEqual([3, 10]);
  });

  test('JavaScript \\u escapes work on the linear-time engine', () => {
    expect(re2Syntax('caf\\u00e9+')).toBe('caf\\x{00e9}+');
    expect(re2Syntax('[\\u0300-\\u036f]+ \\u{1F600}')).toBe('[\\x{0300}-\\x{036f}]+ \\x{1F600}');
    expect(re2Syntax('a\\\\u0041')).toBe('a\\\\u0041'); // an escaped backslash, then "u0041"
    expect(checkPattern('caf\\u00e9+')).toBeUndefined();
    expect(compileLinear('caf\\u00e9+', 'i').first('un CAFÉÉ')).toEqual([3, 8]);
  });

  test('loaded rules run patterns with repeats, Unicode classes and flags, and report where they matched', async () => {
    const rules = await loadRules(
      rulesWith(`rules:
  - id: paid-invoice
    when: { pattern: 'faktura.*\\d+.*betald' }
    then: { tags: [paid-invoice] }
  - id: case-ref
    when: { pattern: 'ärende\\s\\p{N}+' }
    then: { tags: [case-ref] }
  - id: pdf
    when: { field: attachments.contentType, matches: '^application/p.f$' }
    then: { tags: [pdf] }
`),
    );
    const paid = classifyWith(rules, 'Fakturan 4711 är betald sedan länge');
    expect(paid.tags).toContain('paid-invoice');
    const span = paid.matchedRules.find((m) => m.id === 'paid-invoice')!.conditions[0]!.spans[0]!;
    expect(span.text).toBe('Fakturan 4711 är betald');
    expect(classifyWith(rules, 'Det gäller ärende 12345').tags).toContain('case-ref');
    expect(classifyWith(rules, 'Det gäller ärende nummer tolv').tags).not.toContain('case-ref');
    expect(classifyWith(rules, 'faktura 12 '.repeat(50)).tags).not.toContain('paid-invoice');
    const pdf = classifyWith(rules, { body: 'Se bilaga', attachments: [{ filename: 'a.pdf', contentType: 'APPLICATION/PDF', size: 10 }] });
    expect(pdf.tags).toContain('pdf');
  });
});
