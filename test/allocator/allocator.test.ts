import { describe, expect, it } from "vitest";
import { AllocatorError, HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";

function make(extra: Partial<ConstructorParameters<typeof HierarchicalDRFAllocator>[0]> = {}) {
  const clock = new ManualClock();
  const offers: { f: string; role: string; a: string; r: string }[] = [];
  const allocator = new HierarchicalDRFAllocator({
    clock,
    offerCallback: (f, byRole) => {
      for (const [role, m] of byRole) for (const [a, r] of m) offers.push({ f, role, a, r: r.unallocate().toString() });
    },
    ...extra,
  });
  return { clock, offers, allocator };
}

describe("HierarchicalDRFAllocator", () => {
  it.each([
    [true, 3000],
    // Mesos: a nested role has DEFAULT_QUOTA, so eng's limit does not bound it (scenario random-028 records this).
    [false, 4000],
  ])("limitNestedRoles=%s: cpus offered to eng/web + eng/batch in one cycle under eng's limit of 3 cpus = %d", (limitNestedRoles, cpus) => {
    const { allocator, offers } = make({ limitNestedRoles, triggeredAllocation: "deferred" });
    allocator.updateQuota("eng", { limits: "cpus:3" });
    allocator.addFramework("web", { roles: ["eng/web"] });
    allocator.addFramework("batch", { roles: ["eng/batch"] });
    allocator.addAgent("a1", { resources: Resources.parse("cpus:2;mem:1024") });
    allocator.addAgent("a2", { resources: Resources.parse("cpus:2;mem:1024") });
    allocator.settle();
    expect(offers.reduce((sum, o) => sum + Resources.parse(o.r).scalar("cpus"), 0)).toBe(cpus);
    // Memory has no limit: all of it is offered either way.
    expect(offers.reduce((sum, o) => sum + Resources.parse(o.r).scalar("mem"), 0)).toBe(2048000);
  });
  it.each([1, 3])("a quota limit holds across agents of one shape offered to one role in one cycle (%d frameworks)", (n) => {
    // Agents with equal resources share their candidate objects: whatever the
    // cycle derives from one agent's candidate must see what the offers on
    // the agents before it consumed of the limit.
    const { allocator, offers } = make({ triggeredAllocation: "deferred" });
    allocator.updateQuota("r", { limits: "cpus:3" });
    for (let i = 0; i < n; i++) allocator.addFramework(`f${i}`, { roles: ["r"] });
    for (let i = 0; i < 4; i++) allocator.addAgent(`a${i}`, { resources: Resources.parse("cpus:2;mem:1024") });
    allocator.settle();
    expect(offers.reduce((sum, o) => sum + Resources.parse(o.r).scalar("cpus"), 0)).toBe(3000);
    expect(offers.reduce((sum, o) => sum + Resources.parse(o.r).scalar("mem"), 0)).toBe(4096000);
  });
  it("a quota limit cuts a plain disk down to what is left of it but never offers part of a MOUNT disk (Mesos' Resources::shrink)", () => {
    const got: Resources[] = [];
    const a = new HierarchicalDRFAllocator({
      clock: new ManualClock(),
      triggeredAllocation: "deferred",
      offerCallback: (_f, byRole) => byRole.forEach((m) => m.forEach((r) => got.push(r.unallocate()))),
    });
    a.updateQuota("r", { limits: "disk:40" });
    a.addFramework("f", { roles: ["r"] });
    const mount = Resources.fromProto([{ name: "disk", type: "SCALAR", scalar: 100, disk: { source: { type: "MOUNT", mount: { root: "/mnt/a" } } } } as never]);
    a.addAgent("plain", { resources: Resources.parse("cpus:2;mem:1024;disk:100") });
    a.addAgent("mount", { resources: Resources.parse("cpus:2;mem:1024").plus(mount) });
    a.settle();
    // Whichever agent comes first: the MOUNT disk (100) cannot be cut to the
    // 40 left of the limit, so it is not offered; the plain disk gives 40.
    const offered = Resources.empty();
    for (const r of got) offered.add(r);
    expect(offered.equals(Resources.parse("cpus:4;mem:2048;disk:40"))).toBe(true);
  });
  it("a deactivated agent is left out of cycles until it is activated again, and a removed and re-added agent comes back once", () => {
    const { allocator, offers, clock } = make();
    allocator.addFramework("f", { roles: ["r"] });
    allocator.addAgent("a1", { resources: Resources.parse("cpus:1;mem:256") });
    allocator.addAgent("a2", { resources: Resources.parse("cpus:2;mem:256") });
    const agentsOffered = () => offers.map((o) => o.a).sort();
    expect(agentsOffered()).toEqual(["a1", "a2"]);
    offers.length = 0;
    allocator.recoverResources("f", "a1", Resources.parse("cpus:1;mem:256").allocate("r"), { refuseSeconds: 0 });
    allocator.recoverResources("f", "a2", Resources.parse("cpus:2;mem:256").allocate("r"), { refuseSeconds: 0 });
    allocator.deactivateAgent("a1");
    clock.advance(1);
    expect(agentsOffered()).toEqual(["a2"]);
    offers.length = 0;
    allocator.recoverResources("f", "a2", Resources.parse("cpus:2;mem:256").allocate("r"), { refuseSeconds: 0 });
    allocator.activateAgent("a1");
    clock.advance(1);
    expect(agentsOffered()).toEqual(["a1", "a2"]);
    offers.length = 0;
    allocator.removeAgent("a1");
    allocator.recoverResources("f", "a2", Resources.parse("cpus:2;mem:256").allocate("r"), { refuseSeconds: 0 });
    allocator.addAgent("a1", { resources: Resources.parse("cpus:3;mem:256") });
    clock.advance(1);
    expect(agentsOffered()).toEqual(["a1", "a2"]);
    expect(offers.find((o) => o.a === "a1")!.r).toBe("cpus:3;mem:256");
  });
  it("used resources of a framework not yet added stay counted until it re-registers with them, and return when it is removed", () => {
    // Mesos: an agent re-registering after a master failover reports what
    // frameworks use on it before those frameworks re-register.
    const { allocator, offers } = make();
    const used = Resources.parse("cpus:1;mem:256").allocate("r");
    allocator.addAgent("a1", { resources: Resources.parse("cpus:4;mem:1024") }, { f1: used });
    expect(allocator.agentResources("a1").available.equals(Resources.parse("cpus:3;mem:768"))).toBe(true);
    // Re-registering with the same used resources does not count them twice.
    allocator.addFramework("f1", { roles: ["r"] }, { a1: used });
    expect(offers).toEqual([{ f: "f1", role: "r", a: "a1", r: "cpus:3;mem:768" }]);
    expect(allocator.frameworkAllocation("f1").get("a1")!.equals(Resources.parse("cpus:4;mem:1024").allocate("r"))).toBe(true);
    expect(allocator.agentResources("a1").available.isEmpty()).toBe(true);
    allocator.removeFramework("f1");
    expect(allocator.agentResources("a1").available.equals(Resources.parse("cpus:4;mem:1024"))).toBe(true);
    // A framework that re-registers without them: they stay used by it until it is removed.
    allocator.addAgent("a2", { resources: Resources.parse("cpus:4;mem:1024") }, { f2: used });
    allocator.addFramework("f2", { roles: ["r"] });
    expect(offers.filter((o) => o.a === "a2")).toEqual([{ f: "f2", role: "r", a: "a2", r: "cpus:3;mem:768" }]);
    expect(allocator.frameworkAllocation("f2").get("a2")!.equals(Resources.parse("cpus:3;mem:768").allocate("r"))).toBe(true);
    expect(allocator.offeredVsAllocated("a2").get("a2")!.allocated.equals(used)).toBe(true);
    allocator.removeFramework("f2");
    expect(allocator.agentResources("a2").available.equals(Resources.parse("cpus:4;mem:1024"))).toBe(true);
    expect(allocator.offeredVsAllocated("a2").get("a2")!.allocated.isEmpty()).toBe(true);
  });
  it("within one cycle, each agent sees the role order after the previous agents' offers (two roles, two agents: one each)", () => {
    // Mesos re-sorts the roles for every agent: after r1 is offered the
    // first agent, its share is higher and r2 comes first for the second.
    const { allocator, offers } = make({ triggeredAllocation: "deferred" });
    allocator.addFramework("f1", { roles: ["r1"] });
    allocator.addFramework("f2", { roles: ["r2"] });
    allocator.addAgent("a1", { resources: Resources.parse("cpus:2;mem:1024") });
    allocator.addAgent("a2", { resources: Resources.parse("cpus:2;mem:1024") });
    allocator.settle();
    expect(offers.map((o) => o.role).sort()).toEqual(["r1", "r2"]);
    const shares = allocator.dominantShares().roles;
    expect(shares.get("r1")).toBeCloseTo(0.5, 12);
    expect(shares.get("r2")).toBeCloseTo(0.5, 12);
  });
  it("deferred triggers coalesce into one allocation at settle()", () => {
    const { allocator, offers } = make({ triggeredAllocation: "deferred" });
    allocator.addFramework("f1", { roles: ["r"] });
    for (const a of ["a1", "a2", "a3"]) allocator.addAgent(a, { resources: Resources.parse("cpus:1;mem:64") });
    expect(offers).toEqual([]);
    allocator.settle();
    expect(offers.map((o) => o.a).sort()).toEqual(["a1", "a2", "a3"]);
    allocator.settle();
    expect(offers.length).toBe(3);
  });
  it("deferred triggers also run on their own in a microtask", async () => {
    const { allocator, offers } = make({ triggeredAllocation: "deferred" });
    allocator.addFramework("f1", { roles: ["r"] });
    allocator.addAgent("a1", { resources: Resources.parse("cpus:1;mem:64") });
    await Promise.resolve();
    expect(offers.length).toBe(1);
  });
  it("views: allocation per role and framework, dominant shares, filters, headroom", () => {
    const { allocator, clock } = make();
    allocator.updateQuota("q", { guarantees: "cpus:2" });
    allocator.addAgent("a1", { resources: Resources.parse("cpus:4;mem:1000") });
    allocator.addFramework("f1", { roles: ["q"] });
    // Stage 1 gives the quota role its 2 guaranteed cpus plus mem (not guaranteed) up to headroom.
    const held = allocator.frameworkAllocation("f1").get("a1")!;
    expect(held.unallocate().scalar("cpus")).toBe(4000);
    expect(allocator.roleAllocation("q").equals(held)).toBe(true);
    expect(allocator.dominantShares().roles.get("q")).toBe(1);
    allocator.recoverResources("f1", "a1", held, { refuseSeconds: 3 });
    const filters = allocator.activeFilters("f1");
    expect(filters.map((f) => [f.role, f.agent, f.expiresAt])).toEqual([["q", "a1", 3]]);
    expect(allocator.quotaHeadroom().required).toEqual({ cpus: 2 });
    clock.advance(3);
    expect(allocator.activeFilters()).toEqual([]);
  });
  it("updateAllocation applies a reservation to offered resources and to the agent's total", () => {
    const { allocator } = make();
    allocator.addAgent("a1", { resources: Resources.parse("cpus:4;mem:1024") });
    allocator.addFramework("f1", { roles: ["r1"] });
    const offered = allocator.frameworkAllocation("f1").get("a1")!;
    const consumed = Resources.parse("cpus:1").allocate("r1");
    const converted = Resources.parse("cpus(r1):1").allocate("r1");
    allocator.updateAllocation("f1", "a1", offered, [{ consumed, converted }]);
    const after = allocator.frameworkAllocation("f1").get("a1")!.unallocate();
    expect(after.equals(Resources.parse("cpus:3;cpus(r1):1;mem:1024"))).toBe(true);
    expect(allocator.agentResources("a1").total.equals(Resources.parse("cpus:3;cpus(r1):1;mem:1024"))).toBe(true);
    expect(allocator.agentResources("a1").available.isEmpty()).toBe(true);
    // Consuming what was not offered is refused without changes.
    const before = JSON.stringify(allocator.snapshot());
    expect(() => allocator.updateAllocation("f1", "a1", offered, [{ consumed: Resources.parse("gpus:1").allocate("r1"), converted }])).toThrow(AllocatorError);
    expect(JSON.stringify(allocator.snapshot())).toBe(before);
  });
  it("rejects invalid arguments with typed errors", () => {
    const { allocator } = make();
    expect(() => allocator.addFramework("f", { roles: ["a//b"] })).toThrow(AllocatorError);
    expect(() => allocator.addFramework("f", { roles: ["r"], suppressedRoles: ["x"] })).toThrow(/not one of the framework's roles/);
    expect(() => allocator.addAgent("a", { resources: Resources.parse("cpus:1") }, { f: Resources.parse("cpus:2").allocate("r") })).toThrow(/exceed the agent's total/);
    expect(() => allocator.updateQuota("r", { limits: "cpus:x" })).toThrow(AllocatorError);
    expect(() => new HierarchicalDRFAllocator({ offerCallback: () => {}, allocationIntervalSeconds: 0 })).toThrow(AllocatorError);
    allocator.close();
    expect(() => allocator.allocate()).toThrow(/closed/);
  });
});
