/**
 * RangeSet against a naive reference (explicit sets of integers), on small
 * values (the Uint32Array path) and on values near 2^64 (the exact
 * coordinate-compressed path), plus Mesos' ValuesTest range arithmetic.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RangeSet, UINT64_MAX, SMALL_MAX, NUMBER_BOUND_MAX, containsBounds } from "../../src/resources/ranges.js";
import { ResourceError } from "../../src/resources/errors.js";
import { fcParams } from "../fc-params.js";

type Pairs = Array<[bigint, bigint]>;

function values(pairs: Pairs): Set<bigint> {
  const s = new Set<bigint>();
  for (const [b, e] of pairs) for (let v = b; v <= e; v++) s.add(v);
  return s;
}
function setOf(r: RangeSet): Set<bigint> {
  return values([...r.intervals()]);
}
function sorted(s: Set<bigint>): bigint[] {
  return [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
function isCanonical(r: RangeSet): boolean {
  let prevEnd = -2n;
  for (const [b, e] of r.intervals()) {
    if (b > e || b <= prevEnd + 1n) return false;
    prevEnd = e;
  }
  return true;
}

const intervalsAt = (base: bigint) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 12 })), { maxLength: 12 })
    .map((xs) => xs.map(([b, len]) => [base + BigInt(b), base + BigInt(b + len)] as [bigint, bigint]));

const bases: Array<[string, bigint]> = [
  ["small values", 0n],
  ["values around 2^32 (the small/big form boundary)", BigInt(SMALL_MAX) - 60n],
  ["values around 2^53 (the largest exact number)", BigInt(NUMBER_BOUND_MAX) - 60n],
  ["values up to 2^64-1", UINT64_MAX - 132n],
];

describe.each(bases)("RangeSet operations on %s", (_label, base) => {
  const arb = intervalsAt(base);
  const mk = (p: Pairs) => RangeSet.fromIntervals(p);

  it("builds canonical sets holding exactly the given values", () => {
    fc.assert(fc.property(arb, (p) => {
      const r = mk(p);
      expect(isCanonical(r)).toBe(true);
      expect(sorted(setOf(r))).toEqual(sorted(values(p)));
      expect(r.countExact()).toBe(BigInt(values(p).size));
    }), fcParams(150));
  });

  it("union, subtract and intersect match set algebra and stay canonical", () => {
    fc.assert(fc.property(arb, arb, (p, q) => {
      const a = mk(p), b = mk(q), A = values(p), B = values(q);
      const u = a.union(b), d = a.subtract(b), x = a.intersect(b);
      for (const r of [u, d, x]) expect(isCanonical(r)).toBe(true);
      expect(sorted(setOf(u))).toEqual(sorted(new Set([...A, ...B])));
      expect(sorted(setOf(d))).toEqual(sorted(new Set([...A].filter((v) => !B.has(v)))));
      expect(sorted(setOf(x))).toEqual(sorted(new Set([...A].filter((v) => B.has(v)))));
    }), fcParams(150));
  });

  it("contains is set inclusion and equals is set equality", () => {
    fc.assert(fc.property(arb, arb, (p, q) => {
      const a = mk(p), b = mk(q), A = values(p), B = values(q);
      expect(a.contains(b)).toBe([...B].every((v) => A.has(v)));
      expect(a.union(b).contains(b)).toBe(true);
      expect(a.equals(b)).toBe(A.size === B.size && [...A].every((v) => B.has(v)));
    }), fcParams(150));
  });

  it("take(n) returns the n lowest values, or null when there are fewer", () => {
    fc.assert(fc.property(arb, fc.integer({ min: 0, max: 60 }), (p, n) => {
      const r = mk(p).take(n);
      const all = sorted(values(p));
      if (all.length < n) expect(r).toBeNull();
      else expect(sorted(setOf(r!))).toEqual(all.slice(0, n));
    }), fcParams(100));
  });
});

describe("containsBounds (galloping) on fragmented and coarse sets", () => {
  it("agrees with a linear check on random canonical arrays", () => {
    const arb = fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 40 })), { maxLength: 60 })
      .map((xs) => RangeSet.fromIntervals(xs.map(([b, l]) => [b, b + l] as [number, number])).small!);
    const linear = (a: Uint32Array, b: Uint32Array) => {
      for (let j = 0; j < b.length; j += 2) {
        let ok = false;
        for (let i = 0; i < a.length; i += 2) if (a[i]! <= b[j]! && b[j + 1]! <= a[i + 1]!) ok = true;
        if (!ok) return false;
      }
      return true;
    };
    fc.assert(fc.property(arb, arb, (a, b) => {
      expect(containsBounds(a, b)).toBe(linear(a, b));
      const u = RangeSet.fromCanonicalSmall(a).union(RangeSet.fromCanonicalSmall(b)).small!;
      expect(containsBounds(u, b)).toBe(true);
    }), fcParams(300));
  });
  it("handles Mesos' benchmark shape: [1-16000] against 8000 fragments", () => {
    const frag = RangeSet.fromIntervals(Array.from({ length: 8000 }, (_, i) => [2 * i + 1, 2 * i + 1] as [number, number]));
    const full = RangeSet.interval(1, 16000);
    expect(full.contains(frag)).toBe(true);
    expect(frag.contains(full)).toBe(false);
    expect(frag.contains(frag)).toBe(true);
    expect(frag.intervalCount).toBe(8000);
  });
});


describe("subtract (galloping over untouched runs) on large fragmented sets", () => {
  // Values live in [0, 6000); a membership array is the reference.
  const W = 6000;
  const fragmented = fc.array(fc.tuple(fc.integer({ min: 0, max: W - 50 }), fc.integer({ min: 0, max: 6 })), { minLength: 0, maxLength: 700 })
    .map((xs) => RangeSet.fromIntervals(xs.map(([b, l]) => [b, b + l] as [number, number])));
  const sparse = fc.array(fc.tuple(fc.integer({ min: 0, max: W - 50 }), fc.integer({ min: 0, max: 40 })), { minLength: 0, maxLength: 6 })
    .map((xs) => RangeSet.fromIntervals(xs.map(([b, l]) => [b, b + l] as [number, number])));
  const member = (r: RangeSet) => {
    const m = new Uint8Array(W);
    for (const [b, e] of r.toPairs()) for (let v = Number(b); v <= Number(e); v++) m[v] = 1;
    return m;
  };
  const check = (a: RangeSet, b: RangeSet) => {
    const d = a.subtract(b);
    expect(isCanonical(d)).toBe(true);
    const ma = member(a), mb = member(b), md = member(d);
    for (let v = 0; v < W; v++) if (md[v] !== (ma[v] && !mb[v] ? 1 : 0)) throw new Error(`value ${v}: got ${md[v]} for ${a} - ${b}`);
  };
  it("matches set difference: many intervals minus a few, a few minus many, many minus many", () => {
    fc.assert(fc.property(fragmented, sparse, (a, b) => { check(a, b); check(b, a); }), fcParams(150));
    fc.assert(fc.property(fragmented, fragmented, (a, b) => check(a, b)), fcParams(50));
  });
  it("removes values at the very start, the middle and the very end of 10,000 fragments", () => {
    const frag = RangeSet.fromIntervals(Array.from({ length: 10000 }, (_, i) => [4 * i, 4 * i + 1] as [number, number]));
    const cut = frag.subtract(RangeSet.fromIntervals([[0, 0], [20001, 20004], [39997, 39999]]));
    // [0-1] loses 0; [20000-20001] loses 20001 and [20004-20005] loses 20004; [39996-39997] loses 39997.
    expect(cut.intervalCount).toBe(10000);
    expect(cut.toPairs().slice(0, 2)).toEqual([[1, 1], [4, 5]]);
    expect(cut.toPairs().slice(4999, 5003)).toEqual([[19996, 19997], [20000, 20000], [20005, 20005], [20008, 20009]]);
    expect(cut.toPairs().at(-1)).toEqual([39996, 39996]);
  });
});
describe("Mesos ValuesTest.RangesAddition / RangesSubtraction", () => {
  const R = (s: string) => RangeSet.fromIntervals(s.split(",").filter(Boolean).map((p) => p.split("-").map(Number) as [number, number]));
  it.each([
    ["3-8", "4-10", "3-10"], ["3-8", "1-4", "1-8"], ["2-3", "1-4", "1-4"], ["2-3", "4-6", "2-6"],
    ["3-5", "1-2", "1-5"], ["3-5,7-8", "6-6", "3-8"], ["1-4,9-10,20-22,26-30", "5-8,23-25", "1-10,20-30"],
  ])("[%s] + [%s] = [%s]", (a, b, c) => expect(R(a).union(R(b)).equals(R(c))).toBe(true));
  it.each([
    ["3-8", "1-10", ""], ["3-8", "3-5", "6-8"], ["3-8", "5-8", "3-4"], ["3-8", "5-6", "3-4,7-8"],
    ["3-8", "1-3", "4-8"], ["3-8", "5-10", "3-4"], ["3-8", "9-10", "3-8"], ["3-8", "1-2", "3-8"],
  ])("[%s] - [%s] = [%s]", (a, b, c) => expect(R(a).subtract(R(b)).equals(R(c))).toBe(true));
});

describe("RangeSet input checks", () => {
  it("rejects begin > end, negative, fractional and out-of-range bounds", () => {
    expect(() => RangeSet.interval(5, 3)).toThrow(ResourceError);
    expect(() => RangeSet.interval(-1, 3)).toThrow(ResourceError);
    expect(() => RangeSet.interval(1.5, 3)).toThrow(ResourceError);
    expect(() => RangeSet.interval(0n, UINT64_MAX + 1n)).toThrow(ResourceError);
    expect(() => RangeSet.interval(0, 2 ** 60)).toThrow(ResourceError);
  });
  it("switches to the exact form above 2^32 - 1 and back", () => {
    expect(SMALL_MAX).toBe(4294967295);
    const r = RangeSet.interval(4294967290n, 4294967300n);
    expect(r.big).not.toBeNull();
    const back = r.subtract(RangeSet.interval(4294967296n, 4294967300n));
    expect(back.small).not.toBeNull();
    expect(back.toString()).toBe("[4294967290-4294967295]");
    expect(RangeSet.interval(0, 4294967295).small).not.toBeNull();
    expect(RangeSet.interval(0, 4294967296).big).not.toBeNull();
    expect(r.toString()).toBe("[4294967290-4294967300]");
  });
  it("keeps bounds up to 2^53 - 1 as numbers and larger ones as bigints", () => {
    const r = RangeSet.interval(9007199254740990n, 9007199254741000n);
    expect(r.big).not.toBeNull();
    expect(r.toPairs()).toEqual([[9007199254740990, 9007199254741000n]]);
    expect(RangeSet.interval(2 ** 53 - 1, 2 ** 53 - 1).toPairs()).toEqual([[2 ** 53 - 1, 2 ** 53 - 1]]);
    expect(r.toString()).toBe("[9007199254740990-9007199254741000]");
  });
});

describe("results of the Uint32Array kernels are independent of each other", () => {
  // The kernels compute into one shared scratch array and copy each result
  // out: a result must keep its values whatever runs after it, share no
  // memory with another result, and be exactly its size.
  const set = fc.array(fc.tuple(fc.nat(400), fc.nat(12)), { maxLength: 80 })
    .map((xs) => RangeSet.fromIntervals(xs.map(([b, l]) => [b, b + l] as [number, number])));
  it("keeps every earlier result intact through later operations", () => {
    fc.assert(fc.property(fc.array(fc.tuple(set, set, fc.constantFrom("union", "subtract", "intersect")), { minLength: 2, maxLength: 8 }), (steps) => {
      const kept: Array<[RangeSet, string, Set<bigint>]> = [];
      for (const [a, b, op] of steps) {
        const r = op === "union" ? a.union(b) : op === "subtract" ? a.subtract(b) : a.intersect(b);
        const sa = setOf(a), sb = setOf(b);
        const want = new Set([...(op === "union" ? new Set([...sa, ...sb]) : sa)].filter((v) => op === "union" || (op === "subtract" ? !sb.has(v) : sb.has(v))));
        kept.push([r, r.toString(), want]);
        for (const [x, text, values] of kept) {
          expect(x.toString()).toBe(text);
          expect(sorted(setOf(x))).toEqual(sorted(values));
          expect(isCanonical(x)).toBe(true);
          if (x.small && x.small.length > 0) expect(x.small.buffer.byteLength).toBe(x.small.length * 4);
        }
      }
      const buffers = kept.map(([x]) => x.small).filter((b): b is Uint32Array => b !== null && b.length > 0);
      // Distinct results never share storage (an operand may be returned as is, so compare by contents only when buffers match).
      for (let i = 0; i < buffers.length; i++) for (let j = i + 1; j < buffers.length; j++) {
        if (buffers[i]!.buffer === buffers[j]!.buffer) expect(buffers[i]).toBe(buffers[j]);
      }
    }), fcParams(200));
  });
  it("gives a - a, a + a and a & a as fresh or operand values, never scratch", () => {
    const a = RangeSet.fromIntervals(Array.from({ length: 3000 }, (_, i) => [3 * i, 3 * i + 1] as [number, number]));
    const empty = a.subtract(a), same = a.union(a), meet = a.intersect(a);
    const other = RangeSet.fromIntervals([[1, 100000]]).subtract(RangeSet.fromIntervals([[50, 60]]));
    expect(empty.isEmpty()).toBe(true);
    expect(same.equals(a)).toBe(true);
    expect(meet.equals(a)).toBe(true);
    expect(meet.intervalCount).toBe(3000);
    expect(other.toString()).toBe("[1-49,61-100000]");
    expect(meet.toPairs().at(-1)).toEqual([8997, 8998]);
  });
  it("handles operations larger than the kept scratch (over 2^20 values) and small ones after them", () => {
    const n = (1 << 19) + 3;
    const a = new Uint32Array(2 * n), b = new Uint32Array(2 * n);
    for (let i = 0; i < n; i++) { a[2 * i] = 10 * i; a[2 * i + 1] = 10 * i + 5; b[2 * i] = 10 * i + 3; b[2 * i + 1] = 10 * i + 7; }
    const A = RangeSet.fromCanonicalSmall(a), B = RangeSet.fromCanonicalSmall(b);
    const u = A.union(B), d = A.subtract(B);
    expect(u.intervalCount).toBe(n);
    expect(u.toPairs()[n - 1]).toEqual([10 * (n - 1), 10 * (n - 1) + 7]);
    expect(d.intervalCount).toBe(n);
    expect(d.toPairs()[12345]).toEqual([123450, 123452]);
    expect(RangeSet.fromIntervals([[1, 9]]).subtract(RangeSet.fromIntervals([[4, 5]])).toString()).toBe("[1-3,6-9]");
    expect(u.toPairs()[0]).toEqual([0, 7]);
  });
});

