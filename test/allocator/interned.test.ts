/**
 * ResourcesInterner: one private object per value; identical inputs map to
 * it, different ones never do (not even when their hashes collide).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ResourcesInterner } from "../../src/allocator/interned.js";
import { Resources } from "../../src/resources/index.js";
import { fcParams } from "../fc-params.js";

const textArb = fc.record({
  cpus: fc.integer({ min: 0, max: 64 }),
  mem: fc.integer({ min: 0, max: 4096 }),
  ports: fc.uniqueArray(fc.integer({ min: 31000, max: 31050 }), { maxLength: 6 }),
  role: fc.constantFrom("*", "r1"),
}).map(({ cpus, mem, ports, role }) => {
  const parts = [`cpus(${role}):${cpus}`, `mem:${mem}`];
  if (ports.length > 0) parts.push(`ports:[${ports.map((p) => `${p}-${p}`).join(",")}]`);
  return parts.join(";");
});

describe("ResourcesInterner", () => {
  it("maps equal values to one object and different values to different objects", () => {
    fc.assert(fc.property(fc.array(textArb, { minLength: 1, maxLength: 12 }), (texts) => {
      const interner = new ResourcesInterner();
      const byText = new Map<string, Resources>();
      for (const t of texts) {
        const given = Resources.parse(t);
        const out = interner.intern(given);
        expect(out).not.toBe(given); // a private copy, never the caller's object
        expect(out.identical(given)).toBe(true);
        const canonical = given.toString();
        const seen = byText.get(canonical);
        if (seen === undefined) byText.set(canonical, out);
        else expect(out).toBe(seen);
      }
      const distinct = new Set(byText.values());
      expect(distinct.size).toBe(byText.size);
    }), fcParams(200));
  });

  it("keeps values whose hashes collide apart", () => {
    const interner = new ResourcesInterner();
    const a = Resources.parse("cpus:1"), b = Resources.parse("cpus:2");
    // Force a collision: both report the same hash.
    a.valueHash = () => 42;
    b.valueHash = () => 42;
    const ia = interner.intern(a), ib = interner.intern(b);
    expect(ia).not.toBe(ib);
    expect(ia.toString()).toBe("cpus:1");
    expect(ib.toString()).toBe("cpus:2");
    const a2 = Resources.parse("cpus:1");
    a2.valueHash = () => 42;
    expect(interner.intern(a2)).toBe(ia);
  });

  it("is not changed by a caller changing its object in place after interning it", () => {
    const interner = new ResourcesInterner();
    const given = Resources.parse("cpus:4;mem:1024");
    const out = interner.intern(given);
    given.add(Resources.parse("cpus:1"));
    expect(out.toString()).toBe("cpus:4;mem:1024");
    expect(interner.intern(Resources.parse("cpus:4;mem:1024"))).toBe(out);
    expect(interner.intern(given).toString()).toBe("cpus:5;mem:1024");
  });

  it("interns clones (which share their source's entries) by value, also after either side changed in place (fast-check)", () => {
    const DELTAS = ["cpus:1", "mem:64", "ports:[31000-31000]", "cpus(r1):2"].map((t) => Resources.parse(t));
    const step = fc.record({ pick: fc.nat(20), act: fc.constantFrom("clone", "add", "subtract", "intern", "parse"), delta: fc.nat(DELTAS.length - 1) });
    fc.assert(fc.property(fc.array(textArb, { minLength: 1, maxLength: 4 }), fc.array(step, { maxLength: 60, size: "max" }), (texts, steps) => {
      const interner = new ResourcesInterner();
      const bags = texts.map((t) => Resources.parse(t));
      const byText = new Map<string, Resources>();
      const check = (given: Resources) => {
        const before = given.toString();
        const out = interner.intern(given);
        expect(out.identical(given)).toBe(true);
        expect(given.toString()).toBe(before);
        // The value, whatever order in-place changes left the entries in.
        const value = before.split(";").sort().join(";");
        const seen = byText.get(value);
        if (seen === undefined) byText.set(value, out);
        else expect(out).toBe(seen);
      };
      for (const s of steps) {
        const bag = bags[s.pick % bags.length]!;
        if (s.act === "clone") bags.push(bag.clone());
        else if (s.act === "add") bag.add(DELTAS[s.delta]!);
        else if (s.act === "subtract") { if (bag.contains(DELTAS[s.delta]!)) bag.subtract(DELTAS[s.delta]!); }
        else if (s.act === "parse") bags.push(Resources.parse(bag.toString()));
        else check(bag);
      }
      for (const b of bags) check(b);
      expect(new Set(byText.values()).size).toBe(byText.size);
    }), fcParams(200, 5));
  });
});
