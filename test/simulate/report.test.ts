import { describe, expect, it } from "vitest";
import { REPORT_CHARTS, renderHtmlReport, renderRoleTable, runSimulation, validateClusterConfig } from "../../src/simulate/index.js";
import { checkXml, isInside } from "./xml-check.js";

const result = runSimulation(validateClusterConfig({
  durationSeconds: 300,
  seed: 11,
  agents: [{ name: "n", count: 4, resources: "cpus:8;mem:16384;disk:10000" }],
  roles: [
    { name: "front&back", weight: 2, quota: { guarantees: "cpus:4" }, frameworks: 1, arrivalsPerMinute: 30, tasks: [{ resources: "cpus:1;mem:1024", duration: { distribution: "exponential", mean: 60 } }] },
    { name: "eng/ml", frameworks: 2, arrivalsPerMinute: 30, tasks: [{ resources: "cpus:2;mem:4096;disk:100", duration: { distribution: "fixed", seconds: 45 } }] },
  ],
}), { verify: true });
const html = renderHtmlReport(result);

describe("HTML report", () => {
  const { problems, elements } = checkXml(html);

  it("is a well-formed, self-contained document", () => {
    expect(problems).toEqual([]);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(elements[0]!.name).toBe("html");
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|href="http/i);
  });

  it("has one SVG chart per metric, each naming its series", () => {
    const svgs = elements.map((e, k) => [e, k] as const).filter(([e]) => e.name === "svg");
    expect(svgs.map(([e]) => e.attrs.get("id"))).toEqual(REPORT_CHARTS.map((c) => c.id));
    const seriesOf = (id: string) => {
      const k = elements.findIndex((e) => e.name === "svg" && e.attrs.get("id") === id);
      return elements
        .map((e, j) => [e, j] as const)
        .filter(([e, j]) => e.name === "polyline" && isInside(elements, j, "svg") && ownerSvg(j) === k)
        .map(([e]) => e.attrs.get("data-series"));
    };
    const ownerSvg = (j: number): number => {
      let p = elements[j]!.parent;
      while (p >= 0 && elements[p]!.name !== "svg") p = elements[p]!.parent;
      return p;
    };
    const roles = ["front&amp;back", "eng/ml"];
    expect(seriesOf("dominant-share")).toEqual(roles);
    expect(seriesOf("weighted-share")).toEqual(roles);
    expect(seriesOf("pending")).toEqual(roles);
    expect(seriesOf("utilization").sort()).toEqual(["cpus", "disk", "mem"]);
    // Each line has one point per sample.
    const line = elements.find((e) => e.name === "polyline")!;
    expect(line.attrs.get("points")!.trim().split(/\s+/).length).toBe(result.metrics.times.length);
  });

  it("plots the sampled dominant shares where the y axis says they are", () => {
    const k = elements.findIndex((e) => e.name === "svg" && e.attrs.get("id") === "dominant-share");
    const inChart = (j: number) => {
      let p = elements[j]!.parent;
      while (p >= 0 && p !== k) p = elements[p]!.parent;
      return p === k;
    };
    // y-axis labels ("0%", "20%", ...) sit at the height of the value they name.
    const labels = elements
      .map((e, j) => [e, j] as const)
      .filter(([e, j]) => e.name === "text" && inChart(j) && /^\d+(\.\d+)?%$/.test(e.text))
      .map(([e]) => ({ value: parseFloat(e.text) / 100, y: Number(e.attrs.get("y")) }));
    const zero = labels.find((l) => l.value === 0)!;
    const top = labels.reduce((a, b) => (b.value > a.value ? b : a));
    const valueAt = (y: number) => ((zero.y - y) / (zero.y - top.y)) * top.value;
    const lines = elements.filter((e, j) => e.name === "polyline" && inChart(j));
    lines.forEach((line, i) => {
      const want = result.metrics.dominantShare.get(result.metrics.roles[i]!)!;
      const ys = line.attrs.get("points")!.trim().split(/\s+/).map((p) => Number(p.split(",")[1]));
      expect(ys.length).toBe(want.length);
      ys.forEach((y, n) => expect(Math.abs(valueAt(y) - want[n]!)).toBeLessThan(0.005));
    });
    expect(Math.max(...result.metrics.dominantShare.get("eng/ml")!)).toBeGreaterThan(0.1);
    // The quota guarantee (cpus:4 of 4 x 8 cpus) is a dashed guide at 12.5%.
    const guides = elements.filter((e, j) => e.name === "line" && e.attrs.get("class") === "guide" && inChart(j));
    expect(guides.length).toBe(1);
    expect(valueAt(Number(guides[0]!.attrs.get("y1")))).toBeCloseTo(0.125, 3);
    expect(html).toContain("front&amp;back quota guarantee");
  });

  it("contains the role table with every role and its figures", () => {
    const cells = elements.filter((e, k) => e.name === "td" && isInside(elements, k, "table")).map((e) => e.text);
    for (const r of result.roles) {
      expect(cells).toContain(r.role.replace("&", "&amp;"));
      expect(cells).toContain(String(r.tasksRun));
    }
    expect(cells).toContain("cpus:4");
  });
});

describe("terminal table", () => {
  it("has a header, a rule and one aligned row per role", () => {
    const lines = renderRoleTable(result.roles).trimEnd().split("\n");
    expect(lines.length).toBe(2 + result.roles.length);
    expect(lines[0]).toMatch(/^role\s+weight\s+quota\s+frameworks\s+mean dominant share\s+tasks run\s+launched\s+pending at end\s+mean wait \(s\)\s+p95 wait \(s\)$/);
    expect(lines[2]!.startsWith("front&back")).toBe(true);
    expect(lines[3]!.startsWith("eng/ml")).toBe(true);
    // Right-aligned numeric columns end at the same place as their headers.
    const end = lines[0]!.indexOf("tasks run") + "tasks run".length;
    expect(lines[2]!.slice(0, end).trimEnd().endsWith(String(result.roles[0]!.tasksRun))).toBe(true);
  });
});

describe("the allocator line of the run summary", () => {
  it("gives the run count and the run time's p50, p99 and max from Mesos' metric names", async () => {
    const { renderAllocatorRuns } = await import("../../src/simulate/table.js");
    const m = {
      "allocator/mesos/allocation_runs": 3700,
      "allocator/mesos/allocation_run_ms": 0.5,
      "allocator/mesos/allocation_run_ms/count": 1000,
      "allocator/mesos/allocation_run_ms/p50": 0.25,
      "allocator/mesos/allocation_run_ms/p99": 1.5,
      "allocator/mesos/allocation_run_ms/max": 9.125,
    };
    expect(renderAllocatorRuns(m)).toBe(
      "Allocator: 3700 allocation runs; run time p50 0.25 ms, p99 1.50 ms, max 9.13 ms over the last 1000 runs (Mesos' allocator/mesos/allocation_run_ms).\n",
    );
    // No line without runs, or with a single one (a timer has statistics from two samples on).
    expect(renderAllocatorRuns({ "allocator/mesos/allocation_runs": 0 })).toBe("");
    expect(renderAllocatorRuns({ "allocator/mesos/allocation_runs": 1, "allocator/mesos/allocation_run_ms": 2 })).toBe("");
  });
});
