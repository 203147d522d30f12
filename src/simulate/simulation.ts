/**
 * The workload simulation: a cluster of agents and frameworks in weighted
 * roles, tasks arriving (a Poisson process per framework) and finishing
 * (durations drawn per task shape), all driven through the real
 * `HierarchicalDRFAllocator` on a manual clock. Frameworks behave like
 * well-mannered Mesos schedulers: they launch the pending tasks that fit an
 * offer (first fit, in arrival order), decline the rest with a refuse filter,
 * suppress offers when they have nothing to run and revive when work arrives.
 * Finished tasks give their resources back through `recoverResources`.
 *
 * The simulator keeps its own books (what runs where) independently of the
 * allocator; metrics come from those books, and `verify` cross-checks them
 * against the allocator's views and the agents' totals.
 */
import { HierarchicalDRFAllocator, ManualClock } from "../allocator/index.js";
import { Resources } from "../resources/index.js";
import { scalarQuantities, type ClusterConfig, type DurationSpec, type RoleSpec } from "./cluster-config.js";
import { EventQueue } from "./event-queue.js";
import { Prng } from "./prng.js";
import { addInto, dominantShare, fits, formatQuantities, subtractInto, type Quantities } from "./quantities.js";
import { MetricsRecorder, type Metrics } from "./metrics.js";

/**
 * One entry of the event log: what happened, when (simulated seconds), to
 * whom. `launch`/`finish` carry the task's shape in Mesos text form
 * (`launch` also the part taken from the role's reservations, if any);
 * `offer`/`decline` carry the exact resources in Mesos JSON form (with
 * allocation info) and their scalar quantities as text.
 */
export type SimLogEvent =
  | { t: number; kind: "arrive"; task: number; framework: string; role: string; shape: string }
  | { t: number; kind: "launch"; task: number; framework: string; role: string; agent: string; resources: string; reserved?: string }
  | { t: number; kind: "finish"; task: number; framework: string; role: string; agent: string; resources: string }
  | { t: number; kind: "offer"; framework: string; role: string; agent: string; resources: unknown; scalars: string }
  | { t: number; kind: "decline"; framework: string; role: string; agent: string; resources: unknown; scalars: string; refuseSeconds: number }
  | { t: number; kind: "suppress" | "revive"; framework: string };

/** Per-role figures for the table. */
export interface RoleSummary {
  role: string;
  weight: number;
  /** Quota guarantees in Mesos text form, or "" when the role has none. */
  quota: string;
  frameworks: number;
  /** Time-average of the sampled dominant share (allocation / cluster total, before weights). */
  meanDominantShare: number;
  tasksArrived: number;
  tasksLaunched: number;
  /** Tasks launched and finished within the run. */
  tasksRun: number;
  runningAtEnd: number;
  pendingAtEnd: number;
  /** Mean seconds from a task's arrival to its launch, over launched tasks (NaN if none). */
  meanWaitSeconds: number;
  /** 95th percentile of the same waits (NaN if none). */
  p95WaitSeconds: number;
}

/** Everything a run produces. */
export interface SimulationResult {
  config: ClusterConfig;
  agents: number;
  frameworks: number;
  /** Cluster totals (scalars), in thousandths. */
  totals: Quantities;
  roles: RoleSummary[];
  metrics: Metrics;
  /** The full event log, in order. */
  events: SimLogEvent[];
  offers: number;
  declines: number;
  /** Wall-clock seconds the run took (after setup). */
  wallSeconds: number;
  /** Of those, the seconds spent inside allocator calls (allocation cycles, recover, revive, ...). */
  allocatorSeconds: number;
  /** The allocator's own metrics at the end, under Mesos' names (`HierarchicalDRFAllocator.metrics()`). */
  allocatorMetrics: Record<string, number>;
}

/** Knobs of a run that are not part of the cluster description. */
export interface SimulationOptions {
  /** Called with the fraction of simulated time done (0..1), at each sample. */
  onProgress?: (fraction: number) => void;
  /**
   * Cross-check at every sample that the allocator's per-role allocation
   * equals the simulator's books, and at every launch that no agent is
   * over-committed; throws SimulationInvariantError otherwise. Costs a little time.
   */
  verify?: boolean;
  /** Keep the event log in the result's `events` (default true, or false when `onEvent` is given). */
  recordEvents?: boolean;
  /**
   * Called with each event of the log as it happens, in order (for writing
   * a long run's log out as it goes instead of keeping it in memory).
   */
  onEvent?: (event: SimLogEvent) => void;
}

/** Raised when a cross-check of `verify` fails: a bug in the allocator or the simulator. */
export class SimulationInvariantError extends Error {
  constructor(readonly t: number, message: string) {
    super(`at t=${t}s: ${message}`);
    this.name = "SimulationInvariantError";
  }
}

/** Most pending tasks a framework looks at per offer (first fit within them). */
const SCAN_LIMIT = 256;

interface Task {
  id: number;
  framework: Framework;
  shape: string;
  need: Quantities;
  resourcesText: string;
  duration: number;
  arrival: number;
  launch: number;
  agent: string;
  resources: Resources | null;
}

interface Framework {
  id: string;
  role: RoleState;
  rng: Prng;
  pending: Task[];
  suppressed: boolean;
}

interface RoleState {
  spec: RoleSpec;
  shapeWeights: number[];
  shapeNeeds: Quantities[];
  frameworks: Framework[];
  used: Quantities;
  arrived: number;
  launched: number;
  finished: number;
  running: number;
  waits: number[];
}

type QueueEvent =
  | { t: number; priority: 0; kind: "finish"; task: Task }
  | { t: number; priority: 1; kind: "arrive"; framework: Framework }
  | { t: number; priority: 2; kind: "tick"; k: number }
  | { t: number; priority: 3; kind: "sample"; k: number };

/** Runs one simulation to completion. Deterministic for a given config (its seed included). */
export function runSimulation(config: ClusterConfig, options: SimulationOptions = {}): SimulationResult {
  return new Simulation(config, options).run();
}

class Simulation {
  private readonly clock = new ManualClock();
  private readonly allocator: HierarchicalDRFAllocator;
  private readonly queue = new EventQueue<QueueEvent>();
  private readonly inbox: Array<[string, ReadonlyMap<string, ReadonlyMap<string, Resources>>]> = [];
  private readonly frameworks = new Map<string, Framework>();
  private readonly roles: RoleState[] = [];
  private readonly agentTotals = new Map<string, Quantities>();
  private readonly agentUsed = new Map<string, Quantities>();
  private readonly totals: Quantities = new Map();
  private readonly usedAll: Quantities = new Map();
  private readonly exclude: Set<string>;
  private readonly events: SimLogEvent[] = [];
  /** Whether any event is wanted (kept or passed on): events are built only then. */
  private readonly record: boolean;
  private readonly keep: boolean;
  private readonly sink: ((event: SimLogEvent) => void) | undefined;
  private readonly metrics: MetricsRecorder;
  private readonly shapeCache = new Map<string, Resources>();
  private nextTaskId = 0;
  private allocatorMs = 0;
  private offers = 0;
  private declines = 0;
  private now = 0;

  constructor(private readonly config: ClusterConfig, private readonly options: SimulationOptions) {
    this.keep = options.recordEvents ?? options.onEvent === undefined;
    this.sink = options.onEvent;
    this.record = this.keep || this.sink !== undefined;
    this.exclude = new Set(config.fairnessExcludeResourceNames);
    this.allocator = new HierarchicalDRFAllocator({
      allocationIntervalSeconds: config.allocationIntervalSeconds,
      fairnessExcludeResourceNames: config.fairnessExcludeResourceNames,
      clock: this.clock,
      seed: config.seed,
      roleSorter: config.roleSorter,
      frameworkSorter: config.frameworkSorter,
      offerCallback: (frameworkId, offers) => {
        this.inbox.push([frameworkId, offers]);
      },
    });
    const root = new Prng(config.seed);
    const weights: Record<string, number> = {};
    for (const spec of config.roles) weights[spec.name] = spec.weight;

    for (const group of config.agents) {
      const resources = Resources.parse(group.resources);
      const q = scalarQuantities(group.resources);
      for (let i = 0; i < group.count; i++) {
        const id = `${group.name}-${i}`;
        this.agentTotals.set(id, q);
        this.agentUsed.set(id, new Map());
        addInto(this.totals, q);
        this.allocator.addAgent(id, { resources: resources.clone(), hostname: id }, new Map());
      }
    }
    this.metrics = new MetricsRecorder(config.roles.map((r) => r.name), [...this.totals.keys()]);

    this.allocator.updateWeights(weights);
    for (const spec of config.roles) {
      if (spec.quota) {
        const q: { guarantees?: string; limits?: string } = {};
        if (spec.quota.guarantees) q.guarantees = spec.quota.guarantees;
        if (spec.quota.limits) q.limits = spec.quota.limits;
        this.allocator.updateQuota(spec.name, q);
      }
    }
    for (const spec of config.roles) {
      const role: RoleState = {
        spec,
        shapeWeights: spec.tasks.map((t) => t.weight),
        shapeNeeds: spec.tasks.map((t) => scalarQuantities(t.resources)),
        frameworks: [],
        used: new Map(),
        arrived: 0,
        launched: 0,
        finished: 0,
        running: 0,
        waits: [],
      };
      this.roles.push(role);
      for (let k = 0; k < spec.frameworks; k++) {
        // Unique by the running number; no '/' in it, since sorters read '/' as nesting.
        const id = `fw${this.frameworks.size}-${spec.name.replaceAll("/", "_")}`;
        // Frameworks start suppressed: they have nothing to run until a task arrives.
        const fw: Framework = { id, role, rng: root.fork(id), pending: [], suppressed: true };
        role.frameworks.push(fw);
        this.frameworks.set(id, fw);
        this.allocator.addFramework(id, { roles: [spec.name], suppressedRoles: [spec.name] }, new Map());
        this.scheduleArrival(fw, spec.startSecond);
      }
    }
    this.drainOffers();
  }

  run(): SimulationResult {
    const started = performance.now();
    const { durationSeconds, allocationIntervalSeconds } = this.config;
    // Samples, and a tick per allocation interval so the allocator's batch timer fires on time.
    // Each is queued when the previous one runs, so the queue stays small.
    this.queue.push({ t: 0, priority: 3, kind: "sample", k: 0 });
    if (allocationIntervalSeconds <= durationSeconds + 1e-9) this.queue.push({ t: allocationIntervalSeconds, priority: 2, kind: "tick", k: 1 });
    this.drive(durationSeconds);
    const allocatorMetrics = this.allocator.metrics();
    this.allocator.close();
    const roles = this.roles.map((r) => this.summarize(r));
    return {
      config: this.config,
      agents: this.agentTotals.size,
      frameworks: this.frameworks.size,
      totals: new Map(this.totals),
      roles,
      metrics: this.metrics.finish(),
      events: this.events,
      offers: this.offers,
      declines: this.declines,
      wallSeconds: (performance.now() - started) / 1000,
      allocatorSeconds: this.allocatorMs / 1000,
      allocatorMetrics,
    };
  }

  /** Processes queued events up to `end`, advancing the manual clock between them. */
  private drive(end: number): void {
    for (;;) {
      const next = this.queue.peek();
      if (!next || next.t > end) break;
      this.queue.pop();
      this.advanceTo(next.t);
      switch (next.kind) {
        case "arrive": this.onArrival(next.framework); break;
        case "finish": this.onFinish(next.task); break;
        case "tick": this.scheduleNext(next.kind, next.k + 1, this.config.allocationIntervalSeconds); break;
        case "sample": this.onSample(); this.scheduleNext(next.kind, next.k + 1, this.config.sampleIntervalSeconds); break;
      }
      this.drainOffers();
    }
    this.advanceTo(end);
  }

  /** Runs an allocator call (or a clock advance, which fires the allocator's timers), adding its wall time to `allocatorSeconds`. */
  private timed(call: () => void): void {
    const t0 = performance.now();
    call();
    this.allocatorMs += performance.now() - t0;
  }

  /** Moves the manual clock forward; the allocator's periodic allocation fires from its timers. */
  private advanceTo(t: number): void {
    if (t > this.now) {
      this.timed(() => this.clock.advance(t - this.clock.now()));
      this.now = t;
      this.drainOffers();
    }
  }

  /** Queues the k-th tick or sample (at k * interval, computed without accumulating error) if within the run. */
  private scheduleNext(kind: "tick" | "sample", k: number, interval: number): void {
    const t = k * interval;
    if (t > this.config.durationSeconds + 1e-9) return;
    if (kind === "tick") this.queue.push({ t, priority: 2, kind, k });
    else this.queue.push({ t, priority: 3, kind, k });
  }

  private scheduleArrival(fw: Framework, from: number): void {
    const spec = fw.role.spec;
    if (spec.arrivalsPerMinute <= 0) return;
    const t = from + fw.rng.exponential(60 / spec.arrivalsPerMinute);
    const end = Math.min(spec.endSecond ?? Infinity, this.config.durationSeconds);
    if (t <= end) this.queue.push({ t, priority: 1, kind: "arrive", framework: fw });
  }

  private onArrival(fw: Framework): void {
    const role = fw.role;
    const i = fw.rng.weightedIndex(role.shapeWeights);
    const shape = role.spec.tasks[i]!;
    const task: Task = {
      id: this.nextTaskId++,
      framework: fw,
      shape: shape.name,
      need: role.shapeNeeds[i]!,
      resourcesText: shape.resources,
      duration: drawDuration(fw.rng, shape.duration),
      arrival: this.now,
      launch: NaN,
      agent: "",
      resources: null,
    };
    role.arrived++;
    fw.pending.push(task);
    if (this.record) this.emit({ t: this.now, kind: "arrive", task: task.id, framework: fw.id, role: role.spec.name, shape: shape.name });
    if (fw.suppressed) {
      fw.suppressed = false;
      if (this.record) this.emit({ t: this.now, kind: "revive", framework: fw.id });
      this.timed(() => this.allocator.reviveOffers(fw.id, [role.spec.name]));
    }
    this.scheduleArrival(fw, this.now);
  }

  private onFinish(task: Task): void {
    const fw = task.framework;
    const role = fw.role;
    subtractInto(role.used, task.need);
    subtractInto(this.usedAll, task.need);
    subtractInto(this.agentUsed.get(task.agent)!, task.need);
    role.running--;
    role.finished++;
    if (this.record) this.emit({ t: this.now, kind: "finish", task: task.id, framework: fw.id, role: role.spec.name, agent: task.agent, resources: task.resourcesText });
    this.timed(() => this.allocator.recoverResources(fw.id, task.agent, task.resources!, undefined, { isAllocated: true }));
  }

  /** Answers every offer made so far; answering may cause more offers (e.g. via revive), so loop. */
  private drainOffers(): void {
    while (this.inbox.length > 0) {
      const [frameworkId, byRole] = this.inbox.shift()!;
      const fw = this.frameworks.get(frameworkId);
      if (!fw) throw new SimulationInvariantError(this.now, `offer to unknown framework ${frameworkId}`);
      for (const [role, byAgent] of byRole) {
        for (const [agent, offered] of byAgent) this.answerOffer(fw, role, agent, offered);
      }
    }
  }

  /** Launches the pending tasks that fit one offer (first fit) and declines the rest. */
  private answerOffer(fw: Framework, role: string, agent: string, offered: Resources): void {
    this.offers++;
    const roleState = fw.role;
    const free = toQuantities(offered);
    if (this.record) this.emit({ t: this.now, kind: "offer", framework: fw.id, role, agent, resources: offered.toJSON(), scalars: formatQuantities(free) });
    let remaining = offered;
    // Resources reserved to this role in the offer are used first, as schedulers do.
    const reservedLeft = toQuantities(offered.reserved(role));
    const launched = new Set<Task>();
    const scan = Math.min(fw.pending.length, SCAN_LIMIT);
    for (let i = 0; i < scan; i++) {
      const task = fw.pending[i]!;
      if (!fits(task.need, free)) continue;
      const fromReserved: Quantities = new Map();
      if (reservedLeft.size > 0) {
        for (const [name, need] of task.need) {
          const r = Math.min(need, reservedLeft.get(name) ?? 0);
          if (r > 0) fromReserved.set(name, r);
        }
      }
      const taskResources = fromReserved.size === 0 ? this.taskResources(task.resourcesText, role) : this.mixedTaskResources(task.need, fromReserved, role);
      if (!remaining.contains(taskResources)) continue; // e.g. what is left is reserved to another role
      remaining = remaining.minus(taskResources);
      subtractInto(free, task.need);
      subtractInto(reservedLeft, fromReserved);
      launched.add(task);
      this.launch(task, agent, taskResources, fromReserved);
    }
    if (launched.size > 0) fw.pending = fw.pending.filter((t) => !launched.has(t));
    if (!remaining.isEmpty()) {
      this.declines++;
      const refuseSeconds = this.config.refuseSeconds;
      if (this.record) this.emit({ t: this.now, kind: "decline", framework: fw.id, role, agent, resources: remaining.toJSON(), scalars: formatQuantities(toQuantities(remaining)), refuseSeconds });
      this.timed(() => this.allocator.recoverResources(fw.id, agent, remaining, { refuseSeconds }));
    }
    if (fw.pending.length === 0 && !fw.suppressed) {
      fw.suppressed = true;
      if (this.record) this.emit({ t: this.now, kind: "suppress", framework: fw.id });
      this.timed(() => this.allocator.suppressOffers(fw.id, [roleState.spec.name]));
    }
  }

  /** A task shape's resources allocated to a role, parsed once (Resources are values, so sharing is safe). */
  private taskResources(text: string, role: string): Resources {
    const key = `${role}\n${text}`;
    let r = this.shapeCache.get(key);
    if (r === undefined) {
      r = Resources.parse(text).allocate(role);
      this.shapeCache.set(key, r);
    }
    return r;
  }

  /** A task's resources taking `fromReserved` out of the role's (static) reservation and the rest unreserved. */
  private mixedTaskResources(need: Quantities, fromReserved: Quantities, role: string): Resources {
    const parts: string[] = [];
    for (const [name, amount] of need) {
      const r = fromReserved.get(name) ?? 0;
      if (r > 0) parts.push(`${name}(${role}):${r / 1000}`);
      if (amount - r > 0) parts.push(`${name}:${(amount - r) / 1000}`);
    }
    return Resources.parse(parts.join(";")).allocate(role);
  }

  private launch(task: Task, agent: string, resources: Resources, fromReserved: Quantities): void {
    const role = task.framework.role;
    task.launch = this.now;
    task.agent = agent;
    task.resources = resources;
    this.timed(() => this.allocator.transitionOfferedToAllocated(agent, resources));
    const used = this.agentUsed.get(agent);
    if (!used) throw new SimulationInvariantError(this.now, `offer names unknown agent ${agent}`);
    addInto(used, task.need);
    if (this.options.verify && !fits(used, this.agentTotals.get(agent)!)) {
      throw new SimulationInvariantError(this.now, `agent ${agent} over-committed: uses ${formatQuantities(used)} of ${formatQuantities(this.agentTotals.get(agent)!)}`);
    }
    addInto(role.used, task.need);
    addInto(this.usedAll, task.need);
    role.launched++;
    role.running++;
    role.waits.push(this.now - task.arrival);
    if (this.record) {
      const e: SimLogEvent = { t: this.now, kind: "launch", task: task.id, framework: task.framework.id, role: role.spec.name, agent, resources: task.resourcesText };
      if (fromReserved.size > 0) e.reserved = formatQuantities(fromReserved);
      this.emit(e);
    }
    this.queue.push({ t: this.now + task.duration, priority: 0, kind: "finish", task });
  }

  /** Keeps and/or passes on one event of the log (see `record`). */
  private emit(e: SimLogEvent): void {
    if (this.keep) this.events.push(e);
    if (this.sink !== undefined) this.sink(e);
  }

  private onSample(): void {
    const shares = new Map<string, number>();
    const pending = new Map<string, number>();
    for (const role of this.roles) {
      shares.set(role.spec.name, dominantShare(role.used, this.totals, this.exclude));
      let p = 0;
      for (const fw of role.frameworks) p += fw.pending.length;
      pending.set(role.spec.name, p);
      if (this.options.verify) this.verifyRole(role);
    }
    const utilization = new Map<string, number>();
    for (const [name, total] of this.totals) utilization.set(name, (this.usedAll.get(name) ?? 0) / total);
    this.metrics.sample(this.now, shares, utilization, pending, new Map(this.roles.map((r) => [r.spec.name, r.running])));
    this.options.onProgress?.(Math.min(1, this.now / this.config.durationSeconds));
  }

  /** The allocator's view of a role's allocation must equal what the role's tasks use. */
  private verifyRole(role: RoleState): void {
    const allocated = toQuantities(this.allocator.roleAllocation(role.spec.name));
    const mine = role.used;
    const names = new Set([...allocated.keys(), ...mine.keys()]);
    for (const n of names) {
      if ((allocated.get(n) ?? 0) !== (mine.get(n) ?? 0)) {
        throw new SimulationInvariantError(this.now, `role ${role.spec.name}: allocator says ${formatQuantities(allocated)}, running tasks use ${formatQuantities(mine)}`);
      }
    }
  }

  private summarize(r: RoleState): RoleSummary {
    const waits = [...r.waits].sort((a, b) => a - b);
    const mean = waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : NaN;
    const p95 = waits.length ? waits[Math.min(waits.length - 1, Math.ceil(0.95 * waits.length) - 1)]! : NaN;
    let pendingAtEnd = 0;
    for (const fw of r.frameworks) pendingAtEnd += fw.pending.length;
    return {
      role: r.spec.name,
      weight: r.spec.weight,
      quota: r.spec.quota?.guarantees ?? "",
      frameworks: r.frameworks.length,
      meanDominantShare: this.metrics.meanShare(r.spec.name),
      tasksArrived: r.arrived,
      tasksLaunched: r.launched,
      tasksRun: r.finished,
      runningAtEnd: r.running,
      pendingAtEnd,
      meanWaitSeconds: mean,
      p95WaitSeconds: p95,
    };
  }
}

/** Scalar quantities of a Resources value (all roles and reservations summed). */
function toQuantities(r: Resources): Quantities {
  const sums: Quantities = new Map();
  r.forEachScalarAmount((n, v) => sums.set(n, (sums.get(n) ?? 0) + v));
  // By name, as the event log prints them.
  const names = [...sums.keys()].sort();
  const out: Quantities = new Map();
  for (const n of names) {
    const v = sums.get(n)!;
    if (v !== 0) out.set(n, v);
  }
  return out;
}

/** Draws a task duration in seconds (never below a millisecond). */
export function drawDuration(rng: Prng, d: DurationSpec): number {
  let s: number;
  switch (d.distribution) {
    case "fixed": s = d.seconds; break;
    case "exponential": s = rng.exponential(d.mean); break;
    case "uniform": s = rng.uniform(d.min, d.max); break;
    case "lognormal": s = rng.logNormal(d.median, d.sigma); break;
  }
  return Math.max(0.001, s);
}
