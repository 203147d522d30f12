#!/usr/bin/env node
// Feasibility experiment (not product code): how long does a DRF
// fair-share pass over columnar state take in a *fresh* process, in Wasm
// (kernel.ts, compiled by asc) and in plain JavaScript over typed arrays
// (the same loop, below)? DeclineOffers' shape: n agents of
// cpus:24;mem:4096;disk:4096 with cpus:16;mem:2014;disk:1024 used by
// framework i mod m; every offer declined with a long filter between
// passes (untimed, as in Mesos' benchmark). Each timed pass includes the
// shuffle and grouping the offers by framework into one array per
// framework with a callback per framework (the least a real cycle must
// hand to JavaScript).
// With APPLY=1 each pass also does what the allocator's enterOffers does
// with the pairs, with the allocator's own classes from dist/ (npm run
// build first): the agent's available set to the shared empty value, a
// holding per offer (HoldingTable), and the offers in OfferMaps per
// framework and role, passed to the callback.
// Usage: node cycle.mjs <wasm|js> [agents=10000] [frameworks=1000] [passes=30]
// (wasm needs kernel.wasm: npx asc kernel.ts -O3 --runtime stub --initialMemory 1024 -o kernel.wasm)
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [mode = "wasm", N = "10000", M = "1000", P = "30"] = process.argv.slice(2);
const n = Number(N), m = Number(M), passes = Number(P), R = 3;
const words = (m + 31) >> 5;

// Memory map (byte offsets), shared by both modes.
let off = 0;
const take = (bytes) => { const o = off; off += (bytes + 7) & ~7; return o; };
const L = {
  total: take(R * 8), alloc: take(m * R * 8), share: take(m * 8), count: take(m * 4), rank: take(m * 4), order: take(m * 4),
  cand: take(n * R * 8), empty: take(n), bits: take(n * words * 4), agentOrder: take(n * 4), outAgent: take(n * 4), outFw: take(n * 4),
};
const bytes = off;

let buffer, round;
if (mode === "wasm") {
  const here = dirname(fileURLToPath(import.meta.url));
  const { instance } = await WebAssembly.instantiate(readFileSync(join(here, "kernel.wasm")), { env: { abort() { throw new Error("abort"); } } });
  const mem = instance.exports.memory;
  const base = 1 << 16; // above the module's own data
  const need = base + bytes;
  if (mem.buffer.byteLength < need) mem.grow(Math.ceil((need - mem.buffer.byteLength) / 65536));
  for (const k of Object.keys(L)) L[k] += base;
  buffer = mem.buffer;
  const k = instance.exports.round;
  round = () => k(n, m, R, L.total, L.alloc, L.share, L.count, L.rank, L.order, L.cand, L.empty, L.bits, words, L.agentOrder, L.outAgent, L.outFw);
} else {
  buffer = new ArrayBuffer(bytes);
}
const f64 = (o, len) => new Float64Array(buffer, o, len);
const u32 = (o, len) => new Uint32Array(buffer, o, len);
const total = f64(L.total, R), alloc = f64(L.alloc, m * R), share = f64(L.share, m), count = u32(L.count, m), rank = u32(L.rank, m), order = u32(L.order, m);
const cand = f64(L.cand, n * R), empty = new Uint8Array(buffer, L.empty, n), bits = u32(L.bits, n * words), agentOrder = u32(L.agentOrder, n), outAgent = u32(L.outAgent, n), outFw = u32(L.outFw, n);

function before(f, g) {
  if (share[f] !== share[g]) return share[f] < share[g];
  if (count[f] !== count[g]) return count[f] < count[g];
  return rank[f] < rank[g];
}
if (mode !== "wasm") {
  // The JavaScript twin of kernel.ts's round().
  round = () => {
    let k = 0;
    for (let ai = 0; ai < n; ai++) {
      const a = agentOrder[ai];
      if (empty[a] !== 0) continue;
      const row = a * words;
      for (let i = 0; i < m; i++) {
        const f = order[i];
        if ((bits[row + (f >> 5)] & (1 << (f & 31))) !== 0) continue;
        outAgent[k] = a; outFw[k] = f; k++;
        empty[a] = 1;
        let s = 0;
        for (let r = 0; r < R; r++) {
          const v = alloc[f * R + r] + cand[a * R + r];
          alloc[f * R + r] = v;
          if (total[r] > 0 && v / total[r] > s) s = v / total[r];
        }
        share[f] = s;
        count[f]++;
        let lo = i + 1, hi = m - 1;
        if (lo <= hi && before(order[lo], f)) {
          if (before(order[hi], f)) lo = hi;
          while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (before(order[mid], f)) lo = mid; else hi = mid - 1; }
          order.copyWithin(i, i + 1, lo + 1);
          order[lo] = f;
        }
        break;
      }
    }
    return k;
  };
}

// Initial state: every agent's used slice allocated to framework i mod m.
const USED = [16, 2014, 1024], TOTAL = [24, 4096, 4096];
for (let r = 0; r < R; r++) total[r] = n * TOTAL[r] * 1000;
for (let a = 0; a < n; a++) {
  const f = a % m;
  for (let r = 0; r < R; r++) { alloc[f * R + r] += USED[r] * 1000; cand[a * R + r] = (TOTAL[r] - USED[r]) * 1000; }
  count[f]++;
}
const names = Array.from({ length: m }, (_, f) => `framework-${f}`);
const byName = [...names.keys()].sort((x, y) => (names[x] < names[y] ? -1 : 1));
byName.forEach((f, i) => { rank[f] = i; });
const resort = () => {
  for (let f = 0; f < m; f++) { let s = 0; for (let r = 0; r < R; r++) s = Math.max(s, alloc[f * R + r] / total[r]); share[f] = s; }
  const o = [...Array(m).keys()].sort((x, y) => (before(x, y) ? -1 : before(y, x) ? 1 : 0));
  order.set(o);
};
resort();

let seed = 1;
const rand = () => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) / 4294967296; };
const agentIds = Array.from({ length: n }, (_, a) => `agent-${a}`);
let delivered = 0;
const callback = (fwId, agentsOffered) => { delivered += agentsOffered.length; };

const APPLY = process.env.APPLY === "1";
// APPLY=2: the same bookkeeping kept in columns (the plan's step 3): the
// agent's offered flag and holding are column writes, and each framework's
// callback map is a view over its slice of the pass's grouped output.
const APPLY2 = process.env.APPLY === "2";
class OfferView {
  constructor(ids, grouped, from, to, value) { this.ids = ids; this.grouped = grouped; this.from = from; this.to = to; this.value = value; }
  get size() { return this.to - this.from; }
  *[Symbol.iterator]() { for (let i = this.from; i < this.to; i++) yield [this.ids[this.grouped[i]], this.value]; }
}
const heldFw = new Int32Array(n).fill(-1);
const offeredFlag = new Uint8Array(n);
// The offer callback of drfcore's DeclineOffers benchmark: one record per offer.
let offers = [];
const benchCallback = (framework, byRole) => {
  for (const byAgent of byRole.values()) for (const [agent, resources] of byAgent) offers.push({ framework, agent, resources });
  delivered += byRole.size;
};
let held = null, lists = null, agentsState = null, offerValue = null, OfferMap = null, EMPTY = null;
if (APPLY || APPLY2) {
  const here = dirname(fileURLToPath(import.meta.url));
  const dist = (f) => join(here, "../../../dist", f);
  ({ OfferMap } = await import(dist("allocator/offer-map.js")));
  const { HoldingTable } = await import(dist("allocator/holdings.js"));
  const { Resources } = await import(dist("resources/index.js"));
  held = new HoldingTable();
  lists = Array.from({ length: m }, (_, f) => held.newList("*", f));
  EMPTY = Resources.empty().freeze();
  offerValue = Resources.parse("cpus:8;mem:2082;disk:3072;ports:[31001-31001,31003-31003]").allocate("*").freeze();
  const usedValue = Resources.parse("cpus:16;mem:2014;disk:1024").allocate("*").freeze();
  agentsState = Array.from({ length: n }, (_, a) => ({ id: agentIds[a], slot: a, available: offerValue, allocated: usedValue }));
  for (let a = 0; a < n; a++) held.append(lists[a % m], a, usedValue);
}
const times = [], kernelTimes = [];
for (let p = 0; p < passes; p++) {
  const t = performance.now();
  for (let a = 0; a < n; a++) agentOrder[a] = a;
  for (let a = n - 1; a > 0; a--) { const j = Math.floor(rand() * (a + 1)); const x = agentOrder[a]; agentOrder[a] = agentOrder[j]; agentOrder[j] = x; }
  const tk = performance.now();
  const k = round();
  kernelTimes.push(performance.now() - tk);
  // Group by framework (counting sort) and hand each framework its agents.
  const start = new Uint32Array(m + 1);
  for (let i = 0; i < k; i++) start[outFw[i] + 1]++;
  for (let f = 0; f < m; f++) start[f + 1] += start[f];
  const pos = start.slice(0, m), grouped = new Uint32Array(k);
  for (let i = 0; i < k; i++) grouped[pos[outFw[i]]++] = outAgent[i];
  for (let f = 0; f < m; f++) {
    if (start[f] === start[f + 1]) continue;
    if (APPLY) {
      const byAgent = new OfferMap();
      const list = lists[f];
      for (let i = start[f]; i < start[f + 1]; i++) {
        const a = grouped[i];
        const agent = agentsState[a];
        const value = agent.available;
        agent.available = EMPTY;
        const h = held.find(list, a);
        if (h < 0) held.append(list, a, value);
        else held.setValue(h, held.value(h).plus(value));
        byAgent.append(agent.id, value);
      }
      const byRole = new OfferMap();
      byRole.append("*", byAgent);
      benchCallback(names[f], byRole);
    } else if (APPLY2) {
      for (let i = start[f]; i < start[f + 1]; i++) {
        const a = grouped[i];
        offeredFlag[a] = 1;
        heldFw[a] = f;
      }
      const byRole = new Map([["*", new OfferView(agentIds, grouped, start[f], start[f + 1], offerValue)]]);
      benchCallback(names[f], byRole);
    } else {
      const list = [];
      for (let i = start[f]; i < start[f + 1]; i++) list.push(agentIds[grouped[i]]);
      callback(names[f], list);
    }
  }
  times.push(performance.now() - t);
  offers = [];
  // Decline everything with a long filter (untimed).
  for (let i = 0; i < k; i++) {
    const a = outAgent[i], f = outFw[i];
    bits[a * words + (f >> 5)] |= 1 << (f & 31);
    for (let r = 0; r < R; r++) alloc[f * R + r] -= cand[a * R + r];
    empty[a] = 0;
    if (APPLY) {
      const h = held.find(lists[f], a);
      held.remove(h);
      agentsState[a].available = offerValue;
    }
    if (APPLY2) {
      offeredFlag[a] = 0;
      heldFw[a] = -1;
    }
  }
  resort();
}
const rest = times.slice(2), krest = kernelTimes.slice(2);
const mean = (xs) => xs.reduce((x, y) => x + y, 0) / xs.length;
console.log(`${mode}: ${n} agents x ${m} frameworks, ${delivered} offers; pass 0 (cold, no filters) ${times[0].toFixed(2)} ms (pass ${kernelTimes[0].toFixed(2)}), pass 1 (first with filters) ${times[1].toFixed(2)} ms (pass ${kernelTimes[1].toFixed(2)}), passes 2+: mean ${mean(rest).toFixed(2)} ms (pass ${mean(krest).toFixed(2)}), max ${Math.max(...rest).toFixed(2)} ms`);
