/**
 * `inquiry-router classify --workers N`: an NDJSON stream classified on N worker threads. Lines are sent
 * in batches; results are written in input order. Each worker loads the same rules once.
 */
import { Worker, parentPort } from 'node:worker_threads';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { Router } from '../router';

const BATCH = 256;

export interface WorkerData {
  readonly role: 'inquiry-router-worker';
  readonly rules?: string;
}

/** One NDJSON line in, one line out (the classification, or an error object). Never throws. */
export function classifyLine(router: Router, line: string, lineNumber: number): string {
  let item: Record<string, unknown>;
  try {
    item = JSON.parse(line) as Record<string, unknown>;
  } catch (e) {
    return JSON.stringify({ line: lineNumber, error: { code: 'INVALID_JSON', message: (e as Error).message } });
  }
  const { id, text, ...rest } = item && typeof item === 'object' ? item : ({} as Record<string, unknown>);
  try {
    const r = router.classify(typeof text === 'string' ? text : (rest as never));
    return JSON.stringify({ ...(id !== undefined ? { id } : {}), ...r });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return JSON.stringify({ ...(id !== undefined ? { id } : {}), error: { code: typeof code === 'string' ? code : 'ERROR', message: (e as Error).message } });
  }
}

/** The worker side: classify the batches the main thread sends. */
export async function runWorker(data: WorkerData): Promise<void> {
  const { createRouter } = await import('../router');
  const router = await createRouter(data.rules ? { rules: data.rules } : {});
  parentPort!.on('message', (msg: { seq: number; first: number; lines: string[] }) => {
    const out = msg.lines.map((l, i) => (l.trim() ? classifyLine(router, l, msg.first + i) : ''));
    parentPort!.postMessage({ seq: msg.seq, out });
  });
  parentPort!.postMessage({ ready: true });
}

/** The main side: read NDJSON, fan out to workers, write results in order. */
export async function runPool(script: URL, workers: number, rules: string | undefined, input: Readable, write: (s: string) => void, progress?: (done: number) => void): Promise<void> {
  const pool = Array.from({ length: workers }, () => new Worker(script, { workerData: { role: 'inquiry-router-worker', ...(rules ? { rules } : {}) } satisfies WorkerData }));
  const ready = pool.map((w) => new Promise<void>((resolve, reject) => {
    w.once('error', reject);
    w.once('message', () => resolve());
  }));
  await Promise.all(ready);
  const pending = new Map<number, string[]>();
  let nextToWrite = 0;
  let sent = 0;
  let done = 0;
  const inFlight = new Set<number>();
  let drained: (() => void) | undefined;
  const flush = () => {
    while (pending.has(nextToWrite)) {
      for (const line of pending.get(nextToWrite)!) if (line) write(line);
      pending.delete(nextToWrite);
      nextToWrite++;
    }
  };
  for (const w of pool) {
    w.on('message', (msg: { seq: number; out: string[] }) => {
      pending.set(msg.seq, msg.out);
      inFlight.delete(msg.seq);
      done += msg.out.length;
      progress?.(done);
      flush();
      drained?.();
    });
  }
  const rl = createInterface({ input, crlfDelay: Infinity });
  let batch: string[] = [];
  let first = 1;
  let lineNo = 0;
  const send = async () => {
    // keep at most two batches per worker in flight
    while (inFlight.size >= workers * 2) await new Promise<void>((r) => (drained = r));
    const seq = sent++;
    inFlight.add(seq);
    pool[seq % workers]!.postMessage({ seq, first, lines: batch });
    batch = [];
    first = lineNo + 1;
  };
  for await (const line of rl) {
    lineNo++;
    batch.push(line);
    if (batch.length >= BATCH) await send();
  }
  if (batch.length) await send();
  while (inFlight.size > 0) await new Promise<void>((r) => (drained = r));
  flush();
  await Promise.all(pool.map((w) => w.terminate()));
}
