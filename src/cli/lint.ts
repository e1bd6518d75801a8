/**
 * `inquiry-router lint`: every problem in a rules folder at once — schema errors, unknown references,
 * unsafe patterns — plus checks that need the whole rule set: concepts missing a language, a term two
 * concepts claim after stemming, rules that can never win, double negations, unused concepts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleIssue } from '../errors';
import { LANGUAGES, type Language } from '../languages';
import { wordKey } from '../lexicon/compile';
import { readRuleSources } from '../rules/load';
import { parseRuleSources, sortIssues as rankIssues, type RuleSet } from '../rules/parse';
import type { ConditionInput, Rule } from '../rules/schema';
import { normalize } from '../text/normalize';
import { folderProblems } from './inputs';

/**
 * Every problem of a rules folder. `unreadable`: no rule file could be read at all (no such folder, too
 * many files, none in it); then `issues` holds only why, not what follows from having no rules.
 */
export async function lintRules(dir: string): Promise<{ issues: RuleIssue[]; ruleSet: RuleSet | undefined; unreadable: boolean }> {
  const { sources, issues: readIssues } = await readRuleSources(dir);
  // a file that could not be read at all may define any id: references are then not reported as unknown
  const { ruleSet, issues } = parseRuleSources(sources, { incomplete: readIssues.some((i) => i.severity === 'error') });
  const all = [...readIssues, ...issues];
  if (sources.length === 0) {
    const folder = folderProblems(all, dir);
    if (folder.unreadable) return { issues: sortIssues(folder.issues), ruleSet: undefined, unreadable: true };
  }
  if (ruleSet) all.push(...semanticChecks(ruleSet));
  return { issues: sortIssues(all), ruleSet, unreadable: false };
}

/**
 * The rules folder shipped in the package (beside dist/ and src/), which the built-in rules are built
 * from; undefined when the installation has none.
 */
export function builtinRulesDir(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === 'inquiry-router') {
        const rules = path.join(dir, 'rules');
        return existsSync(rules) ? rules : undefined;
      }
    } catch {
      // no package.json here: look further up
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** By file and line, after the problems that stop a whole file (a syntax slip first), errors before warnings. */
function sortIssues(issues: RuleIssue[]): RuleIssue[] {
  return rankIssues([...issues].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
}

/** The leaves of a rule's condition when it is a plain conjunction; undefined when it has any/not. */
function conjunctionLeaves(rule: Rule): Set<string> | undefined {
  const out = new Set<string>();
  const visit = (c: ConditionInput): boolean => {
    if (c.all) return c.all.every(visit);
    if (c.any || c.not) {
      out.add(JSON.stringify(c));
      return true;
    }
    out.add(JSON.stringify(c));
    return true;
  };
  const roots = Array.isArray(rule.when) ? rule.when : [rule.when];
  return roots.every(visit) ? out : undefined;
}

export function semanticChecks(ruleSet: RuleSet): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const at = (s: { file: string; line: number; column: number }) => ({ file: s.file, line: s.line, column: s.column });

  for (const c of ruleSet.concepts) {
    const missing = LANGUAGES.filter((l) => !(c.terms[l]?.length));
    if (missing.length) issues.push({ code: 'MISSING_LANGUAGE', severity: 'warning', ...at(c.source), message: `concept "${c.id}" has no terms in ${missing.join(', ')}` });
  }

  // A term two concepts claim after stemming.
  const claims = new Map<string, { concept: string; term: string; source: { file: string; line: number; column: number } }>();
  for (const t of ruleSet.termSources) {
    if (t.term.startsWith('=')) continue;
    const text = normalize(t.term).text.trim();
    const key = `${t.language}:${text.split(/\s+/).map((w) => wordKey(w, t.language as Language)).join(' ')}`;
    const prev = claims.get(key);
    if (prev && prev.concept !== t.concept) {
      issues.push({ code: 'SHARED_TERM', severity: 'warning', ...at(t.source), message: `"${t.term}" (${t.language}) of concept "${t.concept}" is the same after stemming as "${prev.term}" of concept "${prev.concept}" (${prev.source.file}:${prev.source.line})` });
    } else if (!prev) claims.set(key, { concept: t.concept, term: t.term, source: t.source });
  }

  // Rules that can never win, and double negations.
  const rules = ruleSet.rules;
  const leaves = rules.map(conjunctionLeaves);
  rules.forEach((b, bi) => {
    const lb = leaves[bi];
    if (!lb || b.then.category === undefined) return;
    const wb = b.then.weight ?? 1;
    rules.forEach((a, ai) => {
      if (ai === bi || a.then.category === undefined) return;
      const la = leaves[ai];
      if (!la || la.size > lb.size || ![...la].every((x) => lb.has(x))) return;
      const wa = a.then.weight ?? 1;
      const stronger = wa > wb || (wa === wb && ai < bi);
      if (!stronger) return;
      const how = `rule "${a.id}" (${a.source.file}:${a.source.line}) fires whenever it does`;
      const weight = wa > wb ? 'a higher weight' : 'the same weight and an earlier place';
      if (a.then.category === b.then.category) {
        // the votes add up: the rule still counts, but it is never the one that decides
        if (la.size === lb.size) {
          issues.push({ code: 'SHADOWED_RULE', severity: 'warning', ...at(b.source), message: `rule "${b.id}" never decides the category: ${how}, for the same category, with ${weight} (it only adds its weight)` });
        }
        return;
      }
      // Another category: categories win by the sum of their rules' weights, so this rule's category
      // can still win with the help of another rule; only a lone voter can never win.
      if (rules.some((r, ri) => ri !== bi && r.then.category === b.then.category)) return;
      issues.push({
        code: 'SHADOWED_RULE',
        severity: 'warning',
        ...at(b.source),
        message: `rule "${b.id}" can never win: ${how}, for category "${a.then.category}", with ${weight}, and no other rule votes for "${b.then.category}"`,
      });
    });
  });
  for (const r of rules) {
    const check = (c: ConditionInput) => {
      // "not: { not: … }" says the same as the inner condition. ("not" of a negated concept is a
      // meaning of its own: the customer did not say "not urgent".)
      if (c.not?.not) issues.push({ code: 'DOUBLE_NEGATION', severity: 'warning', ...at(r.source), message: `rule "${r.id}" has a double negation ("not" of "not"); say it positively` });
      c.all?.forEach(check);
      c.any?.forEach(check);
      if (c.not) check(c.not);
    };
    (Array.isArray(r.when) ? r.when : [r.when]).forEach(check);
  }

  // Rules' examples: what they expect must exist, and they need a text to run on.
  const known = {
    category: new Set(ruleSet.categories.map((c) => c.id)),
    team: new Set(ruleSet.teams.map((t) => t.id)),
    priority: new Set(ruleSet.priorities.map((p) => p.id)),
    language: new Set<string>([...LANGUAGES, 'und']),
  };
  for (const r of rules) {
    r.examples?.forEach((ex, i) => {
      const which = `rule "${r.id}", example ${i + 1}`;
      if (![ex.text, ex.subject, ex.body].some((t) => typeof t === 'string' && t.trim() !== '')) {
        issues.push({ code: 'EMPTY_EXAMPLE', severity: 'error', ...at(r.source), message: `${which} has no text (text, or subject and body)` });
      }
      for (const key of ['category', 'team', 'priority', 'language'] as const) {
        const value = ex.expect[key];
        if (value !== undefined && !known[key].has(value)) {
          issues.push({ code: `UNKNOWN_${key.toUpperCase()}`, severity: 'error', ...at(r.source), message: `${which} expects unknown ${key} "${value}" (known: ${[...known[key]].join(', ')})` });
        }
      }
    });
  }

  const used = new Set<string>();
  for (const r of rules) JSON.stringify(r.when, (k, v) => (k === 'concept' && typeof v === 'string' ? (used.add(v), v) : v));
  for (const c of ruleSet.concepts) if (!used.has(c.id)) issues.push({ code: 'UNUSED_CONCEPT', severity: 'warning', ...at(c.source), message: `concept "${c.id}" is used by no rule` });
  return issues;
}
