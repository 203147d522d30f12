/**
 * Resources arithmetic with every range-operation implementation plugged in
 * through useRangeKernels (the TypeScript RangeSet methods, the Wasm kernels,
 * and the measured chooser), one test body for all: Mesos' range facts and
 * agreement with the TypeScript path on random fragmented ranges.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { Resources, TS_RANGE_OPS, useRangeKernels, type RangeOps } from "../../src/resources/index.js";
import { wasmRangeKernels } from "../../src/resources/wasm/ranges-wasm.js";
import { rangeKernels } from "../../src/resources/kernels.js";
import { fcParams } from "../fc-params.js";

const impls: Array<[string, RangeOps]> = [["TypeScript", TS_RANGE_OPS], ["Wasm", wasmRangeKernels], ["chooser", rangeKernels]];

const portsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 30 })), { maxLength: 40 })
  .chain((iv) => fc.constantFrom("", "9007199254740000", "18446744073709548000").map((base) => ({ iv, base })))
  .map(({ iv, base }) => "ports:[" + iv.map(([b, l]) => `${BigInt(base || 0) + BigInt(b)}-${BigInt(base || 0) + BigInt(b + l)}`).join(",") + "];cpus:1");

describe.each(impls)("Resources with %s range operations", (_name, ops) => {
  beforeAll(() => useRangeKernels(ops));
  afterAll(() => { useRangeKernels("auto"); });

  it("gives Mesos' range results (ResourcesTest.RangesAddition*, RangesSubtraction*)", () => {
    const P = Resources.parse;
    expect(P("ports:[20000-40000]").plus(P("ports:[30000-50000, 10000-20000]")).toString()).toBe("ports:[10000-50000]");
    expect(P("ports:[1-10, 20-30, 40-50]").minus(P("ports:[2-9, 15-45, 48-50]")).toString()).toBe("ports:[1-1,10-10,46-47]");
    expect(P("ports:[1-10]").contains(P("ports:[2-2, 4-5]"))).toBe(true);
    expect(P("ports:[2-3]").contains(P("ports:[2-2, 4-5]"))).toBe(false);
  });

  it("agrees with the TypeScript path on random fragmented ranges (small and uint64)", () => {
    fc.assert(fc.property(portsArb, portsArb, (x, y) => {
      const a = Resources.parse(x), b = Resources.parse(y);
      const sum = a.plus(b).toString(), diff = a.minus(b).toString(), has = a.contains(b);
      const chosen = useRangeKernels(TS_RANGE_OPS);
      try {
        expect(sum).toBe(a.plus(b).toString());
        expect(diff).toBe(a.minus(b).toString());
        expect(has).toBe(a.contains(b));
      } finally {
        useRangeKernels(chosen);
      }
    }), fcParams(150));
  });
});
