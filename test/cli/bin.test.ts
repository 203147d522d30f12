// The installed command itself (bin/drfcore.mjs → dist/), as a user runs it.
// `npm test` builds dist/ first (pretest), so this checks the shipped build.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const bin = join(__dirname, "../../bin/drfcore.mjs");

describe("bin/drfcore.mjs", () => {
  it("computes with resources and exits 0", () => {
    const r = spawnSync(process.execPath, [bin, "resources", "cpus:2;ports:[1-10]", "-", "ports:[3-4]"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe("cpus:2;ports:[1-2,5-10]");
  });

  it("exits 2 with the parse error on stderr for bad resource text", () => {
    const r = spawnSync(process.execPath, [bin, "resources", "ports:[5-3]"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ports/);
  });

  it("stops quietly when the reader closes the pipe early", async () => {
    const child = spawn(process.execPath, [bin, "simulate", "--duration", "120", "--quiet", "--report", join(__dirname, "../../test-results/pipe-report.html")], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    // Read one chunk, then close our end, as `| head -1` does.
    await new Promise<void>((resolve) => child.stdout.once("data", () => { child.stdout.destroy(); resolve(); }));
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|Error/);
    expect(status).toBe(0);
  });
});
