// Interval-set kernels over canonical u64 interval sets (see layout.ts).
// Inputs must be canonical; outputs are canonical. The caller provides an
// output area large enough for the worst case (noted per kernel), and gets
// back the number of intervals written.

// @ts-ignore: decorator
@inline function beginAt(p: usize, i: i32): u64 {
  return load<u64>(p + (<usize>i << 4));
}

// @ts-ignore: decorator
@inline function endAt(p: usize, i: i32): u64 {
  return load<u64>(p + (<usize>i << 4), 8);
}

// @ts-ignore: decorator
@inline function put(p: usize, i: i32, b: u64, e: u64): void {
  const q = p + (<usize>i << 4);
  store<u64>(q, b);
  store<u64>(q, e, 8);
}

/** a ∪ b into out (room for na + nb intervals). Returns the count. */
export function rangesUnion(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 {
  let i = 0, j = 0, n = 0;
  let cb: u64 = 0, ce: u64 = 0;
  let open = false;
  while (i < na || j < nb) {
    let nbeg: u64, nend: u64;
    if (j >= nb || (i < na && beginAt(a, i) <= beginAt(b, j))) {
      nbeg = beginAt(a, i); nend = endAt(a, i); i++;
    } else {
      nbeg = beginAt(b, j); nend = endAt(b, j); j++;
    }
    if (!open) {
      cb = nbeg; ce = nend; open = true;
    } else if (ce == u64.MAX_VALUE || nbeg <= ce + 1) {
      if (nend > ce) ce = nend;
    } else {
      put(out, n++, cb, ce);
      cb = nbeg; ce = nend;
    }
  }
  if (open) put(out, n++, cb, ce);
  return n;
}

/** a − b into out (room for na + nb intervals). Returns the count. */
export function rangesSubtract(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 {
  let j = 0, n = 0;
  for (let i = 0; i < na; i++) {
    let s = beginAt(a, i);
    const e = endAt(a, i);
    while (j < nb && endAt(b, j) < s) j++;
    let alive = true;
    for (let k = j; k < nb; k++) {
      const bb = beginAt(b, k);
      if (bb > e) break;
      const be = endAt(b, k);
      if (bb > s) put(out, n++, s, bb - 1);
      if (be >= e) { alive = false; break; }
      s = be + 1;
    }
    if (alive) put(out, n++, s, e);
  }
  return n;
}

/** a ∩ b into out (room for na + nb intervals). Returns the count. */
export function rangesIntersect(a: usize, na: i32, b: usize, nb: i32, out: usize): i32 {
  let i = 0, j = 0, n = 0;
  while (i < na && j < nb) {
    const ab = beginAt(a, i), ae = endAt(a, i);
    const bb = beginAt(b, j), be = endAt(b, j);
    const lo = ab > bb ? ab : bb;
    const hi = ae < be ? ae : be;
    if (lo <= hi) put(out, n++, lo, hi);
    if (ae < be) i++; else j++;
  }
  return n;
}

/** 1 when every value of b is in a (b ⊆ a), else 0. */
export function rangesContains(a: usize, na: i32, b: usize, nb: i32): i32 {
  let i = 0;
  for (let j = 0; j < nb; j++) {
    const bb = beginAt(b, j), be = endAt(b, j);
    while (i < na && endAt(a, i) < bb) i++;
    if (i >= na) return 0;
    if (beginAt(a, i) > bb || endAt(a, i) < be) return 0;
  }
  return 1;
}

/**
 * The `count` lowest values of a, as an interval set in out (room for na
 * intervals). Returns the number of intervals, or -1 when a holds fewer than
 * `count` values. `count` is an f64 holding an integer (exact up to 2^53).
 */
export function rangesPick(a: usize, na: i32, count: f64, out: usize): i32 {
  let left = <u64>count;
  if (left == 0) return 0;
  let n = 0;
  for (let i = 0; i < na; i++) {
    const b = beginAt(a, i), e = endAt(a, i);
    // e - b is the size minus one; it cannot overflow, unlike the size.
    if (e - b >= left - 1) {
      put(out, n++, b, b + (left - 1));
      return n;
    }
    put(out, n++, b, e);
    left -= e - b + 1;
  }
  return -1;
}
