#!/usr/bin/env node
// Runs `drfcore bench resources` N times (fresh processes; needs `npm run
// build`) and prints, as one Markdown table, the goal lines each run judged
// (RESOURCES_GOALS in src/benchmarks/resources.ts), the same-run baselines
// and the machine's calibration before and after each run.
// Usage: node scripts/resources-goals.mjs [runs=3]
import { execFileSync } from "node:child_process";
import path from "node:path";

const runs = Number(process.argv[2] ?? 3);
const root = path.resolve(import.meta.dirname ?? ".", "..");
const BASELINES = [
  ["JSON.parse (parse's baseline)", "JSON.parse of the same values (baseline for parse) [baseline]"],
  ["copy of a's bounds, 10,000 (a - b's baseline)", "copy of a's bounds, 10000 sub-ranges (baseline for a - b) [baseline]"],
];
/** A fixed loop of 10^9 dependent integer additions: its time tracks the machine's speed. */
const calibrate = () => {
  const t = performance.now(); let x = 0;
  for (let i = 0; i < 1e9; i++) x = (x + i) | 0;
  if (x === 0.5) console.log(x); // keeps the loop
  return `${(performance.now() - t).toFixed(0)} ms`;
};
/** "27.43986ns" → "27.4 ns", "55.9766us" → "56.0 µs". */
const short = (d) => d.replace(/^([\d.]+)(ns|us|ms|secs)$/, (_, v, u) => `${Number(v).toPrecision(3)} ${u === "us" ? "µs" : u === "secs" ? "s" : u}`);
const columns = [];
let labels = null;
for (let r = 0; r < runs; r++) {
  const before = calibrate();
  const out = execFileSync(process.execPath, [path.join(root, "bin/drfcore.mjs"), "bench", "resources"], { encoding: "utf8", maxBuffer: 1 << 26 });
  const after = calibrate();
  const lines = out.split("\n");
  const goals = lines.map((l) => /^ {2}(.*) \[(.*)\]: (\S+)\/op {2}goal <= (\S+) {2}(met|MISSED)$/.exec(l)).filter((m) => m !== null);
  if (goals.length === 0) throw new Error("resources-goals: the run printed no goal lines");
  labels ??= goals.map((m) => [`${m[1]} [${m[2]}]`, short(m[4])]);
  const base = BASELINES.map(([, name]) => (lines.find((l) => l.startsWith(`  ${name}:`)) ?? "").replace(/^.*: (\S+)\/op.*$/, "$1") || "?");
  columns.push({ at: new Date().toISOString().slice(11, 16), calib: `${before} → ${after}`, goals: goals.map((m) => m[5] === "met" ? short(m[3]) : `**${short(m[3])}** (missed)`), base: base.map(short), met: goals.filter((m) => m[5] === "met").length });
}
console.log(`| figure | goal | ${columns.map((c, i) => `run ${i + 1} (${c.at} UTC)`).join(" | ")} |`);
console.log(`|---|---:|${columns.map(() => "---:|").join("")}`);
labels.forEach(([label, goal], g) => console.log(`| ${label} | ≤ ${goal} | ${columns.map((c) => c.goals[g]).join(" | ")} |`));
console.log(`| goals met | — | ${columns.map((c) => `${c.met} of ${labels.length}`).join(" | ")} |`);
BASELINES.forEach(([label], b) => console.log(`| ${label} | — | ${columns.map((c) => c.base[b]).join(" | ")} |`));
console.log(`| calibration (1e9 adds, before → after) | — | ${columns.map((c) => c.calib).join(" | ")} |`);
