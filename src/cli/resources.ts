/** `drfcore resources`: placeholder until its issue lands. */
import type { Command } from "commander";
import { CliExit, type CliIO } from "./io.js";

/** Registers the `resources` command. */
export function register(program: Command, _io: CliIO): void {
  program
    .command("resources")
    .description("(not built yet)")
    .allowUnknownOption()
    .argument("[args...]")
    .action(() => {
      throw new CliExit(2, "drfcore resources: not built yet");
    });
}
