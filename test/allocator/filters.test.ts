import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FilterTable } from "../../src/allocator/filters.js";
import { Resources } from "../../src/resources/index.js";
import { fcParams } from "../fc-params.js";

const AGENTS = [{ id: "a" }, { id: "b" }, { id: "c" }];
const SHAPES = ["cpus:1", "cpus:2;mem:64", "mem:64", "cpus:4;mem:128;ports:[1-10]"].map((t) => Resources.parse(t));

type Op = { k: "add"; a: number; r: number; t: number } | { k: "remove"; pick: number } | { k: "removeAgent"; a: number } | { k: "covers"; a: number; r: number };

/** A filter as the plain model keeps it. */
interface ModelFilter {
  agent: { id: string };
  resources: Resources;
  expiresAt: number;
  index: number;
  generation: number;
}

describe("FilterTable (column-wise decline filters) against a list model", () => {
  it("adds, removes, answers covers() and lists filters as a list of filter records would (fast-check)", () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ k: fc.constant("add" as const), a: fc.nat(2), r: fc.nat(3), t: fc.nat(100) }),
      fc.record({ k: fc.constant("remove" as const), pick: fc.nat(50) }),
      fc.record({ k: fc.constant("removeAgent" as const), a: fc.nat(2) }),
      fc.record({ k: fc.constant("covers" as const), a: fc.nat(2), r: fc.nat(3) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const table = new FilterTable<{ id: string }>();
        let model: ModelFilter[] = [];
        const removed: ModelFilter[] = [];
        let agentOrder: string[] = [];
        for (const o of ops) {
          if (o.k === "add") {
            const index = table.add(AGENTS[o.a]!, SHAPES[o.r]!, o.t);
            model.push({ agent: AGENTS[o.a]!, resources: SHAPES[o.r]!, expiresAt: o.t, index, generation: table.generation(index) });
          } else if (o.k === "remove") {
            if (model.length === 0) continue;
            const f = model[o.pick % model.length]!;
            expect(table.remove(f.index)).toBe(f.agent);
            model = model.filter((x) => x !== f);
            removed.push(f);
          } else if (o.k === "removeAgent") {
            const agent = AGENTS[o.a]!;
            const gone = model.filter((x) => x.agent === agent);
            expect(table.removeAgent(agent)).toBe(gone.length);
            model = model.filter((x) => x.agent !== agent);
            removed.push(...gone);
          } else {
            const agent = AGENTS[o.a]!;
            const offer = SHAPES[o.r]!;
            // Twice: the second answer comes from the memo and must agree.
            const want = model.some((x) => x.agent === agent && x.resources.contains(offer));
            expect(table.covers(agent, offer)).toBe(want);
            expect(table.covers(agent, offer)).toBe(want);
          }
          expect(table.size()).toBe(model.length);
          for (const f of model) expect(table.live(f.index, f.generation)).toBe(true);
          // A removed filter's handle stays dead even when its slot is reused.
          for (const f of removed) expect(table.live(f.index, f.generation)).toBe(false);
          // Listing: an agent keeps its place from its first filter for as long
          // as it has any (as a Map of per-agent lists does); each agent's
          // filters in insertion order.
          agentOrder = agentOrder.filter((id) => model.some((f) => f.agent.id === id));
          for (const f of model) if (!agentOrder.includes(f.agent.id)) agentOrder.push(f.agent.id);
          const listed: [string, Resources, number][] = [];
          table.forEach((a, r, t) => listed.push([a.id, r, t]));
          const expected = agentOrder.flatMap((id) => model.filter((f) => f.agent.id === id)).map((f) => [f.agent.id, f.resources, f.expiresAt] as const);
          expect(listed.map(([a, , t]) => [a, t])).toEqual(expected.map(([a, , t]) => [a, t]));
          expect(listed.every(([, r], i) => r === expected[i]![1])).toBe(true);
        }
      }),
      fcParams(200, 11),
    );
  });
});
