/**
 * The decline filters one expiry timer removes, in the order they were
 * added, as (filter set, index, generation) triples. Stored as runs: the
 * filters of one set that come in a row (a framework declining its offers)
 * share one reference, and the numbers live in typed arrays. Decline
 * filters with long refuse times outlive many young-generation collections,
 * and three JS arrays with an entry per filter were copied by each of them
 * (DeclineOffers: ~0.25 MB per round of declines); typed columns live
 * outside the JS heap.
 */
import { objectArray } from "../util/arrays.js";
import { copyGrown } from "../util/typed-arrays.js";

/** Filters to expire together; `S` is the allocator's per-(framework, role) filter set. */
export class ExpiryBucket<S> {
  /** The set of each run, and the entry index where each run ends (exclusive). */
  private readonly runSets: S[] = objectArray();
  private runEnds = new Int32Array(8);
  private runs = 0;
  private indexes = new Int32Array(16);
  private generations = new Int32Array(16);
  private count = 0;

  /** Number of filters in the bucket. */
  size(): number {
    return this.count;
  }

  /** Appends filter `index` of `set`, which had `generation` when it was added. */
  add(set: S, index: number, generation: number): void {
    const k = this.count;
    if (k >= this.indexes.length) {
      this.indexes = copyGrown(this.indexes, 2 * this.indexes.length);
      this.generations = copyGrown(this.generations, 2 * this.generations.length);
    }
    this.indexes[k] = index;
    this.generations[k] = generation;
    this.count = k + 1;
    const r = this.runs;
    if (r > 0 && this.runSets[r - 1] === set) {
      this.runEnds[r - 1] = k + 1;
      return;
    }
    if (r >= this.runEnds.length) this.runEnds = copyGrown(this.runEnds, 2 * this.runEnds.length);
    this.runSets.push(set);
    this.runEnds[r] = k + 1;
    this.runs = r + 1;
  }

  /** Visits every filter in the order added. */
  forEach(visit: (set: S, index: number, generation: number) => void): void {
    let k = 0;
    for (let r = 0; r < this.runs; r++) {
      const set = this.runSets[r]!;
      const end = this.runEnds[r]!;
      for (; k < end; k++) visit(set, this.indexes[k]!, this.generations[k]!);
    }
  }
}
