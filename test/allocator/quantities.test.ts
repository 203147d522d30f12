// Quantity vectors: arithmetic, and one representation for all of them.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { newQVec, qAdd, qIsEmpty, qSub, qToRecord, qvecFrom } from "../../src/allocator/quantities.js";
import { Resources } from "../../src/resources/index.js";

describe("QVec arithmetic", () => {
  it("adds, subtracts with a floor at 0, and prints in units", () => {
    const total = newQVec();
    qAdd(total, qvecFrom(Resources.parse("cpus:24;mem:4096").scalarQuantities()));
    qAdd(total, qvecFrom(Resources.parse("cpus:0.5;disk:10").scalarQuantities()));
    expect(qToRecord(total)).toEqual({ cpus: 24.5, mem: 4096, disk: 10 });
    qSub(total, qvecFrom(Resources.parse("cpus:30;mem:96").scalarQuantities()));
    expect(qToRecord(total)).toEqual({ mem: 4000, disk: 10 });
    expect(qIsEmpty(newQVec())).toBe(true);
    expect(qIsEmpty(total)).toBe(false);
  });

  it("stays exact past 2^31 thousandths (a cluster's total memory)", () => {
    const total = newQVec();
    const agent = qvecFrom(Resources.parse("mem:4096").scalarQuantities());
    for (let i = 0; i < 10_000; i++) qAdd(total, agent);
    expect(qToRecord(total)).toEqual({ mem: 40_960_000 });
  });

  // Every vector shares one hidden class (double elements from the start),
  // so the sorters' optimized code never meets a second one: vectors that
  // started as small-integer arrays changed representation once sums passed
  // 2^31, which discarded the optimized code of their readers in the first
  // cycles. %HaveSameMap needs V8's natives syntax, hence a child process
  // on the built module (`npm test` builds dist/ first).
  it("all vectors share one V8 hidden class, before and after passing 2^31", () => {
    const mod = pathToFileURL(join(__dirname, "../../dist/allocator/quantities.js")).href;
    const res = pathToFileURL(join(__dirname, "../../dist/resources/index.js")).href;
    const script = `
      const { newQVec, qAdd, qvecFrom } = await import(${JSON.stringify(mod)});
      const { Resources } = await import(${JSON.stringify(res)});
      const small = qvecFrom(Resources.parse("cpus:1;mem:32").scalarQuantities());
      const sum = newQVec();
      const before = %HaveSameMap(sum, small) && %HaveSameMap(newQVec(), small);
      for (let i = 0; i < 1000; i++) qAdd(sum, qvecFrom(Resources.parse("cpus:24;mem:4096;disk:4096").scalarQuantities()));
      const after = %HaveSameMap(sum, small) && %HaveSameMap(sum.slice(), small);
      console.log(JSON.stringify({ before, after, big: sum[1] > 2 ** 31 }));
    `;
    const r = spawnSync(process.execPath, ["--allow-natives-syntax", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ before: true, after: true, big: true });
  });
});
