/**
 * Checks of the regular expressions in rule files, at load time.
 *
 * Rule patterns (`pattern:`, `field … matches:`) with quantifiers run on a linear-time engine (see
 * `engine/patterns.ts`), so they must be in its syntax. Entity formats (`config.entities.*.patterns`)
 * run on JavaScript's backtracking engine, on every inquiry; they must have a bounded length, so that
 * the ways a format can match at one position stay few.
 *
 * Both refuse the constructs that make backtracking super-linear, which the linear engine does not
 * have either: a quantified group that itself contains a quantifier or an alternation (star height
 * above one), back-references and lookarounds.
 */
import { isQuantifierFree, walkPattern } from '../engine/patterns';
import { compileLinear } from './linear';

export type PatternProblem = { code: 'INVALID_PATTERN' | 'UNSAFE_PATTERN'; message: string };

/** The most ways an entity format may match at one position (the product of its quantifiers' ranges). */
const MAX_FORMAT_WAYS = 1000;

/** Returns a problem, or undefined when `source` is a valid rule pattern that runs in linear time. */
export function checkPattern(source: string, flags = ''): PatternProblem | undefined {
  const problem = checkStructure(source, flags);
  if (problem || isQuantifierFree(source)) return problem;
  try {
    compileLinear(source, flags);
  } catch (e) {
    return { code: 'INVALID_PATTERN', message: `not supported by the linear-time engine for rule patterns: ${(e as Error).message}` };
  }
  return undefined;
}

/** Returns a problem, or undefined when `source` is a valid entity format of bounded length. */
export function checkEntityFormat(source: string, flags = ''): PatternProblem | undefined {
  const problem = checkStructure(source, flags);
  if (problem) return problem;
  let ways = 1;
  walkPattern(source, (ch, i) => {
    if (ch === '*' || ch === '+') ways = Infinity;
    else if (ch === '?' && source[i - 1] !== '(') ways *= 2;
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      ways *= max - min + 1;
    }
  });
  if (ways > MAX_FORMAT_WAYS) {
    return {
      code: 'UNSAFE_PATTERN',
      message: ways === Infinity
        ? 'an entity format must have a bounded length: use {m,n} instead of *, + or {m,}'
        : `an entity format may match in ${ways} ways at one position (at most ${MAX_FORMAT_WAYS}): narrow its {m,n} ranges`,
    };
  }
  return undefined;
}

function checkStructure(source: string, flags: string): PatternProblem | undefined {
  try {
    new RegExp(source, flags.includes('u') ? flags : flags + 'u');
  } catch (e) {
    return { code: 'INVALID_PATTERN', message: `not a valid regular expression: ${(e as Error).message}` };
  }
  if (/\\[1-9]|\\k</.test(source)) return { code: 'UNSAFE_PATTERN', message: 'back-references can take exponential time' };
  if (/\(\?<?[=!]/.test(source)) return { code: 'UNSAFE_PATTERN', message: 'lookarounds are not allowed in rule patterns' };
  // Walk the pattern, tracking for each open group whether it contains a quantifier or an alternation.
  const stack: Array<{ quantified: boolean; alternation: boolean }> = [];
  let top = { quantified: false, alternation: false };
  let problem: PatternProblem | undefined;
  walkPattern(source, (ch, i) => {
    if (ch === '(') {
      stack.push(top);
      top = { quantified: false, alternation: false };
      return source[i + 1] === '?' ? 2 : 0; // "(?:" or "(?<name>"
    }
    if (ch === '|') top.alternation = true;
    else if (ch === ')') {
      const inner = top;
      top = stack.pop() ?? { quantified: false, alternation: false };
      const next = source[i + 1];
      const isQuantified = next === '*' || next === '+' || next === '?' || next === '{';
      const repeats = next === '*' || next === '+' || (next === '{' && !/^\{\d+\}/.test(source.slice(i + 1)) && !/^\{0?,?1\}/.test(source.slice(i + 1)));
      if (repeats && (inner.quantified || inner.alternation)) {
        problem = {
          code: 'UNSAFE_PATTERN',
          message: 'a repeated group contains a quantifier or an alternation ("(a+)+", "(a|ab)*"): this can take exponential time; rewrite it without nesting',
        };
        return false;
      }
      if (isQuantified || inner.quantified) top.quantified = true;
    } else if (ch === '*' || ch === '+' || ch === '{' || ch === '?') top.quantified = true;
  });
  return problem;
}
