#!/usr/bin/env node
// In-process A/B of resource operations between two builds of drfcore.
// Usage: [ONLY=<text>] node scripts/ab-resources.mjs dirA dirB [rounds]
// Each dir holds a built tree (dist/, build/drfcore.wasm). Both builds are
// loaded into this one process and their loops alternate, round by round,
// so the machine's minute-to-minute speed changes hit both sides alike.
// Prints, per operation, the median time per call of each side and B/A.
import { pathToFileURL } from "node:url";
import path from "node:path";

const [dirA, dirB, roundsArg] = process.argv.slice(2);
if (!dirA || !dirB) { console.error("usage: ab-resources.mjs dirA dirB [rounds]"); process.exit(2); }
const rounds = Number(roundsArg ?? 15);

async function load(dir) {
  const m = await import(pathToFileURL(path.resolve(dir, "dist/resources/index.js")).href);
  const { Resources, RangeSet } = m;
  const pair = (n) => {
    const a = [], b = [];
    for (let i = 0; i < n; i++) { const p1 = 1 + 10 * i, p2 = 3 + 10 * i; a.push([p1, p1 + 5]); b.push([p2, p2 + 5]); }
    return [Resources.ranges("ports", RangeSet.fromIntervals(a)), Resources.ranges("ports", RangeSet.fromIntervals(b))];
  };
  const ops = {};
  for (const n of [1, 10, 100, 1000, 10000]) {
    const [p1, p2] = pair(n);
    const reps = n >= 10000 ? 20 : n >= 1000 ? 200 : 2000;
    ops[`a - b, ${n} sub-ranges`] = [reps, () => { for (let i = 0; i < reps; i++) p1.minus(p2); }];
    ops[`a + b, ${n} sub-ranges`] = [reps, () => { for (let i = 0; i < reps; i++) p1.plus(p2); }];
  }
  const whole = Resources.parse("ports:[1-16000]");
  const frag = Resources.ranges("ports", RangeSet.fromIntervals(Array.from({ length: 8000 }, (_, i) => [2 * i + 1, 2 * i + 1])));
  ops["[1-16000] contains 8,000 fragments"] = [200, () => { for (let i = 0; i < 200; i++) whole.contains(frag); }];
  const text = "cpus:24;mem:4096;disk:4096;ports:[31000-32000]";
  ops["parse"] = [5000, () => { for (let i = 0; i < 5000; i++) Resources.parse(text); }];
  const agent = Resources.parse("cpus:24;mem:4096;disk:4096;ports:[31000-32000]");
  const used = Resources.parse("cpus:16;mem:2014;disk:1024;ports:[31000-31001,31010-31011,31020-31021,31030-31031,31040-31041,31050-31051,31060-31061,31070-31071,31080-31081,31090-31091,31100-31101,31110-31111,31120-31121,31130-31131,31140-31141,31150-31151]");
  ops["agent - used (16 port fragments)"] = [5000, () => { for (let i = 0; i < 5000; i++) agent.minus(used); }];
  const r = Resources.parse("cpus:1;gpus:1;mem:128;disk:256");
  const total = Resources.parse("cpus:1;gpus:1;mem:128;disk:256");
  ops["total += r; total -= r (Mesos' scalar r)"] = [50000, () => { for (let i = 0; i < 50000; i++) { total.add(r); total.subtract(r); } }];
  let t2 = Resources.parse("cpus:1;gpus:1;mem:128;disk:256");
  ops["total = total + r; total = total - r"] = [20000, () => { for (let i = 0; i < 20000; i++) { t2 = t2.plus(r); t2 = t2.minus(r); } }];
  const small = Resources.parse("cpus:1;mem:128");
  ops["large.contains(small), scalars"] = [50000, () => { for (let i = 0; i < 50000; i++) r.contains(small); }];
  ops["agent.contains(task), task of scalars"] = [50000, () => { for (let i = 0; i < 50000; i++) agent.contains(small); }];
  ops["agent - task, task of scalars"] = [20000, () => { for (let i = 0; i < 20000; i++) agent.minus(small); }];
  ops["parse of scalars"] = [20000, () => { for (let i = 0; i < 20000; i++) Resources.parse("cpus:1;gpus:1;mem:128;disk:256"); }];
  ops["parse of scalars, then toString"] = [20000, () => { for (let i = 0; i < 20000; i++) Resources.parse("cpus:1;mem:128").plus(small).toString(); }];
  // The batch benchmark's 10,000 agents as bags (a third hold gpus:1 and are in column form).
  const agents = Array.from({ length: 10000 }, (_, i) => Resources.parse(`cpus:${1 + (i % 7)};gpus:${i % 3 === 0 ? 1 : 0};mem:${128 * (1 + (i % 5))};disk:256`));
  const need = Resources.parse("cpus:2;mem:256;disk:100");
  ops["sum of 10,000 agent bags (a loop of add)"] = [1, () => { const t = Resources.empty(); for (const a of agents) t.add(a); }];
  ops["10,000 agent bags contain a demand (a loop)"] = [1, () => { let h = 0; for (const a of agents) if (a.contains(need)) h++; return h; }];
  return ops;
}

const A = await load(dirA), B = await load(dirB);
// ONLY=<text>: only the operations whose name contains <text>.
const names = Object.keys(A).filter((k) => !process.env.ONLY || k.includes(process.env.ONLY));
const times = Object.fromEntries(names.map((k) => [k, [[], []]]));
for (let r = 0; r <= rounds; r++) {
  for (const k of names) {
    for (const [side, ops] of (r % 2 ? [[1, B], [0, A]] : [[0, A], [1, B]])) {
      const [reps, f] = ops[k];
      const t = process.hrtime.bigint();
      f();
      const ns = Number(process.hrtime.bigint() - t) / reps;
      if (r > 0) times[k][side].push(ns);
    }
  }
}
const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
console.log(`A = ${dirA}, B = ${dirB}, ${rounds} rounds, median per call`);
console.log("| operation | A | B | B/A |\n|---|---:|---:|---:|");
for (const k of names) {
  const a = med(times[k][0]), b = med(times[k][1]);
  console.log(`| ${k} | ${fmt(a)} | ${fmt(b)} | ${(b / a).toFixed(2)} |`);
}
