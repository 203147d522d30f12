import { describe, expect, it } from "vitest";
import { AllocatorError, HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import type { AllocatorOptions } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";

const R = () => Resources.parse("cpus:2;mem:512");

describe.each([
  ["batched stage 2", { batchedFairShare: true }],
  ["per-agent stage 2", { batchedFairShare: false }],
  ["random sorters", { roleSorter: "random", frameworkSorter: "random" }],
  ["a quota guarantee (stage 1)", { quota: true }],
] as const)("agents in other regions (Mesos' isRemoteSlave) and GPU agents, with %s", (_name, extra) => {
  function make(options: Partial<AllocatorOptions> = {}) {
    const offers: string[] = [];
    const { quota, ...rest } = extra as { quota?: boolean };
    const allocator = new HierarchicalDRFAllocator({
      clock: new ManualClock(),
      offerCallback: (f, byRole) => byRole.forEach((m) => m.forEach((_r, a) => offers.push(`${f}@${a}`))),
      ...(rest as Partial<AllocatorOptions>),
      ...options,
    });
    if (quota === true) allocator.updateQuota("r", { guarantees: "cpus:100" });
    return { allocator, offers };
  }
  const agents = (a: HierarchicalDRFAllocator) => {
    a.addAgent("local", { resources: R(), faultDomain: { region: "us-east", zone: "a" } });
    a.addAgent("remote", { resources: R(), faultDomain: { region: "eu-west", zone: "b" } });
    a.addAgent("nodomain", { resources: R() });
  };

  it("offers agents of other regions only to REGION_AWARE frameworks", () => {
    const { allocator, offers } = make({ domain: { region: "us-east", zone: "a" } });
    allocator.addFramework("plain", { roles: ["r"] });
    agents(allocator);
    expect(offers.sort()).toEqual(["plain@local", "plain@nodomain"]);
    allocator.addFramework("aware", { roles: ["r"], capabilities: ["MULTI_ROLE", "REGION_AWARE"] });
    expect(offers.slice(2)).toEqual(["aware@remote"]);
  });

  it("without a domain of its own, the allocator counts no agent as remote", () => {
    const { allocator, offers } = make();
    allocator.addFramework("plain", { roles: ["r"] });
    agents(allocator);
    expect(offers.sort()).toEqual(["plain@local", "plain@nodomain", "plain@remote"]);
  });

  it("offers GPU agents only to GPU_RESOURCES frameworks, unless filterGpuResources is off", () => {
    const gpu = () => Resources.parse("cpus:2;mem:512;gpus:1");
    const on = make();
    on.allocator.addFramework("plain", { roles: ["r"] });
    on.allocator.addAgent("g", { resources: gpu() });
    expect(on.offers).toEqual([]);
    const off = make({ filterGpuResources: false });
    off.allocator.addFramework("plain", { roles: ["r"] });
    off.allocator.addAgent("g", { resources: gpu() });
    expect(off.offers).toEqual(["plain@g"]);
  });
});

describe("the allocator's domain option", () => {
  it.each([null, "us-east", { region: "us-east" }])("refuses %j", (domain) => {
    expect(() => new HierarchicalDRFAllocator({ offerCallback: () => {}, domain: domain as never })).toThrow(AllocatorError);
  });
});
