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
  const pattern = RE2JS.compile(re2Syntax(source), options);
  return {
    first(text) {
      const m = pattern.matcher(text);
      return m.find() ? [m.start(), m.end()] : undefined;
    },
  };
}

/**
 * A JavaScript pattern in RE2's syntax where the two differ: `\uXXXX` and `\u{…}` are `\x{…}` in RE2.
 * (An escaped backslash before a "u" stays as it is.)
 */
export function re2Syntax(source: string): string {
  if (!source.includes('\\u')) return source;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const m = /^u(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/.exec(source.slice(i + 1, i + 10));
    if (m) {
      out += `\\x{${m[1] ?? m[2]}}`;
      i += m[0].length;
    } else {
      out += ch + (source[i + 1] ?? '');
      i++;
    }
  }
  return out;
}

/** Registers the engine with the rule compiler (idempotent). */
export function useLinearPatterns(): void {
  setLinearCompiler(compileLinear);
}
