/**
 * Quota's stage 1 on an agent that headroom must partly hold back: the role
 * gets its guarantee and what is not held back, in one offer, and the
 * resources held back for a guarantee of a role without frameworks stay
 * unoffered.
 */
import { describe, expect, it } from "vitest";
import { HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";

interface Offer {
  framework: string;
  role: string;
  agent: string;
  resources: string;
}

function cluster(): { allocator: HierarchicalDRFAllocator; offers: Offer[]; clock: ManualClock } {
  const clock = new ManualClock();
  const offers: Offer[] = [];
  const allocator = new HierarchicalDRFAllocator({
    clock,
    triggeredAllocation: "deferred",
    offerCallback: (framework, byRole) =>
      byRole.forEach((byAgent, role) => byAgent.forEach((r, agent) => offers.push({ framework, role, agent, resources: r.unallocate().toString() }))),
  });
  return { allocator, offers, clock };
}

describe("quota stage 1 with headroom held back", () => {
  it("a role gets its guarantee and what headroom does not hold back, in one offer; the rest stays unoffered", () => {
    const { allocator, offers } = cluster();
    // "p" has no framework: its guarantee holds cpus:2 of headroom back, so
    // "q" gets its own guarantee (cpus:2) and the memory, not the other cpus.
    allocator.updateQuota("q", { guarantees: "cpus:2" });
    allocator.updateQuota("p", { guarantees: "cpus:2" });
    allocator.addFramework("f", { roles: ["q"] });
    allocator.addAgent("a1", { resources: Resources.parse("cpus:4;mem:1024") });
    allocator.settle();
    expect(offers).toHaveLength(1);
    expect(offers[0]!.framework).toBe("f");
    expect(offers[0]!.agent).toBe("a1");
    expect(Resources.parse(offers[0]!.resources).equals(Resources.parse("cpus:2;mem:1024"))).toBe(true);
    // Held as one offer: declining it returns all of it.
    allocator.recoverResources("f", "a1", Resources.parse("cpus:2;mem:1024").allocate("q"), { refuseSeconds: 0 });
    expect(allocator.agentResources("a1").available.equals(Resources.parse("cpus:4;mem:1024"))).toBe(true);
    allocator.close();
  });

  it("the available headroom leaves out revocable resources, as agents gain and lose them", () => {
    const { allocator } = cluster();
    allocator.updateQuota("q", { guarantees: "cpus:1" });
    const plain = "cpus:4;mem:1024";
    const revocable = Resources.fromProto([{ name: "cpus", type: "SCALAR", scalar: 10, revocable: {} }]);
    const availableCpus = () => allocator.quotaHeadroom().available.cpus;
    allocator.addAgent("a1", { resources: Resources.parse(plain).plus(revocable) });
    allocator.addAgent("a2", { resources: Resources.parse(plain) });
    expect(availableCpus()).toBe(8);
    allocator.updateAgent("a2", Resources.parse(plain).plus(revocable));
    expect(availableCpus()).toBe(8);
    allocator.updateAgent("a1", Resources.parse(plain));
    expect(availableCpus()).toBe(8);
    allocator.removeAgent("a2");
    expect(availableCpus()).toBe(4);
    allocator.close();
  });
});
