/**
 * The Wasm range kernels over RangeSet, behind the same API as the
 * TypeScript reference. Each call copies its operands into one scratch block
 * of Wasm memory, makes one call, and copies the result out:
 *  - both operands in RangeSet's small form (Uint32Array, values <= 2^32-1):
 *    one memcpy each and the u32 kernels (bounds*, 8-byte intervals);
 *  - otherwise the u64 kernels (ranges*, 16-byte intervals): a big operand
 *    (BigUint64Array) is one memcpy; a small one is written as (value, 0)
 *    u32 pairs, so no value is converted through BigInt on the way in.
 * The scratch block is reused and grows on demand (re-reading views after).
 * A small-form result is copied out with copyOutU32 (no zero fill for large ones).
 */
import { heap, ScratchBlock } from "../../wasm/heap.js";
import { copyOutU32 } from "../u32-copy.js";
import { RangeSet } from "../ranges.js";
import type { RangeKernels } from "./range-kernels.js";

const scratch = new ScratchBlock();

/** Writes a set's bounds as u64 at byte offset p (8-aligned). */
export function writeWide(set: RangeSet, p: number): void {
  const h = heap();
  if (set.big) {
    h.u64.set(set.big, p >>> 3);
    return;
  }
  const s = set.small!, u32 = h.u32;
  let k = p >>> 2;
  for (let i = 0; i < s.length; i++, k += 2) {
    u32[k] = s[i]!;
    u32[k + 1] = 0;
  }
}

const UNION = 0, SUBTRACT = 1, INTERSECT = 2;

function binary(op: number, a: RangeSet, b: RangeSet): RangeSet {
  const sa = a.small, sb = b.small;
  const na = a.intervalCount, nb = b.intervalCount;
  const e = heap().exports;
  if (sa && sb) {
    // u32 bounds, 8 bytes per interval: a, then b, then room for na + nb.
    const pa = scratch.ensure((na + nb) * 16 + 16);
    const pb = pa + na * 8, po = pb + nb * 8;
    const u32 = heap().u32;
    u32.set(sa, pa >>> 2);
    u32.set(sb, pb >>> 2);
    const n = op === UNION ? e.boundsUnion(pa, na, pb, nb, po)
      : op === SUBTRACT ? e.boundsSubtract(pa, na, pb, nb, po)
      : e.boundsIntersect(pa, na, pb, nb, po);
    return RangeSet.fromCanonicalSmall(copyOutU32(u32, po >>> 2, 2 * n));
  }
  // u64 bounds, 16 bytes per interval.
  const pa = scratch.ensure((na + nb) * 32 + 16);
  const pb = pa + na * 16, po = pb + nb * 16;
  writeWide(a, pa);
  writeWide(b, pb);
  const n = op === UNION ? e.rangesUnion(pa, na, pb, nb, po)
    : op === SUBTRACT ? e.rangesSubtract(pa, na, pb, nb, po)
    : e.rangesIntersect(pa, na, pb, nb, po);
  const u64 = heap().u64;
  return RangeSet.fromCanonicalBig(u64.slice(po >>> 3, (po >>> 3) + 2 * n));
}

/** The Wasm range kernels. */
export const wasmRangeKernels: RangeKernels = {
  name: "wasm",
  union: (a, b) => binary(UNION, a, b),
  subtract: (a, b) => binary(SUBTRACT, a, b),
  intersect: (a, b) => binary(INTERSECT, a, b),
  contains(a, b) {
    const na = a.intervalCount, nb = b.intervalCount;
    const pa = scratch.ensure((na + nb) * 16 + 16);
    const h = heap();
    if (a.small && b.small) {
      const pb = pa + na * 8, u32 = h.u32;
      u32.set(a.small, pa >>> 2);
      u32.set(b.small, pb >>> 2);
      return h.exports.boundsContains(pa, na, pb, nb) === 1;
    }
    const pb = pa + na * 16;
    writeWide(a, pa);
    writeWide(b, pb);
    return h.exports.rangesContains(pa, na, pb, nb) === 1;
  },
  pick(a, count) {
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`pick: count ${count} is not a non-negative safe integer`);
    const na = a.intervalCount;
    const pa = scratch.ensure(na * 32 + 16);
    const h = heap();
    if (a.small) {
      const po = pa + na * 8, u32 = h.u32;
      u32.set(a.small, pa >>> 2);
      const n = h.exports.boundsPick(pa, na, count, po);
      return n < 0 ? null : RangeSet.fromCanonicalSmall(copyOutU32(u32, po >>> 2, 2 * n));
    }
    const po = pa + na * 16;
    writeWide(a, pa);
    const n = h.exports.rangesPick(pa, na, count, po);
    return n < 0 ? null : RangeSet.fromCanonicalBig(h.u64.slice(po >>> 3, (po >>> 3) + 2 * n));
  },
};
