#!/usr/bin/env node
// The filter store alone, filled as DeclineOffers fills it: 1,000 tables
// (frameworks), 10,000 agents, each round every agent gets one filter from
// the next framework (10,000 adds a round, never removed). Prints the mean
// time of a round of adds (rounds 10+) and every round over 8 ms: growth
// stalls show up there (a copy of the columns or a rehash inside one add).
// Usage: node scripts/filter-store-growth.mjs [buildDir=.] [rounds=200]
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [dir = ".", rounds = "200"] = process.argv.slice(2);
const at = (f) => pathToFileURL(resolve(dir, f)).href;
const { FilterStore } = await import(at("dist/allocator/filters.js"));
const { Resources } = await import(at("dist/resources/index.js"));
const store = new FilterStore();
const tables = Array.from({ length: 1000 }, () => store.newTable());
const refused = Resources.parse("cpus:8;mem:2082;disk:3072").freeze();
let sum = 0;
const spikes = [];
for (let round = 0; round < Number(rounds); round++) {
  const t = performance.now();
  for (let a = 0; a < 10000; a++) tables[(a + round) % 1000].add(a, refused, 1e12);
  const ms = performance.now() - t;
  if (round >= 10) sum += ms;
  if (ms > 8) spikes.push(`${round}: ${ms.toFixed(1)}`);
}
console.log(`mean of rounds 10+: ${(sum / (Number(rounds) - 10)).toFixed(2)} ms per 10,000 adds; rounds over 8 ms: ${spikes.join(", ") || "none"}`);
