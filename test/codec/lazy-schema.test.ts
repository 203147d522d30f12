import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import { SUPPORTED_TYPES, decode, encode } from "../../src/codec/index.js";
import { schemaLoaded } from "../../src/codec/schema.js";
import { Resources } from "../../src/resources/index.js";

const protobufjsLoaded = (): boolean => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes("/protobufjs/"));

// One test, in order: this file's modules are fresh (vitest isolates test
// files), so the first assertion sees the state right after import.
describe("the codec's schema (and protobufjs) are loaded on first use, not at import", () => {
  it("stays unparsed while an allocator runs on resource text, and is parsed by the first codec call", () => {
    expect(schemaLoaded()).toBe(false);
    const offers: string[] = [];
    const allocator = new HierarchicalDRFAllocator({ clock: new ManualClock(), offerCallback: (fw) => offers.push(fw) });
    allocator.addFramework("f1", { roles: ["*"] });
    allocator.addAgent("a1", { resources: Resources.parse("cpus:4;mem:1024;ports:[31000-31010]") });
    allocator.settle();
    expect(offers).toEqual(["f1"]);
    expect(Resources.parse("cpus:1").plus(Resources.parse("cpus:2")).toString()).toBe("cpus:3");
    expect(schemaLoaded()).toBe(false);
    expect(protobufjsLoaded()).toBe(false);
    const label = { key: "rack", value: "r1" };
    expect(decode("mesos.Label", encode("mesos.Label", label))).toEqual(label);
    expect(schemaLoaded()).toBe(true);
    expect(protobufjsLoaded()).toBe(true);
    expect(SUPPORTED_TYPES).toContain("mesos.TaskInfo");
  });

  it("gives the same type list whether it is read before or after a codec call", () => {
    expect(SUPPORTED_TYPES.length).toBeGreaterThan(100);
    expect([...SUPPORTED_TYPES]).toEqual([...SUPPORTED_TYPES].sort());
  });
});
