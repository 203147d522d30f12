#!/usr/bin/env node
// In-process A/B of the Wasm batch kernel "one demand against N offers ->
// bitmask" (wasmColumnKernels.containsMask) between two builds, on the
// offers of `drfcore bench resources` (N rows of width 4).
// Usage: node scripts/ab-contains-mask.mjs dirA dirB [rows=10000] [rounds=41]
import { pathToFileURL } from "node:url";
import path from "node:path";
const [A, B, N = "10000", R = "41"] = process.argv.slice(2);
const rows = Number(N), rounds = Number(R);
async function load(dir) {
  const url = (p) => pathToFileURL(path.resolve(dir, p)).href;
  const { NameTable, ResourceColumns } = await import(url("dist/resources/columnar.js"));
  const { wasmColumnKernels } = await import(url("dist/resources/kernels.js"));
  const store = new ResourceColumns(4, new NameTable(), rows);
  for (let i = 0; i < rows; i++) {
    const cpus = 1 + (i % 7), gpus = i % 3 === 0 ? 1 : 0, mem = 128 * (1 + (i % 5));
    store.push([["cpus", cpus * 1000], ["gpus", gpus * 1000], ["mem", mem * 1000], ["disk", 256_000]]);
  }
  const demand = store.vector([["cpus", 2000], ["mem", 256_000], ["disk", 100_000]]);
  const mask = new Uint32Array(Math.ceil(rows / 32));
  let hits = 0;
  return { run: () => { for (let k = 0; k < 20; k++) hits = wasmColumnKernels.containsMask(store, demand, mask); }, check: () => [hits, Array.from(mask).join(",")] };
}
const a = await load(A), b = await load(B);
a.run(); b.run();
if (JSON.stringify(a.check()) !== JSON.stringify(b.check())) throw new Error("the two builds disagree");
const t = { a: [], b: [] };
const time = (f) => { const s = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - s) / 20; };
for (let r = 0; r < rounds; r++) { t.a.push(time(a.run)); t.b.push(time(b.run)); }
const med = (v) => v.sort((x, y) => x - y)[v.length >> 1];
console.log(`containsMask over ${rows} rows: A ${(med(t.a) / 1000).toFixed(2)} µs, B ${(med(t.b) / 1000).toFixed(2)} µs, B/A ${(med(t.b) / med(t.a)).toFixed(3)} (hits ${a.check()[0]})`);
