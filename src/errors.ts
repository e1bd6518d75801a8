/** Typed errors. Every error the library throws is an `InquiryRouterError` with a stable `code`. */

export type Severity = 'error' | 'warning';

/** One problem found in a rule folder, with where it is. */
export interface RuleIssue {
  readonly code: string;
  readonly message: string;
  readonly severity: Severity;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** The path inside the file's YAML document, e.g. ["rules", 3, "then", "team"]. */
  readonly path?: ReadonlyArray<string | number>;
}

export class InquiryRouterError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'InquiryRouterError';
    this.code = code;
  }
}

/** Formats an issue as "file:line:column CODE message". */
export function formatIssue(issue: RuleIssue): string {
  const where = issue.file ? `${issue.file}${issue.line ? `:${issue.line}${issue.column ? `:${issue.column}` : ''}` : ''}` : '(rules)';
  return `${where} ${issue.severity === 'warning' ? 'warning' : 'error'} ${issue.code}: ${issue.message}`;
}

/** A single problem in a rule file. */
export class RuleError extends InquiryRouterError {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly path: ReadonlyArray<string | number> | undefined;
  constructor(issue: RuleIssue) {
    super(issue.code, formatIssue(issue));
    this.name = 'RuleError';
    this.file = issue.file;
    this.line = issue.line;
    this.column = issue.column;
    this.path = issue.path;
  }
}

/** A rule folder that failed to load: every problem found, none of the rules loaded. Its `code` is that of the first problem. */
export class RuleLoadError extends RuleError {
  readonly issues: readonly RuleIssue[];
  constructor(issues: readonly RuleIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    const first = errors[0] ?? issues[0] ?? { code: 'RULES_INVALID', message: 'the rules are invalid', severity: 'error' as const };
    super(first);
    this.name = 'RuleLoadError';
    this.issues = issues;
    this.message = `${errors.length} problem${errors.length === 1 ? '' : 's'} in the rules:\n` + errors.map(formatIssue).join('\n');
  }
}

/** Input that is not an inquiry (not a string nor an object with text fields). */
export class InputError extends InquiryRouterError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
    this.name = 'InputError';
  }
}

export function isInquiryRouterError(e: unknown): e is InquiryRouterError {
  return e instanceof InquiryRouterError;
}
