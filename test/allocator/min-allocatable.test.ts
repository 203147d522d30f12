/**
 * Minimum allocatable resources: a framework with its own minimum for a
 * role is held to that minimum there, every other one to the allocator's;
 * the cycle's cached "meets the allocator's minimum" answer must not leak
 * to frameworks with their own.
 */
import { describe, expect, it } from "vitest";
import { HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";

function offered(agentTotal: string, frameworks: { id: string; min?: string[] }[]): string[] {
  const got: string[] = [];
  const allocator = new HierarchicalDRFAllocator({
    clock: new ManualClock(),
    triggeredAllocation: "deferred",
    offerCallback: (f) => void got.push(f),
  });
  for (const f of frameworks) allocator.addFramework(f.id, { roles: ["r"], minAllocatableResources: f.min === undefined ? undefined : { r: f.min } });
  // Several agents of one shape, so the candidate record (and its cached answer) is reused across visits.
  for (let i = 0; i < 4; i++) allocator.addAgent(`a${i}`, { resources: Resources.parse(agentTotal) });
  allocator.settle();
  allocator.close();
  return [...new Set(got)].sort();
}

describe("minimum allocatable resources per framework", () => {
  it("a framework whose own minimum the agents miss gets nothing; one held to the allocator's default gets them", () => {
    // Ties go by name: "a-own" is visited first on every agent.
    expect(offered("cpus:2;mem:1024", [{ id: "a-own", min: ["cpus:4"] }, { id: "b-default" }])).toEqual(["b-default"]);
  });

  it("a framework whose own minimum is lower than the allocator's takes agents the default rejects", () => {
    // mem:16 alone is below the default (cpus:0.01 or mem:32).
    expect(offered("mem:16", [{ id: "a-default" }, { id: "b-own", min: ["mem:8"] }])).toEqual(["b-own"]);
    expect(offered("mem:16", [{ id: "a-default" }])).toEqual([]);
  });
});
