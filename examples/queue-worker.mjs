// Routing inside a queue consumer. A router is created once, when the worker starts; each job is one
// inquiry, classified by the router, and the job's result is the routing decision. fastq stands in for
// the queue here (an in-process work queue with a concurrency limit); with a broker's consumer (BullMQ,
// SQS, RabbitMQ) the job handler stays the same. Run more consumer processes to use more cores: the
// router keeps no state between inquiries.
//
//   node examples/queue-worker.mjs [--rules dir] < inquiries.ndjson > routed.ndjson
//
// Each input line is {"id": ..., "text": "..."} or {"id": ..., "subject": "...", "body": "..."}.
import fastq from 'fastq';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { createRouter } from 'inquiry-router';

/** A queue whose jobs are inquiries and whose results are routing decisions. */
export async function createRoutingQueue({ rules, concurrency = 1 } = {}) {
  const router = await createRouter(rules ? { rules } : {});
  return fastq.promise(async (job) => {
    const { id, text, ...fields } = job;
    const r = router.classify(typeof text === 'string' ? text : fields);
    return {
      id,
      category: r.category,
      priority: r.priority,
      team: r.team,
      tags: r.tags,
      orderNumbers: r.entities.orderNumbers.map((o) => o.normalized),
      rules: r.matchedRules.map((m) => m.id),
    };
  }, concurrency);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--rules');
  const queue = await createRoutingQueue({ rules: at > 0 ? process.argv[at + 1] : undefined, concurrency: 4 });
  const pending = [];
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    // results are written in input order, whatever order the jobs finish in
    pending.push(Promise.resolve(line).then((l) => queue.push(JSON.parse(l))).catch((e) => ({ error: e.message })));
  }
  for (const result of await Promise.all(pending)) process.stdout.write(JSON.stringify(result) + '\n');
}
