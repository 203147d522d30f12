/**
 * The default range path of `Resources` (issue 3: "the API uses whichever
 * path is faster for the input size"): the measured TS/Wasm chooser is
 * installed without any call, the Wasm module is compiled only when an
 * operation first takes the Wasm path, and either path can still be forced.
 * This file relies on vitest running each test file in a fresh process
 * (pool "forks", isolated), so nothing else has loaded the module before.
 */
import { describe, expect, it } from "vitest";
import {
  Resources, RangeSet, useRangeKernels, rangeKernelsInUse, AUTO_RANGE_OPS, TS_RANGE_OPS, WASM_RANGE_OPS,
} from "../../src/resources/index.js";
import { isWasmLoaded } from "../../src/wasm/module.js";
import { RANGE_CROSSOVER, SUBTRACT_FEW_CUTS } from "../../src/resources/kernels.js";

/** `ports:[1-1,3-3,...]`: n single-value fragments (the shape of Mesos' fragment() helper). */
function fragments(n: number, start = 1): Resources {
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) pairs.push([start + 2 * i, start + 2 * i]);
  return Resources.ranges("ports", RangeSet.fromIntervals(pairs));
}

describe("default range operations", () => {
  it("are the measured chooser, and importing the library does not compile the Wasm module", () => {
    expect(rangeKernelsInUse()).toBe(AUTO_RANGE_OPS);
    expect(isWasmLoaded()).toBe(false);
  });

  it("keep small range arithmetic on TypeScript (the module stays unloaded)", () => {
    const r = Resources.parse("cpus:2;ports:[1-10]").minus(Resources.parse("ports:[3-4]"));
    expect(r.toString()).toBe("cpus:2;ports:[1-2,5-10]");
    expect(Resources.parse("ports:[1-10,20-30]").plus(Resources.parse("ports:[11-19]")).toString()).toBe("ports:[1-30]");
    expect(isWasmLoaded()).toBe(false);
  });

  it("keep a few cuts out of a large fragmented set on TypeScript (it copies a once; Wasm would copy in and out)", () => {
    const n = 4 * SUBTRACT_FEW_CUTS; // far above the size crossover, but b has 1 interval
    expect(n).toBeGreaterThanOrEqual(RANGE_CROSSOVER.subtract);
    const left = fragments(n).minus(Resources.parse("ports:[5-5]"));
    expect(isWasmLoaded()).toBe(false);
    // The odd values 1..2n-1 without 5.
    const expected: string[] = [];
    for (let v = 1; v < 2 * n; v += 2) if (v !== 5) expected.push(`${v}-${v}`);
    expect(left.toString()).toBe(`ports:[${expected.join(",")}]`);
  });

  it("load the module on the first operation above the crossover, with the same result as TypeScript", () => {
    const n = RANGE_CROSSOVER.subtract; // na + nb >= crossover takes Wasm
    const a = fragments(n), b = Resources.parse(`ports:[1-${4 * n}]`);
    const viaChooser = b.minus(a);
    expect(isWasmLoaded()).toBe(true);
    // [1, 4n] minus the odd values 1..2n-1 leaves the even values up to 2n, then [2n+1, 4n].
    const expected: string[] = [];
    for (let i = 1; i < n; i++) expected.push(`${2 * i}-${2 * i}`);
    expected.push(`${2 * n}-${4 * n}`);
    expect(viaChooser.toString()).toBe(`ports:[${expected.join(",")}]`);
  });

  it("can be forced to either path and restored", () => {
    const a = fragments(200), b = Resources.parse("ports:[1-1000]");
    const previous = useRangeKernels("ts");
    expect(previous).toBe(AUTO_RANGE_OPS);
    expect(rangeKernelsInUse()).toBe(TS_RANGE_OPS);
    const ts = b.minus(a).toString();
    useRangeKernels("wasm");
    expect(rangeKernelsInUse()).toBe(WASM_RANGE_OPS);
    expect(b.minus(a).toString()).toBe(ts);
    expect(useRangeKernels(previous)).toBe(WASM_RANGE_OPS);
    expect(rangeKernelsInUse()).toBe(AUTO_RANGE_OPS);
    expect(b.minus(a).toString()).toBe(ts);
  });
});
