// Entry point of the drfcore Wasm module: re-exports every kernel.
// The memory map the kernels read and write is documented in layout.ts.
export * from "./layout";
export * from "./scalars";
export * from "./ranges";
export * from "./batch";
