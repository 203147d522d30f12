#!/usr/bin/env node
// DeclineOffers' offer callback written two ways, in one process, rounds
// alternating (A B, B A, ...): `for..of` over the offer maps against
// `forEach` (what src/benchmarks/allocator.ts uses). Prints each side's
// median round and the ratio; run it in both orders (e = sqrt(r1 / r2)).
// Usage: node scripts/ab-callback.mjs <forof|foreach> <forof|foreach> [dir=.]
import { resolve } from 'node:path';
const dir = resolve(process.argv[4] ?? '.');
const { HierarchicalDRFAllocator, ManualClock } = await import(dir + '/dist/allocator/index.js');
const { Resources } = await import(dir + '/dist/resources/index.js');
const AGENT = 'cpus:24;mem:4096;disk:4096;ports:[31000-32000]';
const USED = 'cpus:16;mem:2014;disk:1024;ports:[' + Array.from({ length: 15 }, (_, i) => `${31000 + 2 * i}-${31000 + 2 * i}`).join(',') + ',31030-32000]';
function make(kind) {
  const clock = new ManualClock(); const offers = [];
  const cb = kind === 'forof'
    ? (framework, byRole) => { for (const byAgent of byRole.values()) for (const [agent, resources] of byAgent) offers.push({ framework, agent, resources }); }
    : (framework, byRole) => { byRole.forEach((byAgent) => byAgent.forEach((resources, agent) => { offers.push({ framework, agent, resources }); })); };
  const a = new HierarchicalDRFAllocator({ clock, seed: 1, triggeredAllocation: 'deferred', offerCallback: cb });
  const fws = []; for (let i = 0; i < 1000; i++) { fws.push('framework-' + i); a.addFramework(fws[i], { roles: ['*'], capabilities: ['MULTI_ROLE'] }); }
  const used = Resources.parse(USED).allocate('*');
  for (let i = 0; i < 10000; i++) a.addAgent('agent-' + i, { resources: Resources.parse(AGENT) }, new Map([[fws[i % 1000], used]]));
  a.settle();
  return { a, clock, offers };
}
const A = make(process.argv[2]), B = make(process.argv[3]);
const ta = [], tb = [];
for (let r = 0; r < 50; r++) {
  for (const [s, t] of (r % 2 ? [[A, ta], [B, tb]] : [[B, tb], [A, ta]])) {
    for (const o of s.offers) s.a.recoverResources(o.framework, o.agent, o.resources, { refuseSeconds: 2 ** 31 - 1 });
    s.offers.length = 0;
    const t0 = performance.now(); s.clock.advance(1); t.push(performance.now() - t0);
  }
}
const med = (x) => x.slice(5).sort((a, b) => a - b)[Math.floor((x.length - 5) / 2)];
console.log(process.argv[2], med(ta).toFixed(2), process.argv[3], med(tb).toFixed(2), 'ratio B/A', (med(tb) / med(ta)).toFixed(3));
