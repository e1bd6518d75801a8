// Rule-loading errors: files that are not UTF-8, calendars without opening hours, wrong types, misspelt
// values inside `when`, and YAML syntax slips that must not bury the real error under false ones.
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRules, safeLoadRules, RuleLoadError, type RuleIssue } from '../../src';
import { decodeRuleFile } from '../../src/rules/load';
import { parseRuleSources } from '../../src/rules/parse';
import { BASE, folder } from './rule-folders';



/** A copy of the shipped rules folder with one file changed. */
function shippedWith(file: string, change: (text: string) => string | Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ir-rules-errors-'));
  cpSync('rules', dir, { recursive: true });
  const full = path.join(dir, file);
  const before = readFileSync(full, 'utf8');
  const after = change(before);
  expect(after, 'the change applies').not.toEqual(before);
  writeFileSync(full, after);
  return dir;
}

async function issuesOf(dir: string): Promise<RuleIssue[]> {
  const r = await safeLoadRules(dir);
  expect(r.success, 'the folder must not load').toBe(false);
  return r.success ? [] : [...r.error.issues];
}

/** 1-based line and column of the first occurrence of `needle` in `text` (plus `offset` characters). */
function where(text: string, needle: string, offset = 0): { line: number; column: number } {
  const i = text.indexOf(needle);
  expect(i, `"${needle}" is in the text`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, i + offset);
  return { line: before.split('\n').length, column: i + offset - before.lastIndexOf('\n') };
}

/** ISO-8859-1 bytes of a text (characters outside Latin-1 become "?"), as an old editor would save it. */
const latin1 = (text: string) => Buffer.from(text.replace(/[^\u0000-\u00ff]/g, '?'), 'latin1');

describe('rule files that are not UTF-8', () => {
  test('a lexicon re-saved as ISO-8859-1 is an ENCODING error at its first bad byte, and nothing loads', async () => {
    const original = readFileSync('rules/lexicon/sv.yaml', 'utf8');
    const dir = shippedWith('lexicon/sv.yaml', latin1);
    const issues = await issuesOf(dir);
    expect(issues.map((i) => i.code)).toEqual(['ENCODING']);
    const firstNonAscii = original.search(/[^\u0000-\u007f]/);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      file: `${dir}/lexicon/sv.yaml`,
      ...where(original, original[firstNonAscii]!),
    });
    expect(issues[0]!.message).toMatch(/^not UTF-8: .*\(save the file as UTF-8\)$/);
    await expect(loadRules(dir)).rejects.toMatchObject({ name: 'RuleLoadError', code: 'ENCODING' });
  });

  test('the ids of a file that is not UTF-8 are salvaged: other files\' references to them are not reported', async () => {
    const dir = shippedWith('concepts.yaml', latin1);
    expect((await issuesOf(dir)).map((i) => i.code)).toEqual(['ENCODING']);
  });

  test('a UTF-16 file is named as such', async () => {
    const text = readFileSync('rules/taxonomy.yaml', 'utf8');
    const dir = shippedWith('taxonomy.yaml', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([['ENCODING', 1, 1]]);
    expect(issues[0]!.message).toMatch(/UTF-16.*save the file as UTF-8/);
  });

  test('a UTF-8 byte order mark is accepted', async () => {
    const dir = shippedWith('lexicon/sv.yaml', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]));
    const r = await safeLoadRules(dir);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  test('line and column count characters, multi-byte ones included', () => {
    const bytes = Buffer.concat([Buffer.from('a: 1\nb: "gått ', 'utf8'), Buffer.from([0xf6]), Buffer.from('r"\n', 'utf8')]);
    const src = decodeRuleFile('x.yaml', bytes);
    expect(src.problem).toMatchObject({ code: 'ENCODING', file: 'x.yaml', line: 2, column: 10 });
    expect(src.problem!.message).toContain('0xF6');
    expect(decodeRuleFile('ok.yaml', Buffer.from('a: "gått"\n', 'utf8'))).toEqual({ file: 'ok.yaml', text: 'a: "gått"\n' });
  });
});

describe('the calendar is checked when the rules load', () => {
  test('a calendar without any opening hours is a load error at its hours', async () => {
    let text = '';
    const dir = shippedWith('config.yaml', (t) => {
      text = t.replace(/( +)mon: \[[^\n]*\]\n(?:\1(?:tue|wed|thu|fri|sat|sun): [^\n]*\n)+/, '$1mon: []\n');
      return text;
    });
    const issues = await issuesOf(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'INVALID_RULE', file: `${dir}/config.yaml`, ...where(text, 'mon: []') });
    expect(issues[0]!.message).toMatch(/^config\.calendar\.hours: no opening hours on any weekday/);
  });

  test.each([
    ['hours: { mon: [] }', '{ mon: [] }'],
    ['hours: {}', '{}'],
    ['hours: { sat: null, sun: [] }', '{ sat'],
  ])('%s', async (hours, at) => {
    const config = `config:\n  fallback: { category: general, team: care }\n  calendar:\n    timeZone: Europe/Stockholm\n    ${hours}\n`;
    const issues = await issuesOf(folder({ 'base.yaml': BASE.replace(/config:\n.*\n/, ''), 'config.yaml': config }));
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([['INVALID_RULE', where(config, at).line, where(config, at).column]]);
    expect(issues[0]!.message).toContain('no opening hours');
  });
});

describe('a wrong type is not a missing field', () => {
  const rule = (then: string) => `rules:\n  - id: r\n    when: { concept: damaged }\n    then: ${then}\n`;
  test.each([
    ['weight: high', rule('{ category: returns, weight: high }'), 'high', 'rules.0.then.weight: "weight" must be a number, not the string "high"'],
    ['weight: "3"', rule('{ category: returns, weight: "3" }'), '"3"', 'rules.0.then.weight: "weight" must be a number, not the string "3" (remove the quotes: 3)'],
    ['stop: yes', rule('{ category: returns, stop: yes }'), 'yes', 'rules.0.then.stop: "stop" must be true or false, not the string "yes" (write true or false)'],
    ['languages: sv', 'teams:\n  - id: nordic\n    languages: sv\n', 'sv', 'teams.0.languages: "languages" must be a list, not the string "sv" (a list of one is written [sv])'],
    ['firstResponseHours: eighteen', 'priorities:\n  - id: slow\n    firstResponseHours: eighteen\n', 'eighteen', 'priorities.0.firstResponseHours: "firstResponseHours" must be a number, not the string "eighteen"'],
    ['a lexicon term that is a number', 'lexicon:\n  language: sv\n  terms:\n    damaged: [42, trasig]\n', '42', 'lexicon.terms.damaged.0: item 1 of "damaged" must be a string, not the number 42 (put it in quotes: "42")'],
    ['rules: with only commented-out entries', 'rules:\n  # - id: r\n  #   when: { concept: damaged }\n  #   then: { category: returns }\n', 'rules', 'rules: "rules" is empty: it must be a list (are its entries commented out?)'],
  ])('%s', async (_, text, at, message) => {
    const issues = await issuesOf(folder({ 'base.yaml': BASE, 'x.yaml': text }));
    expect(issues.map((i) => i.code)).toEqual(['WRONG_TYPE']);
    expect(issues[0]!.message).toBe(message);
    expect(issues[0]).toMatchObject({ file: expect.stringMatching(/x\.yaml$/), ...where(text, at) });
  });

  test('only a key that is really absent is MISSING_FIELD', async () => {
    const text = 'categories:\n  - id: orphan\n    description: no team\n';
    const issues = await issuesOf(folder({ 'base.yaml': BASE, 'x.yaml': text }));
    expect(issues.map((i) => [i.code, i.message])).toEqual([['MISSING_FIELD', 'categories.0.team: "team" is required']]);
  });

  test('in the shipped rules too', async () => {
    let text = '';
    const dir = shippedWith('routing.yaml', (t) => (text = t.replace(/weight: 3 \}/, 'weight: high }')));
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([['WRONG_TYPE', where(text, 'weight: high').line, where(text, 'weight: high', 8).column]]);
  });
});

describe('a misspelt value inside when is named, at its own key', () => {
  const rule = (when: string) => `rules:\n  - id: r\n    when: ${when}\n    then: { category: returns }\n`;
  test.each([
    ['{ signal: shout }', 'shout', 'rules.0.when.signal: unknown signal "shout", did you mean "shouting"? (known: shouting, exclamations, autoReply, forwarded, hasAttachment, quotedOnly)'],
    ['{ entity: tracking }', 'tracking', 'rules.0.when.entity: unknown entity "tracking", did you mean "trackingNumber"? (known: orderNumber, trackingNumber, email, phone, amount, date, personalId, iban, card, caseNumber)'],
    ['{ language: de }', 'de', 'rules.0.when.language: unknown language "de" (known: sv, en, it, ro, und)'],
    ['{ language: [sv, xx] }', 'xx', 'rules.0.when.language.1: unknown language "xx" (known: sv, en, it, ro, und)'],
    ['[{ concept: damaged }, { language: de }]', 'de', 'rules.0.when.1.language: unknown language "de" (known: sv, en, it, ro, und)'],
    ['{ all: [{ concept: damaged }, { signal: shout }] }', 'shout', 'rules.0.when.all.1.signal: unknown signal "shout", did you mean "shouting"? (known: shouting, exclamations, autoReply, forwarded, hasAttachment, quotedOnly)'],
    ['{ not: { any: [{ concept: damaged, in: title }] } }', 'title', 'rules.0.when.not.any.0.in: unknown value "title" for "in" (known: subject, body, any)'],
    ['{ amount: { gte: lots } }', 'lots', 'rules.0.when.amount.gte: "gte" must be a number, not the string "lots"'],
  ])('%s', async (when, at, message) => {
    const text = rule(when);
    const issues = await issuesOf(folder({ 'base.yaml': BASE, 'x.yaml': text }));
    expect(issues.map((i) => i.message)).toEqual([message]);
    expect(issues[0]).toMatchObject({ code: expect.stringMatching(/^(INVALID_VALUE|WRONG_TYPE)$/), ...where(text, at) });
  });

  test('a condition of two kinds, or a when that is not a condition, says so', async () => {
    const text = rule('{ concept: damaged, phrase: trasig }') + rule('"damaged"').replace('rules:\n', '').replace('id: r', 'id: s');
    const issues = await issuesOf(folder({ 'base.yaml': BASE, 'x.yaml': text }));
    expect(issues.map((i) => i.message)).toEqual([
      'rules.0.when: a condition has one kind, this one has concept and phrase: wrap them in "all:" or "any:"',
      'rules.1.when: "when" must be a mapping (key: value) or a list, not the string "damaged"',
    ]);
  });

  test('outside when as well: lexicon.language', async () => {
    const text = 'lexicon:\n  language: de\n  terms:\n    damaged: [beschädigt]\n';
    const issues = await issuesOf(folder({ 'base.yaml': BASE, 'x.yaml': text }));
    expect(issues.map((i) => [i.code, i.message])).toEqual([['INVALID_VALUE', 'lexicon.language: unknown language "de" (known: sv, en, it, ro)']]);
    expect(issues[0]).toMatchObject(where(text, 'de\n'));
  });
});

describe('a YAML syntax slip is reported first, without false errors from the ids the file would define', () => {
  test('a description indented by 3 spaces in taxonomy.yaml', async () => {
    const dir = shippedWith('taxonomy.yaml', (t) => t.replace('\n    description: Most inquiries.', '\n   description: Most inquiries.'));
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.file])).toEqual([['YAML_SYNTAX', `${dir}/taxonomy.yaml`]]);
    expect(issues[0]!.line).toBe(where(readFileSync(`${dir}/taxonomy.yaml`, 'utf8'), '   description: Most').line);
  });

  test('a description indented 3 spaces deeper', async () => {
    const dir = shippedWith('taxonomy.yaml', (t) => t.replace('\n    description: Most inquiries.', '\n       description: Most inquiries.'));
    expect((await issuesOf(dir)).map((i) => i.code)).toEqual(['YAML_SYNTAX']);
  });

  test('a tab in concepts.yaml', async () => {
    const dir = shippedWith('concepts.yaml', (t) => t.replace('\n    description: The item arrived damaged', '\n\tdescription: The item arrived damaged'));
    const issues = await issuesOf(dir);
    expect(issues.map((i) => i.code)).toEqual(['YAML_SYNTAX']);
    expect(issues[0]!.file).toBe(`${dir}/concepts.yaml`);
  });

  test('real problems of the other files are still reported, after the syntax error', async () => {
    const dir = folder({
      'a-base.yaml': BASE.replace('teams: [{ id: care }, { id: returns }]\n', ''),
      'a-rules.yaml': 'rules:\n  - id: r\n    when: { concept: damaged }\n    then: { category: returns, team: nobody, weight: high }\n',
      'z-teams.yaml': 'teams:\n  - id: care\n  - id: returns\n     name: Returns\n',
    });
    const issues = await issuesOf(dir);
    // care and returns are salvaged from the broken file; "nobody" is not defined anywhere
    expect(issues.map((i) => [i.code, path.basename(i.file!)])).toEqual([
      ['YAML_SYNTAX', 'z-teams.yaml'],
      ['WRONG_TYPE', 'a-rules.yaml'],
    ]);
    // the schema error stops a-rules.yaml; fixed, its unknown team shows
    writeFileSync(path.join(dir, 'a-rules.yaml'), 'rules:\n  - id: r\n    when: { concept: damaged }\n    then: { category: returns, team: nobody }\n');
    const again = await issuesOf(dir);
    expect(again.map((i) => i.code)).toEqual(['YAML_SYNTAX', 'UNKNOWN_TEAM']);
    expect(again[1]!.message).toMatch(/unknown team "nobody"/);
    await expect(loadRules(dir)).rejects.toSatisfy((e: unknown) => e instanceof RuleLoadError && e.code === 'YAML_SYNTAX');
  });

  test('syntax and encoding errors come first whatever the file order', () => {
    const { issues } = parseRuleSources([
      { file: 'a.yaml', text: 'teams:\n  - id: x\n    colour: red\n' },
      { file: 'b.yaml', text: 'rules:\n  - id: x\n    when: { concept: damaged\n' },
      { file: 'c.yaml', text: '', problem: { code: 'ENCODING', severity: 'error', file: 'c.yaml', line: 1, column: 1, message: 'not UTF-8' } },
    ]);
    expect(issues.map((i) => i.code)).toEqual(['YAML_SYNTAX', 'ENCODING', 'UNKNOWN_KEY']);
  });

  test('a file that cannot be read at all (linked from outside): references to ids it may define are not reported as unknown', async () => {
    const outside = folder({ 'teams.yaml': 'teams: [{ id: vip }]\n' });
    const dir = folder({ 'base.yaml': BASE, 'rules.yaml': 'rules:\n  - id: r\n    when: { concept: damaged }\n    then: { category: returns, team: vip }\n' });
    symlinkSync(path.join(outside, 'teams.yaml'), path.join(dir, 'teams.yaml'));
    expect((await issuesOf(dir)).map((i) => i.code)).toEqual(['PATH_ESCAPE']);
  });
});
