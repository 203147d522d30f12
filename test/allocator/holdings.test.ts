import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type HoldingList, HoldingTable } from "../../src/allocator/holdings.js";
import { fcParams } from "../fc-params.js";

/**
 * The HoldingTable replaces, per (framework, role), a `Map<agent, value>`
 * (insertion order kept, updates in place) plus a per-agent index. The model
 * here is exactly those Maps; every operation sequence must leave the table
 * listing the same entries in the same order, and the per-agent chains must
 * hold exactly the entries on that agent.
 */
describe("HoldingTable against a Map-per-list model", () => {
  it("add / update / remove keep list order and agent chains as Maps would (fast-check)", () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant("add" as const), l: fc.nat(5), a: fc.nat(40), v: fc.integer({ min: 1, max: 9 }) }),
      fc.record({ k: fc.constant("del" as const), l: fc.nat(5), a: fc.nat(40) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 150 }), (ops) => {
        const table = new HoldingTable<number>();
        const lists: HoldingList[] = [];
        for (let i = 0; i < 6; i++) lists.push(table.newList(`role${i % 2}`, i));
        const model: Map<number, number>[] = lists.map(() => new Map());
        for (const o of ops) {
          const list = lists[o.l]!;
          const e = table.find(list, o.a);
          if (o.k === "add") {
            if (e < 0) table.append(list, o.a, o.v);
            else table.setValue(e, table.value(e) + o.v);
            model[o.l]!.set(o.a, (model[o.l]!.get(o.a) ?? 0) + o.v);
          } else {
            expect(e >= 0).toBe(model[o.l]!.has(o.a));
            if (e >= 0) table.remove(e);
            model[o.l]!.delete(o.a);
          }
        }
        let total = 0;
        for (let l = 0; l < lists.length; l++) {
          const seen: [number, number][] = [];
          table.forEachIn(lists[l]!, (agent, v) => seen.push([agent, v]));
          expect(seen).toEqual([...model[l]!]);
          expect(lists[l]!.size).toBe(model[l]!.size);
          expect(table.entriesOf(lists[l]!).map((e) => table.agent(e))).toEqual([...model[l]!.keys()]);
          total += model[l]!.size;
        }
        expect(table.size()).toBe(total);
        for (let a = 0; a <= 41; a++) {
          const want = lists.map((_, l) => l).filter((l) => model[l]!.has(a)).sort();
          const got = table.onAgent(a).map((e) => table.list(e).fwSlot).sort();
          expect(got).toEqual(want);
          for (const e of table.onAgent(a)) expect(table.value(e)).toBe(model[table.list(e).fwSlot]!.get(a));
        }
      }),
      fcParams(300, 11),
    );
  });

  it("reuses the index of a removed holding without mixing it into its old list", () => {
    const table = new HoldingTable<string>();
    const a = table.newList("r", 0);
    const b = table.newList("r", 1);
    const e1 = table.append(a, 7, "x");
    table.remove(e1);
    const e2 = table.append(b, 7, "y");
    expect(e2).toBe(e1);
    expect(table.find(a, 7)).toBe(-1);
    expect(table.find(b, 7)).toBe(e2);
    expect(a.size).toBe(0);
    expect(a.head).toBe(-1);
    expect(table.entriesOf(a)).toEqual([]);
  });

  it("reuses every freed index, most recently freed first, when more holdings are freed than the first free-stack size", () => {
    const table = new HoldingTable<number>();
    const a = table.newList("r", 0);
    const n = 300;
    const made: number[] = [];
    for (let s = 0; s < n; s++) made.push(table.append(a, s, s));
    for (const e of made) table.remove(e);
    expect(table.size()).toBe(0);
    const b = table.newList("r", 1);
    const again: number[] = [];
    for (let s = 0; s < n; s++) again.push(table.append(b, s, -s));
    // No index beyond those already used, handed out in reverse order of freeing.
    expect(again).toEqual([...made].reverse());
    expect(table.entriesOf(b).map((e) => table.value(e))).toEqual(made.map((_, s) => -s));
    for (let s = 0; s < n; s++) expect(table.find(a, s)).toBe(-1);
    for (let s = 0; s < n; s++) expect(table.agent(table.find(b, s))).toBe(s);
  });
});
