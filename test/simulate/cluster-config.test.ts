import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ClusterConfigError,
  applyOverrides,
  defaultClusterConfig,
  parseClusterConfig,
  validateClusterConfig,
} from "../../src/simulate/index.js";
import { apportion } from "../../src/simulate/cluster-config.js";
import { fcParams } from "../fc-params.js";

const example = readFileSync(new URL("../../examples/cluster.json", import.meta.url), "utf8");

/** A small valid description to mutate. */
function small(): any {
  return {
    agents: [{ name: "a", count: 2, resources: "cpus:4;mem:4096" }],
    roles: [{ name: "r", arrivalsPerMinute: 10, tasks: [{ resources: "cpus:1;mem:512", duration: { distribution: "fixed", seconds: 10 } }] }],
  };
}

/** Runs `mutate` on a small valid description and returns the error it must raise. */
function errorOf(mutate: (d: any) => void): ClusterConfigError {
  const d = small();
  mutate(d);
  try {
    validateClusterConfig(d, "test.json");
  } catch (err) {
    expect(err).toBeInstanceOf(ClusterConfigError);
    return err as ClusterConfigError;
  }
  throw new Error("expected a ClusterConfigError");
}

describe("cluster description", () => {
  it("examples/cluster.json is the built-in cluster", () => {
    expect(parseClusterConfig(example, "examples/cluster.json")).toEqual(defaultClusterConfig());
  });

  it("fills in documented defaults", () => {
    const c = validateClusterConfig(small());
    expect(c.durationSeconds).toBe(3600);
    expect(c.seed).toBe(1);
    expect(c.allocationIntervalSeconds).toBe(1);
    expect(c.sampleIntervalSeconds).toBe(10);
    expect(c.refuseSeconds).toBe(5);
    expect([c.roleSorter, c.frameworkSorter]).toEqual(["drf", "drf"]);
    expect(c.roles[0]).toMatchObject({ weight: 1, frameworks: 1, startSecond: 0 });
    expect(c.roles[0]!.tasks[0]).toMatchObject({ name: "task0", weight: 1 });
    expect(c.agents[0]).toMatchObject({ name: "a", count: 2 });
  });

  const cases: Array<[string, (d: any) => void, string, RegExp]> = [
    ["missing agents", (d) => delete d.agents, "agents", /expected an array, got nothing/],
    ["empty roles", (d) => (d.roles = []), "roles", /must not be empty/],
    ["unknown top-level field", (d) => (d.durationSecs = 5), "durationSecs", /unknown field 'durationSecs'/],
    ["unknown role field", (d) => (d.roles[0].wieght = 2), "roles[0].wieght", /unknown field/],
    ["negative weight", (d) => (d.roles[0].weight = -1), "roles[0].weight", /greater than 0, got -1/],
    ["weight as a string", (d) => (d.roles[0].weight = "2"), "roles[0].weight", /expected a number, got the string "2"/],
    ["fractional agent count", (d) => (d.agents[0].count = 1.5), "agents[0].count", /integer/],
    ["bad agent resources", (d) => (d.agents[0].resources = "cpus:abc"), "agents[0].resources", /bad resources "cpus:abc"/],
    ["agent without scalars", (d) => (d.agents[0].resources = "ports:[1-2]"), "agents[0].resources", /at least one scalar/],
    ["task with ranges", (d) => (d.roles[0].tasks[0].resources = "cpus:1;ports:[1-2]"), "roles[0].tasks[0].resources", /scalar resources only/],
    ["reserved task", (d) => (d.roles[0].tasks[0].resources = "cpus(r):1"), "roles[0].tasks[0].resources", /unreserved/],
    ["task that fits nowhere", (d) => (d.roles[0].tasks[0].resources = "cpus:8;mem:512"), "roles[0].tasks[0].resources", /fits on no agent group/],
    ["task needing a resource agents lack", (d) => (d.roles[0].tasks[0].resources = "cpus:1;gpus:1"), "roles[0].tasks[0].resources", /fits on no agent group/],
    ["duplicate role", (d) => d.roles.push(structuredClone(d.roles[0])), "roles[1].name", /duplicate role 'r'/],
    ["default role", (d) => (d.roles[0].name = "*"), "roles[0].name", /default role/],
    ["role with a trailing slash", (d) => (d.roles[0].name = "eng/"), "roles[0].name", /cannot end with a slash/],
    ["role with a space", (d) => (d.roles[0].name = "my role"), "roles[0].name", /whitespace/],
    ["role component '..'", (d) => (d.roles[0].name = "a/../b"), "roles[0].name", /cannot include '\.\.' as a component/],
    ["quota on a nested role", (d) => Object.assign(d.roles[0], { name: "eng/web", quota: { guarantees: "cpus:1" } }), "roles[0].quota", /top-level roles/],
    ["limits below guarantees", (d) => (d.roles[0].quota = { guarantees: "cpus:2", limits: "cpus:1" }), "roles[0].quota.limits", /below the guarantee cpus:2/],
    ["bad quota text", (d) => (d.roles[0].quota = { guarantees: "cpus" }), "roles[0].quota.guarantees", /bad quantities "cpus"/],
    ["unknown quota field", (d) => (d.roles[0].quota = { guarantee: "cpus:1" }), "roles[0].quota.guarantee", /unknown field/],
    ["unknown distribution", (d) => (d.roles[0].tasks[0].duration = { distribution: "pareto", mean: 1 }), "roles[0].tasks[0].duration.distribution", /one of fixed, exponential, uniform, lognormal/],
    ["exponential without mean", (d) => (d.roles[0].tasks[0].duration = { distribution: "exponential" }), "roles[0].tasks[0].duration.mean", /required/],
    ["uniform with max < min", (d) => (d.roles[0].tasks[0].duration = { distribution: "uniform", min: 5, max: 1 }), "roles[0].tasks[0].duration.max", /at least min/],
    ["zero duration", (d) => (d.roles[0].tasks[0].duration = { distribution: "fixed", seconds: 0 }), "roles[0].tasks[0].duration.seconds", /greater than 0/],
    ["end before start", (d) => Object.assign(d.roles[0], { startSecond: 100, endSecond: 50 }), "roles[0].endSecond", /before startSecond/],
    ["too many samples", (d) => Object.assign(d, { durationSeconds: 86400, sampleIntervalSeconds: 0.5 }), "sampleIntervalSeconds", /at most 100000 samples/],
    ["too many allocation cycles", (d) => Object.assign(d, { durationSeconds: 604800, allocationIntervalSeconds: 0.1, sampleIntervalSeconds: 60 }), "allocationIntervalSeconds", /at most 1000000 allocation cycles, got 6048000/],
    ["unknown sorter", (d) => (d.roleSorter = "fifo"), "roleSorter", /must be "drf" or "random", got the string "fifo"/],
    ["too many agents", (d) => (d.agents[0].count = 200000), "agents[0].count", /at most 100000/],
    ["duplicate agent group", (d) => d.agents.push({ ...d.agents[0] }), "agents[1].name", /duplicate agent group/],
    ["not an object", (d) => (d.roles[0] = 5), "roles[0]", /expected an object, got number 5/],
  ];

  it.each(cases)("rejects %s with a typed error naming the field", (_name, mutate, path, reason) => {
    const err = errorOf(mutate);
    expect(err.path).toBe(path);
    expect(err.reason).toMatch(reason);
    expect(err.source).toBe("test.json");
    expect(err.message).toContain(`test.json at ${path}`);
  });

  it("says where bad JSON breaks, by line and column", () => {
    const err = (() => {
      try {
        parseClusterConfig('{\n  "agents": [\n    {"count": 1,}\n  ]\n}', "bad.json");
      } catch (e) {
        return e as ClusterConfigError;
      }
      throw new Error("expected an error");
    })();
    expect(err).toBeInstanceOf(ClusterConfigError);
    expect(err.path).toBe("");
    expect(err.reason).toMatch(/not valid JSON: .*line 3 column 17/);
  });

  it("turns any malformed document into a ClusterConfigError and nothing else", () => {
    const mutated = fc.tuple(fc.jsonValue(), fc.constantFrom(
      (d: any, v: unknown) => (d.agents[0].resources = v),
      (d: any, v: unknown) => (d.roles[0].tasks[0].duration = v),
      (d: any, v: unknown) => (d.roles[0].quota = v),
      (d: any, v: unknown) => (d.roles[0].name = v),
      (d: any, v: unknown) => (d.roles = v),
      (d: any, v: unknown) => (d.agents[0].count = v),
      (d: any, v: unknown) => (d.fairnessExcludeResourceNames = v),
    ));
    fc.assert(fc.property(mutated, ([v, mutate]) => {
      const d = small();
      mutate(d, v);
      try {
        validateClusterConfig(d);
      } catch (err) {
        expect(err).toBeInstanceOf(ClusterConfigError);
      }
    }), fcParams(300));
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => {
      try {
        parseClusterConfig(text);
      } catch (err) {
        expect(err).toBeInstanceOf(ClusterConfigError);
      }
    }), fcParams(200));
  });
});

describe("overrides", () => {
  it("spreads --agents and --frameworks in proportion and keeps every role", () => {
    const c = applyOverrides(defaultClusterConfig(), { agents: 8, frameworks: 4, durationSeconds: 60, seed: 9 });
    expect(c.agents.map((g) => g.count)).toEqual([6, 2]);
    expect(c.roles.map((r) => r.frameworks)).toEqual([1, 1, 1, 1]);
    expect(c.durationSeconds).toBe(60);
    expect(c.seed).toBe(9);
    expect(() => applyOverrides(defaultClusterConfig(), { frameworks: 3 })).toThrow(ClusterConfigError);
    // Quota keeps its fraction of the cluster: 8 of 20 agents, so 8/20 of cpus:80;mem:163840.
    expect(c.roles[0]!.quota).toEqual({ guarantees: "cpus:32;mem:65536" });
  });

  it("apportions exactly the total", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 500 }), (weights, extra) => {
      const total = weights.length + extra;
      const parts = apportion(total, weights, 1);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      for (const p of parts) expect(p).toBeGreaterThanOrEqual(1);
    }), fcParams(200));
  });
});
