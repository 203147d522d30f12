/**
 * Allocator benchmarks in Mesos' wording, so the output can be laid beside
 * Mesos' `HierarchicalAllocator_BENCHMARK_Test` output. All run on a manual
 * clock and drive the real HierarchicalDRFAllocator.
 */
import type { CliIO } from "../cli/io.js";
import { HierarchicalDRFAllocator, ManualClock, type OfferCallback } from "../allocator/index.js";
import { Resources } from "../resources/index.js";
import { fragment } from "./resources.js";

/** Options of `drfcore bench decline-offers` (and its siblings). */
export interface AllocatorBenchOptions {
  agents: number;
  frameworks: number;
  /** Allocation rounds; Mesos' benchmark runs 2 x frameworks (DeclineOffers). */
  rounds?: number;
  seed?: number;
  /**
   * Unprinted runs of the same benchmark (same sizes, at most 10 rounds) in
   * this process before the printed one, so the printed figures are of code
   * V8 has already compiled. Default 0: the printed run is the first, cold.
   */
  warmup?: number;
  /**
   * Not in Mesos' benchmark: give every agent a different total (agent i has
   * `disk:4096+i`), as the agents of a real cluster differ, so that nothing
   * derived from one agent's resources serves another's. Default false:
   * every agent is Mesos' identical `cpus:24;mem:4096;disk:4096;ports:[31000-32000]`.
   */
  distinctAgents?: boolean;
  /**
   * decline-offers only, not in Mesos' benchmark: spread the frameworks over
   * this many roles, `r0`, `r1`, ... (framework i in role i mod roles; each
   * agent's used slice allocated to its framework's role), as clusters with
   * several teams have them. Default 0: Mesos' single role `*`.
   */
  roles?: number;
  /**
   * decline-offers only, not in Mesos' benchmark: `guarantee` gives role r0
   * a guarantee of `cpus:2;mem:512` per agent (with 4 roles or more, the
   * used slices of r0's frameworks, 2014 MB on every fourth agent at most,
   * leave its memory unsatisfied, so headroom is held back in every cycle);
   * `limit` gives role r1 (r0 with one role) a limit of `cpus:4` per agent,
   * reached within the first cycle. Needs `roles` >= 1.
   */
  quota?: "guarantee" | "limit";
}

/** Runs `run` `options.warmup` times without printing, at most 10 rounds each (see AllocatorBenchOptions.warmup). */
async function warmUp(options: AllocatorBenchOptions, run: (io: CliIO, o: AllocatorBenchOptions) => Promise<void>, io: CliIO): Promise<void> {
  const n = options.warmup ?? 0;
  if (n <= 0) return;
  const silent: CliIO = { ...io, out: () => {}, err: () => {} };
  for (let i = 0; i < n; i++) await run(silent, { ...options, warmup: 0, rounds: Math.min(options.rounds ?? 10, 10) });
  io.out(`(after ${n} unprinted warm-up run${n === 1 ? "" : "s"} of this benchmark in this process)\n`);
}

/** Formats a duration like stout's Duration printing (ns/us/ms/secs). */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${+(ms / 1000).toPrecision(6)}secs`;
  if (ms >= 1) return `${+ms.toPrecision(6)}ms`;
  if (ms >= 0.001) return `${+(ms * 1000).toPrecision(6)}us`;
  return `${+(ms * 1e6).toPrecision(6)}ns`;
}

interface Offer {
  framework: string;
  agent: string;
  resources: Resources;
}

/** The role of every framework in Mesos' DeclineOffers, SuppressOffers and AddAndUpdateSlave benchmarks. */
export const BENCH_ROLE = "*";

/** The agent shape of Mesos' DeclineOffers and SuppressOffers benchmarks. */
export const DECLINE_AGENT = "cpus:24;mem:4096;disk:4096;ports:[31000-32000]";

/**
 * What each agent of Mesos' DeclineOffers (mem 2014) and SuppressOffers
 * (mem 1024) benchmarks has in use by one framework: `cpus:16;mem:<mem>;disk:1024`
 * plus `fragment([31000-32000], 16)`: the single ports 31000, 31002, ...,
 * 31028 and the range 31030-32000 (unallocated; the benchmarks allocate it
 * to their role).
 */
export function declineUsedResources(mem = 2014): Resources {
  return Resources.parse(`cpus:16;mem:${mem};disk:1024`).plus(Resources.ranges("ports", fragment(31000n, 32000n, 16)));
}

/** The agent shape of Mesos' AddAndUpdateSlave benchmark. */
export const ADD_AND_UPDATE_AGENT = "cpus:2;mem:1024;disk:4096;ports:[31000-32000]";
/** What each agent of Mesos' AddAndUpdateSlave benchmark has in use by one framework (unallocated). */
export const ADD_AND_UPDATE_USED = "cpus:1;mem:128;disk:1024;ports:[31126-31510,31512-31623,31810-31852,31854-31964]";

/**
 * Mesos' `createFrameworkInfo({"*"}, capabilities)` as the benchmarks call
 * it: role `*`, with MULTI_ROLE added as Mesos' test helper adds it.
 */
export function addBenchFrameworks(allocator: HierarchicalDRFAllocator, count: number, capabilities: string[] = [], roleOf: (i: number) => string = () => BENCH_ROLE): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `framework-${i}`;
    ids.push(id);
    allocator.addFramework(id, { roles: [roleOf(i)], capabilities: ["MULTI_ROLE", ...capabilities] });
  }
  allocator.settle();
  return ids;
}

/**
 * Adds `count` agents of `total`, agent i using `used` by framework i mod
 * frameworks (Mesos' round robin). Each agent gets its own copies, as in
 * Mesos' loop (a SlaveInfo and a `used` map built per agent) and as a master
 * decoding each agent's registration would pass them: the allocator may not
 * rely on the objects being shared.
 */
export function addBenchAgents(allocator: HierarchicalDRFAllocator, count: number, total: Resources | readonly Resources[], frameworks: string[], used: Resources | readonly Resources[]): void {
  for (let i = 0; i < count; i++) {
    const own = total instanceof Resources ? total.clone() : total[i]!;
    const f = i % frameworks.length;
    // With one used slice per role, framework f's is used[f mod roles] (its role's).
    const slice = used instanceof Resources ? used : used[f % used.length]!;
    allocator.addAgent(`agent-${i}`, { resources: own }, new Map([[frameworks[f]!, slice.clone()]]));
  }
}

/** What `--roles` and `--quota` add to DeclineOffers' header line. */
function clusterNote(options: AllocatorBenchOptions): string {
  const notes: string[] = [];
  if (options.distinctAgents === true) notes.push("every agent a different total: disk:4096+i");
  const roles = options.roles ?? 0;
  if (roles > 0) notes.push(`frameworks in ${roles} role${roles === 1 ? "" : "s"} r0..r${roles - 1}`);
  if (options.quota === "guarantee") notes.push("a guarantee of cpus:2;mem:512 per agent on r0");
  if (options.quota === "limit") notes.push(`a limit of cpus:4 per agent on ${roles > 1 ? "r1" : "r0"}`);
  return notes.length === 0 ? "" : ` (${notes.join("; ")})`;
}

/** DeclineOffers' agent totals: `count` copies of Mesos' agent, or with `distinct`, agent i with `disk:4096+i` (parsed here, before any timing). */
function declineAgentTotals(count: number, distinct: boolean): Resources | Resources[] {
  if (!distinct) return Resources.parse(DECLINE_AGENT);
  const out: Resources[] = [];
  for (let i = 0; i < count; i++) out.push(Resources.parse(`cpus:24;mem:4096;disk:${4096 + i};ports:[31000-32000]`));
  return out;
}

/**
 * An offer callback that flattens every offer into `sink()`, as Mesos'
 * benchmarks keep one struct per offer. It iterates with `forEach`, as
 * Mesos' `foreachpair` does, which allocates nothing per entry (a `for..of`
 * over the maps makes an iterator result and an entry pair per offer; in
 * DeclineOffers at 10,000 x 1,000 that made rounds ~10% slower, measured
 * in one process with both callbacks alternating).
 */
function collectInto(sink: () => Offer[]): OfferCallback {
  return (framework, byRole) => {
    const offers = sink();
    byRole.forEach((byAgent) =>
      byAgent.forEach((resources, agent) => {
        offers.push({ framework, agent, resources });
      }),
    );
  };
}

/** The measurements of one DeclineOffers run (also printed). */
export interface DeclineOffersResult {
  addFrameworksMs: number;
  addAgentsMs: number;
  /** CPU time (user + system) of adding the agents: unlike wall time, not inflated by other processes on a shared machine. */
  addAgentsCpuMs: number;
  /** Wall time of the `addAgent` calls alone (part of `addAgentsMs`). */
  addAgentCallsMs: number;
  /** Wall time of the one allocation the additions trigger, run at `settle()` (the rest of `addAgentsMs`). */
  triggeredAllocationMs: number;
  rounds: { ms: number; cpuMs: number; offers: number; declined: number }[];
  /**
   * Per round, the wall time of declining every offer (the
   * `recoverResources` calls before the round's allocation; Mesos' benchmark
   * does not time them), and the slowest single call of the whole run: the
   * latency a master sees when a framework declines.
   */
  declineRoundsMs: number[];
  slowestDeclineMs: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** HierarchicalAllocator_BENCHMARK_Test.DeclineOffers, printed in Mesos' words. */
export async function runDeclineOffers(io: CliIO, options: AllocatorBenchOptions): Promise<void> {
  await warmUp(options, runDeclineOffers, io);
  declineOffers(options, (line) => io.out(line + "\n"));
}

/** The DeclineOffers benchmark as a function (used by the CLI and bench/allocator.bench.ts). */
export function declineOffers(options: AllocatorBenchOptions, print: (line: string) => void = () => {}): DeclineOffersResult {
  const { agents, frameworks } = options;
  const rounds = options.rounds ?? frameworks * 2;
  const clock = new ManualClock();
  const offers: Offer[] = [];
  // Deferred triggers: like Mesos' allocator process, the allocations that
  // adding frameworks and agents trigger coalesce into one run; the timings
  // below include it (Mesos' benchmark times up to Clock::settle()).
  const allocator = new HierarchicalDRFAllocator({ clock, seed: options.seed ?? 1, triggeredAllocation: "deferred", offerCallback: collectInto(() => offers) });
  print(`Using ${agents} agents and ${frameworks} frameworks${clusterNote(options)}`);
  const roles = options.roles ?? 0;
  const roleNames = Array.from({ length: roles }, (_, k) => `r${k}`);
  if (options.quota !== undefined && roles === 0) throw new Error("declineOffers: quota needs roles >= 1");
  if (options.quota === "guarantee") allocator.updateQuota("r0", { guarantees: `cpus:${2 * agents};mem:${512 * agents}` });
  if (options.quota === "limit") allocator.updateQuota(roles > 1 ? "r1" : "r0", { limits: `cpus:${4 * agents}` });
  let t = performance.now();
  const fwIds = addBenchFrameworks(allocator, frameworks, [], roles === 0 ? undefined : (i) => roleNames[i % roles]!);
  const addFrameworksMs = performance.now() - t;
  print(`Added ${frameworks} frameworks in ${formatDuration(addFrameworksMs)}`);

  const agentResources = declineAgentTotals(agents, options.distinctAgents === true);
  const used = roles === 0 ? declineUsedResources().allocate(BENCH_ROLE) : roleNames.map((r) => declineUsedResources().allocate(r));
  let c = cpuMs();
  t = performance.now();
  addBenchAgents(allocator, agents, agentResources, fwIds, used);
  const addAgentCallsMs = performance.now() - t;
  allocator.settle();
  const addAgentsMs = performance.now() - t;
  const triggeredAllocationMs = addAgentsMs - addAgentCallsMs;
  const addAgentsCpuMs = cpuMs() - c;
  print(`Added ${agents} agents in ${formatDuration(addAgentsMs)}`);

  const result: DeclineOffersResult = { addFrameworksMs, addAgentsMs, addAgentsCpuMs, addAgentCallsMs, triggeredAllocationMs, rounds: [], declineRoundsMs: [], slowestDeclineMs: 0 };
  let declined = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    let before = started;
    for (const o of offers) {
      allocator.recoverResources(o.framework, o.agent, o.resources, { refuseSeconds: 2 ** 31 - 1 });
      const after = performance.now();
      if (after - before > result.slowestDeclineMs) result.slowestDeclineMs = after - before;
      before = after;
    }
    result.declineRoundsMs.push(before - started);
    declined += offers.length;
    // Mesos' `offers.clear()`: the same vector, emptied (a new array here
    // would start over as an array of small integers, and the callback's
    // compiled code, made for the array it filled before, would be dropped).
    offers.length = 0;
    c = cpuMs();
    t = performance.now();
    clock.advance(1);
    const ms = performance.now() - t;
    result.rounds.push({ ms, cpuMs: cpuMs() - c, offers: offers.length, declined });
    print(`round ${round} allocate() took ${formatDuration(ms)} to make ${offers.length} offers after filtering ${declined} offers`);
  }
  allocator.close();
  const wall = result.rounds.map((r) => r.ms);
  const cpu = result.rounds.map((r) => r.cpuMs);
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  print(
    `summary: adding agents ${formatDuration(addAgentsMs)} wall / ${formatDuration(addAgentsCpuMs)} cpu ` +
      `(addAgent calls ${formatDuration(addAgentCallsMs)}, triggered allocation ${formatDuration(triggeredAllocationMs)}); ` +
      `allocate() per round mean ${formatDuration(mean(wall))} wall / ${formatDuration(mean(cpu))} cpu, ` +
      `max ${formatDuration(Math.max(0, ...wall))} wall / ${formatDuration(Math.max(0, ...cpu))} cpu over ${rounds} rounds; ` +
      `declining (not timed by Mesos): ${formatDuration(mean(result.declineRoundsMs))} per round on average, slowest round ` +
      `${formatDuration(Math.max(0, ...result.declineRoundsMs))}, slowest recoverResources() call ${formatDuration(result.slowestDeclineMs)}`,
  );
  return result;
}

/**
 * HierarchicalAllocator_BENCHMARK_Test.AddAndUpdateSlave: frameworks in
 * role `*` able to take revocable resources; agents of
 * `cpus:2;mem:1024;disk:4096;ports:[31000-32000]`, each with a slice in use
 * by one framework (round robin), added and then updated with 10 revocable
 * cpus more. Each phase is timed up to its settled allocation, and the
 * offer callbacks it caused are counted ("allocations", as Mesos counts them).
 */
export async function runAddAndUpdateAgent(io: CliIO, options: AllocatorBenchOptions): Promise<void> {
  await warmUp(options, runAddAndUpdateAgent, io);
  const clock = new ManualClock();
  let callbacks = 0;
  const allocator = new HierarchicalDRFAllocator({ clock, seed: options.seed ?? 1, triggeredAllocation: "deferred", offerCallback: () => void callbacks++ });
  io.out(`Using ${options.agents} agents and ${options.frameworks} frameworks\n`);
  let t = performance.now();
  const fwIds = addBenchFrameworks(allocator, options.frameworks, ["REVOCABLE_RESOURCES"]);
  io.out(`Added ${options.frameworks} frameworks in ${formatDuration(performance.now() - t)}\n`);
  const total = Resources.parse(ADD_AND_UPDATE_AGENT);
  const used = Resources.parse(ADD_AND_UPDATE_USED).allocate(BENCH_ROLE);
  t = performance.now();
  addBenchAgents(allocator, options.agents, total, fwIds, used);
  allocator.settle();
  io.out(`Added ${options.agents} agents in ${formatDuration(performance.now() - t)}; performed ${callbacks} allocations\n`);
  callbacks = 0;
  const oversubscribed = Resources.fromProto([{ name: "cpus", type: "SCALAR", scalar: 10, revocable: {} }]);
  t = performance.now();
  // Mesos computes `slave.resources() + oversubscribed` per agent, in the timed loop.
  for (let i = 0; i < options.agents; i++) allocator.updateAgent(`agent-${i}`, total.plus(oversubscribed));
  allocator.settle();
  io.out(`Updated ${options.agents} agents in ${formatDuration(performance.now() - t)} performing ${callbacks} allocations\n`);
  allocator.close();
}

/**
 * The setup shared by Mesos' SuppressOffers and ExtremeSuppressOffers:
 * frameworks in role `*`, DeclineOffers' agents with `cpus:16;mem:1024;disk:1024`
 * plus 16 port fragments in use by one framework each, all added and
 * settled (printed in Mesos' words).
 */
function suppressSetup(io: CliIO, options: AllocatorBenchOptions): { allocator: HierarchicalDRFAllocator; clock: ManualClock; fwIds: string[]; offers: () => Offer[]; take: () => Offer[] } {
  const clock = new ManualClock();
  let offers: Offer[] = [];
  const allocator = new HierarchicalDRFAllocator({ clock, seed: options.seed ?? 1, triggeredAllocation: "deferred", offerCallback: collectInto(() => offers) });
  io.out(`Using ${options.agents} agents and ${options.frameworks} frameworks\n`);
  let t = performance.now();
  const fwIds = addBenchFrameworks(allocator, options.frameworks);
  io.out(`Added ${options.frameworks} frameworks in ${formatDuration(performance.now() - t)}\n`);
  t = performance.now();
  addBenchAgents(allocator, options.agents, Resources.parse(DECLINE_AGENT), fwIds, declineUsedResources(1024).allocate(BENCH_ROLE));
  allocator.settle();
  io.out(`Added ${options.agents} agents in ${formatDuration(performance.now() - t)}\n`);
  const take = () => {
    const out = offers;
    offers = [];
    return out;
  };
  return { allocator, clock, fwIds, offers: () => offers, take };
}

/** One timed allocation cycle of the suppress benchmarks, after every outstanding offer is recovered without a filter; returns its time and offer count. */
function suppressRound(s: ReturnType<typeof suppressSetup>, suppressBefore: () => void): { ms: number; offers: number } {
  for (const o of s.take()) s.allocator.recoverResources(o.framework, o.agent, o.resources);
  suppressBefore();
  const t = performance.now();
  s.clock.advance(1);
  const ms = performance.now() - t;
  return { ms, offers: s.offers().length };
}

/**
 * HierarchicalAllocator_BENCHMARK_Test.SuppressOffers: `--rounds` (Mesos: 5)
 * allocation cycles; before each, every offer is recovered without a filter
 * and another frameworks / rounds of the frameworks suppress offers.
 */
export async function runSuppressOffers(io: CliIO, options: AllocatorBenchOptions): Promise<void> {
  await warmUp(options, runSuppressOffers, io);
  const s = suppressSetup(io, options);
  const rounds = options.rounds ?? 5;
  const perRound = Math.floor(options.frameworks / rounds);
  let suppressed = 0;
  for (let round = 0; round < rounds; round++) {
    const { ms, offers } = suppressRound(s, () => {
      for (let j = 0; j < perRound; j++) s.allocator.suppressOffers(s.fwIds[suppressed++]!);
    });
    io.out(`allocate() took ${formatDuration(ms)} to make ${offers} offers with ${suppressed} out of ${options.frameworks} frameworks suppressing offers\n`);
  }
  s.allocator.close();
}

/**
 * HierarchicalAllocator_BENCHMARK_Test.ExtremeSuppressOffers: as
 * SuppressOffers, but 99% of the frameworks suppress offers before the
 * first of the `--rounds` (Mesos: 5) cycles.
 */
export async function runExtremeSuppressOffers(io: CliIO, options: AllocatorBenchOptions): Promise<void> {
  await warmUp(options, runExtremeSuppressOffers, io);
  const s = suppressSetup(io, options);
  const suppressed = Math.floor(options.frameworks * 0.99);
  for (let i = 0; i < suppressed; i++) s.allocator.suppressOffers(s.fwIds[i]!);
  for (let round = 0; round < (options.rounds ?? 5); round++) {
    const { ms, offers } = suppressRound(s, () => {});
    io.out(`allocate() took ${formatDuration(ms)} to make ${offers} offers with ${suppressed} out of ${options.frameworks} frameworks suppressing offers\n`);
  }
  s.allocator.close();
}
