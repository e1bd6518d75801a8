// createRouter({ watch: true }) when the folder goes away and comes back, and when the callback throws.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createRouter } from '../../src';

const OVERRIDE = 'rules:\n  - id: zz-damage-is-billing\n    when: { concept: damaged }\n    then: { category: billing, weight: 50 }\n';

async function until(check: () => boolean, ms = 8000): Promise<void> {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 25));
}

describe('watching a rules folder that is replaced', () => {
  test('a folder deleted and copied back is watched again', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'ir-rewatch-'));
    const dir = path.join(parent, 'rules');
    cpSync('rules', dir, { recursive: true });
    const events: Array<string> = [];
    const router = await createRouter({ rules: dir, watch: true, onReload: (r) => events.push(r.ok ? 'ok' : r.error.issues[0]!.code) });
    try {
      rmSync(dir, { recursive: true });
      await until(() => events.includes('RULES_NOT_FOUND'));
      expect(events).toContain('RULES_NOT_FOUND');
      cpSync('rules', dir, { recursive: true });
      await until(() => events.at(-1) === 'ok');
      expect(events.at(-1)).toBe('ok');
      // an edit to the new folder is seen
      writeFileSync(path.join(dir, 'zz-override.yaml'), OVERRIDE);
      await until(() => router.classify('Paketet kom skadat').category === 'billing');
      expect(router.classify('Paketet kom skadat').category).toBe('billing');
    } finally {
      router.close();
    }
  });

  test('a folder deleted and copied back at once is watched again', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'ir-rewatch-'));
    const dir = path.join(parent, 'rules');
    cpSync('rules', dir, { recursive: true });
    let reloads = 0;
    const router = await createRouter({ rules: dir, watch: true, onReload: () => reloads++ });
    try {
      rmSync(dir, { recursive: true });
      cpSync('rules', dir, { recursive: true });
      await until(() => reloads > 0);
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(path.join(dir, 'zz-override.yaml'), OVERRIDE);
      await until(() => router.classify('Paketet kom skadat').category === 'billing');
      expect(router.classify('Paketet kom skadat').category).toBe('billing');
    } finally {
      router.close();
    }
  });

  test('an onReload callback that throws does not stop the process or the watching', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-throw-'));
    cpSync('rules', dir, { recursive: true });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    let calls = 0;
    const router = await createRouter({
      rules: dir,
      watch: true,
      onReload: () => {
        calls++;
        throw new Error('logger failed');
      },
    });
    try {
      writeFileSync(path.join(dir, 'zz-override.yaml'), OVERRIDE);
      await until(() => calls > 0 && warnings.length > 0);
      expect(router.classify('Paketet kom skadat').category).toBe('billing');
      expect(warnings.some((w) => w.includes('logger failed'))).toBe(true);
      await expect(router.reload()).resolves.toBe(true);
    } finally {
      router.close();
      process.off('warning', onWarning);
    }
  });
});
