// lint checks what rules' examples expect; test refuses fixtures whose expectations it cannot check.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { rulesCopy, run } from './run';

describe('lint and examples', () => {
  test('an example that expects an unknown category, team, priority or language, or has no text, is an error', async () => {
    const dir = rulesCopy({
      'zz-examples.yaml': [
        'rules:',
        '  - id: zz-example-typos',
        '    when: { concept: damaged }',
        '    then: { tags: [zz] }',
        '    examples:',
        '      - text: "Paketet kom skadat"',
        '        expect: { category: biling, team: billling, priority: hgh, language: de }',
        '      - expect: { category: returns }',
      ].join('\n'),
    });
    const r = await run(['lint', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/zz-examples\.yaml:\d+:\d+ error UNKNOWN_CATEGORY: rule "zz-example-typos", example 1 expects unknown category "biling"/);
    expect(r.out).toMatch(/error UNKNOWN_TEAM: rule "zz-example-typos", example 1 expects unknown team "billling"/);
    expect(r.out).toMatch(/error UNKNOWN_PRIORITY: .*unknown priority "hgh"/);
    expect(r.out).toMatch(/error UNKNOWN_LANGUAGE: .*unknown language "de"/);
    expect(r.out).toMatch(/error EMPTY_EXAMPLE: rule "zz-example-typos", example 2 has no text/);
  });

  test('the default rules have no such problems', async () => {
    const r = await run(['lint', '--rules', 'rules']);
    expect(r.out).not.toMatch(/EMPTY_EXAMPLE|expects unknown/);
  });

  test('a fixture with a misspelt expect key is refused, not passed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-fixture-keys-'));
    const file = path.join(dir, 'typo.yaml');
    writeFileSync(file, '- id: t1\n  text: "Jag vill ha en kopia av fakturan"\n  expect: { categroy: returns }\n');
    const r = await run(['test', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/fixture t1: unknown expect key "categroy" \(known: language, category/);
  });

  test('lint lists a syntax slip first, without the unknown ids that follow from it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-lint-slip-'));
    cpSync('rules', dir, { recursive: true });
    const file = path.join(dir, 'taxonomy.yaml');
    const { readFileSync } = await import('node:fs');
    // one description indented by three spaces instead of four
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {4}description:/, '\n   description:'));
    const r = await run(['lint', '--rules', dir]);
    expect(r.code).toBe(1);
    const errors = r.out.split('\n').filter((l) => / error /.test(l));
    expect(errors[0]).toMatch(/taxonomy\.yaml:\d+:\d+ error YAML_SYNTAX/);
    expect(r.out).not.toMatch(/UNKNOWN_(CATEGORY|TEAM|PRIORITY|CONCEPT)/);
  });
});

describe('test --compare', () => {
  test('failures the rules before the change had too are counted, not shown; only new ones fail the run', async () => {
    const after = mkdtempSync(path.join(tmpdir(), 'ir-test-cmp-'));
    cpSync('rules', after, { recursive: true });
    // an edit that sends every damaged item to billing
    writeFileSync(path.join(after, 'zz-edit.yaml'), 'rules:\n  - id: zz-damage-is-billing\n    when: { concept: damaged }\n    then: { category: billing, weight: 50 }\n');
    const same = await run(['test', '--rules', 'rules', '--compare', 'rules']);
    expect(same.code).toBe(0);
    expect(same.out).toMatch(/passed, 0 failed that passed with rules, [1-9]\d* failed with it too, 0 fixed/);
    expect(same.out).not.toMatch(/^✗/m);
    const edited = await run(['test', '--rules', after, '--compare', 'rules']);
    expect(edited.code).toBe(1);
    expect(edited.out).toMatch(/passed, [1-9]\d* failed that passed with rules/);
    expect(edited.out).toMatch(/^✗ .*\n.*\n\s+category: expected "returns", got "billing"/m);
    // without --compare every failure counts, as before
    const plain = await run(['test', '--rules', 'rules']);
    expect(plain.code).toBe(1);
  });
});
