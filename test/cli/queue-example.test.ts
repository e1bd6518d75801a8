// examples/queue-worker.mjs: routing inside a queue consumer (fastq), run as a user would run it, on the
// built package (npm test builds first).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, test } from 'vitest';
import { classify } from '../../src';

const root = path.resolve(__dirname, '../..');

test('the queue example routes every inquiry as classify does, in input order, and reports a bad line', () => {
  const fixtures = parse(readFileSync(path.join(root, 'fixtures/sv.yaml'), 'utf8')) as Array<{ text?: string; subject?: string; body?: string }>;
  const jobs = fixtures.slice(0, 40).map((f, i) => (f.text !== undefined ? { id: i, text: f.text } : { id: i, subject: f.subject, body: f.body }));
  const input = [...jobs.map((j) => JSON.stringify(j)), '{not json'].join('\n') + '\n';
  const out = execFileSync(process.execPath, [path.join(root, 'examples/queue-worker.mjs')], { input, cwd: root }).toString();
  const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines).toHaveLength(jobs.length + 1);
  jobs.forEach((job, i) => {
    const r = classify(job.text ?? { subject: job.subject, body: job.body });
    expect(lines[i]).toEqual({
      id: job.id,
      category: r.category,
      priority: r.priority,
      team: r.team,
      tags: r.tags,
      orderNumbers: r.entities.orderNumbers.map((o) => o.normalized),
      rules: r.matchedRules.map((m) => m.id),
    });
  });
  expect(lines[jobs.length]).toHaveProperty('error');
});
