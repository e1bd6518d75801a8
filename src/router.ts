/**
 * The public entry points: `classify` with the built-in default rules, and `createRouter` for a folder
 * of rule files (compiled once; `watch: true` reloads edits atomically and keeps the last good rules).
 */
import { statSync, watch as fsWatch, type FSWatcher } from 'node:fs';
import { DEFAULT_LANGUAGE_TABLES, DEFAULT_RULES } from './generated/default-rules';
import { LANGUAGES } from './languages';
import type { SerializedLanguageTables, SerializedLexicon } from './lexicon/compile';
import { InputError, type RuleLoadError } from './errors';
import { classifyWith } from './pipeline';
import { compileRuleSet, type CompiledRules } from './rules/compile';
import type { RuleSet } from './rules/parse';
import type { SafeLoadResult } from './rules/load';
import type { Classification, ClassifyOptions, Inquiry } from './types';

let defaults: CompiledRules | undefined;

/** The default rules, compiled on first use (the rule set itself is built into the package). */
export function defaultRules(): CompiledRules {
  if (!defaults) {
    const { ruleSet, lexicon } = DEFAULT_RULES as { ruleSet: RuleSet; lexicon: Omit<SerializedLexicon, 'languages'> };
    const languages = Object.fromEntries(
      LANGUAGES.map((l) => [l, () => JSON.parse(DEFAULT_LANGUAGE_TABLES[l]!) as SerializedLanguageTables]),
    ) as SerializedLexicon['languages'];
    defaults = compileRuleSet(ruleSet, { ...lexicon, languages });
  }
  return defaults;
}

/** Classifies an inquiry with the default rules. Synchronous, pure and deterministic. */
export function classify(inquiry: Inquiry, options?: ClassifyOptions): Classification {
  return classifyWith(defaultRules(), inquiry, options);
}

/**
 * Classifies many inquiries, in order. One that is not an inquiry gets `{ error }` in its place instead
 * of stopping the batch. For many cores, run routers in worker threads (see `inquiry-router classify
 * --workers N`) or inside the queue consumers you already have: a router is stateless.
 */
export function classifyMany(inquiries: Iterable<Inquiry> & object, options?: ClassifyOptions & { rules?: CompiledRules }): Array<Classification | { error: { code: string; message: string } }> {
  // a string is iterable too: one inquiry, not a list of its characters
  if (inquiries === null || typeof inquiries !== 'object' || typeof (inquiries as Partial<Iterable<Inquiry>>)[Symbol.iterator] !== 'function') {
    throw new InputError(`classifyMany takes a list of inquiries, got ${inquiries === null ? 'null' : typeof inquiries}`);
  }
  const rules = options?.rules ?? defaultRules();
  const out: Array<Classification | { error: { code: string; message: string } }> = [];
  for (const inquiry of inquiries) {
    try {
      out.push(classifyWith(rules, inquiry, options));
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      out.push({ error: { code: typeof code === 'string' ? code : 'ERROR', message: (e as Error).message } });
    }
  }
  return out;
}

export interface RouterOptions {
  /** A folder of rule files, or rules already loaded with `loadRules`. Default: the built-in rules. */
  readonly rules?: string | CompiledRules;
  /** Reload the folder when its files change. */
  readonly watch?: boolean;
  /** Called after a reload: with the error when the new rules failed to load (the last good rules stay). */
  readonly onReload?: (result: { ok: true } | { ok: false; error: RuleLoadError }) => void;
}

export interface Router {
  classify(inquiry: Inquiry, options?: ClassifyOptions): Classification;
  /** The compiled rules in use now. */
  readonly rules: CompiledRules;
  /** Reloads the rules folder now; resolves false (and keeps the current rules) when it fails to load. */
  reload(): Promise<boolean>;
  /** Stops watching. */
  close(): void;
}

/** The loader (YAML, schemas, English inflection) is imported on first use: `classify` never needs it. */
async function loader(): Promise<typeof import('./rules/load')> {
  return import('./rules/load');
}

/**
 * Loads the linear-time engine that rule patterns with quantifiers run on, for `compileRuleSet` on a
 * rule set of your own; loading rules from a folder loads it too.
 */
export async function loadPatternEngine(): Promise<void> {
  (await import('./rules/linear')).useLinearPatterns();
}

/** Loads a folder of rule files. Never throws: the result says what went wrong, with every problem. */
export async function safeLoadRules(dir: string): Promise<SafeLoadResult> {
  return (await loader()).safeLoadRules(dir);
}

/** Loads a folder of rule files; throws `RuleLoadError` listing every problem. */
export async function loadRules(dir: string): Promise<CompiledRules> {
  return (await loader()).loadRules(dir);
}

/** How often a watched rules folder is checked for being gone, back, or another folder by the same name. */
const IDENTITY_CHECK_MS = 1000;

/** Loads and compiles the rules once; `router.classify` is synchronous and does no I/O. */
export async function createRouter(options: RouterOptions = {}): Promise<Router> {
  const source = options.rules;
  let current: CompiledRules;
  if (source === undefined) current = defaultRules();
  else if (typeof source === 'string') {
    const r = await safeLoadRules(source);
    if (!r.success) throw r.error;
    current = r.rules;
  } else current = source;

  let watcher: FSWatcher | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loading: Promise<boolean> | undefined;
  let closed = false;
  /** The folder being watched, as the file system knows it: a new folder by the same name is another. */
  let watchedId = '';
  const folderId = (): string => {
    try {
      // the birth time too: a folder deleted and made again often gets the same inode number
      const st = statSync(source as string);
      return `${st.dev}:${st.ino}:${st.birthtimeMs}`;
    } catch {
      return '';
    }
  };

  // The caller's callback: one that throws must not take the process down with an unhandled rejection.
  const notify = (result: Parameters<NonNullable<RouterOptions['onReload']>>[0]) => {
    try {
      options.onReload?.(result);
    } catch (e) {
      process.emitWarning(`inquiry-router: the onReload callback threw: ${(e as Error).message}`);
    }
  };

  const reload = async (): Promise<boolean> => {
    if (typeof source !== 'string') return true;
    const r = await safeLoadRules(source);
    if (options.watch && !closed) followFolder();
    if (r.success) {
      current = r.rules; // one assignment: an inquiry sees the old rules or the new, never a mix
      notify({ ok: true });
      return true;
    }
    notify({ ok: false, error: r.error });
    return false;
  };

  const scheduleReload = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      loading = (loading ?? Promise.resolve(true)).then(reload, reload).catch(() => false);
    }, 100);
    timer.unref?.();
  };

  /** Watches the folder; false when the watch could not be set up (with `rethrow`, its error is thrown). */
  const startWatching = (rethrow = false): boolean => {
    try {
      watchedId = folderId();
      watcher = fsWatch(source as string, { recursive: true, persistent: false }, scheduleReload);
      // a watcher that fails is dropped: the identity check below sets up another
      watcher.on('error', () => {
        watcher?.close();
        watcher = undefined;
      });
      return true;
    } catch (e) {
      if (rethrow) throw e;
      return false;
    }
  };

  // A watcher watches a folder, not a name: when the folder is deleted (and maybe copied back), the
  // watcher goes with it. Watch the folder there is now; true when a new watch was set up.
  const followFolder = (): boolean => {
    const id = folderId();
    if (id === watchedId && watcher) return false;
    watcher?.close();
    watcher = undefined;
    return id !== '' && startWatching();
  };

  // Events may not come when the folder is swapped at once (deleted and copied back, or a symlinked
  // release folder pointed elsewhere), nor while it is gone: its identity is checked now and then, and
  // a folder that is back (or new) is watched and loaded.
  let identity: ReturnType<typeof setInterval> | undefined;
  if (options.watch && typeof source === 'string') {
    // a watch that cannot be set up at all (no inotify watches left) fails createRouter, as it always did;
    // one lost later is set up again
    startWatching(true);
    identity = setInterval(() => {
      if (followFolder()) scheduleReload();
    }, IDENTITY_CHECK_MS);
    identity.unref?.();
  }

  return {
    classify: (inquiry, opts) => classifyWith(current, inquiry, opts),
    get rules() {
      return current;
    },
    reload,
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      if (identity) clearInterval(identity);
      watcher?.close();
    },
  };
}
