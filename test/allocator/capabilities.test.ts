/**
 * Mesos' `stripIncapableResources`: a framework is offered revocable,
 * shared and refined-reservation resources only when it declared the
 * capability for them; what it cannot take stays on the agent for the next
 * framework in the same cycle.
 */
import { describe, expect, it } from "vitest";
import { HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";

const plain = Resources.parse("cpus:2;mem:1024");
const revocable = Resources.fromProto([{ name: "cpus", type: "SCALAR", scalar: 4, revocable: {} }]);
const sharedVolume = Resources.fromProto([
  { name: "disk", type: "SCALAR", scalar: 64, reservations: [{ type: "DYNAMIC", role: "r", principal: "p" }], disk: { persistence: { id: "v1" } }, shared: {} },
]);
const refined = Resources.fromProto([
  { name: "mem", type: "SCALAR", scalar: 512, reservations: [{ type: "DYNAMIC", role: "r", principal: "p" }, { type: "DYNAMIC", role: "r/sub", principal: "p" }] },
]);

/** One agent with `total`, frameworks added in order (their shares are all zero, so ties go by name: "a-..." is offered first); returns what each was offered, unallocated. */
function offersFor(total: Resources, frameworks: { id: string; role: string; capabilities: string[] }[]): Map<string, Resources> {
  const got = new Map<string, Resources>();
  const allocator = new HierarchicalDRFAllocator({
    clock: new ManualClock(),
    triggeredAllocation: "deferred",
    // Mesos' defaults plus disk, so that a shared volume alone is worth an offer.
    minAllocatableResources: ["cpus:0.01", "mem:32", "disk:1"],
    offerCallback: (f, byRole) => {
      for (const byAgent of byRole.values()) for (const r of byAgent.values()) got.set(f, (got.get(f) ?? Resources.empty()).plus(r.unallocate()));
    },
  });
  for (const f of frameworks) allocator.addFramework(f.id, { roles: [f.role], capabilities: f.capabilities });
  allocator.addAgent("a1", { resources: total });
  allocator.settle();
  allocator.close();
  return got;
}

describe("capability stripping (Mesos stripIncapableResources)", () => {
  it.each([
    ["revocable", revocable, "REVOCABLE_RESOURCES", "r"],
    ["shared", sharedVolume, "SHARED_RESOURCES", "r"],
    ["refined-reservation", refined, "RESERVATION_REFINEMENT", "r/sub"],
  ])("a framework without the capability for %s resources gets the rest; the capable one after it gets them", (_kind, special, capability, role) => {
    const total = plain.plus(special);
    // Both frameworks also carry every other capability, so only `capability` differs.
    const all = ["MULTI_ROLE", "HIERARCHICAL_ROLE", "REVOCABLE_RESOURCES", "SHARED_RESOURCES", "RESERVATION_REFINEMENT"];
    const got = offersFor(total, [
      { id: "a-incapable", role, capabilities: all.filter((c) => c !== capability) },
      { id: "b-capable", role, capabilities: all },
    ]);
    expect(got.get("a-incapable")?.toString()).toBe(plain.toString());
    expect(got.get("b-capable")?.equals(special)).toBe(true);
  });

  it("a framework with every capability is offered the whole agent at once", () => {
    const total = plain.plus(revocable).plus(sharedVolume).plus(refined);
    const got = offersFor(total, [{ id: "f", role: "r/sub", capabilities: ["MULTI_ROLE", "HIERARCHICAL_ROLE", "REVOCABLE_RESOURCES", "SHARED_RESOURCES", "RESERVATION_REFINEMENT"] }]);
    expect(got.get("f")?.equals(total)).toBe(true);
  });

  it("a framework with none of them gets only the plain part, and nothing when that is all there is", () => {
    expect(offersFor(plain.plus(revocable).plus(refined), [{ id: "f", role: "r/sub", capabilities: ["MULTI_ROLE", "HIERARCHICAL_ROLE"] }]).get("f")?.toString()).toBe(plain.toString());
    expect(offersFor(revocable, [{ id: "f", role: "r", capabilities: ["MULTI_ROLE"] }]).size).toBe(0);
  });
});
