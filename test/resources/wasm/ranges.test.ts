import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  canonicalIntervals,
  formatIntervals,
  intervalsFromPairs,
  intervalsToPairs,
  isCanonical,
  type IntervalSet,
  type RangeKernels,
} from "../../../src/resources/wasm/intervals.js";
import { tsRangeKernels } from "../../../src/resources/wasm/ranges-ts.js";
import { wasmRangeKernels } from "../../../src/resources/wasm/ranges-wasm.js";
import { wasm } from "../../../src/wasm/module.js";

const MAX = 0xffffffffffffffffn;
const set = (...pairs: [number | bigint, number | bigint][]) => intervalsFromPairs(pairs);
const text = (s: IntervalSet | null) => (s === null ? null : formatIntervals(s));

/**
 * A random subset of a 96-value window placed at a base that exercises the
 * u32 carry (2^32), the f64 limit (2^53) and the top of uint64.
 */
const WINDOW = 96;
const bases = [0n, 4294967296n - 40n, 9007199254740992n - 40n, MAX - BigInt(WINDOW) + 1n];
const windowSet = fc.array(fc.boolean(), { minLength: WINDOW, maxLength: WINDOW });

function toIntervals(bits: boolean[], base: bigint): IntervalSet {
  const pairs: [bigint, bigint][] = [];
  for (let v = 0; v < bits.length; v++) {
    if (!bits[v]) continue;
    const last = pairs[pairs.length - 1];
    if (last && last[1] === base + BigInt(v) - 1n) last[1] = base + BigInt(v);
    else pairs.push([base + BigInt(v), base + BigInt(v)]);
  }
  return intervalsFromPairs(pairs);
}

describe.each([tsRangeKernels, wasmRangeKernels])("range kernels ($name)", (k: RangeKernels) => {
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

  it("tests set inclusion", () => {
    expect(k.contains(set([1, 16000]), set([1, 1], [3, 3], [5, 16000]))).toBe(true);
    expect(k.contains(set([1, 1], [3, 3], [5, 16000]), set([1, 16000]))).toBe(false);
    expect(k.contains(set([1, 10]), set())).toBe(true);
    expect(k.contains(set(), set([1, 1]))).toBe(false);
    expect(k.contains(set([1, 5], [7, 10]), set([4, 8]))).toBe(false);
  });

  it("picks the lowest free values", () => {
    expect(text(k.pick(set([31000, 31001], [31005, 32000]), 4))).toBe("[31000-31001,31005-31006]");
    expect(text(k.pick(set([1, 2]), 2))).toBe("[1-2]");
    expect(k.pick(set([1, 2]), 3)).toBeNull();
    expect(text(k.pick(set([1, 2]), 0))).toBe("[]");
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
  });

  it("agrees with set semantics on random fragmented windows", () => {
    fc.assert(
      fc.property(windowSet, windowSet, fc.constantFrom(...bases), fc.nat(WINDOW + 2), (x, y, base, count) => {
        const a = toIntervals(x, base), b = toIntervals(y, base);
        const ref = (f: (p: boolean, q: boolean) => boolean) => toIntervals(x.map((p, i) => f(p, y[i]!)), base);
        for (const r of [k.union(a, b), k.subtract(a, b), k.intersect(a, b)]) expect(isCanonical(r)).toBe(true);
        expect(text(k.union(a, b))).toBe(text(ref((p, q) => p || q)));
        expect(text(k.subtract(a, b))).toBe(text(ref((p, q) => p && !q)));
        expect(text(k.intersect(a, b))).toBe(text(ref((p, q) => p && q)));
        expect(k.contains(a, b)).toBe(y.every((q, i) => !q || x[i]!));
        const held = x.filter(Boolean).length;
        let seen = 0;
        const lowest = x.map((p) => p && seen++ < count);
        expect(text(k.pick(a, count))).toBe(held < count ? null : text(toIntervals(lowest, base)));
      }),
      { numRuns: 300 },
    );
  });
});

/** Random canonical sets over the whole uint64 range, heavily fragmented. */
const wideSet = fc
  .array(fc.tuple(fc.bigInt({ min: 0n, max: MAX }), fc.bigInt({ min: 0n, max: 1000n })), { maxLength: 60 })
  .map((xs) => canonicalIntervals(xs.map(([b, len]) => [b, b + len > MAX ? MAX : b + len] as [bigint, bigint])));
const denseSet = fc
  .array(fc.tuple(fc.nat(5000), fc.nat(20)), { maxLength: 200 })
  .map((xs) => canonicalIntervals(xs.map(([b, len]) => [b, b + len] as [number, number])));

describe("Wasm and TypeScript range kernels agree", () => {
  it.each([
    ["wide uint64 sets", wideSet],
    ["dense fragmented sets", denseSet],
  ])("on %s", (_label, arb) => {
    fc.assert(
      fc.property(arb, arb, fc.nat(3000), (a, b, count) => {
        const t = tsRangeKernels, w = wasmRangeKernels;
        expect(intervalsToPairs(w.union(a, b))).toEqual(intervalsToPairs(t.union(a, b)));
        expect(intervalsToPairs(w.subtract(a, b))).toEqual(intervalsToPairs(t.subtract(a, b)));
        expect(intervalsToPairs(w.intersect(a, b))).toEqual(intervalsToPairs(t.intersect(a, b)));
        expect(w.contains(a, b)).toBe(t.contains(a, b));
        expect(w.contains(a, t.intersect(a, b))).toBe(true);
        const tp = t.pick(a, count), wp = w.pick(a, count);
        expect(wp === null ? null : intervalsToPairs(wp)).toEqual(tp === null ? null : intervalsToPairs(tp));
      }),
      { numRuns: 200 },
    );
  });

  it("survives Wasm memory growth between calls (views are re-created)", () => {
    const memory = wasm().memory;
    const small = set([1, 3]);
    expect(text(wasmRangeKernels.union(small, set([4, 6])))).toBe("[1-6]");
    // 600k single-value intervals [0-0, 3-3, 6-6, ...] need ~19 MB of scratch:
    // more than the memory left, so the heap grows memory mid-call.
    const n = 600_000;
    const a = new Uint32Array(4 * n);
    for (let i = 0; i < n; i++) { a[4 * i] = 3 * i; a[4 * i + 2] = 3 * i; }
    const before = memory.buffer.byteLength;
    const left = wasmRangeKernels.subtract(a, set([0, 10]));
    expect(memory.buffer.byteLength).toBeGreaterThan(before);
    expect(intervalCount(left)).toBe(n - 4);
    expect(text(left.subarray(0, 4))).toBe("[12-12]");
    expect(text(wasmRangeKernels.union(small, set([4, 6])))).toBe("[1-6]");
  });
});

function intervalCount(s: IntervalSet): number {
  return s.length / 4;
}
