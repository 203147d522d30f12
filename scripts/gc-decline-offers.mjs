#!/usr/bin/env node
// DeclineOffers at 10,000 x 1,000 in one process, declines with a given
// refuse time, 40 rounds; prints the median, mean and max round. Run under
// `node --trace-gc-nvp` to see what each scavenge promotes: with Mesos'
// long refuse time (2147483647) the decline filters live long, with 0.5 s
// they die young, which isolates what the filters cost the collector.
// It also prints the collector's pauses during the rounds (declines
// included), from a PerformanceObserver: count and total by kind.
// Usage: node [--trace-gc-nvp] scripts/gc-decline-offers.mjs <refuseSeconds> [dir=.] [rounds=40]
import { resolve } from 'node:path';
import { PerformanceObserver, constants } from 'node:perf_hooks';
const dir = resolve(process.argv[3] ?? '.');
const { HierarchicalDRFAllocator, ManualClock } = await import(dir + '/dist/allocator/index.js');
const { Resources } = await import(dir + '/dist/resources/index.js');
const refuse = Number(process.argv[2]);
const AGENT = 'cpus:24;mem:4096;disk:4096;ports:[31000-32000]';
const USED = 'cpus:16;mem:2014;disk:1024;ports:[' + Array.from({ length: 15 }, (_, i) => `${31000 + 2 * i}-${31000 + 2 * i}`).join(',') + ',31030-32000]';
const clock = new ManualClock(); const offers = [];
const a = new HierarchicalDRFAllocator({ clock, seed: 1, triggeredAllocation: 'deferred', offerCallback: (framework, byRole) => byRole.forEach((m) => m.forEach((resources, agent) => { offers.push({ framework, agent, resources }); })) });
const fws = []; for (let i = 0; i < 1000; i++) { fws.push('framework-' + i); a.addFramework(fws[i], { roles: ['*'], capabilities: ['MULTI_ROLE'] }); }
const used = Resources.parse(USED).allocate('*');
for (let i = 0; i < 10000; i++) a.addAgent('agent-' + i, { resources: Resources.parse(AGENT) }, new Map([[fws[i % 1000], used]]));
a.settle();
const t = [];
const KINDS = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak' };
const gc = {};
let roundsStarted = Infinity;
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.startTime < roundsStarted) continue;
    const k = KINDS[e.detail?.kind ?? e.kind] ?? 'other';
    const g = (gc[k] ??= { n: 0, ms: 0, max: 0 });
    g.n++; g.ms += e.duration; g.max = Math.max(g.max, e.duration);
  }
});
observer.observe({ entryTypes: ['gc'] });
roundsStarted = performance.now();
const ROUNDS = Number(process.argv[4] ?? 40);
for (let r = 0; r < ROUNDS; r++) {
  for (const o of offers) a.recoverResources(o.framework, o.agent, o.resources, { refuseSeconds: refuse });
  offers.length = 0;
  const t0 = performance.now(); clock.advance(1); t.push(performance.now() - t0);
}
const s = t.slice(5).sort((x, y) => x - y);
await new Promise((done) => setTimeout(done, 50));
observer.disconnect();
console.log('gc during the rounds:', Object.entries(gc).map(([k, g]) => `${k} ${g.n}x ${g.ms.toFixed(1)} ms (max ${g.max.toFixed(1)})`).join(', ') || 'none');
console.log('refuse', refuse, 'median', s[s.length >> 1].toFixed(2), 'mean', (t.slice(5).reduce((x, y) => x + y) / s.length).toFixed(2), 'max', s[s.length - 1].toFixed(2));
