// Interval-set kernels over canonical interval sets (see layout.ts), in two
// element types with one generic body each:
//   ranges*  u64 bounds, 16-byte intervals: the "big" form, exact over the
//            whole uint64 range;
//   bounds*  u32 bounds, 8-byte intervals: the "small" form (every value
//            <= 2^32 - 1) that src/resources/ranges.ts keeps in a
//            Uint32Array. Half the bytes of u64 (or of the f64 bounds used
//            before) to read, write and copy in and out.
// Inputs must be canonical; outputs are canonical. The caller provides an
// output area with room for na + nb intervals (na for pick), and gets back
// the number of intervals written.

/** log2 of the bytes per interval of element type T: 3 for u32, 4 for u64. */
// @ts-ignore: decorator
@inline function SHIFT<T>(): usize {
  return sizeof<T>() == 4 ? 3 : 4;
}

/** Bytes per interval of element type T (two bounds). */
// @ts-ignore: decorator
@inline function STEP<T>(): usize {
  return <usize>1 << SHIFT<T>();
}

// @ts-ignore: decorator
@inline function beginAt<T>(p: usize, i: i32): T {
  return load<T>(p + (<usize>i << SHIFT<T>()));
}

// @ts-ignore: decorator
@inline function endAt<T>(p: usize, i: i32): T {
  return load<T>(p + (<usize>i << SHIFT<T>()) + sizeof<T>());
}

// @ts-ignore: decorator
@inline function put<T>(p: usize, i: i32, b: T, e: T): void {
  const q = p + (<usize>i << SHIFT<T>());
  store<T>(q, b);
  store<T>(q + sizeof<T>(), e);
}

/** The end bound of the interval at byte pointer p. */
// @ts-ignore: decorator
@inline function endOf<T>(p: usize): T {
  return load<T>(p + sizeof<T>());
}

/** Stores the interval [b, e] at byte pointer p. */
// @ts-ignore: decorator
@inline function putAt<T>(p: usize, b: T, e: T): void {
  store<T>(p, b);
  store<T>(p + sizeof<T>(), e);
}

/** True when x, the end of an interval, is the largest value of T's domain (x + 1 would wrap). */
// @ts-ignore: decorator
@inline function atTop<T>(x: T): bool {
  return x == <T>u64.MAX_VALUE;
}

// The merges below walk byte pointers (pa, pb, po) rather than interval
// indices: each step then loads at a fixed offset from a pointer instead of
// recomputing base + (i << 4), which measured 1.2-1.4x faster for both
// kernels on Mesos' overlapping pairs (1,000 and 10,000 sub-ranges; see
// docs/bench-resources.md, performance pass 5). No load ever reads past the
// last interval of an operand.

/**
 * True when a set's interval beginning at x touches or overlaps the interval
 * being built, which ends at ce: x <= ce + 1. For u32 the sum is taken in
 * u64, so it cannot wrap and needs no test of ce against the top of the
 * domain; that test (an extra branch in the merge's hottest step) measured
 * 1.33x slower over Mesos' overlapping pairs (docs/bench-resources.md,
 * performance pass 7). A u64 end can be the top, whose successor wraps.
 */
// @ts-ignore: decorator
@inline function touches<T>(x: T, ce: T): bool {
  if (sizeof<T>() == 4) return <u64>x <= <u64>ce + 1;
  return atTop<T>(ce) || x <= ce + <T>1;
}

function union<T>(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 {
  if (na == 0) { memory.copy(out, b, <usize>nb << SHIFT<T>()); return nb; }
  if (nb == 0) { memory.copy(out, a, <usize>na << SHIFT<T>()); return na; }
  const aEnd = a + (<usize>na << SHIFT<T>()), bEnd = b + (<usize>nb << SHIFT<T>());
  let pa = a, pb = b, po = out;
  // The current interval of a ([as, ae], at pa) and of b ([bs, be], at pb)
  // stay in locals, as in subtract: each step takes the one that begins
  // first, loads only the interval after it, and either extends [cb, ce],
  // the interval being built, or closes it.
  let as = load<T>(pa), ae = endOf<T>(pa);
  let bs = load<T>(pb), be = endOf<T>(pb);
  let cb: T, ce: T;
  if (as <= bs) { cb = as; ce = ae; } else { cb = bs; ce = be; }
  let p: usize = 0, pe: usize = 0;
  while (true) {
    if (as <= bs) {
      if (touches<T>(as, ce)) { if (ae > ce) ce = ae; }
      else { putAt<T>(po, cb, ce); po += STEP<T>(); cb = as; ce = ae; }
      pa += STEP<T>();
      if (pa >= aEnd) { p = pb; pe = bEnd; break; }
      as = load<T>(pa); ae = endOf<T>(pa);
    } else {
      if (touches<T>(bs, ce)) { if (be > ce) ce = be; }
      else { putAt<T>(po, cb, ce); po += STEP<T>(); cb = bs; ce = be; }
      pb += STEP<T>();
      if (pb >= bEnd) { p = pa; pe = aEnd; break; }
      bs = load<T>(pb); be = endOf<T>(pb);
    }
  }
  // One operand is used up: merge the other (from p, its current interval)
  // into [cb, ce] while they touch, then copy the rest of it.
  while (p < pe && touches<T>(load<T>(p), ce)) {
    const y = endOf<T>(p);
    if (y > ce) ce = y;
    p += STEP<T>();
  }
  putAt<T>(po, cb, ce); po += STEP<T>();
  if (p < pe) { memory.copy(po, p, pe - p); po += pe - p; }
  return <i32>((po - out) >> SHIFT<T>());
}

// One merge over both sets, except that runs of a which no interval of b
// touches are found by galloping and copied with one memory.copy, so taking
// a few values out of a large set costs O(log n) plus a memcpy. The same
// algorithm as subtractBounds in src/resources/ranges.ts.
function subtract<T>(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 {
  if (na == 0) return 0;
  if (nb == 0) { memory.copy(out, a, <usize>na << SHIFT<T>()); return na; }
  const aEnd = a + (<usize>na << SHIFT<T>()), bEnd = b + (<usize>nb << SHIFT<T>());
  let pa = a, pb = b, po = out;
  // The current interval of a (at pa) is [s, e] (s moves past each cut) and
  // the current interval of b (at pb) is [bs, be]; all four stay in locals,
  // so each step loads only the interval it advances to.
  let s = load<T>(pa), e = endOf<T>(pa);
  let bs = load<T>(pb), be = endOf<T>(pb);
  while (true) {
    if (be < s) {
      // b's interval lies before what is left of a's.
      pb += STEP<T>();
      if (pb >= bEnd) break;
      bs = load<T>(pb); be = endOf<T>(pb);
      continue;
    }
    if (bs > e) {
      // What is left of a's interval lies before b's: keep it, then gallop
      // to the first interval of a ending at or after bs and copy the run
      // before it.
      putAt<T>(po, s, e); po += STEP<T>();
      let lo = pa, hi = pa + STEP<T>(), step: usize = STEP<T>();
      while (hi < aEnd && endOf<T>(hi) < bs) { lo = hi; hi += step; step <<= 1; }
      if (hi > aEnd) hi = aEnd;
      // The interval at lo ends before bs; hi == aEnd or the one at hi ends at or after bs.
      while (hi - lo > STEP<T>()) {
        const mid = lo + (((hi - lo) >> (SHIFT<T>() + 1)) << SHIFT<T>());
        if (endOf<T>(mid) < bs) lo = mid; else hi = mid;
      }
      const run = hi - pa - STEP<T>();
      if (run > 0) { memory.copy(po, pa + STEP<T>(), run); po += run; }
      pa = hi;
      if (pa >= aEnd) return <i32>((po - out) >> SHIFT<T>());
      s = load<T>(pa); e = endOf<T>(pa);
      continue;
    }
    // b's interval overlaps [s, e]: keep the part before it.
    if (bs > s) { putAt<T>(po, s, bs - <T>1); po += STEP<T>(); }
    if (be >= e) {
      // a's interval is used up; b's may reach into the next one. If it
      // does not, move b on here rather than at the top of the loop: the
      // same tests, one loop step fewer per cut in fragmented sets (1.2x
      // on Mesos' overlapping pairs, docs/bench-resources.md pass 7).
      pa += STEP<T>();
      if (pa >= aEnd) return <i32>((po - out) >> SHIFT<T>());
      s = load<T>(pa); e = endOf<T>(pa);
      if (be < s) {
        pb += STEP<T>();
        if (pb >= bEnd) break;
        bs = load<T>(pb); be = endOf<T>(pb);
      }
      continue;
    }
    s = be + <T>1; // be < e, so no overflow
    pb += STEP<T>();
    if (pb >= bEnd) break;
    bs = load<T>(pb); be = endOf<T>(pb);
  }
  // b is used up: keep what is left of a's interval and copy the rest of a.
  putAt<T>(po, s, e); po += STEP<T>();
  const rest = aEnd - pa - STEP<T>();
  if (rest > 0) { memory.copy(po, pa + STEP<T>(), rest); po += rest; }
  return <i32>((po - out) >> SHIFT<T>());
}

function intersect<T>(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 {
  let i = 0, j = 0, n = 0;
  while (i < na && j < nb) {
    const ab = beginAt<T>(a, i), ae = endAt<T>(a, i);
    const bb = beginAt<T>(b, j), be = endAt<T>(b, j);
    const lo = ab > bb ? ab : bb;
    const hi = ae < be ? ae : be;
    if (lo <= hi) put<T>(out, n++, lo, hi);
    if (ae < be) i++; else j++;
  }
  return n;
}

// b ⊆ a, galloping: inside one interval of a, every interval of b that
// starts by its end is skipped with an exponential then binary search, so
// Mesos' "[1-16000] contains 8,000 fragments" costs O(log n), not O(n). The
// same algorithm as containsBounds in src/resources/ranges.ts.
function contains<T>(a: usize, na: i32, b: usize, nb: i32): i32 {
  if (nb == 0) return 1;
  if (na == 0) return 0;
  if (beginAt<T>(b, 0) < beginAt<T>(a, 0) || endAt<T>(b, nb - 1) > endAt<T>(a, na - 1)) return 0;
  let i = 0, j = 0;
  while (j < nb) {
    const bb = beginAt<T>(b, j);
    if (endAt<T>(a, i) < bb) {
      // Find the first interval of a ending at or after bb; one exists since
      // a's last end >= b's last end >= bb.
      let step = 1, lo = i, hi = i + 1;
      while (hi < na && endAt<T>(a, hi) < bb) { lo = hi; hi += step; step <<= 1; }
      if (hi >= na) hi = na - 1;
      while (hi - lo > 1) {
        const mid = lo + ((hi - lo) >> 1);
        if (endAt<T>(a, mid) < bb) lo = mid; else hi = mid;
      }
      i = hi;
    }
    const ae = endAt<T>(a, i);
    if (beginAt<T>(a, i) > bb || endAt<T>(b, j) > ae) return 0;
    if (j + 1 >= nb || beginAt<T>(b, j + 1) > ae) { j++; continue; }
    // Find the last interval of b starting by ae: all of b[j..lo] lie in
    // a[i] exactly when b[lo] ends by ae (b is canonical).
    let step = 1, lo = j, hi = j + 1;
    while (hi < nb && beginAt<T>(b, hi) <= ae) { lo = hi; hi += step; step <<= 1; }
    if (hi > nb) hi = nb;
    while (hi - lo > 1) {
      const mid = lo + ((hi - lo) >> 1);
      if (beginAt<T>(b, mid) <= ae) lo = mid; else hi = mid;
    }
    if (endAt<T>(b, lo) > ae) return 0;
    j = lo + 1;
  }
  return 1;
}

function pick<T>(a: usize, na: i32, count: f64, out: usize): i32 {
  // The count of values still to take, in u64 whatever T is: count can
  // exceed u32's range (up to 2^53), and so can a u32 set's size.
  let left = <u64>count;
  if (left == 0) return 0;
  let n = 0;
  for (let i = 0; i < na; i++) {
    const b = <u64>beginAt<T>(a, i), e = <u64>endAt<T>(a, i);
    // e - b is the size minus one; it cannot overflow, unlike the size.
    if (e - b >= left - 1) {
      put<T>(out, n++, <T>b, <T>(b + (left - 1)));
      return n;
    }
    put<T>(out, n++, <T>b, <T>e);
    left -= e - b + 1;
  }
  return -1;
}

/** a ∪ b over u64 bounds into out. Returns the interval count. */
export function rangesUnion(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 { return union<u64>(a, na, b, nb, out); }
/** a − b over u64 bounds into out. Returns the interval count. */
export function rangesSubtract(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 { return subtract<u64>(a, na, b, nb, out); }
/** a ∩ b over u64 bounds into out. Returns the interval count. */
export function rangesIntersect(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 { return intersect<u64>(a, na, b, nb, out); }
/** 1 when b ⊆ a over u64 bounds, else 0. */
export function rangesContains(a: usize, na: i32, b: usize, nb: i32): i32 { return contains<u64>(a, na, b, nb); }
/**
 * The `count` lowest values of a (u64 bounds) into out; -1 when a holds
 * fewer. `count` is an f64 holding an integer (exact up to 2^53).
 */
export function rangesPick(a: usize, na: i32, count: f64, out: usize): i32 { return pick<u64>(a, na, count, out); }

/** a ∪ b over u32 bounds into out. Returns the interval count. */
export function boundsUnion(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 { return union<u32>(a, na, b, nb, out); }
/** a − b over u32 bounds into out. Returns the interval count. */
export function boundsSubtract(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 { return subtract<u32>(a, na, b, nb, out); }
/** a ∩ b over u32 bounds into out. Returns the interval count. */
export function boundsIntersect(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 { return intersect<u32>(a, na, b, nb, out); }
/** 1 when b ⊆ a over u32 bounds, else 0. */
export function boundsContains(a: usize, na: i32, b: usize, nb: i32): i32 { return contains<u32>(a, na, b, nb); }
/**
 * The `count` lowest values of a (u32 bounds) into out; -1 when a holds
 * fewer. `count` is an f64 holding an integer (exact up to 2^53).
 */
export function boundsPick(a: usize, na: i32, count: f64, out: usize): i32 { return pick<u32>(a, na, count, out); }
