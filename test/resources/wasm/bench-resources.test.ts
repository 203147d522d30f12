import { describe, expect, it } from "vitest";
import { abbreviate, formatDuration, fragment, judgeGoals, mesosRangePair, RESOURCES_GOALS, runResourcesBench, type BenchFigure } from "../../../src/benchmarks/resources.js";
import { memoryIO } from "../../../src/cli/io.js";

describe("formatDuration (stout's Duration printing)", () => {
  it("picks the largest unit below the value and drops trailing zeros", () => {
    expect(formatDuration(7.5e6)).toBe("7.5ms");
    expect(formatDuration(150)).toBe("150ns");
    expect(formatDuration(455e3)).toBe("455us");
    expect(formatDuration(1e3)).toBe("1us");
    expect(formatDuration(2.5e9)).toBe("2.5secs");
    expect(formatDuration(90e9)).toBe("1.5mins");
    expect(formatDuration(0)).toBe("0ns");
  });
});

describe("Mesos' benchmark inputs", () => {
  it("fragment() matches Mesos' resources_utils: n single values, the last stretched to the end", () => {
    expect(fragment(1n, 10n, 3).toString()).toBe("[1-1,3-3,5-10]");
    expect(fragment(1n, 16000n, 8000).intervalCount).toBe(8000);
  });

  it("ArithmeticOverlapping operands: [1-6, 11-16, ...] and [3-8, 13-18, ...]", () => {
    const [a, b] = mesosRangePair(3);
    expect(a.toString()).toBe("[1-6,11-16,21-26]");
    expect(b.toString()).toBe("[3-8,13-18,23-28]");
  });

  it("abbreviate() cuts to max characters ending in '...'", () => {
    expect(abbreviate("abcdefghij", 8)).toBe("abcde...");
    expect(abbreviate("abc", 8)).toBe("abc");
  });
});

describe("drfcore bench resources", () => {
  it("prints every benchmark in Mesos' wording", async () => {
    const io = memoryIO();
    const figures = await runResourcesBench(io, { scale: 0.002, rounds: 1, minMs: 0 });
    const lines = io.stdout.split("\n");
    const took = lines.filter((l) => l.startsWith("Took "));
    expect(took.length).toBeGreaterThan(40);
    for (const l of took) expect(l).toMatch(/^Took \d+(\.\d+)?(ns|us|ms|secs|mins) to perform \d+ '.+' operations/);
    expect(io.stdout).toMatch(/Took \S+ to perform 100 'total \+= r' operations on cpus:1;gpus:1;mem:128;disk:256\n/);
    expect(io.stdout).toContain("'superset.contains(subset)' operations on superset resources ports:[1-16000] contains subset resources ports:[1-1,3-3,5-5");
    expect(io.stdout).toMatch(/'a -= b' operations on ports:\[1-6,11-16,21-26,3\.\.\.9991-9996\] and ports:\[3-8,13-18,23-28,3\.\.\., 9993-9998\] with 1000 sub-ranges/);
    // A set short enough to print whole is printed whole (not "ports:[1-6]1-6]").
    expect(io.stdout).toContain("'a -= b' operations on ports:[1-6] and ports:[3-8] with 1 sub-ranges");
    expect(figures.every((f) => Number.isFinite(f.nsPerOp) && f.nsPerOp >= 0)).toBe(true);
    expect(figures.some((f) => f.mesosNs !== undefined)).toBe(true);
    // Goals are judged only on a full-scale run.
    expect(io.stdout).toContain("Goals (issue 3): judged only at --scale 1 (this run: --scale 0.002)");
    expect(io.stdout).not.toMatch(/ goal <= /);
  }, 60_000);
});

describe("judgeGoals", () => {
  const figure = (name: string, path: string, nsPerOp: number): BenchFigure => ({ name, path, nsPerOp });

  it("judges each goal on its own figure, at or under the goal is met, and counts them", () => {
    // Every goal's figure at exactly its goal, except the second, 1 ns over, and the last, far under.
    const figures = RESOURCES_GOALS.map((g, i) => figure(g.name, g.path, i === 1 ? g.goalNs + 1 : i === RESOURCES_GOALS.length - 1 ? 1 : g.goalNs));
    figures.push(figure("a - b, 10000 sub-ranges", "wasm", 1e9)); // another path of a goal's name: not judged
    const lines = judgeGoals(figures);
    expect(lines[0]).toMatch(/^Goals \(issue 3\)/);
    expect(lines).toHaveLength(RESOURCES_GOALS.length + 2);
    expect(lines[1]).toBe("  total += r on cpus:1;gpus:1;mem:128;disk:256 [ts]: 30ns/op  goal <= 30ns  met");
    expect(lines[2]).toBe("  total -= r on cpus:1;gpus:1;mem:128;disk:256 [ts]: 31ns/op  goal <= 30ns  MISSED");
    expect(lines[RESOURCES_GOALS.length]).toBe("  a - b, 10000 sub-ranges [chooser]: 1ns/op  goal <= 50us  met");
    expect(lines.at(-1)).toBe(`  ${RESOURCES_GOALS.length - 1} of ${RESOURCES_GOALS.length} goals met`);
  });

  it("names a goal whose figure is missing", () => {
    const figures = RESOURCES_GOALS.slice(1).map((g) => figure(g.name, g.path, 1));
    expect(() => judgeGoals(figures)).toThrow("bench: no figure 'total += r on cpus:1;gpus:1;mem:128;disk:256' [ts] for a goal");
  });

  it("holds the issue's goals: scalar 30 ns, 1,000 reservations 100 us, contains 20 us, 1,000 sub-ranges 10 us (four forms), parse 800 ns, one demand against 10,000 offers 100 us, 10,000 fragments 50 us (two forms)", () => {
    expect(RESOURCES_GOALS.map((g) => g.goalNs)).toEqual([30, 30, 100e3, 20e3, 10e3, 10e3, 10e3, 10e3, 800, 100e3, 50e3, 50e3]);
  });
});
