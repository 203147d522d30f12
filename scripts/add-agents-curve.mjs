#!/usr/bin/env node
// Times every block of 500 addAgent calls of DeclineOffers' cluster (each
// agent with its own copies of its resources) in a fresh process: the
// first blocks run before V8 has compiled addAgent, the last ones after.
// Usage: node scripts/add-agents-curve.mjs [buildDir=.] [agents=10000] [frameworks=1000]
import path from "node:path";
import { pathToFileURL } from "node:url";

const [dir = ".", agents = "10000", frameworks = "1000"] = process.argv.slice(2);
const at = (file) => pathToFileURL(path.resolve(dir, file)).href;
const { HierarchicalDRFAllocator, ManualClock } = await import(at("dist/allocator/index.js"));
const { Resources } = await import(at("dist/resources/index.js"));
const B = await import(at("dist/benchmarks/allocator.js"));
const a = new HierarchicalDRFAllocator({ clock: new ManualClock(), seed: 1, triggeredAllocation: "deferred", offerCallback: () => {} });
const fws = B.addBenchFrameworks(a, Number(frameworks));
const total = Resources.parse(B.DECLINE_AGENT);
const used = B.declineUsedResources().allocate(B.BENCH_ROLE);
const blocks = [];
const t0 = performance.now();
let t = t0;
for (let i = 0; i < Number(agents); i++) {
  a.addAgent(`agent-${i}`, { resources: total.clone() }, new Map([[fws[i % fws.length], used.clone()]]));
  if (i % 500 === 499) {
    const now = performance.now();
    blocks.push((now - t).toFixed(1));
    t = now;
  }
}
const calls = performance.now() - t0;
a.settle();
console.log(`ms per 500 calls: ${blocks.join(" ")}`);
console.log(`calls ${calls.toFixed(1)} ms, then the triggered allocation ${(performance.now() - t0 - calls).toFixed(1)} ms`);
