/** ResourceQuantities (Mesos resource_quantities semantics: per-name amounts in thousandths). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ResourceQuantities, Resources, ResourceParseError } from "../../src/resources/index.js";
import { fcParams } from "../fc-params.js";

const Q = (s: string) => ResourceQuantities.parse(s);

describe("ResourceQuantities", () => {
  it("parses scalars, sums repeated names and keeps zero entries", () => {
    const q = Q("cpus:1;mem:32; cpus : 0.5 ;gpus:0");
    expect(q.get("cpus")).toBe(1500);
    expect(q.get("mem")).toBe(32000);
    expect(q.has("gpus")).toBe(true);
    expect(q.get("gpus")).toBe(0);
    expect(q.get("disk")).toBe(0);
    expect(q.has("disk")).toBe(false);
    expect(q.names()).toEqual(["cpus", "gpus", "mem"]);
    expect(q.toString()).toBe("cpus:1.5;gpus:0;mem:32");
    expect(Q("").isEmpty()).toBe(true);
    expect(Q("cpus:0.0004").get("cpus")).toBe(0); // rounds to zero, as Mesos reads it
    expect(Q("").toString()).toBe("{}");
  });
  it("rejects negative, non-scalar and malformed entries", () => {
    for (const bad of ["cpus:-1", "ports:[1-2]", "zones:{a}", "cpus", "cpus:1:2", ":1", "cpus:abc", "cpus:inf", "cpus:-0.0001"]) {
      expect(() => Q(bad), bad).toThrow(ResourceParseError);
    }
  });
  it("adds, subtracts (dropping names that reach zero) and compares", () => {
    const a = Q("cpus:2;mem:64"), b = Q("cpus:0.5;mem:64;gpus:1");
    expect(a.plus(b).toString()).toBe("cpus:2.5;gpus:1;mem:128");
    const d = a.minus(b);
    expect(d.toString()).toBe("cpus:1.5");
    expect(d.has("mem")).toBe(false);
    expect(a.contains(Q("cpus:2"))).toBe(true);
    expect(a.contains(Q("cpus:2.001"))).toBe(false);
    expect(a.contains(Q("gpus:0"))).toBe(true);
    expect(a.contains(Q("gpus:1"))).toBe(false);
    expect(a.toString()).toBe("cpus:2;mem:64");
    const c = a.clone();
    c.add(b).subtract(b);
    expect(c.equals(a)).toBe(true);
  });
  it("are the scalar totals of a Resources across roles and metadata", () => {
    const r = Resources.parse("cpus(r1):1;cpus:2.5;mem(a/b):10;ports:[1-100]").plus(Resources.parse("cpus:1").allocate("r1"));
    const q = ResourceQuantities.fromResources(r);
    expect(q.toString()).toBe("cpus:4.5;mem:10");
  });
  it("(a + b) - b == a and a + b contains a on random quantities", () => {
    const arb = fc.dictionary(fc.constantFrom("cpus", "mem", "gpus", "disk"), fc.integer({ min: 1, max: 1e9 }))
      .map((d) => ResourceQuantities.fromEntries(Object.entries(d)));
    fc.assert(fc.property(arb, arb, (a, b) => {
      expect(a.plus(b).minus(b).equals(a)).toBe(true);
      expect(a.plus(b).contains(a)).toBe(true);
      expect(Q(a.toString()).equals(a)).toBe(true);
    }), fcParams(200));
  });
});
