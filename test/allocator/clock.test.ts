import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/allocator/index.js";

describe("ManualClock", () => {
  it("fires due timers in (due time, creation) order after jumping to the new time", () => {
    const c = new ManualClock();
    const log: string[] = [];
    c.schedule(2, () => log.push(`b@${c.now()}`));
    c.schedule(1, () => log.push(`a@${c.now()}`));
    c.schedule(2, () => log.push(`c@${c.now()}`));
    const cancelled = c.schedule(1.5, () => log.push("x"));
    c.cancel(cancelled);
    c.advance(1);
    expect(log).toEqual(["a@1"]);
    c.advance(5);
    expect(log).toEqual(["a@1", "b@6", "c@6"]);
  });
  it("rejects negative or non-finite advances", () => {
    const c = new ManualClock();
    expect(() => c.advance(-1)).toThrow(RangeError);
    expect(() => c.advance(Number.NaN)).toThrow(RangeError);
  });
});

describe("RealClock", () => {
  it("fires a scheduled callback after its delay and not after cancel", async () => {
    const { RealClock } = await import("../../src/allocator/index.js");
    const c = new RealClock();
    const fired: string[] = [];
    c.schedule(0.01, () => fired.push("a"));
    const h = c.schedule(0.01, () => fired.push("b"));
    c.cancel(h);
    const t0 = c.now();
    await new Promise((r) => setTimeout(r, 60));
    expect(fired).toEqual(["a"]);
    expect(c.now() - t0).toBeGreaterThanOrEqual(0.01);
  });
});
