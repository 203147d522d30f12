/**
 * drfcore's public API: the Mesos types (under the `mesos` namespace) and
 * codec, Resources with Mesos semantics, the hierarchical DRF allocator,
 * scenario replay and the simulation. See docs/ARCHITECTURE.md.
 */
export * as mesos from "./types/index.js";
export * from "./codec/index.js";
export * from "./resources/index.js";
export { rangeKernels, columnKernels, RANGE_CROSSOVER, COLUMN_CROSSOVER } from "./resources/kernels.js";
export * from "./allocator/index.js";
export * from "./replay/index.js";
export * as simulate from "./simulate/index.js";
export { wasm, type WasmExports } from "./wasm/module.js";
