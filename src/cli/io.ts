/** Where a CLI command writes; injectable so tests run commands in-process. */
export interface CliIO {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Reads all of standard input (used by `-` file operands). */
  readStdin(): Promise<Buffer>;
}

/** Thrown by a command to exit with a given status after printing `message` to stderr. */
export class CliExit extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = "CliExit";
  }
}

// A reader that closes the pipe early (`drfcore simulate | head -1`) is not an
// error of ours: stop quietly, as Unix tools do, instead of crashing on EPIPE.
let pipeGuardInstalled = false;
function guardPipes(): void {
  if (pipeGuardInstalled) return;
  pipeGuardInstalled = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
}

/** The process's real streams. */
export const processIO: CliIO = {
  out: (text) => {
    guardPipes();
    process.stdout.write(text);
  },
  err: (text) => {
    guardPipes();
    process.stderr.write(text);
  },
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};

/** An in-memory IO for tests: collects output, serves a fixed stdin. */
export function memoryIO(stdin: Buffer | string = ""): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    out(text: string) { io.stdout += text; },
    err(text: string) { io.stderr += text; },
    readStdin: async () => (typeof stdin === "string" ? Buffer.from(stdin) : stdin),
  };
  return io;
}
