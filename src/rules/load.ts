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
import { MAX_FILE_BYTES, parseRuleSources, sortIssues, type RuleSource } from './parse';

const MAX_FILES = 500;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A rule file's bytes as text. Rule files are UTF-8 (a byte order mark is fine); a file in another encoding
 * (ISO-8859-1, Windows-1252, UTF-16 …) is an `ENCODING` error at its first bad byte, not text with U+FFFD
 * where å, ä and ö were. Its text is then the lossy decoding, from which the parser salvages ids only.
 */
export function decodeRuleFile(file: string, bytes: Uint8Array): RuleSource {
  try {
    return { file, text: utf8.decode(bytes) };
  } catch {
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    const lossy = utf16 ? decodeUtf16(bytes) : new TextDecoder('utf-8').decode(bytes);
    const at = utf16 ? 0 : firstInvalidUtf8(bytes);
    // Line and column of the bad byte: lines by "\n" bytes, columns in characters of the valid text before it.
    const before = bytes.subarray(0, at);
    const lineStart = before.lastIndexOf(0x0a) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (before[i] === 0x0a) line++;
    const column = new TextDecoder('utf-8', { ignoreBOM: true }).decode(before.subarray(lineStart)).length + 1;
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    const message = utf16
      ? 'not UTF-8: the file is UTF-16 (save the file as UTF-8)'
      : `not UTF-8: byte 0x${byte} cannot start or continue a character here (save the file as UTF-8)`;
    return { file, text: lossy, problem: { code: 'ENCODING', severity: 'error', file, line, column, message } };
  }
}

function decodeUtf16(bytes: Uint8Array): string {
  try {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  } catch {
    return '';
  }
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}

/**
 * The YAML files of a rules folder (recursively, sorted), read as text. A file that is not UTF-8 is still
 * listed, with its `problem` (ENCODING), so that the parser reports it and salvages the ids it defines;
 * files that cannot be read at all (too large, unreadable, linked from outside) are `issues`.
 */
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
      sources.push(decodeRuleFile(name, await readFile(real)));
    } catch (e) {
      issues.push({ code: 'READ_ERROR', severity: 'error', file: name, message: (e as Error).message });
    }
  }
  return { sources, issues };
}

export type SafeLoadResult = { success: true; rules: CompiledRules; warnings: RuleIssue[] } | { success: false; error: RuleLoadError };

/** Compiles rule sources (already read) into rules; all or nothing. */
export async function compileSources(sources: readonly RuleSource[], readIssues: readonly RuleIssue[] = []): Promise<SafeLoadResult> {
  // A file that could not be read may define any id: references are then not reported as unknown.
  const { ruleSet, issues } = parseRuleSources(sources, { incomplete: readIssues.some((i) => i.severity === 'error') });
  const all = sortIssues([...readIssues, ...issues]);
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
