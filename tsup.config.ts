import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type Options } from 'tsup';

const require = createRequire(import.meta.url);

// natural, franc, snowball-stemmers, libphonenumber-js and zod are bundled: only the few modules used
// end up in dist, a consumer installs no database drivers, and franc (ESM-only) works from CommonJS.
// yaml is bundled from its ES module build, so that it is only evaluated when rule files are loaded.
const bundled = [/^natural/, /^franc/, 'trigram-utils', 'n-gram', 'collapse-white-space', 'snowball-stemmers', /^libphonenumber-js/, /^zod/, /^yaml/, 'html-to-text', /^htmlparser2/, /^domhandler/, /^domutils/, /^domelementtype/, /^dom-serializer/, /^entities/, /^deepmerge-ts/, /^selderee/, /^parseley/, /^leac/, /^peberminta/, /^@selderee/];
const esbuildOptions: Options['esbuildOptions'] = (options) => {
  options.alias = { yaml: path.join(path.dirname(require.resolve('yaml/package.json')), 'browser/index.js') };
};

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
    esbuildOptions,
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
    esbuildOptions,
  },
]);
