// THE memory map of the drfcore Wasm module. Every kernel reads and writes
// plain little-endian data at byte offsets the caller passes in; no kernel
// allocates, so linear memory only ever changes size when the host grows it.
//
//   [0, ARENA_BASE)            asc's static data and shadow stack (stub
//                              runtime). The host never writes here.
//   [ARENA_BASE, memory end)   the host's arena. The host (src/wasm/heap.ts)
//                              hands out 16-byte aligned blocks from it and
//                              grows memory when it runs out. Growing
//                              detaches every typed-array view the host
//                              holds, so the host re-creates its views after
//                              each growth.
//
// Formats of the data in the arena (all little-endian):
//
//   Scalar         i64 thousandths of a unit: Mesos' fixed point, i.e.
//                  llround(value * 1000). 0.1 + 0.2 is 100 + 200 = 300.
//   Scalar vector  `width` consecutive i64 slots. Slot c holds the amount of
//                  the resource whose name was interned to the small integer
//                  c (src/resources/columnar.ts owns the name table).
//   Row matrix     `rows` scalar vectors back to back: row r starts at
//                  base + r * width * 8. One row per agent (or offer, or
//                  allocation); one column per interned name.
//   Interval set   n intervals (begin, end), both inclusive, in one of two
//                  element types:
//                    u64 ("big" form, kernels named ranges*), 16 bytes per
//                        interval: exact over the whole uint64 range; the
//                        host copies a BigUint64Array in with one memcpy, or
//                        writes a small set's values as (value, 0) u32 pairs,
//                        never converting through BigInt;
//                    u32 ("small" form, kernels named bounds*), 8 bytes per
//                        interval: used when every value is <= 2^32 - 1
//                        (ports, and every range Mesos' tests use); this is
//                        the Uint32Array that src/resources/ranges.ts keeps,
//                        copied in with one memcpy.
//                  Canonical: sorted by begin, and each end is at least 2
//                  below the next begin (no overlap, no adjacency): Mesos'
//                  Value::Ranges after coalescing.
//   Interval table n rows of (start: i32, count: i32): row r's interval set
//                  is `count` intervals starting at interval index `start`
//                  of an interval pool.
//   Row list       i32 row indices.
//   Bitmask        u32 words; row r is bit (r & 31) of word (r >> 5).

/** First byte of the host-managed arena; everything below belongs to asc. */
export const ARENA_BASE: usize = 1 << 20;

/** Bytes per scalar slot (i64). */
export const SCALAR_BYTES: usize = 8;

/** Bytes per interval of the u64 ("big") form (two u64; the u32 form takes 8). */
export const INTERVAL_BYTES: usize = 16;

/** Bytes per interval-table row (two i32). */
export const TABLE_ROW_BYTES: usize = 8;

/** Returns ARENA_BASE so the host can check it agrees with this map. */
export function arenaBase(): usize {
  return ARENA_BASE;
}

/** Returns the end of asc's static data, which must lie below ARENA_BASE. */
export function staticEnd(): usize {
  return __heap_base;
}
