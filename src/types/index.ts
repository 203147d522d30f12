/**
 * Every Mesos v0 core type drfcore works with, as idiomatic TypeScript.
 * See docs/codec.md for the mapping rules (names, bigint, presence, unions).
 */
export * from "./ids.js";
export * from "./labels.js";
export * from "./value.js";
export * from "./resource.js";
export * from "./common.js";
export * from "./credential.js";
export * from "./command.js";
export * from "./container.js";
export * from "./health.js";
export * from "./discovery.js";
export * from "./executor.js";
export * from "./framework.js";
export * from "./agent.js";
export * from "./master.js";
export * from "./offer.js";
export * from "./task.js";
export * from "./statistics.js";
