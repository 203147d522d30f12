/**
 * A file written line by line as a run goes, for logs too long to hold in
 * one string (V8 caps a string at about 512 MB): lines collect in a small
 * buffer that goes to the file whenever it passes `flushAt` characters.
 * Synchronous, for commands whose work is synchronous anyway.
 */
import { closeSync, openSync, writeSync } from "node:fs";

/** Buffered line writer over one file descriptor (see the module comment). */
export class LineFile {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingChars = 0;
  private closed = false;

  /** Creates (or truncates) `path`; throws the file system's error if it cannot. */
  constructor(path: string, private readonly flushAt = 1 << 20) {
    this.fd = openSync(path, "w");
  }

  /** Appends `line` and a newline. */
  writeLine(line: string): void {
    if (this.closed) throw new Error("LineFile: write after close");
    this.pending.push(line, "\n");
    this.pendingChars += line.length + 1;
    if (this.pendingChars >= this.flushAt) this.flush();
  }

  /** Writes what is buffered and closes the file (once; later calls do nothing). */
  close(): void {
    if (this.closed) return;
    try {
      this.flush();
    } finally {
      this.closed = true;
      closeSync(this.fd);
    }
  }

  private flush(): void {
    if (this.pendingChars === 0) return;
    const text = this.pending.join("");
    this.pending = [];
    this.pendingChars = 0;
    const bytes = Buffer.from(text, "utf8");
    for (let off = 0; off < bytes.length; ) off += writeSync(this.fd, bytes, off, bytes.length - off);
  }
}
