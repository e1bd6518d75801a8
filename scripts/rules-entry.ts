// Bundled by scripts/build-default-rules.mjs: loads the rules folder with the library's own loader.
import * as z from 'zod';
import { formatIssue } from '../src/errors';
import { expandEnglish } from '../src/rules/expand';
import { precompileRuleSetLexicon } from '../src/rules/compile';
import { readRuleSources } from '../src/rules/load';
import { parseRuleSources } from '../src/rules/parse';
import { ruleSchemas } from '../src/rules/schema';

export async function buildRuleSet(dir: string): Promise<unknown> {
  const { sources, issues: readIssues } = await readRuleSources(dir);
  const { ruleSet, issues } = parseRuleSources(sources);
  const errors = [...readIssues, ...issues].filter((i) => i.severity === 'error');
  if (!ruleSet || errors.length > 0) throw new Error(errors.map(formatIssue).join('\n'));
  const expanded = await expandEnglish(ruleSet);
  // Term locations are for lint, which reads the files; the built-in copy leaves them out.
  const shipped = { ...expanded, termSources: [] };
  return { ruleSet: shipped, lexicon: precompileRuleSetLexicon(shipped) };
}

export function ruleFileJsonSchema(): unknown {
  return z.toJSONSchema(ruleSchemas().ruleFileSchema, { io: 'input', unrepresentable: 'any' });
}
