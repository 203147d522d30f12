/**
 * The allocator keeps one private object per value of the Resources handed
 * to it (agent totals, used resources, recovered offers): its decisions do
 * not depend on whether callers share objects or pass equal copies, and a
 * caller changing its own object in place afterwards changes nothing inside.
 */
import { describe, expect, it } from "vitest";
import { HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import { Resources, ResourceError } from "../../src/resources/index.js";

const TOTAL = "cpus:8;mem:4096;disk:1024;ports:[31000-32000]";
const USED = "cpus:2;mem:1024;ports:[31000-31000,31002-31002,31004-31100]";

/** DeclineOffers in miniature; `copies` gives every call its own equal objects. Returns the offers of each cycle as text. */
function run(copies: boolean): string[][] {
  const clock = new ManualClock();
  let offers: { f: string; a: string; r: Resources }[] = [];
  const allocator = new HierarchicalDRFAllocator({
    clock,
    seed: 7,
    triggeredAllocation: "deferred",
    offerCallback: (f, byRole) => {
      for (const byAgent of byRole.values()) for (const [a, r] of byAgent) offers.push({ f, a, r });
    },
  });
  const total = Resources.parse(TOTAL), used = Resources.parse(USED).allocate("*");
  for (let i = 0; i < 5; i++) allocator.addFramework(`f${i}`, { roles: ["*"] });
  for (let i = 0; i < 40; i++) {
    allocator.addAgent(`a${i}`, { resources: copies ? Resources.parse(TOTAL) : total }, new Map([[`f${i % 5}`, copies ? Resources.parse(USED).allocate("*") : used]]));
  }
  allocator.settle();
  const cycles: string[][] = [];
  for (let round = 0; round < 6; round++) {
    cycles.push(offers.map((o) => `${o.f}@${o.a}:${o.r.unallocate().toString()}`));
    const declined = offers;
    offers = [];
    // A copying master hands back an equal object, not the one it was offered.
    for (const o of declined) allocator.recoverResources(o.f, o.a, copies ? Resources.fromProto(o.r.toProto()) : o.r, { refuseSeconds: 1000 });
    clock.advance(1);
  }
  allocator.close();
  return cycles;
}

describe("Resources handed to the allocator", () => {
  it("equal copies and shared objects give the same offers, cycle by cycle (declined offers returned as copies too)", () => {
    const shared = run(false), copied = run(true);
    expect(copied).toEqual(shared);
    // Each agent goes to one framework per cycle until all five have declined it.
    expect(shared.map((c) => c.length)).toEqual([40, 40, 40, 40, 40, 0]);
  });

  it("a caller changing its objects in place after the call changes nothing the allocator holds", () => {
    const offered: string[] = [];
    const allocator = new HierarchicalDRFAllocator({
      clock: new ManualClock(),
      triggeredAllocation: "deferred",
      offerCallback: (_f, byRole) => {
        for (const byAgent of byRole.values()) for (const r of byAgent.values()) offered.push(r.unallocate().toString());
      },
    });
    allocator.addFramework("f", { roles: ["*"] });
    const total = Resources.parse("cpus:4;mem:1024");
    const used = Resources.parse("cpus:1;mem:256").allocate("*");
    allocator.addAgent("a1", { resources: total }, { f: used });
    total.add(Resources.parse("cpus:100"));
    used.subtract(Resources.parse("mem:256").allocate("*"));
    allocator.settle();
    expect(allocator.agentResources("a1").total.toString()).toBe("cpus:4;mem:1024");
    expect(offered).toEqual(["cpus:3;mem:768"]);
    // The same (now changed) objects handed in again are taken at their new value.
    allocator.addAgent("a2", { resources: total });
    expect(allocator.agentResources("a2").total.toString()).toBe("cpus:104;mem:1024");
    allocator.updateAgent("a1", total);
    expect(allocator.agentResources("a1").total.toString()).toBe("cpus:104;mem:1024");
  });
});

describe("Resources handed out by the allocator", () => {
  it("are frozen: changing an offer in place throws and changes nothing; a clone can be changed", () => {
    let offer: Resources | undefined;
    const allocator = new HierarchicalDRFAllocator({
      clock: new ManualClock(),
      triggeredAllocation: "deferred",
      offerCallback: (_f, byRole) => {
        for (const byAgent of byRole.values()) for (const r of byAgent.values()) offer = r;
      },
    });
    allocator.addFramework("f", { roles: ["r"] });
    // Two agents of one shape: their offers are one shared object inside the allocator.
    allocator.addAgent("a1", { resources: Resources.parse("cpus:4;mem:1024") });
    allocator.addAgent("a2", { resources: Resources.parse("cpus:4;mem:1024") });
    allocator.settle();
    expect(offer!.isFrozen()).toBe(true);
    expect(() => offer!.subtract(Resources.parse("cpus:3").allocate("r"))).toThrow(ResourceError);
    expect(() => offer!.add(Resources.parse("cpus:3").allocate("r"))).toThrow(/frozen/);
    for (const a of ["a1", "a2"]) expect(allocator.frameworkAllocation("f").get(a)!.unallocate().toString()).toBe("cpus:4;mem:1024");
    const copy = offer!.clone();
    copy.subtract(Resources.parse("cpus:3").allocate("r"));
    expect(copy.unallocate().toString()).toBe("cpus:1;mem:1024");
    // The views hand out frozen objects too.
    expect(allocator.agentResources("a1").total.isFrozen()).toBe(true);
    expect(allocator.agentResources("a1").available.isFrozen()).toBe(true);
    expect(allocator.frameworkAllocationByRole("f").get("r")!.get("a1")!.isFrozen()).toBe(true);
    expect(allocator.offeredVsAllocated("a1").get("a1")!.allocated.isFrozen()).toBe(true);
    // Declining the (frozen) offer works as before.
    allocator.recoverResources("f", "a1", offer!, { refuseSeconds: 10 });
    expect(allocator.agentResources("a1").available.toString()).toBe("cpus:4;mem:1024");
  });
});
