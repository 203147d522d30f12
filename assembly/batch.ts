// Batch kernels: one call works over many scalar vectors (rows of a row
// matrix, see layout.ts), so the host crosses into Wasm once per batch.

import { vecAdd, vecSubtract } from "./scalars";
import { boundsContains, rangesContains, boundsSubtract, rangesSubtract } from "./ranges";

/**
 * out = the sum of the rows listed in `rows` (count entries), or of rows
 * 0..count-1 when `rows` is 0. `out` is one vector of `width` slots.
 */
export function batchSum(base: usize, width: i32, rows: usize, count: i32, out: usize): void {
  const stride = <usize>width << 3;
  memory.fill(out, 0, stride);
  for (let k = 0; k < count; k++) {
    const r: usize = rows == 0 ? <usize>k : <usize>load<i32>(rows + (<usize>k << 2));
    vecAdd(out, base + r * stride, width);
  }
}

/**
 * Tests the vector `demand` against rows 0..count-1: sets bit r of the
 * bitmask `mask` when row r contains the demand, clears it otherwise.
 * Returns the number of rows that contain it.
 */
export function batchContainsMask(base: usize, width: i32, count: i32, demand: usize, mask: usize): i32 {
  // Branch-free: each row's answer is an AND of comparisons, not an early
  // exit (whether an offer fits is not predictable), and 32 answers are
  // gathered in a local word, stored once. Width 4 (cpus, gpus, mem, disk)
  // has its own unrolled loop with the demand in locals.
  if (width == 4) return containsMask4(base, count, demand, mask);
  const stride = <usize>width << 3;
  let hits = 0;
  let row = base;
  for (let w0 = 0; w0 < count; w0 += 32) {
    const n = min(32, count - w0);
    let word: u32 = 0;
    for (let k = 0; k < n; k++) {
      let ok: u32 = 1;
      for (let c = 0; c < width; c++) {
        const o = <usize>c << 3;
        ok &= <u32>(load<i64>(row + o) >= load<i64>(demand + o));
      }
      word |= ok << <u32>k;
      row += stride;
    }
    store<u32>(mask + (<usize>(w0 >> 5) << 2), word);
    hits += <i32>popcnt<u32>(word);
  }
  return hits;
}

/** Zeroes the words of a bitmask of `count` bits at `mask`. */
@inline function clearMask(mask: usize, count: i32): void {
  memory.fill(mask, 0, <usize>((count + 31) >> 5) << 2);
}

/** Sets bit r of the bitmask at `mask` (bit r&31 of u32 word r>>5). */
@inline function setMaskBit(mask: usize, r: i32): void {
  const at = mask + (<usize>(r >> 5) << 2);
  store<u32>(at, load<u32>(at) | ((<u32>1) << (<u32>r & 31)));
}

/**
 * batchContainsMask for rows of width 4: the generic loop's skeleton with
 * the row test unrolled and the demand in locals (a loop-invariant choice of
 * test inside one shared loop would cost a branch per row).
 */
function containsMask4(base: usize, count: i32, demand: usize, mask: usize): i32 {
  const d0 = load<i64>(demand), d1 = load<i64>(demand, 8), d2 = load<i64>(demand, 16), d3 = load<i64>(demand, 24);
  let hits = 0;
  let row = base;
  for (let w0 = 0; w0 < count; w0 += 32) {
    const n = min(32, count - w0);
    let word: u32 = 0;
    for (let k = 0; k < n; k++) {
      const ok = <u32>(load<i64>(row) >= d0) & <u32>(load<i64>(row, 8) >= d1)
        & <u32>(load<i64>(row, 16) >= d2) & <u32>(load<i64>(row, 24) >= d3);
      word |= ok << <u32>k;
      row += 32;
    }
    store<u32>(mask + (<usize>(w0 >> 5) << 2), word);
    hits += <i32>popcnt<u32>(word);
  }
  return hits;
}

/**
 * For k in 0..count-1: row targets[k] of the matrix at `base` −= row k of
 * the matrix at `allocs` (same width), saturating at zero. Returns the total
 * number of slots that would have gone negative.
 */
export function batchSubtract(base: usize, width: i32, targets: usize, allocs: usize, count: i32): i32 {
  const stride = <usize>width << 3;
  let clamped = 0;
  for (let k = 0; k < count; k++) {
    const r = <usize>load<i32>(targets + (<usize>k << 2));
    clamped += vecSubtract(base + r * stride, allocs + <usize>k * stride, width);
  }
  return clamped;
}

/** For k in 0..count-1: row targets[k] += row k of `adds` (same width). */
export function batchAdd(base: usize, width: i32, targets: usize, adds: usize, count: i32): void {
  const stride = <usize>width << 3;
  for (let k = 0; k < count; k++) {
    const r = <usize>load<i32>(targets + (<usize>k << 2));
    vecAdd(base + r * stride, adds + <usize>k * stride, width);
  }
}

/**
 * Tests the interval set `demand` (nd intervals) against `count` interval
 * sets given by the interval table `table` over the pool `pool`: bit r of
 * `mask` is set when set r contains the demand. Returns the number of hits.
 * `wide` selects the element type: 1 for u64 bounds (16-byte intervals), 0
 * for u32 bounds (8-byte intervals).
 */
export function batchRangesContainsMask(pool: usize, table: usize, count: i32, demand: usize, nd: i32, mask: usize, wide: i32): i32 {
  clearMask(mask, count);
  const shift: usize = wide ? 4 : 3;
  let hits = 0;
  for (let r = 0; r < count; r++) {
    const row = table + (<usize>r << 3);
    const start = <usize>load<i32>(row);
    const n = load<i32>(row, 4);
    const set = pool + (start << shift);
    const ok = wide ? rangesContains(set, n, demand, nd) : boundsContains(set, n, demand, nd);
    if (ok) {
      setMaskBit(mask, r);
      hits++;
    }
  }
  return hits;
}

/**
 * Subtracts a list of interval sets from rows of an interval column in one
 * call: for k in 0..count-1, row targets[k] of (pool, table) becomes itself
 * minus row k of (allocPool, allocTable). Each difference is computed into
 * `out` (interval index `used` on); when it fits the row's capacity
 * caps[k] (i32, intervals reserved in the pool for that row) it is copied
 * back into the row and the row's count updated; otherwise it stays in `out`
 * and (k, start, n) is appended to `overflow` (i32 triples) for the host,
 * which reserves room and copies it. Targets are distinct (the host checks).
 * `out` must hold, in total, na + nb intervals per k. Returns the number of
 * overflow triples. `wide`: 1 for u64 bounds (16-byte intervals), 0 for u32
 * bounds (8-byte intervals).
 */
export function batchRangesSubtract(
  pool: usize, table: usize, targets: usize, caps: usize, allocPool: usize, allocTable: usize, count: i32,
  out: usize, overflow: usize, wide: i32,
): i32 {
  const shift: usize = wide ? 4 : 3;
  let used = 0, spilled = 0;
  for (let k = 0; k < count; k++) {
    const row = table + (<usize>load<i32>(targets + (<usize>k << 2)) << 3);
    const a = pool + (<usize>load<i32>(row) << shift);
    const na = load<i32>(row, 4);
    const arow = allocTable + (<usize>k << 3);
    const b = allocPool + (<usize>load<i32>(arow) << shift);
    const nb = load<i32>(arow, 4);
    const dst = out + (<usize>used << shift);
    const n = wide ? rangesSubtract(a, na, b, nb, dst) : boundsSubtract(a, na, b, nb, dst);
    if (n <= load<i32>(caps + (<usize>k << 2))) {
      memory.copy(a, dst, <usize>n << shift);
      store<i32>(row, n, 4);
    } else {
      const o = overflow + <usize>spilled * 12;
      store<i32>(o, k);
      store<i32>(o, used, 4);
      store<i32>(o, n, 8);
      spilled++;
      used += n;
    }
  }
  return spilled;
}
