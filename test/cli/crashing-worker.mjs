// A worker for runPool's tests: it starts as the CLI's workers do, then fails on its first batch.
import { parentPort } from 'node:worker_threads';

parentPort.postMessage({ ready: true });
parentPort.on('message', () => {
  throw new Error('the worker broke');
});
