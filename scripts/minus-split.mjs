#!/usr/bin/env node
// Where the time of `a - b` on Mesos' overlapping range pair goes, in one
// process: the Wasm subtract kernel alone (operands already in Wasm memory),
// plus copying both operands in, plus allocating and filling the fresh
// result, then the whole RangeSet-level and Resources-level calls, and a
// plain `slice()` of a's bounds (what any fresh result of that size costs).
// Usage: node scripts/minus-split.mjs [subRanges=10000] [callsPerRound=100] [buildDir=.]
import { pathToFileURL } from "node:url";
import path from "node:path";
const [N = 10000, OPS = 100, dir = "."] = process.argv.slice(2).map((x, i) => (i < 2 ? Number(x) : x));
const url = (p) => pathToFileURL(path.resolve(String(dir), p)).href;
const { RangeSet, Resources } = await import(url("dist/resources/index.js"));
const { wasmRangeKernels } = await import(url("dist/resources/kernels.js"));
const { heap } = await import(url("dist/wasm/heap.js"));
const { copyOutU32 } = await import(url("dist/resources/u32-copy.js"));
const a = [], b = [];
for (let i = 0; i < N; i++) { a.push([1 + 10 * i, 6 + 10 * i]); b.push([3 + 10 * i, 8 + 10 * i]); }
const r1 = RangeSet.fromIntervals(a), r2 = RangeSet.fromIntervals(b);
const p1 = Resources.ranges("ports", r1), p2 = Resources.ranges("ports", r2);
wasmRangeKernels.subtract(r1, r2); // loads the module and grows its scratch block
const e = heap().exports;
// A block of our own from the heap (a, b, then room for the result), apart from the kernels' scratch block.
const pa = heap().alloc(N * 32 + 16), pb = pa + N * 8, po = pb + N * 8;
let keep, n;
{ // The kernel alone must give what RangeSet's own subtract gives.
  const u = heap().u32; u.set(r1.small, pa >>> 2); u.set(r2.small, pb >>> 2);
  n = e.boundsSubtract(pa, N, pb, N, po);
  const want = r1.subtract(r2).small;
  if (2 * n !== want.length || !heap().u32.subarray(po >>> 2, (po >>> 2) + 2 * n).every((x, i) => x === want[i])) throw new Error("kernel result differs from RangeSet.subtract");
}
const cases = {
  "kernel alone": () => { for (let i = 0; i < OPS; i++) n = e.boundsSubtract(pa, N, pb, N, po); },
  "+ copy operands in": () => { for (let i = 0; i < OPS; i++) { const u = heap().u32; u.set(r1.small, pa >>> 2); u.set(r2.small, pb >>> 2); n = e.boundsSubtract(pa, N, pb, N, po); } },
  "+ fresh result": () => { for (let i = 0; i < OPS; i++) { const u = heap().u32; u.set(r1.small, pa >>> 2); u.set(r2.small, pb >>> 2); n = e.boundsSubtract(pa, N, pb, N, po); keep = copyOutU32(u, po >>> 2, 2 * n); } },
  "wasmRangeKernels.subtract": () => { for (let i = 0; i < OPS; i++) keep = wasmRangeKernels.subtract(r1, r2); },
  "Resources a.minus(b)": () => { for (let i = 0; i < OPS; i++) keep = p1.minus(p2); },
  "slice() of a's bounds": () => { for (let i = 0; i < OPS; i++) keep = r1.small.slice(); },
};
const res = {};
for (let r = 0; r < 31; r++) for (const [k, f] of Object.entries(cases)) { const t = performance.now(); f(); (res[k] ??= []).push((performance.now() - t) * 1e6 / OPS); }
console.log(`a - b on Mesos' overlapping pair, ${N} sub-ranges; median (min) per call over 31 rounds of ${OPS} calls`);
for (const [k, v] of Object.entries(res)) { v.sort((x, y) => x - y); console.log(`  ${k.padEnd(28)} ${(v[15] / 1000).toFixed(2)} µs (${(v[0] / 1000).toFixed(2)})`); }
void keep; void n;
