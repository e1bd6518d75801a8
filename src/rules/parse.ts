/**
 * Parses rule-file sources (YAML text) into one validated rule set, collecting every problem with its
 * file, line and column. Pure: no file system. `load.ts` reads folders; the build embeds the defaults.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
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

export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface RuleSource {
  /** A name for messages, e.g. "rules/routing.yaml". */
  readonly file: string;
  readonly text: string;
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
      const p = pf.lc.linePos(node.range[0]);
      return { line: p.line, column: p.col };
    }
  }
  return { line: 1, column: 1 };
}

function zodIssueCode(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'UNKNOWN_KEY';
    case 'invalid_type':
      return issue.input === undefined ? 'MISSING_FIELD' : 'INVALID_TYPE';
    case 'invalid_value':
      return 'INVALID_VALUE';
    case 'invalid_format':
      return 'INVALID_FORMAT';
    case 'too_small':
    case 'too_big':
      return 'OUT_OF_RANGE';
    default:
      return 'INVALID_RULE';
  }
}

function zodMessage(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys') return `${where}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}"${String(issue.path[issue.path.length - 1] ?? '')}" is required`;
  if (issue.code === 'invalid_value' && 'values' in issue) return `${where}must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where}${issue.message}`;
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

function parseFile(src: RuleSource, issues: RuleIssue[], salvaged: Set<string>): ParsedFile | undefined {
  const { file, text } = src;
  if (text.length > MAX_FILE_BYTES) {
    issues.push({ code: 'FILE_TOO_LARGE', severity: 'error', file, line: 1, column: 1, message: `the file has ${text.length} characters; rule files are limited to ${MAX_FILE_BYTES}` });
    return undefined;
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const p = lc.linePos(err.pos[0]);
      issues.push({ code: 'YAML_SYNTAX', severity: 'error', file, line: p.line, column: p.col, message: err.message.split('\n')[0]! });
    }
    return undefined;
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    issues.push({ code: 'ALIAS_LIMIT', severity: 'error', file, line: 1, column: 1, message: `YAML aliases expand too far (${(e as Error).message})` });
    return undefined;
  }
  if (raw === null || raw === undefined) return { file, doc, lc, data: {} };
  const parsed = ruleSchemas().ruleFileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      const pos = position({ doc, lc }, path);
      issues.push({ code: zodIssueCode(issue), severity: 'error', file, ...pos, path: issue.path as Array<string | number>, message: zodMessage(issue) });
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
export function parseRuleSources(sources: readonly RuleSource[]): { ruleSet: RuleSet | undefined; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const files: ParsedFile[] = [];
  // Files that fail to parse are reported and left out; the others are still checked, so one run shows
  // every problem. Ids the failed files seem to define keep references to them from being reported.
  const salvaged = new Set<string>();
  for (const src of sources) {
    const pf = parseFile(src, issues, salvaged);
    if (pf) files.push(pf);
  }
  const someFailed = files.length < sources.length;
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
        if (salvaged.has(`concept:${conceptId}`)) continue;
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
    if (set.has(value) || salvaged.has(`${kind}:${value}`)) return;
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
      if (c.concept !== undefined && !conceptById.has(c.concept) && !salvaged.has(`concept:${c.concept}`)) {
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
  if (someFailed) return { ruleSet: undefined, issues }; // the checks below need every file
  if (priorities.length === 0) issues.push({ code: 'NO_PRIORITIES', severity: 'error', message: 'no priorities are defined (a "priorities:" list, lowest first)' });
  if (categories.length === 0) issues.push({ code: 'NO_CATEGORIES', severity: 'error', message: 'no categories are defined' });
  if (!config.fallback) issues.push({ code: 'MISSING_FALLBACK', severity: 'error', ...(configFile ? at(configFile, ['config']) : {}), message: 'config.fallback (the category for inquiries no rule matches) is required' });

  if (issues.some((i) => i.severity === 'error')) return { ruleSet: undefined, issues };
  return { ruleSet: { config, priorities, teams, categories, concepts, rules, termSources }, issues };
}
