/**
 * Interval sets in the flat form the range kernels share with Wasm memory:
 * a Uint32Array of quads [beginLo, beginHi, endLo, endHi] per interval, i.e.
 * exactly the bytes of little-endian u64 pairs (assembly/layout.ts). Values
 * are uint64 and stay exact above 2^53 without BigInt arithmetic; copying a
 * set into Wasm memory is one `Uint32Array.set` (a memcpy).
 *
 * A set is canonical when its intervals are sorted by begin, each has
 * begin <= end, and each end is at least 2 below the next begin (Mesos'
 * coalesced Value::Ranges). Kernels take and return canonical sets.
 */

/** A flat interval set: 4 u32 words per interval (see the module doc). */
export type IntervalSet = Uint32Array;

const TWO32 = 4294967296;

/** Number of intervals in a set. */
export function intervalCount(set: IntervalSet): number {
  return set.length >>> 2;
}

/** An integer in [0, 2^64) given as a number (exact below 2^53) or a bigint. */
export type U64 = number | bigint;

function check(v: U64, what: string): void {
  if (typeof v === "bigint") {
    if (v < 0n || v > 0xffffffffffffffffn) throw new RangeError(`${what} ${v} is outside uint64`);
  } else if (!Number.isSafeInteger(v) || v < 0) {
    throw new RangeError(`${what} ${v} is not a uint64 that a number holds exactly (use a bigint above 2^53)`);
  }
}

/** Writes v as (lo, hi) at out[at], out[at + 1]. */
function writeU64(out: Uint32Array, at: number, v: U64): void {
  if (typeof v === "bigint") {
    out[at] = Number(v & 0xffffffffn);
    out[at + 1] = Number(v >> 32n);
  } else {
    out[at] = v % TWO32;
    out[at + 1] = Math.floor(v / TWO32);
  }
}

/** Reads the u64 at out[at] (lo), out[at + 1] (hi) as a bigint. */
export function readU64(set: Uint32Array, at: number): bigint {
  return (BigInt(set[at + 1]!) << 32n) | BigInt(set[at]!);
}

/** Reads the u64 at (lo, hi) as a number when below 2^53, else as a bigint. */
export function readU64Compact(set: Uint32Array, at: number): U64 {
  const hi = set[at + 1]!;
  if (hi < 0x200000) return hi * TWO32 + set[at]!;
  return readU64(set, at);
}

/**
 * Builds a set from [begin, end] pairs that are already canonical (sorted,
 * disjoint, non-adjacent). Throws RangeError if they are not; use
 * `canonicalIntervals` for arbitrary input.
 */
export function intervalsFromPairs(pairs: ReadonlyArray<readonly [U64, U64]>): IntervalSet {
  const out = new Uint32Array(pairs.length * 4);
  pairs.forEach(([b, e], i) => {
    check(b, "interval begin");
    check(e, "interval end");
    writeU64(out, 4 * i, b);
    writeU64(out, 4 * i + 2, e);
  });
  if (!isCanonical(out)) throw new RangeError("intervalsFromPairs: intervals are not sorted, disjoint and non-adjacent");
  return out;
}

/** Sorts and coalesces arbitrary [begin, end] pairs (begin <= end) into a canonical set. */
export function canonicalIntervals(pairs: ReadonlyArray<readonly [U64, U64]>): IntervalSet {
  const big = pairs.map(([b, e]) => {
    check(b, "interval begin");
    check(e, "interval end");
    const bb = BigInt(b), ee = BigInt(e);
    if (bb > ee) throw new RangeError(`interval ${bb}-${ee} has begin > end`);
    return [bb, ee] as [bigint, bigint];
  });
  big.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const merged: [bigint, bigint][] = [];
  for (const [b, e] of big) {
    const last = merged[merged.length - 1];
    if (last && b <= last[1] + 1n) {
      if (e > last[1]) last[1] = e;
    } else merged.push([b, e]);
  }
  return intervalsFromPairs(merged);
}

/** The intervals of a set as [begin, end] bigint pairs. */
export function intervalsToPairs(set: IntervalSet): [bigint, bigint][] {
  const out: [bigint, bigint][] = [];
  for (let k = 0; k < set.length; k += 4) out.push([readU64(set, k), readU64(set, k + 2)]);
  return out;
}

/** Mesos' text form of the set: `[1-2,5-10]`. */
export function formatIntervals(set: IntervalSet): string {
  return `[${intervalsToPairs(set).map(([b, e]) => `${b}-${e}`).join(",")}]`;
}

/** True when the set is sorted, disjoint and non-adjacent, with begin <= end. */
export function isCanonical(set: IntervalSet): boolean {
  if (set.length % 4 !== 0) return false;
  let prev: bigint | undefined;
  for (let k = 0; k < set.length; k += 4) {
    const b = readU64(set, k), e = readU64(set, k + 2);
    if (b > e) return false;
    if (prev !== undefined && b <= prev + 1n) return false;
    prev = e;
  }
  return true;
}

/** True when two sets hold the same intervals. */
export function intervalsEqual(a: IntervalSet, b: IntervalSet): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The range-set operations, implemented by the TypeScript reference
 * (`tsRangeKernels`) and the Wasm binding (`wasmRangeKernels`); the path
 * chooser in src/resources/kernels.ts picks one per call.
 */
export interface RangeKernels {
  /** Which implementation this is ("ts" or "wasm"). */
  readonly name: string;
  /**
   * The union a ∪ b. Both inputs canonical; the result is canonical:
   * overlapping and adjacent intervals of a and b merge ([1-3] ∪ [4-6] is
   * [1-6]). Inputs are not modified.
   */
  union(a: IntervalSet, b: IntervalSet): IntervalSet;
  /**
   * The difference a − b: every value of a that is not in b. Subtraction
   * splits intervals ([1-10] − [3-4] is [1-2,5-10]); values of b outside a
   * are ignored. The result is canonical.
   */
  subtract(a: IntervalSet, b: IntervalSet): IntervalSet;
  /** The intersection a ∩ b, canonical. */
  intersect(a: IntervalSet, b: IntervalSet): IntervalSet;
  /**
   * Set inclusion: true when every value of b is in a (b ⊆ a). The empty set
   * is contained in everything.
   */
  contains(a: IntervalSet, b: IntervalSet): boolean;
  /**
   * The `count` lowest values of a, as a canonical set (what an allocator
   * picks when a task asks for `count` ports). Returns null when a holds fewer
   * than `count` values. `count` must be a non-negative safe integer; 0 gives
   * the empty set.
   */
  pick(a: IntervalSet, count: number): IntervalSet | null;
}
