/**
 * A vitest matcher for backends' own tests:
 *   import 'inquiry-router/vitest';
 *   expect(router.classify(msg)).toRoute({ category: 'returns', team: 'returns' });
 */
import { expect } from 'vitest';
import type { Classification } from './types';

export interface RouteExpectation {
  category?: string;
  team?: string;
  priority?: string;
  language?: string;
  tags?: string[];
  orderNumbers?: string[];
}

function pick(r: Classification, want: RouteExpectation): RouteExpectation {
  const got: RouteExpectation = {};
  if (want.category !== undefined) got.category = r.category;
  if (want.team !== undefined) got.team = r.team;
  if (want.priority !== undefined) got.priority = r.priority;
  if (want.language !== undefined) got.language = r.language.code;
  if (want.tags !== undefined) got.tags = want.tags.filter((t) => r.tags.includes(t));
  if (want.orderNumbers !== undefined) got.orderNumbers = r.entities.orderNumbers.map((o) => String(o.normalized));
  return got;
}

expect.extend({
  toRoute(received: Classification, want: RouteExpectation) {
    const got = pick(received, want);
    const norm = { ...want, ...(want.orderNumbers ? { orderNumbers: want.orderNumbers.map((o) => o.replace(/^#/, '').toUpperCase()) } : {}) };
    const pass = this.equals(got, norm);
    return {
      pass,
      message: () =>
        pass
          ? `expected the inquiry not to route to ${this.utils.printExpected(norm)}`
          : `expected the inquiry to route to\n${this.utils.diff(norm, got) ?? ''}\nrules that fired: ${received.matchedRules.map((m) => m.id).join(', ') || 'none'}`,
      actual: got,
      expected: norm,
    };
  },
});

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- must match vitest's own declaration
  interface Matchers<T = any> {
    toRoute(expected: RouteExpectation): T;
  }
}
