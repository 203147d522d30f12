import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { heap, copyOutF64, UNFILLED_COPY_BYTES } from "../../src/wasm/heap.js";
import { wasm } from "../../src/wasm/module.js";

describe("WasmHeap", () => {
  // The process-wide heap; nothing else in this test file allocates.
  const h = heap();

  it("hands out 16-byte aligned, non-overlapping blocks at or above the arena base", () => {
    const a = h.alloc(10), b = h.alloc(100), c = h.alloc(1);
    expect(a).toBeGreaterThanOrEqual(wasm().arenaBase());
    for (const p of [a, b, c]) expect(p % 16).toBe(0);
    expect(b).toBeGreaterThanOrEqual(a + 16);
    expect(c).toBeGreaterThanOrEqual(b + 112);
    h.free(a); h.free(b); h.free(c);
  });

  it("reuses and coalesces freed blocks", () => {
    const a = h.alloc(64), b = h.alloc(64), c = h.alloc(64), guard = h.alloc(16);
    h.free(a); h.free(c); h.free(b);
    // a, b and c coalesced into one 192-byte hole.
    expect(h.alloc(192)).toBe(a);
    h.free(a); h.free(guard);
    expect(() => h.free(guard)).toThrow(/not a live block/);
  });

  it("grows memory and re-creates its views, keeping the data", () => {
    const p = h.alloc(16);
    h.u32[p >>> 2] = 0xdeadbeef;
    const before = wasm().memory.buffer.byteLength;
    const big = h.alloc(before); // cannot fit without growing
    expect(wasm().memory.buffer.byteLength).toBeGreaterThan(before);
    expect(h.u32.buffer).toBe(wasm().memory.buffer);
    expect(h.u32[p >>> 2]).toBe(0xdeadbeef);
    h.free(big); h.free(p);
  });
});

describe("copyOutF64", () => {
  const limit = UNFILLED_COPY_BYTES / 8;
  it("copies exactly the requested values into an independent array of exactly that size, below and above the unfilled threshold", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3 * limit }), fc.nat(64), (len, start) => {
      const src = new Float64Array(start + len + 8);
      for (let i = 0; i < src.length; i++) src[i] = i * 3 + 0.5;
      const got = copyOutF64(src, start, len);
      expect(got.length).toBe(len);
      expect(got.byteOffset).toBe(0);
      expect(got.buffer.byteLength).toBe(len * 8);
      for (let i = 0; i < len; i++) expect(got[i]).toBe((start + i) * 3 + 0.5);
      src.fill(-1); // later writes to the source do not show through
      for (let i = 0; i < len; i++) expect(got[i]).toBe((start + i) * 3 + 0.5);
    }), { numRuns: 200 });
  });

  it("never shows stale memory: every value of a large copy is the source's", () => {
    // Allocate and drop large buffers full of a marker first, so that a
    // result that were not fully written would show the marker.
    for (let k = 0; k < 20; k++) new Float64Array(Buffer.allocUnsafeSlow(8 * 4 * limit).buffer).fill(-7);
    const src = new Float64Array(4 * limit).map((_, i) => i);
    const got = copyOutF64(src, 1, 4 * limit - 1);
    expect(got.includes(-7)).toBe(false);
    expect(Array.from(got.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(got[got.length - 1]).toBe(4 * limit - 1);
  });
});

