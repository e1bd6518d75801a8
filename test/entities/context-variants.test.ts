import { describe, expect, test } from 'vitest';
import { extractEntities } from '../../src/entities';

// Regression: common spellings customers use next to order numbers.
describe('order-number context words, as customers spell them', () => {
  test.each([
    ['ordernumber 55123 . pls advise', '55123'],
    ['ordr nr 7723190', '7723190'],
    ['beställnig 7734521', '7734521'],
    ['ordrenummer 5523987', '5523987'],
  ])('%s', (text, want) => {
    expect(extractEntities(text).orderNumbers.map((o) => o.normalized)).toEqual([want]);
  });
});
