import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AllocatorError, HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";
import { fcParams } from "../fc-params.js";

/** Every public operation with garbage arguments: a typed AllocatorError and no state change. */
describe("allocator API on malformed arguments (fuzz)", () => {
  it("throws AllocatorError and leaves the snapshot unchanged", () => {
    const allocator = new HierarchicalDRFAllocator({ clock: new ManualClock(), offerCallback: () => {} });
    allocator.addAgent("a1", { resources: Resources.parse("cpus:2;mem:512") });
    allocator.addFramework("f1", { roles: ["r1"] });
    allocator.updateUnavailability("a1", { start: 60 });
    const oddKeys = fc.constantFrom<unknown>({ toString: 0 }, Object.create(null), Symbol("s"), 7, "", null);
    const garbage = fc.oneof(
      fc.anything(), fc.constant(undefined), fc.constant(null), fc.constant("nope"), fc.constant(-1), fc.constant({ roles: "x" }), fc.constant({ resources: "cpus:1" }),
      // Values that String() cannot convert, and Maps (of used resources) keyed by them.
      oddKeys,
      oddKeys.map((k) => new Map([[k, Resources.parse("cpus:1").allocate("r1")]])),
    );
    const calls: [string, (x: unknown, y: unknown) => void][] = [
      ["addFramework", (x, y) => allocator.addFramework(x as string, y as never)],
      ["addFramework(f1)", (_x, y) => allocator.addFramework("f1", (y ?? { roles: ["r1"] }) as never)],
      ["removeFramework", (x) => allocator.removeFramework(x as string)],
      ["activateFramework", (x) => allocator.activateFramework(x as string)],
      ["deactivateFramework", (x) => allocator.deactivateFramework(x as string)],
      ["updateFramework", (x, y) => allocator.updateFramework(x as string, y as never)],
      ["addAgent", (x, y) => allocator.addAgent(x as string, y as never)],
      ["addAgent(a1)", () => allocator.addAgent("a1", { resources: Resources.parse("cpus:1") })],
      ["addAgent(a2, used)", (x) => allocator.addAgent("a2", { resources: Resources.parse("cpus:4") }, x as never)],
      ["addFramework(f2, used)", (x) => allocator.addFramework("f2", { roles: ["r1"] }, x as never)],
      ["removeAgent", (x) => allocator.removeAgent(x as string)],
      ["updateAgent", (x, y) => allocator.updateAgent(x as string, y as never)],
      ["recoverResources", (x, y) => allocator.recoverResources(x as string, "a1", y as never)],
      ["recoverResources(f1)", (_x, y) => allocator.recoverResources("f1", "a1", Resources.parse("cpus:5").allocate("r1"), y as never)],
      ["suppressOffers", (x, y) => allocator.suppressOffers(x as string, y as never)],
      ["suppressOffers(f1)", () => allocator.suppressOffers("f1", ["not-a-role-of-f1"])],
      ["updateWeights", (x) => allocator.updateWeights({ r1: x as number, "": 1 })],
      ["updateQuota", (x, y) => allocator.updateQuota(x as string, y as never)],
      ["recover", (x, y) => allocator.recover(x as number, y as never)],
      ["updateAvailable", (x, y) => allocator.updateAvailable(x as string, y as never)],
      ["updateAvailable(a1)", (x) => allocator.updateAvailable("a1", [x as never])],
      ["updateUnavailability", (x, y) => allocator.updateUnavailability(x as string, y as never)],
      ["updateUnavailability(a1)", (x) => allocator.updateUnavailability("a1", x as never)],
      ["updateInverseOffer", (x, y) => allocator.updateInverseOffer(x as string, "f1", y as never)],
      ["updateInverseOffer(a1, f1)", (x, y) => allocator.updateInverseOffer("a1", "f1", x as never, y as never)],
      ["updateWhitelist", (x) => allocator.updateWhitelist(x as never)],
      ["addResourceProvider", (x, y) => allocator.addResourceProvider(x as string, y as never)],
      ["addResourceProvider(a1)", (x, y) => allocator.addResourceProvider("a1", x as never, y as never)],
      ["removeFilters", (x) => allocator.removeFilters(x as string)],
      ["addFramework(offerConstraints)", (x) => allocator.addFramework("f9", { roles: ["r1"], offerConstraints: x as never })],
      ["updateFramework(f1, offerConstraints)", (x) => allocator.updateFramework("f1", { roles: ["r1"], offerConstraints: x as never })],
      ["addAgent(faultDomain)", (x) => allocator.addAgent("a9", { resources: Resources.parse("cpus:1"), faultDomain: x as never })],
    ];
    fc.assert(
      fc.property(fc.nat(calls.length - 1), garbage, garbage, (i, x, y) => {
        const before = JSON.stringify(allocator.snapshot());
        let threw: unknown = null;
        try {
          calls[i]![1](x, y);
        } catch (e) {
          threw = e;
        }
        if (threw === null) {
          // The call happened to be valid (e.g. a fresh id and well-formed info): fine, but then it must have been accepted fully.
          return;
        }
        expect(threw, `${calls[i]![0]}: ${String(threw)}`).toBeInstanceOf(AllocatorError);
        expect(JSON.stringify(allocator.snapshot())).toBe(before);
      }),
      fcParams(600, 5),
    );
  });

  it("says what was wrong with an id that String() cannot convert, and with a Map of used resources keyed by a non-id", () => {
    const allocator = new HierarchicalDRFAllocator({ clock: new ManualClock(), offerCallback: () => {} });
    allocator.addFramework("f1", { roles: ["r1"] });
    const before = JSON.stringify(allocator.snapshot());
    // fast-check's shrunk counterexample (SOAK=10): a TypeError from the message itself.
    expect(() => allocator.removeFramework({ toString: 0 } as never)).toThrow(AllocatorError);
    expect(() => allocator.removeAgent(Object.create(null) as never)).toThrow(/unknown agent '\[object Object\]'/);
    const used = Resources.parse("cpus:1").allocate("r1");
    expect(() => allocator.addAgent("a1", { resources: Resources.parse("cpus:2") }, new Map([[{ toString: 0 }, used]]) as never)).toThrow(/used: keys must be non-empty strings/);
    expect(() => allocator.addAgent("a1", { resources: Resources.parse("cpus:2") }, new Map([[7, used]]) as never)).toThrow(AllocatorError);
    expect(() => allocator.addFramework("f2", { roles: ["r1"] }, new Map([["", used]]))).toThrow(/used: keys must be non-empty strings/);
    expect(JSON.stringify(allocator.snapshot())).toBe(before);
  });
});
