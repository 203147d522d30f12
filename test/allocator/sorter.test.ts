import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AssignBatch, TRAIT_ASK, TRAIT_GPU } from "../../src/allocator/assign-batch.js";
import { DrfSorter, RandomSorter, type Sorter } from "../../src/allocator/index.js";
import { NAMES, type QVec } from "../../src/allocator/quantities.js";
import { fcParams } from "../fc-params.js";

function q(cpus: number, mem: number): QVec {
  const v: QVec = [];
  const c = NAMES.id("cpus");
  const m = NAMES.id("mem");
  while (v.length <= Math.max(c, m)) v.push(0);
  v[c] = cpus * 1000;
  v[m] = mem * 1000;
  return v;
}

const kinds: [string, () => Sorter][] = [
  ["drf", () => new DrfSorter()],
  ["random", () => new RandomSorter(7)],
];

describe.each(kinds)("Sorter contract: %s", (_name, make) => {
  it("sorts only active clients, each once", () => {
    const s = make();
    s.addTotal(q(10, 100));
    for (const c of ["a", "b", "c", "d/e"]) s.add(c);
    s.activate("a");
    s.activate("c");
    s.activate("d/e");
    expect(s.sort().sort()).toEqual(["a", "c", "d/e"]);
    s.deactivate("c");
    expect(s.sort().sort()).toEqual(["a", "d/e"]);
    expect(s.count()).toBe(4);
    expect(s.contains("b")).toBe(true);
  });
  it("prepare() changes neither the order nor the shares (and draws nothing from a random sorter)", () => {
    // Two sorters fed the same events, one prepared at every step: their
    // orders and shares must not differ.
    const build = (): Sorter => {
      const s = make();
      s.addTotal(q(40, 400));
      for (const c of ["a", "b", "c", "d", "e/f"]) {
        s.add(c);
        s.activate(c);
      }
      return s;
    };
    const plain = build();
    const prepared = build();
    const steps: [string, QVec, boolean][] = [["a", q(4, 10), false], ["c", q(1, 80), true], ["b", q(2, 2), false], ["a", q(4, 10), true], ["e/f", q(3, 3), false]];
    for (const [client, amount, giveBack] of steps) {
      prepared.prepare();
      for (const s of [plain, prepared]) {
        s.allocated(client, amount);
        if (giveBack) s.unallocated(client, q(1, 1));
      }
      prepared.prepare();
      expect(prepared.sort()).toEqual(plain.sort());
      for (const c of ["a", "b", "c", "d", "e/f"]) expect(prepared.share(c)).toBe(plain.share(c));
    }
  });

  it("allocatedAt(slotOf(c)) has the effect of allocated(c), also after slots are reused", () => {
    const byPath = make();
    const bySlot = make();
    for (const s of [byPath, bySlot]) {
      s.addTotal(q(10, 100));
      for (const c of ["a", "b", "c/d", "c/e"]) {
        s.add(c);
        s.activate(c);
      }
      s.remove("b");
      s.add("f");
      s.activate("f");
    }
    const steps: [string, QVec][] = [["a", q(1, 5)], ["c/d", q(2, 1)], ["f", q(1, 1)], ["a", q(0, 30)], ["c/e", q(3, 3)]];
    for (const [c, v] of steps) {
      byPath.allocated(c, v);
      bySlot.allocatedAt(bySlot.slotOf(c), v);
    }
    for (const c of ["a", "c/d", "c/e", "f"]) expect(bySlot.allocation(c)).toEqual(byPath.allocation(c));
    expect(bySlot.sort()).toEqual(byPath.sort());
    expect(bySlot.allocation("c/d")[NAMES.id("cpus")]).toBe(2000);
  });
  it("tracks allocations up the tree and removes clients", () => {
    const s = make();
    s.addTotal(q(10, 100));
    s.add("x/y");
    s.activate("x/y");
    s.allocated("x/y", q(2, 10));
    expect(s.allocation("x/y")[NAMES.id("cpus")]).toBe(2000);
    s.unallocated("x/y", q(1, 5));
    expect(s.allocation("x/y")[NAMES.id("cpus")]).toBe(1000);
    s.remove("x/y");
    expect(s.contains("x/y")).toBe(false);
    expect(s.sort()).toEqual([]);
  });
  it("forEachInOrder visits what sort() returns, even when the visited client is allocated to", () => {
    const s = make();
    s.addTotal(q(10, 100));
    for (const c of ["a", "b", "c", "d"]) {
      s.add(c);
      s.activate(c);
    }
    const expected = s.sort();
    if (_name === "random") return; // random: every sort draws a new order
    const seen: string[] = [];
    s.forEachInOrder((c) => {
      seen.push(c);
      s.allocated(c, q(1, 1));
    });
    expect(seen).toEqual(expected);
  });
});

describe.each(kinds)("Sorter.assignInOrder: %s", (_name, make) => {
  // Random batches against the walk they stand for, on a twin sorter fed
  // the same events: per entry, `forEachInOrder` to the first client that
  // is neither skipped nor refused, then `allocatedAt`. Skip bits, traits
  // and check bits are random; "asks" are answered from a random table, a
  // refusal marking the skip row as the allocator does.
  const entry = fc.record({
    cpus: fc.integer({ min: 1, max: 8 }),
    mem: fc.integer({ min: 1, max: 64 }),
    skip: fc.nat(63),
    check: fc.nat(63),
    gpu: fc.boolean(),
    refuse: fc.nat(63),
  });
  it("gives each entry to the client the per-entry walk gives it, and leaves the same order", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 25 }), fc.nat(63), fc.nat(63), fc.nat(63), (entries, inactive, gpuOff, asks) => {
        const clients = ["a", "b", "c", "d", "e", "f"];
        const build = (): Sorter => {
          const s = make();
          s.addTotal(q(100, 1000));
          for (const c of clients) s.add(c);
          clients.forEach((c, i) => {
            if ((inactive & (1 << i)) === 0) s.activate(c);
          });
          s.allocated("c", q(3, 10));
          return s;
        };
        const batched = build();
        const walked = build();
        const slots = clients.map((c) => batched.slotOf(c));
        const b = new AssignBatch();
        b.setClientSlots(batched.slotCapacity());
        b.skip = new Int32Array(entries.length + 1);
        b.skipWords = 1;
        b.check = new Int32Array(entries.length + 1);
        b.checkWords = 1;
        clients.forEach((_c, i) => {
          // The check matrix's columns are the sorter's slots reversed, to test slotColumn.
          b.slotColumn[slots[i]!] = 31 - slots[i]!;
          b.slotTraits[slots[i]!] = ((gpuOff >> i) & 1) !== 0 ? TRAIT_GPU : 0;
          if (((asks >> i) & 1) !== 0 && i % 3 === 0) b.slotTraits[slots[i]!]! |= TRAIT_ASK;
        });
        const skipRows = entries.map((e) => slots.reduce((w, s, i) => (((e.skip >> i) & 1) !== 0 ? w | (1 << s) : w), 0));
        const checkRows = entries.map((e) => slots.reduce((w, s, i) => (((e.check >> i) & 1) !== 0 ? w | (1 << (31 - s)) : w), 0));
        entries.forEach((e, k) => {
          b.skip[k] = skipRows[k]!;
          b.check[k] = checkRows[k]!;
          b.push(q(e.cpus, e.mem), k, k, (e.gpu ? TRAIT_GPU : 0) | TRAIT_ASK);
        });
        const refuses = (k: number, slot: number): boolean => ((entries[k]!.refuse >> slots.indexOf(slot)) & 1) !== 0;
        let asked = 0;
        for (let k = batched.assignInOrder(b, 0); k < b.n; k = batched.assignInOrder(b, k)) {
          asked++;
          const slot = b.askSlot;
          if (refuses(k, slot)) b.skip[k]! |= 1 << slot;
          else b.granted = slot;
        }
        // The walk it stands for.
        entries.forEach((e, k) => {
          let given = -1;
          walked.forEachInOrder((_c, slot) => {
            if ((skipRows[k]! & (1 << slot)) !== 0) return;
            const ask = (b.traits[k]! & b.slotTraits[slot]!) !== 0 || (checkRows[k]! & (1 << (31 - slot))) !== 0;
            if (ask && refuses(k, slot)) return;
            given = slot;
            return false;
          });
          if (given >= 0) walked.allocatedAt(given, q(e.cpus, e.mem));
          expect(b.out[k], `entry ${k}`).toBe(given);
        });
        expect(asked).toBeLessThanOrEqual(entries.length * clients.length);
        expect(batched.sort()).toEqual(walked.sort());
        for (const c of clients) expect(batched.allocation(c)).toEqual(walked.allocation(c));
      }),
      fcParams(300, 0xa551),
    );
  });
});

describe("RandomSorter.forEachInOrder draws lazily what sort() draws", () => {
  // Twin sorters with one seed and the same events: one walks with
  // forEachInOrder, stopping after a random number of clients; the other
  // draws sort(). The walk must visit sort()'s first clients, and leave the
  // generator where sort() left it (the next orders agree too). Integer
  // weights take the Fenwick draws (more than 8 clients), fractional ones
  // the linear scan; a nested client makes the tree hierarchical (the walk
  // is then sort() itself).
  const event = fc.oneof(
    fc.record({ k: fc.constant("walk" as const), stop: fc.nat(40) }),
    fc.record({ k: fc.constantFrom("activate" as const, "deactivate" as const), c: fc.nat(29) }),
    fc.record({ k: fc.constant("weight" as const), c: fc.nat(29), w: fc.constantFrom(1, 2, 3, 7, 0.5, 2.5) }),
  );
  it("visits sort()'s order and leaves the generator as sort() does (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.boolean(), fc.array(event, { maxLength: 30 }), fc.integer({ min: 1, max: 1000 }), (n, nested, events, seed) => {
        const names = Array.from({ length: n }, (_, i) => (nested && i === n - 1 ? "g/h" : `c${i}`));
        const build = (): RandomSorter => {
          const s = new RandomSorter(seed);
          for (const c of names) {
            s.add(c);
            s.activate(c);
          }
          return s;
        };
        const lazy = build();
        const eager = build();
        for (const e of events) {
          if (e.k === "walk") {
            const order = eager.sort();
            const seen: string[] = [];
            lazy.forEachInOrder((c) => {
              seen.push(c);
              if (seen.length > e.stop) return false;
            });
            expect(seen).toEqual(order.slice(0, Math.min(order.length, e.stop + 1)));
          } else {
            const c = names[e.c % n]!;
            for (const s of [lazy, eager]) {
              if (e.k === "weight") s.updateWeight(c, e.w);
              else if (e.k === "activate") s.activate(c);
              else s.deactivate(c);
            }
          }
        }
        expect(lazy.sort()).toEqual(eager.sort());
      }),
      fcParams(400, 0x5a7d),
    );
  });
});

describe("DrfSorter.forEachInOrderAmong", () => {
  it("visits the given clients as the subsequence of sort(), skipping inactive and unknown slots", () => {
    const s = new DrfSorter();
    s.addTotal(q(10, 100));
    for (const c of ["a", "b", "c", "d", "e"]) {
      s.add(c);
      s.activate(c);
    }
    s.allocated("a", q(3, 0));
    s.allocated("c", q(1, 0));
    s.deactivate("e");
    const order = s.sort(); // b, d, c, a
    const pick = ["a", "c", "d", "e"].map((c) => s.slotOf(c));
    const seen: string[] = [];
    s.forEachInOrderAmong([...pick, 999], (c) => void seen.push(c));
    expect(seen).toEqual(order.filter((c) => ["a", "c", "d"].includes(c)));
  });
});

describe("DrfSorter structural changes after incremental moves", () => {
  it("removing, deactivating and adding clients after allocations keeps the order right", () => {
    const s = new DrfSorter();
    s.addTotal(q(10, 100));
    for (const c of ["a", "b", "c", "d"]) {
      s.add(c);
      s.activate(c);
    }
    expect(s.sort()).toEqual(["a", "b", "c", "d"]);
    s.allocated("a", q(1, 0)); // a moves to the end
    s.allocated("b", q(2, 0)); // b after a
    s.remove("c");
    expect(s.sort()).toEqual(["d", "a", "b"]);
    s.allocated("d", q(3, 0));
    s.deactivate("a");
    s.add("e");
    s.activate("e");
    expect(s.sort()).toEqual(["e", "b", "d"]);
  });
});

describe("DrfSorter (Mesos DRFSorter semantics)", () => {
  it("orders by dominant share, then allocation count, then name", () => {
    const s = new DrfSorter();
    s.addTotal(q(10, 100));
    for (const c of ["b", "a", "c"]) {
      s.add(c);
      s.activate(c);
    }
    expect(s.sort()).toEqual(["a", "b", "c"]); // all zero: by name
    s.allocated("a", q(1, 50)); // a: 0.5 (mem)
    s.allocated("b", q(3, 0)); // b: 0.3
    expect(s.sort()).toEqual(["c", "b", "a"]);
    s.allocated("c", q(3, 0)); // c ties b at 0.3, same count -> name
    expect(s.sort()).toEqual(["b", "c", "a"]);
    s.allocated("b", q(0, 0)); // b counts 2 allocations now
    expect(s.sort()).toEqual(["c", "b", "a"]);
  });
  it("allocatedAt(slot, sum, times) counts `times` allocations, as that many separate calls do", () => {
    const setup = (): DrfSorter => {
      const s = new DrfSorter();
      s.addTotal(q(10, 100));
      for (const c of ["a", "b"]) {
        s.add(c);
        s.activate(c);
      }
      return s;
    };
    // a gets 3 allocations, b one of the same total: equal shares, so the count decides (b first).
    const separate = setup();
    for (let i = 0; i < 3; i++) separate.allocated("a", q(1, 1));
    separate.allocated("b", q(3, 3));
    const batched = setup();
    batched.allocatedAt(batched.slotOf("a"), q(3, 3), 3);
    batched.allocatedAt(batched.slotOf("b"), q(3, 3));
    expect(separate.sort()).toEqual(["b", "a"]);
    expect(batched.sort()).toEqual(["b", "a"]);
    expect(batched.allocationCount("a")).toBe(3);
    expect(batched.allocation("a")).toEqual(separate.allocation("a"));
  });
  it("divides shares by weight and excludes fairness-excluded names", () => {
    const s = new DrfSorter(["gpus"]);
    const gpus = NAMES.id("gpus");
    const total = q(10, 100);
    while (total.length <= gpus) total.push(0);
    total[gpus] = 4000;
    s.addTotal(total);
    for (const c of ["r1", "r2"]) {
      s.add(c);
      s.activate(c);
    }
    const g = q(1, 0);
    while (g.length <= gpus) g.push(0);
    g[gpus] = 4000; // all GPUs, but GPUs do not count
    s.allocated("r1", g); // share 0.1
    s.allocated("r2", q(3, 0)); // share 0.3
    expect(s.sort()).toEqual(["r1", "r2"]);
    s.updateWeight("r2", 4); // 0.3 / 4 = 0.075
    expect(s.sort()).toEqual(["r2", "r1"]);
    expect(s.share("r2")).toBeCloseTo(0.075, 12);
  });
  it("shares hierarchically: children of a role sort within it", () => {
    const s = new DrfSorter();
    s.addTotal(q(10, 100));
    for (const c of ["eng", "eng/web", "ops"]) {
      s.add(c);
      s.activate(c);
    }
    s.allocated("eng/web", q(2, 0)); // eng subtree 0.2
    s.allocated("ops", q(1, 0)); // ops 0.1
    // ops first (0.1 < 0.2), then inside eng: eng's own leaf (0) before eng/web (0.2).
    expect(s.sort()).toEqual(["ops", "eng", "eng/web"]);
  });
});
