/** Resources benchmarks in Mesos' wording (owned by the Wasm/resources work). */
import type { CliIO } from "../cli/io.js";

/** Options of `drfcore bench resources`. */
export interface ResourcesBenchOptions {
  /** Scale every iteration count by this factor (1 = Mesos' sizes). */
  scale: number;
}

/** Runs Mesos' resources benchmarks and prints each result in Mesos' words. */
export async function runResourcesBench(_io: CliIO, _options: ResourcesBenchOptions): Promise<void> {
  throw new Error("bench resources: not built yet");
}
