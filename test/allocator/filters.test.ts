import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FilterStore, type FilterTable } from "../../src/allocator/filters.js";
import { Resources } from "../../src/resources/index.js";
import { fcParams } from "../fc-params.js";

const SHAPES = ["cpus:1", "cpus:2;mem:64", "mem:64", "cpus:4;mem:128;ports:[1-10]"].map((t) => Resources.parse(t).freeze());
/** The same values as SHAPES, as other objects: `covers` must answer by value, not by identity. */
const COPIES = SHAPES.map((r) => r.clone().freeze());

type Op =
  | { k: "add"; t: number; a: number; r: number; at: number }
  | { k: "remove"; pick: number }
  | { k: "removeAgent"; t: number; a: number }
  | { k: "covers"; t: number; a: number; r: number; copy: boolean }
  | { k: "release"; t: number };

/** A filter as the plain model keeps it. */
interface ModelFilter {
  table: number;
  agent: number;
  resources: Resources;
  expiresAt: number;
  index: number;
  generation: number;
}

describe("FilterStore (decline filters of all tables in typed columns) against a list model", () => {
  it("adds, removes, releases, answers covers() and lists filters as per-table lists of filter records would (fast-check)", () => {
    const TABLES = 3;
    // Mostly 4 agents (several filters per chain, indexes reused), sometimes
    // up to 40 (the (table, agent) hash grows and deletes shift entries back).
    const agent = fc.oneof({ weight: 3, arbitrary: fc.nat(3) }, { weight: 1, arbitrary: fc.nat(39) });
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: fc.record({ k: fc.constant("add" as const), t: fc.nat(TABLES - 1), a: agent, r: fc.nat(3), at: fc.nat(100) }) },
      { weight: 2, arbitrary: fc.record({ k: fc.constant("remove" as const), pick: fc.nat(200) }) },
      { weight: 1, arbitrary: fc.record({ k: fc.constant("removeAgent" as const), t: fc.nat(TABLES - 1), a: agent }) },
      { weight: 2, arbitrary: fc.record({ k: fc.constant("covers" as const), t: fc.nat(TABLES - 1), a: agent, r: fc.nat(3), copy: fc.boolean() }) },
      { weight: 1, arbitrary: fc.record({ k: fc.constant("release" as const), t: fc.nat(TABLES - 1) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120, size: "max" }), fc.boolean(), fc.integer({ min: 2, max: 16 }), (ops, shrinkOften, pageBits) => {
        // Half the cases let the columns go back to their first size each
        // time the last filter goes: handles from before must stay dead.
        // Pages of 4 to 65,536 filters: small ones put chains across pages.
        const store = new FilterStore(shrinkOften ? 0 : undefined, pageBits);
        const tables: FilterTable[] = [];
        for (let t = 0; t < TABLES; t++) tables.push(store.newTable());
        let model: ModelFilter[] = [];
        const removed: ModelFilter[] = [];
        // Per table: agents in the order their current run of filters started.
        const order: number[][] = Array.from({ length: TABLES }, () => []);
        for (const o of ops) {
          if (o.k === "add") {
            const index = tables[o.t]!.add(o.a, SHAPES[o.r]!, o.at);
            model.push({ table: o.t, agent: o.a, resources: SHAPES[o.r]!, expiresAt: o.at, index, generation: tables[o.t]!.generation(index) });
            if (!order[o.t]!.includes(o.a)) order[o.t]!.push(o.a);
          } else if (o.k === "remove") {
            if (model.length === 0) continue;
            const f = model[o.pick % model.length]!;
            expect(tables[f.table]!.agentOf(f.index)).toBe(f.agent);
            expect(tables[f.table]!.remove(f.index)).toBe(f.agent);
            model = model.filter((x) => x !== f);
            removed.push(f);
          } else if (o.k === "removeAgent") {
            const gone = model.filter((x) => x.table === o.t && x.agent === o.a);
            expect(tables[o.t]!.removeAgent(o.a)).toBe(gone.length);
            model = model.filter((x) => !gone.includes(x));
            removed.push(...gone);
          } else if (o.k === "covers") {
            const offer = (o.copy ? COPIES : SHAPES)[o.r]!;
            // Twice: the second answer comes from the memo and must agree.
            const want = model.some((x) => x.table === o.t && x.agent === o.a && x.resources.contains(offer));
            expect(tables[o.t]!.covers(o.a, offer)).toBe(want);
            expect(tables[o.t]!.covers(o.a, offer)).toBe(want);
          } else {
            const gone = model.filter((x) => x.table === o.t);
            tables[o.t]!.release();
            tables[o.t] = store.newTable();
            model = model.filter((x) => !gone.includes(x));
            removed.push(...gone);
          }
          for (let t = 0; t < TABLES; t++) {
            const mine = model.filter((f) => f.table === t);
            expect(tables[t]!.size()).toBe(mine.length);
            // An agent keeps its place from its first filter for as long as
            // it has any (as a Map of per-agent lists does); each agent's
            // filters in insertion order.
            order[t] = order[t]!.filter((a) => mine.some((f) => f.agent === a));
            const listed: [number, Resources, number][] = [];
            tables[t]!.forEach((a, r, at) => listed.push([a, r, at]));
            const expected = order[t]!.flatMap((a) => mine.filter((f) => f.agent === a));
            expect(listed.map(([a, , at]) => [a, at])).toEqual(expected.map((f) => [f.agent, f.expiresAt]));
            expect(listed.every(([, r], i) => r === expected[i]!.resources)).toBe(true);
          }
          for (const f of model) expect(tables[f.table]!.live(f.index, f.generation)).toBe(true);
          // A removed filter's handle stays dead, also when its index is reused (by any table).
          for (const f of removed) for (const t of tables) expect(t.live(f.index, f.generation)).toBe(false);
          expect(store.filterCount()).toBe(model.length);
          expect(store.heldResources()).toBe(new Set(model.map((f) => f.resources)).size);
        }
        // Released tables take their filters and their resources with them.
        for (const t of tables) t.release();
        expect(store.filterCount()).toBe(0);
        expect(store.heldResources()).toBe(0);
      }),
      fcParams(60, 11),
    );
  });

  it("finds every (table, agent) pair while pairs come and go, also in probe runs that wrap around the hash's end (fast-check)", () => {
    const r = SHAPES[0]!;
    // Each table's hash grows (and rehashes) as its agents come: lookups
    // are checked after every step, not only at the end.
    let grown = 0;
    fc.assert(
      fc.property(fc.array(fc.record({ add: fc.boolean(), t: fc.nat(7), a: fc.nat(127) }), { minLength: 200, maxLength: 600 }), (steps) => {
        const store = new FilterStore();
        const tables = Array.from({ length: 8 }, () => store.newTable());
        const present = new Set<number>();
        let previous = steps[0]!;
        for (const s of steps) {
          const key = s.t * 128 + s.a;
          if (s.add && !present.has(key)) {
            tables[s.t]!.add(s.a, r, 0);
            present.add(key);
          } else if (!s.add && present.has(key)) {
            expect(tables[s.t]!.removeAgent(s.a)).toBe(1);
            present.delete(key);
          }
          if (store.hashSlots(tables[s.t]!.id) > 8) grown++;
          for (const x of [s, previous]) expect(tables[x.t]!.covers(x.a, r)).toBe(present.has(x.t * 128 + x.a));
          previous = s;
        }
        for (let t = 0; t < 8; t++) for (let a = 0; a < 128; a++) expect(tables[t]!.covers(a, r)).toBe(present.has(t * 128 + a));
      }),
      fcParams(100, 11),
    );
    expect(grown).toBeGreaterThan(0);
  });

  it("grows the hashes of tables that fill in step at different times, so no single add rehashes them all", () => {
    // DeclineOffers' pattern: every framework declines one more agent per
    // round. One hash for all tables rehashed ~a million entries in one call.
    const store = new FilterStore();
    const tables = Array.from({ length: 200 }, () => store.newTable());
    const r = SHAPES[0]!;
    let most = 0;
    for (let a = 0; a < 3000; a++) {
      let growing = 0;
      for (const t of tables) {
        const before = store.hashSlots(t.id);
        t.add(a, r, 0);
        if (before >= 256 && store.hashSlots(t.id) > before) growing++;
      }
      most = Math.max(most, growing);
    }
    expect(store.hashSlots(tables[0]!.id)).toBeGreaterThanOrEqual(4096);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(25);
    for (const t of tables) expect(t.covers(2999, r) && t.covers(0, r) && !t.covers(3000, r)).toBe(true);
  });

  it("answers a look-up through a released table's handle with no filter (instead of failing)", () => {
    const store = new FilterStore();
    const t = store.newTable();
    for (let a = 0; a < 100; a++) t.add(a, SHAPES[0]!, 1);
    t.release();
    expect(t.covers(5, SHAPES[0]!)).toBe(false);
    expect(t.removeAgent(5)).toBe(0);
    expect(t.size()).toBe(0);
  });

  it("forgets a removed filter's covers() answer when its index is reused", () => {
    const store = new FilterStore();
    const t = store.newTable();
    const small = SHAPES[0]!; // cpus:1
    const big = SHAPES[3]!; // cpus:4;mem:128;ports:[1-10]
    const f = t.add(0, small, 1);
    expect(t.covers(0, big)).toBe(false);
    t.remove(f);
    expect(t.add(0, big, 2)).toBe(f);
    expect(t.covers(0, big)).toBe(true);
  });

  it("gives its memory back when the last filter goes, and no handle from before matches a new filter", () => {
    const store = new FilterStore(1024);
    let t = store.newTable();
    const r = SHAPES[1]!;
    const handles: [number, number][] = [];
    for (let a = 0; a < 5000; a++) {
      const f = t.add(a, r, a);
      handles.push([f, t.generation(f)]);
    }
    expect(store.capacity()).toBeGreaterThanOrEqual(5000);
    // All but one go: the columns keep their size while a filter lives.
    for (const [f] of handles.slice(1)) t.remove(f);
    expect(store.capacity()).toBeGreaterThanOrEqual(5000);
    // Empty after a burst that used them: they keep their size (a steady
    // pattern of filters that all expire and come back would regrow them).
    t.removeAgent(0);
    expect(store.filterCount()).toBe(0);
    expect(store.heldResources()).toBe(0);
    expect(store.capacity()).toBeGreaterThanOrEqual(5000);
    // Empty again after using a quarter at most: back to the first size.
    const few = Array.from({ length: 10 }, (_, a) => t.add(a, r, 0));
    handles.push(...few.map((f): [number, number] => [f, t.generation(f)]));
    t.release();
    expect(store.capacity()).toBeLessThanOrEqual(1024);
    expect(store.heldResources()).toBe(0);
    t = store.newTable();
    // New filters reuse the first indexes; the old handles on them stay dead.
    const fresh = Array.from({ length: 100 }, (_, a) => t.add(a, r, 1));
    for (const [f, g] of handles) expect(t.live(f, g)).toBe(false);
    for (const f of fresh) expect(t.live(f, t.generation(f))).toBe(true);
    expect(t.covers(7, COPIES[1]!)).toBe(true);
    expect(t.size()).toBe(100);
  });

  it("keeps a million filters of a thousand tables in typed columns, and releasing the tables frees them all", () => {
    const store = new FilterStore();
    const tables = Array.from({ length: 1000 }, () => store.newTable());
    const r = SHAPES[1]!;
    for (let round = 0; round < 100; round++) for (let a = 0; a < 10; a++) for (const t of tables) t.add(round * 10 + a, r, round);
    expect(store.filterCount()).toBe(1_000_000);
    expect(tables[7]!.covers(993, COPIES[1]!)).toBe(true);
    expect(tables[7]!.covers(1000, COPIES[1]!)).toBe(false);
    expect(tables[7]!.removeAgent(993)).toBe(1);
    expect(tables[7]!.covers(993, COPIES[1]!)).toBe(false);
    for (const t of tables) t.release();
    expect(store.filterCount()).toBe(0);
    expect(store.heldResources()).toBe(0);
  });
});
