/**
 * Bags of plain scalars are kept in column form (scalar-shape.ts): one shape
 * and an array of amounts instead of an Entry per resource. Column form is a
 * representation, not a behaviour: every operation must give what the same
 * bag in entry form gives. The property below builds each bag twice, by
 * `parse` (column form wherever the text allows it) and through `fromProto`
 * (always entry form), runs one random program of operations on both
 * worlds, and compares every answer and every bag after every step.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Resources, ResourceError } from "../../src/resources/index.js";
import { fcParams } from "../fc-params.js";

const piece = fc.tuple(
  fc.constantFrom("cpus", "mem", "disk", "gpus"),
  fc.constantFrom("", "(r1)", "(r2)"),
  // Thousandths: often a few round values (so amounts meet and tie), sometimes any.
  fc.oneof(fc.integer({ min: 0, max: 8 }).map((x) => x * 250), fc.integer({ min: 0, max: 4000 })),
).map(([n, role, v]) => `${n}${role}:${v / 1000}`);
/** Mostly bags of scalars (column form when they have distinct identities and no zero); now and then ports (entry form). */
const bagText = fc.oneof(
  { arbitrary: fc.array(piece, { minLength: 1, maxLength: 8 }).map((ps) => ps.join(";")), weight: 6 },
  { arbitrary: fc.array(piece, { minLength: 1, maxLength: 3 }).map((ps) => [...ps, "ports:[1-10]"].join(";")), weight: 1 },
);

type Op =
  | { op: "add" | "subtract" | "plus" | "minus" | "contains" | "equals" | "identical"; i: number; j: number }
  | { op: "clone" | "freeze" | "scalar" | "quantities" | "size" | "containsQuantities" | "stripped" | "names" | "flags" | "reparse"; i: number; j: number };
const op: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom("add", "add", "subtract", "subtract", "plus", "minus", "contains", "equals", "identical", "clone", "freeze", "scalar", "quantities", "size",
    "containsQuantities", "stripped", "names", "flags", "reparse"),
  i: fc.nat(7),
  j: fc.nat(7),
}) as fc.Arbitrary<Op>;

/** Runs one step on a world (an array of bags); returns what the step answers (or the error it throws). */
function step(world: Resources[], s: Op, make: (text: string) => Resources): unknown {
  const a = world[s.i % world.length]!, b = world[s.j % world.length]!;
  try {
    switch (s.op) {
      case "add": a.add(b); return "ok";
      case "subtract": a.subtract(b); return "ok";
      case "plus": world.push(a.plus(b)); return "ok";
      case "minus": world.push(a.minus(b)); return "ok";
      case "contains": return a.contains(b);
      case "equals": return a.equals(b);
      case "identical": return a.identical(b);
      case "clone": world.push(a.clone()); return "ok";
      case "freeze": a.freeze(); return a.isFrozen();
      case "scalar": return ["cpus", "mem", "disk", "gpus"].map((n) => a.scalar(n));
      case "quantities": return [...a.scalarQuantities().entries()];
      case "size": return [a.size(), a.isEmpty()];
      case "containsQuantities": return a.containsQuantities(b.scalarQuantities());
      case "stripped": return a.createStrippedScalarQuantity().toString();
      case "names": return [[...a.names()], [...a.types()]];
      case "flags": return [a.anyShared(), a.anyRevocable(), a.anyRefinedReservation()];
      // A new bag parsed from a's text: parse may give it a shape another bag already holds.
      case "reparse": world.push(make(a.toString())); return "ok";
    }
  } catch (e) {
    if (e instanceof ResourceError) return `ResourceError: ${e.message}`;
    throw e;
  }
}

describe("column form (bags of plain scalars)", () => {
  it("answers every operation as entry form does, step by step", () => {
    fc.assert(fc.property(fc.array(bagText, { minLength: 2, maxLength: 5 }), fc.array(op, { maxLength: 30 }), (texts, program) => {
      const columns = texts.map((t) => Resources.parse(t));
      const entries = texts.map((t) => Resources.fromProto(Resources.parse(t).toProto()));
      for (const s of program) {
        expect(step(columns, s, (t) => Resources.parse(t))).toEqual(step(entries, s, (t) => Resources.fromProto(Resources.parse(t).toProto())));
        expect(columns.map(String)).toEqual(entries.map(String));
        expect(columns.map((r) => r.valueHash())).toEqual(entries.map((r) => r.valueHash()));
      }
      // Across the worlds too: a bag in column form and its twin in entry form.
      for (let k = 0; k < columns.length; k++) {
        expect(columns[k]!.identical(entries[k]!)).toBe(true);
        expect(entries[k]!.identical(columns[k]!)).toBe(true);
        expect(columns[k]!.equals(entries[k]!)).toBe(true);
        expect(columns[k]!.toJSONText()).toBe(entries[k]!.toJSONText());
      }
    }), fcParams(400));
  });

  it("keeps Mesos' += and -= loop exact and ends empty", () => {
    const r = Resources.parse("cpus:1;gpus:1;mem:128;disk:256");
    const total = Resources.empty();
    for (let i = 0; i < 1000; i++) total.add(r);
    expect(total.toString()).toBe("cpus:1000;gpus:1000;mem:128000;disk:256000");
    for (let i = 0; i < 999; i++) total.subtract(r);
    expect(total.toString()).toBe("cpus:1;gpus:1;mem:128;disk:256");
    total.subtract(r);
    expect(total.isEmpty()).toBe(true);
    expect(total.toString()).toBe("{}");
    // The operand was only read throughout.
    expect(r.toString()).toBe("cpus:1;gpus:1;mem:128;disk:256");
    let t = Resources.empty();
    for (let i = 0; i < 3; i++) t = t.plus(r);
    expect(t.toString()).toBe("cpus:3;gpus:3;mem:384;disk:768");
  });

  it("drops the entries that a subtraction empties, wherever they stand", () => {
    const a = Resources.parse("cpus:2;mem:1;disk:3");
    a.subtract(Resources.parse("cpus:1;mem:1;disk:1"));
    expect(a.toString()).toBe("cpus:1;disk:2");
    const b = Resources.parse("cpus:2;mem:1");
    b.subtract(Resources.parse("cpus:2;mem:0.5"));
    expect(b.toString()).toBe("mem:0.5");
    const c = Resources.parse("cpus:0.1;mem:0.2");
    c.subtract(Resources.parse("cpus:0.3;mem:0.1"));
    expect(c.toString()).toBe("mem:0.1");
  });

  it("adds and subtracts a bag to and from itself", () => {
    const a = Resources.parse("cpus:1.5;mem:64");
    a.add(a);
    expect(a.toString()).toBe("cpus:3;mem:128");
    a.subtract(a);
    expect(a.isEmpty()).toBe(true);
  });

  it("matches identities by name and role, not by position", () => {
    const a = Resources.parse("cpus:1;mem:2");
    a.add(Resources.parse("mem:1;cpus:1"));
    expect(a.toString()).toBe("cpus:2;mem:3");
    const b = Resources.parse("cpus:1;mem:2");
    b.add(Resources.parse("cpus(r1):1;mem:1"));
    expect(b.toString()).toBe("cpus:1;mem:3;cpus(r1):1");
    expect(b.contains(Resources.parse("cpus(r1):1;cpus:1"))).toBe(true);
    expect(b.contains(Resources.parse("cpus(r2):1"))).toBe(false);
    // Equal amounts are contained, in any order and in a bag of another shape.
    expect(Resources.parse("cpus:1;mem:2").contains(Resources.parse("mem:2"))).toBe(true);
    expect(Resources.parse("mem:2;cpus:1").contains(Resources.parse("cpus:1;mem:2"))).toBe(true);
    expect(Resources.parse("mem:2;cpus:1").equals(Resources.parse("cpus:1;mem:2"))).toBe(true);
    expect(Resources.parse("mem:2;cpus:1").contains(Resources.parse("cpus:1;mem:2.001"))).toBe(false);
  });

  it("keeps a clone, a plus and a minus independent of their source", () => {
    const a = Resources.parse("cpus:4;mem:512");
    const c = a.clone();
    c.add(Resources.parse("cpus:1;mem:1"));
    const p = a.plus(Resources.parse("cpus:1;mem:1"));
    const m = a.minus(Resources.parse("cpus:1;mem:1"));
    a.subtract(Resources.parse("cpus:2;mem:2"));
    expect([a, c, p, m].map(String)).toEqual(["cpus:2;mem:510", "cpus:5;mem:513", "cpus:5;mem:513", "cpus:3;mem:511"]);
  });

  it("refuses to change a frozen bag in place, and leaves it as it was", () => {
    const a = Resources.parse("cpus:4;mem:512").freeze();
    const r = Resources.parse("cpus:1;mem:1");
    expect(() => a.add(r)).toThrow(ResourceError);
    expect(() => a.subtract(r)).toThrow(ResourceError);
    expect(() => a.subtract(a)).toThrow(ResourceError);
    expect(a.toString()).toBe("cpus:4;mem:512");
    expect(a.plus(r).toString()).toBe("cpus:5;mem:513");
    expect(a.minus(r).toString()).toBe("cpus:3;mem:511");
    // Adding nothing changes nothing, so it does not throw (as in entry form).
    expect(() => a.add(Resources.empty())).not.toThrow();
    const empty = Resources.empty().freeze();
    expect(() => empty.add(r)).toThrow(ResourceError);
    expect(empty.isEmpty()).toBe(true);
  });

  it("keeps the amounts of bags parsed from texts of the same names apart", () => {
    // Texts of the same identities in the same order may share one shape,
    // whose template entries carry the first text's amounts: every read and
    // change of the others must still see only their own amounts.
    const first = Resources.parse("cpus:1;mem:128");
    const second = Resources.parse("cpus:2;mem:256");
    const third = Resources.parse("cpus:1;mem:128");
    expect([first, second, third].map(String)).toEqual(["cpus:1;mem:128", "cpus:2;mem:256", "cpus:1;mem:128"]);
    expect(second.scalar("cpus")).toBe(2000);
    expect(second.toJSON()).toEqual([
      { name: "cpus", type: "SCALAR", scalar: { value: 2 } },
      { name: "mem", type: "SCALAR", scalar: { value: 256 } },
    ]);
    expect(second.valueHash()).toBe(Resources.fromProto(second.toProto()).valueHash());
    expect(second.containsQuantities(Resources.parse("cpus:2;mem:256").scalarQuantities())).toBe(true);
    expect(second.containsQuantities(Resources.parse("cpus:2.001").scalarQuantities())).toBe(false);
    expect(second.createStrippedScalarQuantity().toString()).toBe("cpus:2;mem:256");
    // Changes in place, through every form: the other bags stay as parsed.
    first.add(second);
    const entryForm = Resources.parse("cpus:1;mem:128;ports:[1-2]");
    entryForm.add(third);
    entryForm.subtract(second);
    third.subtract(Resources.parse("cpus:0.5"));
    expect([first, second, third, entryForm].map(String)).toEqual(["cpus:3;mem:384", "cpus:2;mem:256", "cpus:0.5;mem:128", "ports:[1-2]"]);
    expect(Resources.parse("cpus:1;mem:128").toString()).toBe("cpus:1;mem:128");
    expect(Resources.parse("cpus:7;mem:1").identical(Resources.parse("cpus:7;mem:1"))).toBe(true);
    expect(Resources.parse("cpus:7;mem:1").identical(Resources.parse("cpus:7;mem:2"))).toBe(false);
  });

  it("drops zero scalars from a parsed text, whatever form the rest takes", () => {
    const a = Resources.parse("cpus:2;gpus:0;mem:256");
    expect(a.toString()).toBe("cpus:2;mem:256");
    expect(a.size()).toBe(2);
    expect(a.identical(Resources.parse("cpus:2;mem:256"))).toBe(true);
    expect(a.contains(Resources.parse("gpus:0.001"))).toBe(false);
    a.subtract(Resources.parse("cpus:2"));
    expect(a.toString()).toBe("mem:256");
    expect(Resources.parse("cpus:0;mem:0").isEmpty()).toBe(true);
    expect(Resources.parse("cpus:0;ports:[1-2]").toString()).toBe("ports:[1-2]");
    // Duplicates still merge, zeros or not.
    expect(Resources.parse("cpus:1;gpus:0;cpus:2").toString()).toBe("cpus:3");
  });

  it("answers every read of a bag changed by columns as its values say", () => {
    const a = Resources.parse("cpus:1;mem:2");
    a.add(Resources.parse("cpus:1;mem:2"));
    expect(a.toString()).toBe("cpus:2;mem:4");
    expect(a.toJSON()).toEqual([
      { name: "cpus", type: "SCALAR", scalar: { value: 2 } },
      { name: "mem", type: "SCALAR", scalar: { value: 4 } },
    ]);
    expect([...a].map((r) => r.name)).toEqual(["cpus", "mem"]);
    expect(a.scalars().toString()).toBe("cpus:2;mem:4");
    expect(a.get("mem").toString()).toBe("mem:4");
    expect(a.allocate("r").allocations().get("r")!.unallocate().toString()).toBe("cpus:2;mem:4");
    a.add(Resources.parse("cpus:1;mem:1"));
    expect(a.toString()).toBe("cpus:3;mem:5");
    const clone = a.clone();
    expect(clone.sharesEntriesWith(a)).toBe(true);
    clone.add(Resources.parse("cpus:1;mem:1"));
    expect(clone.sharesEntriesWith(a)).toBe(false);
  });
});
