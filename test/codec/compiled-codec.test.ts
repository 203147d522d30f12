/**
 * The compiled decoders and encoders (src/codec/decoder-gen.ts,
 * encoder-gen.ts) and the interpreted reference paths (decodeMessage and
 * encodeMessage in src/codec/binary.ts) must agree on every input: the same
 * value or bytes, or a CodecError with the same message.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decode, encode } from "../../src/codec/index.js";
import { decodeBinaryReference, encodeBinary } from "../../src/codec/binary.js";
import { messageDesc } from "../../src/codec/schema.js";
import { ALL_MESSAGE_TYPES, arbitraryFor } from "../arbitraries/mesos.js";
import { VECTORS } from "./vectors.js";
import { corrupt, JUNK } from "./corrupt.js";
import { outcome } from "./test-helpers.js";
import { fcParams } from "../fc-params.js";


function agree(typeName: string, bytes: Uint8Array): void {
  const compiled = outcome(() => decode(typeName, bytes));
  const reference = outcome(() => decodeBinaryReference(messageDesc(typeName)!, bytes));
  expect(compiled).toEqual(reference);
}

describe("compiled decoder vs reference decoder", () => {
  it("agree on every vector", () => {
    for (const v of VECTORS) agree(v.type, v.bin);
  });

  it("agree on encoded random values of every type", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_MESSAGE_TYPES).chain((t) => fc.tuple(fc.constant(t), arbitraryFor(t))), ([t, value]) =>
        agree(t, encode(t, value)),
      ),
      fcParams(500),
    );
  });

  it("agree on random and corrupted bytes (same error messages)", () => {
    const types = [...new Set(VECTORS.map((v) => v.type))];
    fc.assert(
      fc.property(
        fc.constantFrom(...VECTORS),
        fc.constantFrom(...types),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.nat(),
        (v, t, sets, cut) => {
          const b = new Uint8Array(v.bin);
          for (const [at, byte] of sets) if (b.length) b[at % b.length] = byte;
          agree(t, b.subarray(0, b.length ? cut % (b.length + 1) : 0));
          agree(v.type, b);
        },
      ),
      fcParams(3000),
    );
  });
});

describe("compiled decoder's fast mode and object mode", () => {
  // Field 1999, varint 1: unknown to every message, so only the reference path can read it.
  const UNKNOWN = [0xf8, 0xfC, 0x01, 0x01];
  const concat = (...parts: Iterable<number>[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
  const types = ["mesos.TaskInfo", "mesos.Offer", "mesos.TaskStatus", "mesos.ResourceUsage", "mesos.ResourceStatistics", "mesos.FrameworkInfo", "mesos.Resource", "mesos.ContainerInfo"];

  it("agree with the reference when an unknown field hands a message over mid-way (concatenated messages merge)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...types).chain((t) => fc.tuple(fc.constant(t), arbitraryFor(t), arbitraryFor(t))),
        fc.integer({ min: 0, max: 2 }),
        ([t, first, second], where) => {
          const a = encode(t, first);
          const b = encode(t, second);
          const bytes = where === 0 ? concat(UNKNOWN, a, b) : where === 1 ? concat(a, UNKNOWN, b) : concat(a, b, UNKNOWN);
          agree(t, bytes);
          // Skipping the unknown field leaves exactly the merge of the two messages (or the same error).
          expect(outcome(() => decode(t, bytes))).toEqual(outcome(() => decode(t, concat(a, b))));
        },
      ),
      fcParams(400),
    );
  });

  it("read a Value.Range in place only in its usual form (begin, end, once each), and otherwise like the reference", () => {
    const range = (...body: number[]) => [0x0a, body.length, ...body];
    const cases = [
      range(0x08, 0x05, 0x10, 0x07), // usual: begin 5, end 7
      range(0x10, 0x07, 0x08, 0x05), // reversed order: still {begin: 5, end: 7}
      range(0x08, 0x05, 0x10, 0x07, 0x10, 0x09), // end repeated: the last wins
      range(0x08, 0x05, 0x10, 0x07, 0xf8, 0xfc, 0x01, 0x01), // an unknown field after
      range(0x08, 0x05), // end missing: an error
      range(0x08, 0x05, 0x10), // end truncated
      range(0x08, ...Array(10).fill(0xff), 0x01, 0x10, 0x07), // begin's varint 11 bytes long
      range(0x08, 0x80, 0x10, 0x07), // begin's varint runs into the next field
      range(0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x10, 0x07), // begin 2^64-1
      range(0x09, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0x07), // begin with the wrong wire type
    ];
    for (const c of cases) {
      agree("mesos.Value.Ranges", Uint8Array.from(c));
      agree("mesos.Value.Ranges", Uint8Array.from([...range(0x08, 0x01, 0x10, 0x02), ...c, ...range(0x08, 0x03, 0x10, 0x04)]));
    }
    expect(decode("mesos.Value.Ranges", Uint8Array.from(cases[1]!))).toEqual([{ begin: 5n, end: 7n }]);
    expect(decode("mesos.Value.Ranges", Uint8Array.from(cases[2]!))).toEqual([{ begin: 5n, end: 9n }]);
    expect(() => decode("mesos.Value.Ranges", Uint8Array.from(cases[4]!))).toThrow("mesos.Value.Ranges at range[0]: missing required field 'end'");
  });

  it("build objects with exactly the fields present, for more presence patterns than builders are cached", () => {
    // ResourceStatistics/PerfStatistics have 55/53 fields (two mask words); 300 random subsets pass the cache bound (64).
    for (const t of ["mesos.ResourceStatistics", "mesos.PerfStatistics"]) {
      fc.assert(
        fc.property(arbitraryFor(t), (value) => {
          const bytes = encode(t, value);
          agree(t, bytes);
          const decoded = decode(t, bytes) as Record<string, unknown>;
          expect(Object.keys(decoded).sort()).toEqual(Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort());
        }),
        fcParams(300),
      );
    }
  });
});

function agreeEncoding(typeName: string, value: unknown): void {
  const compiled = outcome(() => encode(typeName, value as never));
  const reference = outcome(() => encodeBinary(messageDesc(typeName)!, value));
  expect(compiled).toEqual(reference);
}

describe("compiled encoder vs reference encoder", () => {
  it("agree on random values of every type", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_MESSAGE_TYPES).chain((t) => fc.tuple(fc.constant(t), arbitraryFor(t))), ([t, value]) =>
        agreeEncoding(t, value),
      ),
      fcParams(500),
    );
  });

  it("agree on values with one property replaced by junk (same error messages)", () => {
    const types = ["mesos.TaskInfo", "mesos.Offer", "mesos.TaskStatus", "mesos.ResourceUsage", "mesos.FrameworkInfo", "mesos.ContainerInfo"];
    fc.assert(
      fc.property(
        fc.constantFrom(...types).chain((t) => fc.tuple(fc.constant(t), arbitraryFor(t))),
        fc.nat(),
        JUNK,
        ([t, value], pick, junk) => agreeEncoding(t, corrupt(value, pick, junk)),
      ),
      fcParams(1500),
    );
  });
});

// One test body for both implementations of each direction.
const decoders = [
  ["compiled", (t: string, b: Uint8Array) => decode(t, b)],
  ["reference", (t: string, b: Uint8Array) => decodeBinaryReference(messageDesc(t)!, b)],
] as const;
const encoders = [
  ["compiled", (t: string, v: unknown) => encode(t, v as never)],
  ["reference", (t: string, v: unknown) => encodeBinary(messageDesc(t)!, v)],
] as const;

describe.each(decoders)("%s decoder", (_name, decodeWith) => {
  it("decodes every vector, and re-encoding gives protoc's bytes", () => {
    for (const v of VECTORS) expect(Buffer.from(encode(v.type, decodeWith(v.type, v.bin))).equals(Buffer.from(v.bin))).toBe(true);
  });
  it("rejects a truncated length with the path and problem", () => {
    expect(() => decodeWith("mesos.TaskID", new Uint8Array([0x0a, 0x05, 0x61]))).toThrow("mesos.TaskID at value: length 5 runs past the end of the data");
  });
});

describe.each(encoders)("%s encoder", (_name, encodeWith) => {
  it("encodes every vector's value to protoc's bytes", () => {
    for (const v of VECTORS) expect(Buffer.from(encodeWith(v.type, decode(v.type, v.bin))).equals(Buffer.from(v.bin))).toBe(true);
  });
  it("rejects a wrongly typed nested value with the path", () => {
    const bad = { name: "ports", type: "RANGES", ranges: [{ begin: 1, end: 2n }] };
    expect(() => encodeWith("mesos.Resource", bad)).toThrow("mesos.Resource at ranges.range[0].begin: expected a uint64 bigint, got number 1");
  });
});
