/**
 * Exact-size copies of Uint32Array ranges (RangeSet's small form), for
 * kernels that compute into a reused scratch area (TypeScript or Wasm
 * memory) and hand out a fresh result.
 */

/**
 * Byte size from which `copyOutU32` allocates its result without zero
 * filling. Below it the result is `slice`d: typed arrays up to 64 bytes live
 * on the V8 heap, and zeroing a few KiB costs next to nothing.
 */
export const UNFILLED_COPY_BYTES = 4096;

/**
 * A fresh Uint32Array holding `len` values of `view` from index `start`
 * (a copy: later writes to `view` do not show through). From
 * UNFILLED_COPY_BYTES up, its memory comes from `Buffer.allocUnsafeSlow` (an
 * ArrayBuffer of exactly `len * 4` bytes that is not zero-filled) and is
 * overwritten in full before it is returned, which saves `slice`'s zeroing
 * pass over a large result. The result's `buffer` is its own, exactly its size.
 */
export function copyOutU32(view: Uint32Array, start: number, len: number): Uint32Array {
  if (len * 4 < UNFILLED_COPY_BYTES) return view.slice(start, start + len);
  const out = new Uint32Array(Buffer.allocUnsafeSlow(len * 4).buffer, 0, len);
  out.set(view.subarray(start, start + len));
  return out;
}
