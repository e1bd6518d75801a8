/**
 * The detector's lookup structures, built once from the generated data (model-data.ts) on first use:
 * stop-word table, character n-gram weight table, membership filters and stemming suffixes.
 * Nothing runs at import time.
 */
import {
  ALPHABETS,
  CLASSES,
  FILTERS,
  MAX_ORDER,
  MAX_SUFFIX,
  MIN_STEM,
  NGRAM_HASHES,
  NGRAM_QUANT,
  NGRAM_WEIGHTS,
  NEIGHBOURS,
  OURS,
  SHORT_MAX,
  STOP_WORDS,
  SUFFIXES,
} from './model-data';
import { FNV_OFFSET, FNV_PRIME, fnv } from '../text/hash';

export { CLASSES, OURS, SHORT_MAX, MIN_STEM, MAX_SUFFIX, MAX_ORDER, NGRAM_QUANT };
export { FNV_OFFSET, FNV_PRIME, fnv };
export const K = CLASSES.length;

export const STEM_SALT = 0x9e3779b9;
/** Code unit standing for a word boundary in n-grams. */
export const BOUND = 1;
/** Letters above this code point are never in an alphabet of ours. */
export const ALPHABET_LIMIT = 0x250;
/** Bits of an n-gram hash that select its bucket in Model.ngStart. */
export const NG_BITS = 15;

export interface Filter {
  readonly seed: number;
  readonly seg: number;
  readonly fp: Uint8Array;
}

export interface Model {
  /** Stop word → bit mask of the classes that list it. */
  readonly stop: ReadonlyMap<string, number>;
  /** The n-gram hashes, sorted; an n-gram's row of weights is its index here. */
  readonly ngHashes: Uint32Array;
  /**
   * Index by the top NG_BITS bits of the hash: the n-grams whose hashes start with b are
   * ngHashes[ngStart[b], ngStart[b + 1]) (under one on average). Built in one pass over the sorted hashes,
   * which is much cheaper at start-up than filling a hash table.
   */
  readonly ngStart: Int32Array;
  /** Row-major Int8 weights, K per n-gram, in units of 1/NGRAM_QUANT nat. */
  readonly ngWeights: Int8Array;
  /** One filter per language of ours. */
  readonly filters: readonly Filter[];
  /** Short forms of ours → mask of the neighbour classes that have the form too. */
  readonly neighbours: { readonly seed: number; readonly seg: number; readonly slots: Uint16Array };
  /**
   * By suffix length: hash of the reversed suffix → mask of the languages of ours that strip it (one
   * lookup per length serves all four languages).
   */
  readonly suffixes: ReadonlyArray<ReadonlyMap<number, number>>;
  /** Code unit → bit mask of the languages of ours whose alphabet has that letter. */
  readonly alphabet: Uint8Array;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64: natively where Buffer exists, else in plain JavaScript. */
export function decodeBase64(s: string): Uint8Array {
  const B = (globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } }).Buffer;
  if (B) return B.from(s, 'base64');
  return decodeBase64Js(s);
}

/** Decodes base64 without Buffer or atob. */
export function decodeBase64Js(s: string): Uint8Array {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61 /* = */) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const n =
      (lookup[s.charCodeAt(i)]! << 18) |
      (lookup[s.charCodeAt(i + 1)]! << 12) |
      (lookup[s.charCodeAt(i + 2)]! << 6) |
      lookup[s.charCodeAt(i + 3)]!;
    out[o++] = (n >> 16) & 255;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = len - i;
  if (rest >= 2) {
    const n = (lookup[s.charCodeAt(i)]! << 18) | (lookup[s.charCodeAt(i + 1)]! << 12) | (rest === 3 ? lookup[s.charCodeAt(i + 2)]! << 6 : 0);
    out[o++] = (n >> 16) & 255;
    if (rest === 3) out[o++] = (n >> 8) & 255;
  }
  return out;
}

export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function get6(a: Uint8Array, i: number): number {
  const bit = i * 6;
  const byte = bit >>> 3;
  return ((a[byte]! | (a[byte + 1]! << 8)) >>> (bit & 7)) & 63;
}

/** Whether the key hash is in the filter (false positives about 1 in 64). */
export function inFilter(f: Filter, h: number): boolean {
  const seg = f.seg;
  const seed = f.seed;
  const p0 = Math.floor((fmix((h ^ seed) >>> 0) * seg) / 4294967296);
  const p1 = seg + Math.floor((fmix((h ^ Math.imul(seed, 2)) >>> 0) * seg) / 4294967296);
  const p2 = 2 * seg + Math.floor((fmix((h ^ Math.imul(seed, 3)) >>> 0) * seg) / 4294967296);
  const fp = fmix((h ^ seed ^ 0x5bd1e995) >>> 0) & 63;
  return (get6(f.fp, p0) ^ get6(f.fp, p1) ^ get6(f.fp, p2)) === fp;
}

/** The neighbour mask stored for the key hash, or −1 when the key is not in the table. */
export function neighbourMask(t: Model['neighbours'], h: number): number {
  const seg = t.seg;
  const seed = t.seed;
  const p0 = Math.floor((fmix((h ^ seed) >>> 0) * seg) / 4294967296);
  const p1 = seg + Math.floor((fmix((h ^ Math.imul(seed, 2)) >>> 0) * seg) / 4294967296);
  const p2 = 2 * seg + Math.floor((fmix((h ^ Math.imul(seed, 3)) >>> 0) * seg) / 4294967296);
  const v = t.slots[p0]! ^ t.slots[p1]! ^ t.slots[p2]!;
  const fp = fmix((h ^ seed ^ 0x5bd1e995) >>> 0) & 0xff;
  return v >>> 8 === fp ? v & 0xff : -1;
}

let model: Model | undefined;

/** The model, built on first call and then shared (it is never mutated). */
export function getModel(): Model {
  return (model ??= buildModel());
}

function buildModel(): Model {
  // Plain indexed loops: this runs once, mostly before the JIT has compiled anything, where
  // forEach/for…of and per-element DataView calls cost several milliseconds.
  const stop = new Map<string, number>();
  for (let c = 0; c < STOP_WORDS.length; c++) {
    const list = STOP_WORDS[c]!.split(' ');
    const bit = 1 << c;
    for (let i = 0; i < list.length; i++) {
      const w = list[i]!;
      if (w) stop.set(w, (stop.get(w) ?? 0) | bit);
    }
  }

  const little = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
  let ngHashes = uint32s(decodeBase64(NGRAM_HASHES), little);
  const w = decodeBase64(NGRAM_WEIGHTS);
  let ngWeights = new Int8Array(w.buffer, w.byteOffset, w.byteLength);
  let ngStart = bucketStarts(ngHashes);
  // The generator writes the hashes sorted; should that ever not hold, sort them with their rows.
  if (!ngStart) {
    ({ hashes: ngHashes, weights: ngWeights } = sortRows(ngHashes, ngWeights));
    ngStart = bucketStarts(ngHashes)!;
  }

  const filters = FILTERS.map((f) => ({ seed: f.seed, seg: f.seg, fp: decodeBase64(f.data) }));

  const neighbours = { seed: NEIGHBOURS.seed, seg: NEIGHBOURS.seg, slots: uint16s(decodeBase64(NEIGHBOURS.data), little) };

  const suffixes: Array<Map<number, number>> = [];
  for (let k = 0; k <= MAX_SUFFIX; k++) suffixes.push(new Map());
  for (let c = 0; c < SUFFIXES.length; c++) {
    const list = SUFFIXES[c]!.split(' ');
    for (let j = 0; j < list.length; j++) {
      const s = list[j]!;
      if (!s || s.length > MAX_SUFFIX) continue;
      let h = FNV_OFFSET;
      for (let i = s.length - 1; i >= 0; i--) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
      const byHash = suffixes[s.length]!;
      byHash.set(h >>> 0, (byHash.get(h >>> 0) ?? 0) | (1 << c));
    }
  }

  const alphabet = new Uint8Array(ALPHABET_LIMIT);
  ALPHABETS.forEach((letters, c) => {
    for (let i = 0; i < letters.length; i++) {
      const code = letters.charCodeAt(i);
      if (code < ALPHABET_LIMIT) alphabet[code]! |= 1 << c;
    }
  });

  return { stop, ngHashes, ngStart, ngWeights, filters, neighbours, suffixes, alphabet };
}

/** Start of each bucket of sorted hashes (see Model.ngStart), or undefined when they are not sorted. */
function bucketStarts(hashes: Uint32Array): Int32Array | undefined {
  const n = hashes.length;
  const buckets = 1 << NG_BITS;
  const starts = new Int32Array(buckets + 1);
  let b = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    if (h < prev) return undefined;
    prev = h;
    const top = h >>> (32 - NG_BITS);
    while (b <= top) starts[b++] = i;
  }
  while (b <= buckets) starts[b++] = n;
  return starts;
}

function sortRows(hashes: Uint32Array, weights: Int8Array): { hashes: Uint32Array; weights: Int8Array } {
  const order = Array.from(hashes.keys()).sort((a, b) => hashes[a]! - hashes[b]! || a - b);
  const sorted = new Uint32Array(hashes.length);
  const rows = new Int8Array(weights.length);
  order.forEach((from, to) => {
    sorted[to] = hashes[from]!;
    rows.set(weights.subarray(from * K, (from + 1) * K), to * K);
  });
  return { hashes: sorted, weights: rows };
}

/** Little-endian Uint32 values: a view on the bytes where the platform and alignment allow, else a copy. */
function uint32s(bytes: Uint8Array, little: boolean): Uint32Array {
  const n = bytes.length >>> 2;
  if (little && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, n);
  const out = new Uint32Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** Little-endian Uint16 values: a view on the bytes where the platform and alignment allow, else a copy. */
function uint16s(bytes: Uint8Array, little: boolean): Uint16Array {
  const n = bytes.length >>> 1;
  if (little && bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, n);
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
  return out;
}
