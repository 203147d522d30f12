/**
 * A bit matrix of (agent slot, framework slot) pairs that *may* have decline
 * filters: set when a filter is added, never needed to be exact. A clear bit
 * proves the framework has no filter on the agent, so the allocator's cycle
 * skips the filter look-up (a random hash-map probe, i.e. a cache miss per
 * agent) for the frameworks that are offered an agent for the first time,
 * which is most offers. A set bit only means "look it up". Memory: one bit
 * per (agent, framework) pair (1.25 MB at 10,000 x 1,000).
 */
export class PairBits {
  /** Never empty (see `bitAt`). */
  private bits = new Int32Array(1);
  private words = 0;
  private rows = 0;

  constructor() {
    markGrowable(this);
  }

  /** Whether the pair's bit is set (false for slots never seen). */
  has(row: number, col: number): boolean {
    return bitAt(this.bits, this.words, row, col, row < this.rows);
  }

  /** The matrix's words, row by row (`width()` words each); a new array after the matrix grows. */
  matrix(): Int32Array {
    return this.bits;
  }

  /** 32-bit words per row. */
  width(): number {
    return this.words;
  }

  /** Word offset of `row` in `matrix()`, or -1 for a row the matrix does not have yet (all clear). */
  rowAt(row: number): number {
    // Both sides computed (see bitAt: the first cycle meets only empty rows).
    const at = row * this.words;
    return row < this.rows ? at : -1;
  }

  /** Bytes the matrix holds (its backing array). */
  get byteLength(): number {
    return this.bits.byteLength;
  }

  /** Sets the pair's bit, growing the matrix as needed. */
  set(row: number, col: number): void {
    const w = col >> 5;
    if (row >= this.rows || w >= this.words) this.grow(Math.max(this.rows, row + 1), Math.max(this.words, w + 1));
    this.bits[row * this.words + w]! |= 1 << (col & 31);
  }

  /** The columns whose bit is set in `row`, ascending (none for a row never seen). */
  columnsOf(row: number): number[] {
    const out: number[] = [];
    if (row >= this.rows) return out;
    const base = row * this.words;
    for (let w = 0; w < this.words; w++) {
      let word = this.bits[base + w]!;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        out.push(w * 32 + bit);
        word &= word - 1;
      }
    }
    return out;
  }

  /** Clears a whole row (a slot given to a new agent). */
  clearRow(row: number): void {
    if (row >= this.rows) return;
    this.bits.fill(0, row * this.words, (row + 1) * this.words);
  }

  /** Clears a whole column (a slot given to a new framework). */
  clearColumn(col: number): void {
    const w = col >> 5;
    if (w >= this.words) return;
    const mask = ~(1 << (col & 31));
    for (let r = 0; r < this.rows; r++) this.bits[r * this.words + w]! &= mask;
  }

  private grow(rows: number, words: number): void {
    // Doubling keeps growth amortized O(1) per set; a dimension that is
    // wide enough keeps its size (doubling the rows on every widening of
    // the words grew DeclineOffers' 10,000 rows to 157,344: 20 MB, not 1.25).
    const newRows = rows > this.rows ? Math.max(rows, this.rows * 2, 64) : this.rows;
    const newWords = words > this.words ? Math.max(words, this.words * 2) : this.words;
    this.bits = widenBitMatrix(this.bits, this.rows, this.words, newRows, newWords);
    this.rows = newRows;
    this.words = newWords;
  }
}

/**
 * Bit `col` of `row` in a row-major matrix of `words` 32-bit words per row,
 * or false when the row is outside (`rowInside` false) or the column past
 * the width. The same operations run whether or not the bit is inside
 * (outside, word 0 is read and masked out; the matrix is never empty): a
 * first allocation cycle, compiled while the matrices are still empty,
 * then leaves type feedback for the reads that later cycles make.
 */
export function bitAt(bits: Int32Array, words: number, row: number, col: number, rowInside: boolean): boolean {
  const w = col >> 5;
  const colInside = w < words;
  const inside = rowInside && colInside;
  const at = row * words + w;
  const bit = 1 << (col & 31);
  const word = bits[inside ? at : 0]!;
  return (word & (inside ? bit : 0)) !== 0;
}

/**
 * Stores new values into a bit matrix's `bits`, `words` and `rows` right
 * after construction. V8 treats a field that was never reassigned as a
 * constant and compiles its value into the code that reads it; growing the
 * matrix later (the first declines, after a first cycle has compiled the
 * readers with the empty matrix) then discards all that code, the
 * allocation cycle's visit included. Reassigned from the start, the fields
 * are ordinary mutable fields and growth costs nothing more.
 */
export function markGrowable(m: object): void {
  const f = m as { bits: Int32Array; words: number; rows: number };
  const { bits, words, rows } = f;
  f.bits = new Int32Array(0);
  f.words = words + 1;
  f.rows = rows + 1;
  f.bits = bits;
  f.words = words;
  f.rows = rows;
}

/**
 * A row-major bit matrix (`rows` x `words` 32-bit words) copied into a larger,
 * zero-filled one of `newRows` x `newWords` (each at least the old size), row
 * for row. Shared by PairBits and CoverageBits.
 */
export function widenBitMatrix(bits: Int32Array, rows: number, words: number, newRows: number, newWords: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(newRows * newWords);
  // (An empty matrix may hold one placeholder word: see bitAt.)
  if (newWords === words) next.set(rows * words === bits.length ? bits : bits.subarray(0, rows * words));
  else {
    // Row by row, word by word: no view object per row (a matrix of
    // 10,000 rows widened a few times made ~80,000 of them).
    for (let r = 0; r < rows; r++) {
      const from = r * words;
      const to = r * newWords;
      for (let w = 0; w < words; w++) next[to + w] = bits[from + w]!;
    }
  }
  return next;
}

/** Small integer ids handed out and taken back (free list). */
export class SlotPool {
  private readonly free: number[] = [];
  private next = 0;

  /** A slot not in use (a returned one first; per-slot state kept elsewhere may be stale). */
  take(): number {
    return this.free.length > 0 ? this.free.pop()! : this.next++;
  }

  /** Whether the next `take` hands out a returned slot (whose per-slot state elsewhere may be stale). */
  nextIsReused(): boolean {
    return this.free.length > 0;
  }

  /** Returns a slot to the pool. */
  give(slot: number): void {
    this.free.push(slot);
  }
}
