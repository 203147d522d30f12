/**
 * Every golden vector (produced by protoc and Mesos' own JSON code, see
 * test/fixtures/vectors/README.md) against the codec:
 * decode == case, encode → decode == case, Mesos JSON == `.json` by value.
 */
import { describe, expect, it } from "vitest";
import { decode, encode, fromMesosJson, toMesosJson } from "../../src/codec/index.js";
import { fromPbjson, protobufjsToPbjson, root, toPbjson } from "./representation.js";
import { jsonDifference, parseLossless } from "./lossless-json.js";
import { VECTORS } from "./vectors.js";

describe.each(VECTORS.map((v) => [v.name, v] as const))("vector %s", (_name, v) => {
  const type = root.lookupType(v.type);

  it("proto/mesos.proto is wire-compatible: plain protobufjs with our schema decodes the .bin to the .pbjson", () => {
    expect(protobufjsToPbjson(v.type, v.bin)).toEqual(v.pbjson);
  });

  it("decodes to the case", () => {
    const value = decode(v.type, v.bin);
    expect(toPbjson(type, value)).toEqual(v.pbjson);
  });

  it("encodes the case to bytes that decode back to it", () => {
    const bytes = encode(v.type, fromPbjson(type, v.pbjson));
    expect(protobufjsToPbjson(v.type, bytes)).toEqual(v.pbjson);
    expect(toPbjson(type, decode(v.type, bytes))).toEqual(v.pbjson);
    // protoc writes fields in number order and maps sorted, as the encoder does.
    expect(Buffer.from(bytes).toString("hex")).toBe(Buffer.from(v.bin).toString("hex"));
  });

  it("writes Mesos JSON equal to the .json by value", () => {
    const ours = toMesosJson(v.type, decode(v.type, v.bin));
    expect(jsonDifference(parseLossless(ours), parseLossless(v.json))).toBeUndefined();
  });

  it("reads Mesos' JSON back to a message whose JSON is the same", () => {
    const back = fromMesosJson(v.type, v.json);
    expect(jsonDifference(parseLossless(toMesosJson(v.type, back)), parseLossless(v.json))).toBeUndefined();
  });
});

describe("vector set", () => {
  // 100 when copied; the shared set may grow (scripts/sync-fixtures.sh), never shrink.
  it("has at least the 100 cases the README lists", () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(100);
  });

  it("writes every vector's Mesos JSON byte for byte (Grisu2 doubles included)", () => {
    const differing = VECTORS.filter((v) => toMesosJson(v.type, decode(v.type, v.bin)) !== v.json).map((v) => v.name);
    expect(differing).toEqual([]);
  });
});
