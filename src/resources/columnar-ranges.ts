/**
 * A column of interval sets (for example every agent's free ports) living in
 * Wasm memory, so the TypeScript path and the Wasm batch kernel both read it
 * in place. Layout (assembly/layout.ts): an interval pool plus an interval
 * table with one (start, count) row per set.
 *
 * Element type, fixed per column:
 *  - "u32": RangeSet's small form (every value <= 2^32 - 1), 8 bytes per
 *    interval, copied in and read back as Uint32Array with no conversion.
 *    Storing a set with a value above 2^32 - 1 throws RangeError.
 *  - "u64": exact over all of uint64, 16 bytes per interval; small sets are
 *    written as (value, 0) u32 pairs, big ones copied as BigUint64Array.
 */
import { heap } from "../wasm/heap.js";
import { RangeSet } from "./ranges.js";
import { writeWide } from "./wasm/ranges-wasm.js";

/** Interval sets, one per row, in Wasm memory. */
export class RangeColumn {
  private pool: number;
  private poolCap: number; // intervals
  private poolUsed = 0; // intervals
  private table: number;
  private tableCap: number; // rows
  private rows = 0;
  /** Per row: capacity reserved in the pool (intervals). */
  private caps: number[] = [];

  /** Bytes per interval in the pool: 8 for "u32", 16 for "u64". */
  readonly intervalBytes: number;

  /** An empty column of the given element type. */
  constructor(readonly element: "u32" | "u64" = "u32", capacityRows = 64, capacityIntervals = 1024) {
    const h = heap();
    this.intervalBytes = element === "u32" ? 8 : 16;
    this.tableCap = Math.max(1, capacityRows);
    this.poolCap = Math.max(1, capacityIntervals);
    this.table = h.alloc(this.tableCap * 8);
    this.pool = h.alloc(this.poolCap * this.intervalBytes);
  }

  /** Number of rows. */
  get length(): number {
    return this.rows;
  }

  /** Byte offset of the interval pool (changes when the pool grows). */
  get poolBase(): number {
    return this.pool;
  }

  /** Byte offset of the interval table (changes when it grows). */
  get tableBase(): number {
    return this.table;
  }

  /** Appends a row holding `set`; returns its index. */
  push(set: RangeSet): number {
    this.checkElement(set);
    if (this.rows === this.tableCap) {
      const h = heap();
      const next = h.alloc(this.tableCap * 16);
      h.u8.copyWithin(next, this.table, this.table + this.tableCap * 8);
      h.free(this.table);
      this.table = next;
      this.tableCap *= 2;
    }
    const row = this.rows++;
    this.caps.push(0);
    heap().i32.fill(0, (this.table >>> 2) + 2 * row, (this.table >>> 2) + 2 * row + 2);
    this.set(row, set);
    return row;
  }

  /** Replaces row `row` with `set`. */
  set(row: number, set: RangeSet): void {
    if (!Number.isInteger(row) || row < 0 || row >= this.rows) throw new RangeError(`RangeColumn: row ${row} out of range [0, ${this.rows})`);
    this.checkElement(set);
    const n = set.intervalCount;
    let start = heap().i32[(this.table >>> 2) + 2 * row]!;
    if (n > this.caps[row]!) {
      start = this.reserve(n);
      this.caps[row] = n;
    }
    const h = heap();
    const p = this.pool + start * this.intervalBytes;
    if (this.element === "u32") h.u32.set(set.small!, p >>> 2);
    else writeWide(set, p);
    const t = (this.table >>> 2) + 2 * row;
    h.i32[t] = start;
    h.i32[t + 1] = n;
  }

  private checkElement(set: RangeSet): void {
    if (this.element === "u32" && set.big) throw new RangeError(`RangeColumn: ${set} has values above 2^32 - 1; use a "u64" column`);
  }

  /** Start index of a fresh pool area of n intervals (grows and compacts the pool as needed). */
  private reserve(n: number): number {
    if (this.poolUsed + n > this.poolCap) {
      // Compact live rows into a new pool with room to spare.
      const h = heap();
      let live = n;
      for (let r = 0; r < this.rows; r++) live += this.caps[r]!;
      const cap = Math.max(2 * live, 1024);
      const w = this.intervalBytes;
      const next = h.alloc(cap * w);
      let used = 0;
      const i32 = h.i32, u8 = h.u8;
      for (let r = 0; r < this.rows; r++) {
        const t = (this.table >>> 2) + 2 * r;
        const from = this.pool + i32[t]! * w;
        u8.copyWithin(next + used * w, from, from + i32[t + 1]! * w);
        i32[t] = used;
        used += this.caps[r]!;
      }
      h.free(this.pool);
      this.pool = next;
      this.poolCap = cap;
      this.poolUsed = used;
    }
    const start = this.poolUsed;
    this.poolUsed += n;
    return start;
  }

  /** A copy of row `row` as a RangeSet. */
  get(row: number): RangeSet {
    if (!Number.isInteger(row) || row < 0 || row >= this.rows) throw new RangeError(`RangeColumn: row ${row} out of range [0, ${this.rows})`);
    const h = heap();
    const t = (this.table >>> 2) + 2 * row;
    const start = h.i32[t]!, n = h.i32[t + 1]!;
    if (this.element === "u32") {
      const k = (this.pool >>> 2) + 2 * start;
      return RangeSet.fromCanonicalSmall(h.u32.slice(k, k + 2 * n));
    }
    const k = (this.pool >>> 3) + 2 * start;
    return RangeSet.fromCanonicalBig(h.u64.slice(k, k + 2 * n));
  }

  /** Number of intervals in row `row`. */
  count(row: number): number {
    if (!Number.isInteger(row) || row < 0 || row >= this.rows) throw new RangeError(`RangeColumn: row ${row} out of range [0, ${this.rows})`);
    return heap().i32[(this.table >>> 2) + 2 * row + 1]!;
  }

  /** Internal (batch kernels): intervals reserved in the pool for row `row` (its count may be lower). */
  capacity(row: number): number {
    return this.caps[row]!;
  }

  /**
   * Internal (batch kernels): replaces row `row` with the `n` intervals at
   * byte offset `src` of Wasm memory, in this column's element type and
   * canonical. `src` must lie outside this column's pool.
   */
  copyRowFrom(row: number, src: number, n: number): void {
    let start = heap().i32[(this.table >>> 2) + 2 * row]!;
    if (n > this.caps[row]!) {
      start = this.reserve(n);
      this.caps[row] = n;
    }
    const h = heap(); // reserve may have grown memory: fresh views
    const dst = this.pool + start * this.intervalBytes;
    h.u8.copyWithin(dst, src, src + n * this.intervalBytes);
    const t = (this.table >>> 2) + 2 * row;
    h.i32[t] = start;
    h.i32[t + 1] = n;
  }

  /** Returns the column's memory to the Wasm heap; the column is unusable afterwards. */
  dispose(): void {
    const h = heap();
    if (this.pool) h.free(this.pool);
    if (this.table) h.free(this.table);
    this.pool = this.table = 0;
    this.rows = 0;
  }
}
