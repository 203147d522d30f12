/**
 * `drfcore simulate`: runs the workload simulation (built-in cluster or a
 * `--cluster` JSON file) through the real allocator, shows progress on stderr,
 * prints the per-role table on stdout and writes the HTML report.
 */
import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import { constants } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { CliExit, processIO, type CliIO } from "./io.js";
import {
  ClusterConfigError,
  LIMITS,
  applyOverrides,
  defaultClusterConfig,
  parseClusterConfig,
  progressReporter,
  renderHtmlReport,
  renderRoleTable,
  renderRunSummary,
  runSimulation,
  type ClusterConfig,
  type ClusterOverrides,
  type SimulationOptions,
  type SimulationResult,
} from "../simulate/index.js";
import { LineFile } from "./line-file.js";

/** Default path of the HTML report. */
export const DEFAULT_REPORT_PATH = "report/simulation.html";

interface SimulateOptions {
  agents?: string;
  frameworks?: string;
  duration?: string;
  seed?: string;
  cluster?: string;
  report: string;
  quiet?: boolean;
  events?: string;
  sorter?: string;
}

function usage(message: string): CliExit {
  return new CliExit(2, `drfcore simulate: ${message}`);
}

function intOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === "" || !Number.isInteger(n) || n < min || n > max) throw usage(`--${name} must be an integer from ${min} to ${max}, got '${text}'`);
  return n;
}

function durationOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n <= 0 || n > LIMITS.maxDurationSeconds) {
    throw usage(`--duration must be a number of seconds above 0 and at most ${LIMITS.maxDurationSeconds}, got '${text}'`);
  }
  return n;
}

async function loadCluster(path: string | undefined, io: CliIO): Promise<ClusterConfig> {
  if (path === undefined) return defaultClusterConfig();
  let text: string;
  try {
    text = path === "-" ? (await io.readStdin()).toString("utf8") : await readFile(path, "utf8");
  } catch (err) {
    throw usage(`cannot read cluster file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseClusterConfig(text, path === "-" ? "<stdin>" : path);
}

/** Registers the `simulate` command. */
export function register(program: Command, io: CliIO): void {
  program
    .command("simulate")
    .description("simulate a cluster for a while through the real allocator; print a per-role table and write an HTML report")
    .option("--agents <n>", "total agents (spread over the cluster's agent groups in proportion; quota scales with them)")
    .option("--frameworks <n>", "total frameworks (spread over the roles in proportion, at least one each)")
    .option("--duration <seconds>", "simulated seconds (default 3600, or the cluster file's)")
    .option("--seed <n>", "random seed (default 1, or the cluster file's)")
    .option("--sorter <kind>", "the allocator's role and framework sorters: drf (Mesos' default) or random")
    .option("--cluster <file.json>", "cluster description (see docs/simulate.md); '-' reads stdin")
    .option("--report <path.html>", "where to write the HTML report", DEFAULT_REPORT_PATH)
    .option("--events <path.jsonl>", "also write the event log (arrive, launch, finish, offer, decline, suppress, revive), one JSON object per line")
    .option("--quiet", "no progress display")
    .action(async (opts: SimulateOptions) => {
      const overrides: ClusterOverrides = {};
      const agents = intOption("agents", opts.agents, 1, LIMITS.maxAgents);
      const frameworks = intOption("frameworks", opts.frameworks, 1, LIMITS.maxFrameworks);
      const durationSeconds = durationOption(opts.duration);
      const seed = intOption("seed", opts.seed, -(2 ** 31), 2 ** 32 - 1);
      if (agents !== undefined) overrides.agents = agents;
      if (frameworks !== undefined) overrides.frameworks = frameworks;
      if (durationSeconds !== undefined) overrides.durationSeconds = durationSeconds;
      if (seed !== undefined) overrides.seed = seed;
      if (opts.sorter !== undefined) {
        if (opts.sorter !== "drf" && opts.sorter !== "random") throw usage(`--sorter must be drf or random, got '${opts.sorter}'`);
        overrides.sorter = opts.sorter;
      }

      let config: ClusterConfig;
      try {
        config = applyOverrides(await loadCluster(opts.cluster, io), overrides, opts.cluster ?? "<built-in>");
      } catch (err) {
        if (err instanceof ClusterConfigError) throw new CliExit(2, `drfcore simulate: ${err.message}`);
        throw err;
      }

      // Fail on an unusable report path before spending time on the run.
      const reportPath = opts.report;
      try {
        await mkdir(dirname(resolve(reportPath)), { recursive: true });
        await access(dirname(resolve(reportPath)), constants.W_OK);
      } catch (err) {
        throw new CliExit(1, `drfcore simulate: cannot write report ${reportPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }

      const isTTY = io === processIO && process.stderr.isTTY === true;
      const progress = opts.quiet ? undefined : progressReporter({ write: (s) => io.err(s), isTTY });
      // The event log goes to its file line by line as the run makes it: a
      // long run's log is larger than one string can be.
      const eventsPath = opts.events;
      const eventsError = (err: unknown) =>
        new CliExit(1, `drfcore simulate: cannot write events ${eventsPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      let eventsFile: LineFile | undefined;
      if (eventsPath !== undefined) {
        try {
          await mkdir(dirname(resolve(eventsPath)), { recursive: true });
          eventsFile = new LineFile(eventsPath);
        } catch (err) {
          throw eventsError(err);
        }
      }
      const options: SimulationOptions = { recordEvents: false };
      if (progress) options.onProgress = progress.update;
      if (eventsFile !== undefined) {
        const file = eventsFile;
        options.onEvent = (e) => file.writeLine(JSON.stringify(e));
      }
      let result: SimulationResult;
      try {
        result = runSimulation(config, options);
        eventsFile?.close();
      } catch (err) {
        // A failed write of the log, or the run itself failing: close the file either way.
        const writing = eventsFile !== undefined && (err as NodeJS.ErrnoException).syscall !== undefined;
        try {
          eventsFile?.close();
        } catch {
          // the first error is the one to report
        }
        throw writing ? eventsError(err) : err;
      }
      progress?.done();

      try {
        await writeFile(reportPath, renderHtmlReport(result), "utf8");
      } catch (err) {
        throw new CliExit(1, `drfcore simulate: cannot write report ${reportPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      io.out(renderRunSummary(result));
      io.out("\n");
      io.out(renderRoleTable(result.roles));
      io.out(`\nReport: ${reportPath}\n`);
      if (opts.events !== undefined) io.out(`Events: ${opts.events}\n`);
    });
}
