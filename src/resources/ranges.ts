/**
 * Canonical sets of unsigned 64-bit integers (Mesos `Value::Ranges`): sorted,
 * coalesced, inclusive intervals.
 *
 * Representation (the Wasm kernels adapt to it):
 * - `small`: a Uint32Array `[b0, e0, b1, e1, ...]` when every value is at most
 *   2^32 - 1 (ports, and every range in Mesos' own tests). This is the fast
 *   path; the kernels below (`unionBounds`, `subtractBounds`, ...) work on it,
 *   and the Wasm kernels copy it in and out with one memcpy. Four bytes per
 *   bound, not the eight of a Float64Array: half the memory to read, write,
 *   allocate and copy (a 10,000-interval result is 80 KB, under glibc's
 *   128 KB mmap threshold, so it no longer lands on freshly mapped pages).
 * - `big`: a BigUint64Array with the same layout when some value exceeds 2^32 - 1.
 *   Operations on big sets compress the coordinates (every endpoint v, v - 1 and
 *   v + 1, sorted) to small integers, run the same Uint32Array kernels on the
 *   indices and map the result back, so both forms share one algorithm and
 *   stay exact.
 * Canonical means: `b[i] <= e[i]` and `b[i+1] > e[i] + 1` (overlapping and
 * adjacent intervals are merged). RangeSet objects are immutable.
 */
import { ResourceError } from "./errors.js";
import { copyOutU32 } from "./u32-copy.js";

/** Largest value kept in the small (Uint32Array) form. */
export const SMALL_MAX = 2 ** 32 - 1;
/** Largest bound accepted or returned as a number (larger ones are bigints): 2^53 - 1. */
export const NUMBER_BOUND_MAX = Number.MAX_SAFE_INTEGER;
/** Largest uint64. */
export const UINT64_MAX = (1n << 64n) - 1n;

/** A range bound as given by callers: a non-negative integer number or bigint. */
export type RangeBound = number | bigint;

const EMPTY_BOUNDS = new Uint32Array(0);

// ---------------------------------------------------------------------------
// Uint32Array kernels over canonical inclusive bounds. Inputs must be
// canonical; outputs are canonical. They never mutate their inputs.
//
// Each kernel writes into one module-wide scratch array (grown on demand,
// never handed out) and returns an exact-size copy of what it wrote
// (`result`). Before, each allocated its worst case (na + nb values) and
// returned a `subarray` of it: twice the memory to zero, and a subarray of a
// small result (up to 64 bytes, which V8 keeps on its heap) forced V8 to move
// the result's storage off the heap first (measured inside Resources at one
// interval per operand: the TS path took 2x the Wasm path, 452 against 226 ns).

let scratch = new Uint32Array(256);
/** Largest scratch kept between calls (2^20 values, 4 MiB); bigger operations get a temporary one. */
const SCRATCH_MAX = 1 << 20;

/** The scratch array, grown to hold at least `n` values (a temporary array above SCRATCH_MAX). */
function scratchFor(n: number): Uint32Array {
  if (scratch.length >= n) return scratch;
  if (n > SCRATCH_MAX) return new Uint32Array(n);
  scratch = new Uint32Array(Math.min(SCRATCH_MAX, Math.max(n, 2 * scratch.length)));
  return scratch;
}

/**
 * Copies `src[from..to)` into `out` at `o` and returns the position after
 * it: a plain loop for a short run, one memcpy (`set` of a subarray, which
 * costs a view) for a longer one.
 */
function appendRun(out: Uint32Array, o: number, src: Uint32Array, from: number, to: number): number {
  if (to - from > 32) out.set(src.subarray(from, to), o);
  else for (let k = from; k < to; k++) out[o + k - from] = src[k]!;
  return to > from ? o + to - from : o;
}

/** A fresh canonical result: the first `o` values of the scratch array. */
function result(out: Uint32Array, o: number): Uint32Array {
  if (o === 0) return EMPTY_BOUNDS;
  if (o <= 16) {
    // Up to 64 bytes: an array on the V8 heap, filled by a plain loop.
    const r = new Uint32Array(o);
    for (let k = 0; k < o; k++) r[k] = out[k]!;
    return r;
  }
  return copyOutU32(out, 0, o);
}

/** Union of two canonical bound arrays. */
export function unionBounds(a: Uint32Array, b: Uint32Array): Uint32Array {
  const na = a.length, nb = b.length;
  if (na === 0) return b;
  if (nb === 0) return a;
  if (na === nb && equalBounds(a, b)) return a;
  const out = scratchFor(na + nb);
  // The current interval of a ([as, ae], at i) and of b ([bs, be], at j)
  // stay in locals (the same algorithm as assembly/ranges.ts): each step
  // takes the one that begins first, reads only the interval after it, and
  // either extends [cb, ce], the interval being built, or closes it.
  let i = 0, j = 0, o = 0;
  let as = a[0]!, ae = a[1]!, bs = b[0]!, be = b[1]!;
  let cb: number, ce: number;
  if (as <= bs) { cb = as; ce = ae; } else { cb = bs; ce = be; }
  let rest: Uint32Array, k: number;
  for (;;) {
    if (as <= bs) {
      if (as <= ce + 1) { if (ae > ce) ce = ae; }
      else { out[o++] = cb; out[o++] = ce; cb = as; ce = ae; }
      i += 2;
      if (i >= na) { rest = b; k = j; break; }
      as = a[i]!; ae = a[i + 1]!;
    } else {
      if (bs <= ce + 1) { if (be > ce) ce = be; }
      else { out[o++] = cb; out[o++] = ce; cb = bs; ce = be; }
      j += 2;
      if (j >= nb) { rest = a; k = i; break; }
      bs = b[j]!; be = b[j + 1]!;
    }
  }
  // One operand is used up: merge the other (from k, its current interval)
  // into [cb, ce] while they touch, then copy the rest of it.
  const n = rest.length;
  for (; k < n && rest[k]! <= ce + 1; k += 2) if (rest[k + 1]! > ce) ce = rest[k + 1]!;
  out[o++] = cb; out[o++] = ce;
  return result(out, appendRun(out, o, rest, k, n));
}

/**
 * `a` minus `b` (values of `a` not in `b`). One merge over both arrays, except
 * that runs of `a` which no interval of `b` touches are found by galloping and
 * copied in bulk, so removing a few values from a large set (an allocator
 * taking ports from a fragmented agent) costs O(log n) comparisons plus one
 * memcpy instead of a visit per interval.
 */
export function subtractBounds(a: Uint32Array, b: Uint32Array): Uint32Array {
  const na = a.length, nb = b.length;
  if (na === 0 || nb === 0) return a;
  if (b[nb - 1]! < a[0]! || b[0]! > a[na - 1]!) return a;
  if (na === nb && equalBounds(a, b)) return EMPTY_BOUNDS;
  const out = scratchFor(na + nb);
  // The current interval of a is [s, e] (s moves past each cut) and the
  // current interval of b is [bs, be]: each step reads only the interval it
  // advances to (the same algorithm as assembly/ranges.ts).
  let o = 0, i = 0, j = 0;
  let s = a[0]!, e = a[1]!, bs = b[0]!, be = b[1]!;
  for (;;) {
    if (be < s) {
      // b[j] lies before what is left of a[i].
      j += 2;
      if (j >= nb) break;
      bs = b[j]!; be = b[j + 1]!;
      continue;
    }
    if (bs > e) {
      // What is left of a[i] lies before b[j]: keep it, then gallop to the
      // first interval of a ending at or after bs and copy the run before it.
      out[o++] = s; out[o++] = e;
      let lo = i, hi = i + 2, step = 2;
      while (hi < na && a[hi + 1]! < bs) { lo = hi; hi += step; step <<= 1; }
      if (hi > na) hi = na;
      // a[lo + 1] < bs, and hi === na or a[hi + 1] >= bs.
      while (hi - lo > 2) {
        const mid = lo + (((hi - lo) >> 2) << 1);
        if (a[mid + 1]! < bs) lo = mid; else hi = mid;
      }
      o = appendRun(out, o, a, i + 2, hi);
      i = hi;
      if (i >= na) return result(out, o);
      s = a[i]!; e = a[i + 1]!;
      continue;
    }
    // b[j] overlaps [s, e]: keep the part before it.
    if (bs > s) { out[o++] = s; out[o++] = bs - 1; }
    if (be >= e) {
      // a[i] is used up; b[j] may reach into a[i + 1]. If it does not, move
      // b on here rather than at the top of the loop (one step fewer per cut).
      i += 2;
      if (i >= na) return result(out, o);
      s = a[i]!; e = a[i + 1]!;
      if (be < s) {
        j += 2;
        if (j >= nb) break;
        bs = b[j]!; be = b[j + 1]!;
      }
      continue;
    }
    s = be + 1;
    j += 2;
    if (j >= nb) break;
    bs = b[j]!; be = b[j + 1]!;
  }
  // b is used up: keep what is left of a[i] and copy the rest of a.
  out[o++] = s; out[o++] = e;
  return result(out, appendRun(out, o, a, i + 2, na));
}

/** Values in both `a` and `b`. */
export function intersectBounds(a: Uint32Array, b: Uint32Array): Uint32Array {
  const na = a.length, nb = b.length;
  if (na === 0) return a;
  if (nb === 0) return b;
  const out = scratchFor(na + nb);
  let i = 0, j = 0, o = 0;
  while (i < na && j < nb) {
    const lo = a[i]! > b[j]! ? a[i]! : b[j]!;
    const hi = a[i + 1]! < b[j + 1]! ? a[i + 1]! : b[j + 1]!;
    if (lo <= hi) { out[o++] = lo; out[o++] = hi; }
    if (a[i + 1]! < b[j + 1]!) i += 2; else j += 2;
  }
  return result(out, o);
}

/**
 * True when every value of `b` is in `a`. For each interval of `a` that
 * holds the next interval of `b`, the intervals of `b` it covers are skipped
 * with a galloping search, so a coarse superset costs O(log n) and two
 * fragmented sets cost O(n).
 */
export function containsBounds(a: Uint32Array, b: Uint32Array): boolean {
  const na = a.length, nb = b.length;
  if (nb === 0) return true;
  if (na === 0) return false;
  if (b[0]! < a[0]! || b[nb - 1]! > a[na - 1]!) return false;
  let i = 0, j = 0;
  while (j < nb) {
    const bb = b[j]!;
    // Step, then gallop, in `a` to the first interval whose end is >= bb.
    if (a[i + 1]! < bb) i += 2;
    if (i < na && a[i + 1]! < bb) {
      let step = 2, lo = i, hi = i + 2;
      while (hi < na && a[hi + 1]! < bb) { lo = hi; hi += step; step <<= 1; }
      if (hi >= na) hi = na - 2;
      // a[lo+1] < bb <= a[hi+1]: binary search on interval indices.
      while (hi - lo > 2) {
        const mid = lo + (((hi - lo) >> 2) << 1);
        if (a[mid + 1]! < bb) lo = mid; else hi = mid;
      }
      i = hi;
      if (a[i + 1]! < bb) return false;
    }
    if (i >= na) return false;
    const ae = a[i + 1]!;
    if (a[i]! > bb || b[j + 1]! > ae) return false;
    // Skip every interval of `b` that starts at or before ae (they must end by ae).
    if (j + 2 >= nb || b[j + 2]! > ae) { j += 2; continue; }
    let step = 2, lo = j, hi = j + 2;
    while (hi < nb && b[hi]! <= ae) { lo = hi; hi += step; step <<= 1; }
    if (hi > nb) hi = nb;
    // b[lo] <= ae, and b[hi] > ae or hi == nb.
    while (hi - lo > 2) {
      const mid = lo + (((hi - lo) >> 2) << 1);
      if (b[mid]! <= ae) lo = mid; else hi = mid;
    }
    if (b[lo + 1]! > ae) return false;
    j = lo + 2;
  }
  return true;
}

/** True when both canonical arrays hold the same values. */
export function equalBounds(a: Uint32Array, b: Uint32Array): boolean {
  if (a === b) return true;
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Sorts and coalesces arbitrary inclusive intervals (each with begin <= end) in place; returns the canonical prefix. */
export function canonicalizeBounds(raw: Uint32Array): Uint32Array {
  const n = raw.length >> 1;
  if (n <= 1) return raw;
  let sorted = true;
  for (let i = 2; i < raw.length; i += 2) if (raw[i]! <= raw[i - 1]! + 1) { sorted = false; break; }
  if (sorted) return raw;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((x, y) => raw[2 * x]! - raw[2 * y]! || raw[2 * x + 1]! - raw[2 * y + 1]!);
  const out = new Uint32Array(2 * n);
  let o = 0;
  let cb = raw[2 * idx[0]!]!, ce = raw[2 * idx[0]! + 1]!;
  for (let k = 1; k < n; k++) {
    const x = raw[2 * idx[k]!]!, y = raw[2 * idx[k]! + 1]!;
    if (x <= ce + 1) { if (y > ce) ce = y; }
    else { out[o++] = cb; out[o++] = ce; cb = x; ce = y; }
  }
  out[o++] = cb; out[o++] = ce;
  return o === out.length ? out : result(out, o);
}

// ---------------------------------------------------------------------------

type Kernel = (a: Uint32Array, b: Uint32Array) => Uint32Array;

/** An immutable canonical set of uint64 values. */
export class RangeSet {
  /** The empty set. */
  static readonly EMPTY = new RangeSet(EMPTY_BOUNDS, null);

  private constructor(
    /** Canonical bounds when every value is <= SMALL_MAX, else null. */
    readonly small: Uint32Array | null,
    /** Canonical bounds as uint64 when some value exceeds SMALL_MAX, else null. */
    readonly big: BigUint64Array | null,
  ) {}

  /** Wraps canonical small bounds without copying or checking (caller guarantees canonical form). */
  static fromCanonicalSmall(bounds: Uint32Array): RangeSet {
    return bounds.length === 0 ? RangeSet.EMPTY : new RangeSet(bounds, null);
  }

  /**
   * Wraps canonical bounds given as exact numbers (each at most
   * NUMBER_BOUND_MAX): the small form when the largest (the last) fits
   * SMALL_MAX, else the big form. Readers that collect bounds as numbers
   * call this, so the choice of form lives here, not in each reader.
   */
  static fromCanonicalNumbers(bounds: readonly number[]): RangeSet {
    const n = bounds.length;
    if (n === 0) return RangeSet.EMPTY;
    if (bounds[n - 1]! <= SMALL_MAX) return new RangeSet(Uint32Array.from(bounds), null);
    return new RangeSet(null, BigUint64Array.from(bounds, (v) => BigInt(v)));
  }

  /** Wraps canonical uint64 bounds, switching to the small form when it fits. */
  static fromCanonicalBig(bounds: BigUint64Array): RangeSet {
    if (bounds.length === 0) return RangeSet.EMPTY;
    if (bounds[bounds.length - 1]! <= BigInt(SMALL_MAX)) {
      const s = new Uint32Array(bounds.length);
      for (let i = 0; i < bounds.length; i++) s[i] = Number(bounds[i]!);
      return new RangeSet(s, null);
    }
    return new RangeSet(null, bounds);
  }

  /** The single interval [begin, end]. Throws ResourceError if begin > end or out of uint64. */
  static interval(begin: RangeBound, end: RangeBound): RangeSet {
    return RangeSet.fromIntervals([[begin, end]]);
  }

  /**
   * Builds a canonical set from intervals in any order, overlapping or not.
   * Throws ResourceError for begin > end, negative, fractional or > 2^64 - 1 values.
   */
  static fromIntervals(intervals: Iterable<readonly [RangeBound, RangeBound]>): RangeSet {
    const list = Array.from(intervals);
    if (list.length === 0) return RangeSet.EMPTY;
    let allSmall = true;
    for (const [b, e] of list) {
      checkBound(b); checkBound(e);
      if (b > e) throw new ResourceError(`invalid range [${b}-${e}]: begin > end`);
      if (!(typeof e === "number" ? e <= SMALL_MAX : e <= BigInt(SMALL_MAX))) allSmall = false;
    }
    if (allSmall) {
      const raw = new Uint32Array(list.length * 2);
      list.forEach(([b, e], i) => { raw[2 * i] = Number(b); raw[2 * i + 1] = Number(e); });
      return RangeSet.fromCanonicalSmall(canonicalizeBounds(raw));
    }
    const pairs = list.map(([b, e]) => [BigInt(b), BigInt(e)] as [bigint, bigint]);
    return RangeSet.fromCanonicalBig(canonicalBig(pairs));
  }

  /** True when the set holds no value. */
  isEmpty(): boolean {
    return (this.small ?? this.big!).length === 0;
  }

  /** Number of disjoint intervals. */
  get intervalCount(): number {
    return (this.small ?? this.big!).length >> 1;
  }

  /** Number of values, as a double (what Mesos' quantities use). */
  count(): number {
    const s = this.small;
    if (s) { let c = 0; for (let i = 0; i < s.length; i += 2) c += s[i + 1]! - s[i]! + 1; return c; }
    return Number(this.countExact());
  }

  /** Number of values, exactly. */
  countExact(): bigint {
    const s = this.small ?? this.big!;
    let c = 0n;
    for (let i = 0; i < s.length; i += 2) c += BigInt(s[i + 1]!) - BigInt(s[i]!) + 1n;
    return c;
  }

  /** Union. */
  union(o: RangeSet): RangeSet {
    if (this.small && o.small) return RangeSet.fromCanonicalSmall(unionBounds(this.small, o.small));
    return this.bigOp(o, unionBounds);
  }

  /** Values of this set that are not in `o`. */
  subtract(o: RangeSet): RangeSet {
    if (this.small && o.small) return RangeSet.fromCanonicalSmall(subtractBounds(this.small, o.small));
    return this.bigOp(o, subtractBounds);
  }

  /** Values in both sets. */
  intersect(o: RangeSet): RangeSet {
    if (this.small && o.small) return RangeSet.fromCanonicalSmall(intersectBounds(this.small, o.small));
    return this.bigOp(o, intersectBounds);
  }

  /** Set inclusion: every value of `o` is in this set. */
  contains(o: RangeSet): boolean {
    if (this.small && o.small) return containsBounds(this.small, o.small);
    if (o.isEmpty()) return true;
    if (this.small) return false; // o has a value above SMALL_MAX, this has none
    const [a, b] = this.compress(o);
    return containsBounds(a, b);
  }

  /** Same values. */
  equals(o: RangeSet): boolean {
    if (this.small && o.small) return equalBounds(this.small, o.small);
    if (this.big && o.big) {
      if (this.big.length !== o.big.length) return false;
      for (let i = 0; i < this.big.length; i++) if (this.big[i] !== o.big[i]) return false;
      return true;
    }
    return false;
  }

  /** The `n` lowest values as a set, or null when the set holds fewer than `n` values. */
  take(n: number | bigint): RangeSet | null {
    let need = BigInt(n);
    if (need < 0n) throw new ResourceError(`cannot take ${n} values`);
    const out: Array<[bigint, bigint]> = [];
    for (const [b, e] of this.intervals()) {
      if (need === 0n) break;
      const len = e - b + 1n;
      if (len <= need) { out.push([b, e]); need -= len; }
      else { out.push([b, b + need - 1n]); need = 0n; }
    }
    if (need > 0n) return null;
    return RangeSet.fromIntervals(out);
  }

  /** True when `v` is in the set. */
  has(v: RangeBound): boolean {
    const x = BigInt(v);
    for (const [b, e] of this.intervals()) { if (x < b) return false; if (x <= e) return true; }
    return false;
  }

  /** The intervals in order, as exact bigints. */
  *intervals(): IterableIterator<[bigint, bigint]> {
    const s = this.small ?? this.big!;
    for (let i = 0; i < s.length; i += 2) yield [BigInt(s[i]!), BigInt(s[i + 1]!)];
  }

  /** The intervals in order as numbers when exact, bigints above 2^53 - 1 (NUMBER_BOUND_MAX). */
  toPairs(): Array<[RangeBound, RangeBound]> {
    const out: Array<[RangeBound, RangeBound]> = [];
    if (this.small) { for (let i = 0; i < this.small.length; i += 2) out.push([this.small[i]!, this.small[i + 1]!]); return out; }
    for (let i = 0; i < this.big!.length; i += 2) out.push([toBound(this.big![i]!), toBound(this.big![i + 1]!)]);
    return out;
  }

  /** A 32-bit hash of the values: equal sets hash alike. */
  hash(): number {
    let h = 0x811c9dc5;
    if (this.small !== null) {
      const s = this.small;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s[i]!, 0x01000193);
    } else {
      const b = this.big!;
      for (let i = 0; i < b.length; i++) {
        const v = b[i]!;
        h = Math.imul(h ^ Number(v & 0xffffffffn), 0x01000193);
        h = Math.imul(h ^ Number(v >> 32n), 0x01000193);
      }
    }
    return h | 0;
  }

  /** Mesos text form without spaces: `[1-2,5-10]` (`[]` when empty). */
  toString(): string {
    const s = this.small ?? this.big!;
    let out = "[";
    for (let i = 0; i < s.length; i += 2) {
      if (i > 0) out += ",";
      out += String(s[i]) + "-" + String(s[i + 1]);
    }
    return out + "]";
  }

  /** Runs a Uint32Array kernel on coordinate-compressed big sets and maps the result back. */
  private bigOp(o: RangeSet, kernel: Kernel): RangeSet {
    const [a, b, uniq] = this.compress(o);
    const r = kernel(a, b);
    if (r.length === 0) return RangeSet.EMPTY;
    const out = new BigUint64Array(r.length);
    for (let i = 0; i < r.length; i++) out[i] = uniq[r[i]!]!;
    return RangeSet.fromCanonicalBig(out);
  }

  /**
   * Maps both sets to indices into the sorted list of every endpoint v, v - 1
   * and v + 1: order, adjacency and the +-1 steps of the kernels are preserved.
   */
  private compress(o: RangeSet): [Uint32Array, Uint32Array, bigint[]] {
    const a = this.small ?? this.big!;
    const b = o.small ?? o.big!;
    const coords: bigint[] = [];
    const collect = (arr: Uint32Array | BigUint64Array) => {
      for (let i = 0; i < arr.length; i++) {
        const v = BigInt(arr[i]!);
        coords.push(v);
        if (v > 0n) coords.push(v - 1n);
        if (v < UINT64_MAX) coords.push(v + 1n);
      }
    };
    collect(a); collect(b);
    coords.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const uniq: bigint[] = [];
    for (const v of coords) if (uniq.length === 0 || uniq[uniq.length - 1] !== v) uniq.push(v);
    const pos = new Map<bigint, number>();
    uniq.forEach((v, i) => pos.set(v, i));
    const map = (arr: Uint32Array | BigUint64Array) => {
      const f = new Uint32Array(arr.length);
      for (let i = 0; i < arr.length; i++) f[i] = pos.get(BigInt(arr[i]!))!;
      return f;
    };
    return [map(a), map(b), uniq];
  }
}

function toBound(v: bigint): RangeBound {
  return v <= BigInt(NUMBER_BOUND_MAX) ? Number(v) : v;
}

function checkBound(v: RangeBound): void {
  if (typeof v === "number") {
    if (!Number.isInteger(v) || v < 0 || v > NUMBER_BOUND_MAX) {
      throw new ResourceError(`invalid range bound ${v}: expected an integer in [0, 2^53-1] (use bigint above)`);
    }
  } else if (typeof v !== "bigint" || v < 0n || v > UINT64_MAX) {
    throw new ResourceError(`invalid range bound ${String(v)}: expected an unsigned 64-bit integer`);
  }
}

function canonicalBig(pairs: Array<[bigint, bigint]>): BigUint64Array {
  pairs.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  const out: bigint[] = [];
  let [cb, ce] = pairs[0]!;
  for (let k = 1; k < pairs.length; k++) {
    const [x, y] = pairs[k]!;
    if (x <= ce + 1n) { if (y > ce) ce = y; }
    else { out.push(cb, ce); cb = x; ce = y; }
  }
  out.push(cb, ce);
  return BigUint64Array.from(out);
}
