/**
 * removeAgent takes back what frameworks hold on the agent and drops their
 * filters on it, however many frameworks there are: it walks the agent's
 * own holdings and the frameworks whose may-filter bit is set for it.
 */
import { describe, expect, it } from "vitest";
import { HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";

describe("removeAgent", () => {
  it("after declines with filters by many frameworks, removing agents leaves no holding, filter or share of theirs", () => {
    const clock = new ManualClock();
    let offers: [string, string, Resources][] = [];
    const allocator = new HierarchicalDRFAllocator({
      clock,
      seed: 3,
      triggeredAllocation: "deferred",
      offerCallback: (f, byRole) => {
        for (const byAgent of byRole.values()) for (const [a, r] of byAgent) offers.push([f, a, r]);
      },
    });
    for (let i = 0; i < 40; i++) allocator.addFramework(`f${i}`, { roles: ["r"] });
    const used = Resources.parse("cpus:1;mem:64").allocate("r");
    for (let i = 0; i < 12; i++) allocator.addAgent(`a${i}`, { resources: Resources.parse("cpus:4;mem:1024") }, { [`f${i % 40}`]: used });
    allocator.settle();
    for (let round = 0; round < 5; round++) {
      for (const [f, a, r] of offers) allocator.recoverResources(f, a, r, { refuseSeconds: 1000 });
      offers = [];
      clock.advance(1);
    }
    expect(allocator.activeFilters().length).toBe(5 * 12);
    // Remove half the agents: their filters and holdings go, the others' stay.
    for (let i = 0; i < 6; i++) allocator.removeAgent(`a${i}`);
    const gone = new Set(["a0", "a1", "a2", "a3", "a4", "a5"]);
    expect(allocator.activeFilters().filter((v) => gone.has(v.agent))).toEqual([]);
    expect(allocator.activeFilters().length).toBe(5 * 6);
    for (let i = 0; i < 40; i++) for (const a of allocator.frameworkAllocation(`f${i}`).keys()) expect(gone.has(a)).toBe(false);
    // Remove the rest: nothing is held, filtered or shared any more.
    for (let i = 6; i < 12; i++) allocator.removeAgent(`a${i}`);
    expect(allocator.activeFilters()).toEqual([]);
    for (let i = 0; i < 40; i++) expect(allocator.frameworkAllocation(`f${i}`).size).toBe(0);
    for (const share of allocator.dominantShares().frameworks.get("r")!.values()) expect(share).toBe(0);
    // An agent added again under an old id is offered afresh: no filter of the old one applies.
    offers = [];
    allocator.addAgent("a0", { resources: Resources.parse("cpus:4;mem:1024") });
    allocator.settle();
    expect(offers.map(([, a]) => a)).toEqual(["a0"]);
  });
});
