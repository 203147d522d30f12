/**
 * `drfcore bench decline-offers | add-and-update-agent | suppress-offers` at
 * tiny sizes: the Mesos-worded lines a user lays beside Mesos' output, the
 * offer counts the benchmark's rules imply, and the option errors.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { memoryIO } from "../../src/cli/io.js";

const DURATION = String.raw`\d+(\.\d+)?(ns|us|ms|secs)`;

describe("drfcore bench decline-offers", () => {
  it("prints Mesos' wording, and every agent is offered to one more framework each round until all have declined it", async () => {
    // 20 agents, 4 frameworks: each round every offer is declined with a long
    // filter, so an agent can be offered to a framework once; the adding
    // allocation and rounds 0-2 use the four frameworks up, round 3 has none left.
    const io = memoryIO();
    expect(await main(["bench", "decline-offers", "--agents", "20", "--frameworks", "4", "--rounds", "4"], io)).toBe(0);
    const lines = io.stdout.trim().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^Added 4 frameworks in ${DURATION}$`));
    expect(lines[1]).toMatch(new RegExp(`^Added 20 agents in ${DURATION}$`));
    const rounds = lines.filter((l) => l.startsWith("round "));
    expect(rounds.map((l) => l.replace(/took \S+/, "took T"))).toEqual([
      "round 0 allocate() took T to make 20 offers after filtering 20 offers",
      "round 1 allocate() took T to make 20 offers after filtering 40 offers",
      "round 2 allocate() took T to make 20 offers after filtering 60 offers",
      "round 3 allocate() took T to make 0 offers after filtering 80 offers",
    ]);
    for (const l of rounds) expect(l).toMatch(new RegExp(`^round \\d+ allocate\\(\\) took ${DURATION} to make`));
    expect(io.stderr).toBe("");
  });

  it("--warmup runs unprinted runs first and says so; the printed run is the same benchmark", async () => {
    const io = memoryIO();
    expect(await main(["bench", "decline-offers", "--agents", "20", "--frameworks", "4", "--rounds", "2", "--warmup", "2"], io)).toBe(0);
    const lines = io.stdout.trim().split("\n");
    expect(lines[0]).toBe("(after 2 unprinted warm-up runs of this benchmark in this process)");
    expect(lines.filter((l) => l.startsWith("Added 20 agents"))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith("round "))).toHaveLength(2);
  });

  it.each([
    ["--agents", "0"],
    ["--frameworks", "-3"],
    ["--rounds", "1.5"],
    ["--warmup", "-1"],
    ["--warmup", "x"],
  ])("rejects %s %s with status 2 and a message naming the option", async (flag, value) => {
    const io = memoryIO();
    expect(await main(["bench", "decline-offers", flag, value], io)).toBe(2);
    expect(io.stderr).toContain(flag);
    expect(io.stdout).toBe("");
  });
});

describe("drfcore bench add-and-update-agent / suppress-offers", () => {
  it("add-and-update-agent adds then updates every agent, in Mesos' wording", async () => {
    const io = memoryIO();
    expect(await main(["bench", "add-and-update-agent", "--agents", "30", "--frameworks", "5"], io)).toBe(0);
    const lines = io.stdout.trim().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^Added 5 frameworks in ${DURATION}$`));
    expect(lines[1]).toMatch(new RegExp(`^Added 30 agents in ${DURATION} \\(\\d+ offers\\)$`));
    expect(lines[2]).toMatch(new RegExp(`^Updated 30 agents in ${DURATION} \\(\\d+ offers\\)$`));
  });

  it("suppress-offers: once every framework is suppressed, a round makes no offer", async () => {
    const io = memoryIO();
    expect(await main(["bench", "suppress-offers", "--agents", "20", "--frameworks", "10", "--rounds", "10"], io)).toBe(0);
    const rounds = io.stdout.trim().split("\n").filter((l) => l.startsWith("round "));
    expect(rounds).toHaveLength(10);
    // Round r suppresses 10% more of the frameworks: round 9 has all 10 suppressed.
    expect(rounds[9]).toMatch(/to make 0 offers with 10 suppressed frameworks$/);
    expect(rounds[0]).toMatch(/with 1 suppressed frameworks$/);
  });
});
