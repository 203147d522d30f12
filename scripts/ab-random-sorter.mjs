#!/usr/bin/env node
// DeclineOffers-like rounds (2,000 agents x 200 frameworks, every offer
// declined with a long filter) with the random sorters, stage 2 agent by
// agent and in batches (`batchedFairShare`), in one process, rounds
// alternating; prints each side's median round.
// Usage: node scripts/ab-random-sorter.mjs [dir=.]
import { resolve } from 'node:path';
const dir = resolve(process.argv[2] ?? '.');
const { HierarchicalDRFAllocator, ManualClock } = await import(dir + '/dist/allocator/index.js');
const { Resources } = await import(dir + '/dist/resources/index.js');
function make(batched) {
  const clock = new ManualClock(); const offers = [];
  const a = new HierarchicalDRFAllocator({ clock, seed: 1, frameworkSorter: 'random', batchedFairShare: batched, triggeredAllocation: 'deferred', offerCallback: (framework, byRole) => byRole.forEach((m) => m.forEach((resources, agent) => { offers.push({ framework, agent, resources }); })) });
  for (let i = 0; i < 200; i++) a.addFramework('f' + i, { roles: ['*'], capabilities: ['MULTI_ROLE'] });
  for (let i = 0; i < 2000; i++) a.addAgent('a' + i, { resources: Resources.parse('cpus:24;mem:4096') });
  a.settle();
  return { a, clock, offers };
}
const A = make(false), B = make(true); const ta = [], tb = [];
for (let r = 0; r < 40; r++) for (const [s, t] of (r % 2 ? [[A, ta], [B, tb]] : [[B, tb], [A, ta]])) {
  for (const o of s.offers) s.a.recoverResources(o.framework, o.agent, o.resources, { refuseSeconds: 1e6 });
  s.offers.length = 0; const t0 = performance.now(); s.clock.advance(1); t.push(performance.now() - t0);
}
const med = (x) => x.slice(5).sort((p, q) => p - q)[(x.length - 5) >> 1];
console.log('random sorter, 2000 x 200: per-agent', med(ta).toFixed(2), 'ms, batched', med(tb).toFixed(2), 'ms');
