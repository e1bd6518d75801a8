// createRouter({ watch: true }) when the file system cannot watch the folder.
import { describe, expect, test, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    watch: () => {
      throw Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' });
    },
  };
});

describe('a watch that cannot be set up', () => {
  test('fails createRouter with the error, instead of a router that never reloads', async () => {
    const { createRouter } = await import('../../src');
    await expect(createRouter({ rules: 'rules', watch: true })).rejects.toThrow(/ENOSPC/);
  });
});
