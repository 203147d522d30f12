import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prng } from "../../src/allocator/random.js";
import { fcParams } from "../fc-params.js";

describe("Prng", () => {
  it("skip(n) leaves the generator where n calls of next() leave it (fast-check)", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(5000), (seed, n) => {
        const a = new Prng(seed);
        const b = new Prng(seed);
        for (let i = 0; i < n; i++) a.next();
        b.skip(n);
        for (let i = 0; i < 5; i++) expect(b.next()).toBe(a.next());
      }),
      fcParams(200, 0x5e1f),
    );
  });

  it("skip(0) changes nothing, and a skip past 2^32 calls wraps as the calls would", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    b.skip(0);
    expect(b.next()).toBe(a.next());
    // mulberry32's state moves by a constant modulo 2^32 per call: 2^31 calls twice make a whole turn.
    const c = new Prng(7);
    const d = new Prng(7);
    c.skip(2 ** 31 - 1);
    c.skip(2 ** 31 - 1);
    c.skip(2);
    expect(c.next()).toBe(d.next());
  });
});
