/**
 * Runs the conformance cases of test/fixtures/resources (expectations from
 * Mesos' tests and from Mesos' own Resources code) through
 * `drfcore resources` in-process and judges them as the fixtures README says:
 * results compare by value, read back by our parser AND by the independent
 * reader in judge.ts.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { main } from "../../src/cli/main.js";
import { memoryIO } from "../../src/cli/io.js";
import { Resources } from "../../src/resources/index.js";
import { readModel, sameModel } from "./judge.js";

interface Case {
  name: string;
  args: string[];
  expect: { result?: string; bool?: boolean; error?: boolean };
  source: string;
}

const dir = new URL("../fixtures/resources/", import.meta.url);
const cases: Case[] = JSON.parse(readFileSync(new URL("cases.json", dir), "utf8"));
const randomCases: Case[] = JSON.parse(readFileSync(new URL("random-cases.json", dir), "utf8"));

async function run(args: string[]) {
  const io = memoryIO();
  const status = await main(["resources", ...args], io);
  return { status, stdout: io.stdout, stderr: io.stderr };
}

async function judge(c: Case): Promise<void> {
  const r = await run(c.args);
  if (c.expect.error) {
    expect(r.status, `${c.name}: stdout=${r.stdout}`).toBe(2);
    expect(r.stderr.trim()).not.toBe("");
    expect(r.stderr).toMatch(/operand \d+: invalid/);
    return;
  }
  expect(r.status, `${c.name}: ${r.stderr}`).toBe(0);
  const lines = r.stdout.split("\n").filter((l) => l.length > 0);
  expect(lines).toHaveLength(1);
  const line = lines[0]!;
  if (c.expect.bool !== undefined) {
    expect(line.trim()).toBe(String(c.expect.bool));
    return;
  }
  const expected = c.expect.result!;
  // 1. Our parser reads the printed line back equal to the expected text.
  expect(Resources.parse(line).equals(Resources.parse(expected)), `${c.name}: printed ${line}, expected ${expected}`).toBe(true);
  // 2. An independent reader agrees.
  expect(sameModel(readModel(line), readModel(expected)), `${c.name}: printed ${line}, expected ${expected}`).toBe(true);
}

describe("drfcore resources: hand-written cases (Mesos tests)", () => {
  for (const c of cases) it(`${c.name} (${c.source})`, () => judge(c));
});

describe("drfcore resources: randomized cases (answers of Mesos' own code)", () => {
  for (const c of randomCases) it(c.name, () => judge(c));
});

describe("drfcore resources: exact output of the documented examples", () => {
  it("prints the issue's example exactly", async () => {
    const r = await run(["cpus:2;ports:[1-10]", "-", "ports:[3-4]"]);
    expect(r).toEqual({ status: 0, stdout: "cpus:2;ports:[1-2,5-10]\n", stderr: "" });
  });
  it("prints {} for an empty result", async () => {
    expect((await run(["cpus:50;mem:4096", "-", "cpus:50;mem:4096"])).stdout).toBe("{}\n");
  });
  it("prints the README's subtraction with split intervals", async () => {
    expect((await run(["ports:[1-10, 20-30, 40-50]", "-", "ports:[2-9, 15-45, 48-50]"])).stdout).toBe("ports:[1-1,10-10,46-47]\n");
  });
  it("prints 0.1 + 0.2 as 0.3", async () => {
    expect((await run(["cpus:0.1", "+", "cpus:0.2"])).stdout).toBe("cpus:0.3\n");
  });
  it("keeps uint64 range bounds exact above 2^53", async () => {
    const r = await run(["ports:[9007199254740999-9007199254741005]", "-", "ports:[9007199254741001-9007199254741001]"]);
    expect(r.stdout).toBe("ports:[9007199254740999-9007199254741000,9007199254741002-9007199254741005]\n");
  });
  it("prints Mesos' JSON form with --json", async () => {
    const r = await run(["cpus(r1):2;ports:[1-3]", "+", "cpus(r1):0.5", "--json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { name: "cpus", type: "SCALAR", scalar: { value: 2.5 }, reservations: [{ type: "STATIC", role: "r1" }] },
      { name: "ports", type: "RANGES", ranges: { range: [{ begin: 1, end: 3 }] } },
    ]);
  });
  it("reads Mesos' JSON form as an operand and prints what text cannot express as JSON", async () => {
    const dyn = '[{"name":"cpus","type":"SCALAR","scalar":{"value":2},"reservations":[{"type":"DYNAMIC","role":"r1","principal":"p"}]}]';
    const r = await run([dyn, "+", dyn]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { name: "cpus", type: "SCALAR", scalar: { value: 4 }, reservations: [{ type: "DYNAMIC", role: "r1", principal: "p" }] },
    ]);
    expect((await run([r.stdout.trim(), "==", dyn, "+", dyn])).status).toBe(2); // == must be last
    expect((await run([dyn, "+", dyn, "==", r.stdout.trim()])).stdout).toBe("true\n");
  });
  it("accepts operands that are empty or start with spaces", async () => {
    expect((await run(["", "+", "  cpus : 1 "])).stdout).toBe("cpus:1\n");
  });
  it("reports invalid text with status 2 and the parse error on stderr", async () => {
    const r = await run(["cpus:1", "+", "ports:[1-2"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/operand 3: invalid resource 'ports:\[1-2' at offset 0: .*mismatched brackets/);
  });
  it("rejects a malformed expression with status 2", async () => {
    expect((await run(["cpus:1", "*", "cpus:2"])).status).toBe(2);
    expect((await run(["cpus:1", "+"])).status).toBe(2);
    expect((await run(["cpus:1", "==", "cpus:1", "+", "cpus:1"])).status).toBe(2);
  });
  it("names the argument that makes an expression malformed", async () => {
    const bad = async (args: string[]) => {
      const r = await run(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      return r.stderr;
    };
    expect(await bad([])).toMatch(/no operand given/);
    expect(await bad(["cpus:1", "*", "cpus:2"])).toMatch(/argument 2: unknown operator '\*'/);
    expect(await bad(["cpus:1", "+"])).toMatch(/argument 2: operator '\+' has no right operand/);
    expect(await bad(["cpus:1", "+", "mem:1", "-"])).toMatch(/argument 4: operator '-' has no right operand/);
    // A wrong operator is named even when the count is also wrong.
    expect(await bad(["cpus:1", "plus", "mem:1", "-"])).toMatch(/argument 2: unknown operator 'plus'/);
    // An operand in an operator's place is named as such, not read as resources.
    expect(await bad(["cpus:1", "mem:1"])).toMatch(/argument 2: unknown operator 'mem:1'/);
  });
});
