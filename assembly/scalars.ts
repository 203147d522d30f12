// Fixed-point scalar kernels: values are i64 thousandths (Mesos' 3-decimal
// fixed point), laid out as contiguous columns in linear memory.

/** Sums `count` i64 values starting at byte offset `ptr`. */
export function sumFixed(ptr: usize, count: i32): i64 {
  let total: i64 = 0;
  for (let i = 0; i < count; i++) {
    total += load<i64>(ptr + (<usize>i << 3));
  }
  return total;
}
