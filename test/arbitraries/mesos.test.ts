/** The shared arbitraries produce what they promise. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decode, encode } from "../../src/codec/index.js";
import { arbCoalescedRanges, arbReservations, arbTaskInfo, arbValidResource } from "./mesos.js";

describe("Mesos-valid resource arbitraries", () => {
  it("coalesced ranges are sorted, disjoint and non-adjacent", () => {
    fc.assert(
      fc.property(arbCoalescedRanges(), (ranges) => {
        for (const r of ranges) expect(r.begin <= r.end).toBe(true);
        for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.begin > ranges[i - 1]!.end + 1n).toBe(true);
      }),
    );
  });

  it("reservation stacks refine: DYNAMIC after the first, each role a child of the previous", () => {
    fc.assert(
      fc.property(arbReservations, (stack) => {
        stack.slice(1).forEach((r, i) => {
          expect(r.type).toBe("DYNAMIC");
          expect(r.role!.startsWith(`${stack[i]!.role}/`)).toBe(true);
        });
      }),
    );
  });

  it("valid resources have finite, non-negative, 3-decimal scalars and survive the codec", () => {
    fc.assert(
      fc.property(arbValidResource, (r) => {
        if (r.type === "SCALAR") {
          expect(Number.isFinite(r.scalar) && r.scalar! >= 0).toBe(true);
          expect(Math.abs(Math.round(r.scalar! * 1000) - r.scalar! * 1000)).toBeLessThan(1e-6);
        }
        expect(decode("mesos.Resource", encode("mesos.Resource", r))).toEqual(r);
      }),
    );
  });
});

describe("protobuf-level arbitraries", () => {
  it("TaskInfo covers all four implementation kinds", () => {
    const kinds = new Set(fc.sample(arbTaskInfo(), 200).map((t) => t.implementation.kind));
    expect([...kinds].sort()).toEqual(["both", "command", "executor", "neither"]);
  });
});
