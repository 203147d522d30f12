#!/usr/bin/env node
// Sampled allocations during DeclineOffers' rounds (10,000 x 1,000, 20
// rounds after the add), by phase (the untimed declines or the timed cycle)
// and the three innermost JS frames. `all` (default) counts every sampled
// allocation, including objects the young-generation collector freed: what
// a round allocates. `live` counts only what is still alive at the end:
// what the rounds leave behind. Run with `--no-turbo-inlining` to attribute
// allocations to the functions that make them rather than their callers.
// Usage: node scripts/alloc-sampling.mjs [all|live] [dir=.]
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';

const mode = process.argv[2] ?? 'all';
const dir = resolve(process.argv[3] ?? '.');
const B = await import(dir + '/dist/benchmarks/allocator.js');
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
const rounds = 20;
let started = false;
B.declineOffers({ agents: 10000, frameworks: 1000, rounds }, (line) => {
  // Sampling starts once the agents are added: only the rounds are looked at.
  if (!started && line.startsWith('Added 10000')) {
    started = true;
    const all = mode !== 'live';
    session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMinorGC: all, includeObjectsCollectedByMajorGC: all });
  }
});
const { profile } = await session.post('HeapProfiler.stopSampling');
const byStack = new Map();
const byPhase = new Map();
let total = 0;
function walk(node, stack) {
  const frames = [...stack, `${node.callFrame.functionName || '(anon)'}:${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`];
  if (node.selfSize > 0) {
    const phase = frames.some((f) => f.startsWith('runAllocation')) ? 'cycle' : frames.some((f) => f.startsWith('recoverResources')) ? 'decline' : 'other';
    const key = `${phase} | ${frames.slice(-3).join(' < ')}`;
    byStack.set(key, (byStack.get(key) ?? 0) + node.selfSize);
    byPhase.set(phase, (byPhase.get(phase) ?? 0) + node.selfSize);
    total += node.selfSize;
  }
  for (const c of node.children) walk(c, frames);
}
walk(profile.head, []);
console.log(`${mode}: ${(total / 1e6).toFixed(1)} MB over ${rounds} rounds; ` + [...byPhase].map(([k, v]) => `${k} ${(v / 1e6 / rounds).toFixed(2)} MB/round`).join(', '));
for (const [k, v] of [...byStack].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / 1e6 / rounds).toFixed(3).padStart(7)} MB/round ${k}`);
