// In-process interleaved A/B of the DeclineOffers round (10,000 x 1,000 by default).
// Usage: node scripts/ab-decline-offers.mjs <dirA> <dirB> [rounds] [agents] [frameworks]
// where each dir holds a build of this repository (dist/, build/, proto/, package.json
// and a node_modules link). Both allocators live in one process and their rounds
// alternate (A B, B A, ...), so the machine's minute-to-minute speed swings land on
// both; it prints each side's median/mean and the median per-round B/A ratio. Run it
// twice with the sides swapped: a position effect p and a true effect e give
// ratios p*e and p/e, so e = sqrt(first / second).
// Both sides get the same cluster, built here from text (Mesos' agent and its
// used slice with fragment([31000-32000], 16)), not from either build's
// benchmark helpers. COPIES=1 gives every agent its own copies of both, as a
// master decoding each registration would (default: one shared object each);
// DISTINCT=1 gives agent i the total disk:4096+i, so no two agents share a shape.
// ROLES=n spreads the frameworks over n roles r0..r(n-1) (round robin; each
// agent's used slice allocated to its framework's role), as
// scripts/quota-decline-offers.mjs does: not Mesos' benchmark (one role).
// With ROLES, QUOTA=guarantee puts a guarantee of cpus:2;mem:512 per agent on
// r0 and QUOTA=limit a limit of cpus:4 per agent on r1 (as `drfcore bench
// decline-offers --roles --quota`).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dirA, dirB, R = '100', AG = '10000', FW = '1000'] = process.argv.slice(2);
if (dirA === undefined || dirB === undefined) {
  console.error('usage: node scripts/ab-decline-offers.mjs <dirA> <dirB> [rounds] [agents] [frameworks]');
  process.exit(2);
}
const AGENT = 'cpus:24;mem:4096;disk:4096;ports:[31000-32000]';
const USED = 'cpus:16;mem:2014;disk:1024;ports:[' + Array.from({ length: 15 }, (_, i) => `${31000 + 2 * i}-${31000 + 2 * i}`).join(',') + ',31030-32000]';
async function make(dir) {
  const at = (file) => pathToFileURL(resolve(dir, file)).href;
  const { HierarchicalDRFAllocator, ManualClock } = await import(at('dist/allocator/index.js'));
  const { Resources } = await import(at('dist/resources/index.js'));
  const clock = new ManualClock(); let offers = [];
  const a = new HierarchicalDRFAllocator({ clock, seed: 1, triggeredAllocation: 'deferred', offerCallback: (framework, byRole) => { for (const byAgent of byRole.values()) for (const [agent, resources] of byAgent) offers.push({ framework, agent, resources }); } });
  const nRoles = Number(process.env.ROLES ?? 0);
  if (process.env.QUOTA === 'guarantee') a.updateQuota('r0', { guarantees: `cpus:${2 * +AG};mem:${512 * +AG}` });
  if (process.env.QUOTA === 'limit') a.updateQuota(nRoles > 1 ? 'r1' : 'r0', { limits: `cpus:${4 * +AG}` });
  const roleOf = (i) => (nRoles > 0 ? 'r' + (i % nRoles) : '*');
  const fws = []; for (let i = 0; i < +FW; i++) { fws.push('framework-' + i); a.addFramework(fws[i], { roles: [roleOf(i)], capabilities: ['MULTI_ROLE'] }); }
  a.settle();
  const res = Resources.parse(AGENT), copies = process.env.COPIES === '1';
  const usedBy = Array.from({ length: Math.max(1, nRoles) }, (_, k) => Resources.parse(USED).allocate(nRoles > 0 ? 'r' + k : '*'));
  const distinct = process.env.DISTINCT === '1';
  const totals = distinct ? Array.from({ length: +AG }, (_, i) => Resources.parse(AGENT.replace('disk:4096', 'disk:' + (4096 + i)))) : null;
  const t = performance.now();
  for (let i = 0; i < +AG; i++) a.addAgent('agent-' + i, { resources: distinct ? totals[i] : copies ? res.clone() : res }, new Map([[fws[i % +FW], copies || distinct ? usedBy[(i % +FW) % Math.max(1, nRoles)].clone() : usedBy[(i % +FW) % Math.max(1, nRoles)]]]));
  a.settle();
  const added = performance.now() - t;
  return { added, round() {
    for (const o of offers) a.recoverResources(o.framework, o.agent, o.resources, { refuseSeconds: 2 ** 31 - 1 });
    offers = []; const t = performance.now(); clock.advance(1); const ms = performance.now() - t;
    if (offers.length !== +AG && process.env.QUOTA !== 'limit') throw new Error('offers ' + offers.length); return ms; } };
}
const A = await make(dirA), B = await make(dirB);
const ra = [], rb = [], ratio = [];
for (let r = 0; r < +R; r++) { let a, b; if (r % 2) { b = B.round(); a = A.round(); } else { a = A.round(); b = B.round(); } ra.push(a); rb.push(b); if (r >= 5) ratio.push(b / a); }
const med = x => [...x].sort((p, q) => p - q)[x.length >> 1];
const mean = x => x.reduce((p, q) => p + q, 0) / x.length;
console.log(`A ${dirA}: added ${A.added.toFixed(0)} ms, median ${med(ra).toFixed(2)} mean ${mean(ra).toFixed(2)}`);
console.log(`B ${dirB}: added ${B.added.toFixed(0)} ms, median ${med(rb).toFixed(2)} mean ${mean(rb).toFixed(2)}`);
console.log(`B/A per-round ratio: median ${med(ratio).toFixed(3)}, mean ${mean(ratio).toFixed(3)} (rounds 5+)`);
