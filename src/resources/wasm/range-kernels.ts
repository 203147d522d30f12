/**
 * The range-set operations behind one interface, over the resources layer's
 * canonical `RangeSet` (src/resources/ranges.ts). Two implementations:
 * `tsRangeKernels` (the TypeScript reference: RangeSet's own methods, so the
 * algorithm lives in one place) and `wasmRangeKernels` (ranges-wasm.ts). The
 * path chooser in src/resources/kernels.ts picks one per call by size.
 */
import type { RangeSet } from "../ranges.js";

/** Range-set operations; every method leaves its inputs unchanged. */
export interface RangeKernels {
  /** Which implementation this is ("ts", "wasm" or "auto"). */
  readonly name: string;
  /**
   * The union a ∪ b, canonical: overlapping and adjacent intervals merge
   * ([1-3] ∪ [4-6] is [1-6]). Exact over the whole uint64 range.
   */
  union(a: RangeSet, b: RangeSet): RangeSet;
  /**
   * The difference a − b: every value of a that is not in b. Subtraction
   * splits intervals ([1-10] − [3-4] is [1-2,5-10]); values of b outside a
   * are ignored.
   */
  subtract(a: RangeSet, b: RangeSet): RangeSet;
  /** The intersection a ∩ b. */
  intersect(a: RangeSet, b: RangeSet): RangeSet;
  /** Set inclusion: true when every value of b is in a. The empty set is in everything. */
  contains(a: RangeSet, b: RangeSet): boolean;
  /**
   * The `count` lowest values of a (what an allocator hands a task asking for
   * `count` ports), or null when a holds fewer than `count` values. `count` is
   * a non-negative safe integer; 0 gives the empty set.
   */
  pick(a: RangeSet, count: number): RangeSet | null;
}

/** The TypeScript reference: RangeSet's own operations. */
export const tsRangeKernels: RangeKernels = {
  name: "ts",
  union: (a, b) => a.union(b),
  subtract: (a, b) => a.subtract(b),
  intersect: (a, b) => a.intersect(b),
  contains: (a, b) => a.contains(b),
  pick(a, count) {
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`pick: count ${count} is not a non-negative safe integer`);
    return a.take(count);
  },
};
