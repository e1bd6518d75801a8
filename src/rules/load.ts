/**
 * Reads a folder of rule files and loads them: all or nothing. Files must stay inside the folder
 * (symbolic links that lead out are refused) and within the size limit.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { RuleLoadError, type RuleIssue } from '../errors';
import { compileRuleSet, type CompiledRules } from './compile';
import { expandEnglish } from './expand';
import { useLinearPatterns } from './linear';
import { MAX_FILE_BYTES, parseRuleSources, type RuleSource } from './parse';

const MAX_FILES = 500;

/** The YAML files of a rules folder (recursively, sorted), read as text. */
export async function readRuleSources(dir: string): Promise<{ sources: RuleSource[]; issues: RuleIssue[] }> {
  const issues: RuleIssue[] = [];
  const sources: RuleSource[] = [];
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch (e) {
    issues.push({ code: 'RULES_NOT_FOUND', severity: 'error', file: dir, message: `cannot read the rules folder: ${(e as Error).message}` });
    return { sources, issues };
  }
  const files: string[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    if (depth > 8) return;
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full, depth + 1);
      else if ((e.isFile() || e.isSymbolicLink()) && /\.ya?ml$/i.test(e.name)) files.push(full);
    }
  };
  await walk(root, 0);
  if (files.length > MAX_FILES) {
    issues.push({ code: 'TOO_MANY_FILES', severity: 'error', file: dir, message: `${files.length} rule files; at most ${MAX_FILES}` });
    return { sources, issues };
  }
  for (const full of files) {
    const rel = path.relative(root, full).split(path.sep).join('/');
    const name = path.join(dir, rel).split(path.sep).join('/');
    try {
      const real = await realpath(full);
      if (real !== root && !real.startsWith(root + path.sep)) {
        issues.push({ code: 'PATH_ESCAPE', severity: 'error', file: name, message: 'this file links to a place outside the rules folder' });
        continue;
      }
      const size = (await stat(real)).size;
      if (size > MAX_FILE_BYTES) {
        issues.push({ code: 'FILE_TOO_LARGE', severity: 'error', file: name, message: `${size} bytes; rule files are limited to ${MAX_FILE_BYTES}` });
        continue;
      }
      sources.push({ file: name, text: await readFile(real, 'utf8') });
    } catch (e) {
      issues.push({ code: 'READ_ERROR', severity: 'error', file: name, message: (e as Error).message });
    }
  }
  return { sources, issues };
}

export type SafeLoadResult = { success: true; rules: CompiledRules; warnings: RuleIssue[] } | { success: false; error: RuleLoadError };

/** Compiles rule sources (already read) into rules; all or nothing. */
export async function compileSources(sources: readonly RuleSource[], readIssues: readonly RuleIssue[] = []): Promise<SafeLoadResult> {
  const { ruleSet, issues } = parseRuleSources(sources);
  const all = [...readIssues, ...issues];
  if (!ruleSet || all.some((i) => i.severity === 'error')) return { success: false, error: new RuleLoadError(all) };
  try {
    useLinearPatterns();
    const rules = compileRuleSet(await expandEnglish(ruleSet));
    return { success: true, rules, warnings: all.filter((i) => i.severity === 'warning') };
  } catch (e) {
    return { success: false, error: new RuleLoadError([{ code: 'COMPILE_ERROR', severity: 'error', message: (e as Error).message }]) };
  }
}

/** Loads a folder of rule files. Never throws: the result says what went wrong, with every problem. */
export async function safeLoadRules(dir: string): Promise<SafeLoadResult> {
  const { sources, issues } = await readRuleSources(dir);
  return compileSources(sources, issues);
}

/** Loads a folder of rule files; throws `RuleLoadError` listing every problem. */
export async function loadRules(dir: string): Promise<CompiledRules> {
  const r = await safeLoadRules(dir);
  if (!r.success) throw r.error;
  return r.rules;
}
