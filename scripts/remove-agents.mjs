#!/usr/bin/env node
// Removing agents: DeclineOffers' cluster (10,000 agents x 1,000 frameworks),
// then `rounds` decline rounds with long filters (so filters pile up, 10,000
// per round), then every agent removed; prints the time of the removals.
// Usage: node scripts/remove-agents.mjs [buildDir=.] [rounds=20]
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [dir = ".", rounds = "20"] = process.argv.slice(2);
const at = (f) => pathToFileURL(resolve(dir, f)).href;
const { HierarchicalDRFAllocator, ManualClock } = await import(at("dist/allocator/index.js"));
const { Resources } = await import(at("dist/resources/index.js"));
const { addBenchAgents, addBenchFrameworks, BENCH_ROLE, DECLINE_AGENT, declineUsedResources } = await import(at("dist/benchmarks/allocator.js"));
const clock = new ManualClock();
let offers = [];
const a = new HierarchicalDRFAllocator({ clock, seed: 1, triggeredAllocation: "deferred", offerCallback: (f, m) => { for (const x of m.values()) for (const [ag, r] of x) offers.push([f, ag, r]); } });
const fws = addBenchFrameworks(a, 1000);
addBenchAgents(a, 10000, Resources.parse(DECLINE_AGENT), fws, declineUsedResources().allocate(BENCH_ROLE));
a.settle();
for (let r = 0; r < Number(rounds); r++) {
  for (const [f, ag, res] of offers) a.recoverResources(f, ag, res, { refuseSeconds: 1e6 });
  offers = [];
  clock.advance(1);
}
const t = performance.now();
for (let i = 0; i < 10000; i++) a.removeAgent(`agent-${i}`);
console.log(`after ${rounds} decline rounds (${Number(rounds) * 10000} filters), removed 10000 agents in ${(performance.now() - t).toFixed(0)} ms`);
