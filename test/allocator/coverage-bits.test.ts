import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoverageBits } from "../../src/allocator/coverage-bits.js";
import { fcParams } from "../fc-params.js";

describe("CoverageBits (the coverage records' bitsets) against a Set per row", () => {
  it("take/give/set/has/clearRow/openColumns agree with the model across widening and row reuse (fast-check)", () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant("take" as const), cap: fc.nat(130) }),
      fc.record({ k: fc.constant("give" as const), i: fc.nat(20) }),
      fc.record({ k: fc.constant("set" as const), i: fc.nat(20), c: fc.nat(300) }),
      fc.record({ k: fc.constant("clear" as const), i: fc.nat(20) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const bits = new CoverageBits();
        const live: { row: number; model: Set<number> }[] = [];
        for (const o of ops) {
          if (o.k === "take") {
            const row = bits.take(o.cap);
            expect(live.some((l) => l.row === row)).toBe(false);
            live.push({ row, model: new Set() });
            continue;
          }
          if (live.length === 0) continue;
          const l = live[o.i % live.length]!;
          if (o.k === "give") {
            bits.give(l.row);
            live.splice(live.indexOf(l), 1);
          } else if (o.k === "set") {
            expect(bits.set(l.row, o.c, o.c + 1)).toBe(!l.model.has(o.c));
            l.model.add(o.c);
          } else {
            bits.clearRow(l.row);
            l.model.clear();
          }
        }
        for (const l of live) {
          for (let c = 0; c < 310; c++) expect(bits.has(l.row, c)).toBe(l.model.has(c));
          const open = bits.openColumns(l.row, 305);
          const expected: number[] = [];
          for (let c = 0; c < 305; c++) if (!l.model.has(c)) expected.push(c);
          expect(open).toEqual(expected);
        }
      }),
      fcParams(150, 7),
    );
  });

  it("a returned row comes back cleared", () => {
    const bits = new CoverageBits();
    const r = bits.take(64);
    bits.set(r, 3, 64);
    bits.set(r, 63, 64);
    bits.give(r);
    const again = bits.take(64);
    expect(again).toBe(r);
    expect(bits.has(again, 3)).toBe(false);
    expect(bits.has(again, 63)).toBe(false);
  });

  it("row -1 (a record without marks) has no column set, before and after other rows fill up", () => {
    const bits = new CoverageBits();
    for (const c of [0, 1, 31, 32, 500]) expect(bits.has(-1, c)).toBe(false);
    const r = bits.take(600);
    for (let c = 0; c < 600; c++) bits.set(r, c, 600);
    for (const c of [0, 1, 31, 32, 500, 599, 700]) {
      expect(bits.has(-1, c)).toBe(false);
      expect(bits.has(r, c)).toBe(c < 600);
    }
  });
});
