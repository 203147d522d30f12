#!/usr/bin/env node
// In-process A/B of `a - b` and `a -= b` through Resources on Mesos' overlapping
// pair with 10,000 sub-ranges each: both builds loaded, 100-call loops alternating.
// Usage: node scripts/ab-minus-10k.mjs dirA dirB [rounds=31] (run it in both orders).
import { pathToFileURL } from "node:url";
import path from "node:path";
const [A, B, R = "31"] = process.argv.slice(2);
async function load(dir) {
  const { RangeSet, Resources } = await import(pathToFileURL(path.resolve(dir, "dist/resources/index.js")).href);
  const a = [], b = [];
  for (let i = 0; i < 10_000; i++) { a.push([1 + 10 * i, 6 + 10 * i]); b.push([3 + 10 * i, 8 + 10 * i]); }
  const p1 = Resources.ranges("ports", RangeSet.fromIntervals(a)), p2 = Resources.ranges("ports", RangeSet.fromIntervals(b));
  let keep;
  return { minus: () => { for (let i = 0; i < 100; i++) keep = p1.minus(p2); }, sub: () => { const cs = Array.from({ length: 100 }, () => p1.clone()); const t = performance.now(); for (const c of cs) c.subtract(p2); return performance.now() - t; } };
}
const a = await load(A), b = await load(B);
const r = { aM: [], bM: [], aS: [], bS: [] };
const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };
for (let k = 0; k < +R; k++) { r.aM.push(time(a.minus)); r.bM.push(time(b.minus)); r.aS.push(a.sub()); r.bS.push(b.sub()); }
const med = (v) => v.slice(3).sort((x, y) => x - y)[(v.length - 3) >> 1] * 10;
console.log(`a - b: A ${med(r.aM).toFixed(1)} B ${med(r.bM).toFixed(1)} µs B/A ${(med(r.bM) / med(r.aM)).toFixed(3)}; a -= b: A ${med(r.aS).toFixed(1)} B ${med(r.bS).toFixed(1)} µs B/A ${(med(r.bS) / med(r.aS)).toFixed(3)}`);
