import { defineConfig } from 'tsup';

// natural, franc, snowball-stemmers, libphonenumber-js and zod are bundled: only the few modules used
// end up in dist, a consumer installs no database drivers, and franc (ESM-only) works from CommonJS.
const bundled = [/^natural/, /^franc/, 'trigram-utils', 'n-gram', 'collapse-white-space', 'snowball-stemmers', /^libphonenumber-js/, /^zod/];

export default defineConfig([
  {
    entry: { index: 'src/index.ts', vitest: 'src/vitest.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    noExternal: bundled,
    external: ['vitest'],
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    noExternal: bundled,
  },
]);
