/** IdIndex against a Map on random operation sequences. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { IdIndex } from "../../src/resources/id-index.js";
import { fcParams } from "../fc-params.js";

describe("IdIndex", () => {
  it("behaves like a Map<number, number> under random set/delete/clone", () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant("set" as const), id: fc.integer({ min: 0, max: 200 }), v: fc.integer({ min: 0, max: 1000 }) }),
      fc.record({ k: fc.constant("del" as const), id: fc.integer({ min: 0, max: 200 }) }),
      fc.record({ k: fc.constant("clone" as const) }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
      let idx = new IdIndex();
      const ref = new Map<number, number>();
      for (const o of ops) {
        if (o.k === "set") { idx.set(o.id, o.v); ref.set(o.id, o.v); }
        else if (o.k === "del") { idx.delete(o.id); ref.delete(o.id); }
        else idx = idx.clone();
        expect(idx.size).toBe(ref.size);
      }
      for (let id = 0; id <= 200; id++) expect(idx.get(id)).toBe(ref.get(id) ?? -1);
    }), fcParams(200));
  });
});
