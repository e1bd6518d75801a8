/**
 * The command line: classify (one inquiry, NDJSON streams, .eml files), test, lint, explain, eval.
 * Exit codes: 0 success, 1 failures found, 2 usage or load errors.
 */
import { existsSync, fstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { createRouter, type Router } from '../router';
import { formatIssue, isInquiryRouterError, RuleLoadError } from '../errors';
import { compareFixture } from '../fixtures';
import { fixtureFiles } from '../fixtures-io';
import type { Classification } from '../types';
import type { Rule } from '../rules/schema';
import { explainText } from './explain';
import { classifyLine, progressLine } from './workers';
import { builtinRulesDir, lintRules } from './lint';
import { CliError, folderProblems, fsReason, inputOf, loadFixtures, readEml } from './inputs';

const USAGE = `inquiry-router — routes customer inquiries to a category, priority and team

Usage:
  inquiry-router classify "text"             classify one inquiry, readable output
  inquiry-router classify FILE.eml           classify a raw e-mail
  inquiry-router classify < in.ndjson        one JSON inquiry per line in, one decision per line out
  inquiry-router classify --table [FILE…]    fixtures or NDJSON files as a table
  inquiry-router test [FILES…]               check fixture files and the rules' own examples
                                             (--compare BEFORE: only failures that are new fail)
  inquiry-router lint                        check a rules folder (--rules DIR; default: the built-in rules)
  inquiry-router explain "text"              why an inquiry is routed as it is
  inquiry-router eval FILE.jsonl|FILE.yaml   accuracy, per-category precision/recall/F1, confusion matrix

Options:
  --rules DIR      a rules folder (default: the built-in rules)
  --compare DIR    with eval and test: the rules before the change (--rules: after)
  --json           machine-readable output
  --coverage       with test: list rules and concepts no fixture exercises
  --workers N      with classify on NDJSON: use N worker threads (results keep the input order)
  --full           with classify on NDJSON: the whole classification per line (keywords, rules and
                   their conditions, entities, decision), not just the routing decision
  -h, --help       this text
`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Writes text as it is (no newline added); used for streamed output. */
  raw?: (s: string) => void;
}

async function routerFor(rules: string | undefined): Promise<Router> {
  try {
    return await createRouter(rules ? { rules } : {});
  } catch (e) {
    // a folder that cannot be read: its reason alone, not the consequences (no priorities, no categories…)
    if (e instanceof RuleLoadError) throw new RuleLoadError(folderProblems(e.issues, rules).issues);
    throw e;
  }
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function cut(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

export function formatClassification(r: Classification): string {
  const lines: string[] = [];
  const rule = r.decision.categoryRule ? ` (rule ${r.decision.categoryRule})` : r.decision.fallback ? ' (fallback: no routing rule fired)' : '';
  lines.push(`category   ${r.category}${rule}`);
  lines.push(`priority   ${r.priority}${r.decision.priority.length ? ` (${r.decision.priority.map((p) => `${p.from}→${p.to} by ${p.rule}`).join(', ')})` : ''}`);
  lines.push(`team       ${r.team}${r.decision.team.from !== r.decision.team.to ? ` (${r.decision.team.reason})` : ''}`);
  lines.push(`language   ${r.language.code} (confidence ${r.language.confidence.toFixed(2)})`);
  if (r.tags.length) lines.push(`tags       ${r.tags.join(', ')}`);
  for (const [key, list] of Object.entries(r.entities)) {
    const items = list as Array<{ value: string; normalized: unknown }>;
    if (items.length) lines.push(`${pad(key, 10)} ${items.map((e) => (typeof e.normalized === 'string' && e.normalized !== e.value ? `${e.value} (${e.normalized})` : e.value)).join(', ')}`);
  }
  const kws = r.keywords.filter((k) => !k.quoted);
  if (kws.length) lines.push(`keywords   ${kws.map((k) => `${k.concept}:"${k.text}"${k.negated ? ' (negated)' : ''}`).join(', ')}`);
  if (r.sla) lines.push(`first response due  ${r.sla.firstResponseDue} (${r.sla.targetHours} business hours)`);
  if (r.autoReply) lines.push('auto-reply yes');
  return lines.join('\n');
}

/**
 * Output lines of an NDJSON stream. With a raw writer they are gathered and written together once the
 * input read so far is classified (one write per chunk of input, not one per line; a line is never held
 * back waiting for more input); otherwise each goes to `io.out`.
 */
function lineWriter(io: Io): { line: (s: string) => void; flush: () => void } {
  const raw = io.raw;
  if (!raw) return { line: io.out, flush: () => {} };
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending) raw(pending);
    pending = '';
  };
  return {
    line: (s) => {
      pending += s + '\n';
      if (pending.length >= 1 << 16) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

/**
 * The progress line of a `--workers` run on a terminal: shown once the run has taken half a second,
 * redrawn at most ten times a second; a bar when the input is a file, whose size is known.
 */
function progressReporter(stdin: NodeJS.ReadableStream, out: (s: string) => void): { update: (done: number, bytesRead: number) => void; end: () => void } {
  let total: number | undefined;
  try {
    const fd = (stdin as { fd?: unknown }).fd;
    const stat = typeof fd === 'number' ? fstatSync(fd) : undefined;
    if (stat?.isFile() && stat.size > 0) total = stat.size;
  } catch {
    // no size: a count without a bar
  }
  const start = Date.now();
  let shown = 0;
  let last: [number, number] = [0, 0];
  const draw = (done: number, bytesRead: number) => out(`\r${progressLine(done, Date.now() - start, total === undefined ? undefined : bytesRead / total)}`);
  return {
    update: (done, bytesRead) => {
      last = [done, bytesRead];
      const now = Date.now();
      if (now - start < 500 || now - shown < 100) return;
      shown = now;
      draw(done, bytesRead);
    },
    end: () => {
      if (shown > 0) {
        draw(...last);
        out('\n');
      }
    },
  };
}

async function cmdClassify(args: string[], values: Values, io: Io, stdin: NodeJS.ReadableStream & { isTTY?: boolean }, script?: URL): Promise<number> {
  const workers = values.workers === undefined ? 0 : Number(values.workers);
  if (values.workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 64)) {
    io.err('--workers takes a whole number from 1 to 64');
    return 2;
  }
  if (workers > 0 && args.length === 0 && !values.table) {
    if (!script) {
      io.err('--workers needs the inquiry-router command');
      return 2;
    }
    const { runPool } = await import('./workers');
    // Whole batches go straight to stdout (or, in tests, through io.out without the trailing newline).
    const write = io.raw ?? ((chunk: string) => io.out(chunk.replace(/\n$/, '')));
    // on a terminal, unless the results go to it too (the redrawn line would land among them)
    const progress = process.stderr.isTTY && !process.stdout.isTTY ? progressReporter(stdin, (s) => process.stderr.write(s)) : undefined;
    await runPool(script, workers, values.rules, stdin as never, write, progress?.update, values.full === true);
    progress?.end();
    return 0;
  }
  const router = await routerFor(values.rules);
  if (values.table) {
    const files = args.length ? args : fixtureFiles();
    const fixtures = await loadFixtures(files);
    io.out(`${pad('id', 34)} ${pad('lang', 4)} ${pad('category', 12)} ${pad('priority', 8)} ${pad('team', 13)} ${pad('order numbers', 24)} text`);
    let ok = 0;
    for (const f of fixtures) {
      const r = router.classify(await inputOf(f));
      const good = compareFixture(r, f.expect).length === 0;
      if (good) ok++;
      const text = typeof f.input === 'string' ? f.input : `${f.input.subject ?? ''} ${f.input.body ?? f.input.html ?? ''}`;
      io.out(`${good ? '✓' : '✗'} ${pad(cut(f.id, 32), 32)} ${pad(r.language.code, 4)} ${pad(r.category, 12)} ${pad(r.priority, 8)} ${pad(r.team, 13)} ${pad(cut(r.entities.orderNumbers.map((o) => o.value).join(' '), 24), 24)} ${cut(text, 60)}`);
    }
    io.out(`\n${ok} of ${fixtures.length} routed as labelled`);
    return 0;
  }
  if (args.length > 0) {
    const arg = args.join(' ');
    const input = args.length === 1 && /\.eml$/i.test(arg) ? await readEml(arg) : arg;
    const r = router.classify(input);
    io.out(values.json ? JSON.stringify(r) : formatClassification(r));
    return 0;
  }
  if (stdin.isTTY) {
    io.err(USAGE);
    return 2;
  }
  const rl = createInterface({ input: stdin, crlfDelay: Infinity });
  const out = lineWriter(io);
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim()) out.line(classifyLine(router, line, n, values.full === true));
  }
  out.flush();
  return 0;
}

/**
 * `test [FILES] --rules DIR [--compare BEFORE]`: the fixtures and the rules' own examples. With
 * --compare, a failure that the rules before the change had too is counted, not shown, and only new
 * failures fail the run: what an edit broke stands out among misroutes the rules already had.
 */
async function cmdTest(args: string[], values: Values, io: Io): Promise<number> {
  const router = await routerFor(values.rules);
  const before = values.compare !== undefined ? await routerFor(values.compare) : undefined;
  const files = args.length ? args : fixtureFiles();
  const fixtures = await loadFixtures(files);
  let failed = 0;
  let known = 0;
  let fixed = 0;
  const firedRules = new Set<string>();
  const seenConcepts = new Set<string>();
  const show = (label: string, text: string, mismatches: ReturnType<typeof compareFixture>, r: Classification) => {
    io.out(`✗ ${label}\n  text:     ${cut(text, 200)}`);
    for (const m of mismatches) io.out(`  ${pad(m.field + ':', 9)} expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`);
    io.out(`  rules:    ${r.matchedRules.map((m) => `${m.id} (${m.score})`).join(', ') || 'none (fallback)'}`);
  };
  /** Counts a failure (or, with --compare, a fix); true when it is to be shown. */
  const tally = (fails: boolean, failedBefore: () => boolean): boolean => {
    if (!fails) {
      if (before && failedBefore()) fixed++;
      return false;
    }
    failed++;
    if (before && failedBefore()) {
      known++;
      return false;
    }
    return true;
  };
  for (const f of fixtures) {
    const input = await inputOf(f);
    const r = router.classify(input);
    r.matchedRules.forEach((m) => firedRules.add(m.id));
    r.keywords.forEach((k) => seenConcepts.add(k.concept));
    const mm = compareFixture(r, f.expect);
    if (tally(mm.length > 0, () => compareFixture(before!.classify(input), f.expect).length > 0)) {
      const text = typeof f.input === 'string' ? f.input : `${f.input.subject ?? ''} | ${f.input.body ?? f.input.html ?? ''}`;
      show(`${f.file} ${f.id}`, text, mm, r);
    }
  }
  // The rules' own examples (with --compare, an example is the same one when its rule and text are).
  const exampleInput = (ex: NonNullable<Rule['examples']>[number]) =>
    ex.text ?? { ...(ex.subject !== undefined ? { subject: ex.subject } : {}), ...(ex.body !== undefined ? { body: ex.body } : {}) };
  const exampleFails = (rules: Router, ruleId: string, ex: NonNullable<Rule['examples']>[number]) => {
    const r = rules.classify(exampleInput(ex));
    const mm = compareFixture(r, ex.expect);
    const fired = r.matchedRules.some((m) => m.id === ruleId);
    if ((ex.expect.fires ?? true) !== fired) mm.push({ field: 'fires', expected: ex.expect.fires ?? true, got: fired });
    return { r, mm };
  };
  const examplesBefore = new Map<string, NonNullable<Rule['examples']>[number]>();
  for (const rule of before?.rules.ruleSet.rules ?? []) for (const ex of rule.examples ?? []) examplesBefore.set(`${rule.id}\u0000${JSON.stringify(exampleInput(ex))}`, ex);
  let examples = 0;
  for (const rule of router.rules.ruleSet.rules) {
    for (const ex of rule.examples ?? []) {
      examples++;
      const { r, mm } = exampleFails(router, rule.id, ex);
      const input = exampleInput(ex);
      const old = examplesBefore.get(`${rule.id}\u0000${JSON.stringify(input)}`);
      if (tally(mm.length > 0, () => old !== undefined && exampleFails(before!, rule.id, old).mm.length > 0)) {
        show(`${rule.source.file}:${rule.source.line} example of rule ${rule.id}`, typeof input === 'string' ? input : `${input.subject ?? ''} | ${input.body ?? ''}`, mm, r);
      }
    }
  }
  const counts = `(${fixtures.length} fixtures, ${examples} rule examples)`;
  if (before) {
    io.out(`${fixtures.length + examples - failed} passed, ${failed - known} failed that passed with ${values.compare}, ${known} failed with it too, ${fixed} fixed ${counts}`);
  } else io.out(`${fixtures.length + examples - failed} passed, ${failed} failed ${counts}`);
  if (values.coverage) {
    const rules = router.rules.ruleSet.rules.filter((r) => !firedRules.has(r.id));
    const concepts = router.rules.ruleSet.concepts.filter((c) => !seenConcepts.has(c.id));
    io.out(`\nRules no fixture fires (${rules.length}):`);
    for (const r of rules) io.out(`  ${r.id}  ${r.source.file}:${r.source.line}`);
    io.out(`Concepts no fixture mentions (${concepts.length}):`);
    for (const c of concepts) io.out(`  ${c.id}  ${c.source.file}:${c.source.line}`);
  }
  return failed - known > 0 ? 1 : 0;
}

/** A path as the user would type it: relative to the working folder when it lies inside it. */
function shown(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : dir;
}

function samePlace(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * Without --rules, lint checks the built-in rules as every other command uses them: the rules folder
 * shipped in the package, which the built-in rules are built from.
 */
async function cmdLint(values: Values, io: Io): Promise<number> {
  let dir = values.rules;
  let name: string;
  if (dir === undefined) {
    const builtin = builtinRulesDir();
    if (!builtin) throw new CliError('inquiry-router: the folder of the built-in rules is not in this installation; name a folder with --rules DIR');
    dir = shown(builtin);
    name = `the built-in rules (${dir})`;
    if (existsSync('rules') && !samePlace('rules', builtin)) io.err('inquiry-router: ./rules is not checked without --rules; to check it: inquiry-router lint --rules rules');
  } else name = dir;
  const { issues, unreadable } = await lintRules(dir);
  // a folder that cannot be read is a rule-loading error (exit 2), reported as the other commands do
  if (unreadable) throw new RuleLoadError(issues);
  for (const i of issues) io.out(values.json ? JSON.stringify(i) : formatIssue(i));
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  io.out(values.json ? '' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${name}`);
  return errors ? 1 : 0;
}

async function cmdExplain(args: string[], values: Values, io: Io): Promise<number> {
  if (!args.length) {
    io.err('explain needs the text of an inquiry (or an .eml file)');
    return 2;
  }
  const router = await routerFor(values.rules);
  const arg = args.join(' ');
  const input = args.length === 1 && /\.eml$/i.test(arg) ? await readEml(arg) : arg;
  io.out(explainText(router.rules, input));
  return 0;
}

/**
 * `eval FILE --rules DIR --compare BEFORE`: the evaluation of the rules (--rules, or the built-in ones)
 * and, with --compare, what moves from the rules before the change (--compare) to them.
 */
async function cmdEval(args: string[], values: Values, io: Io): Promise<number> {
  const { evaluate, formatEvaluation, compareRouters, formatComparison } = await import('./eval');
  if (!args.length) {
    io.err('eval needs a file of labelled inquiries (.jsonl or .yaml)');
    return 2;
  }
  // both rule sets load before any output: a --compare folder that fails leaves no half a report
  const router = await routerFor(values.rules);
  const before = values.compare !== undefined ? await routerFor(values.compare) : undefined;
  const fixtures = await loadFixtures(args);
  const inputs = await Promise.all(fixtures.map(inputOf));
  const progress = process.stderr.isTTY && fixtures.length > 200;
  const report = evaluate(router, fixtures, inputs, progress ? (done) => process.stderr.write(`\r${done}/${fixtures.length}`) : undefined);
  if (progress) process.stderr.write('\n');
  const comparison = before ? compareRouters(before, router, fixtures, inputs, values.compare!, values.rules ?? 'the built-in rules') : undefined;
  if (values.json) io.out(JSON.stringify(comparison ? { ...report, compare: comparison } : report));
  else io.out(formatEvaluation(report) + (comparison ? '\n\n' + formatComparison(comparison) : ''));
  return 0;
}

interface Values {
  rules?: string;
  compare?: string;
  json?: boolean;
  table?: boolean;
  coverage?: boolean;
  workers?: string;
  full?: boolean;
  help?: boolean;
}

export async function main(
  argv: string[],
  io: Io = { out: (s) => console.log(s), err: (s) => console.error(s), raw: (s) => process.stdout.write(s) },
  stdin: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
  /** The CLI script itself, for worker threads (`--workers`). */
  script?: URL,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        rules: { type: 'string' },
        compare: { type: 'string' },
        json: { type: 'boolean' },
        table: { type: 'boolean' },
        coverage: { type: 'boolean' },
        workers: { type: 'string' },
        full: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...args] = parsed.positionals;
  const values = parsed.values as Values;
  if (values.help || !command) {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  try {
    switch (command) {
      case 'classify':
        return await cmdClassify(args, values, io, stdin, script);
      case 'test':
        return await cmdTest(args, values, io);
      case 'lint':
        return await cmdLint(values, io);
      case 'explain':
        return await cmdExplain(args, values, io);
      case 'eval':
        return await cmdEval(args, values, io);
      default:
        io.err(`unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    reportError(e, io.err);
    return 2;
  }
}

/** An error as the command line reports it: one line each (file and line where known), never a stack trace. */
export function reportError(e: unknown, err: (s: string) => void): void {
  if (e instanceof RuleLoadError) {
    // a folder that cannot be read (also from --workers): its reason, not the consequences
    for (const i of folderProblems(e.issues).issues) err(formatIssue(i));
    return;
  }
  if (e instanceof CliError) {
    for (const line of e.message.split('\n')) err(line);
    return;
  }
  const file = (e as NodeJS.ErrnoException | undefined)?.path;
  const reason = fsReason(e);
  if (reason && file) {
    err(`inquiry-router: cannot read ${file}: ${reason}`);
    return;
  }
  if (isInquiryRouterError(e)) {
    err(`${e.code}: ${e.message}`);
    return;
  }
  const message = e instanceof Error ? e.message : String(e);
  err(`inquiry-router: ${message.split('\n')[0]}`);
}
