/**
 * Bad input is part of the interface: every malformed byte string or JSON text
 * becomes a CodecError naming the type, the field path and the problem, and
 * everything protoc accepts (infinities, negative int32s, packed repeated
 * scalars, merged duplicate messages, both/neither TaskInfo implementations,
 * unknown container types) is accepted.
 */
import { describe, expect, it } from "vitest";
import protobuf from "protobufjs";
import { CodecError, decode, encode, fromMesosJson, toMesosJson } from "../../src/codec/index.js";
import { refuseSeconds, taskImplementationProblem, type TaskInfo } from "../../src/types/index.js";
import { root } from "./representation.js";
import { vector } from "./vectors.js";

/** Bytes built with plain protobufjs (which does not enforce required fields). */
function pb(typeName: string, obj: Record<string, unknown>): Uint8Array {
  const t = root.lookupType(typeName);
  return t.encode(t.fromObject(obj)).finish();
}
const hex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ""), "hex"));

function codecError(fn: () => unknown): CodecError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CodecError);
    return e as CodecError;
  }
  throw new Error("expected a CodecError, but the call succeeded");
}

describe("binary decoding rejects malformed bytes", () => {
  it("a length that runs past the end", () => {
    const e = codecError(() => decode("mesos.TaskID", hex("0a 05 61 62")));
    expect(e.typeName).toBe("mesos.TaskID");
    expect(e.path).toBe("value");
    expect(e.message).toMatch(/^mesos\.TaskID at value: length 5 runs past the end/);
  });

  it("a truncated varint", () => {
    const e = codecError(() => decode("mesos.TaskStatus", hex("0a 03 0a 01 61 10 ff")));
    expect(e.path).toBe("state");
    expect(e.problem).toBe("truncated varint");
  });

  it("a truncated double", () => {
    expect(codecError(() => decode("mesos.Filters", hex("09 00 00 00"))).problem).toBe("truncated 64-bit value");
  });

  it("every prefix of a vector cut inside its first length-delimited field", () => {
    const bin = vector("taskinfo_command").bin; // starts with name (field 1, LEN)
    const nameEnd = 2 + bin[1]!;
    for (let cut = 1; cut < nameEnd; cut++) {
      expect(() => decode("mesos.TaskInfo", bin.subarray(0, cut))).toThrow(CodecError);
    }
  });

  it("a missing required field, at top level and nested", () => {
    // Offer { framework_id: "f", slave_id: "s", hostname: "h" } with no id (protobufjs refuses to write it).
    const offer = hex("12 03 0a 01 66  1a 03 0a 01 73  22 01 68");
    expect(codecError(() => decode("mesos.Offer", offer)).message).toBe("mesos.Offer: missing required field 'id'");
    const first = pb("mesos.TaskInfo", {
      name: "t", task_id: { value: "t1" }, slave_id: { value: "s1" },
      resources: [{ name: "cpus", type: "SCALAR", scalar: { value: 1 } }],
    });
    // resources[1] = Resource { type: SCALAR, scalar { value: 2.0 } } without its required name.
    const task = new Uint8Array([...first, ...hex("22 0d 10 00 1a 09 09 00 00 00 00 00 00 00 40")]);
    const e = codecError(() => decode("mesos.TaskInfo", task));
    expect(e.path).toBe("resources[1]");
    expect(e.problem).toBe("missing required field 'name'");
  });

  it("a wrong wire type for a known field", () => {
    const e = codecError(() => decode("mesos.TaskID", hex("08 05")));
    expect(e.message).toBe("mesos.TaskID at value: wire type VARINT does not match field 'value' (number 1), which needs LEN");
  });

  it("an enum number the schema does not know", () => {
    const bytes = hex("0a 03 0a 01 74  10 63"); // TaskStatus { task_id: "t", state: 99 }
    const e = codecError(() => decode("mesos.TaskStatus", bytes));
    expect(e.path).toBe("state");
    expect(e.problem).toBe("unknown enum value 99 for mesos.TaskState");
  });

  it("invalid UTF-8 in a string field", () => {
    expect(codecError(() => decode("mesos.TaskID", hex("0a 02 c3 28"))).problem).toBe("string is not valid UTF-8");
  });

  it("field number 0, wire types 6 and 7, and an unterminated group", () => {
    expect(codecError(() => decode("mesos.TaskID", hex("00 00"))).problem).toMatch(/field number 0/);
    expect(codecError(() => decode("mesos.TaskID", hex("0a 01 61 2e"))).problem).toMatch(/invalid wire type 6/);
    expect(codecError(() => decode("mesos.TaskID", hex("7b"))).problem).toMatch(/group 15 has no end/);
  });

  it("a Resource whose payload does not match its type", () => {
    const bytes = pb("mesos.Resource", { name: "ports", type: "SCALAR", ranges: { range: [{ begin: 1, end: 2 }] } });
    expect(codecError(() => decode("mesos.Resource", bytes)).problem).toMatch(/'ranges' does not match type SCALAR/);
  });

  it("messages nested deeper than 100 levels", () => {
    // ContainerID { value: "c", parent { value: "c", parent { ... } } }, built inside out.
    const nest = (levels: number) => {
      let bytes = Buffer.from("0a0163", "hex");
      for (let i = 0; i < levels; i++) {
        const len = bytes.length;
        const prefix = len < 128 ? [0x12, len] : [0x12, (len & 0x7f) | 0x80, len >> 7];
        bytes = Buffer.concat([Buffer.from("0a0163", "hex"), Buffer.from(prefix), bytes]);
      }
      return new Uint8Array(bytes);
    };
    expect(codecError(() => decode("mesos.ContainerID", nest(150))).problem).toMatch(/nested deeper than 100/);
    let depth = 0;
    for (let id = decode("mesos.ContainerID", nest(50)); id.parent; id = id.parent) depth++;
    expect(depth).toBe(50);
  });

  it("an unknown type name", () => {
    expect(codecError(() => decode("mesos.NoSuchThing", new Uint8Array())).message).toMatch(/^mesos\.NoSuchThing: unknown message type/);
  });
});

describe("binary decoding accepts what protoc accepts", () => {
  it("infinite doubles and negative int32 ports (10-byte varints)", () => {
    expect(decode("mesos.Filters", vector("filters_infinity").bin)).toEqual({ refuseSeconds: Infinity });
    expect(decode("mesos.SlaveInfo", vector("slaveinfo_negative_port").bin).port).toBe(-1);
  });

  it("packed repeated scalars", () => {
    // HealthCheck { http { port: 80, statuses (packed) [200, 201] } }
    const bytes = hex("0a 08 08 50 22 04 c8 01 c9 01");
    expect(decode("mesos.HealthCheck", bytes)).toEqual({ http: { port: 80, statuses: [200, 201] } });
  });

  it("input that is a view into a larger buffer, or a Node Buffer", () => {
    const v = vector("taskinfo_command");
    const big = new Uint8Array(v.bin.length + 20);
    big.set(v.bin, 7);
    const expected = decode("mesos.TaskInfo", v.bin);
    expect(decode("mesos.TaskInfo", big.subarray(7, 7 + v.bin.length))).toEqual(expected);
    expect(decode("mesos.TaskInfo", Buffer.from(v.bin))).toEqual(expected);
  });

  it("unknown fields, which are skipped", () => {
    // TaskID { value: "a", 99: varint 7, 100: "zz" }
    expect(decode("mesos.TaskID", hex("0a 01 61 98 06 07 a2 06 02 7a 7a"))).toBe("a");
  });

  it("a singular message sent twice, which merges (protobuf's rule for concatenated messages)", () => {
    const a = pb("mesos.CommandInfo", { environment: { variables: [{ name: "A", value: "1" }] } });
    const b = pb("mesos.CommandInfo", { environment: { variables: [{ name: "B", value: "2" }] }, value: "run" });
    const merged = decode("mesos.CommandInfo", new Uint8Array([...a, ...b]));
    expect(merged).toEqual({ environment: { variables: [{ name: "A", value: "1" }, { name: "B", value: "2" }] }, value: "run" });
  });

  it("a TaskInfo with both command and executor, or neither, kept as such", () => {
    const base = { name: "t", task_id: { value: "t1" }, slave_id: { value: "s1" } };
    const both = pb("mesos.TaskInfo", { ...base, command: { value: "x" }, executor: { executor_id: { value: "e" } } });
    const task = decode("mesos.TaskInfo", both);
    expect(task.implementation).toEqual({ kind: "both", command: { value: "x" }, executor: { executorId: "e" } });
    expect(taskImplementationProblem(task)).toMatch(/both/);
    expect(decode("mesos.TaskInfo", encode("mesos.TaskInfo", task))).toEqual(task);
    const neither = decode("mesos.TaskInfo", vector("taskinfo_minimal").bin);
    expect(neither.implementation).toEqual({ kind: "neither" });
    expect(taskImplementationProblem(neither)).toMatch(/neither/);
  });

  it("an unknown ContainerInfo type, kept as its number through bytes and JSON", () => {
    const bytes = hex("08 07"); // ContainerInfo { type: 7 }
    const info = decode("mesos.ContainerInfo", bytes);
    expect(info).toEqual({ type: 7 });
    expect(encode("mesos.ContainerInfo", info)).toEqual(bytes);
    expect(toMesosJson("mesos.ContainerInfo", info)).toBe('{"type":7}');
    expect(fromMesosJson("mesos.ContainerInfo", '{"type":7}')).toEqual({ type: 7 });
  });

  it("unset Filters.refuse_seconds means 5 seconds, and presence is kept", () => {
    const empty = decode("mesos.Filters", vector("filters_empty").bin);
    expect(empty).toEqual({});
    expect(refuseSeconds(empty)).toBe(5);
    expect(decode("mesos.Filters", vector("filters_zero").bin)).toEqual({ refuseSeconds: 0 });
    expect(refuseSeconds(decode("mesos.Filters", vector("filters_zero").bin))).toBe(0);
  });
});

describe("encoding rejects values that do not fit the schema", () => {
  it("wrong JavaScript types, with the path", () => {
    expect(codecError(() => encode("mesos.TaskID", 5 as never)).problem).toMatch(/expected a string/);
    const bad = { name: "cpus", type: "SCALAR", scalar: "1" } as never;
    const e = codecError(() => encode("mesos.Resource", bad));
    expect(e.path).toBe("scalar.value");
    expect(e.problem).toMatch(/expected a number/);
    const range = { name: "ports", type: "RANGES", ranges: [{ begin: 1, end: 2n }] } as never;
    expect(codecError(() => encode("mesos.Resource", range)).path).toBe("ranges.range[0].begin");
  });

  it("out-of-range integers, unknown enum names, unknown properties and missing required fields", () => {
    expect(codecError(() => encode("mesos.MasterInfo", { id: "m", ip: 2 ** 32, port: 5050 })).problem).toMatch(/expected a uint32/);
    expect(codecError(() => encode("mesos.Value.Range", { begin: -1n, end: 1n })).problem).toMatch(/expected a uint64/);
    expect(codecError(() => encode("mesos.TaskStatus", { taskId: "t", state: "TASK_EXPLODED" } as never)).problem).toMatch(/unknown enum name/);
    expect(codecError(() => encode("mesos.Label", { key: "k", vaule: "typo" } as never)).problem).toMatch(/unknown field 'vaule'/);
    expect(codecError(() => encode("mesos.Offer", { id: "o" } as never)).problem).toMatch(/missing required field/);
  });

  it("a TaskInfo whose implementation is malformed", () => {
    const base = { name: "t", taskId: "t1", slaveId: "s1" };
    expect(codecError(() => encode("mesos.TaskInfo", { ...base } as never)).problem).toMatch(/implementation/);
    expect(codecError(() => encode("mesos.TaskInfo", { ...base, implementation: { kind: "command" } } as never)).problem).toMatch(/needs 'command'/);
    const stray = { ...base, implementation: { kind: "neither" }, command: { value: "x" } } as unknown as TaskInfo;
    expect(codecError(() => encode("mesos.TaskInfo", stray)).problem).toMatch(/belongs inside 'implementation'/);
  });
});

describe("Mesos JSON reading rejects malformed or mistyped JSON", () => {
  it("invalid JSON text", () => {
    expect(codecError(() => fromMesosJson("mesos.TaskID", '{"value":')).problem).toMatch(/invalid JSON at offset/);
    expect(codecError(() => fromMesosJson("mesos.TaskID", '{"value":"a"} x')).problem).toMatch(/trailing characters/);
  });

  it("wrong JSON types, with the path", () => {
    const e = codecError(() => fromMesosJson("mesos.TaskInfo", '{"name":"t","task_id":{"value":5},"slave_id":{"value":"s"}}'));
    expect(e.path).toBe("task_id.value");
    expect(e.problem).toBe("expected a string, got number 5");
    expect(codecError(() => fromMesosJson("mesos.Offer", '{"resources":{}}')).problem).toMatch(/expected an array/);
  });

  it("unknown enum names, unknown keys, bad base64 and out-of-range integers", () => {
    expect(codecError(() => fromMesosJson("mesos.TaskStatus", '{"task_id":{"value":"t"},"state":"TASK_EXPLODED"}')).problem).toBe(
      'unknown enum name "TASK_EXPLODED" for mesos.TaskState',
    );
    expect(codecError(() => fromMesosJson("mesos.TaskID", '{"value":"t","valeu":1}')).problem).toMatch(/unknown field 'valeu'/);
    expect(codecError(() => fromMesosJson("mesos.TaskStatus", '{"task_id":{"value":"t"},"state":"TASK_RUNNING","data":"!!"}')).path).toBe("data");
    expect(codecError(() => fromMesosJson("mesos.MasterInfo", '{"id":"m","ip":-1,"port":5050}')).problem).toMatch(/expected a uint32/);
    expect(codecError(() => fromMesosJson("mesos.Value.Range", '{"begin":18446744073709551616,"end":1}')).problem).toMatch(/uint64/);
  });

  it("skips unknown keys only when asked to (JSON from a newer Mesos)", () => {
    const json = '{"value":"t","added_in_a_later_mesos":{"x":[1,2]}}';
    expect(() => fromMesosJson("mesos.TaskID", json)).toThrow(CodecError);
    expect(fromMesosJson("mesos.TaskID", json, { ignoreUnknownFields: true })).toBe("t");
  });

  it("accepts 64-bit integers exactly and numbers given as strings, as stout does", () => {
    expect(fromMesosJson("mesos.Value.Range", '{"begin":18446744073709551615,"end":"9007199254740993"}')).toEqual({
      begin: 18446744073709551615n,
      end: 9007199254740993n,
    });
    expect(fromMesosJson("mesos.Filters", '{"refuse_seconds":"-Infinity"}')).toEqual({ refuseSeconds: -Infinity });
  });
});
