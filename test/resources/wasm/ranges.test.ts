import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RangeSet } from "../../../src/resources/ranges.js";
import { tsRangeKernels, type RangeKernels } from "../../../src/resources/wasm/range-kernels.js";
import { wasmRangeKernels } from "../../../src/resources/wasm/ranges-wasm.js";
import { rangeKernels } from "../../../src/resources/kernels.js";
import { wasm } from "../../../src/wasm/module.js";
import { fcParams } from "../../fc-params.js";

const MAX = 0xffffffffffffffffn;
const set = (...pairs: [number | bigint, number | bigint][]) => RangeSet.fromIntervals(pairs);
const text = (s: RangeSet | null) => (s === null ? null : s.toString());

/** Checks the canonical invariant directly on the intervals (exact, bigint). */
function canonical(s: RangeSet): boolean {
  let prev: bigint | undefined;
  for (const [b, e] of s.intervals()) {
    if (b > e || (prev !== undefined && b <= prev + 1n)) return false;
    prev = e;
  }
  // Small form exactly when every value fits 2^32 - 1.
  return (s.small !== null) === (prev === undefined || prev <= 2n ** 32n - 1n);
}

/**
 * A random subset of a 96-value window placed at a base that exercises the
 * top of the small (u32) form (a window ending at 2^32 - 1, so the u32
 * kernels meet an interval ending at their largest value), the small/big
 * form boundary (2^32), the largest exact number (2^53) and the top of uint64.
 */
const WINDOW = 96;
const bases = [0n, 4294967296n - BigInt(WINDOW), 4294967296n - 40n, 9007199254740992n - 40n, MAX - BigInt(WINDOW) + 1n];
const windowBits = fc.array(fc.boolean(), { minLength: WINDOW, maxLength: WINDOW });

function fromBits(bits: boolean[], base: bigint): RangeSet {
  const pairs: [bigint, bigint][] = [];
  bits.forEach((on, v) => { if (on) pairs.push([base + BigInt(v), base + BigInt(v)]); });
  return RangeSet.fromIntervals(pairs);
}

describe.each([tsRangeKernels, wasmRangeKernels, rangeKernels])("range kernels ($name)", (k: RangeKernels) => {
  // Expected values below are Mesos' (ResourcesTest.Ranges*, values_tests.cpp
  // and the shared conformance cases), not outputs of this code.
  it("merges overlapping and adjacent intervals on union", () => {
    expect(text(k.union(set([1, 3]), set([4, 6])))).toBe("[1-6]");
    expect(text(k.union(set([1, 5]), set([3, 10])))).toBe("[1-10]");
    expect(text(k.union(set([1, 2]), set([4, 6])))).toBe("[1-2,4-6]");
    expect(text(k.union(set([10000, 20000], [30000, 50000]), set([20001, 29999])))).toBe("[10000-50000]");
    expect(text(k.union(set(), set([5, 5])))).toBe("[5-5]");
  });

  it("splits intervals on subtraction", () => {
    expect(text(k.subtract(set([1, 10]), set([3, 4])))).toBe("[1-2,5-10]");
    expect(text(k.subtract(set([1, 10], [20, 30], [40, 50]), set([2, 9], [15, 45], [48, 50])))).toBe("[1-1,10-10,46-47]");
    expect(text(k.subtract(set([1, 10]), set([1, 10])))).toBe("[]");
    expect(text(k.subtract(set([1, 10]), set([20, 30])))).toBe("[1-10]");
    expect(text(k.subtract(set([50000, 60000]), set([40000, 55000])))).toBe("[55001-60000]");
  });

  it("intersects", () => {
    expect(text(k.intersect(set([1, 10], [20, 30]), set([5, 25])))).toBe("[5-10,20-25]");
    expect(text(k.intersect(set([1, 10]), set([11, 20])))).toBe("[]");
  });

  it("tests set inclusion (Mesos' Resources_Contains shapes)", () => {
    const fragmented = set([1, 1], [3, 3], [5, 16000]);
    expect(k.contains(set([1, 16000]), fragmented)).toBe(true);
    expect(k.contains(fragmented, set([1, 16000]))).toBe(false);
    expect(k.contains(fragmented, fragmented)).toBe(true);
    expect(k.contains(set([1, 10]), set())).toBe(true);
    expect(k.contains(set(), set([1, 1]))).toBe(false);
    expect(k.contains(set([1, 5], [7, 10]), set([4, 8]))).toBe(false);
  });

  it("keeps the top of the small form exact (intervals ending at 2^32 - 1)", () => {
    const top = 4294967295;
    expect(text(k.union(set([top - 5, top]), set([top - 20, top - 6])))).toBe(`[${top - 20}-${top}]`);
    expect(text(k.union(set([top, top]), set([0, 0])))).toBe(`[0-0,${top}-${top}]`);
    expect(text(k.subtract(set([top - 9, top]), set([top - 4, top - 3])))).toBe(`[${top - 9}-${top - 5},${top - 2}-${top}]`);
    expect(text(k.subtract(set([top - 9, top]), set([top, top])))).toBe(`[${top - 9}-${top - 1}]`);
    expect(text(k.intersect(set([top - 9, top]), set([top - 1, top])))).toBe(`[${top - 1}-${top}]`);
    expect(k.contains(set([0, top]), set([5, 6], [top, top]))).toBe(true);
    // The whole u32 range holds 2^32 values, more than fit in a u32 count.
    expect(text(k.pick(set([0, top]), 2 ** 32))).toBe(`[0-${top}]`);
    expect(k.pick(set([0, top]), 2 ** 32 + 1)).toBeNull();
    expect(text(k.pick(set([top - 1, top]), 1))).toBe(`[${top - 1}-${top - 1}]`);
  });

  it("picks the lowest free values", () => {
    expect(text(k.pick(set([31000, 31001], [31005, 32000]), 4))).toBe("[31000-31001,31005-31006]");
    expect(text(k.pick(set([1, 2]), 2))).toBe("[1-2]");
    expect(k.pick(set([1, 2]), 3)).toBeNull();
    expect(text(k.pick(set([1, 2]), 0))).toBe("[]");
    expect(() => k.pick(set([1, 2]), -1)).toThrow(RangeError);
  });

  it("stays exact above 2^53 and at the top of uint64", () => {
    const big = set([9007199254740999n, 9007199254741005n]);
    expect(text(k.subtract(big, set([9007199254741001n, 9007199254741001n])))).toBe(
      "[9007199254740999-9007199254741000,9007199254741002-9007199254741005]",
    );
    expect(text(k.subtract(set([0, MAX]), set([5, 5])))).toBe(`[0-4,6-${MAX}]`);
    expect(text(k.union(set([0, MAX - 1n]), set([MAX, MAX])))).toBe(`[0-${MAX}]`);
    expect(text(k.union(set([0, MAX]), set([7, 9])))).toBe(`[0-${MAX}]`);
    expect(text(k.pick(set([0, MAX]), 3))).toBe("[0-2]");
    expect(text(k.pick(set([4294967290n, 4294967300n]), 8))).toBe("[4294967290-4294967297]");
    expect(k.contains(set([0, MAX]), set([MAX, MAX]))).toBe(true);
    // Mixed forms: a small set against a big one.
    expect(text(k.union(set([1, 2]), big))).toBe("[1-2,9007199254740999-9007199254741005]");
    expect(text(k.subtract(set([1, 2], [9007199254740999n, 9007199254741005n]), big))).toBe("[1-2]");
    expect(k.contains(set([1, 2]), big)).toBe(false);
  });

  it("agrees with set semantics on random fragmented windows", () => {
    fc.assert(
      fc.property(windowBits, windowBits, fc.constantFrom(...bases), fc.nat(WINDOW + 2), (x, y, base, count) => {
        const a = fromBits(x, base), b = fromBits(y, base);
        const ref = (f: (p: boolean, q: boolean) => boolean) => fromBits(x.map((p, i) => f(p, y[i]!)), base);
        const u = k.union(a, b), s = k.subtract(a, b), n = k.intersect(a, b);
        for (const r of [u, s, n]) expect(canonical(r)).toBe(true);
        expect(text(u)).toBe(text(ref((p, q) => p || q)));
        expect(text(s)).toBe(text(ref((p, q) => p && !q)));
        expect(text(n)).toBe(text(ref((p, q) => p && q)));
        expect(k.contains(a, b)).toBe(y.every((q, i) => !q || x[i]!));
        // Subsets found by galloping, and one missing value anywhere breaks inclusion.
        const inside = fromBits(x.map((p, i) => p && y[i]!), base);
        expect(k.contains(a, inside)).toBe(true);
        const missing = x.findIndex((p, i) => !p && i % 7 === (count % 7));
        if (missing >= 0) expect(k.contains(a, fromBits(x.map((p, i) => (p && y[i]!) || i === missing), base))).toBe(false);
        const held = x.filter(Boolean).length;
        let seen = 0;
        const lowest = x.map((p) => p && seen++ < count);
        expect(text(k.pick(a, count))).toBe(held < count ? null : text(fromBits(lowest, base)));
      }),
      fcParams(250),
    );
  });
});

/** Random sets over the whole uint64 range, heavily fragmented (mostly big form). */
const wideSet = fc
  .array(fc.tuple(fc.bigInt({ min: 0n, max: MAX }), fc.bigInt({ min: 0n, max: 1000n })), { maxLength: 60 })
  .map((xs) => RangeSet.fromIntervals(xs.map(([b, len]) => [b, b + len > MAX ? MAX : b + len] as [bigint, bigint])));
/** Dense fragmented port-like sets (small form). */
const denseSet = fc
  .array(fc.tuple(fc.nat(5000), fc.nat(20)), { maxLength: 200 })
  .map((xs) => RangeSet.fromIntervals(xs.map(([b, len]) => [b, b + len] as [number, number])));

/** Many small fragments (long runs that a few cuts leave untouched). */
const manyFragments = fc
  .array(fc.tuple(fc.nat(20000), fc.nat(3)), { minLength: 100, maxLength: 800 })
  .map((xs) => RangeSet.fromIntervals(xs.map(([b, len]) => [b, b + len] as [number, number])));
/** A few cuts (what an allocator takes out of an agent's ports). */
const fewCuts = fc
  .array(fc.tuple(fc.nat(20000), fc.nat(50)), { maxLength: 4 })
  .map((xs) => RangeSet.fromIntervals(xs.map(([b, len]) => [b, b + len] as [number, number])));

describe("Wasm and TypeScript range kernels agree", () => {
  it.each([
    ["wide uint64 sets", wideSet, wideSet],
    ["dense fragmented sets", denseSet, denseSet],
    ["a small set against a big one", denseSet, wideSet],
    ["many fragments against a few cuts", manyFragments, fewCuts],
  ])("on %s", (_label, arbA, arbB) => {
    fc.assert(
      fc.property(arbA, arbB, fc.nat(3000), (a, b, count) => {
        const t = tsRangeKernels, w = wasmRangeKernels;
        for (const [x, y] of [[a, b], [b, a]] as const) {
          expect(text(w.union(x, y))).toBe(text(t.union(x, y)));
          expect(text(w.subtract(x, y))).toBe(text(t.subtract(x, y)));
          expect(text(w.intersect(x, y))).toBe(text(t.intersect(x, y)));
          expect(w.contains(x, y)).toBe(t.contains(x, y));
          expect(w.union(x, y).equals(t.union(x, y))).toBe(true);
        }
        expect(text(w.pick(a, count))).toBe(text(t.pick(a, count)));
      }),
      fcParams(150),
    );
  });

  it("survives Wasm memory growth between calls (views are re-created)", () => {
    const memory = wasm().memory;
    expect(text(wasmRangeKernels.union(set([1, 3]), set([4, 6])))).toBe("[1-6]");
    // 1.2M single-value intervals [0-0, 3-3, 6-6, ...] need ~19 MB of scratch:
    // more than the memory left, so the heap grows memory mid-call.
    const n = 1_200_000;
    const bounds = new Uint32Array(2 * n);
    for (let i = 0; i < n; i++) { bounds[2 * i] = 3 * i; bounds[2 * i + 1] = 3 * i; }
    const a = RangeSet.fromCanonicalSmall(bounds);
    const before = memory.buffer.byteLength;
    const left = wasmRangeKernels.subtract(a, set([0, 10]));
    expect(memory.buffer.byteLength).toBeGreaterThan(before);
    expect(left.intervalCount).toBe(n - 4);
    expect(left.toPairs()[0]).toEqual([12, 12]);
    expect(text(wasmRangeKernels.union(set([1, 3]), set([4, 6])))).toBe("[1-6]");
  });
});
