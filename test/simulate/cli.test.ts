import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { memoryIO } from "../../src/cli/io.js";
import { applyOverrides, defaultClusterConfig, runSimulation } from "../../src/simulate/index.js";

const dir = mkdtempSync(join(tmpdir(), "drfcore-sim-"));

describe("drfcore simulate", () => {
  it("runs a small simulation, prints the table and writes the report", async () => {
    const io = memoryIO();
    const report = join(dir, "nested", "r.html");
    const status = await main(["simulate", "--agents", "6", "--frameworks", "4", "--duration", "240", "--seed", "5", "--report", report], io);
    expect(io.stderr).toContain("simulating: 100%");
    expect(status).toBe(0);
    expect(io.stdout).toMatch(/^role\s+weight\s+quota/m);
    for (const role of ["services", "analytics", "batch", "dev"]) expect(io.stdout).toMatch(new RegExp(`^${role}\\s`, "m"));
    expect(io.stdout).toContain("Simulated 240 s on 6 agents with 4 frameworks in 4 roles (seed 5)");
    expect(io.stdout.trimEnd().endsWith(`Report: ${report}`)).toBe(true);
    const html = readFileSync(report, "utf8");
    expect(html).toContain("<svg");
    // Not a TTY here: plain percentage lines, one per 10%.
    expect(io.stderr.split("\n").filter((l) => /^simulating: \d+%$/.test(l)).length).toBe(11);
  });

  it("is quiet with --quiet and deterministic for a seed", async () => {
    const runOnce = async () => {
      const io = memoryIO();
      expect(await main(["simulate", "--agents", "4", "--frameworks", "4", "--duration", "120", "--quiet", "--report", join(dir, "q.html")], io)).toBe(0);
      expect(io.stderr).toBe("");
      // Wall times aside (the run's, and the allocator's run times in its line).
      return io.stdout.replace(/in [\d.]+ s of wall time \([\d.]+ s in the allocator\)/, "").replace(/run time p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms/, "");
    };
    expect(await runOnce()).toBe(await runOnce());
  });

  it("writes the event log with --events, consistent with the table", async () => {
    const io = memoryIO();
    const events = join(dir, "ev", "log.jsonl");
    expect(await main(["simulate", "--agents", "4", "--frameworks", "4", "--duration", "120", "--quiet", "--report", join(dir, "v.html"), "--events", events], io)).toBe(0);
    expect(io.stdout).toContain(`Events: ${events}`);
    const log = readFileSync(events, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    const row = io.stdout.split("\n").find((l) => l.startsWith("dev "))!.trim().split(/\s+/);
    // role weight quota frameworks share tasksRun launched pending ...
    const finished = log.filter((e) => e.kind === "finish" && e.role === "dev").length;
    const launched = log.filter((e) => e.kind === "launch" && e.role === "dev").length;
    expect(Number(row[5])).toBe(finished);
    expect(Number(row[6])).toBe(launched);
    expect(launched).toBeGreaterThan(0);
  });

  it("streams the event log to the file: the same lines as the run's events kept in memory", async () => {
    const io = memoryIO();
    const events = join(dir, "ev", "same.jsonl");
    expect(await main(["simulate", "--agents", "5", "--frameworks", "4", "--duration", "200", "--seed", "3", "--quiet", "--report", join(dir, "w.html"), "--events", events], io)).toBe(0);
    const config = applyOverrides(defaultClusterConfig(), { agents: 5, frameworks: 4, durationSeconds: 200, seed: 3 }, "<built-in>");
    const kept = runSimulation(config, { recordEvents: true }).events;
    expect(kept.length).toBeGreaterThan(100);
    expect(readFileSync(events, "utf8")).toBe(kept.map((e) => JSON.stringify(e) + "\n").join(""));
  });

  it("fails with status 1 when the event log cannot be created", async () => {
    const blocker = join(dir, "ev-blocker");
    writeFileSync(blocker, "");
    const io = memoryIO();
    expect(await main(["simulate", "--agents", "4", "--frameworks", "4", "--duration", "30", "--quiet", "--report", join(dir, "u.html"), "--events", join(blocker, "log.jsonl")], io)).toBe(1);
    expect(io.stderr).toMatch(/cannot write events .*ev-blocker\/log\.jsonl: (ENOTDIR|EEXIST)/);
  });

  it("loads a cluster file, including the example", async () => {
    const io = memoryIO();
    const status = await main(["simulate", "--cluster", "examples/cluster.json", "--agents", "4", "--frameworks", "4", "--duration", "60", "--quiet", "--report", join(dir, "e.html")], io);
    expect(status).toBe(0);
    expect(io.stdout).toContain("on 4 agents");
  });

  it("reads the cluster from stdin with --cluster -", async () => {
    const cluster = { durationSeconds: 60, agents: [{ count: 2, resources: "cpus:4;mem:4096" }], roles: [{ name: "only", arrivalsPerMinute: 30, tasks: [{ resources: "cpus:1;mem:128", duration: { distribution: "fixed", seconds: 5 } }] }] };
    const io = memoryIO(JSON.stringify(cluster));
    expect(await main(["simulate", "--cluster", "-", "--quiet", "--report", join(dir, "s.html")], io)).toBe(0);
    expect(io.stdout).toMatch(/^only\s+1\s+-\s+1\s/m);
  });

  it("rejects a bad cluster file with status 2 and a message naming the field", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ agents: [{ count: 1, resources: "cpus:2;mem:1024" }], roles: [{ name: "x", weight: 0, arrivalsPerMinute: 1, tasks: [{ resources: "cpus:1", duration: { distribution: "fixed", seconds: 1 } }] }] }));
    const io = memoryIO();
    expect(await main(["simulate", "--cluster", file, "--quiet", "--report", join(dir, "never.html")], io)).toBe(2);
    expect(io.stderr).toContain(`invalid cluster description ${file} at roles[0].weight: must be greater than 0, got 0`);
    expect(existsSync(join(dir, "never.html"))).toBe(false);
  });

  it("fails fast with status 1 when the report cannot be written", async () => {
    const blocker = join(dir, "a-file");
    writeFileSync(blocker, "");
    const io = memoryIO();
    expect(await main(["simulate", "--quiet", "--report", join(blocker, "r.html")], io)).toBe(1);
    expect(io.stderr).toMatch(/cannot write report .*a-file\/r\.html: (ENOTDIR|EEXIST)/);
    expect(io.stdout).toBe("");
  });

  it("rejects a missing file and bad options with status 2", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["--cluster", join(dir, "missing.json")], /cannot read cluster file .*ENOENT/],
      [["--agents", "0"], /--agents must be an integer from 1/],
      [["--agents", "2.5"], /--agents must be an integer/],
      [["--duration", "-3"], /--duration must be a number of seconds above 0/],
      [["--seed", "abc"], /--seed must be an integer/],
      [["--sorter", "fifo"], /--sorter must be drf or random, got 'fifo'/],
      [["--frameworks", "2"], /--frameworks must be at least the number of roles/],
    ];
    for (const [args, message] of cases) {
      const io = memoryIO();
      expect(await main(["simulate", ...args, "--quiet", "--report", join(dir, "x.html")], io)).toBe(2);
      expect(io.stderr).toMatch(message);
    }
  });
});
