import { describe, expect, test } from 'vitest';
import { checkPattern } from '../../src/rules/safe-pattern';

describe('checkPattern', () => {
  test.each(['^ord-\\d{4}-\\d{6}$', '\\b(order|ordine)\\s*\\d+', '[a-z]+@[a-z]+\\.se', '(?:nr|no)\\.?\\s?\\d{5,10}'])('accepts %s', (p) => {
    expect(checkPattern(p)).toBeUndefined();
  });

  test.each([
    ['(a+)+$', 'UNSAFE_PATTERN'],
    ['(a|aa)*b', 'UNSAFE_PATTERN'],
    ['(\\d+\\s?)+x', 'UNSAFE_PATTERN'],
    ['(x)\\1', 'UNSAFE_PATTERN'],
    ['(?=a)b', 'UNSAFE_PATTERN'],
    ['(unclosed', 'INVALID_PATTERN'],
  ])('rejects %s with %s', (p, code) => {
    expect(checkPattern(p)?.code).toBe(code);
  });
});
