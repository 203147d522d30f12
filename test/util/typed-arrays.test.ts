import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { copyGrown } from "../../src/util/typed-arrays.js";

describe("copyGrown", () => {
  it("keeps the kind and the values, and zero-fills the new tail", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 40 }), fc.nat(40), (values, extra) => {
        const a = Int32Array.from(values);
        const b = copyGrown(a, a.length + extra);
        expect(b).toBeInstanceOf(Int32Array);
        expect(b.length).toBe(a.length + extra);
        expect([...b.subarray(0, a.length)]).toEqual(values);
        expect(b.subarray(a.length).every((x) => x === 0)).toBe(true);
        b[0] = 7;
        if (a.length > 0) expect(a[0]).toBe(values[0]); // a copy, not a view
      }),
    );
    const f = copyGrown(Float64Array.of(1.5, -2), 3);
    expect(f).toBeInstanceOf(Float64Array);
    expect([...f]).toEqual([1.5, -2, 0]);
    const u = copyGrown(Uint8Array.of(255), 2);
    expect(u).toBeInstanceOf(Uint8Array);
    expect([...u]).toEqual([255, 0]);
  });
});
