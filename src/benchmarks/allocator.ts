/** Allocator benchmarks in Mesos' wording (owned by the allocator work). */
import type { CliIO } from "../cli/io.js";

/** Options of `drfcore bench decline-offers` (and its siblings). */
export interface AllocatorBenchOptions {
  agents: number;
  frameworks: number;
  /** Allocation rounds; Mesos' benchmark runs 200 (DeclineOffers). */
  rounds?: number;
  seed?: number;
}

/** HierarchicalAllocator_BENCHMARK_Test.DeclineOffers, printed in Mesos' words. */
export async function runDeclineOffers(_io: CliIO, _options: AllocatorBenchOptions): Promise<void> {
  throw new Error("bench decline-offers: not built yet");
}

/** HierarchicalAllocator_BENCHMARK_Test.AddAndUpdateSlave. */
export async function runAddAndUpdateAgent(_io: CliIO, _options: AllocatorBenchOptions): Promise<void> {
  throw new Error("bench add-and-update-agent: not built yet");
}

/** HierarchicalAllocator_BENCHMARK_Test.SuppressOffers. */
export async function runSuppressOffers(_io: CliIO, _options: AllocatorBenchOptions): Promise<void> {
  throw new Error("bench suppress-offers: not built yet");
}
