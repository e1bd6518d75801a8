/**
 * evaluate rules, part one: conditions compiled into small closures. Each compiled condition answers
 * `test(ctx)` cheaply and, for rules that fired, `explain(ctx)` with the words behind it.
 */
import type { Entities, Entity } from '../entities';
import type { LanguageCode } from '../languages';
import type { LexHit } from '../lexicon/match';
import type { ConditionInput, EntityTypeName, SignalName } from '../rules/schema';
import { bare, normalize } from '../text/normalize';
import { compileRulePattern } from './patterns';
import type { Field, InquiryInput } from '../types';

/** A concept hit placed in its field, with the original offsets. */
export interface PlacedHit {
  readonly hit: LexHit;
  readonly field: Field;
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}

export interface FieldText {
  readonly field: Field;
  /** The original text of the field. */
  readonly original: string;
  /** Normalised (lower case) text of the customer's own words of this field, for patterns. */
  readonly norm: string;
  /** Maps an index of `norm` to the original. */
  readonly toOriginal: (start: number, end: number) => [number, number];
}

export interface EvalContext {
  /**
   * Concept index → usable hits (not negated, not quoted). Maps, not arrays by concept: an inquiry
   * mentions a handful of concepts, and its cost must not grow with the number of concepts.
   */
  readonly hits: ReadonlyMap<number, PlacedHit[]>;
  /** Concept index → negated hits (not quoted). */
  readonly negatedHits: ReadonlyMap<number, PlacedHit[]>;
  readonly fields: readonly FieldText[];
  readonly language: LanguageCode;
  /**
   * For `und`: how sure the detector is that the text is in a neighbouring language that a Swedish team
   * cannot read (German, Dutch, French, Spanish, Portuguese, Catalan), not just made of words no list
   * has or Danish–Norwegian; else 0.
   */
  readonly otherLanguage: number;
  readonly entities: Entities;
  readonly input: InquiryInput;
  readonly signals: ReadonlySet<SignalName>;
  readonly receivedAt: Date | undefined;
  /** Lazily computed diacritic-free normalised texts, one per field. */
  bareTexts?: string[];
}

export interface CompiledCondition {
  test(ctx: EvalContext): boolean;
  explain(ctx: EvalContext): ConditionTraceInternal[];
  /**
   * Features at least one of which must be present for the condition to hold (`c:<concept index>`,
   * `s:<signal>`, `e:<entity list>`, `f:<field>`); null when the condition can hold without any. Rules
   * are indexed by them, so an inquiry only evaluates the rules its features can trigger.
   */
  readonly triggers: ReadonlySet<string> | null;
  readonly describe: string;
  /** For lint: the leaf conditions as plain data. */
  readonly source: ConditionInput;
}

export interface ConditionTraceInternal {
  condition: string;
  spans: Array<{ field: Field; start: number; end: number; text: string }>;
}

const ENTITY_KEYS: Record<EntityTypeName, keyof Entities> = {
  orderNumber: 'orderNumbers',
  trackingNumber: 'trackingNumbers',
  email: 'emails',
  phone: 'phones',
  amount: 'amounts',
  date: 'dates',
  personalId: 'personalIds',
  iban: 'ibans',
  card: 'cards',
  caseNumber: 'caseNumbers',
};

export interface CompileEnv {
  readonly conceptIndex: ReadonlyMap<string, number>;
  readonly currencies?: { base: string; rates: Record<string, number> };
}

function getPath(obj: unknown, path: readonly string[]): unknown[] {
  let values: unknown[] = [obj];
  for (const key of path) {
    const next: unknown[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (Array.isArray(v)) {
        for (const el of v) if (el !== null && typeof el === 'object' && Object.prototype.hasOwnProperty.call(el, key)) next.push((el as Record<string, unknown>)[key]);
      } else if (typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, key)) {
        next.push((v as Record<string, unknown>)[key]);
      }
    }
    values = next.flatMap((v) => (Array.isArray(v) ? v : [v]));
  }
  return values.filter((v) => v !== undefined && v !== null);
}

function spanOf(ctx: EvalContext, e: { start: number; end: number }, field: Field = 'body') {
  let original: string | undefined;
  for (let i = 0; i < ctx.fields.length && original === undefined; i++) if (ctx.fields[i]!.field === field) original = ctx.fields[i]!.original;
  return { field, start: e.start, end: e.end, text: original !== undefined ? original.slice(e.start, e.end) : '' };
}

export function compileCondition(c: ConditionInput, env: CompileEnv): CompiledCondition {
  if (c.all) {
    const parts = c.all.map((x) => compileCondition(x, env));
    const withTriggers = parts.filter((p) => p.triggers !== null);
    const triggers = withTriggers.length ? withTriggers.reduce((a, b) => (a.triggers!.size <= b.triggers!.size ? a : b)).triggers : null;
    return {
      test: (ctx) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i]!.test(ctx)) return false;
        return true;
      },
      explain: (ctx) => parts.flatMap((p) => p.explain(ctx)),
      triggers,
      describe: `all(${parts.map((p) => p.describe).join(', ')})`,
      source: c,
    };
  }
  if (c.any) {
    const parts = c.any.map((x) => compileCondition(x, env));
    const triggers = parts.every((p) => p.triggers !== null) ? new Set(parts.flatMap((p) => [...p.triggers!])) : null;
    return {
      test: (ctx) => {
        for (let i = 0; i < parts.length; i++) if (parts[i]!.test(ctx)) return true;
        return false;
      },
      explain: (ctx) => parts.filter((p) => p.test(ctx)).flatMap((p) => p.explain(ctx)),
      triggers,
      describe: `any(${parts.map((p) => p.describe).join(', ')})`,
      source: c,
    };
  }
  if (c.not) {
    const inner = compileCondition(c.not, env);
    return {
      test: (ctx) => !inner.test(ctx),
      explain: () => [{ condition: `not ${inner.describe}`, spans: [] }],
      triggers: null,
      describe: `not ${inner.describe}`,
      source: c,
    };
  }
  if (c.concept !== undefined) {
    const idx = env.conceptIndex.get(c.concept) ?? -1;
    const min = c.min ?? 1;
    const where = c.in ?? 'any';
    const wantNegated = c.negated === true;
    const usable = (ctx: EvalContext) => {
      const list = (wantNegated ? ctx.negatedHits : ctx.hits).get(idx);
      if (!list) return [];
      return where === 'any' ? list : list.filter((h) => h.field === where);
    };
    const count = (ctx: EvalContext): number => {
      const list = (wantNegated ? ctx.negatedHits : ctx.hits).get(idx);
      if (!list) return 0;
      if (where === 'any') return list.length;
      let n = 0;
      for (let i = 0; i < list.length; i++) if (list[i]!.field === where) n++;
      return n;
    };
    const describe = `concept: ${c.concept}${wantNegated ? ' (negated)' : ''}${where !== 'any' ? ` in ${where}` : ''}${min > 1 ? ` ×${min}` : ''}`;
    return {
      test: (ctx) => count(ctx) >= min,
      explain: (ctx) => [{ condition: describe, spans: usable(ctx).map((h) => spanOf(ctx, h, h.field)) }],
      triggers: wantNegated ? null : new Set([`c:${idx}`]),
      describe,
      source: c,
    };
  }
  if (c.phrase !== undefined) {
    const words = normalize(c.phrase).text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(bare);
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'gu');
    const where = c.in ?? 'any';
    const describe = `phrase: "${c.phrase}"`;
    const find = (ctx: EvalContext) => {
      ctx.bareTexts ??= ctx.fields.map((f) => bareText(f.norm));
      const spans: ConditionTraceInternal['spans'] = [];
      ctx.fields.forEach((f, i) => {
        if (where !== 'any' && f.field !== where) return;
        re.lastIndex = 0;
        for (const m of ctx.bareTexts![i]!.matchAll(re)) {
          const [s, e] = f.toOriginal(m.index, m.index + m[0].length);
          spans.push({ field: f.field, start: s, end: e, text: f.original.slice(s, e) });
        }
      });
      return spans;
    };
    return { test: (ctx) => find(ctx).length > 0, explain: (ctx) => [{ condition: describe, spans: find(ctx) }], triggers: null, describe, source: c };
  }
  if (c.pattern !== undefined) {
    const re = compileRulePattern(c.pattern, c.flags ?? '');
    const describe = `pattern: /${c.pattern}/`;
    const find = (ctx: EvalContext) => {
      const spans: ConditionTraceInternal['spans'] = [];
      for (const f of ctx.fields) {
        const m = re.first(f.norm);
        if (m) {
          const [s, e] = f.toOriginal(m[0], m[1]);
          spans.push({ field: f.field, start: s, end: e, text: f.original.slice(s, e) });
        }
      }
      return spans;
    };
    return { test: (ctx) => find(ctx).length > 0, explain: (ctx) => [{ condition: describe, spans: find(ctx) }], triggers: null, describe, source: c };
  }
  if (c.language !== undefined) {
    const langs = new Set(Array.isArray(c.language) ? c.language : [c.language]);
    const describe = `language: ${[...langs].join('|')}`;
    return { test: (ctx) => langs.has(ctx.language), explain: () => [{ condition: describe, spans: [] }], triggers: null, describe, source: c };
  }
  if (c.entity !== undefined) {
    const key = ENTITY_KEYS[c.entity];
    const min = c.min ?? 1;
    const describe = `entity: ${c.entity}${min > 1 ? ` ×${min}` : ''}`;
    const list = (ctx: EvalContext) => (ctx.entities[key] as readonly Entity<unknown>[]) ?? [];
    return {
      test: (ctx) => list(ctx).length >= min,
      explain: (ctx) => [{ condition: describe, spans: list(ctx).map((e) => spanOf(ctx, e)) }],
      triggers: new Set([`e:${key}`]),
      describe,
      source: c,
    };
  }
  if (c.amount !== undefined) {
    const { gte, lte, currency } = c.amount;
    const rates = env.currencies;
    const describe = `amount${gte !== undefined ? ` ≥ ${gte}` : ''}${lte !== undefined ? ` ≤ ${lte}` : ''}${currency ? ` ${currency}` : rates ? ` ${rates.base}` : ''}`;
    const value = (a: { value: number; currency: string }): number | undefined => {
      if (currency) return a.currency === currency ? a.value : undefined;
      if (!rates) return a.value;
      if (a.currency === rates.base) return a.value;
      const rate = rates.rates[a.currency];
      return rate === undefined ? undefined : a.value * rate;
    };
    const matching = (ctx: EvalContext) =>
      ctx.entities.amounts.filter((a) => {
        const v = value(a.normalized);
        return v !== undefined && (gte === undefined || v >= gte) && (lte === undefined || v <= lte);
      });
    return {
      test: (ctx) => matching(ctx).length > 0,
      explain: (ctx) => [{ condition: describe, spans: matching(ctx).map((e) => spanOf(ctx, e)) }],
      triggers: new Set(['e:amounts']),
      describe,
      source: c,
    };
  }
  if (c.field !== undefined) {
    const path = c.field.split('.');
    const matchesRe = c.matches !== undefined ? compileRulePattern(c.matches, 'i') : undefined;
    const check = (v: unknown): boolean => {
      if (c.equals !== undefined && !(v === c.equals || (typeof v === 'string' && typeof c.equals === 'string' && v.toLowerCase() === c.equals.toLowerCase()))) return false;
      if (c.oneOf !== undefined && !c.oneOf.some((o) => o === v || (typeof v === 'string' && typeof o === 'string' && v.toLowerCase() === o.toLowerCase()))) return false;
      if (matchesRe && !(typeof v === 'string' && matchesRe.first(v.slice(0, 10_000)) !== undefined)) return false;
      if (c.gte !== undefined && !(typeof v === 'number' && v >= c.gte)) return false;
      if (c.lte !== undefined && !(typeof v === 'number' && v <= c.lte)) return false;
      return true;
    };
    const describe = `field: ${c.field}${c.equals !== undefined ? ` = ${String(c.equals)}` : ''}${c.oneOf ? ` in [${c.oneOf.join(', ')}]` : ''}${c.matches ? ` ~ /${c.matches}/` : ''}${c.exists !== undefined ? (c.exists ? ' exists' : ' absent') : ''}${c.gte !== undefined ? ` ≥ ${c.gte}` : ''}${c.lte !== undefined ? ` ≤ ${c.lte}` : ''}`;
    const test = (ctx: EvalContext) => {
      const values = getPath(ctx.input, path);
      if (c.exists !== undefined && (values.length > 0) !== c.exists) return false;
      const others = c.equals !== undefined || c.oneOf !== undefined || matchesRe !== undefined || c.gte !== undefined || c.lte !== undefined;
      return others ? values.some(check) : true;
    };
    // A field condition can only hold when the field is there, unless it asks for its absence.
    const triggers = c.exists === false ? null : new Set([`f:${path[0]}`]);
    return { test, explain: () => [{ condition: describe, spans: [] }], triggers, describe, source: c };
  }
  if (c.signal !== undefined) {
    const signal = c.signal;
    const describe = `signal: ${signal}`;
    return { test: (ctx) => ctx.signals.has(signal), explain: () => [{ condition: describe, spans: [] }], triggers: new Set([`s:${signal}`]), describe, source: c };
  }
  if (c.dateWithin !== undefined) {
    const days = c.dateWithin.days;
    const describe = `date within ${days} days`;
    const matching = (ctx: EvalContext) => {
      // the calendar date of receivedAt as written (at the customer's offset), as relative dates use it
      const day = typeof ctx.input.receivedAt === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(ctx.input.receivedAt) : null;
      if (!ctx.receivedAt || !day) return [];
      const t0 = Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!);
      return ctx.entities.dates.filter((d) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(d.normalized));
        if (!m) return false;
        const diff = (Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) - t0) / 86_400_000;
        return diff >= 0 && diff <= days;
      });
    };
    return {
      test: (ctx) => matching(ctx).length > 0,
      explain: (ctx) => [{ condition: describe, spans: matching(ctx).map((e) => spanOf(ctx, e)) }],
      triggers: new Set(['e:dates']),
      describe,
      source: c,
    };
  }
  throw new Error('empty condition'); // unreachable: the schema requires one kind
}

/** The normalised text without diacritics, same length (letters that would expand keep their form). */
function bareText(norm: string): string {
  let out = '';
  for (const ch of norm) {
    const b = bare(ch);
    out += b.length === ch.length ? b : ch;
  }
  return out;
}
