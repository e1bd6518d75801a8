#!/usr/bin/env node
import { isMainThread, workerData } from 'node:worker_threads';
import { main, reportError } from './cli/main';
import { runWorker, type WorkerData } from './cli/workers';

if (!isMainThread && (workerData as WorkerData | undefined)?.role === 'inquiry-router-worker') {
  void runWorker(workerData as WorkerData);
} else {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
  main(process.argv.slice(2), undefined, undefined, new URL(import.meta.url)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      reportError(e, (s) => console.error(s));
      process.exitCode = 2;
    },
  );
}
