import { describe, expect, it } from "vitest";
import { HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import type { AllocatorOptions } from "../../src/allocator/index.js";
import { percentile, TIMER_STATISTICS, TimerSeries } from "../../src/allocator/metrics.js";
import { Resources } from "../../src/resources/index.js";

function make(extra: Partial<AllocatorOptions> = {}) {
  const clock = new ManualClock();
  const allocator = new HierarchicalDRFAllocator({ clock, offerCallback: () => {}, ...extra });
  return { clock, allocator };
}

describe("percentile (libprocess' linear interpolation)", () => {
  it.each([
    // position p * (n - 1): 1.5 -> 2 + 0.5 * (3 - 2)
    [0.5, 2.5],
    // 2.7 -> 3 + 0.7 * (4 - 3)
    [0.9, 3.7],
    // 2.97 -> 3.97
    [0.99, 3.97],
    [0, 1],
    [1, 4],
  ])("of [1, 2, 3, 4] at %f is %f", (p, want) => {
    expect(percentile([1, 2, 3, 4], p)).toBeCloseTo(want, 12);
  });

  it("needs two values", () => {
    expect(() => percentile([7], 0.5)).toThrow(RangeError);
  });
});

describe("TimerSeries (a libprocess Timer)", () => {
  it("has no value before its first sample, a value but no statistics with one", () => {
    const t = new TimerSeries();
    const out: Record<string, number> = {};
    t.writeTo(out, "x_ms", 0);
    expect(out).toEqual({});
    t.record(4, 0);
    t.writeTo(out, "x_ms", 0);
    expect(out).toEqual({ x_ms: 4 });
  });

  it("publishes the last value and the statistics of the window", () => {
    const t = new TimerSeries();
    for (const [v, at] of [[3, 0], [1, 1], [4, 2], [2, 3]] as const) t.record(v, at);
    const out: Record<string, number> = {};
    t.writeTo(out, "x_ms", 3);
    expect(Object.keys(out).sort()).toEqual(["x_ms", ...TIMER_STATISTICS.map((s) => `x_ms/${s}`)].sort());
    expect(out).toMatchObject({ x_ms: 2, "x_ms/count": 4, "x_ms/min": 1, "x_ms/max": 4 });
    expect(out["x_ms/p50"]).toBeCloseTo(2.5, 12);
    expect(out["x_ms/p90"]).toBeCloseTo(3.7, 12);
  });

  it("leaves out samples older than the window (an hour by default)", () => {
    const t = new TimerSeries();
    t.record(100, 0);
    t.record(200, 10);
    t.record(1, 3700);
    t.record(2, 3705);
    const out: Record<string, number> = {};
    t.writeTo(out, "x_ms", 3705);
    // The window is [105, 3705]: the samples at 0 and 10 are out.
    expect(out).toMatchObject({ x_ms: 2, "x_ms/count": 2, "x_ms/min": 1, "x_ms/max": 2 });
  });

  it("keeps the most recent samples up to its capacity", () => {
    const t = new TimerSeries(3600, 1000);
    for (let i = 1; i <= 1005; i++) t.record(i, 0);
    const out: Record<string, number> = {};
    t.writeTo(out, "x_ms", 0);
    expect(out).toMatchObject({ x_ms: 1005, "x_ms/count": 1000, "x_ms/min": 6, "x_ms/max": 1005 });
  });
});

describe("HierarchicalDRFAllocator.metrics()", () => {
  it("starts with Mesos' fixed keys, zero, and no timer values", () => {
    const { allocator } = make();
    expect(allocator.metrics()).toEqual({
      "allocator/event_queue_dispatches": 0,
      "allocator/mesos/allocation_runs": 0,
      "allocator/mesos/event_queue_dispatches": 0,
      "allocator/mesos/resources/cpus/offered_or_allocated": 0,
      "allocator/mesos/resources/cpus/total": 0,
      "allocator/mesos/resources/disk/offered_or_allocated": 0,
      "allocator/mesos/resources/disk/total": 0,
      "allocator/mesos/resources/mem/offered_or_allocated": 0,
      "allocator/mesos/resources/mem/total": 0,
    });
  });

  it("tracks totals, what is offered or allocated, dominant shares and active filters through offers, a decline and its expiry", () => {
    const { allocator, clock } = make();
    allocator.addFramework("f", { roles: ["r"] });
    allocator.addAgent("a0", { resources: Resources.parse("cpus:4;mem:1024;disk:100") });
    allocator.addAgent("a1", { resources: Resources.parse("cpus:4;mem:1024;disk:100;gpus:1") }, { g: Resources.parse("cpus:1;mem:24").allocate("r") });
    let m = allocator.metrics();
    expect(m["allocator/mesos/resources/cpus/total"]).toBe(8);
    expect(m["allocator/mesos/resources/mem/total"]).toBe(2048);
    expect(m["allocator/mesos/resources/disk/total"]).toBe(200);
    // a0 is offered whole to f; on a1, `g` (not added yet) uses cpus:1;mem:24
    // and f is not GPU-capable, so a1 is filtered for f: its GPU agent's
    // resources stay for GPU frameworks.
    expect(m["allocator/mesos/resources/cpus/offered_or_allocated"]).toBe(5);
    expect(m["allocator/mesos/resources/mem/offered_or_allocated"]).toBe(1048);
    expect(m["allocator/mesos/resources/disk/offered_or_allocated"]).toBe(100);
    // f holds cpus 4 of 8, mem 1024 of 2048, disk 100 of 200 (gpus 0 of 1).
    expect(m["allocator/mesos/roles/r/shares/dominant"]).toBe(0.5);
    expect(m["allocator/mesos/offer_filters/roles/r/active"]).toBe(0);
    allocator.recoverResources("f", "a0", allocator.frameworkAllocation("f").get("a0")!, { refuseSeconds: 10 });
    m = allocator.metrics();
    expect(m["allocator/mesos/resources/cpus/offered_or_allocated"]).toBe(1);
    expect(m["allocator/mesos/roles/r/shares/dominant"]).toBe(0);
    expect(m["allocator/mesos/offer_filters/roles/r/active"]).toBe(1);
    // The clock fires each timer once per advance, as Mesos' test clock: the
    // filter expires at 10 s, after that advance's batch; the next batch offers a0 again.
    clock.advance(11);
    m = allocator.metrics();
    expect(m["allocator/mesos/offer_filters/roles/r/active"]).toBe(0);
    expect(m["allocator/mesos/resources/cpus/offered_or_allocated"]).toBe(1);
    clock.advance(1);
    expect(allocator.metrics()["allocator/mesos/resources/cpus/offered_or_allocated"]).toBe(5);
  });

  it("counts and times every allocation run, and none while paused", () => {
    const { allocator, clock } = make();
    allocator.addFramework("f", { roles: ["r"] });
    allocator.addAgent("a0", { resources: Resources.parse("cpus:4;mem:1024") });
    // addFramework and addAgent each trigger a run; then 3 batches.
    for (let i = 0; i < 3; i++) clock.advance(1);
    allocator.pause();
    for (let i = 0; i < 3; i++) clock.advance(1);
    allocator.allocate();
    const m = allocator.metrics();
    expect(m["allocator/mesos/allocation_runs"]).toBe(5);
    expect(m["allocator/mesos/allocation_run_ms/count"]).toBe(5);
    expect(m["allocator/mesos/allocation_run_latency_ms/count"]).toBe(5);
    const stats = TIMER_STATISTICS.filter((s) => s !== "count");
    const ordered = ["min", "p50", "p90", "p95", "p99", "p999", "p9999", "max"].map((s) => m[`allocator/mesos/allocation_run_ms/${s}`]!);
    expect(stats.every((s) => m[`allocator/mesos/allocation_run_ms/${s}`]! >= 0)).toBe(true);
    expect([...ordered].sort((a, b) => a - b)).toEqual(ordered);
    // Immediate mode runs every allocation as it is asked for.
    expect(m["allocator/mesos/allocation_run_latency_ms/max"]).toBe(0);
  });

  it("in deferred mode, reports the queued run and the latency from the first request to its run", async () => {
    const { allocator } = make({ triggeredAllocation: "deferred" });
    allocator.addFramework("f", { roles: ["r"] });
    allocator.addAgent("a0", { resources: Resources.parse("cpus:4;mem:1024") });
    expect(allocator.metrics()["allocator/mesos/event_queue_dispatches"]).toBe(1);
    const start = performance.now();
    while (performance.now() - start < 5);
    await Promise.resolve();
    const m = allocator.metrics();
    expect(m["allocator/mesos/event_queue_dispatches"]).toBe(0);
    expect(m["allocator/mesos/allocation_runs"]).toBe(1);
    expect(m["allocator/mesos/allocation_run_latency_ms"]).toBeGreaterThanOrEqual(5);
  });

  it("publishes a role's quota guarantee, limit, what it is offered and what it consumes, and drops them with the quota", () => {
    const { allocator } = make();
    allocator.updateQuota("q", { guarantees: "cpus:1", limits: "cpus:2;mem:600" });
    allocator.addFramework("f", { roles: ["q"] });
    allocator.addAgent("a0", { resources: Resources.parse("cpus:2;mem:512") });
    const m = allocator.metrics();
    const at = (k: string) => m[`allocator/mesos/quota/roles/q/resources/${k}`];
    expect(at("cpus/guarantee")).toBe(1);
    expect(at("mem/guarantee")).toBeUndefined();
    expect(at("cpus/limit")).toBe(2);
    expect(at("mem/limit")).toBe(600);
    // The whole agent fits the limits and goes to f.
    expect(at("cpus/offered_or_allocated")).toBe(2);
    expect(at("mem/offered_or_allocated")).toBe(512);
    expect(at("cpus/consumed")).toBe(2);
    expect(at("mem/consumed")).toBe(512);
    allocator.updateQuota("q", {});
    expect(Object.keys(allocator.metrics()).filter((k) => k.includes("/quota/"))).toEqual([]);
  });

  it("lists keys sorted, and leaves roles nobody subscribes to out", () => {
    const { allocator } = make();
    allocator.addFramework("f", { roles: ["b", "a"] });
    allocator.removeFramework("f");
    allocator.addFramework("g", { roles: ["c"] });
    const keys = Object.keys(allocator.metrics());
    expect(keys).toEqual([...keys].sort());
    expect(keys.filter((k) => k.includes("/roles/"))).toEqual(["allocator/mesos/offer_filters/roles/c/active", "allocator/mesos/roles/c/shares/dominant"]);
  });
});
