#!/usr/bin/env node
// In-process A/B of the Wasm range kernels (boundsSubtract, boundsUnion) of two
// builds on Mesos' overlapping pair, operands resident in each module's memory.
// Usage: node scripts/ab-range-kernels.mjs dirA dirB [intervals=10000] [rounds=21]
// Run it in both orders: e = sqrt((B/A, first) / (B/A, second)).
import fs from "node:fs";
const [A, B, N = "10000", R = "21"] = process.argv.slice(2);
async function inst(dir) {
  const mod = new WebAssembly.Module(fs.readFileSync(dir + "/build/drfcore.wasm"));
  const imports = {}; for (const i of WebAssembly.Module.imports(mod)) { (imports[i.module] ??= {})[i.name] = i.kind === "function" ? () => {} : undefined; }
  const e = new WebAssembly.Instance(mod, imports).exports;
  const n = +N, pa = 1 << 20, pb = pa + n * 8, po = pb + n * 8;
  const need = po + 2 * n * 8 + 64; if (e.memory.buffer.byteLength < need) e.memory.grow(Math.ceil((need - e.memory.buffer.byteLength) / 65536));
  const u = new Uint32Array(e.memory.buffer);
  for (let i = 0; i < n; i++) { u[(pa >> 2) + 2 * i] = 1 + 10 * i; u[(pa >> 2) + 2 * i + 1] = 6 + 10 * i; u[(pb >> 2) + 2 * i] = 3 + 10 * i; u[(pb >> 2) + 2 * i + 1] = 8 + 10 * i; }
  return { sub: () => e.boundsSubtract(pa, n, pb, n, po), uni: () => e.boundsUnion(pa, n, pb, n, po) };
}
const a = await inst(A), b = await inst(B);
const reps = Math.max(20, 4e6 / +N | 0);
const res = { aSub: [], bSub: [], aUni: [], bUni: [] };
const t = (f) => { const t0 = performance.now(); for (let i = 0; i < reps; i++) f(); return (performance.now() - t0) / reps * 1000; };
for (let r = 0; r < +R; r++) { res.aSub.push(t(a.sub)); res.bSub.push(t(b.sub)); res.aUni.push(t(a.uni)); res.bUni.push(t(b.uni)); }
const med = (v) => v.slice(2).sort((x, y) => x - y)[(v.length - 2) >> 1];
console.log(`${N} intervals each: subtract A ${med(res.aSub).toFixed(2)} B ${med(res.bSub).toFixed(2)} µs (B/A ${(med(res.bSub) / med(res.aSub)).toFixed(2)}); union A ${med(res.aUni).toFixed(2)} B ${med(res.bUni).toFixed(2)} µs (B/A ${(med(res.bUni) / med(res.aUni)).toFixed(2)})`);
