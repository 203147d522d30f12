// Interval-set kernels over canonical interval sets (see layout.ts), in two
// element types with one generic body each:
//   ranges*  u64 bounds: the "big" form, exact over the whole uint64 range;
//   bounds*  f64 bounds: the "small" form (every value <= 2^53 - 1, so each
//            value and its successor are exact doubles) that
//            src/resources/ranges.ts keeps in a Float64Array.
// Inputs must be canonical; outputs are canonical. The caller provides an
// output area with room for na + nb intervals (na for pick), and gets back
// the number of intervals written.

// @ts-ignore: decorator
@inline function beginAt<T>(p: usize, i: i32): T {
  return load<T>(p + (<usize>i << 4));
}

// @ts-ignore: decorator
@inline function endAt<T>(p: usize, i: i32): T {
  return load<T>(p + (<usize>i << 4), 8);
}

// @ts-ignore: decorator
@inline function put<T>(p: usize, i: i32, b: T, e: T): void {
  const q = p + (<usize>i << 4);
  store<T>(q, b);
  store<T>(q, e, 8);
}

/** True when x, the end of an interval, is the largest value of T's domain. */
// @ts-ignore: decorator
@inline function atTop<T>(x: T): bool {
  if (isFloat<T>()) return false; // small form: x <= 2^53 - 1, x + 1 is exact
  return x == <T>u64.MAX_VALUE;
}

function union<T>(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 {
  if (na == 0) { memory.copy(out, b, <usize>nb << 4); return nb; }
  if (nb == 0) { memory.copy(out, a, <usize>na << 4); return na; }
  // The next interval of each operand stays in locals ([ab, ae], [bb, be]),
  // so each step loads only the interval it advances to; [cb, ce] is the
  // interval being built.
  let i = 0, j = 0, n = 0;
  let ab = beginAt<T>(a, 0), ae = endAt<T>(a, 0);
  let bb = beginAt<T>(b, 0), be = endAt<T>(b, 0);
  let cb: T, ce: T;
  if (ab <= bb) {
    cb = ab; ce = ae;
    if (++i < na) { ab = beginAt<T>(a, i); ae = endAt<T>(a, i); }
  } else {
    cb = bb; ce = be;
    if (++j < nb) { bb = beginAt<T>(b, j); be = endAt<T>(b, j); }
  }
  while (i < na && j < nb) {
    let nbeg: T, nend: T;
    if (ab <= bb) {
      nbeg = ab; nend = ae;
      if (++i < na) { ab = beginAt<T>(a, i); ae = endAt<T>(a, i); }
    } else {
      nbeg = bb; nend = be;
      if (++j < nb) { bb = beginAt<T>(b, j); be = endAt<T>(b, j); }
    }
    if (atTop<T>(ce) || nbeg <= ce + <T>1) {
      if (nend > ce) ce = nend;
    } else {
      put<T>(out, n++, cb, ce);
      cb = nbeg; ce = nend;
    }
  }
  // One operand is used up: merge the other into [cb, ce] while they touch,
  // then copy the rest of it.
  let p = a, np = na, k = i;
  if (j < nb) { p = b; np = nb; k = j; }
  while (k < np && (atTop<T>(ce) || beginAt<T>(p, k) <= ce + <T>1)) {
    const y = endAt<T>(p, k);
    if (y > ce) ce = y;
    k++;
  }
  put<T>(out, n++, cb, ce);
  if (k < np) {
    memory.copy(out + (<usize>n << 4), p + (<usize>k << 4), <usize>(np - k) << 4);
    n += np - k;
  }
  return n;
}

// One merge over both sets, except that runs of a which no interval of b
// touches are found by galloping and copied with one memory.copy, so taking
// a few values out of a large set costs O(log n) plus a memcpy. The same
// algorithm as subtractBounds in src/resources/ranges.ts.
function subtract<T>(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 {
  if (na == 0) return 0;
  if (nb == 0) { memory.copy(out, a, <usize>na << 4); return na; }
  // The current interval of a is [s, e] (s moves past each cut) and the
  // current interval of b is [bs, be]; all four stay in locals, so each step
  // loads only the interval it advances to.
  let i = 0, j = 0, n = 0;
  let s = beginAt<T>(a, 0), e = endAt<T>(a, 0);
  let bs = beginAt<T>(b, 0), be = endAt<T>(b, 0);
  while (true) {
    if (be < s) {
      // b[j] lies before what is left of a[i].
      if (++j >= nb) break;
      bs = beginAt<T>(b, j); be = endAt<T>(b, j);
      continue;
    }
    if (bs > e) {
      // What is left of a[i] lies before b[j]: keep it, then gallop to the
      // first interval of a ending at or after bs and copy the run before it.
      put<T>(out, n++, s, e);
      let lo = i, hi = i + 1, step = 1;
      while (hi < na && endAt<T>(a, hi) < bs) { lo = hi; hi += step; step <<= 1; }
      if (hi > na) hi = na;
      // a[lo] ends before bs; hi == na or a[hi] ends at or after bs.
      while (hi - lo > 1) {
        const mid = lo + ((hi - lo) >> 1);
        if (endAt<T>(a, mid) < bs) lo = mid; else hi = mid;
      }
      const run = hi - i - 1;
      if (run > 0) {
        memory.copy(out + (<usize>n << 4), a + (<usize>(i + 1) << 4), <usize>run << 4);
        n += run;
      }
      i = hi;
      if (i >= na) return n;
      s = beginAt<T>(a, i); e = endAt<T>(a, i);
      continue;
    }
    // b[j] overlaps [s, e]: keep the part before it.
    if (bs > s) put<T>(out, n++, s, bs - <T>1);
    if (be >= e) {
      // a[i] is used up; b[j] may reach into a[i + 1].
      if (++i >= na) return n;
      s = beginAt<T>(a, i); e = endAt<T>(a, i);
      continue;
    }
    s = be + <T>1; // be < e, so no overflow
    if (++j >= nb) break;
    bs = beginAt<T>(b, j); be = endAt<T>(b, j);
  }
  // b is used up: keep what is left of a[i] and copy the rest of a.
  put<T>(out, n++, s, e);
  const rest = na - i - 1;
  if (rest > 0) {
    memory.copy(out + (<usize>n << 4), a + (<usize>(i + 1) << 4), <usize>rest << 4);
    n += rest;
  }
  return n;
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
  let left = <T>count;
  if (left == <T>0) return 0;
  let n = 0;
  for (let i = 0; i < na; i++) {
    const b = beginAt<T>(a, i), e = endAt<T>(a, i);
    // e - b is the size minus one; it cannot overflow, unlike the size.
    if (e - b >= left - <T>1) {
      put<T>(out, n++, b, b + (left - <T>1));
      return n;
    }
    put<T>(out, n++, b, e);
    left -= e - b + <T>1;
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

/** a ∪ b over f64 bounds into out. Returns the interval count. */
export function boundsUnion(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 { return union<f64>(a, na, b, nb, out); }
/** a − b over f64 bounds into out. Returns the interval count. */
export function boundsSubtract(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 { return subtract<f64>(a, na, b, nb, out); }
/** a ∩ b over f64 bounds into out. Returns the interval count. */
export function boundsIntersect(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 { return intersect<f64>(a, na, b, nb, out); }
/** 1 when b ⊆ a over f64 bounds, else 0. */
export function boundsContains(a: usize, na: i32, b: usize, nb: i32): i32 { return contains<f64>(a, na, b, nb); }
/** The `count` lowest values of a (f64 bounds) into out; -1 when a holds fewer. */
export function boundsPick(a: usize, na: i32, count: f64, out: usize): i32 { return pick<f64>(a, na, count, out); }
