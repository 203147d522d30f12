/**
 * `drfcore replay scenario.json`: runs an allocator scenario (FORMAT.md) and
 * prints exactly `{"checkpoints":[{"offers":[...]}, ...]}`. With `--check`
 * it also judges every checkpoint against the scenario's expectations and
 * exits 1 (listing the mismatches on stderr) when one differs.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { CliExit, type CliIO } from "./io.js";
import { judge, runScenario, ScenarioError, validateScenario } from "../replay/index.js";

/** Registers the `replay` command. */
export function register(program: Command, io: CliIO): void {
  program
    .command("replay")
    .description("run an allocator scenario (test/fixtures/scenarios/FORMAT.md) and print the offers per checkpoint as JSON")
    .argument("<scenario>", "scenario JSON file, or - for standard input")
    .option("--check", "also judge each checkpoint against the scenario's expectations; exit 1 on a mismatch")
    .option("--seed <n>", "agent shuffle seed", "1")
    .action(async (file: string, opts: { check?: boolean; seed: string }) => {
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed)) throw new CliExit(2, `drfcore replay: --seed must be an integer, got '${opts.seed}'`);
      let text: string;
      try {
        text = file === "-" ? (await io.readStdin()).toString("utf8") : await readFile(file, "utf8");
      } catch (e) {
        throw new CliExit(2, `drfcore replay: cannot read '${file}': ${(e as Error).message}`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new CliExit(2, `drfcore replay: ${file}: not JSON: ${(e as Error).message}`);
      }
      try {
        const scenario = validateScenario(json);
        const result = runScenario(scenario, { seed });
        io.out(JSON.stringify(result) + "\n");
        if (opts.check) {
          const bad = judge(scenario, result).filter((v) => !v.ok);
          if (bad.length > 0) {
            const lines = bad.map((v) => `checkpoint ${v.index} (step ${v.step}): missing ${JSON.stringify(v.missing)} unexpected ${JSON.stringify(v.unexpected)}`);
            throw new CliExit(1, `drfcore replay: ${bad.length} checkpoint(s) differ from the expectations:\n${lines.join("\n")}`);
          }
        }
      } catch (e) {
        if (e instanceof ScenarioError) throw new CliExit(2, `drfcore replay: ${file}: ${e.message}`);
        throw e;
      }
    });
}
