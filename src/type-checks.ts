/** Compile-time checks used to keep hand-written public types equal to the zod schemas. */
export type Extends<A, B> = [A] extends [B] ? true : false;
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile unless `T` is `true`. */
export type Assert<T extends true> = T;
