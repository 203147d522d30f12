/**
 * The cluster description a simulation runs: agents, roles (weights, quota),
 * frameworks per role and the workload each framework submits. It is read
 * from JSON (format documented in docs/simulate.md) and validated field by
 * field; every problem becomes a `ClusterConfigError` naming the field.
 */
import { ResourceQuantities, Resources, roleError } from "../resources/index.js";
import type { Quantities } from "./quantities.js";

/** How long a task runs once launched. All values in seconds. */
export type DurationSpec =
  | { distribution: "fixed"; seconds: number }
  | { distribution: "exponential"; mean: number }
  | { distribution: "uniform"; min: number; max: number }
  | { distribution: "lognormal"; median: number; sigma: number };

/** One task shape a framework submits, drawn with probability proportional to `weight`. */
export interface TaskShapeSpec {
  name: string;
  /** Scalar resources in Mesos text form, e.g. `cpus:1;mem:2048`. */
  resources: string;
  weight: number;
  duration: DurationSpec;
}

/** A group of identical agents. */
export interface AgentGroupSpec {
  /** Agent ids are `<name>-<index>`. */
  name: string;
  count: number;
  /** Resources in Mesos text form, e.g. `cpus:16;mem:65536;disk:409600;ports:[31000-32000]`. */
  resources: string;
}

/** A role, its frameworks and their workload. */
export interface RoleSpec {
  name: string;
  weight: number;
  quota?: { guarantees?: string; limits?: string };
  /** Number of frameworks subscribed to this role, each submitting the workload below. */
  frameworks: number;
  /** Mean task arrivals per minute per framework (a Poisson process). */
  arrivalsPerMinute: number;
  /** Arrivals start at this simulated second (default 0) ... */
  startSecond: number;
  /** ... and stop at this one (default: the end of the run). */
  endSecond?: number;
  tasks: TaskShapeSpec[];
}

/** A validated cluster description with every default filled in. */
export interface ClusterConfig {
  durationSeconds: number;
  seed: number;
  allocationIntervalSeconds: number;
  sampleIntervalSeconds: number;
  /** Refuse time of the filter a framework sets when it declines what it cannot use. */
  refuseSeconds: number;
  fairnessExcludeResourceNames: string[];
  /** The allocator's sorters: weighted DRF (Mesos' default) or weighted random. */
  roleSorter: "drf" | "random";
  frameworkSorter: "drf" | "random";
  agents: AgentGroupSpec[];
  roles: RoleSpec[];
}

/** A bad cluster description: `path` says where (e.g. `roles[1].weight`), `reason` why. */
export class ClusterConfigError extends Error {
  constructor(
    /** The file (or `<built-in>`), when known. */
    readonly source: string,
    /** JSON path of the offending field; empty for the document itself. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`invalid cluster description ${source}${path ? ` at ${path}` : ""}: ${reason}`);
    this.name = "ClusterConfigError";
  }
}

/** Upper bounds that keep a run finite and memory-bounded. */
export const LIMITS = {
  maxAgents: 100_000,
  maxFrameworks: 10_000,
  maxDurationSeconds: 7 * 24 * 3600,
  maxSamples: 100_000,
  maxAllocationCycles: 1_000_000,
  maxArrivalsPerMinute: 60_000,
} as const;

/** The built-in cluster `drfcore simulate` runs without `--cluster` (also examples/cluster.json). */
export const DEFAULT_CLUSTER = {
  durationSeconds: 3600,
  seed: 1,
  allocationIntervalSeconds: 1,
  sampleIntervalSeconds: 10,
  refuseSeconds: 5,
  agents: [
    { name: "std", count: 15, resources: "cpus:16;mem:65536;disk:409600;ports:[31000-32000]" },
    { name: "big", count: 5, resources: "cpus:32;mem:131072;disk:819200;ports:[31000-32000]" },
  ],
  roles: [
    {
      name: "services",
      weight: 2,
      quota: { guarantees: "cpus:80;mem:163840" },
      frameworks: 2,
      arrivalsPerMinute: 4,
      tasks: [
        { name: "web", resources: "cpus:2;mem:4096;disk:1024", weight: 3, duration: { distribution: "exponential", mean: 600 } },
        { name: "cache", resources: "cpus:1;mem:16384;disk:1024", weight: 1, duration: { distribution: "uniform", min: 300, max: 1200 } },
      ],
    },
    {
      name: "analytics",
      weight: 3,
      frameworks: 2,
      arrivalsPerMinute: 30,
      tasks: [
        { name: "query", resources: "cpus:1;mem:8192;disk:2048", weight: 4, duration: { distribution: "lognormal", median: 90, sigma: 0.6 } },
        { name: "shuffle", resources: "cpus:2;mem:16384;disk:8192", weight: 1, duration: { distribution: "exponential", mean: 180 } },
      ],
    },
    {
      name: "batch",
      weight: 1,
      frameworks: 3,
      arrivalsPerMinute: 6,
      startSecond: 600,
      tasks: [
        { name: "compile", resources: "cpus:4;mem:4096;disk:4096", weight: 1, duration: { distribution: "exponential", mean: 240 } },
      ],
    },
    {
      name: "dev",
      weight: 1,
      frameworks: 1,
      arrivalsPerMinute: 20,
      tasks: [
        { name: "notebook", resources: "cpus:0.5;mem:1024", weight: 1, duration: { distribution: "fixed", seconds: 60 } },
      ],
    },
  ],
} as const;

type Json = unknown;

/** Parses JSON text and validates it; JSON syntax errors say line and column. */
export function parseClusterConfig(text: string, source = "<input>"): ClusterConfig {
  let doc: Json;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ClusterConfigError(source, "", `not valid JSON: ${describeJsonError(text, err as Error)}`);
  }
  return validateClusterConfig(doc, source);
}

/** Turns JSON.parse's "at position N" into "line L column C". */
function describeJsonError(text: string, err: Error): string {
  const m = /position (\d+)/.exec(err.message);
  const base = err.message.replace(/ in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)$/, "");
  if (!m) return err.message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split("\n").length;
  const column = pos - before.lastIndexOf("\n");
  return `${base} at line ${line} column ${column}`;
}

/** Validates an already-parsed document and fills in defaults. */
export function validateClusterConfig(doc: Json, source = "<input>"): ClusterConfig {
  const v = new Validator(source);
  const root = v.object(doc, "", [
    "durationSeconds", "seed", "allocationIntervalSeconds", "sampleIntervalSeconds", "refuseSeconds",
    "fairnessExcludeResourceNames", "roleSorter", "frameworkSorter", "agents", "roles", "$schema", "description",
  ]);
  const durationSeconds = v.number(root.durationSeconds, "durationSeconds", { min: 0, exclusiveMin: true, max: LIMITS.maxDurationSeconds, default: 3600 });
  const seed = v.number(root.seed, "seed", { integer: true, default: 1 });
  const allocationIntervalSeconds = v.number(root.allocationIntervalSeconds, "allocationIntervalSeconds", { min: 0.001, max: 3600, default: 1 });
  const sampleIntervalSeconds = v.number(root.sampleIntervalSeconds, "sampleIntervalSeconds", { min: 0.001, max: 86_400, default: 10 });
  if (durationSeconds / sampleIntervalSeconds > LIMITS.maxSamples) {
    throw v.error("sampleIntervalSeconds", `durationSeconds / sampleIntervalSeconds must be at most ${LIMITS.maxSamples} samples, got ${Math.ceil(durationSeconds / sampleIntervalSeconds)}`);
  }
  if (durationSeconds / allocationIntervalSeconds > LIMITS.maxAllocationCycles) {
    throw v.error("allocationIntervalSeconds", `durationSeconds / allocationIntervalSeconds must be at most ${LIMITS.maxAllocationCycles} allocation cycles, got ${Math.ceil(durationSeconds / allocationIntervalSeconds)}`);
  }
  const refuseSeconds = v.number(root.refuseSeconds, "refuseSeconds", { min: 0, max: 86_400, default: 5 });
  const fairnessExcludeResourceNames = root.fairnessExcludeResourceNames === undefined
    ? []
    : v.array(root.fairnessExcludeResourceNames, "fairnessExcludeResourceNames").map((n, i) => v.string(n, `fairnessExcludeResourceNames[${i}]`));

  const roleSorter = v.sorter(root.roleSorter, "roleSorter");
  const frameworkSorter = v.sorter(root.frameworkSorter, "frameworkSorter");

  const agentsDoc = v.array(root.agents, "agents", { nonEmpty: true });
  const agentNames = new Set<string>();
  let totalAgents = 0;
  const agents = agentsDoc.map((g, i): AgentGroupSpec => {
    const at = `agents[${i}]`;
    const o = v.object(g, at, ["name", "count", "resources"]);
    const name = o.name === undefined ? `agent${i}` : v.identifier(o.name, `${at}.name`);
    if (agentNames.has(name)) throw v.error(`${at}.name`, `duplicate agent group name '${name}'`);
    agentNames.add(name);
    const count = v.number(o.count, `${at}.count`, { integer: true, min: 1, max: LIMITS.maxAgents, default: 1 });
    totalAgents += count;
    const resources = v.resources(o.resources, `${at}.resources`);
    if (resources.scalars.size === 0) throw v.error(`${at}.resources`, "an agent needs at least one scalar resource (e.g. cpus, mem)");
    return { name, count, resources: resources.text };
  });
  if (totalAgents > LIMITS.maxAgents) throw v.error("agents", `at most ${LIMITS.maxAgents} agents in total, got ${totalAgents}`);

  const rolesDoc = v.array(root.roles, "roles", { nonEmpty: true });
  const roleNames = new Set<string>();
  let totalFrameworks = 0;
  const roles = rolesDoc.map((r, i): RoleSpec => {
    const at = `roles[${i}]`;
    const o = v.object(r, at, ["name", "weight", "quota", "frameworks", "arrivalsPerMinute", "startSecond", "endSecond", "tasks"]);
    const name = v.role(o.name, `${at}.name`);
    if (roleNames.has(name)) throw v.error(`${at}.name`, `duplicate role '${name}'`);
    roleNames.add(name);
    const weight = v.number(o.weight, `${at}.weight`, { min: 0, exclusiveMin: true, max: 1e6, default: 1 });
    let quota: RoleSpec["quota"];
    if (o.quota !== undefined) {
      const q = v.object(o.quota, `${at}.quota`, ["guarantees", "limits"]);
      if (name.includes("/")) throw v.error(`${at}.quota`, `quota can only be set on top-level roles (as in Mesos), not on '${name}'`);
      const guarantees = q.guarantees === undefined ? undefined : v.quantities(q.guarantees, `${at}.quota.guarantees`);
      const limits = q.limits === undefined ? undefined : v.quantities(q.limits, `${at}.quota.limits`);
      if (guarantees && limits) {
        for (const [n, g] of guarantees.scalars) {
          const l = limits.scalars.get(n);
          if (l !== undefined && l < g) throw v.error(`${at}.quota.limits`, `limit ${n}:${l / 1000} is below the guarantee ${n}:${g / 1000} (Mesos requires guarantees <= limits)`);
        }
      }
      quota = {};
      if (guarantees) quota.guarantees = guarantees.text;
      if (limits) quota.limits = limits.text;
    }
    const frameworks = v.number(o.frameworks, `${at}.frameworks`, { integer: true, min: 0, max: LIMITS.maxFrameworks, default: 1 });
    totalFrameworks += frameworks;
    const arrivalsPerMinute = v.number(o.arrivalsPerMinute, `${at}.arrivalsPerMinute`, { min: 0, max: LIMITS.maxArrivalsPerMinute });
    const startSecond = v.number(o.startSecond, `${at}.startSecond`, { min: 0, default: 0 });
    const endSecond = o.endSecond === undefined ? undefined : v.number(o.endSecond, `${at}.endSecond`, { min: 0 });
    if (endSecond !== undefined && endSecond < startSecond) throw v.error(`${at}.endSecond`, `must not be before startSecond (${startSecond}), got ${endSecond}`);
    const tasksDoc = v.array(o.tasks, `${at}.tasks`, { nonEmpty: true });
    const tasks = tasksDoc.map((t, j): TaskShapeSpec => {
      const tat = `${at}.tasks[${j}]`;
      const to = v.object(t, tat, ["name", "resources", "weight", "duration"]);
      const tname = to.name === undefined ? `task${j}` : v.identifier(to.name, `${tat}.name`);
      const res = v.resources(to.resources, `${tat}.resources`);
      if (res.scalars.size === 0) throw v.error(`${tat}.resources`, "a task needs at least one scalar resource");
      if (res.nonScalar) throw v.error(`${tat}.resources`, "task shapes may use scalar resources only (cpus, mem, disk, gpus, ...); ranges and sets are not modelled");
      if (res.reserved) throw v.error(`${tat}.resources`, "task shapes are unreserved quantities; drop the '(role)' part");
      const tweight = v.number(to.weight, `${tat}.weight`, { min: 0, exclusiveMin: true, default: 1 });
      const duration = v.duration(to.duration, `${tat}.duration`);
      return { name: tname, resources: res.text, weight: tweight, duration };
    });
    const spec: RoleSpec = { name, weight, frameworks, arrivalsPerMinute, startSecond, tasks };
    if (quota) spec.quota = quota;
    if (endSecond !== undefined) spec.endSecond = endSecond;
    return spec;
  });
  if (totalFrameworks > LIMITS.maxFrameworks) throw v.error("roles", `at most ${LIMITS.maxFrameworks} frameworks in total, got ${totalFrameworks}`);

  // Every task shape must fit on at least one agent, or it would wait forever.
  const agentScalars = agents.map((g) => scalarQuantities(g.resources));
  roles.forEach((r, i) => r.tasks.forEach((t, j) => {
    const need = scalarQuantities(t.resources);
    const fitsSomewhere = agentScalars.some((have) => [...need].every(([n, a]) => (have.get(n) ?? 0) >= a));
    if (!fitsSomewhere) throw v.error(`roles[${i}].tasks[${j}].resources`, `task shape ${t.resources} fits on no agent group`);
  }));

  return { durationSeconds, seed, allocationIntervalSeconds, sampleIntervalSeconds, refuseSeconds, fairnessExcludeResourceNames, roleSorter, frameworkSorter, agents, roles };
}

/** Scalar quantities of a Mesos resource text, in thousandths. */
export function scalarQuantities(text: string): Quantities {
  const q = Resources.parse(text).scalarQuantities();
  const out: Quantities = new Map();
  for (const [name, v] of q.entries()) if (v !== 0) out.set(name, v);
  return out;
}

/** Options that override parts of a cluster description (the CLI's flags). */
export interface ClusterOverrides {
  /** Total agents, spread over the agent groups in proportion to their counts; quota scales by the same factor. */
  agents?: number;
  /** Total frameworks, spread over the roles in proportion to their counts (each role keeps at least one). */
  frameworks?: number;
  durationSeconds?: number;
  seed?: number;
  /** Both sorters. */
  sorter?: "drf" | "random";
}

/** Applies overrides and re-validates the result. */
export function applyOverrides(config: ClusterConfig, o: ClusterOverrides, source = "<input>"): ClusterConfig {
  const next: ClusterConfig = structuredClone(config);
  if (o.durationSeconds !== undefined) next.durationSeconds = o.durationSeconds;
  if (o.seed !== undefined) next.seed = o.seed;
  if (o.sorter !== undefined) next.roleSorter = next.frameworkSorter = o.sorter;
  if (o.agents !== undefined) {
    const before = next.agents.reduce((a, g) => a + g.count, 0);
    const counts = apportion(o.agents, next.agents.map((g) => g.count), 0);
    next.agents = next.agents.map((g, i) => ({ ...g, count: counts[i]! })).filter((g) => g.count > 0);
    // Quota is absolute; keep each role's guaranteed fraction of the cluster.
    const factor = o.agents / before;
    for (const r of next.roles) {
      if (r.quota?.guarantees) r.quota.guarantees = scaleQuantities(r.quota.guarantees, factor);
      if (r.quota?.limits) r.quota.limits = scaleQuantities(r.quota.limits, factor);
    }
  }
  if (o.frameworks !== undefined) {
    const active = next.roles.map((r) => r.frameworks);
    if (o.frameworks < active.filter((n) => n > 0).length) {
      throw new ClusterConfigError(source, "frameworks", `--frameworks must be at least the number of roles with frameworks (${active.filter((n) => n > 0).length}), got ${o.frameworks}`);
    }
    const counts = apportion(o.frameworks, active, 1);
    next.roles = next.roles.map((r, i) => ({ ...r, frameworks: counts[i]! }));
  }
  return validateClusterConfig(next, source);
}

/** Multiplies every amount of a quantities text by `factor` (Mesos' 3 decimals, rounded). */
export function scaleQuantities(text: string, factor: number): string {
  const parts: string[] = [];
  for (const [name, v] of ResourceQuantities.parse(text).entries()) parts.push(`${name}:${Math.round(v * factor) / 1000}`);
  return parts.join(";");
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest
 * remainder), giving every non-zero weight at least `floor` when possible.
 */
export function apportion(total: number, weights: readonly number[], floor: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const out = weights.map((w) => (w > 0 ? floor : 0));
  let left = total - out.reduce((a, b) => a + b, 0);
  if (left < 0) return weights.map((w, i) => (i === weights.findIndex((x) => x > 0) ? total : 0));
  const exact = weights.map((w) => (w / sum) * left);
  const base = exact.map(Math.floor);
  for (let i = 0; i < out.length; i++) out[i]! += base[i]!;
  left -= base.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < left; k++) out[order[k % order.length]![1]]! += 1;
  return out;
}

/** Field-by-field checks that throw ClusterConfigError with the field's path. */
class Validator {
  constructor(private readonly source: string) {}

  error(path: string, reason: string): ClusterConfigError {
    return new ClusterConfigError(this.source, path, reason);
  }

  object(x: Json, path: string, allowed: readonly string[]): Record<string, Json> {
    if (typeof x !== "object" || x === null || Array.isArray(x)) throw this.error(path, `expected an object, got ${describe(x)}`);
    for (const key of Object.keys(x)) {
      if (!allowed.includes(key)) throw this.error(path ? `${path}.${key}` : key, `unknown field '${key}' (known: ${allowed.filter((k) => k !== "$schema").join(", ")})`);
    }
    return x as Record<string, Json>;
  }

  array(x: Json, path: string, o: { nonEmpty?: boolean } = {}): Json[] {
    if (!Array.isArray(x)) throw this.error(path, `expected an array, got ${describe(x)}`);
    if (o.nonEmpty && x.length === 0) throw this.error(path, "must not be empty");
    return x;
  }

  string(x: Json, path: string): string {
    if (typeof x !== "string") throw this.error(path, `expected a string, got ${describe(x)}`);
    return x;
  }

  sorter(x: Json, path: string): "drf" | "random" {
    if (x === undefined) return "drf";
    if (x !== "drf" && x !== "random") throw this.error(path, `must be "drf" or "random", got ${describe(x)}`);
    return x;
  }

  identifier(x: Json, path: string): string {
    const s = this.string(x, path);
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(s)) throw this.error(path, `must be 1-64 letters, digits, '_', '.' or '-', got ${JSON.stringify(s)}`);
    return s;
  }

  /** A Mesos role name (the rules of Mesos' roles.cpp, via src/resources), other than `*`. */
  role(x: Json, path: string): string {
    const s = this.string(x, path);
    if (s === "*") throw this.error(path, "invalid role name \"*\": '*' is the default role and cannot carry a workload here");
    const problem = roleError(s);
    if (problem !== null) throw this.error(path, `invalid role name ${JSON.stringify(s)}: ${problem}`);
    return s;
  }

  number(x: Json, path: string, o: { min?: number; exclusiveMin?: boolean; max?: number; integer?: boolean; default?: number }): number {
    if (x === undefined) {
      if (o.default !== undefined) return o.default;
      throw this.error(path, "is required");
    }
    if (typeof x !== "number" || !Number.isFinite(x)) throw this.error(path, `expected a number, got ${describe(x)}`);
    if (o.integer && !Number.isInteger(x)) throw this.error(path, `must be an integer, got ${x}`);
    if (o.min !== undefined && (o.exclusiveMin ? x <= o.min : x < o.min)) throw this.error(path, `must be ${o.exclusiveMin ? "greater than" : "at least"} ${o.min}, got ${x}`);
    if (o.max !== undefined && x > o.max) throw this.error(path, `must be at most ${o.max}, got ${x}`);
    return x;
  }

  resources(x: Json, path: string): { text: string; scalars: Quantities; nonScalar: boolean; reserved: boolean } {
    const s = this.string(x, path);
    let r: Resources;
    try {
      r = Resources.parse(s);
    } catch (err) {
      throw this.error(path, `bad resources ${JSON.stringify(s)}: ${(err as Error).message}`);
    }
    if (r.isEmpty()) throw this.error(path, `resources ${JSON.stringify(s)} are empty`);
    const scalars: Quantities = new Map();
    for (const [n, a] of r.scalarQuantities().entries()) if (a !== 0) scalars.set(n, a);
    const nonScalar = !r.scalars().equals(r);
    const reserved = !r.reserved().isEmpty();
    return { text: s, scalars, nonScalar, reserved };
  }

  quantities(x: Json, path: string): { text: string; scalars: Quantities } {
    const s = this.string(x, path);
    let q: ResourceQuantities;
    try {
      q = ResourceQuantities.parse(s);
    } catch (err) {
      throw this.error(path, `bad quantities ${JSON.stringify(s)}: ${(err as Error).message}`);
    }
    const scalars: Quantities = new Map();
    for (const [n, a] of q.entries()) scalars.set(n, a);
    if (scalars.size === 0) throw this.error(path, `quantities ${JSON.stringify(s)} are empty`);
    return { text: s, scalars };
  }

  duration(x: Json, path: string): DurationSpec {
    const kinds = ["fixed", "exponential", "uniform", "lognormal"];
    if (typeof x !== "object" || x === null || Array.isArray(x)) throw this.error(path, `expected an object like {"distribution": "exponential", "mean": 120}, got ${describe(x)}`);
    const d = (x as Record<string, Json>).distribution;
    if (typeof d !== "string" || !kinds.includes(d)) throw this.error(`${path}.distribution`, `must be one of ${kinds.join(", ")}, got ${describe(d)}`);
    const pos = { min: 0, exclusiveMin: true, max: LIMITS.maxDurationSeconds };
    switch (d) {
      case "fixed": {
        const o = this.object(x, path, ["distribution", "seconds"]);
        return { distribution: "fixed", seconds: this.number(o.seconds, `${path}.seconds`, pos) };
      }
      case "exponential": {
        const o = this.object(x, path, ["distribution", "mean"]);
        return { distribution: "exponential", mean: this.number(o.mean, `${path}.mean`, pos) };
      }
      case "uniform": {
        const o = this.object(x, path, ["distribution", "min", "max"]);
        const min = this.number(o.min, `${path}.min`, pos);
        const max = this.number(o.max, `${path}.max`, pos);
        if (max < min) throw this.error(`${path}.max`, `must be at least min (${min}), got ${max}`);
        return { distribution: "uniform", min, max };
      }
      default: {
        const o = this.object(x, path, ["distribution", "median", "sigma"]);
        return {
          distribution: "lognormal",
          median: this.number(o.median, `${path}.median`, pos),
          sigma: this.number(o.sigma, `${path}.sigma`, { min: 0, max: 5 }),
        };
      }
    }
  }
}

function describe(x: Json): string {
  if (x === undefined) return "nothing";
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  if (typeof x === "object") return "an object";
  if (typeof x === "string") return `the string ${JSON.stringify(x.length > 40 ? x.slice(0, 40) + "..." : x)}`;
  return `${typeof x} ${String(x)}`;
}

/** The built-in cluster, validated. */
export function defaultClusterConfig(): ClusterConfig {
  return validateClusterConfig(structuredClone(DEFAULT_CLUSTER) as unknown, "<built-in>");
}
