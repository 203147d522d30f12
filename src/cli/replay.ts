/** `drfcore replay`: placeholder until its issue lands. */
import type { Command } from "commander";
import { CliExit, type CliIO } from "./io.js";

/** Registers the `replay` command. */
export function register(program: Command, _io: CliIO): void {
  program
    .command("replay")
    .description("(not built yet)")
    .allowUnknownOption()
    .argument("[args...]")
    .action(() => {
      throw new CliExit(2, "drfcore replay: not built yet");
    });
}
