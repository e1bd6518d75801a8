#!/usr/bin/env node
// Packaging check: pack the package, install the tarball into a fresh CommonJS project and a fresh
// ESM/TypeScript project, import, type-check and classify in both, and check what the install adds
// (size, no database drivers, no install scripts), that nothing is printed on import, and that the
// built files are ASCII.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync, statSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'ir-pack-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const tarball = path.join(work, run('npm', ['pack', '--silent', '--pack-destination', work], root).trim().split('\n').pop());
console.log(`packed ${path.basename(tarball)} (${(statSync(tarball).size / 1024).toFixed(0)} KiB)`);

function dirSize(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += dirSize(p);
    else if (e.isFile()) total += statSync(p).size;
  }
  return total;
}

function project(name, pkg) {
  const dir = path.join(work, name);
  execFileSync('mkdir', ['-p', dir]);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, ...pkg }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--silent', tarball], dir);
  return dir;
}

// The built files are ASCII (scripts/ascii-dist.mjs): V8 then reads and parses them as one-byte text.
const nonAscii = readdirSync(path.join(root, 'dist')).filter((f) => /\.c?js$/.test(f) && /[^\x00-\x7f]/.test(readFileSync(path.join(root, 'dist', f), 'utf8')));
check(nonAscii.length === 0, `dist is ASCII${nonAscii.length ? ` (not: ${nonAscii.join(', ')})` : ''}`);

// CommonJS consumer
const cjs = project('consumer-cjs', {});
writeFileSync(path.join(cjs, 'index.js'), "const { classify } = require('inquiry-router');\nconst r = classify('Hej! Paketet kom skadat, order 123-4567890-1234567');\nconsole.log(JSON.stringify({ category: r.category, team: r.team, order: r.entities.orderNumbers[0].value }));\n");
const cjsOut = run('node', ['index.js'], cjs).trim();
check(cjsOut === JSON.stringify({ category: 'returns', team: 'returns', order: '123-4567890-1234567' }), `CommonJS: require and classify (${cjsOut})`);
const quiet = run('node', ['-e', "require('inquiry-router')"], cjs);
check(quiet === '', 'nothing is printed on require');
// Rule files load from CommonJS too: the YAML and English-forms code sits in chunks loaded on demand.
writeFileSync(
  path.join(cjs, 'rules.js'),
  [
    "const path = require('path');",
    "const { createRouter } = require('inquiry-router');",
    "const rules = path.join(path.dirname(require.resolve('inquiry-router/package.json')), 'rules');",
    "createRouter({ rules }).then((router) => {",
    "  const r = router.classify('My parcel arrived broken, it was sent last week');",
    "  console.log(JSON.stringify({ category: r.category, rules: router.rules.ruleSet.rules.length > 0 }));",
    '});',
    '',
  ].join('\n'),
);
const rulesOut = run('node', ['rules.js'], cjs).trim();
check(rulesOut === JSON.stringify({ category: 'returns', rules: true }), `CommonJS: load the shipped rule files and classify (${rulesOut})`);

// ESM + TypeScript consumer
const esm = project('consumer-esm', { type: 'module' });
run('npm', ['install', '--no-audit', '--no-fund', '--silent', `typescript@${JSON.parse(readFileSync(path.join(root, 'node_modules/typescript/package.json'), 'utf8')).version}`, '@types/node@20'], esm);
writeFileSync(
  path.join(esm, 'index.ts'),
  [
    "import { classify, createRouter, type Classification } from 'inquiry-router';",
    "const r: Classification = classify({ subject: 'Faktura', body: 'Jag har blivit debiterad två gånger för order 4481923' });",
    "const router = await createRouter();",
    "const s: string = router.classify('Var är mitt paket?').category;",
    'console.log(JSON.stringify({ category: r.category, s }));',
    '',
  ].join('\n'),
);
writeFileSync(path.join(esm, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', skipLibCheck: false, types: ['node'] }, include: ['index.ts'] }));
let typed = true;
try {
  run('npx', ['tsc', '-p', '.'], esm);
} catch (e) {
  typed = false;
  console.log(e.stdout?.toString() ?? e.message);
}
check(typed, 'ESM/TypeScript: type-checks against the shipped .d.ts (skipLibCheck off)');
if (typed) {
  const esmOut = run('node', ['out/index.js'], esm).trim();
  check(esmOut === JSON.stringify({ category: 'billing', s: 'delivery' }), `ESM: import and classify (${esmOut})`);
}
const quietEsm = run('node', ['--input-type=module', '-e', "await import('inquiry-router')"], esm);
check(quietEsm === '', 'nothing is printed on import');

// What the install adds
const nm = path.join(cjs, 'node_modules');
const size = dirSize(nm);
check(size <= 20 * 1024 * 1024, `install adds ${(size / 1048576).toFixed(1)} MB (budget 20 MB)`);
const names = readdirSync(nm).flatMap((n) => (n.startsWith('@') ? readdirSync(path.join(nm, n)).map((m) => `${n}/${m}`) : [n]));
const drivers = names.filter((n) => /^(pg|mongoose|mongodb|redis|memjs|mysql2?|sqlite3|better-sqlite3)$/.test(n));
check(drivers.length === 0, `no database drivers (${names.length} packages installed${drivers.length ? `; found ${drivers.join(', ')}` : ''})`);
const withScripts = names.filter((n) => {
  const pj = path.join(nm, n, 'package.json');
  if (!existsSync(pj)) return false;
  const s = JSON.parse(readFileSync(pj, 'utf8')).scripts ?? {};
  return ['preinstall', 'install', 'postinstall'].some((k) => s[k]);
});
check(withScripts.length === 0, `no install scripts${withScripts.length ? ` (found in ${withScripts.join(', ')})` : ''}`);

if (failures.length) {
  console.error(`\npackaging check failed: ${failures.length} problem(s)`);
  process.exit(1);
}
console.log('\npackaging check passed');
