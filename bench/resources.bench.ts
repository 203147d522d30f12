/**
 * Resources benchmarks with tinybench: the TypeScript path, the Wasm path and
 * the batch path measured in the same run, so every figure is a ratio against
 * a baseline from the same process on the same (shared) machine.
 *
 *   npx tsx bench/resources.bench.ts            # everything
 *   npx tsx bench/resources.bench.ts ranges     # only sections whose name matches
 *
 * Prints one markdown table per section and, for the range and column
 * operations, the crossover size where Wasm starts to win (what
 * src/resources/kernels.ts uses; recorded in docs/bench-resources.md).
 */
import { Bench } from "tinybench";
import { RangeSet } from "../src/resources/ranges.js";
import { tsRangeKernels, type RangeKernels } from "../src/resources/wasm/range-kernels.js";
import { wasmRangeKernels } from "../src/resources/wasm/ranges-wasm.js";
import { NameTable, ResourceColumns } from "../src/resources/columnar.js";
import {
  tsColumnKernels, wasmColumnKernels, tsRangeContainsMask, wasmRangeContainsMask, tsRangeSubtractRows, wasmRangeSubtractRows, type ColumnKernels,
} from "../src/resources/wasm/columns.js";
import { RangeColumn } from "../src/resources/columnar-ranges.js";
import { heap } from "../src/wasm/heap.js";
import { mesosRangePair, fragment } from "../src/benchmarks/resources.js";
import { Resources, TS_RANGE_OPS, useRangeKernels } from "../src/resources/index.js";
import { rangeKernels } from "../src/resources/kernels.js";

const filter = process.argv[2];
const TIME = Number(process.env.BENCH_TIME_MS ?? 300);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

/**
 * Median ns per call of each named function. The machine is shared, so the
 * functions are interleaved: ROUNDS short tinybench runs, each timing every
 * function for TIME / ROUNDS ms, and the figure is the median over rounds of
 * each run's median latency (robust to GC pauses and to other processes).
 */
async function measure(fns: Record<string, () => unknown>): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: Math.max(10, TIME / ROUNDS), iterations: 5, warmupTime: round === 0 ? 50 : 5, warmupIterations: round === 0 ? 5 : 1 });
    for (const [name, fn] of Object.entries(fns)) bench.add(name, fn);
    await bench.run();
    for (const t of bench.tasks) {
      const r = t.result;
      (samples[t.name] ??= []).push(r.state === "completed" ? r.latency.p50 * 1e6 : NaN);
    }
  }
  const out: Record<string, number> = {};
  for (const [name, xs] of Object.entries(samples)) out[name] = xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return out;
}

const fmt = (ns: number) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const ratio = (x: number, y: number) => `${(x / y).toFixed(2)}x`;

/** The smallest measured size from which Wasm won at every larger size, or "never". */
function stableCrossover(wins: [number, boolean][]): number | string {
  let from: number | string = "never";
  for (let i = wins.length - 1; i >= 0 && wins[i]![1]; i--) from = wins[i]![0];
  return from;
}

function section(name: string): boolean {
  if (filter && !name.includes(filter)) return false;
  console.log(`\n## ${name}\n`);
  return true;
}

// ------------------------------------------------------------------ ranges

const SIZES = [1, 2, 4, 8, 16, 32, 100, 1000, 10_000];
const BATCH_SIZES = [1, 4, 16, 64, 256, 1000, 10_000];
type RangeOp = "union" | "subtract" | "intersect" | "contains" | "pick";

function rangeCall(k: RangeKernels, op: RangeOp, a: RangeSet, b: RangeSet, count: number): () => unknown {
  switch (op) {
    case "union": return () => k.union(a, b);
    case "subtract": return () => k.subtract(a, b);
    case "intersect": return () => k.intersect(a, b);
    case "contains": return () => k.contains(b, a);
    case "pick": return () => k.pick(a, count);
  }
}

async function rangeSection(title: string, shift: bigint): Promise<void> {
  if (!section(title)) return;
  console.log("| op | fragments | TS | Wasm | TS/Wasm |\n|---|---:|---:|---:|---:|");
  const crossover: Record<string, number | string> = {};
  for (const op of ["union", "subtract", "intersect", "contains", "pick"] as RangeOp[]) {
    const wins: [number, boolean][] = [];
    for (const n of SIZES) {
      // Mesos' Resources_Ranges_BENCHMARK_Test.ArithmeticOverlapping pair;
      // contains: the fragment() set inside its bounds; pick: all but one value.
      let a: RangeSet, b: RangeSet;
      if (op === "contains") {
        a = fragment(1n + shift, 2n * BigInt(n) + shift, n);
        b = RangeSet.interval(1n + shift, 2n * BigInt(n) + shift);
      } else [a, b] = mesosRangePair(n, shift);
      const count = Math.max(0, a.count() - 1);
      const r = await measure({ ts: rangeCall(tsRangeKernels, op, a, b, count), wasm: rangeCall(wasmRangeKernels, op, a, b, count) });
      console.log(`| ${op} | ${n} | ${fmt(r.ts!)} | ${fmt(r.wasm!)} | ${ratio(r.ts!, r.wasm!)} |`);
      wins.push([n, r.wasm! < r.ts!]);
    }
    crossover[op] = stableCrossover(wins);
  }
  console.log(`\ncrossover (smallest measured size from which Wasm wins at every larger size): ${JSON.stringify(crossover)}`);
}

// ----------------------------------------------------------------- columns

function agentStore(rows: number, names: NameTable): ResourceColumns {
  const s = new ResourceColumns(4, names, rows);
  for (let i = 0; i < rows; i++) s.push([["cpus", 1000 + (i % 7) * 1000], ["gpus", i % 3 === 0 ? 1000 : 0], ["mem", 128_000 * (1 + (i % 5))], ["disk", 256_000]]);
  return s;
}

async function columnSection(): Promise<void> {
  if (!section("scalar columns: single row and batch")) return;
  const names = new NameTable();
  const one = agentStore(2, names);
  const r1 = await measure({
    "ts addRow": () => tsColumnKernels.addRow(one, 0, 1),
    "wasm addRow": () => wasmColumnKernels.addRow(one, 0, 1),
    "ts subtractRow": () => tsColumnKernels.subtractRow(one, 0, 1),
    "wasm subtractRow": () => wasmColumnKernels.subtractRow(one, 0, 1),
    "ts rowContains": () => tsColumnKernels.rowContains(one, 0, 1),
    "wasm rowContains": () => wasmColumnKernels.rowContains(one, 0, 1),
  });
  console.log("| op (width 4) | TS | Wasm | TS/Wasm |\n|---|---:|---:|---:|");
  for (const op of ["addRow", "subtractRow", "rowContains"]) console.log(`| ${op} | ${fmt(r1[`ts ${op}`]!)} | ${fmt(r1[`wasm ${op}`]!)} | ${ratio(r1[`ts ${op}`]!, r1[`wasm ${op}`]!)} |`);

  console.log("\n| batch op | rows | TS | Wasm | TS/Wasm |\n|---|---:|---:|---:|---:|");
  const crossover: Record<string, number | string> = {};
  const wins: Record<string, [number, boolean][]> = {};
  const demand = Float64Array.from([2000, 0, 256_000, 100_000]);
  for (const n of BATCH_SIZES) {
    const s = agentStore(n, names);
    const allocs = agentStore(n, names);
    const targets = Int32Array.from({ length: n }, (_, i) => i);
    const mask = new Uint32Array(Math.ceil(n / 32));
    const out = new Float64Array(4);
    const run = (k: ColumnKernels) => ({
      sum: () => k.sum(s, null, out),
      containsMask: () => k.containsMask(s, demand, mask),
      // subtract then add back, so the store stays the same between samples
      subtractRows: () => { k.subtractRows(s, targets, allocs); k.addRows(s, targets, allocs); },
    });
    const t = run(tsColumnKernels), w = run(wasmColumnKernels);
    const r = await measure({
      "ts sum": t.sum, "wasm sum": w.sum,
      "ts containsMask": t.containsMask, "wasm containsMask": w.containsMask,
      "ts subtractRows": t.subtractRows, "wasm subtractRows": w.subtractRows,
    });
    for (const op of ["sum", "containsMask", "subtractRows"]) {
      const ts = r[`ts ${op}`]!, wa = r[`wasm ${op}`]!;
      console.log(`| ${op}${op === "subtractRows" ? " (+ addRows)" : ""} | ${n} | ${fmt(ts)} | ${fmt(wa)} | ${ratio(ts, wa)} |`);
      (wins[op] ??= []).push([n, wa < ts]);
    }
    s.dispose(); allocs.dispose();
  }
  for (const op of ["sum", "containsMask", "subtractRows"]) crossover[op] = stableCrossover(wins[op]!);
  console.log(`\ncrossover (smallest measured size from which Wasm wins at every larger size): ${JSON.stringify(crossover)}`);
}

// ------------------------------------------------------- writing u64 bounds

async function writeSection(): Promise<void> {
  if (!section("writing 10,000 interval bounds (20,000 u64) into Wasm memory")) return;
  const n = 20_000;
  const h = heap();
  const p = h.alloc(n * 8);
  const small = Uint32Array.from({ length: n }, (_, i) => 31_000 + 3 * i);
  const u64 = BigUint64Array.from(small, (v) => BigInt(v));
  const big = Array.from(small, (v) => BigInt(v));
  const r = await measure({
    "u32 memcpy (Uint32Array.set, the small form)": () => h.u32.set(small, p >>> 2),
    "u64 memcpy (BigUint64Array.set)": () => h.u64.set(u64, p >>> 3),
    "(value, 0) u32 pairs from the small form": () => {
      const u32 = h.u32;
      for (let i = 0, k = p >>> 2; i < n; i++, k += 2) { u32[k] = small[i]!; u32[k + 1] = 0; }
    },
    "u64 from numbers via BigInt()": () => { const m = h.u64; for (let i = 0, k = p >>> 3; i < n; i++, k++) m[k] = BigInt(small[i]!); },
    "u64 from bigints": () => { const m = h.u64; for (let i = 0, k = p >>> 3; i < n; i++, k++) m[k] = big[i]!; },
  });
  const base = r["u32 memcpy (Uint32Array.set, the small form)"]!;
  console.log("| method | time | vs u32 memcpy |\n|---|---:|---:|");
  for (const [k, v] of Object.entries(r)) console.log(`| ${k} | ${fmt(v)} | ${ratio(v, base)} |`);
  h.free(p);
}

async function batchVsObjects(): Promise<void> {
  if (!section("batch: one demand against 10,000 offers, sum of 10,000 agents (Resources objects vs columns)")) return;
  const count = 10_000;
  const names = new NameTable();
  const store = agentStore(count, names);
  const bags = Array.from({ length: count }, (_, i) => Resources.parse(`cpus:${1 + (i % 7)};gpus:${i % 3 === 0 ? 1 : 0};mem:${128 * (1 + (i % 5))};disk:256`));
  const demand = Resources.parse("cpus:2;mem:256;disk:100");
  const demandVec = store.vector([["cpus", 2000], ["mem", 256_000], ["disk", 100_000]]);
  const mask = new Uint32Array(Math.ceil(count / 32));
  const out = new Float64Array(store.width);
  const r = await measure({
    "contains: loop of Resources.contains": () => { let h = 0; for (const b of bags) if (b.contains(demand)) h++; return h; },
    "contains: TS column kernel (bitmask)": () => tsColumnKernels.containsMask(store, demandVec, mask),
    "contains: Wasm batch kernel (bitmask)": () => wasmColumnKernels.containsMask(store, demandVec, mask),
    "sum: loop of Resources.add": () => { const t = Resources.empty(); for (const b of bags) t.add(b); return t; },
    "sum: TS column kernel": () => tsColumnKernels.sum(store, null, out),
    "sum: Wasm batch kernel": () => wasmColumnKernels.sum(store, null, out),
  });
  console.log("| operation over 10,000 | time | vs Resources loop |\n|---|---:|---:|");
  const c0 = r["contains: loop of Resources.contains"]!, s0 = r["sum: loop of Resources.add"]!;
  for (const [k, v] of Object.entries(r)) console.log(`| ${k} | ${fmt(v)} | ${ratio(k.startsWith("sum") ? s0 : c0, v)} faster |`);
  store.dispose();

  // Ports: every agent offers [31000-32000] minus every 40th port from a
  // per-agent offset (25 fragments); the demand is two ports.
  const ports = new RangeColumn("u32", count, count * 26);
  const portBags: Resources[] = [];
  for (let i = 0; i < count; i++) {
    const used: [number, number][] = [];
    for (let p = 31000 + (i % 40); p <= 32000; p += 40) used.push([p, p]);
    const free = RangeSet.interval(31000, 32000).subtract(RangeSet.fromIntervals(used));
    ports.push(free);
    portBags.push(Resources.ranges("ports", free));
  }
  const want = RangeSet.fromIntervals([[31500, 31501]]);
  const wantBag = Resources.ranges("ports", want);
  const p = await measure({
    "ports contains: loop of Resources.contains": () => { let h = 0; for (const b of portBags) if (b.contains(wantBag)) h++; return h; },
    "ports contains: TS interval column (bitmask)": () => tsRangeContainsMask(ports, want, mask),
    "ports contains: Wasm batch kernel (bitmask)": () => wasmRangeContainsMask(ports, want, mask),
  });
  const p0 = p["ports contains: loop of Resources.contains"]!;
  for (const [k, v] of Object.entries(p)) console.log(`| ${k} | ${fmt(v)} | ${ratio(p0, v)} faster |`);
  ports.dispose();
}

async function kernelOnly(): Promise<void> {
  if (!section("ranges: where a Wasm call's time goes (small form, a - b)")) return;
  const h = heap();
  console.log("| sub-ranges | TS (RangeSet) | Wasm path (copy in, kernel, copy out) | kernel only (operands resident) | new Uint32Array(result) |\n|---:|---:|---:|---:|---:|");
  for (const n of [100, 1000, 10_000]) {
    const [a, b] = mesosRangePair(n);
    const pa = h.alloc(n * 32), pb = pa + n * 8, po = pb + n * 8;
    h.u32.set(a.small!, pa >>> 2);
    h.u32.set(b.small!, pb >>> 2);
    const resultLength = tsRangeKernels.subtract(a, b).intervalCount * 2;
    const r = await measure({
      ts: () => tsRangeKernels.subtract(a, b),
      wasm: () => wasmRangeKernels.subtract(a, b),
      kernel: () => h.exports.boundsSubtract(pa, n, pb, n, po),
      alloc: () => new Uint32Array(resultLength),
    });
    console.log(`| ${n} | ${fmt(r.ts!)} | ${fmt(r.wasm!)} | ${fmt(r.kernel!)} | ${fmt(r.alloc!)} |`);
    h.free(pa);
  }
}

// A measurement for a design not built (docs/bench-resources.md, pass 6):
// results as views into shared slabs, as Node's Buffer pool does below 4 KB.
async function freshResults(): Promise<void> {
  if (!section("fresh result arrays: off-heap typed array vs a view into a shared 8 KB slab")) return;
  const src = new Uint32Array(4096).map((_, i) => i);
  const SLAB = 8192;
  let slab = new ArrayBuffer(SLAB), used = 0;
  const fromSlab = (len: number): Uint32Array => {
    const bytes = (len * 4 + 7) & ~7;
    if (used + bytes > SLAB) { slab = new ArrayBuffer(SLAB); used = 0; }
    const v = new Uint32Array(slab, used, len);
    used += bytes;
    return v;
  };
  console.log("| values | slice() | new Uint32Array + loop | slab view + set | slice / slab |\n|---:|---:|---:|---:|---:|");
  for (const len of [20, 40, 200, 1000]) {
    const r = await measure({
      slice: () => src.slice(0, len),
      fresh: () => { const out = new Uint32Array(len); for (let k = 0; k < len; k++) out[k] = src[k]!; return out; },
      slab: () => { const out = fromSlab(len); out.set(src.subarray(0, len)); return out; },
    });
    console.log(`| ${len} | ${fmt(r.slice!)} | ${fmt(r.fresh!)} | ${fmt(r.slab!)} | ${ratio(r.slice!, r.slab!)} |`);
  }
}

async function hotPaths(): Promise<void> {
  if (!section("hot paths: scalar += / -=, parse, against baselines in the same run")) return;
  // Loops of K operations per task, so tinybench's per-call overhead is not measured.
  const K = 1000;
  const r = Resources.parse("cpus:1;gpus:1;mem:128;disk:256");
  const total = Resources.empty();
  const acc = new Float64Array(4), step = Float64Array.from([1000, 1000, 128000, 256000]);
  const text = "cpus:24;mem:4096;disk:4096;ports:[31000-32000]";
  const json = '{"cpus":24,"mem":4096,"disk":4096,"ports":[31000,32000]}';
  let sink: unknown = null;
  const t = await measure({
    "4 float adds (baseline)": () => { for (let i = 0; i < K; i++) { acc[0]! += step[0]!; acc[1]! += step[1]!; acc[2]! += step[2]!; acc[3]! += step[3]!; } },
    "total += r": () => { for (let i = 0; i < K; i++) total.add(r); },
    "total -= r": () => { for (let i = 0; i < K; i++) total.subtract(r); },
    "JSON.parse of the same values (baseline)": () => { for (let i = 0; i < K / 10; i++) sink = JSON.parse(json); },
    "Resources.parse": () => { for (let i = 0; i < K / 10; i++) sink = Resources.parse(text); },
  });
  void sink;
  const per = (k: string, n: number) => t[k]! / n;
  const base = per("4 float adds (baseline)", K), jp = per("JSON.parse of the same values (baseline)", K / 10);
  console.log("| operation | per op | vs baseline |\n|---|---:|---:|");
  console.log(`| 4 float adds (baseline) | ${fmt(base)} | 1.00x |`);
  for (const k of ["total += r", "total -= r"]) console.log(`| ${k}, r = cpus:1;gpus:1;mem:128;disk:256 | ${fmt(per(k, K))} | ${ratio(per(k, K), base)} |`);
  console.log(`| JSON.parse('${json}') (baseline) | ${fmt(jp)} | 1.00x |`);
  console.log(`| Resources.parse("${text}") | ${fmt(per("Resources.parse", K / 10))} | ${ratio(per("Resources.parse", K / 10), jp)} |`);
}

async function subtract10k(): Promise<void> {
  if (!section("subtraction on 10,000 fragments: TS, Wasm, chooser, against a copy of the operand")) return;
  const [m1, m2] = mesosRangePair(10_000);
  const frag = RangeSet.fromIntervals(Array.from({ length: 10_000 }, (_, i) => [31000 + 4 * i, 31001 + 4 * i] as [number, number]));
  const cases: [string, RangeSet, RangeSet][] = [
    ["Mesos' overlapping pair, 10,000 sub-ranges each (result: 10,000 intervals)", m1, m2],
    ["10,000 fragments minus one allocation [51000-51001] (result: 9,999 intervals)", frag, RangeSet.interval(51000, 51001)],
    ["10,000 fragments minus 10 allocations spread out", frag, RangeSet.fromIntervals(Array.from({ length: 10 }, (_, i) => [31000 + 4000 * i, 31001 + 4000 * i] as [number, number]))],
  ];
  console.log("| operands | copy of a (baseline) | TS | Wasm | chooser |\n|---|---:|---:|---:|---:|");
  for (const [label, a, b] of cases) {
    const t = await measure({
      copy: () => a.small!.slice(),
      ts: () => tsRangeKernels.subtract(a, b),
      wasm: () => wasmRangeKernels.subtract(a, b),
      auto: () => rangeKernels.subtract(a, b),
    });
    const c = t.copy!;
    console.log(`| ${label} | ${fmt(c)} | ${fmt(t.ts!)} (${ratio(t.ts!, c)}) | ${fmt(t.wasm!)} (${ratio(t.wasm!, c)}) | ${fmt(t.auto!)} (${ratio(t.auto!, c)}) |`);
  }
}

async function batchRangeSubtract(): Promise<void> {
  if (!section("batch: ports of N agents minus one accepted allocation each (Resources loop vs interval column)")) return;
  console.log("| agents | loop of Resources.subtract | TS column (RangeSet per row) | Wasm batch (one crossing) | Wasm vs loop |\n|---:|---:|---:|---:|---:|");
  for (const count of [1, 16, 256, 10_000]) {
    // Each agent: [31000-32000] minus every 40th port (about 25 fragments); allocation: 2 ports.
    const agentPorts = (i: number) => RangeSet.fromIntervals(Array.from({ length: 25 }, (_, f) => [31000 + 40 * f + (i % 7), 31038 + 40 * f] as [number, number]));
    const allocPorts = (i: number) => RangeSet.fromIntervals([[31010 + (i % 7), 31011 + (i % 7)]]);
    const bags = Array.from({ length: count }, (_, i) => Resources.ranges("ports", agentPorts(i)));
    const taken = Array.from({ length: count }, (_, i) => Resources.ranges("ports", allocPorts(i)));
    const col = new RangeColumn("u32", count, count * 26), colTs = new RangeColumn("u32", count, count * 26), allocs = new RangeColumn("u32", count, count);
    for (let i = 0; i < count; i++) { col.push(agentPorts(i)); colTs.push(agentPorts(i)); allocs.push(allocPorts(i)); }
    const targets = Int32Array.from({ length: count }, (_, i) => i);
    // Every task subtracts the same allocations again and again: after the
    // first time the ports are gone, but each call still does the whole merge
    // and writes every row back (no row grows any more), so no restore step
    // is needed and the three paths do the same work.
    const r = await measure({
      loop: () => { for (let i = 0; i < count; i++) bags[i]!.subtract(taken[i]!); },
      ts: () => tsRangeSubtractRows(colTs, targets, allocs),
      wasm: () => wasmRangeSubtractRows(col, targets, allocs),
    });
    console.log(`| ${count} | ${fmt(r.loop!)} | ${fmt(r.ts!)} | ${fmt(r.wasm!)} | ${ratio(r.loop!, r.wasm!)} faster |`);
    if (col.get(count - 1).toString() !== colTs.get(count - 1).toString()) throw new Error("bench: TS and Wasm batch subtraction disagree");
    col.dispose(); colTs.dispose(); allocs.dispose();
  }
}

async function subtractAssign(): Promise<void> {
  if (!section("Resources a -= b against a - b (Mesos' overlapping pair), against a copy of the operand")) return;
  // `a - b` is `a.clone().subtract(b)`: the same code path as `-=`. Both run
  // here with the clone inside the timed call, next to the cost of the
  // clone alone and of a plain copy of a's bounds (the same-run baseline).
  console.log("| sub-ranges | path | copy of a's bounds (baseline) | a.clone() | a -= b (clone, then subtract) | a - b (minus) | -= / - |\n|---:|---|---:|---:|---:|---:|---:|");
  for (const n of [100, 1000, 10_000]) {
    const [r1, r2] = mesosRangePair(n);
    const p1 = Resources.ranges("ports", r1), p2 = Resources.ranges("ports", r2);
    for (const [path, ops] of [["TS", TS_RANGE_OPS], ["chooser", rangeKernels]] as const) {
      const previous = useRangeKernels(ops);
      try {
        const r = await measure({
          copy: () => r1.small!.slice(),
          clone: () => p1.clone(),
          assign: () => { const c = p1.clone(); c.subtract(p2); return c; },
          minus: () => p1.minus(p2),
        });
        console.log(`| ${n} | ${path} | ${fmt(r.copy!)} | ${fmt(r.clone!)} | ${fmt(r.assign!)} (${ratio(r.assign!, r.copy!)}) | ${fmt(r.minus!)} (${ratio(r.minus!, r.copy!)}) | ${ratio(r.assign!, r.minus!)} |`);
      } finally {
        useRangeKernels(previous);
      }
    }
  }
}

async function subtractSmallB(): Promise<void> {
  if (!section("subtract: n fragments minus k cuts spread out (TS vs Wasm by k / n)")) return;
  // When b is much smaller than a, TS gallops over the untouched runs and
  // copies a once, while the Wasm path copies a in and the result out.
  console.log("| n (a) | k (b) | TS | Wasm | Wasm / TS |\n|---:|---:|---:|---:|---:|");
  for (const n of [100, 1000, 10_000]) {
    const a = RangeSet.fromIntervals(Array.from({ length: n }, (_, i) => [31000 + 4 * i, 31001 + 4 * i] as [number, number]));
    for (const k of [1, 4, 16, 64, 256, 1000, 10_000].filter((x) => x <= n)) {
      const stride = Math.floor(n / k);
      const b = RangeSet.fromIntervals(Array.from({ length: k }, (_, i) => [31001 + 4 * stride * i, 31002 + 4 * stride * i] as [number, number]));
      const t = await measure({ ts: () => tsRangeKernels.subtract(a, b), wasm: () => wasmRangeKernels.subtract(a, b) });
      console.log(`| ${n} | ${k} | ${fmt(t.ts!)} | ${fmt(t.wasm!)} | ${ratio(t.wasm!, t.ts!)} |`);
    }
  }
}

async function subtract10kResident(): Promise<void> {
  if (!section("subtraction on 10,000 fragments, operands resident in Wasm memory (RangeColumn batch path)")) return;
  // The batch path keeps interval rows in Wasm memory (RangeColumn), so a
  // subtraction there is the kernel plus the write-back into the row: no
  // copy in, no fresh result array. Each task first restores the target row
  // from a pristine copy in Wasm memory (copyRowFrom, a memcpy inside Wasm
  // memory), timed alone in the same run so it can be taken off.
  const h = heap();
  const [m1, m2] = mesosRangePair(10_000);
  const frag = RangeSet.fromIntervals(Array.from({ length: 10_000 }, (_, i) => [31000 + 4 * i, 31001 + 4 * i] as [number, number]));
  const cases: [string, RangeSet, RangeSet][] = [
    ["Mesos' overlapping pair, 10,000 sub-ranges each", m1, m2],
    ["10,000 fragments minus one allocation [51000-51001]", frag, RangeSet.interval(51000, 51001)],
  ];
  console.log("| operands | copy of a (baseline) | chooser on RangeSets (fresh result) | restore row | restore + resident subtract | resident subtract (difference) |\n|---|---:|---:|---:|---:|---:|");
  for (const [label, a, b] of cases) {
    const n = a.intervalCount;
    const pristine = h.alloc(n * 8);
    h.u32.set(a.small!, pristine >>> 2);
    const col = new RangeColumn("u32", 1, n + b.intervalCount), allocs = new RangeColumn("u32", 1, b.intervalCount);
    col.push(a); allocs.push(b);
    const targets = Int32Array.of(0);
    wasmRangeSubtractRows(col, targets, allocs);
    if (col.get(0).toString() !== rangeKernels.subtract(a, b).toString()) throw new Error("bench: resident subtraction disagrees");
    const t = await measure({
      copy: () => a.small!.slice(),
      auto: () => rangeKernels.subtract(a, b),
      restore: () => col.copyRowFrom(0, pristine, n),
      both: () => { col.copyRowFrom(0, pristine, n); wasmRangeSubtractRows(col, targets, allocs); },
    });
    const c = t.copy!, resident = Math.max(0, t.both! - t.restore!);
    console.log(`| ${label} | ${fmt(c)} | ${fmt(t.auto!)} (${ratio(t.auto!, c)}) | ${fmt(t.restore!)} | ${fmt(t.both!)} | ${fmt(resident)} (${ratio(resident, c)}) |`);
    col.dispose(); allocs.dispose(); h.free(pristine);
  }
}

async function resourcesWithChooser(): Promise<void> {
  if (!section("Resources range arithmetic: RangeSet's TS operations vs the TS/Wasm chooser plugged in (useRangeKernels)")) return;
  console.log("| sub-ranges | a - b, TS | a - b, chooser | a + b, TS | a + b, chooser |\n|---:|---:|---:|---:|---:|");
  for (const n of [1, 10, 16, 32, 64, 100, 1000, 10_000]) {
    const [r1, r2] = mesosRangePair(n);
    const p1 = Resources.ranges("ports", r1), p2 = Resources.ranges("ports", r2);
    const withOps = (ops: typeof TS_RANGE_OPS, f: () => unknown) => () => { const previous = useRangeKernels(ops); try { return f(); } finally { useRangeKernels(previous); } };
    const r = await measure({
      "minus ts": withOps(TS_RANGE_OPS, () => p1.minus(p2)),
      "minus chooser": withOps(rangeKernels, () => p1.minus(p2)),
      "plus ts": withOps(TS_RANGE_OPS, () => p1.plus(p2)),
      "plus chooser": withOps(rangeKernels, () => p1.plus(p2)),
    });
    console.log(`| ${n} | ${fmt(r["minus ts"]!)} | ${fmt(r["minus chooser"]!)} | ${fmt(r["plus ts"]!)} | ${fmt(r["plus chooser"]!)} |`);
  }
}

await hotPaths();
await subtract10k();
await subtract10kResident();
await subtractAssign();
await subtractSmallB();
await batchRangeSubtract();
await resourcesWithChooser();
await kernelOnly();
await rangeSection("ranges, small form (values < 2^32): TS vs Wasm", 0n);
await rangeSection("ranges, big form (values above 2^32): TS vs Wasm", 1n << 60n);
await freshResults();
await columnSection();
await batchVsObjects();
await writeSection();
