import { bitAt, markGrowable, widenBitMatrix } from "./presence.js";

/**
 * The coverage bitsets of the allocator's (agent, role) candidate records
 * (which framework slots are known unable to take the candidate), as rows
 * of one matrix instead of one `Int32Array` per record: testing a bit in
 * the cycle then reads one word of a shared array (one cache line) rather
 * than a typed-array object and its separate backing store. Rows are
 * handed out on a record's first mark and returned when the record goes.
 */
export class CoverageBits {
  /** Never empty (see `bitAt`). */
  private bits = new Int32Array(1);
  /** 32-bit words per row. */
  private words = 0;
  private rows = 0;
  private readonly free: number[] = [];
  private nextRow = 0;

  constructor() {
    markGrowable(this);
    // The first row is taken at the first decline, after a first cycle has
    // compiled `take` into the cycle's visit (see markGrowable).
    this.nextRow = 1;
    this.nextRow = 0;
  }

  /** A cleared row wide enough for `capacity` columns (a returned row first). */
  take(capacity: number): number {
    const row = this.free.length > 0 ? this.free.pop()! : this.nextRow++;
    this.ensure(row + 1, (capacity + 31) >> 5);
    this.clearRow(row);
    return row;
  }

  /** Returns a row taken with `take` (its bits are cleared when taken again). */
  give(row: number): void {
    this.free.push(row);
  }

  /** Whether column `col` of `row` is set (false for a column past the row's width, and for row -1). */
  has(row: number, col: number): boolean {
    return bitAt(this.bits, this.words, row, col, row >= 0);
  }

  /** Sets column `col` of `row` (widening every row to `capacity` columns when needed); true when it was clear. */
  set(row: number, col: number, capacity: number): boolean {
    const w = col >> 5;
    if (w >= this.words) this.ensure(this.rows, Math.max(w + 1, (capacity + 31) >> 5));
    const i = row * this.words + w;
    const b = 1 << (col & 31);
    const word = this.bits[i]!;
    if ((word & b) !== 0) return false;
    this.bits[i] = word | b;
    return true;
  }

  /** The matrix's words, row by row (`width()` words each); a new array after the matrix grows. */
  matrix(): Int32Array {
    return this.bits;
  }

  /** 32-bit words per row. */
  width(): number {
    return this.words;
  }

  /** Widens every row to at least `capacity` columns now (rows keep their bits). */
  ensureWidth(capacity: number): void {
    this.ensure(this.rows, (capacity + 31) >> 5);
  }

  /** Clears every column of `row`. */
  clearRow(row: number): void {
    this.bits.fill(0, row * this.words, (row + 1) * this.words);
  }

  /** The columns below `capacity` whose bit is clear in `row`, ascending. */
  openColumns(row: number, capacity: number): number[] {
    const cols: number[] = [];
    const words = (capacity + 31) >> 5;
    for (let w = 0; w < words; w++) {
      const word = w < this.words ? this.bits[row * this.words + w]! : 0;
      if (word === -1) continue;
      for (let b = 0; b < 32; b++) {
        const col = (w << 5) | b;
        if (col >= capacity) break;
        if ((word & (1 << b)) === 0) cols.push(col);
      }
    }
    return cols;
  }

  private ensure(rows: number, words: number): void {
    if (rows <= this.rows && words <= this.words) return;
    // Doubling keeps growth amortized O(1) per row or column added.
    const newRows = rows > this.rows ? Math.max(rows, this.rows * 2, 64) : this.rows;
    const newWords = words > this.words ? Math.max(words, this.words * 2) : this.words;
    this.bits = widenBitMatrix(this.bits, this.rows, this.words, newRows, newWords);
    this.rows = newRows;
    this.words = newWords;
  }
}
