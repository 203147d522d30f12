// Fixed-point scalar vector kernels. A vector is `width` i64 thousandths at
// a byte offset (see layout.ts). Subtraction saturates at zero, as Mesos drops
// a scalar resource that becomes empty or negative when subtracted.

/** Sums `count` i64 values starting at byte offset `ptr`. */
export function sumFixed(ptr: usize, count: i32): i64 {
  let total: i64 = 0;
  for (let i = 0; i < count; i++) {
    total += load<i64>(ptr + (<usize>i << 3));
  }
  return total;
}

/** dst[c] += src[c] for every column c. */
export function vecAdd(dst: usize, src: usize, width: i32): void {
  for (let c = 0; c < width; c++) {
    const o = <usize>c << 3;
    store<i64>(dst + o, load<i64>(dst + o) + load<i64>(src + o));
  }
}

/**
 * dst[c] = max(0, dst[c] - src[c]) for every column c. Returns how many
 * columns would have gone negative (0 when src was contained in dst).
 */
export function vecSubtract(dst: usize, src: usize, width: i32): i32 {
  let clamped = 0;
  for (let c = 0; c < width; c++) {
    const o = <usize>c << 3;
    let v = load<i64>(dst + o) - load<i64>(src + o);
    if (v < 0) {
      v = 0;
      clamped++;
    }
    store<i64>(dst + o, v);
  }
  return clamped;
}

/** 1 when a[c] >= b[c] for every column c, else 0. */
export function vecContains(a: usize, b: usize, width: i32): i32 {
  for (let c = 0; c < width; c++) {
    const o = <usize>c << 3;
    if (load<i64>(a + o) < load<i64>(b + o)) return 0;
  }
  return 1;
}

/** Lexicographic comparison of a and b: -1, 0 (equal) or 1. */
export function vecCompare(a: usize, b: usize, width: i32): i32 {
  for (let c = 0; c < width; c++) {
    const o = <usize>c << 3;
    const x = load<i64>(a + o);
    const y = load<i64>(b + o);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}
