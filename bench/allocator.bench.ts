/**
 * Allocator benchmarks with tinybench, on the real HierarchicalDRFAllocator
 * and a manual clock:
 *
 *   npx tsx bench/allocator.bench.ts              # sizes up to 2,000 x 200
 *   FULL=1 npx tsx bench/allocator.bench.ts       # adds 5,000 x 500 and 10,000 x 1,000 (slow setup)
 *   CURVE=1 npx tsx bench/allocator.bench.ts      # only the growth curve of DeclineOffers' first rounds
 *   WARM=1 npx tsx bench/allocator.bench.ts       # DeclineOffers 10,000 x 1,000 three times in one process (cold vs warm JIT)
 *   ROLES=4 QUOTA=guarantee CURVE=1 npx tsx bench/allocator.bench.ts   # CURVE or WARM with the frameworks in 4 roles
 *                                                 # and a guarantee (or QUOTA=limit) on one (`bench decline-offers --roles --quota`)
 *
 * 1. One DeclineOffers allocation cycle (Mesos' HierarchicalAllocator_BENCHMARK_Test.DeclineOffers
 *    shape: agents cpus:24;mem:4096;disk:4096;ports:[31000-32000], each with
 *    cpus:16;mem:2014;disk:1024 + Mesos' 16 port fragments used by one framework) at
 *    several sizes, measured two ways in the same run: a cycle that makes an
 *    offer on every agent (round 0) and a cycle where every (framework, agent)
 *    pair is filtered (after 2 x frameworks rounds). The per-cycle cost over
 *    (agents + frameworks) and over (agents x frameworks) is printed so the
 *    growth can be read off.
 * 2. The baseline in the same process: one pass over all (agent, framework)
 *    pairs doing a Map lookup each — what any allocator that visits every
 *    pair must at least pay; ratios are against it.
 */
import { Bench } from "tinybench";
import { HierarchicalDRFAllocator, ManualClock } from "../src/allocator/index.js";
import { addBenchAgents, addBenchFrameworks, BENCH_ROLE, DECLINE_AGENT, declineOffers, declineUsedResources } from "../src/benchmarks/allocator.js";
import { Resources } from "../src/resources/index.js";

const TIME = Number(process.env.BENCH_TIME_MS ?? 300);
/** CURVE and WARM: DeclineOffers' cluster with its frameworks in ROLES roles and QUOTA on one (not Mesos' benchmark; see AllocatorBenchOptions). */
const quotaEnv = process.env.QUOTA;
const cluster: { roles: number; quota?: "guarantee" | "limit" } = { roles: Number(process.env.ROLES ?? 0), quota: quotaEnv === "guarantee" || quotaEnv === "limit" ? quotaEnv : undefined };
const sizes: [number, number][] = [
  [500, 50],
  [1000, 100],
  [2000, 200],
];
if (process.env.FULL) sizes.push([5000, 500], [10000, 1000]);

interface Setup {
  clock: ManualClock;
  allocator: HierarchicalDRFAllocator;
  offers: { f: string; a: string; r: Resources }[];
}

function setup(agents: number, frameworks: number): Setup {
  const clock = new ManualClock();
  const s: Setup = { clock, allocator: undefined as never, offers: [] };
  s.allocator = new HierarchicalDRFAllocator({
    clock,
    offerCallback: (f, byRole) => {
      // forEach, as the CLI's DeclineOffers (see collectInto there).
      byRole.forEach((byAgent) =>
        byAgent.forEach((r, a) => {
          s.offers.push({ f, a, r });
        }),
      );
    },
  });
  const fwIds = addBenchFrameworks(s.allocator, frameworks);
  addBenchAgents(s.allocator, agents, Resources.parse(DECLINE_AGENT), fwIds, declineUsedResources().allocate(BENCH_ROLE));
  return s;
}

/** Declines every outstanding offer (filter: ~forever) and runs one cycle. */
function round(s: Setup): number {
  for (const o of s.offers) s.allocator.recoverResources(o.f, o.a, o.r, { refuseSeconds: 2 ** 31 - 1 });
  s.offers = [];
  s.clock.advance(1);
  return s.offers.length;
}

if (process.env.WARM) {
  // The same DeclineOffers run three times in one process: the first pays for
  // V8 compiling the allocator (round 0, adding the agents), the later ones show
  // the warm cost.
  for (let k = 0; k < 3; k++) {
    const r = declineOffers({ agents: 10000, frameworks: 1000, rounds: 5, ...cluster });
    console.log(`run ${k}: add agents ${r.addAgentsMs.toFixed(0)} ms wall / ${r.addAgentsCpuMs.toFixed(0)} ms cpu; rounds cpu (ms) ${r.rounds.map((x) => x.cpuMs.toFixed(0)).join(" ")}`);
  }
  process.exit(0);
}

if (process.env.CURVE) {
  // DeclineOffers' first 10 rounds (every agent offered each round) at growing
  // sizes: if the cycle cost grows with agents + frameworks, the last column stays flat.
  const curve: [number, number][] = [[1000, 100], [2000, 200], [5000, 500], [10000, 1000], [10000, 3000], [20000, 1000], [50000, 1000]];
  console.log("| agents x frameworks | add agents wall / cpu (ms) | mean round 0-9 wall / cpu (ms) | median round 1-9 cpu (ms) | offers/round | cpu us per offer | cpu us per (agent+framework) | cpu ns per (agent x framework) |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const [agents, frameworks] of curve) {
    const r = declineOffers({ agents, frameworks, rounds: 10, ...cluster });
    const mean = r.rounds.reduce((a, x) => a + x.ms, 0) / r.rounds.length;
    const cpu = r.rounds.reduce((a, x) => a + x.cpuMs, 0) / r.rounds.length;
    const offers = r.rounds[0]!.offers;
    // Round 0 of a fresh process includes V8 compiling the cycle; the median of the later rounds is the steady cost.
    const later = r.rounds.slice(1).map((x) => x.cpuMs).sort((a, b) => a - b);
    const median = later[later.length >> 1] ?? 0;
    console.log(
      `| ${agents} x ${frameworks} | ${r.addAgentsMs.toFixed(0)} / ${r.addAgentsCpuMs.toFixed(0)} | ${mean.toFixed(1)} / ${cpu.toFixed(1)} | ${median.toFixed(1)} | ${offers} | ${((cpu * 1000) / offers).toFixed(2)} | ${((cpu * 1000) / (agents + frameworks)).toFixed(2)} | ${((cpu * 1e6) / (agents * frameworks)).toFixed(2)} |`,
    );
  }
  process.exit(0);
}

const rows: string[] = [];
for (const [agents, frameworks] of sizes) {
  const bench = new Bench({ time: TIME, warmupTime: 50 });
  // Offer-making cycles: a fresh cluster per measurement batch keeps it in the round-0 regime.
  let fresh = setup(agents, frameworks);
  let freshRounds = 0;
  bench.add(`offer cycle ${agents}x${frameworks}`, () => {
    if (freshRounds >= Math.max(1, frameworks / 4)) {
      fresh = setup(agents, frameworks);
      freshRounds = 0;
    }
    round(fresh);
    freshRounds++;
  });
  const filtered = setup(agents, frameworks);
  for (let i = 0; i < 2 * frameworks; i++) round(filtered);
  bench.add(`all-filtered cycle ${agents}x${frameworks}`, () => {
    round(filtered);
  });
  const pairs = new Map<string, number>();
  for (let f = 0; f < frameworks; f++) pairs.set(`framework-${f}`, f);
  bench.add(`baseline: visit every pair ${agents}x${frameworks}`, () => {
    let x = 0;
    for (let a = 0; a < agents; a++) for (let f = 0; f < frameworks; f++) x += pairs.get(`framework-${f}`)!;
    if (x < 0) throw new Error("unreachable");
  });
  await bench.run();
  const ms = (name: string) => {
    const r = bench.tasks.find((t) => t.name.startsWith(name))!.result;
    return r.state === "completed" ? r.latency.p50 : Number.NaN;
  };
  const offer = ms("offer cycle");
  const filt = ms("all-filtered cycle");
  const base = ms("baseline");
  rows.push(
    `| ${agents} x ${frameworks} | ${offer.toFixed(2)} | ${((offer * 1000) / (agents + frameworks)).toFixed(2)} | ${filt.toFixed(3)} | ${base.toFixed(2)} | ${(base / offer).toFixed(2)}x |`,
  );
}
console.log("| agents x frameworks | offer cycle (ms) | us per (agent+framework) | all-filtered cycle (ms) | baseline pair visit (ms) | baseline / offer cycle |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const r of rows) console.log(r);
