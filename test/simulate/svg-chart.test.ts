import { describe, expect, it } from "vitest";
import { escapeXml, niceTicks, renderLineChart } from "../../src/simulate/report/svg-chart.js";
import { checkXml } from "./xml-check.js";

describe("renderLineChart", () => {
  const x = [0, 60, 120, 180, 240];
  const chart = renderLineChart({
    id: "c1",
    title: "Share <by> role & \"weight\"",
    x,
    series: [
      { name: "eng/backend", values: [0, 0.2, 0.4, 0.3, 0.5] },
      { name: "a&b", values: [0.1, 0.1, NaN, 0.2, 0.2] },
    ],
    xLabel: "minutes",
    yLabel: "share",
    yMax: 1,
  });

  it("is well-formed XML with an svg root, escaping names and titles", () => {
    const { problems, elements } = checkXml(chart);
    expect(problems).toEqual([]);
    expect(elements[0]!.name).toBe("svg");
    expect(elements[0]!.attrs.get("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(chart).toContain("Share &lt;by&gt; role &amp; &quot;weight&quot;");
    expect(chart).toContain(">a&amp;b<");
  });

  it("draws one polyline per series with every finite point inside the plot area", () => {
    const { elements } = checkXml(chart);
    const lines = elements.filter((e) => e.name === "polyline");
    expect(lines.map((l) => l.attrs.get("data-series"))).toEqual(["eng/backend", "a&amp;b"]);
    const width = Number(elements[0]!.attrs.get("width"));
    const height = Number(elements[0]!.attrs.get("height"));
    const counts = lines.map((l) => l.attrs.get("points")!.trim().split(/\s+/).length);
    expect(counts).toEqual([5, 4]); // the NaN point is skipped
    for (const l of lines) {
      for (const pt of l.attrs.get("points")!.trim().split(/\s+/)) {
        const [px, py] = pt.split(",").map(Number);
        expect(px).toBeGreaterThan(0);
        expect(px).toBeLessThan(width);
        expect(py).toBeGreaterThan(0);
        expect(py).toBeLessThan(height);
      }
    }
    // Higher values are drawn higher (smaller y): the first series rises from 0 to 0.2.
    const first = lines[0]!.attrs.get("points")!.trim().split(/\s+/).map((p) => p.split(",").map(Number));
    expect(first[1]![1]).toBeLessThan(first[0]![1]!);
    // x grows with time, evenly.
    expect(first[2]![0]! - first[1]![0]!).toBeCloseTo(first[1]![0]! - first[0]![0]!, 1);
  });

  it("renders an empty chart without failing", () => {
    const { problems } = checkXml(renderLineChart({ id: "e", title: "empty", x: [], series: [], xLabel: "", yLabel: "" }));
    expect(problems).toEqual([]);
  });
});

describe("niceTicks", () => {
  it("covers the range with 1-2-5 steps starting at 0", () => {
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(60, 6)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(niceTicks(3600, 6)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    const t = niceTicks(37);
    expect(t[0]).toBe(0);
    expect(t[t.length - 1]!).toBeGreaterThanOrEqual(37);
  });
});

describe("escapeXml", () => {
  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
  });
});
