#!/usr/bin/env node
// Per-operation costs of the allocator at DeclineOffers' scale (10,000 agents,
// 1,000 frameworks) after 20 rounds in which every offer was declined with
// a long filter (200,000 filters), and the expiry of short filters.
// Usage: node scripts/allocator-ops.mjs [buildDir=.]
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.argv[2] ?? ".";
const at = (file) => pathToFileURL(path.resolve(dir, file)).href;
const { HierarchicalDRFAllocator, ManualClock } = await import(at("dist/allocator/index.js"));
const { Resources } = await import(at("dist/resources/index.js"));
const B = await import(at("dist/benchmarks/allocator.js"));

function build(refuseSeconds) {
  const clock = new ManualClock();
  let offers = [];
  const a = new HierarchicalDRFAllocator({
    clock, seed: 1, triggeredAllocation: "deferred",
    offerCallback: (fw, byRole) => { for (const m of byRole.values()) for (const [agent, r] of m) offers.push({ fw, agent, r }); },
  });
  const fws = B.addBenchFrameworks(a, 1000);
  B.addBenchAgents(a, 10000, Resources.parse(B.DECLINE_AGENT), fws, B.declineUsedResources().allocate(B.BENCH_ROLE));
  a.settle();
  for (let round = 0; round < 20; round++) {
    for (const o of offers) a.recoverResources(o.fw, o.agent, o.r, { refuseSeconds });
    offers = [];
    clock.advance(1);
  }
  return { a, clock, fws };
}
function time(label, f) {
  const t = performance.now();
  const n = f();
  console.log(`${label.padEnd(50)} ${(performance.now() - t).toFixed(1).padStart(8)} ms${n === undefined ? "" : `  (${n})`}`);
}

{
  const { a, fws } = build(2 ** 31 - 1);
  time("activeFilters(), all", () => a.activeFilters().length);
  time("activeFilters(fw) for each framework", () => fws.reduce((n, f) => n + a.activeFilters(f).length, 0));
  time("suppressOffers x 1,000", () => { for (const f of fws) a.suppressOffers(f); });
  time("reviveOffers x 1,000 (clears filters)", () => { for (const f of fws) a.reviveOffers(f); });
  time("deactivateFramework x 1,000", () => { for (const f of fws) a.deactivateFramework(f); });
  time("activateFramework x 1,000", () => { for (const f of fws) a.activateFramework(f); });
  time("updateWeights x 100", () => { for (let i = 0; i < 100; i++) a.updateWeights({ "*": 1 + (i % 3) }); });
  time("dominantShares() x 10", () => { for (let i = 0; i < 10; i++) a.dominantShares(); });
  time("frameworkAllocation(fw) for each framework", () => fws.reduce((n, f) => n + a.frameworkAllocation(f).size, 0));
  time("offeredVsAllocated()", () => a.offeredVsAllocated().size);
  time("removeFramework x 1,000", () => { for (const f of fws) a.removeFramework(f); });
}
{
  const { a, clock } = build(5);
  time("advance 10 s: expire the 5 s filters", () => clock.advance(10));
  time("activeFilters() after expiry", () => a.activeFilters().length);
}
