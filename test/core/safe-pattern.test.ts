import { describe, expect, test } from 'vitest';
import { checkEntityFormat, checkPattern } from '../../src/rules/safe-pattern';

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

describe('checkEntityFormat', () => {
  test.each(['\\d{3}-\\d{7}-\\d{7}', '#\\s?\\d{4,10}', 'ORD-\\d{4}-\\d{4,8}', 'WEB-?\\d{5,9}', '(?:CASE|TICKET|TCK)-\\d{4,10}'])('accepts the bounded format %s', (p) => {
    expect(checkEntityFormat(p, 'i')).toBeUndefined();
  });

  test.each([
    ['ORD-\\d+', /bounded length/],
    ['ORD-\\d{4,}', /bounded length/],
    ['ORD.*\\d{6}', /bounded length/],
    ['\\d{1,40}-?\\d{1,40}', /3200 ways/],
    ['(\\d{2}-?)+x', /repeated group/],
  ])('refuses %s', (p, message) => {
    const problem = checkEntityFormat(p);
    expect(problem?.code).toBe('UNSAFE_PATTERN');
    expect(problem?.message).toMatch(message);
  });
});

describe('checkPattern and the linear-time engine', () => {
  test('accepts repeats the engine runs in linear time, and refuses what it cannot run', () => {
    expect(checkPattern('faktura.*\\d+.*betald')).toBeUndefined();
    expect(checkPattern('[a-z]+[a-z]+!')).toBeUndefined();
    expect(checkPattern('ärende\\s\\p{N}+')).toBeUndefined();
    const problem = checkPattern('\\d+(?<!0)');
    expect(problem?.code).toBe('UNSAFE_PATTERN');
  });
});
