/**
 * A columnar store of many scalar resource vectors (for example every
 * agent's free resources), living in Wasm linear memory so that both the
 * TypeScript path and the Wasm kernels read it in place, without copying.
 *
 * Layout (assembly/layout.ts, "Row matrix"): `width` i64 slots per row, row r
 * at `base + r * width * 8`; slot c holds thousandths (Mesos' fixed point) of
 * the resource whose key was interned to column c by the store's NameTable.
 * A key is any string the caller uses to tell resources apart: a plain name
 * ("cpus") for quantities, or a name plus reservation for identity-aware use.
 *
 * From TypeScript each i64 is read and written as two 32-bit halves, so
 * values are exact for every safe integer (|v| < 2^53 thousandths) without
 * BigInt. `base` changes when the store grows; never cache it across
 * `addRow`.
 */
import { heap } from "../wasm/heap.js";

const TWO32 = 4294967296;

/** Interns keys (resource names) to small integers: column indices. */
export class NameTable {
  private readonly index = new Map<string, number>();
  /** The interned keys, by column index. */
  readonly keys: string[] = [];

  /** The column of `key`, interning it if new. */
  intern(key: string): number {
    let c = this.index.get(key);
    if (c === undefined) {
      c = this.keys.length;
      this.index.set(key, c);
      this.keys.push(key);
    }
    return c;
  }

  /** The column of `key`, or -1 if it was never interned. */
  indexOf(key: string): number {
    return this.index.get(key) ?? -1;
  }

  /** Number of interned keys. */
  get size(): number {
    return this.keys.length;
  }
}

/** Reads the i64 at word index k (lo at k, hi at k + 1) as a number. */
export function readI64(u32: Uint32Array, i32: Int32Array, k: number): number {
  return i32[k + 1]! * TWO32 + u32[k]!;
}

/** Writes the safe integer v as an i64 at word index k. */
export function writeI64(u32: Uint32Array, i32: Int32Array, k: number, v: number): void {
  const hi = Math.floor(v / TWO32);
  u32[k] = v - hi * TWO32;
  i32[k + 1] = hi;
}

/** Rows of fixed-point scalar vectors in Wasm memory. */
export class ResourceColumns {
  private ptr: number;
  private capacity: number;
  private rows = 0;

  /**
   * A store with room for `width` columns (interned keys) per row. `names`
   * may be shared between stores so that their columns line up (required by
   * the batch kernels that combine two stores).
   */
  constructor(readonly width: number, readonly names: NameTable = new NameTable(), capacity = 64) {
    if (!Number.isInteger(width) || width <= 0) throw new RangeError(`ResourceColumns: width must be a positive integer, got ${width}`);
    this.capacity = Math.max(1, capacity);
    this.ptr = heap().alloc(this.capacity * width * 8);
  }

  /** Byte offset of row 0 in Wasm memory. Changes when the store grows. */
  get base(): number {
    return this.ptr;
  }

  /** Number of rows. */
  get length(): number {
    return this.rows;
  }

  /** Byte offset of `row`. */
  rowOffset(row: number): number {
    return this.ptr + row * this.width * 8;
  }

  /** Appends a zero row and returns its index. May move `base`. */
  addRow(): number {
    if (this.rows === this.capacity) {
      const h = heap();
      const bytes = this.capacity * this.width * 8;
      const next = h.alloc(bytes * 2);
      h.u8.copyWithin(next, this.ptr, this.ptr + bytes);
      h.free(this.ptr);
      this.ptr = next;
      this.capacity *= 2;
    }
    const row = this.rows++;
    heap().u8.fill(0, this.rowOffset(row), this.rowOffset(row + 1));
    return row;
  }

  /** Column of `key`, interning it; throws if the store has no room left. */
  column(key: string): number {
    const c = this.names.intern(key);
    if (c >= this.width) throw new RangeError(`ResourceColumns: key '${key}' needs column ${c}, but the store has ${this.width} columns`);
    return c;
  }

  private check(row: number): void {
    if (!Number.isInteger(row) || row < 0 || row >= this.rows) throw new RangeError(`ResourceColumns: row ${row} out of range [0, ${this.rows})`);
  }

  /** Thousandths in (row, column). */
  get(row: number, col: number): number {
    this.check(row);
    const h = heap();
    return readI64(h.u32, h.i32, (this.rowOffset(row) >>> 2) + 2 * col);
  }

  /** Sets (row, column) to `thousandths` (a safe integer). */
  set(row: number, col: number, thousandths: number): void {
    this.check(row);
    if (!Number.isSafeInteger(thousandths)) throw new RangeError(`ResourceColumns: ${thousandths} is not an integer number of thousandths`);
    if (col < 0 || col >= this.width) throw new RangeError(`ResourceColumns: column ${col} out of range [0, ${this.width})`);
    const h = heap();
    writeI64(h.u32, h.i32, (this.rowOffset(row) >>> 2) + 2 * col, thousandths);
  }

  /** Replaces a row with the given (key, thousandths) entries; other columns become 0. */
  setRow(row: number, entries: Iterable<readonly [string, number]>): void {
    this.check(row);
    heap().u8.fill(0, this.rowOffset(row), this.rowOffset(row + 1));
    for (const [key, v] of entries) this.set(row, this.column(key), v);
  }

  /** Appends a row holding the given entries; returns its index. */
  push(entries: Iterable<readonly [string, number]>): number {
    const row = this.addRow();
    this.setRow(row, entries);
    return row;
  }

  /** A copy of a row as thousandths per column. */
  row(row: number): Float64Array {
    this.check(row);
    const h = heap();
    const out = new Float64Array(this.width);
    const k0 = this.rowOffset(row) >>> 2;
    for (let c = 0; c < this.width; c++) out[c] = readI64(h.u32, h.i32, k0 + 2 * c);
    return out;
  }

  /** The non-zero entries of a row as (key, thousandths). */
  entries(row: number): [string, number][] {
    const v = this.row(row);
    const out: [string, number][] = [];
    v.forEach((x, c) => { if (x !== 0) out.push([this.names.keys[c] ?? `#${c}`, x]); });
    return out;
  }

  /** A vector of this store's width from (key, thousandths) entries, interning keys. */
  vector(entries: Iterable<readonly [string, number]>): Float64Array {
    const out = new Float64Array(this.width);
    for (const [key, v] of entries) out[this.column(key)] = v;
    return out;
  }

  /** Drops all rows (keeps the memory). */
  clear(): void {
    this.rows = 0;
  }

  /** Returns the store's memory to the Wasm heap; the store is unusable afterwards. */
  dispose(): void {
    if (this.ptr) heap().free(this.ptr);
    this.ptr = 0;
    this.rows = 0;
    this.capacity = 0;
  }
}
