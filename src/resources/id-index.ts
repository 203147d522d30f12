/**
 * A small open-addressing hash table from identity id (a non-negative int32)
 * to position (int32), kept in two Int32Arrays so that copying it for a
 * copy-on-write clone is two memcpys. Linear probing; deletion shifts the
 * following cluster back, so there are no tombstones.
 */
/**
 * A bag (`Resources`) keeps an IdIndex once it holds more than this many
 * entries; up to it, a linear scan finds an entry faster. A bag in column
 * form holds at most this many (it has no index).
 */
export const INDEX_THRESHOLD = 8;

export class IdIndex {
  private keys: Int32Array; // id + 1; 0 marks an empty slot
  private vals: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 16) {
    let cap = 16;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Number of ids stored. */
  get size(): number {
    return this.count;
  }

  private slot(id: number): number {
    return Math.imul(id + 1, 0x9e3779b1) >>> 0 & this.mask;
  }

  /** Position stored for `id`, or -1. */
  get(id: number): number {
    const k = id + 1, keys = this.keys, mask = this.mask;
    for (let i = this.slot(id); ; i = (i + 1) & mask) {
      const x = keys[i]!;
      if (x === k) return this.vals[i]!;
      if (x === 0) return -1;
    }
  }

  /** Stores `pos` for `id` (inserting or replacing). */
  set(id: number, pos: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const k = id + 1, keys = this.keys, mask = this.mask;
    for (let i = this.slot(id); ; i = (i + 1) & mask) {
      const x = keys[i]!;
      if (x === k) { this.vals[i] = pos; return; }
      if (x === 0) { keys[i] = k; this.vals[i] = pos; this.count++; return; }
    }
  }

  /** Removes `id` if present. */
  delete(id: number): void {
    const k = id + 1, keys = this.keys, vals = this.vals, mask = this.mask;
    let i = this.slot(id);
    for (;; i = (i + 1) & mask) {
      const x = keys[i]!;
      if (x === 0) return;
      if (x === k) break;
    }
    this.count--;
    // Backward-shift deletion: move later members of the cluster into the hole.
    let hole = i;
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const x = keys[j]!;
      if (x === 0) break;
      const home = Math.imul(x, 0x9e3779b1) >>> 0 & mask;
      // Move x if its home slot is not in the cyclic range (hole, j].
      const inRange = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!inRange) { keys[hole] = x; vals[hole] = vals[j]!; hole = j; }
    }
    keys[hole] = 0;
  }

  /** An independent copy. */
  clone(): IdIndex {
    const c = Object.create(IdIndex.prototype) as IdIndex;
    c.keys = this.keys.slice();
    c.vals = this.vals.slice();
    c.mask = this.mask;
    c.count = this.count;
    return c;
  }

  private grow(): void {
    const oldK = this.keys, oldV = this.vals;
    this.keys = new Int32Array(oldK.length * 2);
    this.vals = new Int32Array(oldK.length * 2);
    this.mask = this.keys.length - 1;
    this.count = 0;
    for (let i = 0; i < oldK.length; i++) if (oldK[i] !== 0) this.set(oldK[i]! - 1, oldV[i]!);
  }
}
