/**
 * The default range chooser when the Wasm module cannot be loaded (say
 * `build/drfcore.wasm` was never built): operations above the crossover,
 * and big-form (above 2^32) ones, run on the TypeScript path with the same
 * results instead of throwing. The module loader is replaced by one that
 * fails, as a missing file makes it fail.
 */
import { describe, expect, it, vi } from "vitest";

vi.mock("../../src/wasm/module.js", () => ({
  WASM_PATH: "/nonexistent/drfcore.wasm",
  isWasmLoaded: () => false,
  wasm: () => { throw new Error("drfcore: Wasm module missing at /nonexistent/drfcore.wasm; run `npm run build:wasm`"); },
}));

const { Resources, RangeSet } = await import("../../src/resources/index.js");
const { wasmAvailable, RANGE_CROSSOVER } = await import("../../src/resources/kernels.js");

describe("default range operations without a loadable Wasm module", () => {
  it("fall back to TypeScript for large and big-form operands", () => {
    const n = RANGE_CROSSOVER.subtract;
    const pairs: [number, number][] = Array.from({ length: n }, (_, i) => [1 + 2 * i, 1 + 2 * i]);
    const odd = Resources.ranges("ports", RangeSet.fromIntervals(pairs));
    const all = Resources.parse(`ports:[1-${2 * n}]`);
    const evens = all.minus(odd);
    expect(evens.rangesOf("ports").intervalCount).toBe(n);
    expect(evens.plus(odd).equals(all)).toBe(true);
    const top = Resources.parse("ports:[18446744073709551600-18446744073709551615]");
    expect(top.minus(Resources.parse("ports:[18446744073709551610-18446744073709551610]")).toString())
      .toBe("ports:[18446744073709551600-18446744073709551609,18446744073709551611-18446744073709551615]");
    expect(wasmAvailable()).toBe(false);
  });
});
