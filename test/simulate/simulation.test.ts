import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { runSimulation, validateClusterConfig, type SimLogEvent, type SimulationResult } from "../../src/simulate/index.js";
import { scalarQuantities } from "../../src/simulate/cluster-config.js";
import { fcParams } from "../fc-params.js";

/** A small mixed cluster: three roles, one with quota, several task shapes. */
function mixedCluster(seed = 7, durationSeconds = 300): any {
  return {
    durationSeconds,
    seed,
    agents: [
      { name: "s", count: 6, resources: "cpus:8;mem:16384;disk:65536;ports:[31000-31100]" },
      { name: "l", count: 2, resources: "cpus:16;mem:65536;disk:131072" },
    ],
    roles: [
      { name: "svc", weight: 2, quota: { guarantees: "cpus:16;mem:16384" }, frameworks: 2, arrivalsPerMinute: 20,
        tasks: [{ name: "web", resources: "cpus:1;mem:2048", duration: { distribution: "exponential", mean: 120 } }] },
      { name: "eng/batch", weight: 1, frameworks: 2, arrivalsPerMinute: 40, startSecond: 30, endSecond: 250,
        tasks: [
          { name: "small", resources: "cpus:0.5;mem:512;disk:1024", weight: 3, duration: { distribution: "lognormal", median: 40, sigma: 0.5 } },
          { name: "big", resources: "cpus:4;mem:8192", weight: 1, duration: { distribution: "uniform", min: 30, max: 90 } },
        ] },
      { name: "dev", frameworks: 1, arrivalsPerMinute: 6,
        tasks: [{ resources: "cpus:0.25;mem:256", duration: { distribution: "fixed", seconds: 30 } }] },
    ],
  };
}

function run(doc: any): SimulationResult {
  return runSimulation(validateClusterConfig(doc), { verify: true });
}

const mixed = run(mixedCluster());

describe("simulation", () => {
  it("is deterministic for a seed, and the seed matters", () => {
    const again = run(mixedCluster());
    expect(again.events).toEqual(mixed.events);
    expect(again.roles).toEqual(mixed.roles);
    expect(again.metrics).toEqual(mixed.metrics);
    // Everything but wall time: the allocator's run timers are wall time too, its counts and amounts are not.
    const exact = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([k]) => !k.includes("_ms")));
    expect({ ...again, wallSeconds: 0, allocatorSeconds: 0, allocatorMetrics: exact(again.allocatorMetrics) }).toEqual({ ...mixed, wallSeconds: 0, allocatorSeconds: 0, allocatorMetrics: exact(mixed.allocatorMetrics) });
    expect(mixed.allocatorMetrics["allocator/mesos/allocation_runs"]).toBeGreaterThan(0);
    const other = run(mixedCluster(8, 60));
    expect(other.events.filter((e) => e.t <= 60)).not.toEqual(mixed.events.filter((e) => e.t <= 60));
  });

  it("reports per-role numbers that match the event log", () => {
    const byRole = (kind: SimLogEvent["kind"], role: string) => mixed.events.filter((e) => e.kind === kind && "role" in e && e.role === role);
    for (const r of mixed.roles) {
      const arrivals = byRole("arrive", r.role) as Extract<SimLogEvent, { kind: "arrive" }>[];
      const launches = byRole("launch", r.role) as Extract<SimLogEvent, { kind: "launch" }>[];
      const finishes = byRole("finish", r.role) as Extract<SimLogEvent, { kind: "finish" }>[];
      expect(r.tasksArrived).toBe(arrivals.length);
      expect(r.tasksLaunched).toBe(launches.length);
      expect(r.tasksRun).toBe(finishes.length);
      // Every finished task was launched before, and every launched task arrived before.
      const arrivedAt = new Map(arrivals.map((e) => [e.task, e.t]));
      const launchedAt = new Map(launches.map((e) => [e.task, e.t]));
      for (const f of finishes) expect(launchedAt.get(f.task)!).toBeLessThanOrEqual(f.t);
      for (const l of launches) expect(arrivedAt.get(l.task)!).toBeLessThanOrEqual(l.t);
      expect(r.pendingAtEnd).toBe(arrivals.length - launches.length);
      expect(r.runningAtEnd).toBe(launches.length - finishes.length);
      const waits = launches.map((l) => l.t - arrivedAt.get(l.task)!);
      const meanWait = waits.reduce((a, b) => a + b, 0) / waits.length;
      expect(r.meanWaitSeconds).toBeCloseTo(meanWait, 9);
      expect(r.tasksRun).toBeGreaterThan(0);
    }
    // Quota text and weights are the configured ones.
    expect(mixed.roles.map((r) => [r.role, r.weight, r.quota])).toEqual([
      ["svc", 2, "cpus:16;mem:16384"],
      ["eng/batch", 1, ""],
      ["dev", 1, ""],
    ]);
  });

  it("never commits or offers an agent beyond its total", () => {
    const totals = new Map<string, Map<string, number>>();
    for (const g of mixed.config.agents) for (let i = 0; i < g.count; i++) totals.set(`${g.name}-${i}`, scalarQuantities(g.resources));
    const used = new Map<string, Map<string, number>>([...totals.keys()].map((a) => [a, new Map()]));
    const add = (agent: string, text: string, sign: number) => {
      const u = used.get(agent)!;
      for (const [n, v] of scalarQuantities(text)) u.set(n, (u.get(n) ?? 0) + sign * v);
    };
    let offers = 0;
    for (const e of mixed.events) {
      if (e.kind === "launch") add(e.agent, e.resources, 1);
      if (e.kind === "finish") add(e.agent, e.resources, -1);
      if (e.kind === "launch" || e.kind === "offer") {
        const extra = e.kind === "offer" ? scalarQuantities(e.scalars) : new Map<string, number>();
        const total = totals.get(e.agent)!;
        for (const [n, t] of total) {
          expect((used.get(e.agent)!.get(n) ?? 0) + (extra.get(n) ?? 0)).toBeLessThanOrEqual(t);
        }
        if (e.kind === "offer") offers++;
      }
    }
    expect(offers).toBeGreaterThan(100);
  });

  it("samples at the configured interval, with shares and utilization in [0, 1]", () => {
    const m = mixed.metrics;
    expect(m.times.length).toBe(31);
    expect(m.times[1]).toBe(10);
    for (const r of m.roles) for (const s of m.dominantShare.get(r)!) expect(s >= 0 && s <= 1).toBe(true);
    for (const n of m.resources) for (const u of m.utilization.get(n)!) expect(u >= 0 && u <= 1).toBe(true);
    expect([...m.resources].sort()).toEqual(["cpus", "disk", "mem"]);
  });
});

/** Two saturating roles with identical cpu-bound tasks. */
function contended(roles: Array<{ name: string; weight: number; quota?: string }>, durationSeconds = 400): any {
  return {
    durationSeconds,
    seed: 3,
    agents: [{ name: "a", count: 10, resources: "cpus:8;mem:32768" }],
    roles: roles.map((r) => ({
      name: r.name,
      weight: r.weight,
      ...(r.quota ? { quota: { guarantees: r.quota } } : {}),
      frameworks: 1,
      arrivalsPerMinute: 300,
      tasks: [{ resources: "cpus:1;mem:1024", duration: { distribution: "exponential", mean: 30 } }],
    })),
  };
}

/** Mean of a role's sampled dominant share from `from` seconds on. */
function meanShareAfter(result: SimulationResult, role: string, from: number): number {
  const xs = result.metrics.dominantShare.get(role)!.filter((_, i) => result.metrics.times[i]! >= from);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe("fairness in a saturated cluster", () => {
  it("gives weighted roles dominant shares in proportion to their weights", () => {
    const r = run(contended([{ name: "heavy", weight: 3 }, { name: "light", weight: 1 }]));
    const heavy = meanShareAfter(r, "heavy", 100);
    const light = meanShareAfter(r, "light", 100);
    // Saturated: together they use (nearly) the whole cluster ...
    expect(heavy + light).toBeGreaterThan(0.95);
    // ... split 3:1 by DRF with weights, within 15%.
    expect(heavy / light).toBeGreaterThan(3 * 0.85);
    expect(heavy / light).toBeLessThan(3 * 1.15);
    // Both kept a backlog, so both wanted more than they got.
    expect(r.roles.every((x) => x.pendingAtEnd > 0)).toBe(true);
  });

  it("gives the quota role at least its guarantee while it has demand, which weights alone would not", () => {
    const guaranteeCpus = 30;
    const total = 80;
    const withQuota = run(contended([{ name: "prod", weight: 1, quota: `cpus:${guaranteeCpus}` }, { name: "bulk", weight: 9 }]));
    const m = withQuota.metrics;
    const shares = m.dominantShare.get("prod")!;
    const pending = m.pending.get("prod")!;
    let checked = 0;
    for (let i = 0; i < m.times.length; i++) {
      if (m.times[i]! < 100 || pending[i]! === 0) continue;
      checked++;
      // cpus are the dominant resource: share * total = cpus allocated; allow one task of slack.
      expect(shares[i]! * total).toBeGreaterThanOrEqual(guaranteeCpus - 1);
    }
    expect(checked).toBeGreaterThan(25);
    // Control: without quota the same role gets about a tenth of the cluster.
    const without = run(contended([{ name: "prod", weight: 1 }, { name: "bulk", weight: 9 }]));
    expect(meanShareAfter(without, "prod", 100) * total).toBeLessThan(guaranteeCpus / 2);
  });
});

describe("invariants on random clusters and workloads", () => {
  const cluster = fc.record({
    seed: fc.integer(),
    allocationIntervalSeconds: fc.constantFrom(0.5, 1, 2),
    refuseSeconds: fc.constantFrom(0, 1, 5, 30),
    agents: fc.array(fc.record({ count: fc.integer({ min: 1, max: 4 }), cpus: fc.integer({ min: 2, max: 16 }), mem: fc.integer({ min: 2048, max: 32768 }) }), { minLength: 1, maxLength: 3 }),
    roles: fc.array(fc.record({
      weight: fc.double({ min: 0.25, max: 5, noNaN: true }),
      quotaCpus: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      limitExtraCpus: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      frameworks: fc.integer({ min: 1, max: 2 }),
      arrivalsPerMinute: fc.integer({ min: 1, max: 120 }),
      tasks: fc.array(fc.record({ cpus: fc.integer({ min: 1, max: 20 }), mem: fc.integer({ min: 32, max: 2048 }), mean: fc.integer({ min: 2, max: 90 }) }), { minLength: 1, maxLength: 3 }),
    }), { minLength: 1, maxLength: 3 }),
  }).map((g) => ({
    durationSeconds: 120,
    sampleIntervalSeconds: 5,
    seed: g.seed,
    allocationIntervalSeconds: g.allocationIntervalSeconds,
    refuseSeconds: g.refuseSeconds,
    agents: g.agents.map((a, i) => ({ name: `g${i}`, count: a.count, resources: `cpus:${a.cpus};mem:${a.mem};disk:1000` })),
    roles: g.roles.map((r, i) => ({
      // A top-level role (the only one that may carry quota), a nested role under it, and a sibling.
      name: ["r0", "r0/sub", "other"][i]!,
      weight: r.weight,
      ...(i === 0 && (r.quotaCpus !== undefined || r.limitExtraCpus !== undefined)
        ? { quota: {
            ...(r.quotaCpus !== undefined ? { guarantees: `cpus:${r.quotaCpus}` } : {}),
            ...(r.limitExtraCpus !== undefined ? { limits: `cpus:${(r.quotaCpus ?? 0) + r.limitExtraCpus + 1}` } : {}),
          } }
        : {}),
      frameworks: r.frameworks,
      arrivalsPerMinute: r.arrivalsPerMinute,
      tasks: r.tasks.map((t) => ({ resources: `cpus:${t.cpus / 10};mem:${t.mem}`, duration: { distribution: "exponential", mean: t.mean } })),
    })),
  }));

  it("keeps the allocator's books equal to the tasks', never over-commits, and reports what the log says", () => {
    fc.assert(fc.property(cluster, (doc) => {
      const r = runSimulation(validateClusterConfig(doc), { verify: true }); // throws SimulationInvariantError on a broken invariant
      const count = (kind: string, role: string) => r.events.filter((e) => e.kind === kind && "role" in e && e.role === role).length;
      for (const s of r.roles) {
        expect(s.tasksRun).toBe(count("finish", s.role));
        expect(s.tasksLaunched).toBe(count("launch", s.role));
        expect(s.tasksArrived).toBe(count("arrive", s.role));
      }
      // A quota limit on r0 bounds what r0 holds, at every moment. (Mesos checks
      // only the limits of the role being allocated to: hierarchical.cpp's
      // second stage reads getQuota(role).limits, so a subrole is not held to
      // its parent's limits, while its allocations do count in the parent's
      // consumption.)
      const limit = r.config.roles[0]!.quota?.limits;
      if (limit !== undefined) {
        const max = scalarQuantities(limit).get("cpus")!;
        let held = 0;
        for (const e of r.events) {
          if ((e.kind === "launch" || e.kind === "finish") && e.role === "r0") {
            held += (e.kind === "launch" ? 1 : -1) * scalarQuantities(e.resources).get("cpus")!;
            expect(held).toBeLessThanOrEqual(max);
          }
        }
      }
    }), fcParams(10));
  });
});

describe("reservations", () => {
  it("gives resources reserved to a role only to that role, which uses them first", () => {
    const r = run({
      durationSeconds: 300,
      seed: 5,
      agents: [{ name: "a", count: 4, resources: "cpus(svc):4;mem(svc):8192;cpus:4;mem:8192" }],
      roles: [
        { name: "svc", frameworks: 1, arrivalsPerMinute: 20, tasks: [{ resources: "cpus:1;mem:1024", duration: { distribution: "exponential", mean: 30 } }] },
        { name: "other", weight: 10, frameworks: 2, arrivalsPerMinute: 300, tasks: [{ resources: "cpus:1;mem:1024", duration: { distribution: "exponential", mean: 60 } }] },
      ],
    });
    // `other` saturates the cluster, yet never uses more than the unreserved part of an agent.
    const otherCpus = new Map<string, number>();
    let maxOther = 0;
    let svcFromReservation = 0;
    let svcLaunches = 0;
    const taskAgent = new Map<number, string>();
    for (const e of r.events) {
      if (e.kind === "launch" && e.role === "svc") {
        svcLaunches++;
        if (e.reserved === "cpus:1;mem:1024") svcFromReservation++;
      }
      if (e.kind === "launch" && e.role === "other") {
        expect(e.reserved).toBeUndefined();
        taskAgent.set(e.task, e.agent);
        otherCpus.set(e.agent, (otherCpus.get(e.agent) ?? 0) + 1);
        maxOther = Math.max(maxOther, otherCpus.get(e.agent)!);
      }
      if (e.kind === "finish" && e.role === "other") otherCpus.set(e.agent, otherCpus.get(e.agent)! - 1);
    }
    expect(maxOther).toBe(4);
    // svc's demand (about 10 tasks at a time) fits its 16 reserved cpus: every task ran on reserved resources, without waiting for others.
    expect(svcLaunches).toBeGreaterThan(50);
    expect(svcFromReservation).toBe(svcLaunches);
    expect(r.roles[0]!.pendingAtEnd).toBe(0);
    expect(r.roles[1]!.pendingAtEnd).toBeGreaterThan(0);
  });
});

describe("sorters", () => {
  it("runs the allocator with the random sorters when asked, keeping every invariant", () => {
    const doc = { ...mixedCluster(7, 120) };
    const drf = run(doc);
    const random = run({ ...doc, roleSorter: "random", frameworkSorter: "random" });
    expect(random.config.roleSorter).toBe("random");
    // Same workload (arrivals come from the simulator's own seeded streams) ...
    const arrivals = (r: SimulationResult) => r.events.filter((e) => e.kind === "arrive");
    expect(arrivals(random)).toEqual(arrivals(drf));
    // ... placed differently.
    const launches = (r: SimulationResult) => r.events.filter((e) => e.kind === "launch").map((e) => [e.t, (e as { agent: string }).agent]);
    expect(launches(random)).not.toEqual(launches(drf));
  });
});

describe("fairness-excluded resources", () => {
  it("leave the dominant share to the other resources", () => {
    const doc = {
      durationSeconds: 60,
      fairnessExcludeResourceNames: ["mem"],
      agents: [{ count: 2, resources: "cpus:8;mem:8192" }],
      roles: [{ name: "m", frameworks: 1, arrivalsPerMinute: 60, tasks: [{ resources: "cpus:0.5;mem:4096", duration: { distribution: "fixed", seconds: 1000 } }] }],
    };
    const withExclusion = run(doc);
    const without = run({ ...doc, fairnessExcludeResourceNames: [] });
    const last = (r: SimulationResult) => r.metrics.dominantShare.get("m")!.at(-1)!;
    // The same 4 tasks run in both (memory is full): 2 of 16 cpus, 16 of 16 GiB.
    expect(without.roles[0]!.runningAtEnd).toBe(4);
    expect(last(without)).toBeCloseTo(1, 9);
    expect(last(withExclusion)).toBeCloseTo(2 / 16, 9);
  });
});
