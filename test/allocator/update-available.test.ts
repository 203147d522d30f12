import { describe, expect, it } from "vitest";
import { HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import type { AllocatorErrorCode } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";
import { expectRefused } from "./expect-refused.js";

const r = (text: string) => Resources.parse(text);

function make() {
  const clock = new ManualClock();
  const offers: { f: string; a: string; r: string }[] = [];
  const allocator = new HierarchicalDRFAllocator({
    clock,
    offerCallback: (f, byRole) => byRole.forEach((m) => m.forEach((res, a) => offers.push({ f, a, r: res.unallocate().toString() }))),
  });
  return { clock, offers, allocator };
}

describe("updateAvailable (operator reserve/unreserve on resources nobody holds)", () => {
  it("reserves available resources: the total follows, nothing is offered by it, and the reservation goes to its role at the next batch", () => {
    const { allocator, clock, offers } = make();
    allocator.addAgent("a", { resources: r("cpus:8;mem:1024") });
    allocator.updateAvailable("a", [{ consumed: r("cpus:4"), converted: r("cpus(web):4") }]);
    const { total, available } = allocator.agentResources("a");
    expect(total.equals(r("cpus:4;mem:1024;cpus(web):4"))).toBe(true);
    expect(available.equals(total)).toBe(true);
    expect(offers).toEqual([]);
    allocator.addFramework("batch", { roles: ["batch"] });
    allocator.addFramework("web", { roles: ["web"] });
    allocator.recoverResources("batch", "a", allocator.frameworkAllocation("batch").get("a")!, { refuseSeconds: 100 });
    clock.advance(1);
    // The reserved cpus only ever go to `web`, as soon as it subscribes;
    // `batch` got the unreserved part first, and once it declined, `web` gets that too.
    expect(offers).toEqual([
      { f: "batch", a: "a", r: "cpus:4;mem:1024" },
      { f: "web", a: "a", r: "cpus(web):4" },
      { f: "web", a: "a", r: "cpus:4;mem:1024" },
    ]);
  });

  it("unreserves, and applies a sequence in order", () => {
    const { allocator } = make();
    allocator.addAgent("a", { resources: r("cpus:2;cpus(web):2;mem:512") });
    allocator.updateAvailable("a", [
      { consumed: r("cpus(web):2"), converted: r("cpus:2") },
      { consumed: r("cpus:3"), converted: r("cpus(db):3") },
    ]);
    expect(allocator.agentResources("a").total.equals(r("cpus:1;cpus(db):3;mem:512"))).toBe(true);
  });

  it("counts a reservation toward its role's quota consumption", () => {
    const { allocator } = make();
    allocator.updateQuota("web", { guarantees: "cpus:1" });
    allocator.addAgent("a", { resources: r("cpus:8;mem:1024") });
    allocator.updateAvailable("a", [{ consumed: r("cpus:3"), converted: r("cpus(web):3") }]);
    expect(allocator.quotaHeadroom().consumed.web).toEqual({ cpus: 3 });
  });

  it("accepts conversions in allocated form", () => {
    const { allocator } = make();
    allocator.addAgent("a", { resources: r("cpus:8;mem:1024") });
    allocator.updateAvailable("a", [{ consumed: r("cpus:1").allocate("web"), converted: r("cpus(web):1").allocate("web") }]);
    expect(allocator.agentResources("a").total.equals(r("cpus:7;cpus(web):1;mem:1024"))).toBe(true);
  });

  it("refuses what is not available (offered resources are not), and changes nothing", () => {
    const { allocator } = make();
    allocator.addFramework("f", { roles: ["r1"] });
    allocator.addAgent("a", { resources: r("cpus:8;mem:1024") });
    // Everything is offered to f.
    expectRefused(allocator, () => allocator.updateAvailable("a", [{ consumed: r("cpus:1"), converted: r("cpus(r1):1") }]), "INVALID_RESOURCES", /conversions\[0\] consumes cpus:1, which is not available/);
  });

  it("changes nothing when a later conversion of the sequence fails", () => {
    const { allocator } = make();
    allocator.addAgent("a", { resources: r("cpus:4;mem:1024") });
    const before = JSON.stringify(allocator.snapshot());
    expect(() =>
      allocator.updateAvailable("a", [
        { consumed: r("cpus:3"), converted: r("cpus(web):3") },
        { consumed: r("cpus:2"), converted: r("cpus(db):2") },
      ]),
    ).toThrow(/conversions\[1\]/);
    expect(JSON.stringify(allocator.snapshot())).toBe(before);
  });

  it.each<[string, (a: HierarchicalDRFAllocator) => void, AllocatorErrorCode]>([
    ["an unknown agent", (a: HierarchicalDRFAllocator) => a.updateAvailable("nope", []), "UNKNOWN_AGENT"],
    ["conversions that are not an array", (a: HierarchicalDRFAllocator) => a.updateAvailable("a", "cpus:1" as never), "INVALID_ARGUMENT"],
    ["a conversion without Resources", (a: HierarchicalDRFAllocator) => a.updateAvailable("a", [{ consumed: "cpus:1", converted: r("cpus:1") } as never]), "INVALID_ARGUMENT"],
    ["a null conversion", (a: HierarchicalDRFAllocator) => a.updateAvailable("a", [null as never]), "INVALID_ARGUMENT"],
  ])("refuses %s", (_what, call, code) => {
    const { allocator } = make();
    allocator.addAgent("a", { resources: r("cpus:4;mem:1024") });
    expectRefused(allocator, () => call(allocator), code);
  });
});
