/**
 * The Wasm range kernels behind the same API as the TypeScript reference.
 * Each call copies its operands into one scratch block of Wasm memory (a
 * memcpy each: the flat form is the Wasm layout), makes one call, and copies
 * the result out. The scratch block is reused and grows on demand.
 */
import { heap } from "../../wasm/heap.js";
import type { IntervalSet, RangeKernels } from "./intervals.js";

let scratch = 0;
let scratchBytes = 0;

/** Returns a scratch block of at least `bytes`, reallocating if needed. */
function ensureScratch(bytes: number): number {
  if (bytes > scratchBytes) {
    const h = heap();
    if (scratchBytes) h.free(scratch);
    scratchBytes = Math.max(bytes, scratchBytes * 2, 4096);
    scratch = h.alloc(scratchBytes);
  }
  return scratch;
}

const UNION = 0, SUBTRACT = 1, INTERSECT = 2;

/** Runs a binary kernel whose output needs room for na + nb intervals. */
function binary(op: number, a: IntervalSet, b: IntervalSet): IntervalSet {
  const na = a.length >>> 2, nb = b.length >>> 2;
  const h = heap();
  const pa = ensureScratch((na + nb) * 32 + 16);
  const pb = pa + na * 16;
  const po = pb + nb * 16;
  const mem = h.u32;
  mem.set(a, pa >>> 2);
  mem.set(b, pb >>> 2);
  const e = h.exports;
  const n = op === UNION ? e.rangesUnion(pa, na, pb, nb, po)
    : op === SUBTRACT ? e.rangesSubtract(pa, na, pb, nb, po)
    : e.rangesIntersect(pa, na, pb, nb, po);
  return mem.slice(po >>> 2, (po >>> 2) + 4 * n);
}

/** The Wasm range kernels. */
export const wasmRangeKernels: RangeKernels = {
  name: "wasm",
  union: (a, b) => binary(UNION, a, b),
  subtract: (a, b) => binary(SUBTRACT, a, b),
  intersect: (a, b) => binary(INTERSECT, a, b),
  contains(a, b) {
    const na = a.length >>> 2, nb = b.length >>> 2;
    const h = heap();
    const pa = ensureScratch((na + nb) * 16 + 16);
    const pb = pa + na * 16;
    const mem = h.u32;
    mem.set(a, pa >>> 2);
    mem.set(b, pb >>> 2);
    return h.exports.rangesContains(pa, na, pb, nb) === 1;
  },
  pick(a, count) {
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`pick: count ${count} is not a non-negative safe integer`);
    const na = a.length >>> 2;
    const h = heap();
    const pa = ensureScratch(na * 32 + 16);
    const po = pa + na * 16;
    const mem = h.u32;
    mem.set(a, pa >>> 2);
    const n = h.exports.rangesPick(pa, na, count, po);
    if (n < 0) return null;
    return mem.slice(po >>> 2, (po >>> 2) + 4 * n);
  },
};
