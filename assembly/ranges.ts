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

// The merges below walk byte pointers (pa, pb, po) rather than interval
// indices: each step then loads at a fixed offset from a pointer instead of
// recomputing base + (i << 4), which measured 1.2-1.4x faster for both
// kernels on Mesos' overlapping pairs (1,000 and 10,000 sub-ranges; see
// docs/bench-resources.md, performance pass 5). No load ever reads past the
// last interval of an operand.

function union<T>(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 {
  if (na == 0) { memory.copy(out, b, <usize>nb << 4); return nb; }
  if (nb == 0) { memory.copy(out, a, <usize>na << 4); return na; }
  const aEnd = a + (<usize>na << 4), bEnd = b + (<usize>nb << 4);
  let pa = a, pb = b, po = out;
  // [cb, ce] is the interval being built; each step takes the operand
  // interval that begins first and either extends [cb, ce] or closes it.
  let cb: T, ce: T;
  if (load<T>(pa) <= load<T>(pb)) { cb = load<T>(pa); ce = load<T>(pa, 8); pa += 16; }
  else { cb = load<T>(pb); ce = load<T>(pb, 8); pb += 16; }
  while (pa < aEnd && pb < bEnd) {
    const ab = load<T>(pa), bb = load<T>(pb);
    let nbeg: T, nend: T;
    if (ab <= bb) { nbeg = ab; nend = load<T>(pa, 8); pa += 16; }
    else { nbeg = bb; nend = load<T>(pb, 8); pb += 16; }
    if (atTop<T>(ce) || nbeg <= ce + <T>1) {
      if (nend > ce) ce = nend;
    } else {
      store<T>(po, cb); store<T>(po, ce, 8); po += 16;
      cb = nbeg; ce = nend;
    }
  }
  // One operand is used up: merge the other into [cb, ce] while they touch,
  // then copy the rest of it.
  let p = pa, pe = aEnd;
  if (pb < bEnd) { p = pb; pe = bEnd; }
  while (p < pe && (atTop<T>(ce) || load<T>(p) <= ce + <T>1)) {
    const y = load<T>(p, 8);
    if (y > ce) ce = y;
    p += 16;
  }
  store<T>(po, cb); store<T>(po, ce, 8); po += 16;
  if (p < pe) { memory.copy(po, p, pe - p); po += pe - p; }
  return <i32>((po - out) >> 4);
}

// One merge over both sets, except that runs of a which no interval of b
// touches are found by galloping and copied with one memory.copy, so taking
// a few values out of a large set costs O(log n) plus a memcpy. The same
// algorithm as subtractBounds in src/resources/ranges.ts.
function subtract<T>(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 {
  if (na == 0) return 0;
  if (nb == 0) { memory.copy(out, a, <usize>na << 4); return na; }
  const aEnd = a + (<usize>na << 4), bEnd = b + (<usize>nb << 4);
  let pa = a, pb = b, po = out;
  // The current interval of a (at pa) is [s, e] (s moves past each cut) and
  // the current interval of b (at pb) is [bs, be]; all four stay in locals,
  // so each step loads only the interval it advances to.
  let s = load<T>(pa), e = load<T>(pa, 8);
  let bs = load<T>(pb), be = load<T>(pb, 8);
  while (true) {
    if (be < s) {
      // b's interval lies before what is left of a's.
      pb += 16;
      if (pb >= bEnd) break;
      bs = load<T>(pb); be = load<T>(pb, 8);
      continue;
    }
    if (bs > e) {
      // What is left of a's interval lies before b's: keep it, then gallop
      // to the first interval of a ending at or after bs and copy the run
      // before it.
      store<T>(po, s); store<T>(po, e, 8); po += 16;
      let lo = pa, hi = pa + 16, step: usize = 16;
      while (hi < aEnd && load<T>(hi, 8) < bs) { lo = hi; hi += step; step <<= 1; }
      if (hi > aEnd) hi = aEnd;
      // The interval at lo ends before bs; hi == aEnd or the one at hi ends at or after bs.
      while (hi - lo > 16) {
        const mid = lo + (((hi - lo) >> 5) << 4);
        if (load<T>(mid, 8) < bs) lo = mid; else hi = mid;
      }
      const run = hi - pa - 16;
      if (run > 0) { memory.copy(po, pa + 16, run); po += run; }
      pa = hi;
      if (pa >= aEnd) return <i32>((po - out) >> 4);
      s = load<T>(pa); e = load<T>(pa, 8);
      continue;
    }
    // b's interval overlaps [s, e]: keep the part before it.
    if (bs > s) { store<T>(po, s); store<T>(po, bs - <T>1, 8); po += 16; }
    if (be >= e) {
      // a's interval is used up; b's may reach into the next one.
      pa += 16;
      if (pa >= aEnd) return <i32>((po - out) >> 4);
      s = load<T>(pa); e = load<T>(pa, 8);
      continue;
    }
    s = be + <T>1; // be < e, so no overflow
    pb += 16;
    if (pb >= bEnd) break;
    bs = load<T>(pb); be = load<T>(pb, 8);
  }
  // b is used up: keep what is left of a's interval and copy the rest of a.
  store<T>(po, s); store<T>(po, e, 8); po += 16;
  const rest = aEnd - pa - 16;
  if (rest > 0) { memory.copy(po, pa + 16, rest); po += rest; }
  return <i32>((po - out) >> 4);
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
