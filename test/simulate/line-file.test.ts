import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LineFile } from "../../src/cli/line-file.js";

const dir = mkdtempSync(join(tmpdir(), "drfcore-lines-"));

describe("LineFile", () => {
  it("writes every line in order across many flushes, including multi-byte text", () => {
    const path = join(dir, "a.txt");
    const f = new LineFile(path, 64);
    const lines = Array.from({ length: 2000 }, (_, i) => `line ${i} ${"é".repeat(i % 7)}`);
    for (const l of lines) f.writeLine(l);
    f.close();
    expect(readFileSync(path, "utf8")).toBe(lines.map((l) => l + "\n").join(""));
  });
  it("creates an empty file for no lines, closes once, and refuses writes after close", () => {
    const path = join(dir, "b.txt");
    const f = new LineFile(path);
    f.close();
    f.close();
    expect(readFileSync(path, "utf8")).toBe("");
    expect(() => f.writeLine("late")).toThrow(/after close/);
  });
  it("throws the file system's error when the file cannot be created", () => {
    expect(() => new LineFile(join(dir, "missing-dir", "c.txt"))).toThrow(/ENOENT/);
  });
});
