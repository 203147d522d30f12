import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExpiryBucket } from "../../src/allocator/expiry-bucket.js";
import { fcParams } from "../fc-params.js";

describe("ExpiryBucket", () => {
  it("gives back every (set, index, generation) in the order added, runs of one set or not", () => {
    const sets = [{ name: "a" }, { name: "b" }, { name: "c" }];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.nat(1_000_000), fc.nat(1000)), { maxLength: 300 }), (adds) => {
        const b = new ExpiryBucket<{ name: string }>();
        for (const [s, i, g] of adds) b.add(sets[s]!, i, g);
        const seen: [number, number, number][] = [];
        b.forEach((set, index, generation) => seen.push([sets.indexOf(set), index, generation]));
        expect(seen).toEqual(adds);
        expect(b.size()).toBe(adds.length);
      }),
      fcParams(200, 0xb0c7),
    );
  });

  it("holds the 10,000 declines of one DeclineOffers round in 1,000 runs, in order", () => {
    const b = new ExpiryBucket<number>();
    for (let f = 0; f < 1000; f++) for (let j = 0; j < 10; j++) b.add(f, f * 10 + j, j);
    let n = 0;
    b.forEach((set, index, generation) => {
      expect(set).toBe(Math.floor(n / 10));
      expect(index).toBe(n);
      expect(generation).toBe(n % 10);
      n++;
    });
    expect(n).toBe(10_000);
  });
});
