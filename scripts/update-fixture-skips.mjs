#!/usr/bin/env node
// Rewrites test/fixture-skips.ts: the fixtures the default rules get wrong today, each with what happens.
import { build } from 'esbuild';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = path.join(root, '.bench-tmp', `fixture-skips-${process.pid}.mjs`);
await mkdir(path.dirname(tmp), { recursive: true });
await build({ entryPoints: [path.join(root, 'scripts/fixture-skips-entry.ts')], bundle: true, platform: 'node', format: 'esm', outfile: tmp, logLevel: 'error', external: ['yaml', 'compromise', 'mailparser'] });
process.chdir(root);
await import(pathToFileURL(tmp).href);
await rm(tmp, { force: true });
