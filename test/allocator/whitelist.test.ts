import { describe, expect, it } from "vitest";
import { AllocatorError, HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";

function make() {
  const clock = new ManualClock();
  const offered: string[] = [];
  const allocator = new HierarchicalDRFAllocator({ clock, offerCallback: (_f, byRole) => byRole.forEach((m) => m.forEach((_r, a) => offered.push(a))) });
  allocator.addFramework("f", { roles: ["r"] });
  return { clock, offered, allocator };
}
const R = () => Resources.parse("cpus:2;mem:512");

describe("updateWhitelist (Mesos' agent whitelist)", () => {
  it("offers only agents whose hostname is listed; an agent without hostname is known by its id", () => {
    const { allocator, offered } = make();
    allocator.updateWhitelist(["h1", "a3"]);
    allocator.addAgent("a1", { resources: R(), hostname: "h1" });
    allocator.addAgent("a2", { resources: R(), hostname: "h2" });
    allocator.addAgent("a3", { resources: R() });
    expect(offered).toEqual(["a1", "a3"]);
  });

  it("an empty whitelist means no offers; null lifts it at the next batch, without triggering an allocation", () => {
    const { allocator, clock, offered } = make();
    allocator.updateWhitelist([]);
    allocator.addAgent("a1", { resources: R(), hostname: "h1" });
    clock.advance(1);
    expect(offered).toEqual([]);
    allocator.updateWhitelist(null);
    expect(offered).toEqual([]);
    clock.advance(1);
    expect(offered).toEqual(["a1"]);
  });

  it("agents left out keep what they were offered", () => {
    const { allocator, offered } = make();
    allocator.addAgent("a1", { resources: R(), hostname: "h1" });
    allocator.updateWhitelist(new Set(["h2"]));
    expect(offered).toEqual(["a1"]);
    expect(allocator.frameworkAllocation("f").has("a1")).toBe(true);
  });

  it.each([
    ["a string", "h1"],
    ["undefined", undefined],
    ["a number", 5],
    ["a list with a number", ["h1", 5]],
  ])("refuses %s and changes nothing", (_what, value) => {
    const { allocator } = make();
    allocator.updateWhitelist(["h0"]);
    const before = JSON.stringify(allocator.snapshot());
    expect(() => allocator.updateWhitelist(value as never)).toThrow(AllocatorError);
    expect(JSON.stringify(allocator.snapshot())).toBe(before);
  });
});
