/** Behaviour of the type helpers: task states, IDs, values, defaults. */
import { describe, expect, it } from "vitest";
import protobuf from "protobufjs";
import {
  containerId, containerIdToString, isTerminal, rangesValue, scalarValue, setValue, slaveId, STATUS_NUMBERS,
  TASK_STATE_NUMBERS, TASK_STATES, textValue, VALUE_TYPES, type TaskState,
} from "../../src/types/index.js";
import { decode, encode } from "../../src/codec/index.js";
import { VECTORS } from "../codec/vectors.js";

describe("TaskState", () => {
  it("has all 14 Mesos states", () => {
    expect(TASK_STATES).toHaveLength(14);
  });

  it("numbers match the wire: each TaskStatus vector's state name and the number protoc wrote", () => {
    const seen = new Set<string>();
    for (const v of VECTORS.filter((x) => x.type === "mesos.TaskStatus")) {
      const r = protobuf.Reader.create(v.bin);
      let number: number | undefined;
      while (r.pos < r.len) {
        const tag = r.uint32();
        if (tag >>> 3 === 2 && (tag & 7) === 0) number = r.int32();
        else r.skipType(tag & 7);
      }
      const name = v.pbjson["state"] as TaskState;
      expect(TASK_STATE_NUMBERS[name]).toBe(number);
      seen.add(name);
    }
    expect([...seen].sort()).toEqual([...TASK_STATES].sort()); // the vectors cover every state
  });

  // Mesos' protobuf::isTerminalState (src/common/protobuf_utils.cpp).
  const terminal: TaskState[] = [
    "TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_LOST", "TASK_ERROR", "TASK_DROPPED", "TASK_GONE", "TASK_GONE_BY_OPERATOR",
  ];
  it.each(TASK_STATES.map((s) => [s, terminal.includes(s)] as const))("isTerminal(%s) is %s, as in Mesos", (state, expected) => {
    expect(isTerminal(state)).toBe(expected);
  });
});

describe("driver Status", () => {
  it("numbers 1..4 in Mesos' order", () => {
    expect(STATUS_NUMBERS).toEqual({ DRIVER_NOT_STARTED: 1, DRIVER_RUNNING: 2, DRIVER_ABORTED: 3, DRIVER_STOPPED: 4 });
  });
});

describe("IDs", () => {
  it("branded IDs are their string value on the wire", () => {
    const id = slaveId("agent-1");
    expect(id).toBe("agent-1");
    expect(Buffer.from(encode("mesos.SlaveID", id)).toString("hex")).toBe("0a076167656e742d31");
  });

  it("a nested ContainerID keeps its parent chain and prints as Mesos does", () => {
    const nested = containerId("child", containerId("parent", containerId("root")));
    expect(containerIdToString(nested)).toBe("root.parent.child");
    expect(decode("mesos.ContainerID", encode("mesos.ContainerID", nested))).toEqual(nested);
  });
});

describe("Value constructors", () => {
  it("build each variant of the union", () => {
    expect(VALUE_TYPES).toEqual(["SCALAR", "RANGES", "SET", "TEXT"]);
    expect(scalarValue(1.5)).toEqual({ type: "SCALAR", scalar: 1.5 });
    expect(rangesValue([[31000n, 32000n]])).toEqual({ type: "RANGES", ranges: [{ begin: 31000n, end: 32000n }] });
    expect(setValue(["a"])).toEqual({ type: "SET", set: ["a"] });
    expect(textValue("x")).toEqual({ type: "TEXT", text: "x" });
  });

  it("range bounds above 2^53 stay exact through the codec", () => {
    const v = rangesValue([[2n ** 53n + 1n, 2n ** 64n - 1n]]);
    expect(decode("mesos.Value", encode("mesos.Value", v))).toEqual(v);
  });
});
