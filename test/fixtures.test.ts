// Every labelled fixture in fixtures/ (all languages, e-mails, .eml files) routed with the default
// rules. A fixture that is known to fail sits on the skip list (test/fixture-skips.ts) with what happens instead.
import { describe, expect, test } from 'vitest';
import { classify } from '../src';
import { compareFixture, type Fixture } from '../src/fixtures';
import { fixtureFiles, fixtureInput, loadFixtureFiles } from '../src/fixtures-io';

import { SKIP } from './fixture-skips';

const fixtures: Fixture[] = loadFixtureFiles(fixtureFiles('fixtures'));

describe('fixtures', () => {
  test('there are at least 50 per language', () => {
    for (const lang of ['sv', 'en', 'it', 'ro']) {
      expect(fixtures.filter((f) => f.expect.language === lang).length).toBeGreaterThanOrEqual(50);
    }
  });

  test.each(fixtures.map((f) => [`${f.file} ${f.id}`, f] as const))('%s', async (_name, f) => {
    const result = classify(await fixtureInput(f));
    const mismatches = compareFixture(result, f.expect);
    if (SKIP[f.id]) {
      expect(mismatches, `${f.id} is on the skip list but now passes: remove it from SKIP`).not.toEqual([]);
      return;
    }
    const text = typeof f.input === 'string' ? f.input : JSON.stringify(f.input).slice(0, 400);
    expect(mismatches, `text: ${text}\nrules: ${result.matchedRules.map((m) => m.id).join(', ')}`).toEqual([]);
  });
});
