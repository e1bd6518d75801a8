import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { ruleSchemas } from '../../src/rules/schema';

describe('the shipped JSON Schema', () => {
  test('is what the zod schemas generate', () => {
    const shipped = JSON.parse(readFileSync('schema/rules.schema.json', 'utf8'));
    expect(shipped).toEqual(z.toJSONSchema(ruleSchemas().ruleFileSchema, { io: 'input', unrepresentable: 'any' }));
  });

  test('every default rule file points editors at it', () => {
    const files: string[] = [];
    const walk = (d: string) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.join(d, e.name))));
    walk('rules');
    for (const f of files.filter((x) => x.endsWith('.yaml'))) {
      const first = readFileSync(f, 'utf8').split('\n')[0]!;
      const target = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
      expect(target, f).toBeDefined();
      expect(path.resolve(path.dirname(f), target!)).toBe(path.resolve('schema/rules.schema.json'));
    }
  });

  test('the built-in rules are the rules folder, compiled (run npm run build:rules after editing rules/)', async () => {
    const { execFileSync } = await import('node:child_process');
    expect(() => execFileSync(process.execPath, ['scripts/build-default-rules.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
