/**
 * OfferMap, the read-only map an offer callback receives: it must behave as
 * a ReadonlyMap in every way a callback can use one, whether it is iterated
 * (the usual case) or looked up (small maps by scan, larger ones by index).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { OfferMap } from "../../src/allocator/offer-map.js";
import { fcParams } from "../fc-params.js";

/** Builds an OfferMap and a Map from the same operations (append for new keys, set for any). */
function both(ops: [number, number, boolean][]): [OfferMap<string, number>, Map<string, number>] {
  const om = new OfferMap<string, number>(), m = new Map<string, number>();
  for (const [k, v, viaSet] of ops) {
    const key = `agent-${k}`;
    if (viaSet || m.has(key)) om.set(key, v);
    else om.append(key, v);
    m.set(key, v);
  }
  return [om, m];
}

describe("OfferMap", () => {
  it("agrees with a Map on size, lookups, iteration order and every iteration form", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer(), fc.boolean()), { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 35 }), { maxLength: 10 }), (ops, probes) => {
      const [om, m] = both(ops);
      expect(om.size).toBe(m.size);
      expect([...om]).toEqual([...m]);
      expect([...om.entries()]).toEqual([...m.entries()]);
      expect([...om.keys()]).toEqual([...m.keys()]);
      expect([...om.values()]).toEqual([...m.values()]);
      const seen: [string, number][] = [];
      om.forEach((v, k, self) => {
        expect(self).toBe(om);
        seen.push([k, v]);
      });
      expect(seen).toEqual([...m]);
      for (const p of probes) {
        expect(om.get(`agent-${p}`)).toBe(m.get(`agent-${p}`));
        expect(om.has(`agent-${p}`)).toBe(m.has(`agent-${p}`));
      }
      // A copy into a real Map, as a callback that keeps the offers would make.
      expect(new Map(om)).toEqual(m);
    }), fcParams(300));
  });

  it("keeps lookups right when entries are appended after the index was built", () => {
    const om = new OfferMap<string, number>();
    for (let i = 0; i < 20; i++) om.append(`a${i}`, i);
    expect(om.get("a15")).toBe(15); // builds the index (more than 8 entries)
    om.append("a20", 20);
    om.set("a3", 33);
    expect(om.get("a20")).toBe(20);
    expect(om.get("a3")).toBe(33);
    expect(om.size).toBe(21);
    expect(om.has("a21")).toBe(false);
  });

  it("each iteration starts over; an iterator is its own iterable", () => {
    const om = new OfferMap<string, number>();
    om.append("x", 1);
    om.append("y", 2);
    const it1 = om.keys();
    expect(it1.next()).toEqual({ value: "x", done: false });
    expect([...it1]).toEqual(["y"]);
    expect([...om.keys()]).toEqual(["x", "y"]);
    expect(Object.prototype.toString.call(om)).toBe("[object OfferMap]");
  });
});
