/**
 * Property round trips for every message type: value → bytes → value and
 * value → Mesos JSON → value are identities, and the bytes are valid for an
 * independent decoder (plain protobufjs).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decode, encode, fromMesosJson, SUPPORTED_TYPES, toMesosJson } from "../../src/codec/index.js";
import { ALL_MESSAGE_TYPES, arbitraryFor } from "../arbitraries/mesos.js";
import { protobufjsToPbjson, root, toPbjson } from "./representation.js";

const CORE = new Set([
  "mesos.TaskInfo", "mesos.TaskStatus", "mesos.Offer", "mesos.Resource", "mesos.Value", "mesos.FrameworkInfo",
  "mesos.SlaveInfo", "mesos.MasterInfo", "mesos.ExecutorInfo", "mesos.ResourceUsage", "mesos.ResourceStatistics",
  "mesos.PerfStatistics", "mesos.ContainerInfo", "mesos.HealthCheck", "mesos.CommandInfo", "mesos.ContainerID",
]);
const runs = (t: string) => (CORE.has(t) ? 60 : 15);

it("supports every message type of the schema", () => {
  expect([...SUPPORTED_TYPES].sort()).toEqual(ALL_MESSAGE_TYPES);
});

describe.each(ALL_MESSAGE_TYPES.map((t) => [t]))("%s", (typeName) => {
  it("value → bytes → value is the identity, and protobufjs reads the same message", () => {
    fc.assert(
      fc.property(arbitraryFor(typeName), (value) => {
        const bytes = encode(typeName, value);
        expect(decode(typeName, bytes)).toEqual(value);
        // protobufjs cannot read an enum number its schema lacks (an unknown ContainerInfo type),
        // and its plain-object maps cannot hold the key "__proto__".
        if (outsideProtobufjs(value)) return;
        const ours = toPbjson(root.lookupType(typeName), value);
        expect(protobufjsToPbjson(typeName, bytes)).toEqual(normalisePbjson(ours));
      }),
      { numRuns: runs(typeName) },
    );
  });

  it("value → Mesos JSON → value is the identity (for values with their defaulted fields set)", () => {
    fc.assert(
      fc.property(arbitraryFor(typeName, { setDefaults: true }), (value) => {
        expect(fromMesosJson(typeName, toMesosJson(typeName, value))).toEqual(value);
      }),
      { numRuns: runs(typeName) },
    );
  });
});

/** protobufjs writes NaN doubles as "NaN" in its JSON form; match that. */
function normalisePbjson(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(normalisePbjson);
  if (typeof x === "number" && Number.isNaN(x)) return "NaN";
  if (typeof x === "object" && x !== null) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, normalisePbjson(v)]));
  return x;
}

/** Whether a value holds a ContainerInfo whose `type` is a bare number, or a map key "__proto__". */
function outsideProtobufjs(x: unknown): boolean {
  if (Array.isArray(x)) return x.some(outsideProtobufjs);
  if (x instanceof Map) return x.has("__proto__") || [...x.values()].some(outsideProtobufjs);
  if (typeof x === "object" && x !== null && !(x instanceof Uint8Array)) {
    return Object.entries(x).some(([k, v]) => (k === "type" && typeof v === "number") || outsideProtobufjs(v));
  }
  return false;
}
