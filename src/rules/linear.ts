/**
 * The linear-time engine for rule patterns: RE2JS, a port of RE2, whose matching time is linear in the
 * text whatever the pattern. It is part of rule loading, so `classify` with the built-in rules never
 * loads it.
 */
import { RE2JS } from 're2js';
import { setLinearCompiler, type RulePattern } from '../engine/patterns';

/** Compiles `source` with RE2JS; throws its syntax error. */
export function compileLinear(source: string, flags: string): RulePattern {
  let options = 0;
  if (flags.includes('i')) options |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) options |= RE2JS.MULTILINE;
  if (flags.includes('s')) options |= RE2JS.DOTALL;
  const pattern = RE2JS.compile(source, options);
  return {
    first(text) {
      const m = pattern.matcher(text);
      return m.find() ? [m.start(), m.end()] : undefined;
    },
  };
}

/** Registers the engine with the rule compiler (idempotent). */
export function useLinearPatterns(): void {
  setLinearCompiler(compileLinear);
}
