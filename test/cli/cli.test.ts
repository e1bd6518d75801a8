import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main';
import { rulesCopy, run } from './run';

describe('inquiry-router CLI', () => {
  test('classify "text" prints a readable decision', async () => {
    const r = await run(['classify', 'Hej! Paketet kom skadat, order 123-4567890-1234567']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/category\s+returns/);
    expect(r.out).toMatch(/team\s+returns/);
    expect(r.out).toContain('123-4567890-1234567');
  });

  test('NDJSON in, NDJSON out, in order, with ids; bad lines become error objects', async () => {
    const input = ['{"id":"a","text":"Var är mitt paket?"}', 'not json', '{"id":"b","subject":"Faktura","body":"Jag vill ha en kopia av fakturan"}', '{"id":"c","body":5}'].join('\n');
    const r = await run(['classify'], input);
    const lines = r.out.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id ?? l.line)).toEqual(['a', 2, 'b', 'c']);
    expect(lines[0]!.category).toBe('delivery');
    expect((lines[1]!.error as { code: string }).code).toBe('INVALID_JSON');
    expect(lines[2]!.category).toBe('billing');
    expect((lines[3]!.error as { code: string }).code).toBe('INVALID_INPUT');
  });

  test('NDJSON: a line that is not an inquiry object is an error, not a fallback decision', async () => {
    const input = ['null', '5', '"just a string"', '["a"]', '{"id":"d","text":5}', '{"id":"e","text":"Hej","body":"Hej"}'].join('\n');
    const r = await run(['classify'], input);
    const lines = r.out.split('\n').map((l) => JSON.parse(l) as { id?: string; line?: number; error?: { code: string }; category?: string });
    expect(lines.map((l) => l.id ?? l.line)).toEqual([1, 2, 3, 4, 'd', 'e']);
    for (const l of lines) {
      expect(l.category).toBeUndefined();
      expect(l.error?.code).toBe('INVALID_INPUT');
    }
  });

  test('NDJSON: an error without an id says its line; a "__proto__" field is no inquiry field', async () => {
    const input = ['{"subject":5}', '{"__proto__":{"subject":"Faktura"},"body":"Hej"}'].join('\n');
    const r = await run(['classify'], input);
    const [bad, proto] = r.out.split('\n').map((l) => JSON.parse(l) as { line?: number; error?: { code: string }; category?: string; rules?: string[] });
    expect(bad).toMatchObject({ line: 1, error: { code: 'INVALID_INPUT' } });
    expect(proto!.rules).not.toContain('billing-invoice');
    expect(proto!.category).toBe('general');
  });

  test('NDJSON: "text" beside other fields is the body, and the other fields count', async () => {
    const input = [
      '{"id":"a","text":"Var är mitt paket?","receivedAt":"2026-11-20T16:00:00+01:00"}',
      '{"id":"b","text":"Var är mitt paket?","customer":{"tier":"vip"}}',
      '{"id":"c","body":"Var är mitt paket?","customer":{"tier":"vip"}}',
      '{"id":"d","text":"Var är mitt paket?"}',
    ].join('\n');
    const r = await run(['classify'], input);
    const [a, b, c, d] = r.out.split('\n').map((l) => JSON.parse(l) as { firstResponseDue?: string; tags: string[]; priority: string });
    expect(a!.firstResponseDue).toMatch(/^2026-11-2\dT/);
    expect(b!.tags).toEqual(c!.tags);
    expect(b!.priority).toBe(c!.priority);
    expect(b!.tags).toContain('vip');
    expect(d!.tags).not.toContain('vip');
    expect(d!.firstResponseDue).toBeUndefined();
  });

  test('NDJSON with a raw writer: lines are written together, and none waits for more input', async () => {
    const { PassThrough } = await import('node:stream');
    const writes: string[] = [];
    const input = Object.assign(new PassThrough(), { isTTY: false });
    const done = main(['classify'], { out: () => {}, err: () => {}, raw: (s) => writes.push(s) }, input);
    const written = () => writes.join('').split('\n').filter(Boolean);
    const waitFor = async (lines: number) => {
      for (let t = 0; t < 500 && written().length < lines; t++) await new Promise((r) => setTimeout(r, 10));
    };
    input.write(['{"id":"a","text":"Var är mitt paket?"}', '{"id":"b","text":"I was charged twice"}', ''].join('\n'));
    await waitFor(2);
    // the stream is still open: the two answers are out before any more input comes
    expect(written().map((l) => JSON.parse(l).id)).toEqual(['a', 'b']);
    const more = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `m${i}`, text: 'Paketet kom skadat' })).join('\n');
    const before = writes.length;
    input.end(more + '\n');
    expect(await done).toBe(0);
    expect(written().length).toBe(202);
    expect(JSON.parse(written()[201]!).id).toBe('m199');
    expect(writes.length - before).toBeLessThan(20);
  });

  test('the --workers progress line: a bar when the input size is known, else a count; with the rate', async () => {
    const { progressLine } = await import('../../src/cli/workers');
    expect(progressLine(12_480, 2000)).toBe('12,480 classified, 6,240/s');
    expect(progressLine(0, 0)).toBe('0 classified, 0/s');
    expect(progressLine(500, 1000, 0.5)).toBe(`[${'#'.repeat(15)}${'-'.repeat(15)}]  50% 500 classified, 500/s`);
    expect(progressLine(1000, 1000, 1)).toBe(`[${'#'.repeat(30)}] 100% 1,000 classified, 1,000/s`);
    // read more than the size said (a file that grew): the bar stops at 100 %
    expect(progressLine(1000, 1000, 1.3)).toBe(progressLine(1000, 1000, 1));
    expect(progressLine(1, 1000, Number.NaN)).toBe('1 classified, 1/s');
  });

  test('classify an .eml file', async () => {
    const r = await run(['classify', '--json', 'fixtures/emails/eml/it-autoreply.eml']);
    if (r.code !== 0) throw new Error(r.err);
    expect(JSON.parse(r.out).autoReply).toBe(true);
  });

  test('lint: the shipped rules have no errors', async () => {
    const r = await run(['lint', '--rules', 'rules']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 errors/);
    // regression: "not" of a negated concept (escalate-time-critical) is not a double negation
    expect(r.out).not.toMatch(/DOUBLE_NEGATION/);
  });

  test('lint reports every problem with code, file, line and column, and exits non-zero', async () => {
    const dir = rulesCopy();
    writeFileSync(
      path.join(dir, 'zz-bad.yaml'),
      ['rules:', '  - id: returns-damaged', '    when: { concept: no_such }', '    then: { category: returns, team: nobody }', '  - id: x-unsafe', '    when: { pattern: "(a|b)*c" }', '    then: { category: returns }'].join('\n'),
    );
    const r = await run(['lint', '--rules', dir]);
    expect(r.code).toBe(1);
    for (const code of ['DUPLICATE_RULE_ID', 'UNKNOWN_CONCEPT', 'UNKNOWN_TEAM', 'UNSAFE_PATTERN']) expect(r.out).toMatch(new RegExp(`zz-bad\\.yaml:\\d+:\\d+ error ${code}`));
  });

  test('lint warns about shadowed rules, double negations and terms two concepts share', async () => {
    const dir = rulesCopy();
    writeFileSync(
      path.join(dir, 'zz-warn.yaml'),
      [
        'concepts:',
        '  - id: broken_thing',
        '    terms: { sv: [skadad], en: [broken] }',
        'categories:',
        '  - { id: zz-lonely, team: customer-care }',
        'rules:',
        '  - id: zz-shadowed',
        '    when: { all: [{ concept: damaged }, { concept: order }] }',
        '    then: { category: zz-lonely, weight: 1 }',
        '  - id: zz-helped',
        '    when: { all: [{ concept: damaged }, { concept: tracking }] }',
        '    then: { category: delivery, weight: 2 }',
        '  - id: zz-double',
        '    when: { all: [{ concept: stock }, { not: { not: { concept: size } } }] }',
        '    then: { category: product }',
        '  - id: zz-uses',
        '    when: { concept: broken_thing }',
        '    then: { category: returns }',
      ].join('\n'),
    );
    const r = await run(['lint', '--rules', dir]);
    expect(r.out).toMatch(/warning SHADOWED_RULE: rule "zz-shadowed" can never win: .*no other rule votes for "zz-lonely"/);
    // other rules vote for delivery too, and votes add up: this one can win with their help
    expect(r.out).not.toMatch(/SHADOWED_RULE: rule "zz-helped"/);
    expect(r.out).toMatch(/warning DOUBLE_NEGATION/);
    expect(r.out).toMatch(/warning SHARED_TERM/);
    expect(r.out).toMatch(/warning MISSING_LANGUAGE: concept "broken_thing" has no terms in it, ro/);
  });

  test('test: fixture failures print text, expected, got and rules; exit 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-fx-'));
    const file = path.join(dir, 'f.yaml');
    writeFileSync(file, '- id: wrong\n  text: "Paketet kom skadat"\n  expect: { category: billing }\n- id: right\n  text: "Paketet kom skadat"\n  expect: { category: returns }\n');
    const r = await run(['test', file]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ .*wrong/);
    expect(r.out).toMatch(/category: expected "billing", got "returns"/);
    expect(r.out).toMatch(/rules: .*returns-damaged/);
    expect(r.out).toMatch(/passed, 1 failed/);
  });

  test('test --coverage lists rules and concepts no fixture exercises', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-fx-'));
    const file = path.join(dir, 'f.yaml');
    writeFileSync(file, '- id: one\n  text: "Paketet kom skadat"\n  expect: { category: returns }\n');
    const r = await run(['test', '--coverage', file]);
    expect(r.out).toMatch(/Rules no fixture fires/);
    expect(r.out).toMatch(/billing-charged-twice/);
    expect(r.out).not.toMatch(/^ {2}returns-damaged /m);
  });

  test('eval: accuracy, per-category metrics, confusion matrix, and --compare moves', async () => {
    const dir = rulesCopy();
    const data = path.join(dir, '..', `ev-${process.pid}.jsonl`);
    writeFileSync(
      data,
      [
        { text: 'Jag vill utnyttja er prisgaranti, priset har sänkts', expect: { category: 'billing' } },
        { text: 'Paketet kom skadat', expect: { category: 'returns' } },
        { text: 'Var är mitt paket?', expect: { category: 'delivery' } },
      ].map((x) => JSON.stringify(x)).join('\n'),
    );
    const r = await run(['eval', data]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/accuracy \d+\.\d% \(\d of 3\)/);
    expect(r.out).toMatch(/confusion matrix/);
    // a changed rule set: damaged votes for billing now
    const changed = rulesCopy();
    const routing = path.join(changed, 'routing.yaml');
    const { readFileSync } = await import('node:fs');
    writeFileSync(routing, readFileSync(routing, 'utf8').replace(/when: \{ concept: damaged \}\n {4}then: \{ category: returns, weight: 3 \}/, 'when: { concept: damaged }\n    then: { category: billing, weight: 9 }'));
    // as the README has it: --rules the rules after the change, --compare the rules before it
    const c = await run(['eval', data, '--rules', changed, '--compare', dir]);
    expect(c.out).toContain(`Changes from ${dir} to ${changed}:`);
    expect(c.out).toMatch(/1 inquiry moves from returns to billing/);
  });

  test('explain shows language, keywords with spans, rules and the decision', async () => {
    const r = await run(['explain', 'Varan är inte skadad men paketet har inte kommit, order 4481923']);
    expect(r.out).toMatch(/Language: sv/);
    expect(r.out).toMatch(/"skadad" \[body \d+-\d+\] → damaged .*NEGATED/);
    expect(r.out).toMatch(/Rules that fired:/);
    expect(r.out).toMatch(/Rules that nearly fired/);
    expect(r.out).toMatch(/returns-damaged .*negated/);
    expect(r.out).toMatch(/category delivery/);
  });

  test('usage errors exit 2', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run(['classify', '--rules', '/nonexistent/rules', 'x'])).code).toBe(2);
  });
});

describe('classify --workers (the built CLI)', () => {
  test('two worker threads keep the input order and classify like one process', async () => {
    const { execFileSync } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: npm test builds it first');
    const texts = ['Var är mitt paket?', 'Paketet kom skadat', 'I was charged twice', 'Vorrei annullare l\'ordine', 'Vreau să-mi șterg contul'];
    const lines = Array.from({ length: 700 }, (_, i) => JSON.stringify({ id: String(i), text: texts[i % texts.length] })).join('\n') + '\nnot json\n';
    const run = (args: string[]) => execFileSync(process.execPath, ['dist/cli.js', 'classify', ...args], { input: lines, maxBuffer: 1 << 28 }).toString().trim().split('\n').map((l) => JSON.parse(l) as { id?: string; category?: string; error?: unknown });
    const one = run([]);
    const two = run(['--workers', '2']);
    expect(two.length).toBe(701);
    expect(two.map((r) => r.id)).toEqual(one.map((r) => r.id));
    expect(two.map((r) => r.category)).toEqual(one.map((r) => r.category));
    expect(two[700]!.error).toBeDefined();
  });

  test('CRLF input: --workers gives the same lines as one process, error messages included', async () => {
    const { execFileSync } = await import('node:child_process');
    const input = ['{"id":"a","text":"Var är mitt paket?"}', '', 'not json', '{"id":"b","text":"I was charged twice"}', ''].join('\r\n');
    const run = (args: string[]) => execFileSync(process.execPath, ['dist/cli.js', 'classify', ...args], { input }).toString();
    const one = run([]);
    expect(one.split('\n').filter(Boolean)).toHaveLength(3);
    expect(one).not.toContain('\\r');
    expect(run(['--workers', '2'])).toBe(one);
  });

  test('runPool reports the inquiries done and the bytes read, up to the whole input', async () => {
    const { runPool } = await import('../../src/cli/workers');
    const { existsSync } = await import('node:fs');
    const script = new URL('../../dist/cli.js', import.meta.url);
    if (!existsSync(script)) throw new Error('dist/cli.js is missing: npm test builds it first');
    const input = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: String(i), text: i % 2 ? 'Paketet kom skadat, kan ni hjälpa mig?' : 'Où est mon colis ? Merci' })).join('\n') + '\n';
    const calls: Array<[number, number]> = [];
    let out = '';
    await runPool(script, 2, undefined, Readable.from([input]), (chunk) => (out += chunk), (done, read) => calls.push([done, read]));
    expect(out.split('\n').filter(Boolean)).toHaveLength(300);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.at(-1)).toEqual([300, Buffer.byteLength(input)]);
    // counts never go down
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
  });

  test('a worker that ends before it is ready fails the run instead of leaving it waiting', async () => {
    const { runPool } = await import('../../src/cli/workers');
    await expect(runPool(new URL('./silent-worker.mjs', import.meta.url), 2, undefined, Readable.from(['{"text":"x"}\n']), () => {})).rejects.toThrow(/stopped before it was ready \(exit code 0\)/);
  });

  test('a worker that fails mid-run fails the run with its error instead of waiting for it forever', async () => {
    const { runPool } = await import('../../src/cli/workers');
    const input = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: String(i), text: 'Var är mitt paket?' })).join('\n') + '\n';
    await expect(runPool(new URL('./crashing-worker.mjs', import.meta.url), 2, undefined, Readable.from([input]), () => {})).rejects.toThrow(/the worker broke/);
  });

  test('an input that fails mid-run fails the run with its error, and the pool stops (the process exits)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { readdirSync } = await import('node:fs');
    const dist = new URL('../../dist/', import.meta.url);
    const workers = readdirSync(dist).find((f) => /^workers-.*\.js$/.test(f));
    if (!workers) throw new Error('dist/workers-*.js is missing: npm test builds it first');
    // in a process of its own: workers left running would keep it alive until the timeout
    const script = `
      import { Readable } from 'node:stream';
      const { runPool } = await import(${JSON.stringify(new URL(workers, dist).href)});
      let pushed = false;
      const input = new Readable({ read() {
        if (pushed) return this.destroy(new Error('the input broke'));
        pushed = true;
        this.push('{"id":"a","text":"Var är mitt paket?"}\\n');
      } });
      await runPool(new URL(${JSON.stringify(new URL('cli.js', dist).href)}), 2, undefined, input, () => {}).then(
        () => console.log('no error'),
        (e) => console.log('failed:', e.message),
      );`;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ir-pool-')), 'failing-input.mjs');
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('failed: the input broke');
    expect(r.status).toBe(0);
  });

  test.each([[[]], [['--workers', '2']]])('a reader that stops early closes the pipe: the CLI stops quietly (%j)', async (extra) => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['dist/cli.js', 'classify', ...extra], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (err += d));
    // like `| head -1`: read the first answer, then close the pipe
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.on('error', () => {}); // the CLI may be gone before all input is written
    child.stdin.end(Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: String(i), text: 'Var är mitt paket?' })).join('\n') + '\n');
    const code = await new Promise((r) => child.on('close', r));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  test('rules that do not load: --workers reports them as one process does, and exits 2', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = rulesCopy();
    writeFileSync(path.join(dir, 'zz-bad.yaml'), ['rules:', '  - id: x-bad', '    when: { concept: no_such }', '    then: { category: returns }'].join('\n'));
    const run = (extra: string[]) => spawnSync(process.execPath, ['dist/cli.js', 'classify', '--rules', dir, ...extra], { input: '{"id":"a","text":"Var är mitt paket?"}\n', encoding: 'utf8' });
    const one = run([]);
    const two = run(['--workers', '2']);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/zz-bad\.yaml:3:\d+ error UNKNOWN_CONCEPT/);
    expect(two.status).toBe(2);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe('');
  });

  test('a live stream: lines are answered while the input is still open', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['dist/cli.js', 'classify', '--workers', '2'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    const lines = () => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; category: string });
    const closed = new Promise((r) => child.on('close', r));
    try {
      child.stdin.write('{"id":"a","text":"Var är mitt paket?"}\n{"id":"b","text":"I was charged twice"}\n');
      for (let t = 0; t < 1000 && lines().length < 2; t++) await new Promise((r) => setTimeout(r, 10));
      // stdin is still open: both answers came without more input
      expect(lines().map((l) => l.id)).toEqual(['a', 'b']);
      expect(lines()[0]!.category).toBe('delivery');
      child.stdin.end('{"id":"c","text":"Vorrei annullare l\'ordine"}\n');
      expect(await closed).toBe(0);
      expect(lines().map((l) => l.id)).toEqual(['a', 'b', 'c']);
    } finally {
      child.kill(); // a failed wait leaves the CLI waiting for input
    }
  });
});
