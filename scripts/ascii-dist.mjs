#!/usr/bin/env node
// Rewrites every non-ASCII character in dist/*.js and dist/*.cjs (or in the folder given) as a \uXXXX
// escape. esbuild escapes them in strings but leaves them in regular expression literals; one such
// character makes V8 read and parse the whole file as two-byte text, which costs start-up time. \uXXXX
// means the same character in strings, template literals, regular expressions (with or without the u
// flag: an escaped surrogate pair is one code point there) and identifiers, and is inert in comments.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'dist');
let changed = 0;
for (const name of readdirSync(dist)) {
  if (!/\.(c?js)$/.test(name)) continue;
  const file = path.join(dist, name);
  const text = readFileSync(file, 'utf8');
  if (!/[^\x00-\x7f]/.test(text)) continue;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out += text[i];
      continue;
    }
    // an escape right after a backslash would change its meaning ("\é" is not "\\u00e9")
    let slashes = 0;
    for (let k = i - 1; k >= 0 && text.charCodeAt(k) === 0x5c; k--) slashes++;
    if (slashes % 2 === 1) throw new Error(`${name}: a backslash before a non-ASCII character at ${i}; cannot escape it safely`);
    out += '\\u' + code.toString(16).padStart(4, '0');
  }
  writeFileSync(file, out);
  changed++;
}
console.error(`ascii-dist: ${changed} file(s) rewritten`);
