/** FNV-1a over UTF-16 code units, shared by the language model and the tokenizer. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of `s[from .. to)` continuing from `h`, as an unsigned 32-bit number. */
export function fnv(s: string, from: number, to: number, h: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}
