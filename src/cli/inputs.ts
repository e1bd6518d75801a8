/**
 * The command line's input files — fixture files (YAML lists or JSON Lines) and raw e-mails — read with
 * errors a support lead can act on: one line naming the file (and the line, where it is known), never a
 * stack trace. A UTF-8 byte order mark (helpdesk exports often start with one) is ignored.
 */
import { readFileSync } from 'node:fs';
import { parseFixtures, type Fixture } from '../fixtures';
import { fixtureInput, readEmlInquiry } from '../fixtures-io';
import type { RuleIssue } from '../errors';
import type { InquiryInput } from '../types';

/** A problem with what the command line was given: each line of the message is printed; exit code 2. */
export class CliError extends Error {
  constructor(lines: string | readonly string[]) {
    super(typeof lines === 'string' ? lines : lines.join('\n'));
    this.name = 'CliError';
  }
}

/** The text without a leading UTF-8 byte order mark. */
export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
};

/** Why a file could not be read, in words, when `e` is a file system error; undefined otherwise. */
export function fsReason(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code) || typeof (e as NodeJS.ErrnoException).syscall !== 'string') return undefined;
  // "EMFILE: too many open files, open 'x'" → "too many open files"
  return FS_REASONS[code] ?? (e as Error).message.replace(/^E[A-Z0-9]+: /, '').replace(/, \w+ '.*'$/, '');
}

/** The one-line error for a file that could not be read. */
export function cannotRead(file: string, e: unknown, hint?: string): CliError {
  const reason = fsReason(e) ?? firstLine((e as Error)?.message ?? String(e));
  return new CliError(`inquiry-router: cannot read ${file}: ${reason}${hint ? ` (${hint})` : ''}`);
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

/** A text file, without a byte order mark. */
function readText(file: string, hint?: string): string {
  try {
    return stripBom(readFileSync(file, 'utf8'));
  } catch (e) {
    throw cannotRead(file, e, (e as NodeJS.ErrnoException).code === 'EISDIR' ? hint : undefined);
  }
}

/** At most this many bad lines of a file are listed; a count stands for the rest. */
const MAX_LISTED = 5;

function problemsError(problems: readonly string[]): CliError {
  const listed = problems.slice(0, MAX_LISTED);
  if (problems.length > MAX_LISTED) listed.push(`… and ${problems.length - MAX_LISTED} more`);
  return new CliError(listed);
}

/** V8's JSON.parse message without the position (given as the column instead) and the quoted input. */
function jsonProblem(e: unknown): { message: string; column?: number } {
  const raw = firstLine((e as Error)?.message ?? String(e));
  const at = /\s+in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(raw);
  const message = (at ? raw.slice(0, at.index) : raw).replace(/, ".*" is not valid JSON$/, '');
  return at ? { message, column: Number(at[1]) + 1 } : { message };
}

const isPlainObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

/** JSON Lines text with every line checked: a byte order mark at a line's start is dropped. */
function checkJsonLines(text: string, file: string): string {
  const lines = text.split('\n');
  const problems: string[] = [];
  lines.forEach((raw, i) => {
    const line = stripBom(raw);
    lines[i] = line;
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      const { message, column } = jsonProblem(e);
      problems.push(`${file}:${i + 1}${column ? `:${column}` : ''}: not valid JSON: ${message}`);
      return;
    }
    if (!isPlainObject(value)) problems.push(`${file}:${i + 1}: not an inquiry: expected an object such as {"text": "…", "expect": {"category": "…"}}`);
  });
  if (problems.length) throw problemsError(problems);
  return lines.join('\n');
}

/** A YAML fixture file checked: it parses, it is a list, and each item is a mapping. */
async function checkYaml(text: string, file: string): Promise<void> {
  const { parseDocument, LineCounter, isAlias, isMap, isSeq, isScalar } = await import('yaml');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const at = (offset: number | undefined) => {
    const p = lines.linePos(offset ?? 0);
    return `${file}:${p.line}:${p.col}`;
  };
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    const where = pos ? `${file}:${pos.line}:${pos.col}` : at(err.pos[0]);
    throw new CliError(`${where}: ${firstLine(err.message).replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) return; // an empty file
  const kind = (node: unknown) => (isMap(node) ? 'a mapping' : isSeq(node) ? 'a list' : isScalar(node) ? (node.value === null ? 'empty' : `the value ${JSON.stringify(node.value)}`) : 'something else');
  if (!isSeq(root)) throw new CliError(`${at(root.range?.[0])}: a fixture file is a list of inquiries ("- id: …" items with text and expect), not ${kind(root)}`);
  const problems: string[] = [];
  for (const item of root.items) {
    const node = isAlias(item) ? item.resolve(doc) : item;
    if (!isMap(node)) {
      const start = (item as { range?: [number, number, number] } | null)?.range?.[0];
      problems.push(`${at(start)}: a fixture is a mapping (id, text or subject/body, expect), not ${node === null || node === undefined ? 'empty' : kind(node)}`);
    }
  }
  if (problems.length) throw problemsError(problems);
}

/** JSON Lines or a YAML list, by the same test `parseFixtures` makes. */
function isJsonLines(text: string, file: string): boolean {
  return file.endsWith('.jsonl') || file.endsWith('.ndjson') || text.trimStart().startsWith('{');
}

/** The fixtures of one file (YAML list or JSON Lines); a problem is a `CliError` naming the file and line. */
export async function loadFixtureFile(file: string): Promise<Fixture[]> {
  let text = readText(file, `name the fixture files in it, e.g. ${file.replace(/\/+$/, '')}/*.yaml`);
  if (isJsonLines(text, file)) text = checkJsonLines(text, file);
  else await checkYaml(text, file);
  try {
    return parseFixtures(text, file);
  } catch (e) {
    const message = firstLine((e as Error)?.message ?? String(e));
    throw new CliError(message.startsWith(`${file}:`) ? message : `${file}: ${message}`);
  }
}

/** The fixtures of the files, in order. */
export async function loadFixtures(files: readonly string[]): Promise<Fixture[]> {
  const out: Fixture[] = [];
  for (const f of files) out.push(...(await loadFixtureFile(f)));
  return out;
}

/** A raw e-mail (.eml) as an inquiry. */
export async function readEml(file: string): Promise<InquiryInput> {
  try {
    return await readEmlInquiry(file);
  } catch (e) {
    if (fsReason(e)) throw cannotRead(file, e);
    throw new CliError(`inquiry-router: cannot parse ${file}: ${firstLine((e as Error)?.message ?? String(e))}`);
  }
}

/** The inquiry of a fixture; an .eml file it names that cannot be read is reported with the fixture. */
export async function inputOf(f: Fixture): Promise<string | InquiryInput> {
  try {
    return await fixtureInput(f);
  } catch (e) {
    const reason = fsReason(e) ?? firstLine((e as Error)?.message ?? String(e));
    throw new CliError(`${f.file}: fixture ${f.id}: cannot read ${f.eml ?? 'its e-mail'}: ${reason}`);
  }
}

const FOLDER_CODES = new Set(['RULES_NOT_FOUND', 'TOO_MANY_FILES', 'NO_RULE_FILES']);

/**
 * The problems of a rules folder to show. When no rule file could be read at all (no such folder, too
 * many files, none there), the others — no priorities, no categories, no fallback — only follow from
 * that: the reason alone is shown, named by the folder.
 */
export function folderProblems(issues: readonly RuleIssue[], dir?: string): { issues: RuleIssue[]; unreadable: boolean } {
  if (!issues.some((i) => FOLDER_CODES.has(i.code))) return { issues: [...issues], unreadable: false };
  const reasons = issues.filter((i) => i.file !== undefined && i.severity === 'error');
  if (reasons.length) return { issues: reasons, unreadable: true };
  return { issues: issues.filter((i) => i.code === 'NO_RULE_FILES').map((i) => (dir !== undefined && i.file === undefined ? { ...i, file: dir } : i)), unreadable: true };
}
