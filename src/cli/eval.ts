/**
 * `inquiry-router eval`: accuracy, per-category precision/recall/F1 and a confusion matrix over a file of
 * labelled inquiries; with `--compare`, what moves between two rule versions.
 */
import type { Fixture } from '../fixtures';
import type { Router } from '../router';
import type { InquiryInput } from '../types';

export interface Evaluation {
  total: number;
  correct: number;
  accuracy: number;
  perCategory: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  /** confusion[expected][got] = count */
  confusion: Record<string, Record<string, number>>;
}

export function evaluate(router: Router, fixtures: readonly Fixture[], inputs: ReadonlyArray<string | InquiryInput>, onProgress?: (done: number) => void): Evaluation {
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  let total = 0;
  fixtures.forEach((f, i) => {
    const want = f.expect.category;
    if (!want) return;
    const got = router.classify(inputs[i]!).category;
    total++;
    if (got === want) correct++;
    (confusion[want] ??= {})[got] = (confusion[want]![got] ?? 0) + 1;
    if (onProgress && i % 100 === 0) onProgress(i);
  });
  const cats = [...new Set([...Object.keys(confusion), ...Object.values(confusion).flatMap((r) => Object.keys(r))])].sort();
  const perCategory: Evaluation['perCategory'] = {};
  for (const c of cats) {
    const tp = confusion[c]?.[c] ?? 0;
    const support = Object.values(confusion[c] ?? {}).reduce((a, b) => a + b, 0);
    const predicted = cats.reduce((a, e) => a + (confusion[e]?.[c] ?? 0), 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    perCategory[c] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support };
  }
  return { total, correct, accuracy: total ? correct / total : 0, perCategory, confusion };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatEvaluation(e: Evaluation): string {
  const out: string[] = [];
  out.push(`accuracy ${pct(e.accuracy)} (${e.correct} of ${e.total})`);
  out.push('');
  out.push(`${'category'.padEnd(14)}${'precision'.padStart(10)}${'recall'.padStart(9)}${'F1'.padStart(8)}${'support'.padStart(9)}`);
  for (const [c, m] of Object.entries(e.perCategory)) {
    out.push(`${c.padEnd(14)}${pct(m.precision).padStart(10)}${pct(m.recall).padStart(9)}${m.f1.toFixed(2).padStart(8)}${String(m.support).padStart(9)}`);
  }
  const cats = Object.keys(e.perCategory);
  out.push('');
  out.push('confusion matrix (rows: expected, columns: got)');
  const w = Math.max(6, ...cats.map((c) => c.length)) + 1;
  out.push(''.padEnd(14) + cats.map((c) => c.slice(0, w - 1).padStart(w)).join(''));
  for (const r of cats) out.push(r.padEnd(14) + cats.map((c) => String(e.confusion[r]?.[c] ?? 0).padStart(w)).join(''));
  return out.join('\n');
}

/** Inquiries that one rule version routes to `from` and the other to `to`. */
export interface Move {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly inquiries: ReadonlyArray<{ readonly id: string; readonly expected?: string; readonly text: string }>;
}

/** What moves from the rules before a change to the rules after it. */
export interface Comparison {
  readonly before: string;
  readonly after: string;
  /** Largest first. */
  readonly moves: readonly Move[];
}

/**
 * What moves between two rule versions: each inquiry that `before` routes to one category and `after`
 * to another, grouped as "from → to" (read from the rules before the change to the rules after it).
 */
export function compareRouters(before: Router, after: Router, fixtures: readonly Fixture[], inputs: ReadonlyArray<string | InquiryInput>, beforeName: string, afterName: string): Comparison {
  const moves = new Map<string, { from: string; to: string; list: Fixture[] }>();
  fixtures.forEach((f, i) => {
    const from = before.classify(inputs[i]!).category;
    const to = after.classify(inputs[i]!).category;
    if (from === to) return;
    const key = `${from}\u0000${to}`;
    let move = moves.get(key);
    if (!move) moves.set(key, (move = { from, to, list: [] }));
    move.list.push(f);
  });
  return {
    before: beforeName,
    after: afterName,
    moves: [...moves.values()]
      .sort((x, y) => y.list.length - x.list.length)
      .map(({ from, to, list }) => ({
        from,
        to,
        count: list.length,
        inquiries: list.map((f) => ({ id: f.id, ...(f.expect.category ? { expected: f.expect.category } : {}), text: fixtureText(f) })),
      })),
  };
}

function fixtureText(f: Fixture): string {
  return typeof f.input === 'string' ? f.input : `${f.input.subject ?? ''} ${f.input.body ?? f.input.html ?? ''}`.trim();
}

/** "Changes from BEFORE to AFTER:" and "N inquiries move from A to B", with up to three examples each. */
export function formatComparison(c: Comparison): string {
  if (c.moves.length === 0) return `No inquiry changes category from ${c.before} to ${c.after}.`;
  const out = [`Changes from ${c.before} to ${c.after}:`];
  for (const m of c.moves) {
    out.push(`  ${m.count} inquir${m.count === 1 ? 'y moves' : 'ies move'} from ${m.from} to ${m.to}`);
    for (const f of m.inquiries.slice(0, 3)) {
      const label = f.expected ? ` (labelled ${f.expected})` : '';
      out.push(`    - ${f.id}${label}: ${f.text.replace(/\s+/g, ' ').slice(0, 100)}`);
    }
  }
  return out.join('\n');
}
