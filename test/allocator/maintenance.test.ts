import { describe, expect, it } from "vitest";
import { AllocatorError, HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import type { AllocatorErrorCode, AllocatorOptions } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";
import { expectRefused } from "./expect-refused.js";

const WINDOW = { start: 100, durationSeconds: 3600 };

/** An allocator on a manual clock recording inverse offers as `framework@agent` with what they carry. */
function make(extra: Partial<AllocatorOptions> = {}) {
  const clock = new ManualClock();
  const inverse: { f: string; agents: string[]; resources: string[]; windows: unknown[] }[] = [];
  const allocator = new HierarchicalDRFAllocator({
    clock,
    offerCallback: () => {},
    inverseOfferCallback: (f, byAgent) =>
      inverse.push({ f, agents: [...byAgent.keys()], resources: [...byAgent.values()].map((u) => u.resources.toString()), windows: [...byAgent.values()].map((u) => u.unavailability) }),
    ...extra,
  });
  const agent = (id: string, used?: Record<string, Resources>) => allocator.addAgent(id, { resources: Resources.parse("cpus:4;mem:1024") }, used);
  const sent = () => inverse.map((i) => i.agents.map((a) => `${i.f}@${a}`)).flat();
  return { clock, allocator, inverse, agent, sent };
}

describe("maintenance: unavailability and inverse offers", () => {
  it("asks the frameworks using an agent, and only them, to give it back: the whole agent, with its unavailability", () => {
    const { allocator, inverse, agent } = make();
    allocator.addFramework("f", { roles: ["r"] });
    agent("a0");
    allocator.addFramework("g", { roles: ["r"] });
    agent("a1");
    // f was offered a0 and g a1.
    allocator.updateUnavailability("a0", WINDOW);
    expect(inverse).toEqual([{ f: "f", agents: ["a0"], resources: ["{}"], windows: [WINDOW] }]);
  });

  it("sends one inverse offer per framework and agent until the framework responds", () => {
    const { allocator, clock, agent, sent } = make();
    allocator.addFramework("f", { roles: ["r"] });
    agent("a0");
    allocator.updateUnavailability("a0", WINDOW);
    clock.advance(1);
    clock.advance(1);
    expect(sent()).toEqual(["f@a0"]);
    allocator.updateInverseOffer("a0", "f", { status: "ACCEPT" });
    expect(allocator.inverseOfferStatuses()).toEqual(new Map([["a0", new Map([["f", { status: "ACCEPT", timestamp: 2 }]])]]));
    // Responded: the next run asks again (Mesos does too, unless a filter says otherwise).
    clock.advance(1);
    expect(sent()).toEqual(["f@a0", "f@a0"]);
  });

  it("a response with filters holds inverse offers back for the refuse time", () => {
    const { allocator, clock, agent, sent } = make();
    allocator.addFramework("f", { roles: ["r"] });
    agent("a0");
    allocator.updateUnavailability("a0", WINDOW);
    allocator.updateInverseOffer("a0", "f", { status: "DECLINE", timestamp: 7 }, { refuseSeconds: 10 });
    expect(allocator.inverseOfferStatuses().get("a0")!.get("f")).toEqual({ status: "DECLINE", timestamp: 7 });
    for (let i = 0; i < 9; i++) clock.advance(1);
    expect(sent()).toEqual(["f@a0"]);
    // The filter expires at 10 s (and is dropped, not kept); the batch at 11 s asks again.
    clock.advance(1);
    expect((allocator.snapshot() as { maintenance: { filters: unknown[] } }).maintenance.filters).toEqual([]);
    clock.advance(1);
    expect(sent()).toEqual(["f@a0", "f@a0"]);
  });

  it("an old response (no inverse offer outstanding) records nothing", () => {
    const { allocator, agent } = make();
    allocator.addFramework("f", { roles: ["r"] });
    allocator.addFramework("g", { roles: ["r"] });
    agent("a0");
    allocator.updateUnavailability("a0", WINDOW);
    allocator.updateInverseOffer("a0", "g", { status: "ACCEPT" });
    expect(allocator.inverseOfferStatuses().get("a0")).toEqual(new Map());
  });

  it("groups a framework's inverse offers of one run in one callback", () => {
    const { allocator, clock, inverse, agent } = make();
    allocator.addFramework("f", { roles: ["r"] });
    agent("a0");
    agent("a1");
    allocator.pause();
    allocator.updateUnavailability("a0", WINDOW);
    allocator.updateUnavailability("a1", { start: 500 });
    expect(inverse).toEqual([]);
    allocator.resume();
    clock.advance(1);
    expect(inverse).toEqual([{ f: "f", agents: ["a0", "a1"], resources: ["{}", "{}"], windows: [WINDOW, { start: 500 }] }]);
  });

  it("inactive frameworks get none; deactivation drops a framework's inverse-offer filters", () => {
    const { allocator, clock, agent, sent } = make();
    allocator.addFramework("f", { roles: ["r"] });
    agent("a0");
    allocator.updateUnavailability("a0", WINDOW);
    allocator.updateInverseOffer("a0", "f", undefined, { refuseSeconds: 1000 });
    allocator.deactivateFramework("f");
    clock.advance(1);
    expect(sent()).toEqual(["f@a0"]);
    allocator.activateFramework("f");
    expect(sent()).toEqual(["f@a0", "f@a0"]);
  });

  it("a new schedule starts over: answers, outstanding inverse offers and filters go", () => {
    const { allocator, agent, sent } = make();
    allocator.addFramework("f", { roles: ["r"] });
    agent("a0");
    allocator.updateUnavailability("a0", WINDOW);
    allocator.updateInverseOffer("a0", "f", { status: "DECLINE" }, { refuseSeconds: 1000 });
    allocator.updateUnavailability("a0", { start: 200 });
    expect(allocator.inverseOfferStatuses().get("a0")).toEqual(new Map());
    expect(sent()).toEqual(["f@a0", "f@a0"]);
  });

  it("clearing the unavailability ends the inverse offers", () => {
    const { allocator, clock, agent, sent } = make();
    allocator.addFramework("f", { roles: ["r"] });
    agent("a0");
    allocator.updateUnavailability("a0", WINDOW);
    allocator.updateInverseOffer("a0", "f", { status: "ACCEPT" });
    allocator.updateUnavailability("a0", null);
    clock.advance(1);
    expect(sent()).toEqual(["f@a0"]);
    expect(allocator.inverseOfferStatuses()).toEqual(new Map());
  });

  it("an agent added with an unavailability gets inverse offers to the frameworks already using it; not to unknown ones", () => {
    const { allocator, sent } = make();
    allocator.addFramework("f", { roles: ["r"] });
    allocator.addAgent("a0", { resources: Resources.parse("cpus:4;mem:1024"), unavailability: WINDOW }, { f: Resources.parse("cpus:1;mem:128").allocate("r"), ghost: Resources.parse("cpus:1;mem:128").allocate("r") });
    expect(sent()).toEqual(["f@a0"]);
  });

  it("removing the framework or the agent forgets its maintenance state", () => {
    const { allocator, agent } = make();
    allocator.addFramework("f", { roles: ["r"] });
    agent("a0");
    allocator.updateUnavailability("a0", WINDOW);
    allocator.updateInverseOffer("a0", "f", { status: "ACCEPT" }, { refuseSeconds: 100 });
    allocator.removeFramework("f");
    expect(allocator.inverseOfferStatuses().get("a0")).toEqual(new Map());
    allocator.removeAgent("a0");
    expect(allocator.inverseOfferStatuses()).toEqual(new Map());
    // Re-added under the same id, the agent has no unavailability.
    agent("a0");
    expect(() => allocator.updateInverseOffer("a0", "x", null)).toThrow(AllocatorError);
  });

  it("tracks inverse offers as outstanding without a callback", () => {
    const { allocator, clock, agent } = make({ inverseOfferCallback: undefined });
    allocator.addFramework("f", { roles: ["r"] });
    agent("a0");
    allocator.updateUnavailability("a0", WINDOW);
    clock.advance(1);
    allocator.updateInverseOffer("a0", "f", { status: "ACCEPT" });
    expect(allocator.inverseOfferStatuses().get("a0")!.get("f")!.status).toBe("ACCEPT");
  });

  const bad: [string, (a: HierarchicalDRFAllocator) => void, AllocatorErrorCode][] = [
    ["an unknown agent", (a) => a.updateUnavailability("nope", WINDOW), "UNKNOWN_AGENT"],
    ["a start that is not a number", (a) => a.updateUnavailability("a0", { start: "soon" } as never), "INVALID_ARGUMENT"],
    ["an infinite start", (a) => a.updateUnavailability("a0", { start: Number.POSITIVE_INFINITY }), "INVALID_ARGUMENT"],
    ["a negative duration", (a) => a.updateUnavailability("a0", { start: 1, durationSeconds: -1 }), "INVALID_ARGUMENT"],
    ["an unavailability that is not an object", (a) => a.updateUnavailability("a0", 5 as never), "INVALID_ARGUMENT"],
    ["an agent added with a bad unavailability", (a) => a.addAgent("a9", { resources: Resources.parse("cpus:1"), unavailability: { start: Number.NaN } }), "INVALID_ARGUMENT"],
    ["a response for an agent without unavailability", (a) => a.updateInverseOffer("a1", "f", { status: "ACCEPT" }), "INVALID_ARGUMENT"],
    ["a response from an unknown framework", (a) => a.updateInverseOffer("a0", "nope", { status: "ACCEPT" }), "UNKNOWN_FRAMEWORK"],
    ["a response for an unknown agent", (a) => a.updateInverseOffer("nope", "f", { status: "ACCEPT" }), "UNKNOWN_AGENT"],
    ["the UNKNOWN status (Mesos CHECK-fails)", (a) => a.updateInverseOffer("a0", "f", { status: "UNKNOWN" } as never), "INVALID_ARGUMENT"],
    ["a status that is not an object", (a) => a.updateInverseOffer("a0", "f", "ACCEPT" as never), "INVALID_ARGUMENT"],
    ["a timestamp that is not a number", (a) => a.updateInverseOffer("a0", "f", { status: "ACCEPT", timestamp: "now" as never }), "INVALID_ARGUMENT"],
    ["filters with a refuse time that is not a number", (a) => a.updateInverseOffer("a0", "f", { status: "ACCEPT" }, { refuseSeconds: "x" as never }), "INVALID_ARGUMENT"],
  ];
  it.each(bad)("refuses %s, and changes nothing", (_what, call, code) => {
    const { allocator, agent, sent } = make({ inverseOfferCallback: undefined });
    allocator.addFramework("f", { roles: ["r"] });
    agent("a0");
    agent("a1");
    allocator.updateUnavailability("a0", WINDOW);
    expectRefused(allocator, () => call(allocator), code);
    expect(sent()).toEqual([]);
  });

  it("rejects an inverse-offer callback that is not a function", () => {
    expect(() => make({ inverseOfferCallback: 5 as never })).toThrow(/inverseOfferCallback/);
  });
});
