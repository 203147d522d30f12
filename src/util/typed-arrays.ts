/** Growth of the typed-array columns that allocator tables keep per slot. */

/** A typed array kind the columns use. */
export type Column = Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

/**
 * A new array of the same kind as `a` with `size` elements (size >= a.length):
 * `a`'s values first, then zeros. Growth paths only (the constructor is looked
 * up per call).
 */
export function copyGrown<A extends Column>(a: A, size: number): A {
  const out = new (a.constructor as new (n: number) => A)(size);
  out.set(a);
  return out;
}
