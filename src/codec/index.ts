/**
 * drfcore's Mesos codec: protobuf binary and Mesos JSON for every message in
 * proto/mesos.proto, with `CodecError` for every kind of bad input.
 */
export { CodecError } from "./errors.js";
export * from "./registry.js";
export { formatDouble, parseJson, type JsonNode } from "./json-text.js";
export type { JsonReadOptions } from "./json.js";
