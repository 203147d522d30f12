#!/usr/bin/env node
// In-process A/B of adding 10,000 agents of different shapes (agent i has
// disk:4096+i) to 1,000 frameworks, then the allocation the additions
// trigger. Usage: node scripts/ab-add-agents.mjs <dirA> <dirB> [repetitions=10]
// Each dir holds a build (dist/, build/, package.json, a node_modules link).
// Both builds are loaded into one process and take turns (A B, B A, ...);
// prints each side's median over repetitions 2 and later (compiled code).
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [dirA, dirB, reps = "10"] = process.argv.slice(2);
if (dirA === undefined || dirB === undefined) {
  console.error("usage: node scripts/ab-add-agents.mjs <dirA> <dirB> [repetitions]");
  process.exit(2);
}
const USED = "cpus:16;mem:2014;disk:1024;ports:[" + Array.from({ length: 15 }, (_, i) => `${31000 + 2 * i}-${31000 + 2 * i}`).join(",") + ",31030-32000]";
async function load(dir) {
  const at = (f) => pathToFileURL(resolve(dir, f)).href;
  const { HierarchicalDRFAllocator, ManualClock } = await import(at("dist/allocator/index.js"));
  const { Resources } = await import(at("dist/resources/index.js"));
  return () => {
    const a = new HierarchicalDRFAllocator({ clock: new ManualClock(), seed: 1, triggeredAllocation: "deferred", offerCallback: () => {} });
    const fws = [];
    for (let i = 0; i < 1000; i++) { fws.push("framework-" + i); a.addFramework(fws[i], { roles: ["*"], capabilities: ["MULTI_ROLE"] }); }
    a.settle();
    const totals = Array.from({ length: 10000 }, (_, i) => Resources.parse(`cpus:24;mem:4096;disk:${4096 + i};ports:[31000-32000]`));
    const used = Resources.parse(USED).allocate("*");
    const t = performance.now();
    for (let i = 0; i < 10000; i++) a.addAgent("agent-" + i, { resources: totals[i] }, new Map([[fws[i % 1000], used.clone()]]));
    const t1 = performance.now();
    a.settle();
    const t2 = performance.now();
    a.close();
    return [t1 - t, t2 - t1];
  };
}
const A = await load(dirA), B = await load(dirB);
const ra = [], rb = [];
for (let r = 0; r < Number(reps); r++) {
  if (r % 2) { rb.push(B()); ra.push(A()); } else { ra.push(A()); rb.push(B()); }
}
const med = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
const show = (rs) => `calls ${med(rs.slice(2).map((x) => x[0])).toFixed(1)} ms, triggered allocation ${med(rs.slice(2).map((x) => x[1])).toFixed(1)} ms`;
console.log(`A ${dirA}: ${show(ra)}`);
console.log(`B ${dirB}: ${show(rb)}`);
