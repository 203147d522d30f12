/**
 * The HTML report of a run: one self-contained file (inline CSS, inline SVG,
 * no scripts, no external references) with the run summary, the per-role
 * table and one chart per metric.
 */
import type { SimulationResult } from "../simulation.js";
import { ROLE_COLUMNS, formatPercent, renderRunSummary } from "../table.js";
import { escapeXml, renderLineChart, type Series } from "./svg-chart.js";
import { scalarQuantities } from "../cluster-config.js";
import { dominantShare } from "../quantities.js";

/** The charts of a report, one per metric, in order; ids are stable. */
export const REPORT_CHARTS = [
  { id: "dominant-share", title: "Dominant share per role" },
  { id: "weighted-share", title: "Dominant share divided by weight, per role" },
  { id: "utilization", title: "Cluster utilization per resource" },
  { id: "pending", title: "Pending tasks per role" },
] as const;

function minutes(t: number): string {
  return Number(t.toFixed(1)).toString();
}

/** Renders the whole report as an HTML document (also well-formed XML). */
export function renderHtmlReport(result: SimulationResult): string {
  const m = result.metrics;
  const weights = new Map(result.roles.map((r) => [r.role, r.weight]));
  const roleSeries = (src: Map<string, number[]>, scale: (role: string) => number = () => 1): Series[] =>
    m.roles.map((r) => ({ name: r, values: src.get(r)!.map((v) => v / scale(r)) }));
  const percent = (y: number) => `${Number((100 * y).toFixed(1))}%`;
  const base = { x: m.times.map((t) => t / 60), xLabel: "simulated time (minutes)", formatX: minutes };
  // Each quota guarantee as a share of the cluster (its largest guarantee/total ratio), drawn as a guide.
  const excluded = new Set(result.config.fairnessExcludeResourceNames);
  const quotaGuides = result.config.roles.flatMap((r, i) => {
    if (!r.quota?.guarantees) return [];
    return [{ label: `${r.name} quota guarantee`, y: dominantShare(scalarQuantities(r.quota.guarantees), result.totals, excluded), series: i }];
  });
  const charts = [
    renderLineChart({ ...base, id: REPORT_CHARTS[0].id, title: REPORT_CHARTS[0].title, yLabel: "share of cluster", series: roleSeries(m.dominantShare), formatY: percent, guides: quotaGuides }),
    renderLineChart({ ...base, id: REPORT_CHARTS[1].id, title: REPORT_CHARTS[1].title, yLabel: "share / weight", series: roleSeries(m.dominantShare, (r) => weights.get(r) ?? 1), formatY: percent }),
    renderLineChart({ ...base, id: REPORT_CHARTS[2].id, title: REPORT_CHARTS[2].title, yLabel: "used / total", yMax: 1, series: m.resources.map((n) => ({ name: n, values: m.utilization.get(n)! })), formatY: percent }),
    renderLineChart({ ...base, id: REPORT_CHARTS[3].id, title: REPORT_CHARTS[3].title, yLabel: "tasks waiting", series: roleSeries(m.pending) }),
  ];
  const c = result.config;
  const head = ROLE_COLUMNS.map((col) => `<th${col.right ? ' class="num"' : ""}>${escapeXml(col.header)}</th>`).join("");
  const rows = result.roles
    .map((r) => `<tr>${ROLE_COLUMNS.map((col) => `<td${col.right ? ' class="num"' : ""}>${escapeXml(col.cell(r))}</td>`).join("")}</tr>`)
    .join("\n");
  const agentRows = c.agents.map((g) => `<tr><td>${escapeXml(g.name)}</td><td class="num">${g.count}</td><td><code>${escapeXml(g.resources)}</code></td></tr>`).join("\n");
  const describeDuration = (d: SimulationResult["config"]["roles"][number]["tasks"][number]["duration"]): string => {
    switch (d.distribution) {
      case "fixed": return `${d.seconds} s`;
      case "exponential": return `exponential, mean ${d.mean} s`;
      case "uniform": return `uniform ${d.min}-${d.max} s`;
      case "lognormal": return `log-normal, median ${d.median} s, sigma ${d.sigma}`;
    }
  };
  const workloadRows = c.roles.flatMap((r) => r.tasks.map((t, i) => {
    const first = i === 0;
    const window = `${r.startSecond} s - ${r.endSecond ?? c.durationSeconds} s`;
    const limits = r.quota?.limits ? ` (limits ${r.quota.limits})` : "";
    return `<tr><td>${first ? escapeXml(r.name) : ""}</td><td class="num">${first ? r.arrivalsPerMinute : ""}</td><td>${first ? escapeXml(window) : ""}</td><td>${first ? escapeXml((r.quota?.guarantees ?? "-") + limits) : ""}</td><td>${escapeXml(t.name)}</td><td><code>${escapeXml(t.resources)}</code></td><td class="num">${t.weight}</td><td>${escapeXml(describeDuration(t.duration))}</td></tr>`;
  })).join("\n");
  const util = m.resources.map((n) => {
    const xs = m.utilization.get(n)!;
    const meanUtil = xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
    return `<li><code>${escapeXml(n)}</code>: ${formatPercent(meanUtil)} mean</li>`;
  }).join("");
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head>
<meta charset="utf-8"/>
<title>drfcore simulation report (seed ${c.seed})</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 820px; color: #222; }
table { border-collapse: collapse; margin: 1em 0; font-size: 14px; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; }
th.num, td.num { text-align: right; }
svg.chart { display: block; margin: 1.5em 0; border: 1px solid #eee; }
p.note { color: #555; font-size: 13px; }
</style>
</head>
<body>
<h1>drfcore simulation report</h1>
<p>${escapeXml(renderRunSummary(result)).replace(/\n/g, " ")}</p>
<h2>Roles</h2>
<table id="roles">
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="note">Dominant share: a role's largest allocation/total ratio over the cluster's scalar resources, before weights (dashed: a quota guarantee's own largest guarantee/total ratio)${c.fairnessExcludeResourceNames.length ? ` (excluding ${escapeXml(c.fairnessExcludeResourceNames.join(", "))})` : ""}, sampled every ${c.sampleIntervalSeconds} s. Wait: seconds from a task's arrival to its launch on an offer. Tasks run: launched and finished within the run.</p>
<h2>Charts</h2>
${charts.join("\n")}
<h2>Cluster</h2>
<table id="agents">
<thead><tr><th>agent group</th><th class="num">count</th><th>resources</th></tr></thead>
<tbody>
${agentRows}
</tbody>
</table>
<ul>${util}</ul>
<h2>Workload</h2>
<table id="workload">
<thead><tr><th>role</th><th class="num">arrivals / min / framework</th><th>arrivals from - to</th><th>quota</th><th>task</th><th>resources</th><th class="num">weight</th><th>duration</th></tr></thead>
<tbody>
${workloadRows}
</tbody>
</table>
<p class="note">Allocation interval ${c.allocationIntervalSeconds} s; frameworks decline what they cannot use with a ${c.refuseSeconds} s filter, suppress offers when idle and revive when a task arrives.</p>
</body>
</html>
`;
}
