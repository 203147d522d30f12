/**
 * Allocator benchmarks in Mesos' wording, so the output can be laid beside
 * Mesos' `HierarchicalAllocator_BENCHMARK_Test` output. All run on a manual
 * clock and drive the real HierarchicalDRFAllocator.
 */
import type { CliIO } from "../cli/io.js";
import { HierarchicalDRFAllocator, ManualClock } from "../allocator/index.js";
import { Resources } from "../resources/index.js";

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

/** The agent shape of Mesos' DeclineOffers benchmark. */
export const DECLINE_AGENT = "cpus:24;mem:4096;disk:4096;ports:[31000-32000]";

/** `cpus:16;mem:2014;disk:1024` plus 16 port fragments of [31000-32000] (one-port gaps), as Mesos' `fragment()`. */
export function declineUsedResources(): Resources {
  const step = Math.floor(1001 / 16);
  const frags: string[] = [];
  for (let i = 0; i < 16; i++) frags.push(`${31000 + i * step}-${31000 + i * step + step - 2}`);
  return Resources.parse(`cpus:16;mem:2014;disk:1024;ports:[${frags.join(",")}]`);
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
  let offers: Offer[] = [];
  // Deferred triggers: like Mesos' allocator process, the allocations that
  // adding frameworks and agents trigger coalesce into one run; the timings
  // below include it (Mesos' benchmark times up to Clock::settle()).
  const allocator = new HierarchicalDRFAllocator({
    clock,
    seed: options.seed ?? 1,
    triggeredAllocation: "deferred",
    offerCallback: (framework, byRole) => {
      for (const byAgent of byRole.values()) for (const [agent, resources] of byAgent) offers.push({ framework, agent, resources });
    },
  });
  const role = "role1";
  const fwIds: string[] = [];
  let t = performance.now();
  for (let i = 0; i < frameworks; i++) {
    const id = `framework-${i}`;
    fwIds.push(id);
    allocator.addFramework(id, { roles: [role] });
  }
  allocator.settle();
  const addFrameworksMs = performance.now() - t;
  print(`Added ${frameworks} frameworks in ${formatDuration(addFrameworksMs)}`);

  const agentResources = Resources.parse(DECLINE_AGENT);
  const used = declineUsedResources().allocate(role);
  let c = cpuMs();
  t = performance.now();
  for (let i = 0; i < agents; i++) {
    allocator.addAgent(`agent-${i}`, { resources: agentResources }, new Map([[fwIds[i % frameworks]!, used]]));
  }
  const addAgentCallsMs = performance.now() - t;
  allocator.settle();
  const addAgentsMs = performance.now() - t;
  const triggeredAllocationMs = addAgentsMs - addAgentCallsMs;
  const addAgentsCpuMs = cpuMs() - c;
  print(`Added ${agents} agents in ${formatDuration(addAgentsMs)}`);

  const result: DeclineOffersResult = { addFrameworksMs, addAgentsMs, addAgentsCpuMs, addAgentCallsMs, triggeredAllocationMs, rounds: [] };
  let declined = 0;
  for (let round = 0; round < rounds; round++) {
    for (const o of offers) allocator.recoverResources(o.framework, o.agent, o.resources, { refuseSeconds: 2 ** 31 - 1 });
    declined += offers.length;
    offers = [];
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
      `max ${formatDuration(Math.max(0, ...wall))} wall / ${formatDuration(Math.max(0, ...cpu))} cpu over ${rounds} rounds`,
  );
  return result;
}

/**
 * HierarchicalAllocator_BENCHMARK_Test.AddAndUpdateSlave: adds the agents
 * (each triggering an allocation on itself), then updates every agent's
 * total (each triggering one), timing both phases.
 */
export async function runAddAndUpdateAgent(io: CliIO, options: AllocatorBenchOptions): Promise<void> {
  await warmUp(options, runAddAndUpdateAgent, io);
  const clock = new ManualClock();
  let offers = 0;
  const allocator = new HierarchicalDRFAllocator({ clock, seed: options.seed ?? 1, offerCallback: (_f, byRole) => { for (const m of byRole.values()) offers += m.size; } });
  let t = performance.now();
  for (let i = 0; i < options.frameworks; i++) allocator.addFramework(`framework-${i}`, { roles: [`role${i % 10}`] });
  io.out(`Added ${options.frameworks} frameworks in ${formatDuration(performance.now() - t)}\n`);
  const first = Resources.parse("cpus:2;mem:1024;disk:4096;ports:[31000-32000]");
  const second = Resources.parse("cpus:4;mem:2048;disk:4096;ports:[31000-32000]");
  t = performance.now();
  for (let i = 0; i < options.agents; i++) allocator.addAgent(`agent-${i}`, { resources: first });
  io.out(`Added ${options.agents} agents in ${formatDuration(performance.now() - t)} (${offers} offers)\n`);
  offers = 0;
  t = performance.now();
  for (let i = 0; i < options.agents; i++) allocator.updateAgent(`agent-${i}`, second);
  io.out(`Updated ${options.agents} agents in ${formatDuration(performance.now() - t)} (${offers} offers)\n`);
  allocator.close();
}

/**
 * HierarchicalAllocator_BENCHMARK_Test.SuppressOffers: every framework holds
 * part of the cluster; each round all offers are declined with a long filter,
 * a share of the frameworks suppress, and one allocation cycle is timed.
 */
export async function runSuppressOffers(io: CliIO, options: AllocatorBenchOptions): Promise<void> {
  await warmUp(options, runSuppressOffers, io);
  const clock = new ManualClock();
  let offers: Offer[] = [];
  const allocator = new HierarchicalDRFAllocator({
    clock,
    seed: options.seed ?? 1,
    offerCallback: (framework, byRole) => { for (const byAgent of byRole.values()) for (const [agent, resources] of byAgent) offers.push({ framework, agent, resources }); },
  });
  const role = "role1";
  let t = performance.now();
  for (let i = 0; i < options.frameworks; i++) allocator.addFramework(`framework-${i}`, { roles: [role] });
  io.out(`Added ${options.frameworks} frameworks in ${formatDuration(performance.now() - t)}\n`);
  const agentResources = Resources.parse(DECLINE_AGENT);
  const used = declineUsedResources().allocate(role);
  t = performance.now();
  for (let i = 0; i < options.agents; i++) allocator.addAgent(`agent-${i}`, { resources: agentResources }, new Map([[`framework-${i % options.frameworks}`, used]]));
  io.out(`Added ${options.agents} agents in ${formatDuration(performance.now() - t)}\n`);
  const rounds = options.rounds ?? 20;
  let suppressed = 0;
  for (let round = 0; round < rounds; round++) {
    for (const o of offers) allocator.recoverResources(o.framework, o.agent, o.resources, { refuseSeconds: 2 ** 31 - 1 });
    offers = [];
    // Suppress another slice of the frameworks each round (Mesos suppresses 10% per round).
    const target = Math.min(options.frameworks, Math.round(((round + 1) * options.frameworks) / 10));
    for (; suppressed < target; suppressed++) allocator.suppressOffers(`framework-${suppressed}`);
    t = performance.now();
    clock.advance(1);
    io.out(`round ${round} allocate() took ${formatDuration(performance.now() - t)} to make ${offers.length} offers with ${suppressed} suppressed frameworks\n`);
  }
  allocator.close();
}
