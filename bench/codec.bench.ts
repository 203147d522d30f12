/**
 * Codec benchmarks with tinybench: drfcore's decode/encode against, in the
 * same run and on the same bytes/objects, plain protobufjs reflection
 * (`Type.decode`/`Type.encode`, protobufjs' runtime-generated code) and
 * `JSON.parse`/`JSON.stringify` of the same message in protobuf's JSON form.
 *
 *   npx tsx bench/codec.bench.ts     # BENCH_ROUNDS=15 rounds of BENCH_TIME_MS=60 per task
 *
 * Each round measures every task once (tinybench, mean latency); the figure
 * reported is the median over rounds, and each ratio is the median over
 * rounds of that round's ratio (both sides measured within about a second),
 * which keeps a shared, busy machine's load swings from landing on one side
 * of a ratio. Each tinybench iteration
 * runs the operation a fixed number of times per message (a batch of about
 * 20 µs, the same count for every task of a message), so the timer's own
 * cost (two `performance.now()` calls per iteration, ~0.1 µs) does not
 * pad every figure and pull the ratios of these microsecond operations
 * towards 1. The load average is printed before and after.
 *
 * The two decode goals (JSON.parse time / decode time, decode time /
 * protobufjs time) are then measured once more per message, paired: 200
 * ABBA blocks (BENCH_PAIRED_BLOCKS) of ~0.5 ms runs of each side, median and
 * interquartile range of the blocks' ratios. With four other helpers on two
 * cores, a tinybench round's two sides (~0.2 s apart) landed in different
 * load and the round ratios of unchanged code ranged over ±15%; the paired
 * figure's sides are ~2 ms apart.
 *
 * Two JSON baselines, both native `JSON.parse`/`JSON.stringify`:
 * - "JSON.parse (protobuf JSON)": the text `JSON.stringify` makes of
 *   protobufjs' `toObject(message, {longs: String, enums: String, bytes:
 *   String, json: true})` — proto field names, IDs as `{"value": ...}`
 *   objects, enums as names, 64-bit integers as decimal strings, bytes as
 *   base64: the message as a JSON transport would carry it.
 * - "JSON.parse (drfcore value)": the text `JSON.stringify` makes of
 *   drfcore's own decoded value, with each bigint as a decimal string and
 *   bytes as base64 (JSON has neither) — the same objects as drfcore's
 *   decode returns, but IDs as bare strings, so fewer objects to build.
 *   Both parse 64-bit counters as strings, where drfcore decode makes bigints.
 *
 * Messages: an Offer with 10 resources including a 16-fragment port range, a
 * TaskInfo with a command and 6 resources, a TaskStatus, and a ResourceUsage
 * with full ResourceStatistics + PerfStatistics. Prints a markdown table of
 * messages/s and MB/s, and the ratios the goals are stated in.
 */
import { Bench } from "tinybench";
import protobuf from "protobufjs";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { decode, encode, fromMesosJson, toMesosJson } from "../src/codec/index.js";
import { decodeBinaryReference } from "../src/codec/binary.js";
import { messageDesc, messageTypeNames } from "../src/codec/schema.js";
import { Reader, Writer } from "../src/codec/wire.js";
import {
  commandImplementation, frameworkId, offerId, slaveId, taskId, executorId,
  type Offer, type PerfStatistics, type Resource, type ResourceStatistics, type ResourceUsage, type TaskInfo, type TaskStatus,
} from "../src/types/index.js";

const TIME = Number(process.env.BENCH_TIME_MS ?? 60);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
/** ABBA blocks per paired ratio (see `pairedRatio`). */
const PAIRED_BLOCKS = Number(process.env.BENCH_PAIRED_BLOCKS ?? 200);
/** Target duration of one timed run inside a paired block, in nanoseconds. */
const PAIRED_RUN_NS = 500_000;
/** Keeps results alive so no call can be optimised away. */
let sink: unknown;
/** Target duration of one batch (one tinybench iteration), in nanoseconds. */
const BATCH_NS = 20_000;

const scalar = (name: string, v: number, role?: string): Resource => ({
  name, type: "SCALAR", scalar: v,
  ...(role ? { reservations: [{ type: "STATIC", role }], allocationInfo: { role } } : {}),
});
const ports: Resource = {
  name: "ports", type: "RANGES",
  ranges: Array.from({ length: 16 }, (_, i) => ({ begin: BigInt(31000 + i * 100), end: BigInt(31000 + i * 100 + 49) })),
  allocationInfo: { role: "web" },
};

const offer: Offer = {
  id: offerId("6a1c2f3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b-O1234"),
  frameworkId: frameworkId("20240823-145900-16777343-5050-1234-0000"),
  slaveId: slaveId("6a1c2f3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b-S3"),
  hostname: "agent-17.example.com",
  resources: [
    scalar("cpus", 15.5, "web"), scalar("mem", 61440, "web"), scalar("disk", 500000, "web"), scalar("gpus", 2, "web"),
    ports, scalar("cpus", 4), scalar("mem", 8192), scalar("disk", 100000),
    { name: "bandwidth", type: "SCALAR", scalar: 1000, revocable: {} },
    { name: "zones", type: "SET", set: ["a", "b", "c"] },
  ],
  attributes: [{ name: "rack", type: "TEXT", text: "r17" }, { name: "zone", type: "SCALAR", scalar: 3 }],
  allocationInfo: { role: "web" },
};

const task: TaskInfo = {
  name: "web-server",
  taskId: taskId("web.7f3b1c2d-9e8f-4a5b-8c7d-6e5f4a3b2c1d"),
  slaveId: slaveId("6a1c2f3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b-S3"),
  resources: [scalar("cpus", 0.5, "web"), scalar("mem", 512, "web"), scalar("disk", 1024, "web"), scalar("gpus", 0), ports, scalar("network", 100)],
  implementation: commandImplementation({
    uris: [{ value: "https://artifacts.example.com/web-1.4.2.tgz", extract: true, cache: true }],
    environment: { variables: [{ name: "PORT0", value: "31000" }, { name: "ENV", value: "prod" }] },
    shell: true,
    value: "./bin/web --port $PORT0",
    user: "svc-web",
  }),
  labels: [{ key: "team", value: "frontend" }, { key: "tier", value: "1" }],
};

const status: TaskStatus = {
  taskId: task.taskId,
  state: "TASK_RUNNING",
  message: "task is running",
  source: "SOURCE_EXECUTOR",
  reason: "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED",
  slaveId: task.slaveId,
  executorId: executorId("web.7f3b1c2d"),
  timestamp: 1724439540.123456,
  uuid: new Uint8Array(16).map((_, i) => i * 17),
  healthy: true,
  labels: [{ key: "check", value: "http" }],
  containerStatus: { containerId: { value: "c0ffee00-1234-5678-9abc-def012345678" }, networkInfos: [{ ipAddresses: [{ protocol: "IPv4", ipAddress: "10.0.0.7" }] }], executorPid: 4242 },
};

const u = (n: number) => BigInt(n) * 1_000_003n;
const perf: PerfStatistics = {
  timestamp: 1724439540.5, duration: 10,
  cycles: u(9e9), stalledCyclesFrontend: u(1e9), stalledCyclesBackend: u(2e9), instructions: u(12e9), cacheReferences: u(3e8),
  cacheMisses: u(2e7), branches: u(1e9), branchMisses: u(1e7), busCycles: u(3e8), refCycles: u(9e9),
  cpuClock: 9876.5, taskClock: 9870.25, pageFaults: u(1e4), minorFaults: u(9e3), majorFaults: u(10), contextSwitches: u(5e4),
  cpuMigrations: u(300), alignmentFaults: 0n, emulationFaults: 0n,
  l1DcacheLoads: u(4e9), l1DcacheLoadMisses: u(1e8), l1DcacheStores: u(2e9), l1DcacheStoreMisses: u(5e7),
  l1DcachePrefetches: u(1e7), l1DcachePrefetchMisses: u(1e6), l1IcacheLoads: u(3e9), l1IcacheLoadMisses: u(2e7),
  l1IcachePrefetches: u(1e6), l1IcachePrefetchMisses: u(1e5), llcLoads: u(1e8), llcLoadMisses: u(1e7), llcStores: u(5e7),
  llcStoreMisses: u(5e6), llcPrefetches: u(1e6), llcPrefetchMisses: u(1e5), dtlbLoads: u(4e9), dtlbLoadMisses: u(1e6),
  dtlbStores: u(2e9), dtlbStoreMisses: u(1e5), dtlbPrefetches: u(1e4), dtlbPrefetchMisses: u(1e3), itlbLoads: u(3e9),
  itlbLoadMisses: u(1e5), branchLoads: u(1e9), branchLoadMisses: u(1e7), nodeLoads: u(1e7), nodeLoadMisses: u(1e5),
  nodeStores: u(5e6), nodeStoreMisses: u(1e4), nodePrefetches: u(1e4), nodePrefetchMisses: u(1e3),
};
const stats: ResourceStatistics = {
  timestamp: 1724439540.75, processes: 12, threads: 96,
  cpusUserTimeSecs: 1234.5, cpusSystemTimeSecs: 321.25, cpusLimit: 4.1, cpusSoftLimit: 2, cpusNrPeriods: 100000, cpusNrThrottled: 120,
  cpusThrottledTimeSecs: 3.5, memTotalBytes: u(2e9), memTotalMemswBytes: u(3e9), memKmemUsageBytes: u(1e7), memKmemTcpUsageBytes: u(1e5),
  memLimitBytes: 8589934592n, memSoftLimitBytes: 4294967296n, memFileBytes: u(5e8), memAnonBytes: u(1e9), memCacheBytes: u(5e8),
  memRssBytes: u(1e9), memMappedFileBytes: u(1e8), memSwapBytes: 0n, memUnevictableBytes: u(1e6),
  memLowPressureCounter: 3n, memMediumPressureCounter: 1n, memCriticalPressureCounter: 0n,
  diskLimitBytes: 107374182400n, diskUsedBytes: u(4e10), perf,
  netRxPackets: u(1e7), netRxBytes: u(1e10), netRxErrors: 0n, netRxDropped: 12n, netTxPackets: u(9e6), netTxBytes: u(8e9),
  netTxErrors: 0n, netTxDropped: 3n, netTcpRttMicrosecsP50: 110.5, netTcpRttMicrosecsP90: 250, netTcpRttMicrosecsP95: 400.25,
  netTcpRttMicrosecsP99: 1200, netTcpActiveConnections: 42, netTcpTimeWaitConnections: 7,
};
const usage: ResourceUsage = {
  executors: [{
    executorInfo: {
      executorId: executorId("web.7f3b1c2d"), frameworkId: offer.frameworkId, name: "web executor",
      command: { value: "./executor", shell: true }, resources: [scalar("cpus", 0.1), scalar("mem", 32)],
    },
    allocated: [scalar("cpus", 0.6), scalar("mem", 544)],
    statistics: stats,
    containerId: { value: "c0ffee00-1234-5678-9abc-def012345678" },
    tasks: [{ name: "web-server", id: task.taskId, resources: [scalar("cpus", 0.5), scalar("mem", 512)] }],
  }],
  total: [scalar("cpus", 16), scalar("mem", 65536)],
};

const root = protobuf.parse(readFileSync(new URL("../proto/mesos.proto", import.meta.url), "utf8"), { keepCase: true }).root;
root.resolveAll();

interface Case { name: string; type: string; value: unknown }
const cases: Case[] = [
  { name: "Offer (10 resources, 16-fragment ports)", type: "mesos.Offer", value: offer },
  { name: "TaskInfo (command, 6 resources)", type: "mesos.TaskInfo", value: task },
  { name: "TaskStatus", type: "mesos.TaskStatus", value: status },
  { name: "ResourceUsage (full statistics + perf)", type: "mesos.ResourceUsage", value: usage },
];

/** Mean time per call of `fn` over `n` back-to-back calls, in nanoseconds. */
function timeCalls(fn: () => unknown, n: number): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink = fn();
  return Number(process.hrtime.bigint() - t0) / n;
}

/**
 * time(a) / time(b), measured in `PAIRED_BLOCKS` ABBA blocks — a, b, b, a,
 * each a run of `n` calls lasting about `PAIRED_RUN_NS` — and reported as the
 * median of the blocks' ratios with its interquartile range. Both sides of a
 * block run within about 2 ms of each other, so a busy machine's load swings
 * (other processes taking the cores for tens to hundreds of milliseconds),
 * which land on one side of a tinybench round's ratio, mostly cancel; the
 * ABBA order cancels a drift within the block.
 */
function pairedRatio(a: () => unknown, b: () => unknown, n: number): { median: number; q1: number; q3: number } {
  for (let i = 0; i < 3; i++) { timeCalls(a, n); timeCalls(b, n); }
  const ratios: number[] = [];
  for (let k = 0; k < PAIRED_BLOCKS; k++) {
    const a1 = timeCalls(a, n), b1 = timeCalls(b, n), b2 = timeCalls(b, n), a2 = timeCalls(a, n);
    ratios.push((a1 + a2) / (b1 + b2));
  }
  ratios.sort((x, y) => x - y);
  const at = (p: number) => ratios[Math.min(ratios.length - 1, Math.floor(p * ratios.length))]!;
  return { median: at(0.5), q1: at(0.25), q3: at(0.75) };
}

const loadBefore = loadavg();
const rows: string[] = [];
const budgets: string[] = [];
/** Every enum value name in the schema. */
const ENUM_NAMES = new Set(messageTypeNames().flatMap((n) => messageDesc(n)!.fields.flatMap((f) => f.enum?.names ?? [])));
const ratios: string[] = [];
const paired: string[] = [];
const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(2));
for (const c of cases) {
  const bytes = encode(c.type, c.value as never);
  const desc = messageDesc(c.type)!;
  const type = root.lookupType(c.type);
  const pbMessage = type.decode(bytes);
  const plain = type.toObject(pbMessage, { longs: String, enums: String, bytes: String, json: true });
  const jsonText = JSON.stringify(plain);
  const mesosJson = toMesosJson(c.type, c.value as never);
  // Same message everywhere: protobufjs' bytes for our value decode back to our value.
  const check = JSON.stringify(type.toObject(type.decode(type.encode(pbMessage).finish()), { longs: String, enums: String, bytes: String, json: true }));
  if (check !== jsonText) throw new Error(`protobufjs does not round-trip ${c.type}`);

  // drfcore's decoded value as JSON: bigint → decimal string, bytes → base64, Map → object.
  const drfcoreJsonText = JSON.stringify(decode(c.type, bytes), (_k, v: unknown) =>
    typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("base64") : v instanceof Map ? Object.fromEntries(v) : v);

  // Anatomy: the decoded value's strings and 64-bit integers, each read alone from a buffer of just
  // them (length-prefixed strings; varints) with the same Reader methods the decoder uses. Their
  // time is a floor under any decoder that produces these strings and bigints.
  const strings: string[] = [];
  const longs: bigint[] = [];
  (function walk(v: unknown): void {
    if (typeof v === "string") strings.push(v);
    else if (typeof v === "bigint") longs.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v instanceof Map) [...v.values()].forEach(walk);
    else if (typeof v === "object" && v !== null && !(v instanceof Uint8Array)) Object.values(v).forEach(walk);
  })(decode(c.type, bytes));
  // Enum values are constant names, not read from the bytes: leave them out (no string in these messages equals one).
  const texts = strings.filter((x) => !ENUM_NAMES.has(x));
  const sw = new Writer();
  for (const x of texts) sw.string(x);
  const stringBytes = sw.finish();
  const lw = new Writer();
  for (const x of longs) lw.uvarint64(BigInt.asUintN(64, x));
  const longBytes = lw.finish();
  const readStrings = () => {
    const r = new Reader(stringBytes);
    let last: unknown;
    while (r.pos < stringBytes.length) last = r.string(stringBytes.length);
    return last;
  };
  const readLongs = () => {
    const r = new Reader(longBytes);
    let last: unknown;
    while (r.pos < longBytes.length) last = r.varint64();
    return last;
  };

  const stringsTask = `anatomy: its ${texts.length} strings alone`;
  const longsTask = `anatomy: its ${longs.length} 64-bit integers alone (bigint)`;
  const fns: Record<string, [() => unknown, number]> = {
    [stringsTask]: [readStrings, stringBytes.length],
    ...(longs.length > 0 ? { [longsTask]: [readLongs, longBytes.length] as [() => unknown, number] } : {}),
    "drfcore decode": [() => decode(c.type, bytes), bytes.length],
    "drfcore decode (interpreted reference)": [() => decodeBinaryReference(desc, bytes), bytes.length],
    "protobufjs decode": [() => type.decode(bytes), bytes.length],
    "JSON.parse (protobuf JSON)": [() => JSON.parse(jsonText), jsonText.length],
    "JSON.parse (drfcore value)": [() => JSON.parse(drfcoreJsonText), drfcoreJsonText.length],
    "drfcore fromMesosJson": [() => fromMesosJson(c.type, mesosJson), mesosJson.length],
    "drfcore encode": [() => encode(c.type, c.value as never), bytes.length],
    "protobufjs encode": [() => type.encode(pbMessage).finish(), bytes.length],
    "JSON.stringify (protobuf JSON)": [() => JSON.stringify(plain), jsonText.length],
    "drfcore toMesosJson": [() => toMesosJson(c.type, c.value as never), mesosJson.length],
  };
  // Batch size: enough calls of drfcore's decode for about BATCH_NS (its fastest of 20 timings
  // of 200 calls, after warming up), the same for every task of this message.
  const decodeFn = fns["drfcore decode"]![0];
  let perCall = Infinity;
  for (let i = 0; i < 20000; i++) sink = decodeFn();
  for (let k = 0; k < 20; k++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) sink = decodeFn();
    perCall = Math.min(perCall, Number(process.hrtime.bigint() - t0) / 200);
  }
  const batch = Math.max(1, Math.round(BATCH_NS / perCall));
  if (process.env.BENCH_DEBUG) console.error(c.type, perCall, batch);
  const samples: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: TIME, warmup: round === 0, warmupTime: 100 });
    for (const [name, [fn]] of Object.entries(fns)) {
      bench.add(name, () => {
        for (let i = 0; i < batch; i++) sink = fn();
      });
    }
    await bench.run();
    for (const t of bench.tasks) {
      const r = t.result as { state: string; latency?: { mean: number } };
      if (r.state !== "completed" || !r.latency) throw new Error(`${t.name} did not complete`);
      (samples[t.name] ??= []).push((r.latency.mean * 1e6) / batch);
    }
  }
  const ns: Record<string, number> = {};
  for (const [name, xs] of Object.entries(samples)) {
    const sorted = [...xs].sort((a, b) => a - b);
    ns[name] = sorted[Math.floor(sorted.length / 2)]!;
    const size = fns[name]![1];
    const perSec = 1e9 / ns[name]!;
    rows.push(`| ${c.name} | ${name} | ${size} | ${fmt(perSec)} | ${fmt((perSec * size) / 1e6)} | ${fmt(ns[name]!)} |`);
  }
  // A ratio is the median over rounds of that round's ratio: both sides measured within the same
  // second or so, which cancels most of a shared machine's load swings.
  const q = (a: string, b: string) => {
    const perRound = samples[a]!.map((x, i) => x / samples[b]![i]!).sort((x, y) => x - y);
    return perRound[Math.floor(perRound.length / 2)]!.toFixed(2);
  };
  // The two decode goals again, each side interleaved with the other at ~0.5 ms granularity.
  const pairedN = Math.max(1, Math.round(PAIRED_RUN_NS / perCall));
  const fmtPaired = (x: { median: number; q1: number; q3: number }) => `${x.median.toFixed(2)} (${x.q1.toFixed(2)}–${x.q3.toFixed(2)})`;
  const jsonOverDecode = pairedRatio(fns["JSON.parse (protobuf JSON)"]![0], decodeFn, pairedN);
  const decodeOverPbjs = pairedRatio(decodeFn, fns["protobufjs decode"]![0], pairedN);
  paired.push(`| ${c.name} | ${fmtPaired(jsonOverDecode)} | ${fmtPaired(decodeOverPbjs)} | ${PAIRED_BLOCKS} × ${pairedN} |`);
  const floor = ns[stringsTask]! + (longs.length > 0 ? ns[longsTask]! : 0);
  budgets.push(
    `| ${c.name} | ${fmt(ns["drfcore decode"]!)} | ${fmt(ns["JSON.parse (protobuf JSON)"]! / 3)} | ${fmt(ns["JSON.parse (drfcore value)"]! / 3)} | ` +
      `${fmt(ns[stringsTask]!)} | ${longs.length > 0 ? fmt(ns[longsTask]!) : "–"} | ${((100 * floor) / ns["drfcore decode"]!).toFixed(0)}% |`,
  );
  ratios.push(
    `| ${c.name} | ${q("drfcore decode", "protobufjs decode")} | ${q("JSON.parse (protobuf JSON)", "drfcore decode")} | ${q("JSON.parse (drfcore value)", "drfcore decode")} | ` +
      `${q("drfcore decode (interpreted reference)", "drfcore decode")} | ${q("drfcore encode", "protobufjs encode")} | ${q("JSON.stringify (protobuf JSON)", "drfcore encode")} | ${batch} |`,
  );
}

const loadAfter = loadavg();
console.log(`Node ${process.version}, ${ROUNDS} rounds × BENCH_TIME_MS=${TIME}, median of rounds; batches of ~${BATCH_NS / 1000} µs`);
console.log(`load average (1/5/15 min): before ${loadBefore.map((x) => x.toFixed(2)).join(" ")}, after ${loadAfter.map((x) => x.toFixed(2)).join(" ")}\n`);
console.log("| message | operation | bytes | messages/s | MB/s | ns/op |\n| --- | --- | ---: | ---: | ---: | ---: |");
console.log(rows.join("\n"));
console.log("\nRatios (time ÷ time; decode goal: ≤ 1.2 vs protobufjs, ≥ 3 vs JSON.parse):\n");
console.log("| message | drfcore/protobufjs decode | JSON.parse (protobuf JSON)/drfcore decode | JSON.parse (drfcore value)/drfcore decode | interpreted/compiled decode | drfcore/protobufjs encode | JSON.stringify/drfcore encode | batch |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
if (sink === Symbol.for("never")) console.log(sink);
console.log(ratios.join("\n"));
console.log(`\nThe decode goals, paired (median and interquartile range of ${PAIRED_BLOCKS} ABBA blocks' time ratios; each run ~${PAIRED_RUN_NS / 1e6} ms):\n`);
console.log("| message | JSON.parse (protobuf JSON)/drfcore decode | drfcore/protobufjs decode | blocks × calls per run |\n| --- | ---: | ---: | ---: |");
console.log(paired.join("\n"));
console.log("\nBudget for 3× JSON.parse, and the floor of strings and bigints alone (ns per message):\n");
console.log("| message | drfcore decode | JSON.parse (protobuf JSON) ÷ 3 | JSON.parse (drfcore value) ÷ 3 | its strings alone | its bigints alone | floor ÷ decode |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
console.log(budgets.join("\n"));
