/** `drfcore decode`, run in-process through `main(argv, memoryIO())`. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { memoryIO } from "../../src/cli/io.js";
import { jsonDifference, parseLossless } from "./lossless-json.js";
import { vector } from "./vectors.js";

const dir = mkdtempSync(join(tmpdir(), "drfcore-decode-"));
const file = (name: string, data: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
const sameJson = (a: string, b: string) => expect(jsonDifference(parseLossless(a), parseLossless(b))).toBeUndefined();

describe("drfcore decode", () => {
  it("--example prints the bundled TaskInfo as Mesos JSON, byte for byte what Mesos writes", async () => {
    const io = memoryIO();
    expect(await main(["decode", "--example"], io)).toBe(0);
    expect(io.stdout).toBe(vector("taskinfo_command").json + "\n");
    expect(io.stderr).toBe("");
  });

  it("binary file → JSON for every vector type", async () => {
    for (const name of ["offer_full", "taskstatus_running_healthy", "resourceusage_one_executor", "frameworkinfo_full"]) {
      const v = vector(name);
      const io = memoryIO();
      expect(await main(["decode", "--type", v.type, file(`${name}.bin`, v.bin)], io)).toBe(0);
      sameJson(io.stdout, v.json);
    }
  });

  it("JSON on stdin → binary file, identical to protoc's bytes", async () => {
    const v = vector("taskinfo_executor_container_check");
    const out = join(dir, "out.bin");
    const io = memoryIO(v.json);
    expect(await main(["decode", "--type", "TaskInfo", "--from", "json", "--to", "binary", "--output", out, "-"], io)).toBe(0);
    // Reading Mesos JSON sets the fields Mesos wrote as defaults, so compare by decoding again.
    const back = memoryIO();
    expect(await main(["decode", "--type", "mesos.TaskInfo", out], back)).toBe(0);
    sameJson(back.stdout, v.json);
    expect(readFileSync(out).length).toBeGreaterThan(0);
  });

  it("hex and base64 text forms, and --pretty", async () => {
    const v = vector("resource_reservations_refined");
    const io = memoryIO(Buffer.from(v.bin).toString("hex"));
    expect(await main(["decode", "--type", v.type, "--from", "hex", "--to", "base64", "-"], io)).toBe(0);
    expect(io.stdout).toBe(Buffer.from(v.bin).toString("base64") + "\n");
    const pretty = memoryIO(Buffer.from(v.bin).toString("base64"));
    expect(await main(["decode", "--type", v.type, "--from", "base64", "--pretty", "-"], pretty)).toBe(0);
    expect(pretty.stdout.split("\n").length).toBeGreaterThan(5);
    sameJson(pretty.stdout, v.json);
  });

  it("bad bytes exit 1 with the CodecError message on stderr", async () => {
    const io = memoryIO(Buffer.from([0x0a, 0x05, 0x61]));
    expect(await main(["decode", "--type", "mesos.TaskID", "-"], io)).toBe(1);
    expect(io.stdout).toBe("");
    expect(io.stderr).toBe("drfcore decode: mesos.TaskID at value: length 5 runs past the end of the data\n");
  });

  it("bad JSON exits 1 with the CodecError message on stderr", async () => {
    const io = memoryIO('{"task_id":{"value":"t"},"state":"TASK_EXPLODED"}');
    expect(await main(["decode", "--type", "mesos.TaskStatus", "--from", "json", "-"], io)).toBe(1);
    expect(io.stderr).toBe('drfcore decode: mesos.TaskStatus at state: unknown enum name "TASK_EXPLODED" for mesos.TaskState\n');
  });

  it("usage errors exit 2: unknown type, missing input, bad format, binary to a text sink", async () => {
    for (const argv of [
      ["decode", "--type", "mesos.Nope", "-"],
      ["decode", "--type", "mesos.TaskInfo"],
      ["decode", "-"],
      ["decode", "--type", "mesos.TaskInfo", "--from", "xml", "-"],
      ["decode", "--example", "--to", "binary"],
    ]) {
      const io = memoryIO();
      expect(await main(argv, io)).toBe(2);
      expect(io.stderr).toMatch(/^drfcore decode: /);
    }
  });

  it("a missing file exits 1", async () => {
    const io = memoryIO();
    expect(await main(["decode", "--type", "mesos.TaskInfo", join(dir, "nope.bin")], io)).toBe(1);
    expect(io.stderr).toMatch(/cannot read .*ENOENT/);
  });

  it("--list-types lists every supported type", async () => {
    const io = memoryIO();
    expect(await main(["decode", "--list-types"], io)).toBe(0);
    expect(io.stdout.split("\n")).toContain("mesos.ResourceStatistics");
  });
});
