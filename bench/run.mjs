// npm run bench: speed, memory and cold start of inquiry-router beside the hand-made baseline
// (franc + json-rules-engine), on the same inquiries. Prints figures; asserts nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { makeBaseline } from './baseline.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const lib = await import(path.join(root, 'dist/index.js'));
const { classify, defaultRules, createRouter } = lib;

// The inquiries: every fixture text, and "typical" ~300-character inquiries cut from them.
const files = readdirSync('fixtures').filter((f) => /^(sv|en|it|ro)\.yaml$/.test(f));
const fixtures = files.flatMap((f) => parse(readFileSync(path.join('fixtures', f), 'utf8')));
const texts = fixtures.map((f) => f.text ?? `${f.subject ?? ''}\n${f.body ?? ''}`);
const typical = texts.map((t) => (t.length >= 300 ? t.slice(0, 300) : (t + ' ' + t + ' ' + t).slice(0, 300)));

/** Times one pass of `fn` over `inputs`, adding each call's microseconds to `samples`. */
async function pass(samples, fn, inputs) {
  for (const x of inputs) {
    const t0 = process.hrtime.bigint();
    const r = fn(x);
    if (r instanceof Promise) await r;
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
}

function summary(samples) {
  samples.sort((a, b) => a - b);
  const total = samples.reduce((a, b) => a + b, 0);
  return { median: samples[Math.floor(samples.length / 2)], p99: samples[Math.floor(samples.length * 0.99)], perSecond: Math.round((samples.length / total) * 1e6) };
}

async function time(fn, inputs, rounds) {
  const samples = [];
  for (let r = 0; r < rounds; r++) await pass(samples, fn, inputs);
  return summary(samples);
}

const fmt = (r) => `median ${r.median.toFixed(1)} µs, p99 ${r.p99.toFixed(1)} µs, ${r.perSecond.toLocaleString('en-US')} per second`;
const line = (s) => console.log(s);

line(`inquiry-router benchmark — node ${process.version}, ${fixtures.length} fixture inquiries (sv/en/it/ro)\n`);

// Warm up on the same inquiries that are timed, for at least two passes and 1.5 seconds: this compiles the
// default rules, fills the word caches and lets the JIT optimise the code, as in a service that has been
// running for a while. The baseline is warmed the same way below.
const WARM_UP_MS = 1500;
async function warmUp(fn, inputs) {
  const start = performance.now();
  for (let round = 0; round < 2 || performance.now() - start < WARM_UP_MS; round++) for (const x of inputs) await fn(x);
}
await warmUp(classify, [...texts, ...typical]);
const baseline = makeBaseline(defaultRules().ruleSet);
await warmUp(baseline, [...texts, ...typical]);
const heapBefore = process.memoryUsage().heapUsed;

// The two are timed in turns (four passes of inquiry-router, then one of the baseline, five times over),
// so that both see the machine in the same state: on a shared host its speed drifts by tens of per cent
// within minutes, and timing one after the other would put that drift into their ratio.
const ourSamples = [];
const baseSamples = [];
for (let turn = 0; turn < 5; turn++) {
  for (let r = 0; r < 4; r++) await pass(ourSamples, classify, typical);
  await pass(baseSamples, baseline, typical);
}
const ours300 = summary(ourSamples);
const base300 = summary(baseSamples);
const oursFixtures = await time(classify, texts, 10);
line('inquiry-router, default rules, entities and e-mail splitting on:');
line(`  typical 300-character inquiries: ${fmt(ours300)}`);
line(`  fixture inquiries as written:    ${fmt(oursFixtures)}`);
// Entity extraction, which classify runs on every inquiry: the default rules' extractor on the same
// inquiries with their detected language, as classify calls it, timed alone; its mean beside classify's.
const extractor = defaultRules().entities;
const withLanguage = typical.map((text) => ({ text, context: { language: classify(text).language.code } }));
for (let r = 0; r < 2; r++) for (const x of withLanguage) extractor.extract(x.text, x.context);
const entities300 = await time((x) => extractor.extract(x.text, x.context), withLanguage, 10);
line(`  entity extraction alone, same inquiries: median ${entities300.median.toFixed(1)} µs, mean ${((ours300.perSecond / entities300.perSecond) * 100).toFixed(0)} % of classify's`);

line('baseline (franc only:[swe,eng,ita,ron] + json-rules-engine "contains any" rules):');
line(`  typical 300-character inquiries: ${fmt(base300)}`);
line(`  inquiry-router is ${(base300.median / ours300.median).toFixed(1)}× faster (median), ${(ours300.perSecond / base300.perSecond).toFixed(1)}× the throughput`);

// Accuracy on the fixtures: category and language.
let oc = 0, ol = 0, bc = 0, bl = 0;
for (const f of fixtures) {
  const input = f.text ?? { subject: f.subject, body: f.body, html: f.html, receivedAt: f.receivedAt };
  const r = classify(input);
  const b = await baseline(f.text ?? `${f.subject ?? ''}\n${f.body ?? ''}`);
  if (r.category === f.expect.category) oc++;
  if (r.language.code === f.expect.language) ol++;
  if (b.category === f.expect.category) bc++;
  if (b.language === f.expect.language) bl++;
}
const p = (n) => `${((n / fixtures.length) * 100).toFixed(1)}%`;
line(`accuracy on the fixtures: category ${p(oc)} vs baseline ${p(bc)}; language ${p(ol)} vs baseline ${p(bl)}`);

global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
line(`heap used: ${(heapAfter / 1048576).toFixed(1)} MB (${((heapAfter - heapBefore) / 1048576).toFixed(1)} MB grown during the runs)`);

// Cold start: import + first classify in a fresh process (median of 9).
function cold(kind) {
  const code =
    kind === 'esm'
      ? `const t=performance.now();const m=await import(${JSON.stringify(path.join(root, 'dist/index.js'))});m.classify('Hej! Paketet kom skadat, order 123-4567890-1234567');console.log(performance.now()-t)`
      : `const t=performance.now();const m=require(${JSON.stringify(path.join(root, 'dist/index.cjs'))});m.classify('Hej! Paketet kom skadat, order 123-4567890-1234567');console.log(performance.now()-t)`;
  const runs = [];
  for (let i = 0; i < 9; i++) runs.push(Number(execFileSync(process.execPath, kind === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code]).toString().trim()));
  runs.sort((a, b) => a - b);
  return runs[4];
}
line(`cold import + first classify: ESM ${cold('esm').toFixed(0)} ms, CommonJS ${cold('cjs').toFixed(0)} ms (median of 9 fresh processes)`);

// Cost against input length.
line('\ntime per inquiry against input length (analysed length capped at config.maxLength = 20,000 characters per field):');
const base = texts.join(' ');
const sized = [100, 1000, 10_000, 100_000, 1_000_000].map((size) => {
  let s = base;
  while (s.length < size) s += ' ' + base;
  return s.slice(0, size);
});
// All lengths are warmed before any is timed: code that only long texts reach is compiled by then, so
// the first long length does not pay for its compiling.
for (let round = 0; round < 3; round++) for (const s of sized) await time(classify, [s], 5);
for (const s of sized) {
  const r = await time(classify, [s], s.length >= 100_000 ? 20 : 50);
  line(`  ${String(s.length).padStart(9)} B: median ${r.median.toFixed(1)} µs`);
}

// Cost against rule-set size: the default rules, and 10× and 100× as many rules and terms. Each generated
// group copies every concept with new terms (which no inquiry uses) and every rule onto the copied
// concepts, so the inquiries trigger the same rules and what grows is the rule set. A rule that an
// inquiry can trigger without any concept (6 of the defaults: by an amount, a field, a signal or an
// entity) would be evaluated, and most would fire, on the same inquiries in every copy; its copies also
// require a concept of their group (any one: no copied concept matches), unless `copyAsIs`, which is
// measured apart.
line('\ntime per typical inquiry against rule-set size:');
const rs = defaultRules().ruleSet;
// rules that some inquiry can trigger without a concept: their triggers are not all concepts
const compiledDefaults = defaultRules();
const withoutConcept = new Set(compiledDefaults.rules.filter((r) => r.condition.triggers === null || [...r.condition.triggers].some((t) => !t.startsWith('c:'))).map((r) => r.id));
function generated(factor, copyAsIs = false) {
  const concepts = [...rs.concepts];
  const extraRules = [...rs.rules];
  for (let k = 1; k < factor; k++) {
    for (const c of rs.concepts) {
      const terms = Object.fromEntries(Object.entries(c.terms).map(([l, list]) => [l, list.map((t) => `${t.replace(/^=/, '')}x${k}q`)]));
      concepts.push({ ...c, id: `${c.id}-g${k}`, terms });
    }
    rs.rules.forEach((r, i) => {
      let when = JSON.parse(JSON.stringify(r.when).replace(/"concept":"([^"]+)"/g, (_m, id) => `"concept":"${id}-g${k}"`));
      if (!copyAsIs && withoutConcept.has(r.id)) when = { all: [{ concept: `${rs.concepts[i % rs.concepts.length].id}-g${k}` }, when] };
      extraRules.push({ ...r, id: `${r.id}-g${k}`, when });
    });
  }
  return lib.compileRuleSet({ ...rs, concepts, rules: extraRules });
}
const sizes = [[1], [10], [100], [100, true]];
const routers = [];
for (const [factor, copyAsIs] of sizes) {
  const rules = factor > 1 ? generated(factor, copyAsIs) : defaultRules();
  const router = await createRouter({ rules });
  for (let r = 0; r < 2; r++) for (const t of typical) router.classify(t);
  routers.push({ factor, copyAsIs, rules, router, samples: [] });
}
// timed in turns, one pass each, so that the host's drift does not go into their ratios
for (let r = 0; r < 10; r++) for (const x of routers) await pass(x.samples, x.router.classify, typical);
for (const { factor, copyAsIs, rules, router, samples } of routers) {
  let matched = 0;
  for (const t of typical) matched += router.classify(t).matchedRules.length;
  const what = copyAsIs ? ', concept-less rules copied as they are' : '';
  line(`  ${String(factor).padStart(3)}× (${rules.ruleSet.rules.length} rules, ${rules.lexicon.termCount} terms${what}): ${fmt(summary(samples))}; ${(matched / typical.length).toFixed(1)} rules matched per inquiry`);
}

// Worker threads: the CLI on NDJSON streams, one worker against two, the runs in turns (best of three).
// Every run pays each worker's start-up: the import, the rules, and V8 compiling the code that gets
// hot (about a second of CPU on V8's background threads per worker). A stream twice as long separates
// that from the throughput after start-up: the second half's inquiries divided by the extra time.
{
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const lines = [];
  for (let i = 0; i < 320; i++) for (const t of typical) lines.push(JSON.stringify({ id: String(lines.length), text: t }));
  mkdirSync(path.join(root, '.bench-tmp'), { recursive: true });
  const stream = (name, n) => {
    const file = path.join(root, '.bench-tmp', name);
    const out = [];
    for (let i = 0; i < n; i++) out.push(lines[i % lines.length]);
    writeFileSync(file, out.join('\n') + '\n');
    return { file, n };
  };
  const short = stream('stream.ndjson', lines.length);
  const long = stream('stream-long.ndjson', 2 * lines.length);
  const runCli = (workers, { file }) => {
    const t0 = performance.now();
    execFileSync('bash', ['-c', `${process.execPath} ${path.join(root, 'dist/cli.js')} classify --workers ${workers} < ${file} > /dev/null`]);
    return performance.now() - t0;
  };
  const best = { 1: { short: Infinity, long: Infinity }, 2: { short: Infinity, long: Infinity } };
  for (let r = 0; r < 3; r++) {
    for (const w of [1, 2]) {
      best[w].short = Math.min(best[w].short, runCli(w, short));
      best[w].long = Math.min(best[w].long, runCli(w, long));
    }
  }
  const rate = (n, ms) => Math.round(n / (ms / 1000)).toLocaleString('en-US');
  const row = (label, n, one, two) => line(`  ${label}: 1 worker ${rate(n, one)}/s, 2 workers ${rate(n, two)}/s (${(one / two).toFixed(2)}×)`);
  line(`\nclassify --workers on NDJSON streams (the CLI, runs in turns, best of 3):`);
  row(`${short.n.toLocaleString('en-US')} inquiries`, short.n, best[1].short, best[2].short);
  row(`${long.n.toLocaleString('en-US')} inquiries`, long.n, best[1].long, best[2].long);
  row('after start-up (the second half of the longer stream)', long.n - short.n, best[1].long - best[1].short, best[2].long - best[2].short);
  const startUp = (w) => ((2 * best[w].short - best[w].long) / 1000).toFixed(2);
  // a difference of timings: on a host whose speed drifts it can come out wrong, even below zero
  line(`  start-up per run (estimated): ${startUp(1)} s with 1 worker, ${startUp(2)} s with 2`);
}

if (existsSync(path.join(root, 'bench/language.mjs'))) {
  line('\nlanguage detection:');
  execFileSync(process.execPath, [path.join(root, 'bench/language.mjs')], { stdio: 'inherit' });
}
