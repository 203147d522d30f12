#!/usr/bin/env node
// Adds DeclineOffers' agents (each with its own copies of its resources) to a
// fresh allocator, again and again in one process, and prints each time the
// addAgent calls took and the allocation they trigger took: the first runs
// are cold (V8 has not compiled the code yet), the later ones warm.
// Usage: node scripts/add-agents-repeat.mjs [repeats=8] [agents=10000] [frameworks=1000]
// Needs a build (npm run build); DIR=<dir> uses the build in <dir> instead
// (dist/, build/, package.json and a node_modules link), as
// scripts/cold-add-agents.sh does to compare two builds.
import { pathToFileURL } from "node:url";
import path from "node:path";

const [reps = "8", agents = "10000", frameworks = "1000"] = process.argv.slice(2);
const root = process.env.DIR ?? path.resolve(import.meta.dirname ?? ".", "..");
const at = (file) => pathToFileURL(path.resolve(root, file)).href;
const { HierarchicalDRFAllocator, ManualClock } = await import(at("dist/allocator/index.js"));
const { Resources } = await import(at("dist/resources/index.js"));
const { addBenchAgents, addBenchFrameworks, BENCH_ROLE, DECLINE_AGENT, declineUsedResources } = await import(at("dist/benchmarks/allocator.js"));
for (let rep = 0; rep < Number(reps); rep++) {
  const a = new HierarchicalDRFAllocator({ clock: new ManualClock(), seed: 1, triggeredAllocation: "deferred", offerCallback: () => {} });
  const fws = addBenchFrameworks(a, Number(frameworks));
  const total = Resources.parse(DECLINE_AGENT), used = declineUsedResources().allocate(BENCH_ROLE);
  const t = performance.now();
  addBenchAgents(a, Number(agents), total, fws, used);
  const t1 = performance.now();
  a.settle();
  const t2 = performance.now();
  console.log(`run ${rep}: addAgent calls ${(t1 - t).toFixed(1)} ms, triggered allocation ${(t2 - t1).toFixed(1)} ms`);
  a.close();
}
