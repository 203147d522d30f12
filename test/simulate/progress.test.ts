import { describe, expect, it } from "vitest";
import { progressReporter } from "../../src/simulate/index.js";

describe("progressReporter", () => {
  it("redraws one bar in place on a terminal and ends the line when done", () => {
    let out = "";
    const p = progressReporter({ write: (s) => (out += s), isTTY: true }, "simulating", 10);
    for (const f of [0, 0.001, 0.25, 0.25, 0.5, 1]) p.update(f);
    p.done();
    const frames = out.split("\r").filter(Boolean);
    // 0.001 rounds to the same percent as 0, and the repeated 0.25 draws nothing.
    expect(frames).toEqual([
      "simulating [..........]   0%",
      "simulating [###.......]  25%",
      "simulating [#####.....]  50%",
      "simulating [##########] 100%\n",
    ]);
  });

  it("prints a plain line per 10% otherwise", () => {
    let out = "";
    const p = progressReporter({ write: (s) => (out += s), isTTY: false });
    for (let i = 0; i <= 100; i++) p.update(i / 100);
    p.done();
    expect(out.trimEnd().split("\n")).toEqual(Array.from({ length: 11 }, (_, k) => `simulating: ${k * 10}%`));
  });
});
