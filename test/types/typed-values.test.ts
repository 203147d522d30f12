/**
 * drfcore's TypeScript types describe the same messages protoc writes: values
 * written as typed literals (so the compiler checks every property name and
 * type) encode to exactly the bytes `protoc --encode` produced for the golden
 * vectors, and decode back to the same literals.
 */
import { describe, expect, it } from "vitest";
import { decode, encode } from "../../src/codec/index.js";
import {
  commandImplementation, slaveId, taskId, type Resource, type TaskInfo, type TaskStatus,
} from "../../src/types/index.js";
import { vector } from "../codec/vectors.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("typed literals encode to protoc's bytes", () => {
  it("TaskInfo (vector taskinfo_command)", () => {
    const task: TaskInfo = {
      name: "web server ☕",
      taskId: taskId("web.7f3b"),
      slaveId: slaveId("6a1c2f3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b-S3"),
      resources: [
        { name: "cpus", type: "SCALAR", scalar: 0.25 },
        { name: "ports", type: "RANGES", ranges: [{ begin: 31000n, end: 31000n }] },
      ],
      data: new Uint8Array(Buffer.from("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "latin1")),
      implementation: commandImplementation({ value: "python3 -m http.server $PORT0" }),
      healthCheck: { http: { port: 8000, path: "/" }, gracePeriodSeconds: 30, type: "HTTP" },
      labels: [{ key: "HAPROXY_GROUP", value: "external" }],
      discovery: { visibility: "FRAMEWORK", name: "web", ports: { ports: [{ number: 31000, name: "http" }] } },
      killPolicy: { gracePeriod: { nanoseconds: 30_000_000_000n } },
      maxCompletionTime: { nanoseconds: 3_600_000_000_000n },
    };
    const v = vector("taskinfo_command");
    expect(hex(encode("mesos.TaskInfo", task))).toBe(hex(v.bin));
    expect(decode("mesos.TaskInfo", v.bin)).toEqual(task);
  });

  it("a shared persistent volume Resource (vector resource_persistent_shared_volume)", () => {
    const volume: Resource = {
      name: "disk",
      type: "SCALAR",
      scalar: 2048,
      disk: { persistence: { id: "pv-0001", principal: "db-admin" }, volume: { containerPath: "data", mode: "RW" } },
      shared: {},
      reservations: [{ principal: "db-admin", role: "db", type: "DYNAMIC" }],
    };
    const v = vector("resource_persistent_shared_volume");
    expect(hex(encode("mesos.Resource", volume))).toBe(hex(v.bin));
    expect(decode("mesos.Resource", v.bin)).toEqual(volume);
  });

  it("a TaskStatus of every state decodes to a typed status", () => {
    const statuses: TaskStatus[] = ["taskstatus_staging", "taskstatus_finished", "taskstatus_lost"].map((n) => decode("mesos.TaskStatus", vector(n).bin));
    expect(statuses.map((s) => s.state)).toEqual(["TASK_STAGING", "TASK_FINISHED", "TASK_LOST"]);
  });
});
