// The Romanian stemmer kept in src/generated (alone, without the other languages of its package) stems
// as the package does, and the generated file is that of the installed package.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import snowball from 'snowball-stemmers';
import { expect, test } from 'vitest';
import { newRomanianStemmer } from '../../src/generated/romanian-stemmer';
import { stem } from '../../src/text/stem';

const root = path.resolve(__dirname, '../..');

test('the Romanian stemmer stems Romanian words and their inflected forms as snowball-stemmers does', () => {
  const dic = readFileSync(path.join(root, 'node_modules/dictionary-ro/index.dic'), 'utf8');
  const bases = dic
    .split('\n')
    .slice(1)
    .map((l) => l.split('/')[0]!.toLowerCase())
    .filter((w, i) => i % 20 === 0 && /^[a-zăâîșțşţ]{2,}$/.test(w));
  const words = bases.flatMap((w) => [w, `${w}ul`, `${w}ului`, `${w}ilor`, `${w}ele`, `${w}ă`, `${w}ați`, `${w}ește`]);
  const reference = snowball.newStemmer('romanian');
  const ours = newRomanianStemmer();
  const different = words.filter((w) => ours.stem(w) !== reference.stem(w));
  expect(words.length).toBeGreaterThan(20_000);
  expect(different).toEqual([]);
  expect(stem('comenzile', 'ro')).toBe(reference.stem('comenzile'));
  expect(stem('deteriorat', 'ro')).toBe('deterior');
});

test('src/generated/romanian-stemmer.ts is up to date with the installed snowball-stemmers', () => {
  expect(() => execFileSync(process.execPath, [path.join(root, 'scripts/build-romanian-stemmer.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
});
