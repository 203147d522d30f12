#!/usr/bin/env node
// Runs `drfcore bench resources` N times (fresh processes, after `npm run
// build`) and prints, per run, the figures issue 3 sets goals on, with the
// same-run baselines and the machine's calibration, as one Markdown table.
// Usage: node scripts/resources-goals.mjs [runs=3]
import { execFileSync } from "node:child_process";
import path from "node:path";

const runs = Number(process.argv[2] ?? 3);
const root = path.resolve(import.meta.dirname ?? ".", "..");
// Goal figures: [label, line prefix in the CLI's summary, goal in ns].
const GOALS = [
  ["total += r", "total += r on cpus:1;gpus:1;mem:128;disk:256 [ts]", 30],
  ["total -= r", "total -= r on cpus:1;gpus:1;mem:128;disk:256 [ts]", 30],
  ["+= onto 1,000 reservations", "total += r on 1,000 reservations [ts]", 100_000],
  ["[1-16000] ⊇ 8,000 fragments", "contains: ports:[1-16000] ⊇ ports:[1-1,3-3,5-5,7-... [ts]", 20_000],
  ["1,000 sub-ranges a -= b", "a -= b, 1000 sub-ranges [chooser]", 10_000],
  ["1,000 sub-ranges a += b", "a += b, 1000 sub-ranges [chooser]", 10_000],
  ["1,000 sub-ranges a - b", "a - b, 1000 sub-ranges [chooser]", 10_000],
  ["1,000 sub-ranges a + b", "a + b, 1000 sub-ranges [chooser]", 10_000],
  ["parse", "parse cpus:24;mem:4096;disk:4096;ports:[31000-32000] [ts]", 800],
  ["demand vs 10,000 offers", "offers.contains(demand) -> bitmask over 10000 offers [batch: wasm column kernel]", 100_000],
  ["10,000 fragments a -= b", "a -= b, 10000 sub-ranges [chooser]", 50_000],
  ["10,000 fragments a - b", "a - b, 10000 sub-ranges [chooser]", 50_000],
];
const BASELINES = [
  ["JSON.parse (parse's baseline)", "JSON.parse of the same values (baseline for parse) [baseline]"],
  ["copy of a's bounds, 10,000 (a - b's baseline)", "copy of a's bounds, 10000 sub-ranges (baseline for a - b) [baseline]"],
];
const UNITS = { ns: 1, us: 1e3, ms: 1e6, secs: 1e9 };
const calibrate = () => {
  const t = performance.now(); let x = 0;
  for (let i = 0; i < 1e9; i++) x = (x + i) | 0;
  return `${(performance.now() - t).toFixed(0)} ms${x === 1 ? "" : ""}`;
};
const columns = [];
for (let r = 0; r < runs; r++) {
  const before = calibrate();
  const out = execFileSync(process.execPath, [path.join(root, "bin/drfcore.mjs"), "bench", "resources"], { encoding: "utf8", maxBuffer: 1 << 26 });
  const after = calibrate();
  const value = (prefix) => {
    const line = out.split("\n").find((l) => l.trim().startsWith(prefix + ":"));
    if (line === undefined) return NaN;
    const m = /:\s*([\d.]+)(ns|us|ms|secs)\/op/.exec(line.slice(line.indexOf(prefix) + prefix.length));
    return m ? Number(m[1]) * UNITS[m[2]] : NaN;
  };
  columns.push({ at: new Date().toISOString().slice(11, 16), calib: `${before} → ${after}`, goals: GOALS.map(([, p]) => value(p)), bases: BASELINES.map(([, p]) => value(p)) });
}
const fmt = (ns) => Number.isNaN(ns) ? "?" : ns >= 1e3 ? `${(ns / 1e3).toFixed(ns >= 1e4 ? 1 : 2)} µs` : `${ns.toFixed(ns >= 100 ? 0 : 1)} ns`;
const head = `| figure | goal | ${columns.map((c, i) => `run ${i + 1} (${c.at} UTC)`).join(" | ")} |`;
console.log(head);
console.log(`|---|---:|${columns.map(() => "---:|").join("")}`);
GOALS.forEach(([label, , goal], g) => {
  console.log(`| ${label} | ≤ ${fmt(goal)} | ${columns.map((c) => `${c.goals[g] > goal ? "**" : ""}${fmt(c.goals[g])}${c.goals[g] > goal ? "** (missed)" : ""}`).join(" | ")} |`);
});
BASELINES.forEach(([label], b) => console.log(`| ${label} | — | ${columns.map((c) => fmt(c.bases[b])).join(" | ")} |`));
console.log(`| calibration (1e9 adds, before → after) | — | ${columns.map((c) => c.calib).join(" | ")} |`);
