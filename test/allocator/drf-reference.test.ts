import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DrfSorter } from "../../src/allocator/index.js";
import { NAMES, type QVec } from "../../src/allocator/quantities.js";
import { fcParams } from "../fc-params.js";

/**
 * A naive reference of Mesos' DRF order, written from sorter.hpp/cpp's
 * contract: flat clients, share = max over names of alloc/total / weight,
 * ties by allocation count then name. The incremental sorter must agree
 * with it after any sequence of operations.
 */
class ReferenceDrf {
  clients = new Map<string, { active: boolean; alloc: number[]; count: number }>();
  total = [0, 0];
  weights = new Map<string, number>();
  share(c: string): number {
    const x = this.clients.get(c)!;
    let s = 0;
    for (let i = 0; i < 2; i++) if (this.total[i]! > 0) s = Math.max(s, x.alloc[i]! / 1000 / (this.total[i]! / 1000));
    return s / (this.weights.get(c) ?? 1);
  }
  sort(): string[] {
    return [...this.clients]
      .filter(([, x]) => x.active)
      .map(([c, x]) => ({ c, s: this.share(c), n: x.count }))
      .sort((a, b) => (a.s !== b.s ? a.s - b.s : a.n !== b.n ? a.n - b.n : a.c < b.c ? -1 : a.c > b.c ? 1 : 0))
      .map((e) => e.c);
  }
}

const CPU = NAMES.id("cpus");
const MEM = NAMES.id("mem");
function vec(c: number, m: number): QVec {
  const v: QVec = [];
  while (v.length <= Math.max(CPU, MEM)) v.push(0);
  v[CPU] = c;
  v[MEM] = m;
  return v;
}

type SOp =
  | { k: "add" | "remove" | "activate" | "deactivate"; c: number }
  | { k: "alloc" | "unalloc"; c: number; cpu: number; mem: number }
  | { k: "total"; cpu: number; mem: number }
  | { k: "weight"; c: number; w: number }
  | { k: "sort" };

const ops: fc.Arbitrary<SOp> = fc.oneof(
  fc.record({ k: fc.constantFrom("add" as const, "remove" as const, "activate" as const, "deactivate" as const), c: fc.nat(5) }),
  fc.record({ k: fc.constantFrom("alloc" as const, "unalloc" as const), c: fc.nat(5), cpu: fc.nat(3000), mem: fc.nat(5000) }),
  fc.record({ k: fc.constant("total" as const), cpu: fc.integer({ min: 1, max: 20000 }), mem: fc.integer({ min: 1, max: 50000 }) }),
  fc.record({ k: fc.constant("weight" as const), c: fc.nat(5), w: fc.constantFrom(0.5, 1, 2, 3) }),
  fc.record({ k: fc.constant("sort" as const) }),
);

describe("DrfSorter agrees with a naive reference DRF order", () => {
  it("after random operation sequences (incremental repositioning, lazy re-sorts, forEachInOrder)", () => {
    fc.assert(
      fc.property(fc.array(ops, { maxLength: 60 }), (seq) => {
        const s = new DrfSorter();
        const r = new ReferenceDrf();
        s.addTotal(vec(10000, 20000));
        r.total = [10000, 20000];
        for (const op of seq) {
          const name = "c" + ("c" in op ? op.c : 0);
          const has = r.clients.has(name);
          switch (op.k) {
            case "add":
              if (!has) {
                s.add(name);
                r.clients.set(name, { active: false, alloc: [0, 0], count: 0 });
              }
              break;
            case "remove":
              if (has) {
                s.remove(name);
                r.clients.delete(name);
              }
              break;
            case "activate":
            case "deactivate":
              if (has) {
                if (op.k === "activate") s.activate(name);
                else s.deactivate(name);
                r.clients.get(name)!.active = op.k === "activate";
              }
              break;
            case "alloc":
              if (has) {
                s.allocated(name, vec(op.cpu, op.mem));
                const x = r.clients.get(name)!;
                x.alloc[0]! += op.cpu;
                x.alloc[1]! += op.mem;
                x.count++;
              }
              break;
            case "unalloc":
              if (has) {
                const x = r.clients.get(name)!;
                const c = Math.min(op.cpu, x.alloc[0]!);
                const m = Math.min(op.mem, x.alloc[1]!);
                s.unallocated(name, vec(c, m));
                x.alloc[0]! -= c;
                x.alloc[1]! -= m;
              }
              break;
            case "total":
              s.removeTotal(vec(r.total[0]!, r.total[1]!));
              s.addTotal(vec(op.cpu, op.mem));
              r.total = [op.cpu, op.mem];
              break;
            case "weight":
              s.updateWeight(name, op.w);
              r.weights.set(name, op.w);
              break;
            case "sort": {
              expect(s.sort()).toEqual(r.sort());
              // forEachInOrder while allocating to each visited client == the snapshot order.
              const expected = r.sort();
              const seen: string[] = [];
              s.forEachInOrder((c) => {
                seen.push(c);
                s.allocated(c, vec(1, 1));
                const x = r.clients.get(c)!;
                x.alloc[0]! += 1;
                x.alloc[1]! += 1;
                x.count++;
              });
              expect(seen).toEqual(expected);
              break;
            }
          }
        }
        expect(s.sort()).toEqual(r.sort());
      }),
      fcParams(300, 11),
    );
  });
  it("over many rounds of DeclineOffers-like moves (front client to the end, and moves from random positions)", () => {
    // Thousands of moves without a structural change: the order's window
    // slides and is moved back to its buffer's start many times.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.record({ c: fc.nat(39), cpu: fc.nat(50), mem: fc.nat(50) }), { maxLength: 40 }), (n, extra) => {
        const s = new DrfSorter();
        const r = new ReferenceDrf();
        s.addTotal(vec(1_000_000, 1_000_000));
        r.total = [1_000_000, 1_000_000];
        for (let i = 0; i < n; i++) {
          const name = `c${i}`;
          s.add(name);
          s.activate(name);
          r.clients.set(name, { active: true, alloc: [0, 0], count: 0 });
        }
        const give = (c: string, cpu: number, mem: number): void => {
          s.allocated(c, vec(cpu, mem));
          const x = r.clients.get(c)!;
          x.alloc[0]! += cpu;
          x.alloc[1]! += mem;
          x.count++;
        };
        for (let round = 0; round < 3 * n + 20; round++) {
          // The first client in order takes an offer (it moves to the end).
          s.forEachInOrder((c) => {
            give(c, 10, 10);
            return false;
          });
          const e = extra[round % Math.max(1, extra.length)];
          if (e !== undefined && e.c < n) give(`c${e.c}`, e.cpu, e.mem);
          expect(s.sort()).toEqual(r.sort());
        }
      }),
      fcParams(200, 5),
    );
  });
});
