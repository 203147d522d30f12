// Usage: node scripts/quota-decline-offers.mjs <build dir> <roles|quota|limit|reserved> [agents=10000] [frameworks=1000] [rounds=12]
// Not a Mesos benchmark: DeclineOffers' cluster with the frameworks spread over four roles (r0..r3),
// plus, with `quota`, a guarantee on r0 (2 cpus and 512 MB per agent) or, with `limit`, a cpus
// limit on r1 (4 per agent), or, with `reserved`, agent i with cpus(r):8;mem(r):1024 more, statically
// reserved to role r = r(i mod 4). Prints the add, every round, the median of rounds 2+ and the offers.
const dir = (await import('node:path')).resolve(process.argv[2] ?? '.'); const mode = process.argv[3] ?? 'roles'; const A = +(process.argv[4] ?? 10000), F = +(process.argv[5] ?? 1000), R = +(process.argv[6] ?? 12);
const { HierarchicalDRFAllocator, ManualClock } = await import(dir + '/dist/allocator/index.js');
const { Resources } = await import(dir + '/dist/resources/index.js');
const AGENT = 'cpus:24;mem:4096;disk:4096;ports:[31000-32000]';
const USED = 'cpus:16;mem:2014;disk:1024;ports:[' + Array.from({ length: 15 }, (_, i) => `${31000 + 2 * i}-${31000 + 2 * i}`).join(',') + ',31030-32000]';
const clock = new ManualClock(); const offers = [];
const a = new HierarchicalDRFAllocator({ clock, seed: 1, triggeredAllocation: 'deferred', offerCallback: (framework, byRole) => byRole.forEach((m, role) => m.forEach((resources, agent) => { offers.push({ framework, agent, resources }); })) });
const roles = ['r0', 'r1', 'r2', 'r3'];
if (mode === 'quota') a.updateQuota('r0', { guarantees: `cpus:${A * 2};mem:${A * 512}` });
if (mode === 'limit') a.updateQuota('r1', { limits: `cpus:${A * 4}` });
const fws = []; for (let i = 0; i < F; i++) { fws.push('framework-' + i); a.addFramework(fws[i], { roles: [roles[i % 4]], capabilities: ['MULTI_ROLE'] }); }
const total = Resources.parse(AGENT);
const reservedTotals = roles.map((r) => Resources.parse(`${AGENT};cpus(${r}):8;mem(${r}):1024`));
const usedBy = roles.map((r) => Resources.parse(USED).allocate(r));
let t = performance.now();
for (let i = 0; i < A; i++) a.addAgent('agent-' + i, { resources: (mode === 'reserved' ? reservedTotals[i % 4] : total).clone() }, new Map([[fws[i % F], usedBy[(i % F) % 4].clone()]]));
a.settle();
const add = performance.now() - t;
const ts = [];
for (let r = 0; r < R; r++) {
  const n = offers.length;
  for (const o of offers) a.recoverResources(o.framework, o.agent, o.resources, { refuseSeconds: 2147483647 });
  offers.length = 0;
  t = performance.now(); clock.advance(1); ts.push(performance.now() - t);
}
const s = ts.slice(2).sort((x, y) => x - y);
console.log(`${mode} ${A}x${F}: add ${add.toFixed(0)} ms; rounds ${ts.map((x) => x.toFixed(1)).join(' ')}; median(2+) ${s[s.length >> 1].toFixed(1)} ms; offers/round ~${offers.length}`);
