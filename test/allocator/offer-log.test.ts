import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OfferLog } from "../../src/allocator/offer-log.js";
import { Resources } from "../../src/resources/index.js";
import { fcParams } from "../fc-params.js";

describe("OfferLog", () => {
  it("groups offers by framework slot, keeping each framework's order (a stable sort), across reuse (fast-check)", () => {
    const r = Resources.parse("cpus:1");
    const log = new OfferLog<string>();
    fc.assert(
      fc.property(fc.array(fc.nat(40), { maxLength: 300 }), (slots) => {
        log.clear();
        slots.forEach((s, i) => log.push(`f${s}`, s, "role", `a${i}`, i, r, i % 2 === 0));
        expect(log.size()).toBe(slots.length);
        const order = [...log.byFramework().subarray(0, slots.length)];
        const want = slots.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
        expect(order).toEqual(want);
        for (const i of order) {
          expect(log.fw(i)).toBe(`f${slots[i]}`);
          expect(log.agentId(i)).toBe(`a${i}`);
          expect(log.agentSlot(i)).toBe(i);
          expect(log.hold(i)).toBe(i % 2 === 0);
          expect(log.resourcesOf(i)).toBe(r);
        }
      }),
      fcParams(200, 3),
    );
    log.clear();
    expect(log.size()).toBe(0);
  });
});
