/**
 * The wire reader's 64-bit varints and strings against independent, obviously
 * correct restatements of the protobuf encoding (bigint arithmetic, one byte at
 * a time; `TextDecoder` with `fatal: true`). Both decoders share this reader,
 * so the compiled-vs-reference agreement tests cannot catch a mistake here.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Reader } from "../../src/codec/wire.js";
import { PathedProblem } from "../../src/codec/errors.js";

/** Base-128 little-endian groups of a 64-bit pattern, as the protobuf spec defines varints. */
function varintBytes(v: bigint): number[] {
  let u = BigInt.asUintN(64, v);
  const out: number[] = [];
  do {
    const low = Number(u & 0x7fn);
    u >>= 7n;
    out.push(u > 0n ? low | 0x80 : low);
  } while (u > 0n);
  return out;
}

/** A reader positioned after `prefix` filler bytes, with `suffix` more after the varint. */
function readerOver(bytes: number[], prefix: number, suffix: number): Reader {
  const r = new Reader(Uint8Array.from([...Array(prefix).fill(0xaa), ...bytes, ...Array(suffix).fill(0x55)]));
  r.pos = prefix;
  return r;
}

function problemOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PathedProblem) return e.message;
    throw e;
  }
  return "no problem";
}

const u64 = fc.oneof(fc.bigInt(0n, 1023n), fc.bigInt(0n, 2n ** 53n), fc.bigInt(0n, 2n ** 64n - 1n), fc.constantFrom(2n ** 32n - 1n, 2n ** 32n, 2n ** 63n, 2n ** 64n - 1n, 1024n, 2n ** 53n + 1n));
const i64 = fc.oneof(fc.bigInt(-1024n, 1023n), fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n), fc.constantFrom(-1n, -(2n ** 63n), 2n ** 63n - 1n, -(2n ** 31n)));
// Where the varint sits: far from the end (unchecked fast path) or within 10 bytes of it (checked path).
const layout = fc.tuple(fc.nat(3), fc.oneof(fc.constant(0), fc.nat(12)));

describe("Reader 64-bit varints", () => {
  it("varint64 reads every uint64 exactly, wherever it sits in the buffer", () => {
    fc.assert(
      fc.property(u64, layout, (v, [prefix, suffix]) => {
        const bytes = varintBytes(v);
        const r = readerOver(bytes, prefix, suffix);
        expect(r.varint64()).toBe(v);
        expect(r.pos).toBe(prefix + bytes.length);
      }),
      { numRuns: 2000 },
    );
  });

  it("varint64Signed reads every int64 exactly (negatives are 10-byte two's complement)", () => {
    fc.assert(
      fc.property(i64, layout, (v, [prefix, suffix]) => {
        const bytes = varintBytes(v);
        if (v < 0n) expect(bytes.length).toBe(10);
        const r = readerOver(bytes, prefix, suffix);
        expect(r.varint64Signed()).toBe(v);
        expect(r.pos).toBe(prefix + bytes.length);
      }),
      { numRuns: 2000 },
    );
  });

  it("non-minimal encodings (padding with 0x80 groups) read the same value", () => {
    // protobuf parsers accept redundant continuation groups up to 10 bytes.
    const r = readerOver([0x85, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00], 0, 5);
    expect(r.varint64()).toBe(5n);
    expect(readerOver([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], 0, 0).varint64()).toBe(2n ** 64n - 1n);
  });

  it("rejects an 11th byte, a 10th byte above 1, and a varint cut short by the end of the data", () => {
    const eleven = [...Array(10).fill(0xff), 0x01];
    for (const suffix of [0, 12]) {
      expect(problemOf(() => readerOver(eleven, 0, suffix).varint64())).toBe("varint longer than 10 bytes");
      expect(problemOf(() => readerOver([...Array(9).fill(0xff), 0x02], 0, suffix).varint64Signed())).toBe("varint longer than 64 bits");
    }
    expect(problemOf(() => readerOver([0x80, 0x80, 0x80], 0, 0).varint64())).toBe("truncated varint");
    expect(problemOf(() => readerOver([0xff], 0, 0).varint64Signed())).toBe("truncated varint");
  });
});

describe("Reader strings", () => {
  const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const lengthPrefixed = (payload: Uint8Array): Uint8Array => Uint8Array.from([...varintBytes(BigInt(payload.length)), ...payload]);

  it("reads every valid UTF-8 string (ASCII and not, short and long) as TextDecoder does", () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 80 }), fc.string({ maxLength: 300 }));
    fc.assert(
      fc.property(text, (s) => {
        const utf8 = new TextEncoder().encode(s);
        const bytes = lengthPrefixed(utf8);
        const r = new Reader(bytes);
        expect(r.string(bytes.length)).toBe(fatal.decode(utf8));
        expect(r.pos).toBe(bytes.length);
      }),
      { numRuns: 2000 },
    );
  });

  it("rejects exactly the byte strings that are not UTF-8", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (payload) => {
        const bytes = lengthPrefixed(payload);
        let expected: string;
        try {
          expected = fatal.decode(payload);
        } catch {
          expect(problemOf(() => new Reader(bytes).string(bytes.length))).toBe("string is not valid UTF-8");
          return;
        }
        expect(new Reader(bytes).string(bytes.length)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
