import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { copyOutU32, UNFILLED_COPY_BYTES } from "../../src/resources/u32-copy.js";
import { fcParams } from "../fc-params.js";

describe("copyOutU32", () => {
  const limit = UNFILLED_COPY_BYTES / 4;
  it("copies exactly the requested values into an independent array of exactly that size, below and above the unfilled threshold", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3 * limit }), fc.nat(64), (len, start) => {
      const src = new Uint32Array(start + len + 8);
      for (let i = 0; i < src.length; i++) src[i] = i * 3 + 7;
      const got = copyOutU32(src, start, len);
      expect(got.length).toBe(len);
      expect(got.byteOffset).toBe(0);
      expect(got.buffer.byteLength).toBe(len * 4);
      for (let i = 0; i < len; i++) expect(got[i]).toBe((start + i) * 3 + 7);
      src.fill(1); // later writes to the source do not show through
      for (let i = 0; i < len; i++) expect(got[i]).toBe((start + i) * 3 + 7);
    }), fcParams(200));
  });

  it("never shows stale memory: every value of a large copy is the source's", () => {
    // Allocate and drop large buffers full of a marker first, so that a
    // result that were not fully written would show the marker.
    const marker = 0xdeadbeef;
    for (let k = 0; k < 20; k++) new Uint32Array(Buffer.allocUnsafeSlow(4 * 4 * limit).buffer).fill(marker);
    const src = new Uint32Array(4 * limit).map((_, i) => i);
    const got = copyOutU32(src, 1, 4 * limit - 1);
    expect(got.includes(marker)).toBe(false);
    expect(Array.from(got.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(got[got.length - 1]).toBe(4 * limit - 1);
  });
});
