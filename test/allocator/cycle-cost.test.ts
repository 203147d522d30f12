/**
 * The cost of a cycle grows with agents + frameworks, not with their
 * product (issue 4). Three ways it did not, each counted here:
 * - a role whose offers are shrunk below the minimum (its limit reached)
 *   was walked framework by framework for every agent; now it is left after
 *   one, unless a framework of the role has a minimum of its own, which
 *   must still be asked;
 * - while a guarantee holds headroom back, an agent every framework has
 *   filtered was walked again every cycle; now the coverage bitset passes
 *   it over, as without quota, when the headroom left would not shrink its
 *   offer;
 * - with quota, every cycle read every agent for revocable resources, so
 *   adding agents one at a time cost their number squared.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { DrfSorter } from "../../src/allocator/drf-sorter.js";
import { HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";

interface Offer {
  framework: string;
  role: string;
  agent: string;
  resources: Resources;
}

/** Counts the frameworks every DRF sorter walk visits, from now on. */
function countVisits(): { visits: number } {
  const counter = { visits: 0 };
  const walk = DrfSorter.prototype.forEachInOrder;
  vi.spyOn(DrfSorter.prototype, "forEachInOrder").mockImplementation(function (this: DrfSorter, visit) {
    return walk.call(this, (client, slot) => {
      counter.visits++;
      return visit(client, slot);
    });
  });
  return counter;
}

function limitedCluster(frameworks: { id: string; min?: string[] }[]): { allocator: HierarchicalDRFAllocator; offers: Offer[] } {
  const offers: Offer[] = [];
  const allocator = new HierarchicalDRFAllocator({
    clock: new ManualClock(),
    triggeredAllocation: "deferred",
    offerCallback: (framework, byRole) => byRole.forEach((byAgent, role) => byAgent.forEach((resources, agent) => offers.push({ framework, role, agent, resources }))),
  });
  allocator.updateQuota("lim", { limits: "cpus:1" });
  for (const f of frameworks) allocator.addFramework(f.id, { roles: ["lim"], minAllocatableResources: f.min === undefined ? undefined : { lim: f.min } });
  return { allocator, offers };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a role whose offers are shrunk below the minimum", () => {
  it("is left after one framework per agent: 20 agents cost ~20 visits, not 20 x 30", () => {
    const { allocator, offers } = limitedCluster(Array.from({ length: 30 }, (_, i) => ({ id: `f${String(i).padStart(2, "0")}` })));
    // The first agent takes the role's whole cpus limit.
    allocator.addAgent("x0", { resources: Resources.parse("cpus:1;mem:64") });
    allocator.settle();
    expect(offers).toHaveLength(1);
    const counter = countVisits();
    // What is left of these for the role is mem:16 (cpus cut by the limit): below cpus:0.01 or mem:32.
    for (let i = 1; i <= 20; i++) allocator.addAgent(`x${i}`, { resources: Resources.parse("cpus:1;mem:16") });
    allocator.settle();
    expect(offers).toHaveLength(1);
    expect(counter.visits).toBeGreaterThanOrEqual(20);
    expect(counter.visits).toBeLessThanOrEqual(40);
    allocator.close();
  });

  it("still asks a framework with its own lower minimum, after one held to the allocator's", () => {
    const { allocator, offers } = limitedCluster([{ id: "a-default" }, { id: "b-own", min: ["mem:8"] }]);
    // b-own holds mem:1000 (no cpus), so a-default comes first in the order below.
    allocator.addAgent("u", { resources: Resources.parse("mem:1000") }, new Map([["b-own", Resources.parse("mem:1000").allocate("lim")]]));
    allocator.addAgent("x0", { resources: Resources.parse("cpus:1;mem:64") });
    allocator.settle();
    expect(offers.map((o) => [o.framework, o.agent])).toEqual([["a-default", "x0"]]);
    // a-default (share 1/2) is visited before b-own (1000/1080): mem:16 is
    // below the allocator's minimum, not below b-own's.
    allocator.addAgent("x1", { resources: Resources.parse("cpus:1;mem:16") });
    allocator.settle();
    expect(offers).toHaveLength(2);
    expect(offers[1]!.framework).toBe("b-own");
    expect(offers[1]!.agent).toBe("x1");
    expect(offers[1]!.resources.equals(Resources.parse("mem:16").allocate("lim"))).toBe(true);
    allocator.close();
  });
});

describe("a cluster with headroom held back for an unsatisfied guarantee", () => {
  it("passes over agents that every framework has filtered, instead of walking 30 frameworks for each of 20 agents every cycle", () => {
    const clock = new ManualClock();
    const offers: Offer[] = [];
    const allocator = new HierarchicalDRFAllocator({
      clock,
      offerCallback: (framework, byRole) => byRole.forEach((byAgent, role) => byAgent.forEach((resources, agent) => offers.push({ framework, role, agent, resources }))),
    });
    // No framework in "g": its guarantee stays unsatisfied, and cpus:2 of headroom is held back in every cycle.
    allocator.updateQuota("g", { guarantees: "cpus:2" });
    for (let i = 0; i < 30; i++) allocator.addFramework(`f${String(i).padStart(2, "0")}`, { roles: ["other"] });
    for (let i = 0; i < 20; i++) allocator.addAgent(`a${i}`, { resources: Resources.parse("cpus:4;mem:1024") });
    // Every framework declines every agent it is offered, for long, until none is left to offer.
    for (let cycle = 0; cycle < 40 && offers.length > 0; cycle++) {
      const round = offers.splice(0);
      for (const o of round) allocator.recoverResources(o.framework, o.agent, o.resources, { refuseSeconds: 1e6 });
      clock.advance(1);
    }
    expect(offers).toHaveLength(0);
    // Each of the 600 pairs filtered (the first agent was also offered cut to cpus:2 while it alone had to hold the headroom).
    const pairs = new Set(allocator.activeFilters().map((f) => `${f.framework} ${f.agent}`));
    expect(pairs.size).toBe(600);
    const counter = countVisits();
    clock.advance(1);
    clock.advance(1);
    expect(offers).toHaveLength(0);
    // Without the bitset every cycle would visit 600 (agent, framework) pairs.
    expect(counter.visits).toBeLessThanOrEqual(20);
    allocator.close();
  });
});

describe("adding agents one at a time with a guarantee", () => {
  it("does not read every agent at each addition's cycle (the headroom reads only agents with revocable resources)", () => {
    const allocator = new HierarchicalDRFAllocator({ clock: new ManualClock(), offerCallback: () => {} });
    allocator.updateQuota("q", { guarantees: "cpus:1000" });
    allocator.addFramework("f", { roles: ["other"] });
    const revocable = vi.spyOn(Resources.prototype, "revocable");
    // Immediate mode: each addition runs a cycle, and with quota each cycle computes the headroom.
    for (let i = 0; i < 200; i++) allocator.addAgent(`a${i}`, { resources: Resources.parse("cpus:4;mem:1024") });
    // About one read per addition; reading every agent at every cycle made it 200 x 201 / 2.
    expect(revocable.mock.calls.length).toBeLessThanOrEqual(2 * 200);
    allocator.close();
  });
});
