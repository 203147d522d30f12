/**
 * Loads the drfcore WebAssembly module (built by `asc` from `assembly/`)
 * once per process and exposes its raw exports and memory. Loading is
 * synchronous and cached: the first call compiles, every later call returns
 * the same instance.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The raw exports of build/drfcore.wasm. Pointers are byte offsets into
 * `memory`; the formats behind them are documented in assembly/layout.ts.
 */
export interface WasmExports {
  readonly memory: WebAssembly.Memory;
  arenaBase(): number;
  staticEnd(): number;
  sumFixed(ptr: number, count: number): bigint;
  vecAdd(dst: number, src: number, width: number): void;
  vecSubtract(dst: number, src: number, width: number): number;
  vecContains(a: number, b: number, width: number): number;
  vecCompare(a: number, b: number, width: number): number;
  rangesUnion(a: number, na: number, b: number, nb: number, out: number): number;
  rangesSubtract(a: number, na: number, b: number, nb: number, out: number): number;
  rangesIntersect(a: number, na: number, b: number, nb: number, out: number): number;
  rangesContains(a: number, na: number, b: number, nb: number): number;
  rangesPick(a: number, na: number, count: number, out: number): number;
  boundsUnion(a: number, na: number, b: number, nb: number, out: number): number;
  boundsSubtract(a: number, na: number, b: number, nb: number, out: number): number;
  boundsIntersect(a: number, na: number, b: number, nb: number, out: number): number;
  boundsContains(a: number, na: number, b: number, nb: number): number;
  boundsPick(a: number, na: number, count: number, out: number): number;
  batchSum(base: number, width: number, rows: number, count: number, out: number): void;
  batchContainsMask(base: number, width: number, count: number, demand: number, mask: number): number;
  batchSubtract(base: number, width: number, targets: number, allocs: number, count: number): number;
  batchAdd(base: number, width: number, targets: number, adds: number, count: number): void;
  batchRangesContainsMask(pool: number, table: number, count: number, demand: number, nd: number, mask: number, wide: number): number;
  batchRangesSubtract(pool: number, table: number, targets: number, caps: number, allocPool: number, allocTable: number, count: number, out: number, overflow: number, wide: number): number;
}

let cached: WasmExports | undefined;

/** Path of the compiled module, relative to this file in src/ or dist/. */
export const WASM_PATH = fileURLToPath(new URL("../../build/drfcore.wasm", import.meta.url));

/** True once the module has been compiled and instantiated in this process (by a call to `wasm()`). */
export function isWasmLoaded(): boolean {
  return cached !== undefined;
}

/** Returns the instantiated module, compiling it synchronously on first use. */
export function wasm(): WasmExports {
  if (cached) return cached;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(readFileSync(WASM_PATH));
  } catch (err) {
    throw new Error(`drfcore: Wasm module missing at ${WASM_PATH}; run \`npm run build:wasm\` (${(err as Error).message})`);
  }
  const module = new WebAssembly.Module(bytes);
  const instance = new WebAssembly.Instance(module, {
    env: {
      abort(_msg: number, _file: number, line: number, column: number): never {
        throw new Error(`drfcore Wasm abort at ${line}:${column}`);
      },
    },
  });
  const exports = instance.exports as unknown as WasmExports;
  if (exports.staticEnd() > exports.arenaBase()) {
    throw new Error(`drfcore: Wasm static data ends at ${exports.staticEnd()}, above the arena base ${exports.arenaBase()} (assembly/layout.ts)`);
  }
  cached = exports;
  return cached;
}
