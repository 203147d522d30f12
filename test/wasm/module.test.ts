import { describe, expect, it } from "vitest";
import { wasm } from "../../src/wasm/module.js";

describe("the Wasm module", () => {
  it("loads and sums i64 fixed-point values written into its memory", () => {
    const w = wasm();
    const offset = 8 << 20; // well above the data segments
    const column = new BigInt64Array(w.memory.buffer, offset, 4);
    column.set([1000n, 2500n, -500n, 9_007_199_254_740_993n]);
    expect(w.sumFixed(offset, 4)).toBe(1000n + 2500n - 500n + 9_007_199_254_740_993n);
    expect(w.sumFixed(offset, 0)).toBe(0n);
  });
});
