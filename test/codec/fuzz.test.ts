/**
 * Fuzzing: random and mutated bytes, mutated Mesos JSON and arbitrary
 * JavaScript values. The only acceptable outcomes are a CodecError or a valid
 * value (one that encodes again and decodes to itself); never another
 * exception, never a hang.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CodecError, decode, encode, fromMesosJson, toMesosJson } from "../../src/codec/index.js";
import { VECTORS } from "./vectors.js";
import { corrupt, JUNK } from "./corrupt.js";
import { arbitraryFor } from "../arbitraries/mesos.js";
import { fcParams } from "../fc-params.js";

const TYPES = [...new Set(VECTORS.map((v) => v.type))].sort();

/** Runs `fn`; a CodecError is fine, anything else thrown fails the test. Returns the value or undefined. */
function codecErrorOr<V>(fn: () => V): V | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CodecError) return undefined;
    throw e;
  }
}

function checkDecodedBytes(typeName: string, bytes: Uint8Array): void {
  const value = codecErrorOr(() => decode(typeName, bytes));
  if (value === undefined) return;
  // Whatever decodes must be a valid value: it re-encodes and decodes to itself, and converts to JSON and back.
  expect(decode(typeName, encode(typeName, value))).toEqual(value);
  expect(toMesosJson(typeName, fromMesosJson(typeName, toMesosJson(typeName, value)))).toBe(toMesosJson(typeName, value));
}

/** A byte-level mutation of a valid message: flip, overwrite, insert, delete or truncate. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant("set" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(src: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  let b = [...src];
  for (const m of ms) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    switch (m.op) {
      case "flip": if (at < b.length) b[at]! ^= 1 << m.bit; break;
      case "set": if (at < b.length) b[at] = m.byte; break;
      case "insert": b.splice(at, 0, ...m.bytes); break;
      case "delete": b.splice(at, m.count); break;
      case "truncate": b = b.slice(0, at); break;
    }
  }
  return new Uint8Array(b);
}

describe("binary fuzzing", () => {
  it("random bytes as every vector type give a CodecError or a valid value", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.uint8Array({ maxLength: 64 }), (typeName, bytes) => checkDecodedBytes(typeName, bytes)),
      fcParams(3000),
    );
  });

  it("mutated vectors give a CodecError or a valid value", () => {
    fc.assert(
      fc.property(fc.constantFrom(...VECTORS), fc.array(mutation, { minLength: 1, maxLength: 3 }), (v, ms) =>
        checkDecodedBytes(v.type, mutate(v.bin, ms)),
      ),
      fcParams(3000),
    );
  });

  it("vectors decoded as the wrong type give a CodecError or a valid value", () => {
    fc.assert(
      fc.property(fc.constantFrom(...VECTORS), fc.constantFrom(...TYPES), (v, typeName) => checkDecodedBytes(typeName, v.bin)),
      fcParams(1000),
    );
  });
});

describe("Mesos JSON fuzzing", () => {
  const TOKENS = ["{", "}", "[", "]", ",", ":", '"', "null", "true", "-", "1e999", "18446744073709551616", '"Infinity"', '"x"', "\\", "0.5"];

  it("mutated vector JSON gives a CodecError or a valid value", () => {
    const edit = fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 3 }), insert: fc.constantFrom("", ...TOKENS) });
    fc.assert(
      fc.property(fc.constantFrom(...VECTORS), fc.array(edit, { minLength: 1, maxLength: 3 }), (v, edits) => {
        let text = v.json;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.del);
        }
        const value = codecErrorOr(() => fromMesosJson(v.type, text));
        if (value !== undefined) expect(decode(v.type, encode(v.type, value))).toEqual(value);
      }),
      fcParams(3000),
    );
  });

  it("arbitrary JSON documents give a CodecError or a valid value", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.json(), (typeName, text) => {
        const value = codecErrorOr(() => fromMesosJson(typeName, text));
        if (value !== undefined) expect(decode(typeName, encode(typeName, value))).toEqual(value);
      }),
      fcParams(2000),
    );
  });
});

describe("encoding fuzzing", () => {
  it("valid values with one property replaced by junk give a CodecError or bytes/JSON that read back", () => {
    const types = ["mesos.TaskInfo", "mesos.Offer", "mesos.TaskStatus", "mesos.Resource", "mesos.FrameworkInfo", "mesos.ResourceUsage"];
    fc.assert(
      fc.property(fc.constantFrom(...types).chain((t) => fc.tuple(fc.constant(t), arbitraryFor(t))), fc.nat(), JUNK, ([t, value], pick, junk) => {
        const damaged = corrupt(value, pick, junk);
        const bytes = codecErrorOr(() => encode(t, damaged as never));
        if (bytes !== undefined) decode(t, bytes);
        const json = codecErrorOr(() => toMesosJson(t, damaged as never));
        if (json !== undefined) fromMesosJson(t, json);
      }),
      fcParams(1500),
    );
  });

  it("arbitrary JavaScript values give a CodecError or bytes that decode", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.anything({ withBigInt: true, withMap: true, withTypedArray: true }), (typeName, value) => {
        const bytes = codecErrorOr(() => encode(typeName, value as never));
        if (bytes !== undefined) decode(typeName, bytes);
        codecErrorOr(() => toMesosJson(typeName, value as never));
      }),
      fcParams(2000),
    );
  });
});
