/**
 * Rule patterns (`pattern:` and `field … matches:`) run on text written by anyone, so they must run in
 * time linear in its length. JavaScript's regular expressions backtrack: a pattern with two repeats
 * that can match the same characters (`faktura.*\d+.*betald`) takes time that grows with the cube of
 * the text. A pattern without any quantifier cannot backtrack beyond its own length, so it runs on
 * `RegExp`; any other runs on a linear-time engine (RE2's algorithm), which rule loading brings in.
 */

import { InquiryRouterError } from '../errors';

/** A compiled rule pattern. */
export interface RulePattern {
  /** The first match in `text`, as [start, end], or undefined. */
  first(text: string): readonly [number, number] | undefined;
}

/** Compiles a pattern for the linear-time engine (flags among i, m, s, u). */
export type LinearCompiler = (source: string, flags: string) => RulePattern;

let linear: LinearCompiler | undefined;

/** Makes the linear-time engine available to `compileRulePattern` (rule loading does this). */
export function setLinearCompiler(compiler: LinearCompiler): void {
  linear = compiler;
}

/**
 * Calls `visit` with each character of a pattern's own syntax, that is outside character classes and
 * escapes (which only ever stand for characters). `visit` may return how many characters to skip after
 * this one, or false to stop.
 */
export function walkPattern(source: string, visit: (ch: string, i: number) => number | false | void): void {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      continue;
    }
    const r = visit(ch, i);
    if (r === false) return;
    if (typeof r === 'number') i += r;
  }
}

/** Whether `source` has no quantifier (`*`, `+`, `?`, `{…}`): then backtracking is bounded by its length. */
export function isQuantifierFree(source: string): boolean {
  let free = true;
  walkPattern(source, (ch, i) => {
    // "(?:" and "(?<name>" are groups, not quantifiers
    if (ch === '*' || ch === '+' || ch === '{' || (ch === '?' && source[i - 1] !== '(')) return (free = false);
  });
  return free;
}

/**
 * Compiles a rule pattern. Flags: i, m, s, u (u always applies: the pattern was checked as Unicode).
 * Throws (PATTERN_ENGINE_NOT_LOADED) when the pattern has quantifiers and the linear-time engine is not
 * loaded: `loadPatternEngine` loads it, and so does loading rules.
 */
export function compileRulePattern(source: string, flags: string): RulePattern {
  const f = flags.replace(/[^imsu]/g, '');
  if (isQuantifierFree(source)) {
    const re = new RegExp(source, f.includes('u') ? f : f + 'u');
    return {
      first(text) {
        const m = re.exec(text);
        return m ? [m.index, m.index + m[0].length] : undefined;
      },
    };
  }
  if (!linear) {
    throw new InquiryRouterError(
      'PATTERN_ENGINE_NOT_LOADED',
      `pattern /${source}/ has quantifiers and runs on the linear-time engine: call \`await loadPatternEngine()\` before compileRuleSet (loadRules and createRouter with a rules folder do it)`,
    );
  }
  return linear(source, f);
}
