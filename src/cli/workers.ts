/**
 * `inquiry-router classify --workers N`: an NDJSON stream classified on N worker threads. Lines are sent
 * in batches; results are written in input order. Each worker loads the same rules once.
 */
import { Worker, parentPort } from 'node:worker_threads';
import type { Readable } from 'node:stream';
import { InputError, RuleLoadError, type RuleIssue } from '../errors';
import { stripBom } from './inputs';
import type { Router } from '../router';
import type { Classification } from '../types';

/** Characters of input sent to a worker at a time (whole lines). */
const BATCH_CHARS = 128 * 1024;

/** Why a worker could not start: its error's message, and the problems when the rules did not load. */
interface WorkerFailure {
  readonly message: string;
  readonly issues?: readonly RuleIssue[];
}

export interface WorkerData {
  readonly role: 'inquiry-router-worker';
  readonly rules?: string;
  readonly full?: boolean;
}

/** The routing decision of a classification, without its explanation: what a stream consumer acts on. */
export function summary(r: Classification): Record<string, unknown> {
  return {
    category: r.category,
    priority: r.priority,
    team: r.team,
    language: r.language.code,
    confidence: Math.round(r.language.confidence * 1000) / 1000,
    tags: r.tags,
    orderNumbers: r.entities.orderNumbers.map((o) => o.normalized),
    ...(r.autoReply ? { autoReply: true } : {}),
    ...(r.sla ? { firstResponseDue: r.sla.firstResponseDue } : {}),
    rules: r.matchedRules.map((m) => m.id),
  };
}

/**
 * One NDJSON line in, one line out: the decision (or, with `full`, the whole classification), or an
 * error object. Never throws.
 */
export function classifyLine(router: Router, line: string, lineNumber: number, full = false): string {
  let item: unknown;
  try {
    // a byte order mark (helpdesk exports start with one; concatenated ones have it mid-stream) is not JSON
    item = JSON.parse(stripBom(line));
  } catch (e) {
    return JSON.stringify({ line: lineNumber, error: { code: 'INVALID_JSON', message: (e as Error).message } });
  }
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    const message = `line ${lineNumber} is not an inquiry: expected an object such as {"id": "1", "text": "…"}`;
    return JSON.stringify({ line: lineNumber, error: { code: 'INVALID_INPUT', message } });
  }
  const fields = item as Record<string, unknown>;
  const id = fields.id;
  try {
    const r = router.classify(inquiryOf(fields) as never);
    const out = full ? r : summary(r);
    return JSON.stringify(id !== undefined ? { id, ...out } : out);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const error = { code: typeof code === 'string' ? code : 'ERROR', message: (e as Error).message };
    return JSON.stringify(id !== undefined ? { id, error } : { line: lineNumber, error });
  }
}

/**
 * The inquiry of a line: `text` alone is the whole inquiry; beside other fields (`receivedAt`,
 * `customer`, …) it is the body. Without `text`, the line is a structured inquiry.
 */
function inquiryOf(fields: Record<string, unknown>): unknown {
  let other = false;
  const rest: Record<string, unknown> = {};
  for (const key in fields) {
    // "__proto__" would set the prototype of `rest` (JSON.parse makes it an own key of the line)
    if (key === 'id' || key === 'text' || key === '__proto__') continue;
    rest[key] = fields[key];
    other = true;
  }
  if (!('text' in fields)) return rest;
  const text = fields.text;
  if (typeof text !== 'string') throw new InputError('"text" must be a string');
  if (!other) return text;
  if (rest.body !== undefined) throw new InputError('a line has "text" or "body", not both');
  rest.body = text;
  return rest;
}

/** The worker side: classify the batches the main thread sends. */
export async function runWorker(data: WorkerData): Promise<void> {
  const { createRouter } = await import('../router');
  let router: Router;
  try {
    router = await createRouter(data.rules ? { rules: data.rules } : {});
  } catch (e) {
    // rules that do not load: their problems go to the main thread, which reports them as it would its own
    const failed: WorkerFailure = { message: (e as Error).message, ...(e instanceof RuleLoadError ? { issues: e.issues } : {}) };
    parentPort!.postMessage({ failed });
    return;
  }
  parentPort!.on('message', (msg: { seq: number; first: number; text: string }) => {
    let out = '';
    let count = 0;
    msg.text.split('\n').forEach((l, i) => {
      if (!l.trim()) return;
      // a CRLF line ends in '\r' here: without it, as the one-process path reads it
      const line = l.charCodeAt(l.length - 1) === 13 ? l.slice(0, -1) : l;
      out += classifyLine(router, line, msg.first + i, data.full === true) + '\n';
      count++;
    });
    parentPort!.postMessage({ seq: msg.seq, out, count });
  });
  parentPort!.postMessage({ ready: true });
}

/**
 * The progress line of a `--workers` run: how many inquiries are classified and how fast, after a bar
 * when the share of the input read is known (`fraction`, when the input is a file).
 */
export function progressLine(done: number, elapsedMs: number, fraction?: number): string {
  const rate = elapsedMs > 0 ? Math.round(done / (elapsedMs / 1000)) : 0;
  const count = `${done.toLocaleString('en-US')} classified, ${rate.toLocaleString('en-US')}/s`;
  if (fraction === undefined || !Number.isFinite(fraction)) return count;
  const f = Math.min(1, Math.max(0, fraction));
  const full = Math.round(f * PROGRESS_WIDTH);
  return `[${'#'.repeat(full)}${'-'.repeat(PROGRESS_WIDTH - full)}] ${String(Math.floor(f * 100)).padStart(3)}% ${count}`;
}

const PROGRESS_WIDTH = 30;

/**
 * The main side: read NDJSON, fan out to workers, write results in order. `write` receives whole
 * batches of output lines (each ending in a newline). `progress` is told, after each batch, how many
 * inquiries are done and how many bytes of input have been read.
 */
export async function runPool(script: URL, workers: number, rules: string | undefined, input: Readable, write: (chunk: string) => void, progress?: (done: number, bytesRead: number) => void, full = false): Promise<void> {
  const pool = Array.from({ length: workers }, () => new Worker(script, { workerData: { role: 'inquiry-router-worker', full, ...(rules ? { rules } : {}) } satisfies WorkerData }));
  const ready = pool.map((w) => new Promise<void>((resolve, reject) => {
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`a worker stopped before it was ready (exit code ${code})`)));
    w.once('message', (msg: { failed?: WorkerFailure }) => {
      if (!msg.failed) resolve();
      else reject(msg.failed.issues ? new RuleLoadError(msg.failed.issues) : new Error(msg.failed.message));
    });
  }));
  try {
    await Promise.all(ready);
  } catch (e) {
    await Promise.all(pool.map((w) => w.terminate()));
    throw e;
  }
  const pending = new Map<number, string>();
  let nextToWrite = 0;
  let sent = 0;
  let done = 0;
  let bytesRead = 0;
  const inFlight = new Set<number>();
  let drained: (() => void) | undefined;
  const flush = () => {
    while (pending.has(nextToWrite)) {
      const chunk = pending.get(nextToWrite)!;
      if (chunk) write(chunk);
      pending.delete(nextToWrite);
      nextToWrite++;
    }
  };
  // A worker that fails or stops mid-run ends the run with its error: the batches it held are lost, and
  // waiting for them would never end.
  let failure: Error | undefined;
  let closing = false;
  const fail = (e: Error) => {
    failure ??= e;
    input.destroy();
    drained?.();
  };
  for (const w of pool) {
    w.on('message', (msg: { seq: number; out: string; count: number }) => {
      pending.set(msg.seq, msg.out);
      inFlight.delete(msg.seq);
      done += msg.count;
      progress?.(done, bytesRead);
      flush();
      drained?.();
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (!closing) fail(new Error(`a worker stopped (exit code ${code})`));
    });
  }
  // The main thread only cuts the input into batches of whole lines; the workers parse them.
  let carry = '';
  let lineNo = 1;
  const send = async (text: string) => {
    // keep at most two batches per worker in flight
    while (inFlight.size >= workers * 2 && !failure) await new Promise<void>((r) => (drained = r));
    if (failure) return;
    const seq = sent++;
    inFlight.add(seq);
    pool[seq % workers]!.postMessage({ seq, first: lineNo, text });
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    lineNo += lines;
  };
  const read = async () => {
    input.setEncoding('utf8');
    for await (const chunk of input as AsyncIterable<string>) {
      if (failure) return;
      carry += chunk;
      if (progress) bytesRead += Buffer.byteLength(chunk);
      // A full batch goes out at once; a smaller one when the input has nothing more ready, so that a
      // live stream's lines are not held back waiting for more.
      if (carry.length < BATCH_CHARS && input.readableLength > 0) continue;
      const cut = carry.lastIndexOf('\n');
      if (cut < 0) continue;
      const text = carry.slice(0, cut);
      carry = carry.slice(cut + 1);
      await send(text);
    }
    if (carry.trim()) await send(carry.replace(/\n$/, ''));
  };
  try {
    await read();
  } catch (e) {
    failure ??= e as Error; // the input failed (or stopped because a worker did)
  }
  while (inFlight.size > 0 && !failure) await new Promise<void>((r) => (drained = r));
  closing = true;
  if (!failure) flush();
  await Promise.all(pool.map((w) => w.terminate()));
  if (failure) throw failure;
}
