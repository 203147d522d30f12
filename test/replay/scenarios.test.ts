import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { judge, runScenario, validateScenario } from "../../src/replay/index.js";

const dir = join(__dirname, "../fixtures/scenarios");
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

describe("Mesos allocator scenarios (test/fixtures/scenarios)", () => {
  // 46 when copied; the shared set may grow (scripts/sync-fixtures.sh), never shrink.
  it("finds every scenario file", () => {
    expect(files.length).toBeGreaterThanOrEqual(46);
  });
  it.each(files)("%s: every checkpoint matches Mesos", (file) => {
    const scenario = validateScenario(JSON.parse(readFileSync(join(dir, file), "utf8")));
    const verdicts = judge(scenario, runScenario(scenario));
    const bad = verdicts.filter((v) => !v.ok);
    expect(bad, JSON.stringify(bad, null, 1)).toEqual([]);
  });
  // FORMAT.md: the random scenarios never depend on the agent visiting order.
  it.each(files.filter((f) => f.startsWith("random-")))("%s: passes under other shuffle seeds too", (file) => {
    const scenario = validateScenario(JSON.parse(readFileSync(join(dir, file), "utf8")));
    for (const seed of [2, 7, 1234]) {
      const bad = judge(scenario, runScenario(scenario, { seed })).filter((v) => !v.ok);
      expect(bad, `seed ${seed}: ${JSON.stringify(bad)}`).toEqual([]);
    }
  });
});
