/**
 * The path chooser: for each resource-arithmetic operation, run the
 * TypeScript reference or the Wasm kernel, whichever measured faster for the
 * input size. The thresholds below are crossover sizes measured by
 * `npx tsx bench/resources.bench.ts` and recorded, with the figures, in
 * docs/bench-resources.md; where Wasm never won, the threshold is Infinity
 * and TypeScript stays the default.
 *
 * Callers that want one path regardless of size import `tsRangeKernels`,
 * `wasmRangeKernels`, `tsColumnKernels` or `wasmColumnKernels` directly.
 */
import type { RangeSet } from "./ranges.js";
import { tsRangeKernels, type RangeKernels } from "./wasm/range-kernels.js";
import { wasmRangeKernels } from "./wasm/ranges-wasm.js";
import { tsColumnKernels, wasmColumnKernels, type ColumnKernels } from "./wasm/columns.js";
import { wasm } from "../wasm/module.js";

export { tsRangeKernels, wasmRangeKernels, tsColumnKernels, wasmColumnKernels };
export type { RangeKernels, ColumnKernels };

/**
 * Range operations: Wasm is used when the operands hold at least this many
 * intervals in total (na + nb; na for pick). Big-form (above 2^53) operands
 * always take Wasm: the TypeScript path has to go through BigInt there.
 */
export const RANGE_CROSSOVER: Readonly<Record<"union" | "subtract" | "intersect" | "contains" | "pick", number>> = {
  // Measured inside Resources (what callers run: p1.minus(p2) and
  // p1.plus(p2) on Mesos' overlapping pairs, TS forced against Wasm forced,
  // interleaved in one process; performance pass 5, 2026-11-26, Intel Xeon
  // 2 vCPUs, two runs), after the TS kernels stopped returning subarrays of
  // a worst-case buffer: TS wins 1.4-3.5x at 1-4 intervals per operand, is
  // ahead or tied at 8-16 (Wasm 0.82-1.19x), ties at 32 (0.91-1.13x); Wasm
  // wins from 64 (0.97-1.34x there) to 1,000 (1.6-1.9x). So Wasm from 128
  // intervals in total. (Before that change TS lost to Wasm even at 1
  // interval, 452 against 226 ns, and the threshold was 64.)
  union: 128,
  subtract: 128,
  intersect: 128,
  // Never: RangeSet.contains gallops (about 130 ns even for 10,000
  // fragments) while the Wasm path first copies O(n) bytes (4.4 µs there).
  contains: Infinity,
  // Always: RangeSet.take works through BigInt; Wasm won 2.4x at 1 interval
  // and 41x at 10,000.
  pick: 0,
};

/**
 * Column (scalar vector) operations: Wasm is used for a batch of at least
 * this many rows. Single-row operations have no size to grow with, so they
 * use whichever path won at the store's width.
 */
export const COLUMN_CROSSOVER: Readonly<Record<"single" | "sum" | "containsMask" | "subtractRows", number>> = {
  // Single rows of width 4: Wasm 70-76 ns, TS 123-137 ns (the TS path reads
  // each i64 as two halves).
  single: 1,
  // Wasm won from 1 row (1.1x) to 10,000 rows (5.4x).
  sum: 1,
  // TS won below 16 rows (0.5-0.7x), Wasm from 16 (1.1x) to 10,000 (3.5x).
  // Re-measured after the Wasm kernel became branch-free (2026-11-27, rows
  // of width 4, one process): TS 1.5-3.3x faster at 1-8 rows, a tie at 12,
  // Wasm 1.15x at 16, 1.9x at 32, 2.7x at 64; the threshold stands.
  containsMask: 16,
  // Wasm won from 1 row (1.1x) to 10,000 rows (5.6x).
  subtractRows: 1,
};

/**
 * Subtraction of a few cuts from a large set stays on TypeScript (small form
 * only): when b has fewer than 1/SUBTRACT_FEW_CUTS of a's intervals, the TS
 * path gallops over the untouched runs and copies a once, while the Wasm
 * path copies a in and the result out. Measured (section "k cuts" of the
 * bench file): 10,000 fragments minus 1-16 cuts, TS 1.15-1.29x faster; minus
 * 64, a tie; minus 256 or more, Wasm 1.6-2.4x faster. 1,000 fragments minus
 * 1 cut, TS 1.18x; minus 4, a tie; minus 16 or more, Wasm.
 */
export const SUBTRACT_FEW_CUTS = 256;

let wasmState: 0 | 1 | -1 = 0;

/**
 * True when the Wasm module can be loaded. Checked once, on the first call
 * that would take the Wasm path (so importing the library never compiles
 * the module); when loading fails (say `build/drfcore.wasm` was never
 * built), the range chooser stays on the TypeScript path, which gives the
 * same results.
 */
export function wasmAvailable(): boolean {
  if (wasmState === 0) {
    try { wasm(); wasmState = 1; } catch { wasmState = -1; }
  }
  return wasmState === 1;
}

const useWasm = (a: RangeSet, b: RangeSet, crossover: number) =>
  (a.big !== null || b.big !== null || a.intervalCount + b.intervalCount >= crossover) && wasmAvailable();

/** Range kernels that pick TS or Wasm per call (see RANGE_CROSSOVER). */
export const rangeKernels: RangeKernels = {
  name: "auto",
  union: (a, b) => (useWasm(a, b, RANGE_CROSSOVER.union) ? wasmRangeKernels : tsRangeKernels).union(a, b),
  // The few-cuts check comes first: useWasm loads the module.
  subtract: (a, b) =>
    ((a.big !== null || b.big !== null || b.intervalCount * SUBTRACT_FEW_CUTS >= a.intervalCount) && useWasm(a, b, RANGE_CROSSOVER.subtract)
      ? wasmRangeKernels : tsRangeKernels).subtract(a, b),
  intersect: (a, b) => (useWasm(a, b, RANGE_CROSSOVER.intersect) ? wasmRangeKernels : tsRangeKernels).intersect(a, b),
  contains: (a, b) => (useWasm(a, b, RANGE_CROSSOVER.contains) ? wasmRangeKernels : tsRangeKernels).contains(a, b),
  pick: (a, count) =>
    ((a.big !== null || a.intervalCount >= RANGE_CROSSOVER.pick) && wasmAvailable() ? wasmRangeKernels : tsRangeKernels).pick(a, count),
};

/** Column kernels that pick TS or Wasm per call (see COLUMN_CROSSOVER). */
export const columnKernels: ColumnKernels = {
  name: "auto",
  addRow: (s, d, r) => (COLUMN_CROSSOVER.single <= s.width ? wasmColumnKernels : tsColumnKernels).addRow(s, d, r),
  subtractRow: (s, d, r) => (COLUMN_CROSSOVER.single <= s.width ? wasmColumnKernels : tsColumnKernels).subtractRow(s, d, r),
  rowContains: (s, a, b) => (COLUMN_CROSSOVER.single <= s.width ? wasmColumnKernels : tsColumnKernels).rowContains(s, a, b),
  compareRows: (s, a, b) => (COLUMN_CROSSOVER.single <= s.width ? wasmColumnKernels : tsColumnKernels).compareRows(s, a, b),
  sum: (s, rows, out) => ((rows ? rows.length : s.length) >= COLUMN_CROSSOVER.sum ? wasmColumnKernels : tsColumnKernels).sum(s, rows, out),
  containsMask: (s, d, m) => (s.length >= COLUMN_CROSSOVER.containsMask ? wasmColumnKernels : tsColumnKernels).containsMask(s, d, m),
  subtractRows: (s, t, a) => (t.length >= COLUMN_CROSSOVER.subtractRows ? wasmColumnKernels : tsColumnKernels).subtractRows(s, t, a),
  addRows: (s, t, a) => (t.length >= COLUMN_CROSSOVER.subtractRows ? wasmColumnKernels : tsColumnKernels).addRows(s, t, a),
};
