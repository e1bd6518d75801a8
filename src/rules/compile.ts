/**
 * Compiles a validated rule set into its immutable, fast form: lexicon tables, condition closures,
 * an index from concepts to the rules they can trigger, the entity extractor and the calendar.
 */
import { compileCondition, type CompiledCondition } from '../engine/conditions';
import { createEntityExtractor, type EntityExtractor } from '../entities';
import { loadLexicon, precompileLexicon, type CompiledLexicon, type SerializedLexicon } from '../lexicon/compile';
import { compileCalendar, type BusinessCalendar } from '../sla';
import type { RuleMatch } from '../types';
import type { Language } from '../languages';
import type { RuleSet, SourceRef } from './parse';
import type { Category, Config, Effect, Priority, Team } from './schema';

export interface CompiledRule {
  readonly id: string;
  readonly index: number;
  readonly condition: CompiledCondition;
  readonly effect: Effect;
  readonly weight: number;
  readonly source: SourceRef;
  /** What a classification reports of this rule's effects and source: built once, frozen, shared. */
  readonly reported: { readonly effects: RuleMatch['effects']; readonly source: NonNullable<RuleMatch['source']> };
}

export interface CompiledRules {
  readonly ruleSet: RuleSet;
  readonly config: Config;
  readonly lexicon: CompiledLexicon;
  readonly rules: readonly CompiledRule[];
  /**
   * The rules each feature can trigger, by kind, so that looking a feature up builds no string: by
   * concept index, signal, entity list and input field (the `c:`, `s:`, `e:` and `f:` triggers).
   */
  readonly rulesByConcept: ReadonlyArray<readonly number[] | undefined>;
  readonly rulesBySignal: ReadonlyMap<string, readonly number[]>;
  readonly rulesByEntity: ReadonlyMap<string, readonly number[]>;
  readonly rulesByField: ReadonlyMap<string, readonly number[]>;
  /** Rules that can fire without any feature (patterns, phrases, language, negations): always evaluated. */
  readonly alwaysRules: readonly number[];
  readonly priorities: readonly Priority[];
  readonly priorityRank: ReadonlyMap<string, number>;
  readonly categories: ReadonlyMap<string, Category>;
  readonly teams: ReadonlyMap<string, Team>;
  readonly entities: EntityExtractor;
  readonly calendar: BusinessCalendar;
  readonly maxLength: number;
  readonly subjectWeight: number;
}

export const DEFAULT_MAX_LENGTH = 20_000;

/** Freezes `value` and everything it holds. An object is frozen before its children, so shared and circular references end the walk. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const child = record[key];
    if (child !== null && typeof child === 'object') deepFreeze(child);
  }
  return value;
}

/** The lexicon of a rule set with every term stemmed (what the default rules ship precompiled). */
export function precompileRuleSetLexicon(ruleSet: RuleSet): SerializedLexicon {
  return precompileLexicon(ruleSet.concepts.map((c) => ({ id: c.id, terms: c.terms as Partial<Record<Language, string[]>> })));
}

/**
 * Compiles a validated rule set. `lexicon` is its precompiled lexicon when there is one (it must come
 * from `precompileRuleSetLexicon` of the same rule set).
 */
export function compileRuleSet(ruleSet: RuleSet, lexicon_?: SerializedLexicon): CompiledRules {
  const lexicon = loadLexicon(lexicon_ ?? precompileRuleSetLexicon(ruleSet));
  const conceptIndex = new Map(lexicon.concepts.map((id, i) => [id, i]));
  const env = { conceptIndex, ...(ruleSet.config.currencies ? { currencies: ruleSet.config.currencies } : {}) };
  const rules: CompiledRule[] = ruleSet.rules.map((r, index) => {
    const condition = compileCondition(Array.isArray(r.when) ? (r.when.length === 1 ? r.when[0]! : { all: r.when }) : r.when, env);
    const e = r.then;
    const effects = Object.freeze({
      ...(e.category !== undefined ? { category: e.category } : {}),
      ...(e.team !== undefined ? { team: e.team } : {}),
      ...(e.priority !== undefined ? { priority: e.priority } : {}),
      ...(e.raise !== undefined ? { raise: e.raise } : {}),
      ...(e.tags !== undefined ? { tags: Object.freeze([...e.tags]) } : {}),
    });
    const reported = Object.freeze({ effects, source: Object.freeze({ file: r.source.file, line: r.source.line }) });
    return { id: r.id, index, condition, effect: e, weight: e.weight ?? 1, source: r.source, reported };
  });
  const alwaysRules: number[] = [];
  const rulesByConcept: Array<number[] | undefined> = new Array<number[] | undefined>(lexicon.concepts.length);
  const byKind: Record<string, Map<string, number[]>> = { s: new Map(), e: new Map(), f: new Map() };
  for (const rule of rules) {
    const t = rule.condition.triggers;
    if (t === null || t.size === 0) alwaysRules.push(rule.index);
    else {
      for (const feature of t) {
        const kind = feature.slice(0, feature.indexOf(':'));
        const key = feature.slice(kind.length + 1);
        if (kind === 'c') {
          const concept = Number(key);
          if (concept >= 0) (rulesByConcept[concept] ??= []).push(rule.index); // -1: an unknown concept never fires
        }
        else {
          const map = byKind[kind]!;
          (map.get(key) ?? map.set(key, []).get(key)!).push(rule.index);
        }
      }
    }
  }
  const priorityRank = new Map(ruleSet.priorities.map((p, i) => [p.id, i]));
  deepFreeze(ruleSet);
  let calendar: BusinessCalendar | undefined; // compiled on first use: only SLA due times need it
  return Object.freeze({
    ruleSet,
    config: ruleSet.config,
    lexicon,
    rules,
    rulesByConcept,
    rulesBySignal: byKind.s!,
    rulesByEntity: byKind.e!,
    rulesByField: byKind.f!,
    alwaysRules,
    priorities: ruleSet.priorities,
    priorityRank,
    categories: new Map(ruleSet.categories.map((c) => [c.id, c])),
    teams: new Map(ruleSet.teams.map((t) => [t.id, t])),
    entities: createEntityExtractor(ruleSet.config.entities, { validated: true }),
    get calendar() {
      calendar ??= compileCalendar(ruleSet.config.calendar);
      return calendar;
    },
    maxLength: ruleSet.config.maxLength ?? DEFAULT_MAX_LENGTH,
    subjectWeight: ruleSet.config.subjectWeight ?? 0.8,
  });
}
