import { describe, expect, it } from "vitest";
import { AllocatorError, HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import type { AllocatorErrorCode, AllocatorOptions } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";
import { expectRefused } from "./expect-refused.js";

const AGENT = "cpus:4;mem:2048";

/** An allocator on a manual clock that records every offer as `framework@agent`. */
function make(extra: Partial<AllocatorOptions> = {}) {
  const clock = new ManualClock();
  const offers: string[] = [];
  const allocator = new HierarchicalDRFAllocator({
    clock,
    offerCallback: (f, byRole) => byRole.forEach((m) => m.forEach((_r, a) => offers.push(`${f}@${a}`))),
    ...extra,
  });
  const addAgents = (from: number, to: number) => {
    for (let i = from; i < to; i++) allocator.addAgent(`a${i}`, { resources: Resources.parse(AGENT) });
  };
  return { clock, offers, allocator, addAgents };
}

describe.each(["immediate", "deferred"] as const)("pause and resume (%s triggered allocation)", (triggeredAllocation) => {
  it("a paused allocator runs no allocation: not triggered by events, not the batch, not allocate()", async () => {
    const { allocator, clock, offers, addAgents } = make({ triggeredAllocation });
    allocator.pause();
    expect(allocator.isPaused()).toBe(true);
    allocator.addFramework("f", { roles: ["r"] });
    addAgents(0, 2);
    allocator.reviveOffers("f");
    await Promise.resolve();
    allocator.settle();
    clock.advance(5);
    allocator.allocate();
    expect(offers).toEqual([]);
    expect(allocator.metrics()["allocator/mesos/allocation_runs"]).toBe(0);
  });

  it("resume runs nothing itself: the next batch offers everything", () => {
    const { allocator, clock, offers, addAgents } = make({ triggeredAllocation });
    allocator.pause();
    allocator.addFramework("f", { roles: ["r"] });
    addAgents(0, 2);
    allocator.resume();
    expect(allocator.isPaused()).toBe(false);
    expect(offers).toEqual([]);
    clock.advance(1);
    expect(offers.sort()).toEqual(["f@a0", "f@a1"]);
  });

  it("declines and filter expiry go on while paused", () => {
    const { allocator, clock, offers, addAgents } = make({ triggeredAllocation });
    allocator.addFramework("f", { roles: ["r"] });
    addAgents(0, 1);
    allocator.settle();
    expect(offers).toEqual(["f@a0"]);
    allocator.recoverResources("f", "a0", allocator.frameworkAllocation("f").get("a0")!, { refuseSeconds: 3 });
    allocator.pause();
    expect(allocator.activeFilters("f")).toHaveLength(1);
    clock.advance(10);
    expect(allocator.activeFilters("f")).toHaveLength(0);
    expect(offers).toEqual(["f@a0"]);
    allocator.resume();
    clock.advance(1);
    expect(offers).toEqual(["f@a0", "f@a0"]);
  });

  it("pause and resume are idempotent and refused after close", () => {
    const { allocator } = make({ triggeredAllocation });
    allocator.pause();
    allocator.pause();
    allocator.resume();
    allocator.resume();
    expect(allocator.isPaused()).toBe(false);
    allocator.close();
    expect(() => allocator.pause()).toThrow(AllocatorError);
    expect(() => allocator.resume()).toThrow(AllocatorError);
  });
});

describe("pause in deferred mode", () => {
  it("candidates recorded before a pause wait for the first run after resume (Mesos keeps its allocation candidates)", () => {
    const { allocator, clock, offers, addAgents } = make({ triggeredAllocation: "deferred" });
    allocator.addFramework("f", { roles: ["r"] });
    addAgents(0, 1);
    allocator.pause();
    allocator.settle();
    // A batch while paused neither runs nor drops them.
    clock.advance(1);
    expect(offers).toEqual([]);
    allocator.resume();
    allocator.settle();
    expect(offers).toEqual(["f@a0"]);
  });

  it("an event after resume triggers a run again", async () => {
    const { allocator, offers, addAgents } = make({ triggeredAllocation: "deferred" });
    allocator.addFramework("f", { roles: ["r"] });
    await Promise.resolve();
    allocator.pause();
    addAgents(0, 1);
    await Promise.resolve();
    allocator.resume();
    addAgents(1, 2);
    await Promise.resolve();
    // a0 arrived while paused and recorded nothing; a1's addition asks for a run on a1.
    expect(offers).toEqual(["f@a1"]);
  });
});

describe("recover (master failover)", () => {
  const QUOTA = { r: { guarantees: "cpus:2" } };

  it("with quota, holds allocation until 80% of the expected agents are back; the last one's addition allocates it alone", () => {
    const { allocator, clock, offers, addAgents } = make();
    allocator.recover(10, QUOTA);
    expect(allocator.isPaused()).toBe(true);
    allocator.addFramework("f", { roles: ["r"] });
    // floor(10 * 0.8) = 8 agents are awaited.
    addAgents(0, 7);
    clock.advance(3);
    expect(offers).toEqual([]);
    addAgents(7, 8);
    expect(allocator.isPaused()).toBe(false);
    expect(offers).toEqual(["f@a7"]);
    clock.advance(1);
    expect(offers.sort()).toEqual(["f@a0", "f@a1", "f@a2", "f@a3", "f@a4", "f@a5", "f@a6", "f@a7"]);
  });

  it("sets the recovered quotas", () => {
    const { allocator } = make();
    allocator.recover(10, new Map([["r", { guarantees: "cpus:2", limits: "cpus:6" }]]));
    const m = allocator.metrics();
    expect(m["allocator/mesos/quota/roles/r/resources/cpus/guarantee"]).toBe(2);
    expect(m["allocator/mesos/quota/roles/r/resources/cpus/limit"]).toBe(6);
  });

  it("resumes after the recovery timeout (600 s) when too few agents come back", () => {
    const { allocator, clock, offers, addAgents } = make();
    allocator.recover(10, QUOTA);
    allocator.addFramework("f", { roles: ["r"] });
    addAgents(0, 3);
    clock.advance(599);
    expect(allocator.isPaused()).toBe(true);
    expect(offers).toEqual([]);
    clock.advance(2);
    expect(allocator.isPaused()).toBe(false);
    expect(offers.sort()).toEqual(["f@a0", "f@a1", "f@a2"]);
  });

  it("honours recoveryTimeoutSeconds and agentRecoveryFactor", () => {
    const { allocator, clock, addAgents } = make({ recoveryTimeoutSeconds: 30, agentRecoveryFactor: 0.5 });
    allocator.recover(10, QUOTA);
    addAgents(0, 4);
    expect(allocator.isPaused()).toBe(true);
    addAgents(4, 5);
    expect(allocator.isPaused()).toBe(false);
    const other = make({ recoveryTimeoutSeconds: 30 });
    other.allocator.recover(10, QUOTA);
    other.clock.advance(29);
    expect(other.allocator.isPaused()).toBe(true);
    other.clock.advance(1);
    expect(other.allocator.isPaused()).toBe(false);
  });

  it("without quota, or when no agent need come back, does not pause", () => {
    const a = make();
    a.allocator.recover(10, {});
    expect(a.allocator.isPaused()).toBe(false);
    const b = make();
    // floor(1 * 0.8) = 0: nothing to wait for; the quota is still set.
    b.allocator.recover(1, QUOTA);
    expect(b.allocator.isPaused()).toBe(false);
    expect(b.allocator.metrics()["allocator/mesos/quota/roles/r/resources/cpus/guarantee"]).toBe(2);
    b.allocator.addFramework("f", { roles: ["r"] });
    b.addAgents(0, 1);
    expect(b.offers).toEqual(["f@a0"]);
  });

  it("the timeout does not undo a pause made after the recovery ended", () => {
    const { allocator, clock, addAgents } = make();
    allocator.recover(5, QUOTA);
    addAgents(0, 4);
    expect(allocator.isPaused()).toBe(false);
    allocator.pause();
    clock.advance(700);
    expect(allocator.isPaused()).toBe(true);
  });

  it("resume ends a recovery early", () => {
    const { allocator, clock, offers, addAgents } = make();
    allocator.recover(10, QUOTA);
    allocator.addFramework("f", { roles: ["r"] });
    addAgents(0, 2);
    allocator.resume();
    clock.advance(1);
    expect(offers.sort()).toEqual(["f@a0", "f@a1"]);
  });

  it.each<[string, AllocatorErrorCode, (a: HierarchicalDRFAllocator) => () => void]>([
    ["after an agent was added", "INVALID_ARGUMENT", (a: HierarchicalDRFAllocator) => (a.addAgent("x", { resources: Resources.parse(AGENT) }), () => a.recover(10, QUOTA))],
    ["with a negative count", "INVALID_ARGUMENT", (a: HierarchicalDRFAllocator) => () => a.recover(-1, QUOTA)],
    ["with a fractional count", "INVALID_ARGUMENT", (a: HierarchicalDRFAllocator) => () => a.recover(2.5, QUOTA)],
    ["with NaN", "INVALID_ARGUMENT", (a: HierarchicalDRFAllocator) => () => a.recover(Number.NaN, QUOTA)],
    ["with a count as text", "INVALID_ARGUMENT", (a: HierarchicalDRFAllocator) => () => a.recover("10" as unknown as number, QUOTA)],
    ["with quotas that are not an object", "INVALID_ARGUMENT", (a: HierarchicalDRFAllocator) => () => a.recover(10, "r:cpus:2" as never)],
    ["with a nested role's quota", "INVALID_ARGUMENT", (a: HierarchicalDRFAllocator) => () => a.recover(10, { r: { guarantees: "cpus:1" }, "eng/web": { guarantees: "cpus:1" } })],
    ["with an invalid quantity", "INVALID_RESOURCES", (a: HierarchicalDRFAllocator) => () => a.recover(10, { r: { guarantees: "cpus:1" }, s: { limits: "cpus:-1" } })],
    ["with an invalid role name", "INVALID_ARGUMENT", (a: HierarchicalDRFAllocator) => () => a.recover(10, { r: { guarantees: "cpus:1" }, "..": { guarantees: "cpus:1" } })],
  ])("is refused %s (%s), and changes nothing", (_what, code, arrange) => {
    const { allocator } = make();
    expectRefused(allocator, arrange(allocator), code, /^recover: /);
    expect(allocator.isPaused()).toBe(false);
  });

  it.each([
    [{ recoveryTimeoutSeconds: 0 }, /recoveryTimeoutSeconds/],
    [{ recoveryTimeoutSeconds: Number.POSITIVE_INFINITY }, /recoveryTimeoutSeconds/],
    [{ agentRecoveryFactor: 1.5 }, /agentRecoveryFactor/],
    [{ agentRecoveryFactor: -0.1 }, /agentRecoveryFactor/],
    [{ agentRecoveryFactor: Number.NaN }, /agentRecoveryFactor/],
  ])("rejects the option %o", (extra, message) => {
    expect(() => make(extra as Partial<AllocatorOptions>)).toThrow(message);
  });
});

describe("deferred triggers around a batch", () => {
  it("an event after a batch that ran while a triggered run was queued is recorded and allocated", async () => {
    const { allocator, clock, offers, addAgents } = make({ triggeredAllocation: "deferred" });
    allocator.addFramework("f", { roles: ["r"] });
    addAgents(0, 1);
    // The batch runs before the queued microtask, and takes the pending candidates.
    clock.advance(1);
    expect(offers).toEqual(["f@a0"]);
    addAgents(1, 2);
    await Promise.resolve();
    await Promise.resolve();
    expect(offers).toEqual(["f@a0", "f@a1"]);
  });
});
