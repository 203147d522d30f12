/**
 * Scalar-vector and batch kernels over a ResourceColumns store, with a
 * TypeScript reference (`tsColumnKernels`) and a Wasm path
 * (`wasmColumnKernels`) behind one interface. Both read the store where it
 * lives, in Wasm memory; the Wasm path crosses the boundary once per call.
 * Amounts are thousandths (Mesos' fixed point). Subtraction saturates at
 * zero, as Mesos drops a scalar that becomes empty or negative.
 */
import { heap, ScratchBlock } from "../../wasm/heap.js";
import { readI64, writeI64, type ResourceColumns } from "../columnar.js";
import type { RangeColumn } from "../columnar-ranges.js";
import { containsBounds, type RangeSet } from "../ranges.js";
import { writeWide } from "./ranges-wasm.js";

/** Operations on rows of a ResourceColumns store. */
export interface ColumnKernels {
  /** Which implementation this is ("ts" or "wasm"). */
  readonly name: string;
  /** row dst += row src, column by column. */
  addRow(store: ResourceColumns, dst: number, src: number): void;
  /**
   * row dst −= row src, column by column, saturating at 0. Returns how many
   * columns would have gone negative (0 when src was contained in dst).
   */
  subtractRow(store: ResourceColumns, dst: number, src: number): number;
  /** True when row a >= row b in every column (a contains b). */
  rowContains(store: ResourceColumns, a: number, b: number): boolean;
  /** Lexicographic comparison of rows a and b: -1, 0 (equal) or 1. */
  compareRows(store: ResourceColumns, a: number, b: number): number;
  /**
   * The column-wise sum of the listed rows (all rows when `rows` is null),
   * in thousandths, written to `out` (a new vector when not given).
   */
  sum(store: ResourceColumns, rows: Int32Array | null, out?: Float64Array): Float64Array;
  /**
   * Tests one demand vector (thousandths per column) against every row: bit
   * r of `mask` (u32 words, r >> 5, bit r & 31) is set when row r contains
   * the demand and cleared otherwise. `mask` needs ceil(length / 32) words.
   * Returns the number of rows that contain the demand.
   */
  containsMask(store: ResourceColumns, demand: Float64Array, mask: Uint32Array): number;
  /**
   * For each k: row targets[k] of `store` −= row k of `allocs` (a store with
   * the same width and names), saturating at 0. Returns the total number of
   * columns that would have gone negative.
   */
  subtractRows(store: ResourceColumns, targets: Int32Array, allocs: ResourceColumns): number;
  /** For each k: row targets[k] of `store` += row k of `adds`. */
  addRows(store: ResourceColumns, targets: Int32Array, adds: ResourceColumns): void;
}

function checkPair(store: ResourceColumns, other: ResourceColumns, targets: Int32Array): void {
  if (other.width !== store.width) throw new RangeError(`column kernels: widths differ (${store.width} vs ${other.width})`);
  if (targets.length > other.length) throw new RangeError(`column kernels: ${targets.length} targets but only ${other.length} rows to apply`);
  checkRowList(store, targets);
}

function checkDemand(store: ResourceColumns, demand: Float64Array): void {
  if (demand.length !== store.width) throw new RangeError(`containsMask: demand has ${demand.length} columns, the store ${store.width}`);
  for (let c = 0; c < demand.length; c++) {
    if (!Number.isFinite(demand[c]!)) throw new RangeError(`containsMask: demand column ${c} is ${demand[c]}, not a finite number of thousandths`);
  }
}

function checkRow(store: ResourceColumns, r: number): void {
  if (!Number.isInteger(r) || r < 0 || r >= store.length) throw new RangeError(`column kernels: row ${r} out of range [0, ${store.length})`);
}

function checkRows(store: ResourceColumns, a: number, b: number): void {
  checkRow(store, a);
  checkRow(store, b);
}

function checkRowList(store: ResourceColumns, rows: ArrayLike<number>): void {
  for (let i = 0; i < rows.length; i++) checkRow(store, rows[i]!);
}

// ---------------------------------------------------------------- TypeScript

function tsSubtractAt(u32: Uint32Array, i32: Int32Array, kd: number, ks: number, width: number): number {
  let clamped = 0;
  for (let c = 0; c < width; c++) {
    let v = readI64(u32, i32, kd + 2 * c) - readI64(u32, i32, ks + 2 * c);
    if (v < 0) { v = 0; clamped++; }
    writeI64(u32, i32, kd + 2 * c, v);
  }
  return clamped;
}

function tsAddAt(u32: Uint32Array, i32: Int32Array, kd: number, ks: number, width: number): void {
  for (let c = 0; c < width; c++) writeI64(u32, i32, kd + 2 * c, readI64(u32, i32, kd + 2 * c) + readI64(u32, i32, ks + 2 * c));
}

/** The TypeScript reference column kernels (reading Wasm memory in place). */
export const tsColumnKernels: ColumnKernels = {
  name: "ts",
  addRow(store, dst, src) {
    checkRows(store, dst, src);
    const h = heap();
    tsAddAt(h.u32, h.i32, store.rowOffset(dst) >>> 2, store.rowOffset(src) >>> 2, store.width);
  },
  subtractRow(store, dst, src) {
    checkRows(store, dst, src);
    const h = heap();
    return tsSubtractAt(h.u32, h.i32, store.rowOffset(dst) >>> 2, store.rowOffset(src) >>> 2, store.width);
  },
  rowContains(store, a, b) {
    checkRows(store, a, b);
    const h = heap(), u32 = h.u32, i32 = h.i32;
    const ka = store.rowOffset(a) >>> 2, kb = store.rowOffset(b) >>> 2;
    for (let c = 0; c < store.width; c++) if (readI64(u32, i32, ka + 2 * c) < readI64(u32, i32, kb + 2 * c)) return false;
    return true;
  },
  compareRows(store, a, b) {
    checkRows(store, a, b);
    const h = heap(), u32 = h.u32, i32 = h.i32;
    const ka = store.rowOffset(a) >>> 2, kb = store.rowOffset(b) >>> 2;
    for (let c = 0; c < store.width; c++) {
      const x = readI64(u32, i32, ka + 2 * c), y = readI64(u32, i32, kb + 2 * c);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  },
  sum(store, rows, out = new Float64Array(store.width)) {
    const h = heap(), u32 = h.u32, i32 = h.i32, w = store.width;
    out.fill(0);
    const k0 = store.base >>> 2;
    const n = rows ? rows.length : store.length;
    if (rows) checkRowList(store, rows);
    for (let k = 0; k < n; k++) {
      const kr = k0 + 2 * w * (rows ? rows[k]! : k);
      for (let c = 0; c < w; c++) out[c] += i32[kr + 2 * c + 1]! * 4294967296 + u32[kr + 2 * c]!;
    }
    return out;
  },
  containsMask(store, demand, mask) {
    checkDemand(store, demand);
    const h = heap(), u32 = h.u32, i32 = h.i32, w = store.width, n = store.length;
    if (mask.length < Math.ceil(n / 32)) throw new RangeError(`containsMask: mask needs ${Math.ceil(n / 32)} words, has ${mask.length}`);
    const k0 = store.base >>> 2;
    let hits = 0, word = 0;
    for (let r = 0; r < n; r++) {
      const kr = k0 + 2 * w * r;
      let ok = true;
      for (let c = 0; c < w; c++) {
        if (i32[kr + 2 * c + 1]! * 4294967296 + u32[kr + 2 * c]! < demand[c]!) { ok = false; break; }
      }
      if (ok) { word |= 1 << (r & 31); hits++; }
      if ((r & 31) === 31) { mask[r >>> 5] = word; word = 0; }
    }
    if (n & 31) mask[n >>> 5] = word;
    return hits;
  },
  subtractRows(store, targets, allocs) {
    checkPair(store, allocs, targets);
    const h = heap(), u32 = h.u32, i32 = h.i32, w = store.width;
    let clamped = 0;
    for (let k = 0; k < targets.length; k++) clamped += tsSubtractAt(u32, i32, store.rowOffset(targets[k]!) >>> 2, allocs.rowOffset(k) >>> 2, w);
    return clamped;
  },
  addRows(store, targets, adds) {
    checkPair(store, adds, targets);
    const h = heap(), u32 = h.u32, i32 = h.i32, w = store.width;
    for (let k = 0; k < targets.length; k++) tsAddAt(u32, i32, store.rowOffset(targets[k]!) >>> 2, adds.rowOffset(k) >>> 2, w);
  },
};

// ---------------------------------------------------------------------- Wasm

const scratch = new ScratchBlock();

/** The Wasm column kernels: one call into Wasm per operation or batch. */
export const wasmColumnKernels: ColumnKernels = {
  name: "wasm",
  addRow(store, dst, src) {
    checkRows(store, dst, src);
    heap().exports.vecAdd(store.rowOffset(dst), store.rowOffset(src), store.width);
  },
  subtractRow(store, dst, src) {
    checkRows(store, dst, src);
    return heap().exports.vecSubtract(store.rowOffset(dst), store.rowOffset(src), store.width);
  },
  rowContains(store, a, b) {
    checkRows(store, a, b);
    return heap().exports.vecContains(store.rowOffset(a), store.rowOffset(b), store.width) === 1;
  },
  compareRows(store, a, b) {
    checkRows(store, a, b);
    return heap().exports.vecCompare(store.rowOffset(a), store.rowOffset(b), store.width);
  },
  sum(store, rows, out = new Float64Array(store.width)) {
    const w = store.width;
    if (rows) checkRowList(store, rows);
    const n = rows ? rows.length : store.length;
    const p = scratch.ensure(w * 8 + (rows ? rows.length * 4 : 0) + 16);
    const h = heap();
    const pr = p + w * 8;
    if (rows) h.i32.set(rows, pr >>> 2);
    h.exports.batchSum(store.base, w, rows ? pr : 0, n, p);
    const u32 = h.u32, i32 = h.i32;
    for (let c = 0; c < w; c++) out[c] = readI64(u32, i32, (p >>> 2) + 2 * c);
    return out;
  },
  containsMask(store, demand, mask) {
    checkDemand(store, demand);
    const w = store.width, n = store.length, words = Math.ceil(n / 32);
    if (mask.length < words) throw new RangeError(`containsMask: mask needs ${words} words, has ${mask.length}`);
    const p = scratch.ensure(w * 8 + words * 4 + 16);
    const h = heap();
    const u32 = h.u32, i32 = h.i32;
    for (let c = 0; c < w; c++) writeI64(u32, i32, (p >>> 2) + 2 * c, Math.ceil(demand[c]!));
    const pm = p + w * 8;
    const hits = h.exports.batchContainsMask(store.base, w, n, p, pm);
    mask.set(u32.subarray(pm >>> 2, (pm >>> 2) + words));
    return hits;
  },
  subtractRows(store, targets, allocs) {
    checkPair(store, allocs, targets);
    const p = scratch.ensure(targets.length * 4 + 16);
    const h = heap();
    h.i32.set(targets, p >>> 2);
    return h.exports.batchSubtract(store.base, store.width, p, allocs.base, targets.length);
  },
  addRows(store, targets, adds) {
    checkPair(store, adds, targets);
    const p = scratch.ensure(targets.length * 4 + 16);
    const h = heap();
    h.i32.set(targets, p >>> 2);
    h.exports.batchAdd(store.base, store.width, p, adds.base, targets.length);
  },
};

// -------------------------------------------------------- interval columns

/**
 * One demand interval set against every row of a RangeColumn, as a bitmask
 * (bit r set when row r contains the demand). Both paths read the column in
 * place; `tsRangeContainsMask` runs RangeSet's own contains algorithm
 * (containsBounds) on views of the pool, `wasmRangeContainsMask` makes one
 * Wasm call for all rows. Returns the number of rows that contain the demand.
 */
export type RangeContainsMask = (column: RangeColumn, demand: RangeSet, mask: Uint32Array) => number;

function checkMask(column: RangeColumn, mask: Uint32Array): void {
  const words = Math.ceil(column.length / 32);
  if (mask.length < words) throw new RangeError(`rangeContainsMask: mask needs ${words} words, has ${mask.length}`);
}

/** The TypeScript path of the interval-column contains mask. */
export const tsRangeContainsMask: RangeContainsMask = (column, demand, mask) => {
  checkMask(column, mask);
  const h = heap(), i32 = h.i32;
  const n = column.length, t0 = column.tableBase >>> 2;
  let hits = 0, word = 0;
  if (column.element === "u32" && demand.small) {
    const u32 = h.u32, p0 = column.poolBase >>> 2, d = demand.small;
    for (let r = 0; r < n; r++) {
      const k = p0 + 2 * i32[t0 + 2 * r]!;
      if (containsBounds(u32.subarray(k, k + 2 * i32[t0 + 2 * r + 1]!), d)) { word |= 1 << (r & 31); hits++; }
      if ((r & 31) === 31) { mask[r >>> 5] = word; word = 0; }
    }
  } else {
    for (let r = 0; r < n; r++) {
      if (column.get(r).contains(demand)) { word |= 1 << (r & 31); hits++; }
      if ((r & 31) === 31) { mask[r >>> 5] = word; word = 0; }
    }
  }
  if (n & 31) mask[n >>> 5] = word;
  return hits;
};

const rscratch = new ScratchBlock();

/** The Wasm path of the interval-column contains mask: one call for all rows. */
export const wasmRangeContainsMask: RangeContainsMask = (column, demand, mask) => {
  checkMask(column, mask);
  const wide = column.element === "u64";
  if (!wide && demand.big) {
    // The demand holds a value above 2^32 - 1, which no u32 row holds.
    mask.fill(0, 0, Math.ceil(column.length / 32));
    return 0;
  }
  const nd = demand.intervalCount, words = Math.ceil(column.length / 32);
  const w = column.intervalBytes;
  const bytes = nd * w + words * 4 + 16;
  const pd = rscratch.ensure(bytes), pm = pd + nd * w;
  const h = heap();
  if (!wide) h.u32.set(demand.small!, pd >>> 2);
  else writeWide(demand, pd);
  const hits = h.exports.batchRangesContainsMask(column.poolBase, column.tableBase, column.length, pd, nd, pm, wide ? 1 : 0);
  mask.set(h.u32.subarray(pm >>> 2, (pm >>> 2) + words));
  return hits;
};

/**
 * Subtracts allocations from rows of an interval column in place (e.g. the
 * ports of many offers accepted at once, one crossing into Wasm): for each k,
 * row `targets[k]` of `column` becomes that row minus row k of `allocs`
 * (values of the allocation outside the row are ignored, as in Mesos' `-`).
 * `allocs` has one row per target and the same element type as `column`;
 * targets are distinct rows of `column`. Otherwise throws RangeError and
 * changes nothing.
 */
export type RangeSubtractRows = (column: RangeColumn, targets: Int32Array, allocs: RangeColumn) => void;

function checkSubtractRows(column: RangeColumn, targets: Int32Array, allocs: RangeColumn): void {
  if (allocs.length !== targets.length) throw new RangeError(`rangeSubtractRows: ${targets.length} targets but ${allocs.length} allocation rows`);
  if (allocs.element !== column.element) throw new RangeError(`rangeSubtractRows: allocations are ${allocs.element}, the column is ${column.element}`);
  const seen = new Uint8Array(column.length);
  for (let k = 0; k < targets.length; k++) {
    const r = targets[k]!;
    if (r < 0 || r >= column.length) throw new RangeError(`rangeSubtractRows: target ${r} out of range [0, ${column.length})`);
    if (seen[r]) throw new RangeError(`rangeSubtractRows: row ${r} is targeted twice (merge its allocations first)`);
    seen[r] = 1;
  }
}

/** The TypeScript reference: RangeSet's own subtraction, row by row. */
export const tsRangeSubtractRows: RangeSubtractRows = (column, targets, allocs) => {
  checkSubtractRows(column, targets, allocs);
  for (let k = 0; k < targets.length; k++) {
    const r = targets[k]!;
    column.set(r, column.get(r).subtract(allocs.get(k)));
  }
};

const sscratch = new ScratchBlock();

/**
 * The Wasm path: one call computes every difference and writes it back into
 * its row when it fits the row's reserved room; the host only reserves room
 * for the rows that grew past it (a cut that splits an interval) and copies those.
 */
export const wasmRangeSubtractRows: RangeSubtractRows = (column, targets, allocs) => {
  checkSubtractRows(column, targets, allocs);
  const count = targets.length;
  if (count === 0) return;
  let total = 0;
  for (let k = 0; k < count; k++) total += column.count(targets[k]!) + allocs.count(k);
  const w = column.intervalBytes;
  const bytes = total * w + count * 12 + count * 8 + 16;
  const out = sscratch.ensure(bytes);
  const h = heap();
  const overflow = out + total * w, pt = overflow + count * 12, pc = pt + count * 4;
  const i32 = h.i32;
  i32.set(targets, pt >>> 2);
  for (let k = 0, c = pc >>> 2; k < count; k++) i32[c + k] = column.capacity(targets[k]!);
  const spilled = h.exports.batchRangesSubtract(column.poolBase, column.tableBase, pt, pc, allocs.poolBase, allocs.tableBase, count,
    out, overflow, column.element === "u64" ? 1 : 0);
  if (spilled === 0) return;
  const o = h.i32.slice(overflow >>> 2, (overflow >>> 2) + 3 * spilled);
  for (let s = 0; s < spilled; s++) column.copyRowFrom(targets[o[3 * s]!]!, out + o[3 * s + 1]! * w, o[3 * s + 2]!);
};
