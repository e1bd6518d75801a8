/**
 * evaluate rules + decide: runs the rules that the inquiry's concepts can trigger (plus the rules that
 * need no concept), then picks the category by score, the base priority and team from the winning
 * category, and applies the modifier rules (escalation, team moves, tags) in rule order.
 */
import { isLanguage } from '../languages';
import type { CompiledRule, CompiledRules } from '../rules/compile';
import type { Decision, RuleMatch } from '../types';
import type { EvalContext } from './conditions';
import { sortInPlace } from '../arrays';

const ascending = (a: number, b: number): number => a - b;

export interface DecideResult {
  category: string;
  priority: string;
  team: string;
  tags: string[];
  matchedRules: RuleMatch[];
  trace: Decision;
}

/** The rules that fire, in rule order. */
export function firedRules(rules: CompiledRules, ctx: EvalContext): CompiledRule[] {
  const candidates: number[] = [...rules.alwaysRules];
  const add = (list: readonly number[] | undefined) => {
    if (list) for (const r of list) candidates.push(r);
  };
  for (const concept of ctx.hits.keys()) add(rules.rulesByConcept[concept]);
  for (const s of ctx.signals) add(rules.rulesBySignal.get(s));
  for (const key in ctx.entities) if ((ctx.entities[key as keyof typeof ctx.entities] as unknown[]).length > 0) add(rules.rulesByEntity.get(key));
  for (const key in ctx.input) {
    if (Object.prototype.hasOwnProperty.call(ctx.input, key) && ctx.input[key] !== undefined && ctx.input[key] !== null) add(rules.rulesByField.get(key));
  }
  sortInPlace(candidates, ascending);
  const fired: CompiledRule[] = [];
  let previous = -1;
  for (const i of candidates) {
    if (i === previous) continue;
    previous = i;
    const rule = rules.rules[i]!;
    if (rule.condition.test(ctx)) fired.push(rule);
  }
  for (let i = 0; i < fired.length; i++) if (fired[i]!.effect.stop) return [fired[i]!];
  return fired;
}

function roundedScores(scores: ReadonlyMap<string, { readonly score: number }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, s] of scores) out[id] = Math.round(s.score * 1000) / 1000;
  return out;
}

/** How much of `und` must be the neighbour languages for an inquiry to count as written in another language. */
export const OTHER_LANGUAGE_CONFIDENCE = 0.9;

export function decide(rules: CompiledRules, ctx: EvalContext): DecideResult {
  const fired = firedRules(rules, ctx);
  const matchedRules: RuleMatch[] = [];
  const scores = new Map<string, { score: number; first: number; best: CompiledRule; bestScore: number }>();
  for (const rule of fired) {
    const conditions = rule.condition.explain(ctx);
    // a rule that fired on the subject alone weighs less
    let subjectSpans = 0;
    let otherSpans = 0;
    for (const c of conditions) {
      for (const sp of c.spans) {
        if (sp.field === 'subject') subjectSpans++;
        else otherSpans++;
      }
    }
    const subjectOnly = subjectSpans > 0 && otherSpans === 0;
    const score = Math.round(rule.weight * (subjectOnly ? rules.subjectWeight : 1) * 1000) / 1000;
    const e = rule.effect;
    matchedRules.push({ id: rule.id, score, effects: rule.reported.effects, conditions, source: rule.reported.source });
    if (e.category !== undefined) {
      const cur = scores.get(e.category);
      if (cur) {
        cur.score += score;
        if (score > cur.bestScore) {
          cur.best = rule;
          cur.bestScore = score;
        }
      } else scores.set(e.category, { score, first: rule.index, best: rule, bestScore: score });
    }
  }

  const config = rules.config;
  const fallback = config.fallback!;
  let winner: { id: string; best: CompiledRule } | undefined;
  let top = -Infinity;
  let topFirst = Infinity;
  for (const [id, s] of scores) {
    if (s.score > top || (s.score === top && s.first < topFirst)) {
      top = s.score;
      topFirst = s.first;
      winner = { id, best: s.best };
    }
  }
  const category = winner?.id ?? fallback.category;
  const cat = rules.categories.get(category);
  const defaultPriority = config.defaultPriority ?? rules.priorities[Math.floor((rules.priorities.length - 1) / 2)]!.id;
  let priority = winner
    ? (winner.best.effect.priority ?? cat?.priority ?? defaultPriority)
    : (fallback.priority ?? cat?.priority ?? defaultPriority);
  let team = winner ? (winner.best.effect.team ?? cat?.team ?? fallback.team ?? '') : (fallback.team ?? cat?.team ?? '');
  const baseTeam = team;
  let teamReason = winner ? (winner.best.effect.team ? `rule ${winner.best.id}` : `category ${category}`) : 'fallback';

  const tags: string[] = [];
  const addTags = (list: readonly string[] | undefined) => list?.forEach((t) => tags.includes(t) || tags.push(t));
  const trail: Array<{ rule: string; from: string; to: string }> = [];
  const rank = rules.priorityRank;
  const maxRank = rules.priorities.length - 1;
  const byRank = (r: number) => rules.priorities[Math.max(0, Math.min(maxRank, r))]!.id;
  let teamMoved = false;
  for (const rule of fired) {
    const e = rule.effect;
    if (e.category !== undefined) {
      if (e.category === category) addTags(e.tags);
      continue;
    }
    addTags(e.tags);
    const before = priority;
    if (e.raise !== undefined) priority = byRank((rank.get(priority) ?? 0) + e.raise);
    if (e.priority !== undefined && (rank.get(e.priority) ?? 0) > (rank.get(priority) ?? 0)) priority = e.priority;
    if (priority !== before) trail.push({ rule: rule.id, from: before, to: priority });
    if (e.team !== undefined && !teamMoved) {
      team = e.team;
      teamReason = `rule ${rule.id}`;
      teamMoved = true;
    }
  }

  // A team that cannot answer the language: its overflow team, and/or a tag. `und` counts when the
  // detector is sure the text is in a neighbouring language (German, French …), not when its words are
  // merely unknown (names, codes, a language it has no model of).
  const t = rules.teams.get(team);
  const known = isLanguage(ctx.language) || ctx.otherLanguage >= OTHER_LANGUAGE_CONFIDENCE;
  if (t?.languages && known && !(t.languages as readonly string[]).includes(ctx.language)) {
    const policy = config.unsupportedLanguage ?? {};
    if (t.overflow && policy.useOverflow !== false) {
      teamReason = `team ${team} does not answer ${ctx.language === 'und' ? 'this language (und)' : ctx.language}; overflow to ${t.overflow}`;
      team = t.overflow;
    }
    if (policy.tag) addTags([policy.tag]);
  }

  return {
    category,
    priority,
    team,
    tags,
    matchedRules,
    trace: decisionTrace(roundedScores(scores), winner?.best.id, trail, { from: baseTeam, to: team, reason: teamReason }),
  };
}

/** The decision trace, its keys in the documented order: `categoryRule` only when a rule won (not spread in). */
function decisionTrace(categoryScores: Record<string, number>, categoryRule: string | undefined, priority: Decision['priority'], team: Decision['team']): Decision {
  return categoryRule !== undefined
    ? { categoryScores, fallback: false, categoryRule, priority, team }
    : { categoryScores, fallback: true, priority, team };
}
