import { describe, expect, test } from 'vitest';
import '../../src/vitest';
import { classify } from '../../src';

describe('toRoute', () => {
  test('passes when the fields given match', () => {
    expect(classify('Paketet kom skadat, order 4481923')).toRoute({ category: 'returns', team: 'returns', language: 'sv' });
  });

  test('fails with a readable diff naming the rules that fired', () => {
    let message = '';
    try {
      expect(classify('Paketet kom skadat')).toRoute({ category: 'billing' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/expected the inquiry to route to/);
    expect(message).toMatch(/billing/);
    expect(message).toMatch(/returns/);
    expect(message).toMatch(/returns-damaged/);
  });

  test('.not works', () => {
    expect(classify('Var är mitt paket?')).not.toRoute({ category: 'returns' });
  });
});
