import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Prng } from "../../src/simulate/prng.js";
import { EventQueue } from "../../src/simulate/event-queue.js";
import { fcParams } from "../fc-params.js";

describe("Prng", () => {
  it("is a pure function of its seed", () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      const a = new Prng(seed);
      const b = new Prng(seed);
      for (let i = 0; i < 20; i++) expect(a.nextUint32()).toBe(b.nextUint32());
    }), fcParams(50));
  });

  it("gives different streams for different seeds and forks", () => {
    const first = (p: Prng) => Array.from({ length: 8 }, () => p.nextUint32()).join(",");
    expect(first(new Prng(1))).not.toBe(first(new Prng(2)));
    const root = new Prng(7);
    expect(first(root.fork("a"))).not.toBe(first(new Prng(7).fork("b")));
    expect(first(new Prng(7).fork("a"))).toBe(first(new Prng(7).fork("a")));
  });

  it("draws uniform values in [0, 1) with the right mean", () => {
    const p = new Prng(42);
    let sum = 0;
    let outside = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const x = p.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    // Standard error of the mean is 1/sqrt(12 n) ~ 0.002; allow 5 of them.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
  });

  it("draws exponential values with the requested mean, and weighted indices in proportion", () => {
    const p = new Prng(3);
    const n = 20000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += p.exponential(120);
    // Standard error 120/sqrt(n) ~ 0.85.
    expect(Math.abs(sum / n - 120)).toBeLessThan(5);
    const counts = [0, 0, 0];
    for (let i = 0; i < n; i++) counts[p.weightedIndex([1, 3, 0.0001])]!++;
    expect(counts[1]! / counts[0]!).toBeGreaterThan(2.7);
    expect(counts[1]! / counts[0]!).toBeLessThan(3.3);
  });

  it("draws log-normal values around the median", () => {
    const p = new Prng(5);
    const xs = Array.from({ length: 10001 }, () => p.logNormal(90, 0.6)).sort((a, b) => a - b);
    expect(xs[5000]!).toBeGreaterThan(85);
    expect(xs[5000]!).toBeLessThan(95);
  });
});

describe("EventQueue", () => {
  it("pops by time, then priority, then insertion order", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 })), { maxLength: 200 }), (items) => {
      const q = new EventQueue<{ t: number; priority: number; k: number }>();
      items.forEach(([t, priority], k) => q.push({ t, priority, k }));
      const expected = items.map(([t, priority], k) => ({ t, priority, k })).sort((a, b) => a.t - b.t || a.priority - b.priority || a.k - b.k);
      const got: number[] = [];
      while (q.size) got.push(q.pop()!.k);
      expect(got).toEqual(expected.map((e) => e.k));
    }), fcParams(100));
  });
});
