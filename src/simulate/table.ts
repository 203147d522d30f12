/**
 * The terminal summary of a run: one row per role with weight, quota, mean
 * dominant share, tasks run and wait for an offer, as fixed-width text.
 */
import type { RoleSummary, SimulationResult } from "./simulation.js";
import { mean } from "./metrics.js";

/** A column of the role table: header, alignment and how to print a row's cell. */
interface Column {
  header: string;
  right: boolean;
  cell: (r: RoleSummary) => string;
}

/** Formats a number of seconds with one decimal ("-" when not a number). */
export function formatSeconds(s: number): string {
  return Number.isFinite(s) ? s.toFixed(1) : "-";
}

/** Formats a 0..1 share as a percentage with one decimal. */
export function formatPercent(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : "-";
}

/** The columns of the role table, in order (shared with the HTML report). */
export const ROLE_COLUMNS: readonly Column[] = [
  { header: "role", right: false, cell: (r) => r.role },
  { header: "weight", right: true, cell: (r) => String(r.weight) },
  { header: "quota", right: false, cell: (r) => r.quota || "-" },
  { header: "frameworks", right: true, cell: (r) => String(r.frameworks) },
  { header: "mean dominant share", right: true, cell: (r) => formatPercent(r.meanDominantShare) },
  { header: "tasks run", right: true, cell: (r) => String(r.tasksRun) },
  { header: "launched", right: true, cell: (r) => String(r.tasksLaunched) },
  { header: "pending at end", right: true, cell: (r) => String(r.pendingAtEnd) },
  { header: "mean wait (s)", right: true, cell: (r) => formatSeconds(r.meanWaitSeconds) },
  { header: "p95 wait (s)", right: true, cell: (r) => formatSeconds(r.p95WaitSeconds) },
];

/** Renders the role table as aligned text lines (with a trailing newline). */
export function renderRoleTable(roles: readonly RoleSummary[]): string {
  const rows = [ROLE_COLUMNS.map((c) => c.header), ...roles.map((r) => ROLE_COLUMNS.map((c) => c.cell(r)))];
  const widths = ROLE_COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (ROLE_COLUMNS[i]!.right ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n") + "\n";
}

/** A one-paragraph header for the table: cluster size, duration, utilization. */
export function renderRunSummary(result: SimulationResult): string {
  const c = result.config;
  const util = result.metrics.resources.map((n) => `${n} ${formatPercent(mean(result.metrics.utilization.get(n)!))}`).join(", ");
  return (
    `Simulated ${c.durationSeconds} s on ${result.agents} agents with ${result.frameworks} frameworks in ${result.roles.length} roles (seed ${c.seed}${c.roleSorter === "drf" && c.frameworkSorter === "drf" ? "" : `, ${c.roleSorter} role sorter, ${c.frameworkSorter} framework sorter`}): ` +
    `${result.offers} offers, ${result.declines} declines, in ${result.wallSeconds.toFixed(1)} s of wall time (${result.allocatorSeconds.toFixed(1)} s in the allocator).\n` +
    `Mean utilization: ${util}.\n` +
    renderAllocatorRuns(result.allocatorMetrics)
  );
}

/**
 * One line on the allocator's runs from its Mesos metrics: how many, and
 * the run time's median, 99th percentile and maximum over the samples its
 * timer keeps (the last hour, at most the last 1,000 runs). Empty without runs.
 */
export function renderAllocatorRuns(m: Readonly<Record<string, number>>): string {
  const runs = m["allocator/mesos/allocation_runs"] ?? 0;
  const key = "allocator/mesos/allocation_run_ms";
  if (runs === 0 || m[`${key}/count`] === undefined) return "";
  const ms = (v: number | undefined) => `${(v ?? 0).toFixed(2)} ms`;
  return `Allocator: ${runs} allocation runs; run time p50 ${ms(m[`${key}/p50`])}, p99 ${ms(m[`${key}/p99`])}, max ${ms(m[`${key}/max`])} over the last ${m[`${key}/count`]} runs (Mesos' allocator/mesos/allocation_run_ms).\n`;
}
