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

/**
 * Marks the library's errors, so that one thrown by the ES module build is recognised by the CommonJS
 * build's classes and `isInquiryRouterError` (and the other way round), when an application loads both.
 */
const KINDS = Symbol.for('inquiry-router.error-kinds');

export class InquiryRouterError extends Error {
  /** The class's name as a string: minified builds rename classes, and `instanceof` uses it across builds. */
  static readonly kind: string = 'InquiryRouterError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'InquiryRouterError';
    this.code = code;
    // the kinds of this error, from its class up: InputError, InquiryRouterError
    const kinds: string[] = [];
    for (let c = new.target as unknown as { kind?: string } | null; c && typeof c.kind === 'string'; c = Object.getPrototypeOf(c)) {
      if (kinds[kinds.length - 1] !== c.kind) kinds.push(c.kind);
    }
    Object.defineProperty(this, KINDS, { value: kinds });
  }

  static override [Symbol.hasInstance](x: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, x)) return true;
    const kinds = x !== null && typeof x === 'object' ? (x as { [KINDS]?: unknown })[KINDS] : undefined;
    return Array.isArray(kinds) && kinds.includes((this as unknown as { kind: string }).kind);
  }
}

/** Formats an issue as "file:line:column CODE message". */
export function formatIssue(issue: RuleIssue): string {
  const where = issue.file ? `${issue.file}${issue.line ? `:${issue.line}${issue.column ? `:${issue.column}` : ''}` : ''}` : '(rules)';
  return `${where} ${issue.severity === 'warning' ? 'warning' : 'error'} ${issue.code}: ${issue.message}`;
}

/** A single problem in a rule file. */
export class RuleError extends InquiryRouterError {
  static override readonly kind: string = 'RuleError';
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
  static override readonly kind: string = 'RuleLoadError';
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
  static override readonly kind: string = 'InputError';
  constructor(message: string) {
    super('INVALID_INPUT', message);
    this.name = 'InputError';
  }
}

export function isInquiryRouterError(e: unknown): e is InquiryRouterError {
  return e instanceof InquiryRouterError;
}

// Class names as written, for stack traces and util.inspect ("InputError: …", not "l [InputError]: …")
// in the minified builds.
for (const c of [InquiryRouterError, RuleError, RuleLoadError, InputError]) Object.defineProperty(c, 'name', { value: c.kind });
