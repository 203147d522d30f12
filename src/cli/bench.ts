/** `drfcore bench`: placeholder until its issue lands. */
import type { Command } from "commander";
import { CliExit, type CliIO } from "./io.js";

/** Registers the `bench` command. */
export function register(program: Command, _io: CliIO): void {
  program
    .command("bench")
    .description("(not built yet)")
    .allowUnknownOption()
    .argument("[args...]")
    .action(() => {
      throw new CliExit(2, "drfcore bench: not built yet");
    });
}
