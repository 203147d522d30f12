#!/usr/bin/env node
// Which DeclineOffers rounds (10,000 x 1,000, 200 rounds) took over 10 ms,
// and which garbage collections (PerformanceObserver "gc" entries: scav =
// scavenge, incr = incremental mark-compact finalization, MC = full
// mark-compact) overlapped each. Round 0-3 are the JIT's; later ones are
// mostly collections.
// Usage: node scripts/gc-in-rounds.mjs [buildDir=.]
import { PerformanceObserver, performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const dir = process.argv[2] ?? ".";
const B = await import(pathToFileURL(resolve(dir, "dist/benchmarks/allocator.js")).href);
const gcs = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration, kind: e.detail?.kind });
}).observe({ entryTypes: ["gc"] });
const rounds = [];
B.declineOffers({ agents: 10000, frameworks: 1000, rounds: 200 }, (line) => {
  const m = /^round (\d+) allocate\(\) took ([0-9.]+)(ms|us)/.exec(line);
  if (m === null) return;
  const ms = Number(m[2]) * (m[3] === "us" ? 1e-3 : 1);
  const end = performance.now();
  rounds.push({ round: Number(m[1]), from: end - ms, to: end, ms });
});
await new Promise((r) => setTimeout(r, 100));
const KIND = { 1: "scav", 2: "MC", 4: "incr", 8: "weak" };
let withGc = 0;
const slow = rounds.filter((r) => r.round > 3 && r.ms > 10);
for (const r of slow) {
  const inside = gcs.filter((g) => g.start < r.to && g.start + g.ms > r.from);
  if (inside.length > 0) withGc++;
  console.log(`round ${r.round} ${r.ms.toFixed(1)} ms ${inside.map((g) => `${KIND[g.kind] ?? g.kind}:${g.ms.toFixed(1)}`).join(" ")}`);
}
console.log(`rounds 4+ over 10 ms: ${slow.length}, with a collection inside: ${withGc}`);
