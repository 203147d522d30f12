#!/usr/bin/env node
// Self time by function of the samples under one function in a V8 CPU
// profile (`node --cpu-prof --cpu-prof-dir=DIR ...`), e.g. `advance` for
// DeclineOffers' timed rounds, `settle` for the allocation the adds
// trigger, `addBenchAgents` for the addAgent calls. Inlined functions count
// as their caller.
// Usage: node scripts/cpuprofile-under.mjs <profile.cpuprofile|dir> <function> [top=30]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [path, root, top = '30'] = process.argv.slice(2);
if (path === undefined || root === undefined) {
  console.error('usage: node scripts/cpuprofile-under.mjs <profile.cpuprofile|dir> <function> [top]');
  process.exit(2);
}
const file = statSync(path).isDirectory() ? join(path, readdirSync(path).find((f) => f.endsWith('.cpuprofile'))) : path;
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i]);
const under = (id) => {
  for (let x = id; x !== undefined; x = parent.get(x)) if (byId.get(x).callFrame.functionName === root) return true;
  return false;
};
const byFn = new Map();
let total = 0;
for (const [id, us] of self) {
  if (!under(id)) continue;
  const f = byId.get(id).callFrame;
  const key = `${f.functionName} ${f.url.split('/').pop()}:${f.lineNumber}`;
  byFn.set(key, (byFn.get(key) ?? 0) + us);
  total += us;
}
console.log(`total under ${root}: ${(total / 1000).toFixed(1)} ms`);
for (const [k, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}% ${k}`);
