#!/usr/bin/env node
// Adds agents one at a time in immediate mode (the allocator's default: a
// cycle per addition), optionally with quota, and prints how long the whole
// sequence took: a cycle that reads every agent makes it quadratic.
// Usage: node scripts/add-agents-one-by-one.mjs [agents=20000] [frameworks=100] [none|guarantee|limit]
// Needs a build (npm run build); DIR=<dir> uses the build in <dir> instead.
import { pathToFileURL } from "node:url";
import path from "node:path";

const [A = "20000", F = "100", quota = "none"] = process.argv.slice(2);
const root = process.env.DIR ?? path.resolve(import.meta.dirname ?? ".", "..");
const at = (file) => pathToFileURL(path.resolve(root, file)).href;
const { HierarchicalDRFAllocator, ManualClock } = await import(at("dist/allocator/index.js"));
const { Resources } = await import(at("dist/resources/index.js"));
let offers = 0;
const a = new HierarchicalDRFAllocator({ clock: new ManualClock(), offerCallback: (fw, byRole) => byRole.forEach((m) => { offers += m.size; }) });
if (quota === "guarantee") a.updateQuota("r0", { guarantees: `cpus:${+A * 100}` });
if (quota === "limit") a.updateQuota("r0", { limits: `cpus:${+A}` });
for (let i = 0; i < +F; i++) a.addFramework(`f${i}`, { roles: [`r${i % 4}`] });
const total = Resources.parse("cpus:24;mem:4096;disk:4096;ports:[31000-32000]");
const t = performance.now();
for (let i = 0; i < +A; i++) a.addAgent(`a${i}`, { resources: total.clone() });
console.log(`${quota}: ${A} agents added one at a time (a cycle each): ${(performance.now() - t).toFixed(0)} ms, ${offers} offers`);
a.close();
