/**
 * The compiled decoders' in-place fast paths (one-byte varints and length
 * prefixes, short ASCII strings and ID wrappers read by the generated code,
 * 64-bit varints made into bigints in one function) at and around the edges
 * where they hand over to the Reader's general methods: the value must be the
 * one encoded (bigint arithmetic and the input strings are the expectation),
 * and the compiled and reference decoders must agree, errors included.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decode } from "../../src/codec/index.js";
import { decodeBinaryReference } from "../../src/codec/binary.js";
import { messageDesc } from "../../src/codec/schema.js";
import { outcome, type Outcome, varintBytes } from "./test-helpers.js";
import { fcParams } from "../fc-params.js";

const tag = (num: number, wt: number) => varintBytes(BigInt(num * 8 + wt));
const len = (payload: number[]) => [...varintBytes(BigInt(payload.length)), ...payload];
const utf8 = (s: string) => [...new TextEncoder().encode(s)];
/** Field 1 string: the bytes of an ID wrapper (`TaskID`, `SlaveID`, ...) or of a one-string message. */
const idBytes = (payload: number[]) => [...tag(1, 2), ...len(payload)];

/** Decodes with both decoders, expects them to agree, and returns the compiled one's outcome. */
function both(typeName: string, bytes: number[]): Outcome {
  const b = Uint8Array.from(bytes);
  const compiled = outcome(() => decode(typeName, b));
  expect(compiled).toEqual(outcome(() => decodeBinaryReference(messageDesc(typeName)!, b)));
  return compiled;
}

const STATE_RUNNING = [...tag(2, 0), 1]; // TaskStatus.state = TASK_RUNNING (1)
const text = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 140 }),
  fc.string({ maxLength: 70 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);

describe("string fast paths", () => {
  it("IDs, plain strings and label strings of every length 0-140, ASCII or not, decode to the encoded text", () => {
    fc.assert(
      fc.property(text, text, text, (id, message, key) => {
        const bytes = [
          ...tag(1, 2), ...len(idBytes(utf8(id))), ...STATE_RUNNING, ...tag(4, 2), ...len(utf8(message)),
          ...tag(12, 2), ...len([...tag(1, 2), ...len([...tag(1, 2), ...len(utf8(key))])]),
        ];
        const got = both("mesos.TaskStatus", bytes);
        expect(got).toEqual({ ok: true, value: { taskId: id, state: "TASK_RUNNING", message, labels: [{ key }] } });
      }),
      fcParams(400),
    );
    for (let n = 0; n <= 140; n++) {
      const s = "abcdefghij".repeat(15).slice(0, n);
      expect(both("mesos.TaskStatus", [...tag(1, 2), ...len(idBytes(utf8(s))), ...STATE_RUNNING, ...tag(4, 2), ...len(utf8(s))])).toEqual({
        ok: true, value: { taskId: s, state: "TASK_RUNNING", message: s },
      });
    }
  });

  it("a byte that is not UTF-8 in a short or long ID or string is the same CodecError from both decoders", () => {
    for (const n of [1, 5, 16, 40, 48, 49, 64, 65, 100]) {
      for (const at of [0, n - 1]) {
        const bad = utf8("x".repeat(n));
        bad[at] = 0xff;
        const inId = both("mesos.TaskStatus", [...tag(1, 2), ...len(idBytes(bad)), ...STATE_RUNNING]);
        expect(inId).toEqual({ ok: false, message: expect.stringContaining("string is not valid UTF-8") });
        expect(inId.ok ? "" : inId.message).toContain("task_id.value");
        const inMessage = both("mesos.TaskStatus", [...tag(1, 2), ...len(idBytes(utf8("t"))), ...STATE_RUNNING, ...tag(4, 2), ...len(bad)]);
        expect(inMessage.ok ? "" : inMessage.message).toContain("message");
      }
    }
  });

  it("an ID wrapper with a second field, a repeated value or an empty body is read by the general decoder, same value", () => {
    const id = utf8("task-1");
    // Field 1 twice (the last one wins, as protoc does), an unknown field after it, and no field at all.
    expect(both("mesos.TaskStatus", [...tag(1, 2), ...len([...idBytes(utf8("old")), ...idBytes(id)]), ...STATE_RUNNING])).toEqual({
      ok: true, value: { taskId: "task-1", state: "TASK_RUNNING" },
    });
    expect(both("mesos.TaskStatus", [...tag(1, 2), ...len([...idBytes(id), ...tag(9, 0), 1]), ...STATE_RUNNING])).toEqual({
      ok: true, value: { taskId: "task-1", state: "TASK_RUNNING" },
    });
    const empty = both("mesos.TaskStatus", [...tag(1, 2), 0, ...STATE_RUNNING]);
    expect(empty.ok ? "" : empty.message).toContain("missing required field 'value'");
  });

  it("a length prefix that runs past its message is the same error from both decoders, for one-byte and longer prefixes", () => {
    for (const n of [3, 40, 200]) {
      const body = idBytes(utf8("y".repeat(n)));
      const cut = both("mesos.TaskStatus", [...tag(1, 2), ...len(body.slice(0, -1)), ...STATE_RUNNING]);
      expect(cut.ok ? "" : cut.message).toContain(`length ${n} runs past the end of the data`);
    }
  });
});

describe("varint fast paths", () => {
  const u64 = fc.oneof(
    fc.bigInt(0n, 300n), fc.bigInt(0n, 2n ** 64n - 1n),
    fc.constantFrom(127n, 128n, 1023n, 1024n, 2n ** 31n - 1n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n),
  );
  const TIMESTAMP = [...tag(1, 1), 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]; // ResourceStatistics.timestamp = 1.0

  it("uint64 counters decode to the exact bigint encoded, around 2^7, 2^10, 2^31, 2^32, 2^53 and 2^64 - 1", () => {
    fc.assert(
      fc.property(u64, u64, (a, b) => {
        // mem_total_bytes = 36, mem_limit_bytes = 6: a two-byte tag and a one-byte tag.
        const bytes = [...TIMESTAMP, ...tag(36, 0), ...varintBytes(a), ...tag(6, 0), ...varintBytes(b)];
        expect(both("mesos.ResourceStatistics", bytes)).toEqual({ ok: true, value: { timestamp: 1, memTotalBytes: a, memLimitBytes: b } });
      }),
      fcParams(1000),
    );
  });

  it("doubles read in place decode to the encoded value; one cut short or running past its message is the same error from both decoders", () => {
    const f64 = (x: number) => [...new Uint8Array(Float64Array.of(x).buffer)];
    fc.assert(
      fc.property(fc.double(), fc.double(), (a, b) => {
        // timestamp = 1, cpus_user_time_secs = 2, cpus_limit = 4 (ResourceStatistics reads its doubles through a DataView).
        const bytes = [...tag(1, 1), ...f64(a), ...tag(2, 1), ...f64(b), ...tag(4, 1), ...f64(-0)];
        expect(both("mesos.ResourceStatistics", bytes)).toEqual({ ok: true, value: { timestamp: a, cpusUserTimeSecs: b, cpusLimit: -0 } });
      }),
      fcParams(300),
    );
    const cut = both("mesos.ResourceStatistics", [...tag(1, 1), ...f64(1), ...tag(2, 1), 0, 0, 0]);
    expect(cut.ok ? "" : cut.message).toContain("truncated 64-bit value");
    // Inside ResourceUsage.Executor (statistics = 3): the statistics message ends 4 bytes into its last double.
    const stats = [...tag(1, 1), ...f64(1), ...tag(2, 1), ...f64(2)];
    const overrun = both("mesos.ResourceUsage.Executor", [...tag(3, 2), ...len(stats.slice(0, -4)), ...tag(1, 2), ...len([]), 0, 0, 0, 0]);
    expect(overrun.ok).toBe(false);
  });

  it("uint32 fields keep the low 32 bits of any varint; an over-long varint is the same error from both decoders", () => {
    for (const v of [0n, 127n, 128n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 32n + 5n, 2n ** 64n - 1n]) {
      const got = both("mesos.ResourceStatistics", [...TIMESTAMP, ...tag(30, 0), ...varintBytes(v)]);
      expect(got).toEqual({ ok: true, value: { timestamp: 1, processes: Number(v & 0xffffffffn) } });
    }
    const eleven = both("mesos.ResourceStatistics", [...TIMESTAMP, ...tag(30, 0), ...Array(10).fill(0xff), 0x01]);
    expect(eleven.ok ? "" : eleven.message).toContain("varint longer than 10 bytes");
  });

  it("bools are true for any non-zero varint, in one byte or more; enums take multi-byte encodings; truncation is the same error", () => {
    const head = [...tag(1, 2), ...len(idBytes(utf8("t")))];
    for (const [raw, healthy] of [[[0], false], [[1], true], [[2], true], [[0x80, 0x01], true], [[0x80, 0x00], false]] as const) {
      expect(both("mesos.TaskStatus", [...head, ...STATE_RUNNING, ...tag(8, 0), ...raw])).toEqual({
        ok: true, value: { taskId: "t", state: "TASK_RUNNING", healthy },
      });
    }
    // TASK_RUNNING (1) written as a two-byte varint, and an enum number no TaskState has.
    expect(both("mesos.TaskStatus", [...head, ...tag(2, 0), 0x81, 0x00])).toEqual({ ok: true, value: { taskId: "t", state: "TASK_RUNNING" } });
    const unknown = both("mesos.TaskStatus", [...head, ...tag(2, 0), 0xc8, 0x01]);
    expect(unknown.ok ? "" : unknown.message).toContain("unknown enum value 200");
    for (const field of [[...tag(2, 0)], [...tag(8, 0)], [...tag(2, 0), 0x81]]) {
      const cut = both("mesos.TaskStatus", [...head, ...field]);
      expect(cut.ok ? "" : cut.message).toContain("truncated varint");
    }
  });
});

describe("payload check on locals", () => {
  // Field numbers of each payload, and of `type`, per message (mesos.proto); Value has no name.
  const layouts = {
    "mesos.Value": { name: undefined, type: 1, scalar: 2, ranges: 3, set: 4, text: 5 },
    "mesos.Attribute": { name: 1, type: 2, scalar: 3, ranges: 4, set: 6, text: 5 },
    "mesos.Resource": { name: 1, type: 2, scalar: 3, ranges: 4, set: 5, text: undefined },
  } as const;
  const TYPES = ["SCALAR", "RANGES", "SET", "TEXT"] as const;
  const payloadBytes = {
    scalar: [...tag(1, 1), 0, 0, 0, 0, 0, 0, 0xf0, 0x3f], // value 1.0
    ranges: [...tag(1, 2), ...len([...tag(1, 0), 5, ...tag(2, 0), 9])], // [5, 9]
    set: [...tag(1, 2), ...len(utf8("a"))],
    text: [...tag(1, 2), ...len(utf8("t"))],
  };

  it("a payload that does not match `type` is the payload check's error from both decoders; a matching one decodes", () => {
    for (const [typeName, layout] of Object.entries(layouts)) {
      for (const [payload, field] of Object.entries(layout)) {
        if (payload === "name" || payload === "type" || field === undefined) continue;
        for (const [n, type] of TYPES.entries()) {
          const bytes = [
            ...(layout.name === undefined ? [] : [...tag(layout.name, 2), ...len(utf8("cpus"))]),
            ...tag(layout.type, 0), n,
            ...tag(field, 2), ...len(payloadBytes[payload as keyof typeof payloadBytes]),
          ];
          const got = both(typeName, bytes);
          const needed = payload.toUpperCase();
          if (type === needed) expect(got.ok).toBe(true);
          else expect(got).toEqual({ ok: false, message: expect.stringContaining(`field '${payload}' does not match type ${type}; a ${needed} payload needs type ${needed}`) });
        }
      }
    }
  });
});
