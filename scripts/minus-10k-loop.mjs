#!/usr/bin/env node
// Mesos' overlapping pair with 10,000 sub-ranges each: `p1.minus(p2)` (a
// fresh result every time) in rounds of 500, printing µs per call for each
// round. For comparing the host's malloc settings, for example:
//   node scripts/minus-10k-loop.mjs 20
//   MALLOC_MMAP_THRESHOLD_=4000000 MALLOC_TRIM_THRESHOLD_=1000000000 node scripts/minus-10k-loop.mjs 20
// Needs a build (npm run build).
import { pathToFileURL } from "node:url";
import path from "node:path";

const rounds = Number(process.argv[2] ?? 20);
const { RangeSet, Resources } = await import(pathToFileURL(path.resolve(import.meta.dirname ?? ".", "../dist/resources/index.js")).href);
const a = [], b = [];
for (let i = 0; i < 10_000; i++) { a.push([1 + 10 * i, 6 + 10 * i]); b.push([3 + 10 * i, 8 + 10 * i]); }
const p1 = Resources.ranges("ports", RangeSet.fromIntervals(a)), p2 = Resources.ranges("ports", RangeSet.fromIntervals(b));
let keep;
const out = [];
for (let r = 0; r < rounds; r++) {
  const t = performance.now();
  for (let i = 0; i < 500; i++) keep = p1.minus(p2);
  out.push(((performance.now() - t) / 500 * 1000).toFixed(1));
}
if (keep.isEmpty()) throw new Error("unexpected empty result");
console.log(`a - b, 10,000 sub-ranges, µs per call by round of 500: ${out.join(" ")}`);
