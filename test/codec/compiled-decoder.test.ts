/**
 * The compiled decoders (src/codec/decoder-gen.ts) and the interpreted
 * reference decoder (decodeMessage in src/codec/binary.ts) must agree on every
 * input: the same value, or a CodecError with the same message.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CodecError, decode, encode } from "../../src/codec/index.js";
import { decodeBinaryReference } from "../../src/codec/binary.js";
import { messageDesc } from "../../src/codec/schema.js";
import { ALL_MESSAGE_TYPES, arbitraryFor } from "../arbitraries/mesos.js";
import { VECTORS } from "./vectors.js";

type Outcome = { ok: true; value: unknown } | { ok: false; message: string };

function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof CodecError) return { ok: false, message: e.message };
    throw e;
  }
}

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
      { numRuns: 500 },
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
      { numRuns: 3000 },
    );
  });
});
