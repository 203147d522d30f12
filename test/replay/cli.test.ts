import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { memoryIO } from "../../src/cli/io.js";
import { ScenarioError, validateScenario } from "../../src/replay/index.js";
import { fcParams } from "../fc-params.js";

const dir = join(__dirname, "../fixtures/scenarios");

describe("drfcore replay", () => {
  it("prints exactly the checkpoint JSON FORMAT.md specifies and --check passes on a Mesos scenario", async () => {
    const io = memoryIO();
    const rc = await main(["replay", join(dir, "offer-filter.json"), "--check"], io);
    expect(rc).toBe(0);
    expect(JSON.parse(io.stdout)).toEqual({
      checkpoints: [
        { offers: [{ framework: "framework1", agent: "agent1", role: "role", resources: "cpus:1;mem:512" }] },
        { offers: [] },
        { offers: [{ framework: "framework1", agent: "agent1", role: "role", resources: "cpus:1;mem:512" }] },
      ],
    });
  });
  it("--check exits 1 and lists the mismatch when an expectation is wrong", async () => {
    const s = JSON.parse(readFileSync(join(dir, "offer-filter.json"), "utf8"));
    s.steps[5].expect = [{ framework: "framework1", agent: "agent1", role: "role", resources: "cpus:1;mem:512" }];
    const io = memoryIO(JSON.stringify(s));
    expect(await main(["replay", "-", "--check"], io)).toBe(1);
    expect(io.stderr).toMatch(/checkpoint 1 \(step 5\): missing/);
  });
  it("reports a malformed step with its index and field, exit 2", async () => {
    const io = memoryIO(JSON.stringify({ format: 1, name: "x", steps: [{ op: "addAgent", id: "a" }] }));
    expect(await main(["replay", "-"], io)).toBe(2);
    expect(io.stderr).toMatch(/step 0 \(addAgent\): missing field 'resources'/);
  });
  it("reports a step the allocator rejects (unknown framework) with its index", async () => {
    const io = memoryIO(JSON.stringify({ format: 1, name: "x", steps: [{ op: "removeFramework", id: "nope" }] }));
    expect(await main(["replay", "-"], io)).toBe(2);
    expect(io.stderr).toMatch(/step 0 \(removeFramework\): unknown framework 'nope'/);
  });
  it("reports bad resource text with the step and field", async () => {
    const io = memoryIO(JSON.stringify({ format: 1, name: "x", steps: [{ op: "addAgent", id: "a", resources: "cpus:[" }] }));
    expect(await main(["replay", "-"], io)).toBe(2);
    expect(io.stderr).toMatch(/step 0: field 'resources'/);
  });
});

describe("validateScenario on arbitrary JSON (fuzz)", () => {
  it("either returns a scenario or throws ScenarioError, never anything else", () => {
    const step = fc.record({ op: fc.constantFrom("addAgent", "checkpoint", "advanceClock", "recoverResources", "bogus"), id: fc.anything(), resources: fc.anything(), seconds: fc.anything(), expect: fc.anything() }, { requiredKeys: ["op"] });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ format: fc.constantFrom(1, 2), name: fc.string(), steps: fc.array(step, { maxLength: 4 }) })), (json) => {
        try {
          validateScenario(json);
        } catch (e) {
          expect(e).toBeInstanceOf(ScenarioError);
        }
      }),
      fcParams(300, 7),
    );
  });
});
