import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { rulesCopy, run } from './run';

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'ir-err-'));
}

const BOM = '\uFEFF';

/** An error as the README promises it: exit 2, one line per problem on stderr, no stack trace. */
function expectOneLineError(r: { code: number; out: string; err: string }, pattern: RegExp, lines = 1) {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(pattern);
  expect(r.err.split('\n')).toHaveLength(lines);
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.err).not.toMatch(/^(Error|SyntaxError|YAMLParseError):/m);
}

describe('CLI errors: one line naming the file, exit 2, never a stack trace', () => {
  test('a file that does not exist: test, eval, classify --table, classify and explain on an .eml', async () => {
    expectOneLineError(await run(['test', 'nonexist.yaml']), /^inquiry-router: cannot read nonexist\.yaml: no such file$/);
    expectOneLineError(await run(['eval', 'nonexist.jsonl']), /^inquiry-router: cannot read nonexist\.jsonl: no such file$/);
    expectOneLineError(await run(['classify', '--table', 'nonexist.yaml']), /^inquiry-router: cannot read nonexist\.yaml: no such file$/);
    expectOneLineError(await run(['classify', 'nonexist.eml']), /^inquiry-router: cannot read nonexist\.eml: no such file$/);
    expectOneLineError(await run(['explain', 'nonexist.eml']), /^inquiry-router: cannot read nonexist\.eml: no such file$/);
  });

  test('a folder where a fixture file is expected', async () => {
    const dir = tmp();
    expectOneLineError(await run(['test', dir]), new RegExp(`^inquiry-router: cannot read ${dir}: it is a folder, not a file \\(name the fixture files in it`));
  });

  test('a fixture file that is not YAML: file, line and column', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tab.yaml');
    writeFileSync(file, '- id: a\n  text: hi\n\t- x\n');
    expectOneLineError(await run(['test', file]), new RegExp(`^${file}:3:1: Tabs are not allowed as indentation$`));
  });

  test('a fixture file that is a mapping, or has items that are not mappings', async () => {
    const dir = tmp();
    const map = path.join(dir, 'map.yaml');
    writeFileSync(map, '# fixtures\nid: a\ntext: Paketet kom skadat\n');
    expectOneLineError(await run(['test', map]), new RegExp(`^${map}:2:1: a fixture file is a list of inquiries .*not a mapping$`));
    const items = path.join(dir, 'items.yaml');
    writeFileSync(items, '- id: a\n  text: Paketet kom skadat\n- just a string\n');
    expectOneLineError(await run(['eval', items]), new RegExp(`^${items}:3:3: a fixture is a mapping .*not the value "just a string"$`));
  });

  test('a fixture that names an .eml file that is not there', async () => {
    const dir = tmp();
    const file = path.join(dir, 'f.yaml');
    writeFileSync(file, '- id: mail\n  eml: missing.eml\n  expect: { category: returns }\n');
    expectOneLineError(await run(['test', file]), new RegExp(`^${file}: fixture mail: cannot read missing\\.eml: no such file$`));
  });

  test('rules that do not load are still reported as their issues (unchanged)', async () => {
    const r = await run(['test', '--rules', '/nonexistent/rules', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^\/nonexistent\/rules error RULES_NOT_FOUND: /);
  });
});

describe('eval on JSON Lines', () => {
  const lines = [
    { text: 'Jag vill utnyttja er prisgaranti, priset har sänkts', expect: { category: 'billing' } },
    { text: 'Paketet kom skadat', expect: { category: 'returns' } },
    { text: 'Var är mitt paket?', expect: { category: 'delivery' } },
  ].map((x) => JSON.stringify(x));

  test('a malformed line: the file, its line number and what is wrong; exit 2, no report', async () => {
    const file = path.join(tmp(), 'history.jsonl');
    // line 4 is blank: line numbers are those of the file, blank lines included
    writeFileSync(file, [lines[0], lines[1], '', lines[2], '{"text": "x" "expect": {}}', lines[0], '[1, 2]'].join('\n') + '\n');
    const r = await run(['eval', file]);
    expect(r.out).toBe('');
    expectOneLineError(r, new RegExp(`^${file}:5:14: not valid JSON: Expected ',' or '}' after property value\\n${file}:7: not an inquiry: expected an object`), 2);
  });

  test('many malformed lines: five are listed, a count stands for the rest', async () => {
    const file = path.join(tmp(), 'history.jsonl');
    writeFileSync(file, [lines[0], ...Array.from({ length: 8 }, () => '{"text": ')].join('\n'));
    const r = await run(['eval', file]);
    expectOneLineError(r, new RegExp(`^${file}:2: not valid JSON: Unexpected end of JSON input\\n(.*\\n){4}… and 3 more$`), 6);
  });

  test('a UTF-8 byte order mark at the start of a JSON Lines file is ignored', async () => {
    const file = path.join(tmp(), 'export.jsonl');
    writeFileSync(file, BOM + lines.join('\r\n') + '\r\n');
    const r = await run(['eval', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/accuracy \d+\.\d% \(\d of 3\)/);
  });

  test('a byte order mark at the start of a YAML fixture file is ignored', async () => {
    const file = path.join(tmp(), 'fixtures.yaml');
    writeFileSync(file, BOM + '- id: bom\n  text: "Paketet kom skadat"\n  expect: { category: returns }\n');
    const r = await run(['test', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+ passed, 0 failed \(1 fixtures,/m);
  });

  test('NDJSON on stdin that starts with a byte order mark: the first line is classified', async () => {
    const r = await run(['classify'], BOM + '{"id":"a","text":"Var är mitt paket?"}\n{"id":"b","text":"Paketet kom skadat"}\n');
    const out = r.out.split('\n').map((l) => JSON.parse(l) as { id?: string; category?: string; error?: unknown });
    expect(out.map((l) => [l.id, l.category, l.error])).toEqual([
      ['a', 'delivery', undefined],
      ['b', 'returns', undefined],
    ]);
  });
});

describe('eval --compare', () => {
  /** A copy of the rules in which "damaged" votes for billing instead of returns. */
  function changedRules(): string {
    const changed = rulesCopy();
    const routing = path.join(changed, 'routing.yaml');
    const before = readFileSync(routing, 'utf8');
    const after = before.replace(/when: \{ concept: damaged \}\n {4}then: \{ category: returns, weight: 3 \}/, 'when: { concept: damaged }\n    then: { category: billing, weight: 9 }');
    expect(after).not.toBe(before);
    writeFileSync(routing, after);
    return changed;
  }

  function history(): string {
    const file = path.join(tmp(), 'history.jsonl');
    writeFileSync(
      file,
      [
        { id: 'damaged', text: 'Paketet kom skadat', expect: { category: 'returns' } },
        { id: 'where', text: 'Var är mitt paket?', expect: { category: 'delivery' } },
      ].map((x) => JSON.stringify(x)).join('\n'),
    );
    return file;
  }

  test('moves read from the --compare rules (before) to the --rules rules (after), as the README has it', async () => {
    const before = rulesCopy();
    const after = changedRules();
    const r = await run(['eval', history(), '--rules', after, '--compare', before]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Changes from ${before} to ${after}:\n  1 inquiry moves from returns to billing\n    - damaged (labelled returns): Paketet kom skadat`);
    expect(r.out).not.toMatch(/from billing to returns/);
  });

  test('without --rules, the rules after the change are the built-in ones', async () => {
    const r = await run(['eval', history(), '--compare', changedRules()]);
    expect(r.out).toMatch(/Changes from .* to the built-in rules:\n {2}1 inquiry moves from billing to returns/);
  });

  test('--json --compare prints one JSON document, the comparison under "compare"', async () => {
    const before = rulesCopy();
    const after = changedRules();
    const r = await run(['eval', history(), '--json', '--rules', after, '--compare', before]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { total: number; accuracy: number; compare: { before: string; after: string; moves: Array<{ from: string; to: string; count: number; inquiries: Array<{ id: string; expected?: string }> }> } };
    expect(doc.total).toBe(2);
    expect(doc.compare.before).toBe(before);
    expect(doc.compare.after).toBe(after);
    expect(doc.compare.moves).toEqual([{ from: 'returns', to: 'billing', count: 1, inquiries: [{ id: 'damaged', expected: 'returns', text: 'Paketet kom skadat' }] }]);
  });

  test('a --compare folder that does not load: exit 2 and no half report on stdout', async () => {
    const r = await run(['eval', history(), '--compare', '/nonexistent/rules-before']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^\/nonexistent\/rules-before error RULES_NOT_FOUND: /);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});

describe('lint and the rules folder', () => {
  test('lint --rules on a folder that does not exist: RULES_NOT_FOUND alone, on stderr, exit 2', async () => {
    const r = await run(['lint', '--rules', '/nonexistent']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^\/nonexistent error RULES_NOT_FOUND: cannot read the rules folder/);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  test('lint --rules on a folder without rule files: NO_RULE_FILES naming it, exit 2', async () => {
    const dir = tmp();
    const r = await run(['lint', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${dir} error NO_RULE_FILES: no rule files (*.yaml, *.yml) were found`);
  });

  test('other commands report a missing rules folder the same way: its reason alone', async () => {
    const r = await run(['classify', '--rules', '/nonexistent', 'Var är mitt paket?']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^\/nonexistent error RULES_NOT_FOUND: /);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  test('lint without --rules checks the built-in rules, as every other command uses them, wherever it runs', async () => {
    const elsewhere = tmp();
    // a ./rules folder in the working folder is not what lint checks without --rules
    mkdirSync(path.join(elsewhere, 'rules'));
    writeFileSync(path.join(elsewhere, 'rules', 'bad.yaml'), 'rules: [ { id: x } ]\n');
    const cwd = process.cwd();
    process.chdir(elsewhere);
    let r;
    try {
      r = await run(['lint']);
    } finally {
      process.chdir(cwd);
    }
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^0 errors, \d+ warnings? in the built-in rules \(.*rules\)$/m);
    expect(r.out).not.toMatch(/bad\.yaml/);
    expect(r.err).toBe('inquiry-router: ./rules is not checked without --rules; to check it: inquiry-router lint --rules rules');
  });

  test('--help says what lint checks without --rules', async () => {
    const r = await run(['--help', 'lint']);
    expect(r.out).toMatch(/--rules DIR\s+a rules folder \(default: the built-in rules\)/);
    expect(r.out).toMatch(/inquiry-router lint\s+check a rules folder \(--rules DIR; default: the built-in rules\)/);
  });
});

describe('the built CLI', () => {
  test('errors are one line, without a stack trace', async () => {
    const { spawnSync } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: npm test builds it first');
    const dir = tmp();
    writeFileSync(path.join(dir, 'bad.jsonl'), '{"text": "a", "expect": {"category": "billing"}}\n{"text": \n');
    const cli = path.resolve('dist/cli.js');
    for (const [args, want] of [
      [['test', 'nonexist.yaml'], 'inquiry-router: cannot read nonexist.yaml: no such file\n'],
      [['eval', 'bad.jsonl'], 'bad.jsonl:2: not valid JSON: Unexpected end of JSON input\n'],
      [['lint', '--rules', 'nowhere'], /^nowhere error RULES_NOT_FOUND: [^\n]*\n$/],
    ] as const) {
      const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      if (typeof want === 'string') expect(r.stderr).toBe(want);
      else expect(r.stderr).toMatch(want);
    }
  });
});
