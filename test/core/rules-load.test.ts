import { mkdtempSync, writeFileSync, symlinkSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRules, safeLoadRules, RuleLoadError, createRouter, defaultRules } from '../../src';

const defaultRulesFrozenProbe = () => defaultRules().ruleSet.concepts.at(-1)!.terms.en ?? defaultRules().ruleSet.rules.at(-1)!.then;
import { parseRuleSources } from '../../src/rules/parse';
import { BASE, folder } from './rule-folders';



const codes = (r: Awaited<ReturnType<typeof safeLoadRules>>) => (r.success ? [] : r.error.issues.map((i) => i.code));

describe('loading rules', () => {
  test('a valid folder loads and routes', async () => {
    const dir = folder({ 'base.yaml': BASE, 'rules.yaml': 'rules:\n  - id: dmg\n    when: { concept: damaged }\n    then: { category: returns }\n' });
    const router = await createRouter({ rules: dir });
    expect(router.classify('Varan kom skadad').category).toBe('returns');
    expect(router.classify('Hej').category).toBe('general');
  });

  test('pattern and phrase conditions see only the customer\'s own words, whatever the normalisation shifted', async () => {
    const rules =
      'rules:\n' +
      '  - id: by-pattern\n    when: { pattern: "ref-\\\\d{3}" }\n    then: { category: returns }\n' +
      '  - id: by-phrase\n    when: { phrase: "öppet köp" }\n    then: { category: returns }\n';
    const router = await createRouter({ rules: folder({ 'base.yaml': BASE, 'rules.yaml': rules }) });
    // own words first (with NFD letters and a soft hyphen, so normalised offsets differ), then a signature, then a quote
    const quoted = (own: string, quote: string) => ({
      body: `${own}\n\nMvh\nAnna\n\nDen 3 mars 2026 skrev Butiken <info@butik.se>:\n> ${quote}\n`,
    });
    expect(router.classify(quoted('He\u0301j, ga\u00adng ref-123 tack', 'Hej')).matchedRules.map((m) => m.id)).toEqual(['by-pattern']);
    expect(router.classify(quoted('He\u0301j, ga\u00adng tack', 'Ärende ref-123')).matchedRules).toEqual([]);
    expect(router.classify(quoted('Gäller o\u0308ppet köp?', 'Hej')).matchedRules.map((m) => m.id)).toEqual(['by-phrase']);
    expect(router.classify(quoted('Hej igen', 'Vi erbjuder öppet köp i 30 dagar')).matchedRules).toEqual([]);
  });

  test('compiled rules are frozen all the way down, shared YAML anchors included', async () => {
    const rules = 'rules:\n  - id: a\n    when: &dmg { concept: damaged }\n    then: { category: returns }\n  - id: b\n    when: *dmg\n    then: { tags: [x] }\n';
    const router = await createRouter({ rules: folder({ 'base.yaml': BASE, 'rules.yaml': rules }) });
    const rs = router.rules.ruleSet;
    expect(Object.isFrozen(rs)).toBe(true);
    expect(Object.isFrozen(rs.concepts[0]!.terms.sv)).toBe(true);
    expect(Object.isFrozen(rs.rules[1]!.when)).toBe(true);
    expect(Object.isFrozen(rs.rules[1]!.then.tags)).toBe(true);
    expect(Object.isFrozen(defaultRulesFrozenProbe())).toBe(true);
    expect(router.classify('Varan kom skadad').tags).toContain('x');
  });

  test('every problem is reported with file, line and column, and nothing loads', async () => {
    const dir = folder({
      'base.yaml': BASE,
      'rules.yaml': [
        'rules:',
        '  - id: a',
        '    when: { concept: nosuch }',
        '    then: { category: returns, team: nobody }',
        '  - id: a',
        '    when: { pattern: "(a+)+$" }',
        '    then: { category: returns }',
        '  - id: c',
        '    when: { concept: damaged, bogus: 1 }',
        '    then: { category: returns }',
      ].join('\n'),
    });
    const r = await safeLoadRules(dir);
    expect(r.success).toBe(false);
    if (r.success) return;
    // the schema error stops the file before semantic checks; fix it and the others show
    expect(r.error.issues.map((i) => [i.code, i.line])).toEqual([['UNKNOWN_KEY', 9]]);
    expect(r.error.issues[0]!.file).toMatch(/rules\.yaml$/);
    expect(r.error.issues[0]!.column).toBeGreaterThan(0);
    expect(r.error).toBeInstanceOf(RuleLoadError);

    writeFileSync(path.join(dir, 'rules.yaml'), ['rules:', '  - id: a', '    when: { concept: nosuch }', '    then: { category: returns, team: nobody }', '  - id: a', '    when: { pattern: "(a+)+$" }', '    then: { category: returns }'].join('\n'));
    const r2 = await safeLoadRules(dir);
    expect(codes(r2).sort()).toEqual(['DUPLICATE_RULE_ID', 'UNKNOWN_CONCEPT', 'UNKNOWN_TEAM', 'UNSAFE_PATTERN']);
    if (!r2.success) {
      const byCode = Object.fromEntries(r2.error.issues.map((i) => [i.code, i]));
      expect(byCode.UNKNOWN_CONCEPT!.line).toBe(3);
      expect(byCode.UNKNOWN_TEAM!.line).toBe(4);
      expect(byCode.DUPLICATE_RULE_ID!.line).toBe(5);
      expect(byCode.UNSAFE_PATTERN!.line).toBe(6);
    }
  });

  test('a file with a schema error does not hide the problems of the other files', async () => {
    const r = await safeLoadRules(
      folder({
        'base.yaml': BASE,
        'broken.yaml': 'teams:\n  - id: vip-desk\n    colour: gold\n',
        'rules.yaml': 'rules:\n  - id: a\n    when: { concept: damaged }\n    then: { category: returns, team: nobody }\n  - id: b\n    when: { concept: damaged }\n    then: { category: returns, team: vip-desk }\n',
      }),
    );
    // the schema error, and the unknown team in the other file; vip-desk is defined in the broken file, so it is not reported
    expect(codes(r).sort()).toEqual(['UNKNOWN_KEY', 'UNKNOWN_TEAM']);
    if (!r.success) expect(r.error.issues.find((i) => i.code === 'UNKNOWN_TEAM')!.message).toMatch(/"nobody"/);
  });

  test('YAML syntax errors name the line', async () => {
    const r = await safeLoadRules(folder({ 'base.yaml': BASE, 'bad.yaml': 'rules:\n  - id: x\n    when: { concept: damaged\n' }));
    expect(codes(r)).toContain('YAML_SYNTAX');
  });

  test('loadRules throws a RuleLoadError with a code', async () => {
    await expect(loadRules(folder({ 'x.yaml': 'priorities: []' }))).rejects.toMatchObject({ name: 'RuleLoadError', code: expect.any(String) });
  });

  test('alias bombs are refused', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');
    const { issues } = parseRuleSources([{ file: 'bomb.yaml', text: bomb }]);
    expect(issues.map((i) => i.code)).toContain('ALIAS_LIMIT');
  });

  test('__proto__ and constructor keys cannot pollute objects', async () => {
    const r = await safeLoadRules(folder({ 'base.yaml': BASE, 'p.yaml': '__proto__: { polluted: true }\nconstructor: { x: 1 }\n' }));
    expect(r.success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a symbolic link out of the rules folder is refused', async () => {
    const outside = folder({ 'secret.yaml': BASE });
    const dir = folder({ 'base.yaml': BASE });
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'link.yaml'));
    expect(codes(await safeLoadRules(dir))).toContain('PATH_ESCAPE');
  });

  test('the shipped rules folder loads', async () => {
    const r = await safeLoadRules('rules');
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  test('watch: a bad edit keeps the last good rules; a good edit swaps them in', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-watch-'));
    cpSync('rules', dir, { recursive: true });
    const events: Array<boolean> = [];
    const router = await createRouter({ rules: dir, onReload: (r) => events.push(r.ok) });
    const before = router.rules;
    writeFileSync(path.join(dir, 'broken.yaml'), 'rules:\n  - id: x\n    when: { concept: nosuch }\n    then: { category: returns }\n');
    expect(await router.reload()).toBe(false);
    expect(router.rules).toBe(before);
    writeFileSync(path.join(dir, 'broken.yaml'), '# fixed\n');
    expect(await router.reload()).toBe(true);
    expect(router.rules).not.toBe(before);
    expect(events).toEqual([false, true]);
    router.close();
  });
});

describe('watching a rules folder', () => {
  test('an edit on disk is picked up; a broken edit is reported and the last good rules stay', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-fswatch-'));
    cpSync('rules', dir, { recursive: true });
    const events: Array<{ ok: boolean; code?: string }> = [];
    let notify: () => void = () => {};
    const router = await createRouter({
      rules: dir,
      watch: true,
      onReload: (r) => {
        events.push(r.ok ? { ok: true } : { ok: false, code: r.error.code });
        notify();
      },
    });
    const next = () => new Promise<void>((resolve) => (notify = resolve));
    try {
      expect(router.classify('Paketet kom skadat').category).toBe('returns');
      let waiting = next();
      writeFileSync(path.join(dir, 'zz-override.yaml'), 'rules:\n  - id: zz-damage-is-billing\n    when: { concept: damaged }\n    then: { category: billing, weight: 50 }\n');
      await waiting;
      expect(events.at(-1)).toEqual({ ok: true });
      expect(router.classify('Paketet kom skadat').category).toBe('billing');
      waiting = next();
      writeFileSync(path.join(dir, 'zz-override.yaml'), 'rules:\n  - id: zz-damage-is-billing\n    when: { concept: nosuch }\n    then: { category: billing }\n');
      await waiting;
      expect(events.at(-1)).toEqual({ ok: false, code: 'UNKNOWN_CONCEPT' });
      expect(router.classify('Paketet kom skadat').category).toBe('billing');
    } finally {
      router.close();
    }
  });
});
