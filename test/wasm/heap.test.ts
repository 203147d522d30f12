import { describe, expect, it } from "vitest";
import { heap } from "../../src/wasm/heap.js";
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
