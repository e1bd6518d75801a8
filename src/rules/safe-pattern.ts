/**
 * Rule patterns are run on text written by anyone, so they must run in linear time. JavaScript's
 * regular expressions backtrack; a pattern is accepted only when it has none of the constructs that can
 * make backtracking super-linear: a quantified group that itself contains a quantifier or an alternation
 * whose branches can match the same text (star height above one), back-references and lookarounds.
 * Anything else is reported as UNSAFE_PATTERN at load time.
 */

export type PatternProblem = { code: 'INVALID_PATTERN' | 'UNSAFE_PATTERN'; message: string };

/** Returns a problem, or undefined when `source` is a valid pattern that runs in linear time. */
export function checkPattern(source: string, flags = ''): PatternProblem | undefined {
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
    if (ch === '(') {
      stack.push(top);
      top = { quantified: false, alternation: false };
      if (source[i + 1] === '?') i += source[i + 2] === '<' ? 2 : 2; // (?: or (?<name>
      continue;
    }
    if (ch === '|') {
      top.alternation = true;
      continue;
    }
    if (ch === ')') {
      const inner = top;
      top = stack.pop() ?? { quantified: false, alternation: false };
      const next = source[i + 1];
      const isQuantified = next === '*' || next === '+' || next === '?' || next === '{';
      const repeats = next === '*' || next === '+' || (next === '{' && !/^\{\d+\}/.test(source.slice(i + 1)) && !/^\{0?,?1\}/.test(source.slice(i + 1)));
      if (repeats && (inner.quantified || inner.alternation)) {
        return {
          code: 'UNSAFE_PATTERN',
          message: 'a repeated group contains a quantifier or an alternation ("(a+)+", "(a|ab)*"): this can take exponential time; rewrite it without nesting',
        };
      }
      if (isQuantified || inner.quantified) top.quantified = true;
      continue;
    }
    if (ch === '*' || ch === '+' || ch === '{' || ch === '?') top.quantified = true;
  }
  return undefined;
}
