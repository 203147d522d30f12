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
import { varintBytes } from "./test-helpers.js";
import { fcParams } from "../fc-params.js";


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
      fcParams(2000),
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
      fcParams(2000),
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

describe("Reader length prefixes", () => {
  it("lengthDelimited returns the end of the field, one-byte and longer prefixes alike, and rejects a length past `end`", () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(127), fc.nat(40_000)), fc.nat(3), fc.integer({ min: -2, max: 2 }), (len, prefix, slack) => {
        const head = varintBytes(BigInt(len));
        const r = readerOver([...head, ...Array(len).fill(0x61)], prefix, 4);
        const end = prefix + head.length + len + slack; // the enclosing message ends `slack` bytes after the field
        if (slack >= 0) {
          expect(r.lengthDelimited(end)).toBe(prefix + head.length + len);
          expect(r.pos).toBe(prefix + head.length);
        } else {
          expect(problemOf(() => r.lengthDelimited(end))).toBe(`length ${len} runs past the end of the data`);
        }
      }),
      fcParams(500),
    );
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
      fcParams(2000),
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
      fcParams(3000),
    );
  });
});

describe("Reader doubles, bytes and wrapper fast paths", () => {
  it("reads runs of doubles exactly, from a view that starts inside a larger buffer", () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { minLength: 1, maxLength: 6 }), fc.nat(9), (values, offset) => {
        const backing = new Uint8Array(offset + values.length * 8 + 3).fill(0xee);
        const view = new DataView(backing.buffer);
        values.forEach((v, i) => view.setFloat64(offset + i * 8, v, true));
        const r = new Reader(backing.subarray(offset, offset + values.length * 8));
        for (const v of values) expect(Object.is(r.double(), v)).toBe(true);
        expect(problemOf(() => r.double())).toBe("truncated 64-bit value");
      }),
      fcParams(500),
    );
  });

  it("bytes are a fresh plain Uint8Array, also when the input is a Node Buffer", () => {
    for (const make of [(a: number[]) => Uint8Array.from(a), (a: number[]) => Buffer.from(a)]) {
      const input = make([3, 1, 2, 3, 9]);
      const r = new Reader(input);
      const out = r.bytes(input.length);
      expect(out.constructor).toBe(Uint8Array);
      expect([...out]).toEqual([1, 2, 3]);
      input[1] = 77;
      expect(out[0]).toBe(1);
      expect(r.pos).toBe(4);
    }
  });

  it("wrappedString/wrappedDouble take exactly one field 1 and leave everything else to the general decoder", () => {
    const at = (bytes: number[]) => new Reader(Uint8Array.from(bytes));
    const abc = [0x0a, 3, 0x61, 0x62, 0x63];
    let r = at(abc);
    expect(r.wrappedString(5)).toBe("abc");
    expect(r.pos).toBe(5);
    // Not exactly {value: ascii}: a second field, a repeated value, non-ASCII, a wrong tag, an empty message.
    for (const bytes of [[...abc, 0x10, 1], [...abc, ...abc], [0x0a, 2, 0xc3, 0xa9], [0x12, 3, 0x61, 0x62, 0x63], []]) {
      r = at(bytes);
      expect(r.wrappedString(bytes.length)).toBeUndefined();
      expect(r.pos).toBe(0);
    }
    const dbl = [0x09, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f]; // 1.5
    r = at(dbl);
    expect(r.wrappedDouble(9)).toBe(1.5);
    expect(r.pos).toBe(9);
    for (const bytes of [[...dbl, ...dbl], [0x11, ...dbl.slice(1)], []]) {
      r = at(bytes);
      expect(r.wrappedDouble(bytes.length)).toBeUndefined();
      expect(r.pos).toBe(0);
    }
  });

  it("reads ASCII strings of every length up to 70 at any offset", () => {
    for (let len = 0; len <= 70; len++) {
      const text = Array.from({ length: len }, (_, i) => String.fromCharCode(32 + ((i * 7 + len) % 95))).join("");
      for (const offset of [0, 3]) {
        const bytes = Uint8Array.from([...Array(offset).fill(0x0a), len, ...new TextEncoder().encode(text), 0x7f]);
        const r = new Reader(bytes);
        r.pos = offset;
        expect(r.string(bytes.length - 1)).toBe(text);
        expect(r.pos).toBe(bytes.length - 1);
      }
    }
  });
});
