/**
 * Loads the drfcore WebAssembly module (built by `asc` from `assembly/`)
 * once per process and exposes its raw exports and memory.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The raw exports of build/drfcore.wasm. */
export interface WasmExports {
  readonly memory: WebAssembly.Memory;
  sumFixed(ptr: number, count: number): bigint;
  [name: string]: unknown;
}

let cached: WasmExports | undefined;

/** Path of the compiled module, relative to this file in src/ or dist/. */
export const WASM_PATH = fileURLToPath(new URL("../../build/drfcore.wasm", import.meta.url));

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
  cached = instance.exports as unknown as WasmExports;
  return cached;
}
