import { describe, expect, it } from "vitest";
import { AllocatorError, HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import type { AllocatorErrorCode } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";
import { expectRefused } from "./expect-refused.js";

const r = (text: string) => Resources.parse(text);

function make() {
  const clock = new ManualClock();
  const offers: string[] = [];
  const inverse: string[] = [];
  const allocator = new HierarchicalDRFAllocator({
    clock,
    offerCallback: (f, byRole) => byRole.forEach((m) => m.forEach((res, a) => offers.push(`${f}@${a}:${res.unallocate().toString()}`))),
    inverseOfferCallback: (f, byAgent) => byAgent.forEach((_u, a) => inverse.push(`${f}@${a}`)),
  });
  return { clock, offers, inverse, allocator };
}

describe("addResourceProvider (Mesos' addResourceProvider)", () => {
  it("grows the agent's total; what frameworks use of it is theirs; the rest is offered from the next batch", () => {
    const { allocator, clock, offers } = make();
    allocator.addFramework("f", { roles: ["r"] });
    allocator.addAgent("a", { resources: r("cpus:4;mem:1024") });
    expect(offers).toEqual(["f@a:cpus:4;mem:1024"]);
    allocator.addResourceProvider("a", r("mem:512"), { f: r("mem:128").allocate("r") });
    const { total, available } = allocator.agentResources("a");
    expect(total.equals(r("cpus:4;mem:1536"))).toBe(true);
    expect(available.equals(r("mem:384"))).toBe(true);
    expect(allocator.frameworkAllocation("f").get("a")!.unallocate().equals(r("cpus:4;mem:1152"))).toBe(true);
    // No allocation is triggered by it.
    expect(offers).toHaveLength(1);
    clock.advance(1);
    expect(offers).toEqual(["f@a:cpus:4;mem:1024", "f@a:mem:384"]);
  });

  it("holds what a framework not added yet uses", () => {
    const { allocator, clock, offers } = make();
    allocator.addFramework("f", { roles: ["r"] });
    allocator.addAgent("a", { resources: r("cpus:4;mem:1024") });
    allocator.addResourceProvider("a", r("mem:512"), { later: r("mem:512").allocate("r") });
    clock.advance(1);
    expect(offers).toEqual(["f@a:cpus:4;mem:1024"]);
    expect(allocator.agentResources("a").available.isEmpty()).toBe(true);
  });

  it.each<[string, (a: HierarchicalDRFAllocator) => void, AllocatorErrorCode]>([
    ["used beyond what is available", (a: HierarchicalDRFAllocator) => a.addResourceProvider("a", r("mem:512"), { f: r("mem:600").allocate("r") }), "INVALID_RESOURCES"],
    ["used in unallocated form", (a: HierarchicalDRFAllocator) => a.addResourceProvider("a", r("mem:512"), { f: r("mem:100") }), "INVALID_RESOURCES"],
    ["a total that is not Resources", (a: HierarchicalDRFAllocator) => a.addResourceProvider("a", "mem:512" as never), "INVALID_ARGUMENT"],
    ["used that is not Resources", (a: HierarchicalDRFAllocator) => a.addResourceProvider("a", r("mem:512"), { f: "mem:1" as never }), "INVALID_ARGUMENT"],
    ["an unknown agent", (a: HierarchicalDRFAllocator) => a.addResourceProvider("nope", r("mem:512")), "UNKNOWN_AGENT"],
  ])("refuses %s, and changes nothing", (_what, call, code) => {
    const { allocator } = make();
    allocator.addFramework("f", { roles: ["r"] });
    allocator.addAgent("a", { resources: r("cpus:4;mem:1024") });
    expectRefused(allocator, () => call(allocator), code);
  });
});

describe("removeFilters (Mesos' removeFilters)", () => {
  it("drops every framework's decline and inverse-offer filters for the agent, and only for it", () => {
    const { allocator, clock, offers, inverse } = make();
    allocator.addFramework("f", { roles: ["r"] });
    allocator.addAgent("a", { resources: r("cpus:4;mem:1024") });
    allocator.addAgent("b", { resources: r("cpus:2;mem:512") });
    allocator.updateUnavailability("a", { start: 100 });
    allocator.updateInverseOffer("a", "f", { status: "DECLINE" }, { refuseSeconds: 1000 });
    for (const [agent, held] of allocator.frameworkAllocation("f")) allocator.recoverResources("f", agent, held, { refuseSeconds: 1000 });
    expect(allocator.activeFilters("f")).toHaveLength(2);
    const offered = offers.length;
    const asked = inverse.length;
    clock.advance(1);
    expect(offers).toHaveLength(offered);
    allocator.removeFilters("a");
    expect(allocator.activeFilters("f").map((x) => x.agent)).toEqual(["b"]);
    clock.advance(1);
    expect(offers.slice(offered)).toEqual(["f@a:cpus:4;mem:1024"]);
    expect(inverse.slice(asked)).toEqual(["f@a"]);
  });

  it("refuses an unknown agent", () => {
    const { allocator } = make();
    expect(() => allocator.removeFilters("nope")).toThrow(AllocatorError);
  });
});
