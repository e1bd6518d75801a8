// node bench/language.mjs — accuracy, calibration and speed of the language detector on the development
// set in ../shared/data/langid (when present), beside franc restricted to the same four languages.
// Uses dist/index.js when it exports detectLanguage, else (or with --src) bundles src/language/index.ts
// with esbuild. Prints figures; asserts nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(root, '../shared/data/langid');
const line = (s = '') => console.log(s);

async function loadDetector() {
  const dist = path.join(root, 'dist/index.js');
  if (existsSync(dist) && !process.argv.includes('--src')) {
    try {
      const lib = await import(pathToFileURL(dist).href);
      if (typeof lib.detectLanguage === 'function') return { lib, file: dist, from: 'dist/index.js' };
    } catch {
      // fall through to the bundle
    }
  }
  const out = path.join(root, '.bench-tmp/language.mjs');
  mkdirSync(path.dirname(out), { recursive: true });
  const esbuild = path.join(root, 'node_modules/.bin/esbuild');
  execFileSync(existsSync(esbuild) ? esbuild : 'npx', [
    ...(existsSync(esbuild) ? [] : ['esbuild']),
    path.join(root, 'src/language/index.ts'),
    '--bundle',
    '--format=esm',
    '--platform=node',
    `--outfile=${out}`,
    '--log-level=error',
  ]);
  return { lib: await import(pathToFileURL(out).href), file: out, from: 'esbuild bundle of src/language/index.ts' };
}

const { lib, file, from } = await loadDetector();
const { detectLanguage } = lib;
const { franc } = await import('franc');
const FRANC_ONLY = ['swe', 'eng', 'ita', 'ron'];
const FRANC_MAP = { swe: 'sv', eng: 'en', ita: 'it', ron: 'ro' };
const francDetect = (t) => FRANC_MAP[franc(t, { only: FRANC_ONLY, minLength: 1 })] ?? 'und';

line(`language detector benchmark — node ${process.version}, detector from ${from}`);
const dataFile = path.join(root, 'src/language/model-data.ts');
if (existsSync(dataFile)) line(`generated data: src/language/model-data.ts, ${(statSync(dataFile).size / 1024).toFixed(0)} KiB`);

// Cold start: import + first detection, in fresh processes.
{
  const script = `const t0=performance.now();const m=await import(${JSON.stringify(pathToFileURL(file).href)});const t1=performance.now();m.detectLanguage('Hej, var är min order?');const t2=performance.now();console.log(JSON.stringify([t1-t0,t2-t1]));`;
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  runs.sort((a, b) => a[0] + a[1] - (b[0] + b[1]));
  const [imp, first] = runs[2];
  line(`cold start (median of 5 fresh processes): import ${imp.toFixed(1)} ms + first detection ${first.toFixed(1)} ms = ${(imp + first).toFixed(1)} ms`);
}
line();

if (!existsSync(dataDir)) {
  line(`development data not found at ${dataDir}: accuracy and calibration skipped.`);
  speedOn(['Hej, jag beställde en jacka för två veckor sedan men den har inte kommit. Kan ni kolla vad som hänt med min order? Tack på förhand, Anna.'.repeat(2).slice(0, 300)]);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------
const rows = [];
for (const f of ['sv', 'en', 'it', 'ro', 'other']) {
  const count = {};
  for (const l of readFileSync(path.join(dataDir, `${f}.jsonl`), 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const r = JSON.parse(l);
    const k = `${r.source_lang}|${r.kind}`;
    count[k] = (count[k] ?? 0) + 1;
    // Halves: within each language and kind, first half of the file (tuning) and second half (held out).
    rows.push({ ...r, want: r.lang === 'other' ? 'und' : r.lang, key: k, index: count[k] });
  }
}
const totals = {};
for (const r of rows) totals[r.key] = Math.max(totals[r.key] ?? 0, r.index);
for (const r of rows) r.half = r.index <= totals[r.key] / 2 ? 1 : 2;

const KINDS = ['sentence', 'word-pair', 'word'];
const OURS = ['sv', 'en', 'it', 'ro'];
const OTHERS = ['nb', 'da', 'es', 'pt', 'fr', 'de'];
const TARGET = { sentence: 99.5, 'word-pair': 95, word: 85 };
const TARGET_UND = { sentence: 99, 'word-pair': 95, word: 85 };

const ours = rows.map((r) => ({ r, d: detectLanguage(r.text) }));
const theirs = rows.map((r) => ({ r, code: francDetect(r.text) }));

const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '-');
function cell(results, lang, kind, half, get) {
  const sel = results.filter(({ r }) => r.source_lang === lang && r.kind === kind && (!half || r.half === half));
  return pct(sel.filter((x) => get(x) === x.r.want).length, sel.length);
}
function table(title, results, get, halves) {
  line(title);
  const head = halves ? KINDS.map((k) => `${k} (1st/2nd/all)`) : KINDS;
  line(`| source | ${head.join(' | ')} |`);
  line(`|---|${KINDS.map(() => '---').join('|')}|`);
  for (const lang of [...OURS, ...OTHERS]) {
    const cells = KINDS.map((k) =>
      halves ? `${cell(results, lang, k, 1, get)} / ${cell(results, lang, k, 2, get)} / **${cell(results, lang, k, 0, get)}**` : cell(results, lang, k, 0, get),
    );
    line(`| ${OURS.includes(lang) ? lang : `${lang} → und`} | ${cells.join(' | ')} |`);
  }
  const und = KINDS.map((k) => {
    const sel = results.filter(({ r }) => r.lang === 'other' && r.kind === k);
    return pct(sel.filter((x) => get(x) === 'und').length, sel.length);
  });
  line(`| all other → und | ${und.join(' | ')} |`);
  line();
}

line(`Accuracy (% right) per source language and kind; targets: ours ${KINDS.map((k) => `${k} ≥ ${TARGET[k]}`).join(', ')};`);
line(`other languages → und ${KINDS.map((k) => `${k} ≥ ${TARGET_UND[k]}`).join(', ')}. 1st half = tuning half, 2nd = held out.`);
line();
table('This detector:', ours, (x) => x.d.code, true);
table("franc, only: ['swe','eng','ita','ron'] (cannot say und):", theirs, (x) => x.code, false);

// Misses below target.
const misses = [];
for (const lang of [...OURS, ...OTHERS]) {
  for (const k of KINDS) {
    const v = Number(cell(ours, lang, k, 0, (x) => x.d.code));
    const t = OURS.includes(lang) ? TARGET[k] : TARGET_UND[k];
    if (v < t) misses.push(`${lang} ${k} ${v} < ${t}`);
  }
}
line(misses.length ? `Below target: ${misses.join('; ')}` : 'All targets met.');
const leak = ours.filter(({ r, d }) => (r.source_lang === 'nb' || r.source_lang === 'da') && d.code === 'sv');
line(`Norwegian/Danish texts detected as Swedish: ${leak.length} of ${ours.filter(({ r }) => r.source_lang === 'nb' || r.source_lang === 'da').length}`);
line();

// Calibration.
line('Calibration (confidence bucket → answers, % right):');
line('| confidence | answers | right |');
line('|---|---|---|');
const buckets = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001];
for (let i = 0; i < buckets.length - 1; i++) {
  const lo = buckets[i];
  const hi = buckets[i + 1];
  const sel = ours.filter(({ d }) => d.confidence >= lo && d.confidence < hi);
  line(`| ${lo.toFixed(2)}–${hi > 1 ? '1.00' : hi.toFixed(2)} | ${sel.length} | ${pct(sel.filter(({ r, d }) => d.code === r.want).length, sel.length)} |`);
}
const confident = ours.filter(({ d }) => d.confidence >= 0.9);
line(`confidence ≥ 0.9: ${confident.length} answers, ${pct(confident.filter(({ r, d }) => d.code === r.want).length, confident.length)} % right (target ≥ 98)`);
line();

// ---------------------------------------------------------------------------------------------------
speedOn(rows.map((r) => r.text), rows);

function speedOn(texts, rowsForKinds) {
  const sentences = rowsForKinds ? rowsForKinds.filter((r) => r.kind === 'sentence' && r.lang !== 'other') : [];
  const typical = [];
  // ~300-character texts: consecutive sentences of one language joined.
  for (const lang of OURS) {
    const s = sentences.filter((r) => r.lang === lang).map((r) => r.text);
    for (let i = 0; i + 1 < s.length; i += 2) {
      let t = s[i];
      let j = i + 1;
      while (t.length < 300 && j < s.length) t += ' ' + s[j++];
      typical.push(t.slice(0, 300));
    }
  }
  if (!typical.length) typical.push(...texts);
  const time = (fn, inputs, minMs = 1500) => {
    for (const t of inputs.slice(0, 200)) fn(t);
    let n = 0;
    const t0 = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < minMs) {
      for (const t of inputs) fn(t);
      n += inputs.length;
      elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
    }
    return (elapsed * 1000) / n;
  };
  line('Speed (single thread, µs per text, texts per second):');
  line('| texts | this detector | franc (restricted) |');
  line('|---|---|---|');
  const fmt = (us) => `${us.toFixed(1)} µs (${Math.round(1e6 / us).toLocaleString('en-US')}/s)`;
  const sets = [['all development texts', texts], ['~300-character texts', typical]];
  if (rowsForKinds) for (const k of KINDS) sets.push([`${k}s`, rowsForKinds.filter((r) => r.kind === k).map((r) => r.text)]);
  for (const [name, inputs] of sets) line(`| ${name} (${inputs.length}) | ${fmt(time(detectLanguage, inputs))} | ${fmt(time(francDetect, inputs))} |`);
}
