#!/usr/bin/env node
// The floor under a cold add of 10,000 agents: in a fresh process, times
// DeclineOffers' per-agent loop without the allocator (`bench`: two
// clone()s, a Map of what one framework uses and an id string, as
// addBenchAgents makes them), or with only what any addAgent must do first
// (`intern`: agents.has, interning both Resources, agents.set). Compare with
// the 30 ms goal of issue 4 for the whole add.
// Usage: node scripts/add-agents-floor.mjs [bench|intern]   (needs npm run build)
import { pathToFileURL } from "node:url";
import path from "node:path";

const at = (f) => pathToFileURL(path.resolve(import.meta.dirname ?? ".", "..", f)).href;
const { Resources } = await import(at("dist/resources/index.js"));
const { ResourcesInterner } = await import(at("dist/allocator/interned.js"));
const { BENCH_ROLE, DECLINE_AGENT, declineUsedResources } = await import(at("dist/benchmarks/allocator.js"));
const total = Resources.parse(DECLINE_AGENT);
const used = declineUsedResources().allocate(BENCH_ROLE);
const mode = process.argv[2] ?? "intern";
const interner = new ResourcesInterner();
const agents = new Map();
const fws = Array.from({ length: 1000 }, (_, i) => "framework-" + i);
const marks = [];
const t = performance.now();
for (let i = 0; i < 10000; i++) {
  if (i % 2000 === 0) marks.push((performance.now() - t).toFixed(1));
  const id = `agent-${i}`;
  const info = { resources: total.clone() };
  const u = new Map([[fws[i % 1000], used.clone()]]);
  if (mode === "bench") continue;
  if (agents.has(id)) throw new Error("duplicate");
  const own = interner.intern(info.resources);
  let usedOwn;
  u.forEach((r) => { usedOwn = interner.intern(r); });
  agents.set(id, { own, usedOwn, i });
}
console.log(`${mode}: ${(performance.now() - t).toFixed(1)} ms for 10,000 agents (at 0, 2,000, ... 8,000: ${marks.join(" ")} ms)`);
