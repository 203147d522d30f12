/**
 * The `drfcore` command line: one file per command under src/cli/, each
 * exporting `register(program, io)`. `main` runs in-process so tests can call
 * it with a memory IO; bin/drfcore.mjs calls it with the process's streams.
 */
import { Command, CommanderError } from "commander";
import { CliExit, type CliIO, processIO } from "./io.js";
import { register as registerDecode } from "./decode.js";
import { register as registerResources } from "./resources.js";
import { register as registerReplay } from "./replay.js";
import { register as registerBench } from "./bench.js";
import { register as registerSimulate } from "./simulate.js";

/** Builds the command tree, writing through `io`. */
export function buildProgram(io: CliIO): Command {
  const program = new Command("drfcore")
    .description("drfcore: a hierarchical DRF allocator core with Mesos semantics")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError();
  registerDecode(program, io);
  registerResources(program, io);
  registerReplay(program, io);
  registerBench(program, io);
  registerSimulate(program, io);
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CliExit) {
      if (err.message) io.err(err.message.endsWith("\n") ? err.message : err.message + "\n");
      return err.status;
    }
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    io.err(`drfcore: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 1;
  }
}
