/**
 * `drfcore bench decline-offers | add-and-update-agent | suppress-offers` at
 * tiny sizes: the Mesos-worded lines a user lays beside Mesos' output, the
 * offer counts the benchmark's rules imply, and the option errors.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { memoryIO } from "../../src/cli/io.js";
import { declineUsedResources } from "../../src/benchmarks/allocator.js";

const DURATION = String.raw`\d+(\.\d+)?(ns|us|ms|secs)`;

/** The printed lines that start with `prefix`, each duration replaced by "T". */
function timed(stdout: string, prefix: string): string[] {
  return stdout.trim().split("\n").filter((l) => l.startsWith(prefix)).map((l) => l.replace(/took \S+/, "took T"));
}

/**
 * DeclineOffers with 20 agents and 4 frameworks, 4 rounds: each round every
 * offer is declined with a long filter, so an agent can be offered to a
 * framework once; the adding allocation and rounds 0-2 use the four
 * frameworks up, round 3 has none left.
 */
const DECLINE_20_BY_4 = [
  "round 0 allocate() took T to make 20 offers after filtering 20 offers",
  "round 1 allocate() took T to make 20 offers after filtering 40 offers",
  "round 2 allocate() took T to make 20 offers after filtering 60 offers",
  "round 3 allocate() took T to make 0 offers after filtering 80 offers",
];

describe("drfcore bench decline-offers", () => {
  it("prints Mesos' wording, and every agent is offered to one more framework each round until all have declined it", async () => {
    const io = memoryIO();
    expect(await main(["bench", "decline-offers", "--agents", "20", "--frameworks", "4", "--rounds", "4"], io)).toBe(0);
    const lines = io.stdout.trim().split("\n");
    expect(lines[0]).toBe("Using 20 agents and 4 frameworks");
    expect(lines[1]).toMatch(new RegExp(`^Added 4 frameworks in ${DURATION}$`));
    expect(lines[2]).toMatch(new RegExp(`^Added 20 agents in ${DURATION}$`));
    expect(timed(io.stdout, "round ")).toEqual(DECLINE_20_BY_4);
    for (const l of lines.filter((x) => x.startsWith("round "))) expect(l).toMatch(new RegExp(`^round \\d+ allocate\\(\\) took ${DURATION} to make`));
    // The summary also gives the latency of the declines, which Mesos does not time.
    const summary = lines.at(-1)!;
    expect(summary).toMatch(new RegExp(`^summary: adding agents ${DURATION} wall`));
    expect(summary).toMatch(new RegExp(`declining \\(not timed by Mesos\\): ${DURATION} per round on average, slowest round ${DURATION}, slowest recoverResources\\(\\) call ${DURATION}$`));
    expect(io.stderr).toBe("");
  });

  it("--distinct-agents gives every agent its own total and says so; the offers follow the same rules", async () => {
    const io = memoryIO();
    expect(await main(["bench", "decline-offers", "--agents", "20", "--frameworks", "4", "--rounds", "4", "--distinct-agents"], io)).toBe(0);
    const lines = io.stdout.trim().split("\n");
    expect(lines[0]).toBe("Using 20 agents and 4 frameworks (every agent a different total: disk:4096+i)");
    expect(timed(io.stdout, "round ")).toEqual(DECLINE_20_BY_4);
  });

  it("--warmup runs unprinted runs first and says so; the printed run is the same benchmark", async () => {
    const io = memoryIO();
    expect(await main(["bench", "decline-offers", "--agents", "20", "--frameworks", "4", "--rounds", "2", "--warmup", "2"], io)).toBe(0);
    const lines = io.stdout.trim().split("\n");
    expect(lines[0]).toBe("(after 2 unprinted warm-up runs of this benchmark in this process)");
    expect(lines.filter((l) => l.startsWith("Added 20 agents"))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith("round "))).toHaveLength(2);
  });

  it("--roles spreads the frameworks over roles, and --quota adds a guarantee or a limit; each says so", async () => {
    const header = async (args: string[]) => {
      const io = memoryIO();
      expect(await main(["bench", "decline-offers", "--agents", "20", "--frameworks", "4", "--rounds", "5", ...args], io)).toBe(0);
      expect(io.stderr).toBe("");
      return { first: io.stdout.split("\n")[0], rounds: timed(io.stdout, "round ") };
    };
    // One framework per role: still every agent offered to each framework once, then to none.
    const roles = await header(["--roles", "4"]);
    expect(roles.first).toBe("Using 20 agents and 4 frameworks (frameworks in 4 roles r0..r3)");
    expect(roles.rounds.slice(0, 4)).toEqual(DECLINE_20_BY_4);
    // Headroom held back for r0 changes none of that (no offer needs shrinking).
    const guarantee = await header(["--roles", "4", "--quota", "guarantee"]);
    expect(guarantee.first).toBe("Using 20 agents and 4 frameworks (frameworks in 4 roles r0..r3; a guarantee of cpus:2;mem:512 per agent on r0)");
    expect(guarantee.rounds.slice(0, 4)).toEqual(DECLINE_20_BY_4);
    // A limit on r1 cuts its offers: what it leaves of an agent goes to another role in the same cycle.
    const limit = await header(["--roles", "4", "--quota", "limit"]);
    expect(limit.first).toBe("Using 20 agents and 4 frameworks (frameworks in 4 roles r0..r3; a limit of cpus:4 per agent on r1)");
    const made = limit.rounds.map((l) => Number(/make (\d+) offers/.exec(l)![1]));
    expect(Math.max(...made)).toBeGreaterThan(20);
    expect(made.slice(3)).toEqual([0, 0]);
  });

  it.each([
    ["--roles", "-1"],
    ["--quota", "guarantees"],
  ])("rejects %s %s with status 2 and a message naming the option", async (flag, value) => {
    const io = memoryIO();
    expect(await main(["bench", "decline-offers", "--roles", "2", flag, value], io)).toBe(2);
    expect(io.stderr).toContain(flag);
  });

  it("rejects --quota without --roles", async () => {
    const io = memoryIO();
    expect(await main(["bench", "decline-offers", "--quota", "limit"], io)).toBe(2);
    expect(io.stderr).toContain("--quota needs --roles");
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

describe("drfcore bench add-and-update-agent / suppress-offers / extreme-suppress-offers", () => {
  it("add-and-update-agent adds then updates every agent, counting offer callbacks as Mesos counts allocations", async () => {
    // 30 agents, 5 frameworks: the settled allocation after the additions
    // offers each agent's free part to the framework of lowest share, which
    // rotates over all five (one callback each); the update adds 10
    // revocable cpus to every agent, which all five (REVOCABLE_RESOURCES)
    // can take, again one callback each.
    const io = memoryIO();
    expect(await main(["bench", "add-and-update-agent", "--agents", "30", "--frameworks", "5"], io)).toBe(0);
    const lines = io.stdout.trim().split("\n");
    expect(lines[0]).toBe("Using 30 agents and 5 frameworks");
    expect(lines[1]).toMatch(new RegExp(`^Added 5 frameworks in ${DURATION}$`));
    expect(lines[2]).toMatch(new RegExp(`^Added 30 agents in ${DURATION}; performed 5 allocations$`));
    expect(lines[3]).toMatch(new RegExp(`^Updated 30 agents in ${DURATION} performing 5 allocations$`));
  });

  it("suppress-offers: offers recovered without a filter go to the frameworks not yet suppressed, none once all are", async () => {
    // 10 frameworks over 5 rounds: 2 more suppress before each round.
    const io = memoryIO();
    expect(await main(["bench", "suppress-offers", "--agents", "20", "--frameworks", "10"], io)).toBe(0);
    expect(timed(io.stdout, "allocate() ")).toEqual([
      "allocate() took T to make 20 offers with 2 out of 10 frameworks suppressing offers",
      "allocate() took T to make 20 offers with 4 out of 10 frameworks suppressing offers",
      "allocate() took T to make 20 offers with 6 out of 10 frameworks suppressing offers",
      "allocate() took T to make 20 offers with 8 out of 10 frameworks suppressing offers",
      "allocate() took T to make 0 offers with 10 out of 10 frameworks suppressing offers",
    ]);
  });

  it("extreme-suppress-offers: with 99 of 100 frameworks suppressed, the one left gets every agent each round", async () => {
    const io = memoryIO();
    expect(await main(["bench", "extreme-suppress-offers", "--agents", "20", "--frameworks", "100", "--rounds", "3"], io)).toBe(0);
    expect(timed(io.stdout, "allocate() ")).toEqual(Array(3).fill("allocate() took T to make 20 offers with 99 out of 100 frameworks suppressing offers"));
  });
});

describe("the benchmarks' resources are Mesos' own", () => {
  it("DeclineOffers' used ports are Mesos' fragment([31000-32000], 16): single ports 31000, 31002, ..., 31028, then 31030-32000", () => {
    const singles = Array.from({ length: 15 }, (_, i) => `${31000 + 2 * i}-${31000 + 2 * i}`);
    expect(declineUsedResources().toString()).toBe(`cpus:16;mem:2014;disk:1024;ports:[${singles.join(",")},31030-32000]`);
    expect(declineUsedResources(1024).toString()).toBe(`cpus:16;mem:1024;disk:1024;ports:[${singles.join(",")},31030-32000]`);
  });
});
