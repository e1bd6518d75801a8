import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type Options } from 'tsup';

const require = createRequire(import.meta.url);

// Bundled into dist so that only the modules used end up there, a consumer installs no database
// drivers (natural), franc (ESM-only) works from CommonJS, and the code that only rule loading needs
// (yaml, zod, compromise) is evaluated only when rule files are loaded. yaml comes from its ES module
// build.
const bundled = [
  /^natural/, /^franc/, 'trigram-utils', 'n-gram', 'collapse-white-space', /^zod/, /^yaml/, /^compromise/,
  'html-to-text', /^htmlparser2/, /^domhandler/, /^domutils/, /^domelementtype/, /^dom-serializer/, /^entities/, /^deepmerge-ts/,
  /^selderee/, /^parseley/, /^leac/, /^peberminta/, /^@selderee/,
];
const esbuildOptions: Options['esbuildOptions'] = (options) => {
  options.alias = { yaml: path.join(path.dirname(require.resolve('yaml/package.json')), 'browser/index.js') };
};
const common: Options = {
  target: 'node20',
  platform: 'node',
  treeshake: true,
  minify: true,
  noExternal: bundled,
  external: ['vitest', 'mailparser'],
  esbuildOptions,
};

export default defineConfig([
  // ES modules: the library, the vitest matcher and the CLI share one chunk.
  { ...common, entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', cli: 'src/cli.ts' }, format: ['esm'], splitting: true, dts: { entry: { index: 'src/index.ts', vitest: 'src/vitest.ts' } }, clean: true },
  // CommonJS: the library and the matcher, split too (tsup's CommonJS code splitting), so that the code
  // only rule loading needs is required only when rule files are loaded, as with the ES modules.
  { ...common, entry: { index: 'src/index.ts', vitest: 'src/vitest.ts' }, format: ['cjs'], splitting: true, dts: true, clean: false },
]);
