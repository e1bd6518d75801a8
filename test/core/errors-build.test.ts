// The error classes in the built package (minified, in an ES module and a CommonJS build): their names
// survive minification, and an error from one build is recognised by the other's classes.
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import * as esm from '../../dist/index.js';

const cjs = createRequire(import.meta.url)('../../dist/index.cjs') as typeof esm;

function inputError(lib: typeof esm): Error {
  try {
    lib.classify(null as never);
  } catch (e) {
    return e as Error;
  }
  throw new Error('classify(null) did not throw');
}

describe('errors of the built package', () => {
  test('keep their class names', () => {
    const e = inputError(esm);
    expect(inspect(e)).toMatch(/^InputError: /);
    expect(esm.InputError.name).toBe('InputError');
    expect(cjs.RuleLoadError.name).toBe('RuleLoadError');
  });

  test('are recognised across the ES module and CommonJS builds', () => {
    const fromEsm = inputError(esm);
    const fromCjs = inputError(cjs);
    expect(fromEsm instanceof cjs.InputError).toBe(true);
    expect(fromEsm instanceof cjs.InquiryRouterError).toBe(true);
    expect(fromCjs instanceof esm.InputError).toBe(true);
    expect(cjs.isInquiryRouterError(fromEsm)).toBe(true);
    expect(esm.isInquiryRouterError(fromCjs)).toBe(true);
    // but not as another kind
    expect(fromEsm instanceof cjs.RuleLoadError).toBe(false);
    expect(new Error('x') instanceof esm.InquiryRouterError).toBe(false);
  });
});
