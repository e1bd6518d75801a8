/**
 * Parses rule-file sources (YAML text) into one validated rule set, collecting every problem with its
 * file, line and column. Pure: no file system. `load.ts` reads folders; the build embeds the defaults.
 */
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import type { RuleIssue } from '../errors';
import { checkEntityFormat, checkPattern } from './safe-pattern';
import {
  ruleSchemas,
  type Category,
  type Concept,
  type ConditionInput,
  type Config,
  type Priority,
  type Rule,
  type RuleFile,
  type Team,
} from './schema';
import { LANGUAGES, type Language } from '../languages';
import { compileCalendar } from '../sla';

export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface RuleSource {
  /** A name for messages, e.g. "rules/routing.yaml". */
  readonly file: string;
  readonly text: string;
  /**
   * Set when the file could not be read as it is (not UTF-8, too large, unreadable): the parser reports this
   * issue and leaves the file out; `text` is whatever could be read (ids are salvaged from it), maybe ''.
   */
  readonly problem?: RuleIssue | undefined;
}

export type Located<T> = T & { readonly source: SourceRef };

/** All rule files merged: what the compiler turns into matchers. Plain data (JSON-serialisable). */
export interface RuleSet {
  readonly config: Config;
  readonly priorities: ReadonlyArray<Located<Priority>>;
  readonly teams: ReadonlyArray<Located<Team>>;
  readonly categories: ReadonlyArray<Located<Category>>;
  readonly concepts: ReadonlyArray<Located<Concept> & { readonly terms: Partial<Record<Language, string[]>> }>;
  readonly rules: ReadonlyArray<Located<Rule>>;
  /** Where each concept's terms of a language were defined (for lint). */
  readonly termSources: ReadonlyArray<{ concept: string; language: Language; term: string; source: SourceRef }>;
}

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_ALIASES = 100;

interface ParsedFile {
  file: string;
  doc: Document.Parsed;
  lc: LineCounter;
  data: RuleFile;
}

function position(pf: { doc: Document.Parsed; lc: LineCounter }, path: ReadonlyArray<PropertyKey>): { line: number; column: number } {
  // Walk down as far as the path exists; point at the key when the value is missing.
  for (let n = path.length; n >= 0; n--) {
    const node = pf.doc.getIn(path.slice(0, n) as Array<string | number>, true);
    if (isNode(node) && node.range) {
      // An empty value ("rules:" with nothing after it) is a zero-width node after the colon: point at its key.
      if (n > 0 && isScalar(node) && node.value === null && node.range[0] === node.range[1]) {
        const parent = pf.doc.getIn(path.slice(0, n - 1) as Array<string | number>, true);
        const pair = isMap(parent) ? parent.items.find((it) => isScalar(it.key) && it.value === node) : undefined;
        if (pair && isScalar(pair.key) && pair.key.range) {
          const k = pf.lc.linePos(pair.key.range[0]);
          return { line: k.line, column: k.col };
        }
      }
      const p = pf.lc.linePos(node.range[0]);
      return { line: p.line, column: p.col };
    }
  }
  return { line: 1, column: 1 };
}

/** A schema problem, after unions are resolved to the alternative the author meant. */
interface SchemaIssue {
  readonly code: string;
  /** Full path inside the document; `at` is where to point (the unknown key itself for UNKNOWN_KEY). */
  readonly path: Array<string | number>;
  readonly at: Array<string | number>;
  readonly message: string;
}

const depth = (branch: readonly z.core.$ZodIssue[]): number => Math.max(0, ...branch.map((i) => i.path.length));
const isShapeMismatch = (i: z.core.$ZodIssue): boolean => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value');

/**
 * Zod issues as rule issues. A union (`when:` is a condition or a list; `language:` a code or a list) fails as a
 * whole with "Invalid input"; the alternative that got furthest into the value is the one the author meant, so
 * its own issues are reported, at their own keys. Alternatives that all fail at the top merge into one message.
 */
function schemaIssues(issues: readonly z.core.$ZodIssue[], prefix: Array<string | number>, out: SchemaIssue[]): SchemaIssue[] {
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as Array<string | number>)];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors;
      const deepest = Math.max(...branches.map(depth));
      if (deepest > 0) {
        schemaIssues(branches.find((b) => depth(b) === deepest)!, path, out);
        continue;
      }
      const specific = branches.find((b) => b.some((i) => !isShapeMismatch(i)));
      if (specific) {
        schemaIssues(specific, path, out);
        continue;
      }
      const all = branches.flat();
      const values = all.flatMap((i) => (i.code === 'invalid_value' ? i.values : []));
      const expected = all.flatMap((i) => (i.code === 'invalid_type' ? [i.expected as string] : []));
      const input = issue.input;
      const scalarInput = typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean';
      if (values.length > 0 && (scalarInput || expected.length === 0)) out.push(valueIssue(path, values, input));
      else out.push(typeIssue(path, expected, input));
      continue;
    }
    if (issue.code === 'invalid_key' && issue.issues.length > 0) {
      schemaIssues(issue.issues, path, out); // the path ends with the key
      continue;
    }
    if (issue.code === 'invalid_type') {
      out.push(typeIssue(path, [issue.expected], issue.input));
      continue;
    }
    if (issue.code === 'invalid_value') {
      out.push(valueIssue(path, issue.values, issue.input));
      continue;
    }
    const where = path.length ? `${path.join('.')}: ` : '';
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      out.push({ code: 'UNKNOWN_KEY', path, at: [...path, issue.keys[0]!], message: `${where}unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}` });
      continue;
    }
    const code = issue.code === 'invalid_format' ? 'INVALID_FORMAT' : issue.code === 'too_small' || issue.code === 'too_big' ? 'OUT_OF_RANGE' : 'INVALID_RULE';
    out.push({ code, path, at: path, message: `${where}${issue.message}` });
  }
  return out;
}

/** How a message names the value at a path: `"weight"`, `item 1 of "damaged"`, `the file`. */
function subject(path: ReadonlyArray<string | number>): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the file';
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return `item ${last + 1} of ${parent === undefined ? 'the list' : `"${parent}"`}`;
  }
  return `"${last}"`;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  map: 'a mapping (key: value)',
};

/** A value as a message shows it: `the string "high"`, `the number 42`, `true`, `a list`. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return typeof value;
}

/** A value of the wrong type. Only a key that is really absent is MISSING_FIELD; an empty one (null) is WRONG_TYPE. */
function typeIssue(path: Array<string | number>, expectedTypes: readonly string[], input: unknown): SchemaIssue {
  const where = path.length ? `${path.join('.')}: ` : '';
  const name = subject(path);
  if (input === undefined) return { code: 'MISSING_FIELD', path, at: path, message: `${where}${name} is required` };
  const kinds = [...new Set(expectedTypes.filter((t) => t !== 'null').map((t) => EXPECTED[t] ?? `a ${t}`))];
  const expected = kinds.length ? kinds.join(' or ') : 'something else';
  if (input === null) {
    const hint = expectedTypes.includes('array') ? ' (are its entries commented out?)' : '';
    return { code: 'WRONG_TYPE', path, at: path, message: `${where}${name} is empty: it must be ${expected}${hint}` };
  }
  let hint = '';
  const only = expectedTypes.length === 1 ? expectedTypes[0] : undefined;
  if ((only === 'number' || only === 'int') && typeof input === 'string' && input.trim() !== '' && Number.isFinite(Number(input))) hint = ` (remove the quotes: ${input.trim()})`;
  else if (only === 'boolean' && typeof input === 'string') hint = /^(true|false)$/i.test(input.trim()) ? ' (remove the quotes)' : ' (write true or false)';
  else if (only === 'string' && (typeof input === 'number' || typeof input === 'boolean')) hint = ` (put it in quotes: "${String(input)}")`;
  else if (only === 'array' && (typeof input === 'string' || typeof input === 'number')) hint = ` (a list of one is written [${String(input)}])`;
  return { code: 'WRONG_TYPE', path, at: path, message: `${where}${name} must be ${expected}, not ${shown(input)}${hint}` };
}

/** Keys whose allowed values are kinds of a thing ("unknown signal"), not just options. */
const NAMED_VALUES = new Set(['signal', 'entity', 'language']);

/** A value that is not one of the allowed ones: name it, list the known ones, suggest the closest. */
function valueIssue(path: Array<string | number>, values: readonly unknown[], input: unknown): SchemaIssue {
  const where = path.length ? `${path.join('.')}: ` : '';
  const known = [...new Set(values.map((v) => String(v)))];
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (input === undefined) return { code: 'MISSING_FIELD', path, at: path, message: `${where}${subject(path)} is required (one of ${known.join(', ')})` };
  const value = typeof input === 'string' ? JSON.stringify(input) : shown(input);
  const what = key === undefined ? `value ${value}` : NAMED_VALUES.has(key) ? `${key} ${value}` : `value ${value} for "${key}"`;
  const guess = typeof input === 'string' ? closest(input, known) : undefined;
  return { code: 'INVALID_VALUE', path, at: path, message: `${where}unknown ${what}${guess ? `, did you mean "${guess}"?` : ''} (known: ${known.join(', ')})` };
}

/** The known value the input most likely meant: the one it is the start (or a longer form) of, or one a typo or two away. */
function closest(input: string, known: readonly string[]): string | undefined {
  const a = input.toLowerCase();
  if (a.length < 2) return undefined;
  const prefixed = known.filter((k) => a.length >= 3 && (k.toLowerCase().startsWith(a) || a.startsWith(k.toLowerCase())));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(a.length / 4)) + 1;
  for (const k of known) {
    const d = editDistance(a, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** Problems with a whole file or folder (it could not be read or parsed), reported before the problems inside files. */
const FILE_LEVEL = new Set(['RULES_NOT_FOUND', 'TOO_MANY_FILES', 'READ_ERROR', 'PATH_ESCAPE', 'FILE_TOO_LARGE', 'ENCODING', 'YAML_SYNTAX', 'ALIAS_LIMIT']);

/** Issues in reporting order: whole-file problems (syntax errors, encoding …) first, then other errors, then warnings; otherwise as found. */
export function sortIssues(issues: readonly RuleIssue[]): RuleIssue[] {
  const rank = (i: RuleIssue) => (FILE_LEVEL.has(i.code) ? 0 : i.severity === 'error' ? 1 : 2);
  return issues
    .map((issue, n) => ({ issue, n }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.n - b.n)
    .map((x) => x.issue);
}

/**
 * Ids that a file which could not be parsed seems to define: every `id: x` in its text, as any kind (a broken
 * structure does not say which section it is in). They only keep references to them from being reported.
 */
function salvageIdsFromText(text: string, into: Set<string>): void {
  const re = /(?:^|[\s{,[])["']?id["']?[ \t]*:[ \t]*(["']?)([a-z0-9][a-z0-9_.-]*)\1/gm;
  for (const m of text.matchAll(re)) for (const kind of ['team', 'category', 'priority', 'concept']) into.add(`${kind}:${m[2]!}`);
}

/** Ids that a file which failed validation seems to define (`team:x`), so other files' references to them are not reported as unknown. */
function salvageIds(raw: unknown, into: Set<string>): void {
  if (raw === null || typeof raw !== 'object') return;
  const sections: Array<[string, string]> = [['teams', 'team'], ['categories', 'category'], ['priorities', 'priority'], ['concepts', 'concept']];
  for (const [section, kind] of sections) {
    const list = (raw as Record<string, unknown>)[section];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const id = item && typeof item === 'object' ? (item as Record<string, unknown>).id : undefined;
      if (typeof id === 'string') into.add(`${kind}:${id}`);
    }
  }
}

interface Salvage {
  /** `kind:id` that files left out seem to define. */
  readonly ids: Set<string>;
  /** Set when a file was left out whose text is unknown, so any id may have been defined there. */
  blind: boolean;
}

function parseFile(src: RuleSource, issues: RuleIssue[], salvage: Salvage): ParsedFile | undefined {
  const { file, text } = src;
  const salvaged = salvage.ids;
  if (src.problem) {
    issues.push({ ...src.problem, file: src.problem.file ?? file });
    if (text) salvageIdsFromText(text, salvaged);
    else salvage.blind = true;
    return undefined;
  }
  if (text.length > MAX_FILE_BYTES) {
    salvage.blind = true;
    issues.push({ code: 'FILE_TOO_LARGE', severity: 'error', file, line: 1, column: 1, message: `the file has ${text.length} characters; rule files are limited to ${MAX_FILE_BYTES}` });
    return undefined;
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    // After a syntax slip the parser is lost: the errors after the first mostly follow from it (one tab in a
    // list gives dozens). Report the first, and how many more there are.
    const first = doc.errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
    const p = lc.linePos(first.pos[0]);
    const more = doc.errors.length - 1;
    const note = more > 0 ? ` (and ${more} more syntax error${more === 1 ? '' : 's'} after it, which may follow from this one)` : '';
    issues.push({ code: 'YAML_SYNTAX', severity: 'error', file, line: p.line, column: p.col, message: first.message.split('\n')[0]! + note });
    salvageIdsFromText(text, salvaged);
    return undefined;
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    issues.push({ code: 'ALIAS_LIMIT', severity: 'error', file, line: 1, column: 1, message: `YAML aliases expand too far (${(e as Error).message})` });
    salvageIdsFromText(text, salvaged);
    return undefined;
  }
  if (raw === null || raw === undefined) return { file, doc, lc, data: {} };
  // reportInput: the value given, so that a wrong type is told apart from a missing key
  const parsed = ruleSchemas().ruleFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of schemaIssues(parsed.error.issues, [], [])) {
      const pos = position({ doc, lc }, issue.at);
      issues.push({ code: issue.code, severity: 'error', file, ...pos, path: issue.path, message: issue.message });
    }
    salvageIds(raw, salvaged);
    return undefined;
  }
  return { file, doc, lc, data: parsed.data };
}

function* walkConditions(c: ConditionInput, path: Array<string | number>): Generator<[ConditionInput, Array<string | number>]> {
  yield [c, path];
  if (c.all) for (let i = 0; i < c.all.length; i++) yield* walkConditions(c.all[i]!, [...path, 'all', i]);
  if (c.any) for (let i = 0; i < c.any.length; i++) yield* walkConditions(c.any[i]!, [...path, 'any', i]);
  if (c.not) yield* walkConditions(c.not, [...path, 'not']);
}

/** The conditions of a rule, each with its path inside the rule. */
export function ruleConditions(rule: Rule): Array<[ConditionInput, Array<string | number>]> {
  const out: Array<[ConditionInput, Array<string | number>]> = [];
  const roots = Array.isArray(rule.when) ? rule.when.map((c, i) => [c, ['when', i]] as const) : [[rule.when, ['when']] as const];
  for (const [c, p] of roots) for (const x of walkConditions(c, [...p])) out.push(x);
  return out;
}

/**
 * Parses and validates rule sources into one rule set. Returns the rule set only when there is no error;
 * `issues` always lists every problem found (errors and warnings).
 */
export function parseRuleSources(
  sources: readonly RuleSource[],
  options: {
    /** Some rule files could not be read at all (reported by the caller): any id may be defined there. */
    incomplete?: boolean;
  } = {},
): { ruleSet: RuleSet | undefined; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const files: ParsedFile[] = [];
  // Files that fail to parse are reported and left out; the others are still checked, so one run shows
  // every problem. Ids the failed files seem to define keep references to them from being reported.
  const salvage: Salvage = { ids: new Set<string>(), blind: options.incomplete === true };
  for (const src of sources) {
    const pf = parseFile(src, issues, salvage);
    if (pf) files.push(pf);
  }
  /** Whether an id may be defined in a file that was left out, so a reference to it is not reported as unknown. */
  const maybeDefined = (kind: string, id: string) => salvage.blind || salvage.ids.has(`${kind}:${id}`);
  const someFailed = files.length < sources.length || options.incomplete === true;
  if (sources.length === 0) issues.push({ code: 'NO_RULE_FILES', severity: 'error', message: 'no rule files (*.yaml, *.yml) were found' });

  const at = (pf: ParsedFile, path: Array<string | number>): SourceRef => ({ file: pf.file, ...position(pf, path) });
  const err = (pf: ParsedFile, path: Array<string | number>, code: string, message: string, severity: 'error' | 'warning' = 'error') =>
    issues.push({ code, severity, ...at(pf, path), path, message });

  let config: Config = {};
  let configFile: ParsedFile | undefined;
  const priorities: Array<Located<Priority>> = [];
  const teams: Array<Located<Team>> = [];
  const categories: Array<Located<Category>> = [];
  const concepts: Array<Located<Concept> & { terms: Partial<Record<Language, string[]>> }> = [];
  const rules: Array<Located<Rule>> = [];
  const termSources: Array<{ concept: string; language: Language; term: string; source: SourceRef }> = [];
  const seen = new Map<string, SourceRef>();
  const unique = (kind: string, code: string, id: string, pf: ParsedFile, path: Array<string | number>): boolean => {
    const key = `${kind}:${id}`;
    const prev = seen.get(key);
    if (prev) {
      err(pf, path, code, `${kind} "${id}" is defined twice (first at ${prev.file}:${prev.line})`);
      return false;
    }
    seen.set(key, at(pf, path));
    return true;
  };

  for (const pf of files) {
    const d = pf.data;
    if (d.config) {
      if (configFile) err(pf, ['config'], 'DUPLICATE_CONFIG', `config is already set in ${configFile.file}; keep one config section`);
      else {
        config = d.config;
        configFile = pf;
      }
    }
    d.priorities?.forEach((p, i) => unique('priority', 'DUPLICATE_PRIORITY_ID', p.id, pf, ['priorities', i, 'id']) && priorities.push({ ...p, source: at(pf, ['priorities', i]) }));
    d.teams?.forEach((t, i) => unique('team', 'DUPLICATE_TEAM_ID', t.id, pf, ['teams', i, 'id']) && teams.push({ ...t, source: at(pf, ['teams', i]) }));
    d.categories?.forEach((c, i) => unique('category', 'DUPLICATE_CATEGORY_ID', c.id, pf, ['categories', i, 'id']) && categories.push({ ...c, source: at(pf, ['categories', i]) }));
    d.concepts?.forEach((c, i) => {
      if (!unique('concept', 'DUPLICATE_CONCEPT_ID', c.id, pf, ['concepts', i, 'id'])) return;
      const terms: Partial<Record<Language, string[]>> = {};
      for (const lang of LANGUAGES) {
        const list = c.terms?.[lang];
        if (list) {
          terms[lang] = [...list];
          list.forEach((term, j) => termSources.push({ concept: c.id, language: lang, term, source: at(pf, ['concepts', i, 'terms', lang, j]) }));
        }
      }
      concepts.push({ ...c, terms, source: at(pf, ['concepts', i]) });
    });
    d.rules?.forEach((r, i) => unique('rule', 'DUPLICATE_RULE_ID', r.id, pf, ['rules', i, 'id']) && rules.push({ ...r, source: at(pf, ['rules', i]) }));
  }
  // Lexicon files add terms to concepts defined anywhere.
  const conceptById = new Map(concepts.map((c) => [c.id, c]));
  for (const pf of files) {
    const lex = pf.data.lexicon;
    if (!lex) continue;
    for (const [conceptId, list] of Object.entries(lex.terms)) {
      const concept = conceptById.get(conceptId);
      if (!concept) {
        if (maybeDefined('concept', conceptId)) continue;
        err(pf, ['lexicon', 'terms', conceptId], 'UNKNOWN_CONCEPT', `terms for concept "${conceptId}", which no concepts section defines`);
        continue;
      }
      const existing = concept.terms[lex.language] ?? [];
      concept.terms[lex.language] = [...existing, ...list];
      list.forEach((term, j) => termSources.push({ concept: conceptId, language: lex.language, term, source: at(pf, ['lexicon', 'terms', conceptId, j]) }));
    }
  }

  // References.
  const ids = (xs: ReadonlyArray<{ id: string }>) => new Set(xs.map((x) => x.id));
  const teamIds = ids(teams);
  const categoryIds = ids(categories);
  const priorityIds = ids(priorities);
  const refCheck = (pf: ParsedFile | undefined, path: Array<string | number>, kind: 'team' | 'category' | 'priority', value: string | undefined, source?: SourceRef) => {
    if (value === undefined) return;
    const set = kind === 'team' ? teamIds : kind === 'category' ? categoryIds : priorityIds;
    if (set.has(value) || maybeDefined(kind, value)) return;
    const known = [...set].join(', ') || 'none defined';
    const message = `unknown ${kind} "${value}" (known: ${known})`;
    const code = `UNKNOWN_${kind.toUpperCase()}`;
    if (pf) err(pf, path, code, message);
    else issues.push({ code, severity: 'error', ...(source ?? {}), path, message });
  };
  const fileOf = (s: SourceRef) => files.find((f) => f.file === s.file);
  for (const c of categories) {
    const pf = fileOf(c.source);
    const i = pf?.data.categories?.findIndex((x) => x.id === c.id) ?? 0;
    refCheck(pf, ['categories', i, 'team'], 'team', c.team);
    refCheck(pf, ['categories', i, 'priority'], 'priority', c.priority);
  }
  for (const t of teams) {
    const pf = fileOf(t.source);
    const i = pf?.data.teams?.findIndex((x) => x.id === t.id) ?? 0;
    refCheck(pf, ['teams', i, 'overflow'], 'team', t.overflow);
  }
  if (configFile) {
    refCheck(configFile, ['config', 'fallback', 'category'], 'category', config.fallback?.category);
    refCheck(configFile, ['config', 'fallback', 'team'], 'team', config.fallback?.team);
    refCheck(configFile, ['config', 'fallback', 'priority'], 'priority', config.fallback?.priority);
    refCheck(configFile, ['config', 'defaultPriority'], 'priority', config.defaultPriority);
  }
  // Every rule of every file, duplicates included, so one load reports all their problems.
  for (const pf of files) pf.data.rules?.forEach((r, i) => {
    refCheck(pf, ['rules', i, 'then', 'category'], 'category', r.then.category);
    refCheck(pf, ['rules', i, 'then', 'team'], 'team', r.then.team);
    refCheck(pf, ['rules', i, 'then', 'priority'], 'priority', r.then.priority);
    for (const [c, p] of ruleConditions(r)) {
      const path = ['rules', i, ...p];
      if (c.concept !== undefined && !conceptById.has(c.concept) && !maybeDefined('concept', c.concept)) {
        err(pf, [...path, 'concept'], 'UNKNOWN_CONCEPT', `unknown concept "${c.concept}"`);
      }
      if (c.pattern !== undefined) {
        const problem = checkPattern(c.pattern, c.flags);
        if (problem) err(pf, [...path, 'pattern'], problem.code, problem.message);
      }
      if (c.matches !== undefined) {
        const problem = checkPattern(c.matches, 'i');
        if (problem) err(pf, [...path, 'matches'], problem.code, problem.message);
      }
      const fieldKeys = ['equals', 'oneOf', 'matches', 'exists', 'gte', 'lte'] as const;
      if (c.field === undefined && fieldKeys.some((k) => c[k] !== undefined)) {
        err(pf, path, 'MISPLACED_KEY', `${fieldKeys.filter((k) => c[k] !== undefined).join(', ')} only go with "field"`);
      }
      if (c.field !== undefined && !fieldKeys.some((k) => c[k] !== undefined)) {
        err(pf, path, 'INCOMPLETE_CONDITION', `field "${c.field}" needs one of equals, oneOf, matches, exists, gte, lte`);
      }
      if ((c.negated !== undefined || c.in !== undefined) && c.concept === undefined && c.phrase === undefined) {
        err(pf, path, 'MISPLACED_KEY', '"negated" and "in" only go with "concept" or "phrase"');
      }
      if (c.flags !== undefined && c.pattern === undefined) err(pf, path, 'MISPLACED_KEY', '"flags" only goes with "pattern"');
      if (c.min !== undefined && c.concept === undefined && c.entity === undefined) err(pf, path, 'MISPLACED_KEY', '"min" only goes with "concept" or "entity"');
    }
  });
  const entityPatterns = (config.entities ?? {}) as Record<string, unknown>;
  for (const section of ['orderNumbers', 'caseNumbers']) {
    const pats = (entityPatterns[section] as { patterns?: Array<{ pattern?: string; flags?: string }> } | undefined)?.patterns;
    pats?.forEach((p, i) => {
      if (typeof p.pattern !== 'string' || !configFile) return;
      const problem = checkEntityFormat(p.pattern, p.flags);
      if (problem) err(configFile, ['config', 'entities', section, 'patterns', i, 'pattern'], problem.code, problem.message);
    });
  }
  // The calendar is compiled lazily (only SLA due times need it), and SLA computations swallow their errors:
  // compile it here too, so that a calendar that cannot work is a load error, not due times that disappear.
  if (configFile && config.calendar !== undefined) {
    try {
      compileCalendar(config.calendar);
    } catch (e) {
      // the code of the calendar's other mistakes (schema refinements, e.g. "8-17")
      const message = (e as Error).message.replace(/^Invalid calendar configuration:\s*/, '').split('\n').join(' ');
      err(configFile, ['config', 'calendar'], 'INVALID_RULE', `config.calendar: ${message}`);
    }
  }
  if (someFailed) return { ruleSet: undefined, issues: sortIssues(issues) }; // the checks below need every file
  if (priorities.length === 0) issues.push({ code: 'NO_PRIORITIES', severity: 'error', message: 'no priorities are defined (a "priorities:" list, lowest first)' });
  if (categories.length === 0) issues.push({ code: 'NO_CATEGORIES', severity: 'error', message: 'no categories are defined' });
  if (!config.fallback) issues.push({ code: 'MISSING_FALLBACK', severity: 'error', ...(configFile ? at(configFile, ['config']) : {}), message: 'config.fallback (the category for inquiries no rule matches) is required' });

  if (issues.some((i) => i.severity === 'error')) return { ruleSet: undefined, issues: sortIssues(issues) };
  return { ruleSet: { config, priorities, teams, categories, concepts, rules, termSources }, issues: sortIssues(issues) };
}
