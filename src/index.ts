/** drfcore's public API. */
export { wasm } from "./wasm/module.js";
