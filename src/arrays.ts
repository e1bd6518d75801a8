/** Small array helpers shared by the per-inquiry stages. */

/**
 * Stable in-place sort for the short lists of one inquiry (entity candidates, rules to evaluate).
 * `Array.prototype.sort` allocates a work array on every call; an insertion sort of a few items does
 * not and orders them the same.
 */
export function sortInPlace<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > 32) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(list[j] as T, item) > 0) {
      list[j + 1] = list[j] as T;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}

/** `to`, larger, with the contents of `from` at its start. */
export function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
