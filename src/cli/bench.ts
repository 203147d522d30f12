/**
 * `drfcore bench <name>`: runs a benchmark at any size and prints Mesos' own
 * wording, so the output can be laid beside Mesos' benchmark output.
 */
import type { Command } from "commander";
import { CliExit, type CliIO } from "./io.js";
import { runResourcesBench } from "../benchmarks/resources.js";
import {
  type AllocatorBenchOptions,
  runAddAndUpdateAgent,
  runDeclineOffers,
  runExtremeSuppressOffers,
  runSuppressOffers,
} from "../benchmarks/allocator.js";

/** Parses a positive integer option, or exits with status 2. */
function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new CliExit(2, `drfcore bench: --${name} must be a positive integer, got '${text}'`);
  return n;
}

/** Parses a non-negative integer option, or exits with status 2. */
function nonNegativeInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new CliExit(2, `drfcore bench: --${name} must be a non-negative integer, got '${text}'`);
  return n;
}

/** Parses a positive number option, or exits with status 2. */
function positiveNumber(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new CliExit(2, `drfcore bench: --${name} must be a positive number, got '${text}'`);
  return n;
}

/** Registers `bench` and its sub-commands. */
export function register(program: Command, io: CliIO): void {
  const bench = program.command("bench").description("run a benchmark and print Mesos-worded results");

  bench
    .command("resources")
    .description("Mesos' Resources benchmarks (scalar arithmetic, contains, ranges) plus batch forms")
    .option("--scale <factor>", "scale iteration counts (1 = Mesos' sizes)", "1")
    .action(async (opts: { scale: string }) => {
      await runResourcesBench(io, { scale: positiveNumber("scale", opts.scale) });
    });

  const allocatorBench = (name: string, description: string, run: (io: CliIO, o: AllocatorBenchOptions) => Promise<void>, defaults: { agents: string; frameworks: string; rounds: string }) =>
    bench
      .command(name)
      .description(description)
      .option("--agents <n>", "number of agents", defaults.agents)
      .option("--frameworks <n>", "number of frameworks", defaults.frameworks)
      .option("--rounds <n>", "allocation rounds", defaults.rounds)
      .option("--seed <n>", "agent shuffle seed", "1")
      .option("--warmup <n>", "unprinted runs of the same benchmark before the printed one (0: the printed run is cold)", "0")
      .option("--distinct-agents", "decline-offers only, not in Mesos' benchmark: every agent a different total (disk:4096+i), as in a real cluster", false)
      .option("--roles <n>", "decline-offers only, not in Mesos' benchmark: frameworks spread over n roles r0..r(n-1) (0: Mesos' single role '*')", "0")
      .option("--quota <kind>", "decline-offers only, not in Mesos' benchmark, with --roles: 'guarantee' (cpus:2;mem:512 per agent on r0, headroom held back) or 'limit' (cpus:4 per agent on r1)")
      .action(async (opts: { agents: string; frameworks: string; rounds: string; seed: string; warmup: string; distinctAgents: boolean; roles: string; quota?: string }) => {
        const roles = nonNegativeInt("roles", opts.roles);
        if (opts.quota !== undefined && opts.quota !== "guarantee" && opts.quota !== "limit") throw new CliExit(2, `drfcore bench: --quota must be 'guarantee' or 'limit', got '${opts.quota}'`);
        if (opts.quota !== undefined && roles === 0) throw new CliExit(2, "drfcore bench: --quota needs --roles 1 or more");
        await run(io, {
          agents: positiveInt("agents", opts.agents),
          frameworks: positiveInt("frameworks", opts.frameworks),
          rounds: positiveInt("rounds", opts.rounds),
          seed: Number(opts.seed),
          warmup: nonNegativeInt("warmup", opts.warmup),
          distinctAgents: opts.distinctAgents === true,
          roles,
          quota: opts.quota as "guarantee" | "limit" | undefined,
        });
      });

  allocatorBench("decline-offers", "HierarchicalAllocator_BENCHMARK_Test.DeclineOffers", runDeclineOffers, { agents: "1000", frameworks: "100", rounds: "200" });
  allocatorBench("add-and-update-agent", "HierarchicalAllocator_BENCHMARK_Test.AddAndUpdateSlave", runAddAndUpdateAgent, { agents: "10000", frameworks: "1000", rounds: "1" });
  allocatorBench("suppress-offers", "HierarchicalAllocator_BENCHMARK_Test.SuppressOffers", runSuppressOffers, { agents: "1000", frameworks: "100", rounds: "5" });
  allocatorBench("extreme-suppress-offers", "HierarchicalAllocator_BENCHMARK_Test.ExtremeSuppressOffers", runExtremeSuppressOffers, { agents: "1000", frameworks: "100", rounds: "5" });
}
