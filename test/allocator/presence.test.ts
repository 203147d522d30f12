import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PairBits, SlotPool } from "../../src/allocator/presence.js";
import { fcParams } from "../fc-params.js";

describe("PairBits (may-have-filters matrix) against a set of pairs", () => {
  it("set/has/clearRow/clearColumn agree with a Set model across growth (fast-check)", () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant("set" as const), r: fc.nat(200), c: fc.nat(150) }),
      fc.record({ k: fc.constant("row" as const), r: fc.nat(200) }),
      fc.record({ k: fc.constant("col" as const), c: fc.nat(150) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.array(fc.tuple(fc.nat(210), fc.nat(160)), { maxLength: 30 }), (ops, probes) => {
        const bits = new PairBits();
        const model = new Set<string>();
        for (const o of ops) {
          if (o.k === "set") {
            bits.set(o.r, o.c);
            model.add(`${o.r},${o.c}`);
          } else if (o.k === "row") {
            bits.clearRow(o.r);
            for (const p of [...model]) if (p.startsWith(`${o.r},`)) model.delete(p);
          } else {
            bits.clearColumn(o.c);
            for (const p of [...model]) if (p.endsWith(`,${o.c}`)) model.delete(p);
          }
        }
        for (const p of model) {
          const [r, c] = p.split(",").map(Number) as [number, number];
          expect(bits.has(r, c)).toBe(true);
        }
        for (const [r, c] of probes) expect(bits.has(r, c)).toBe(model.has(`${r},${c}`));
        // columnsOf lists a row's set columns, ascending.
        const rows = new Set([0, 199, 250, ...[...model].map((p) => Number(p.split(",")[0])), ...ops.filter((o) => o.k !== "col").map((o) => (o as { r: number }).r)]);
        for (const r of rows) {
          const expected = [...model].filter((p) => p.startsWith(`${r},`)).map((p) => Number(p.split(",")[1])).sort((a, b) => a - b);
          expect(bits.columnsOf(r)).toEqual(expected);
        }
      }),
      fcParams(200, 5),
    );
  });

  it("grows each dimension only as far as needed: DeclineOffers' 10,000 agents x 1,000 frameworks stay within 2x of 1.25 MB", () => {
    // The declines of one round per framework, in the order DeclineOffers
    // makes them: every agent, then the next framework's column.
    const bits = new PairBits();
    for (let col = 0; col < 1000; col += 37) for (let row = 0; row < 10_000; row += 7) bits.set(row, col);
    bits.set(9_999, 999);
    expect(bits.has(9_999, 999)).toBe(true);
    // 10,000 rows x 32 words x 4 bytes = 1.28 MB; doubling may round each dimension up once.
    expect(bits.byteLength).toBeLessThanOrEqual(2 * 10_000 * 32 * 4);
  });

  it("SlotPool hands out distinct slots and reuses returned ones", () => {
    const pool = new SlotPool();
    const a = pool.take();
    const b = pool.take();
    expect(a).not.toBe(b);
    expect(pool.nextIsReused()).toBe(false);
    pool.give(a);
    expect(pool.nextIsReused()).toBe(true);
    expect(pool.take()).toBe(a);
    expect(pool.nextIsReused()).toBe(false);
    expect(pool.take()).toBe(2);
  });
});
