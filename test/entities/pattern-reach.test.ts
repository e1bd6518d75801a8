import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEntityExtractor, DEFAULT_ENTITY_CONFIG } from '../../src/entities';
import { digitReach } from '../../src/entities/reach';

describe('digitReach', () => {
  it('bounds where the first sure digit of a match lies', () => {
    expect(digitReach('\\d{3}-\\d{7}-\\d{7}', 'ig')).toBe(0);
    expect(digitReach('#\\s?\\d{4,10}', 'ig')).toBe(2);
    expect(digitReach('ORD-\\d{4}-\\d{4,8}', 'ig')).toBe(4);
    expect(digitReach('WEB-?\\d{5,9}', 'ig')).toBe(4);
    expect(digitReach('(?:CASE|TICKET|TCK)-\\d{4,10}', 'ig')).toBe(7);
    expect(digitReach('(?<o>(?:SE-\\d{6,8}))|(?<c>(?:[A-Z]{2}[0-9]{3}))', 'ig')).toBe(3);
    expect(digitReach('x{2,3}?[^a]\\.7', 's')).toBe(5);
  });

  it('gives up on what it does not understand or cannot bound', () => {
    for (const source of ['[A-Z]+\\d', '\\d*', '\\d?x', 'a|\\d', '(?=a)\\d', '(?<=a)\\d', '\\bA\\d', '^\\d', '(a)\\1\\d', 'a{,2}\\d', '[\\d-]', '\\p{L}\\d', 'a(?:b|c*)\\d', '\\d{0}x']) {
      expect(digitReach(source, 'g'), source).toBeNull();
    }
    expect(digitReach('\\d', 'ug')).toBeNull();
  });
});

describe('patterns searched near digit runs', () => {
  // The same patterns behind an always-true lookahead are scanned over the whole text: both must agree.
  const patterns = [
    { id: 'a', pattern: '[A-Z]{2}-?\\d{2,4}', flags: 'i' },
    { id: 'b', pattern: '(?:x|yy)\\s?\\d\\d?-\\d', flags: '' },
    { id: 'c', pattern: 'Q.{0,6}\\d{2}', flags: 's' },
    { id: 'd', pattern: '\\d{3}/\\d', flags: 'i' },
  ];
  const whole = (p: { id: string; pattern: string; flags: string }) => ({ ...p, pattern: `(?=[\\s\\S])(?:${p.pattern})` });
  const near = createEntityExtractor({ orderNumbers: { patterns: [patterns[0]!, patterns[2]!, patterns[3]!] }, caseNumbers: { patterns: [patterns[1]!] } });
  const full = createEntityExtractor({ orderNumbers: { patterns: [whole(patterns[0]!), whole(patterns[2]!), whole(patterns[3]!)] }, caseNumbers: { patterns: [whole(patterns[1]!)] } });

  it('finds exactly what a scan of the whole text finds', () => {
    const part = fc.constantFrom('1', '23', '4567', '890123', '12345678901234567890', '/', 'ab', 'AB', 'Q', 'x', 'yy', '-', ' ', '  ', '\n', '#', 'order', 'ärende', '.', 'é');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(near.extract(text)).toEqual(full.extract(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the built-in formats', () => {
    expect(DEFAULT_ENTITY_CONFIG.orderNumbers?.patterns?.every((p) => digitReach(p.pattern, `${p.flags ?? ''}g`) !== null)).toBe(true);
  });
});
