/**
 * Algebraic laws of Resources on random bags (scalars with fractional
 * values, fragmented ranges, sets, static / dynamic / refined reservations,
 * revocable, allocation info, persistent volumes shared or not, MOUNT disks),
 * the text round trip, and parser fuzzing.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Resources, ResourceParseError, ResourceError, type Resource } from "../../src/resources/index.js";
import { decodeResource, encodeResource } from "../../src/codec/index.js";
import { fcParams } from "../fc-params.js";

type Side = "a" | "b";

const metaArb = fc.record({
  res: fc.constantFrom("none", "static-r1", "static-a", "dyn-a", "dyn-a-p2", "refined-a/b"),
  revocable: fc.boolean(),
  alloc: fc.constantFrom(undefined, "r1", "a/b"),
});

function withMeta(r: Record<string, unknown>, m: { res: string; revocable: boolean; alloc: string | undefined }): Record<string, unknown> {
  const out = { ...r };
  switch (m.res) {
    case "static-r1": out.reservations = [{ type: "STATIC", role: "r1" }]; break;
    case "static-a": out.reservations = [{ type: "STATIC", role: "a" }]; break;
    case "dyn-a": out.reservations = [{ type: "DYNAMIC", role: "a", principal: "p1" }]; break;
    case "dyn-a-p2": out.reservations = [{ type: "DYNAMIC", role: "a", principal: "p2", labels: [{ key: "k", value: "v" }] }]; break;
    case "refined-a/b": out.reservations = [{ type: "DYNAMIC", role: "a" }, { type: "DYNAMIC", role: "a/b", principal: "p" }]; break;
  }
  if (m.revocable) out.revocable = {};
  if (m.alloc !== undefined) out.allocationInfo = { role: m.alloc };
  return out;
}

/** One random resource; `side` keeps a's and b's ranges and set items apart so (a+b)-b == a must hold. */
const resourceArb = (side: Side) => fc.oneof(
  fc.record({ name: fc.constantFrom("cpus", "mem", "gpus"), v: fc.integer({ min: 1, max: 5_000_000 }), m: metaArb })
    .map(({ name, v, m }) => withMeta({ name, type: "SCALAR", scalar: v / 1000 }, m)),
  fc.record({
    iv: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 8 })), { minLength: 1, maxLength: 8 }),
    big: fc.boolean(), m: metaArb,
  }).map(({ iv, big, m }) => {
    const base = (big ? 18446744073709550000n : 0n) + (side === "a" ? 0n : 1000n);
    const ranges = iv.map(([b, l]) => ({ begin: base + BigInt(b), end: base + BigInt(b + l) }));
    // Ranges in one Resource object must not overlap (Mesos' validate): merge them first.
    ranges.sort((x, y) => (x.begin < y.begin ? -1 : 1));
    const merged: Array<{ begin: bigint; end: bigint }> = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r.begin <= last.end) { if (r.end > last.end) last.end = r.end; } else merged.push({ ...r });
    }
    return withMeta({ name: "ports", type: "RANGES", ranges: merged }, m);
  }),
  fc.record({ items: fc.uniqueArray(fc.constantFrom("x", "y", "z", "w"), { minLength: 1 }), m: metaArb })
    .map(({ items, m }) => withMeta({ name: "zones", type: "SET", set: items.map((i) => side + i) }, m)),
  fc.record({ v: fc.integer({ min: 1, max: 100 }), kind: fc.constantFrom("pv", "shared-pv", "mount", "path"), id: fc.constantFrom("v1", "v2") })
    .map(({ v, kind, id }) => {
      const r: Record<string, unknown> = { name: "disk", type: "SCALAR", scalar: v, reservations: [{ type: "STATIC", role: "r1" }] };
      if (kind === "pv" || kind === "shared-pv") r.disk = { persistence: { id }, volume: { mode: "RW", containerPath: "/data" } };
      if (kind === "shared-pv") r.shared = {};
      if (kind === "mount") r.disk = { source: { type: "MOUNT", mount: { root: "/mnt/" + id } } };
      if (kind === "path") r.disk = { source: { type: "PATH", path: { root: "/p" } } };
      return r;
    }),
);

const bagArb = (side: Side) => fc.array(resourceArb(side), { maxLength: 8 })
  .map((rs) => Resources.fromProto(rs as unknown as Resource[]));

const RUNS = fcParams(200);

function canonicalRanges(r: Resources): boolean {
  for (const x of r) {
    if (x.type !== "RANGES") continue;
    const rs = x.ranges ?? [];
    for (let i = 0; i < rs.length; i++) {
      if (rs[i]!.begin > rs[i]!.end) return false;
      if (i > 0 && rs[i]!.begin <= rs[i - 1]!.end + 1n) return false;
    }
  }
  return true;
}

/**
 * Mesos' shrinkResources, transcribed literally over the codec form: one
 * Resource per copy, in order; a name without a budget is kept (or dropped
 * when absent means zero); a zero budget drops; a scalar within budget is
 * kept; a larger one becomes the smaller copy if the resource contains it
 * (Resources::shrink's containment check), else it is dropped.
 */
function shrinkReference(r: Resources, budget: Map<string, number>, absentMeansZero: boolean): Resources {
  const left = new Map(budget);
  const kept: Resource[] = [];
  for (const x of r.toProto()) {
    const limit = left.get(x.name);
    if (limit === undefined) {
      if (!absentMeansZero) kept.push(x);
      continue;
    }
    if (x.type !== "SCALAR" || limit <= 0) continue;
    const have = Math.round((x.scalar as number) * 1000);
    if (have <= limit) {
      kept.push(x);
      left.set(x.name, limit - have);
      continue;
    }
    const smaller = { ...x, scalar: limit / 1000 } as Resource;
    if (Resources.fromProto([x]).contains(Resources.fromProto([smaller]))) {
      kept.push(smaller);
      left.set(x.name, 0);
    }
  }
  return Resources.fromProto(kept);
}

// Budgets on the scale of the disks (1-100) as often as on the scale of the other scalars (up to 5,000).
const budgetArb = fc.dictionary(
  fc.constantFrom("cpus", "mem", "gpus", "disk", "ports"),
  fc.oneof(fc.integer({ min: 0, max: 120_000 }), fc.integer({ min: 0, max: 6_000_000 })),
  { maxKeys: 4 },
)
  .map((o) => new Map(Object.entries(o)));

describe("shrinkScalars", () => {
  it("equals Mesos' shrinkResources done copy by copy on the codec form, and returns the bag itself only when nothing changes", () => {
    fc.assert(fc.property(bagArb("a"), budgetArb, fc.boolean(), (r, budget, absentMeansZero) => {
      const got = r.shrinkScalars((name) => budget.get(name), absentMeansZero);
      expect(got.equals(shrinkReference(r, budget, absentMeansZero))).toBe(true);
      if (got === r) expect(shrinkReference(r, budget, absentMeansZero).equals(r)).toBe(true);
      expect(r.contains(got)).toBe(true);
    }), RUNS);
  });
});

describe("Resources laws", () => {
  it("(a + b) - b == a", () => {
    fc.assert(fc.property(bagArb("a"), bagArb("b"), (a, b) => {
      expect(a.plus(b).minus(b).equals(a)).toBe(true);
    }), RUNS);
  });
  it("(a + b) contains a and b; a contains a - b", () => {
    fc.assert(fc.property(bagArb("a"), bagArb("b"), (a, b) => {
      const s = a.plus(b);
      expect(s.contains(a)).toBe(true);
      expect(s.contains(b)).toBe(true);
      expect(a.contains(a.minus(b))).toBe(true);
    }), RUNS);
  });
  it("+ is commutative and associative (sides may overlap)", () => {
    fc.assert(fc.property(bagArb("a"), bagArb("a"), bagArb("b"), (a, b, c) => {
      expect(a.plus(b).equals(b.plus(a))).toBe(true);
      expect(a.plus(b).plus(c).equals(a.plus(b.plus(c)))).toBe(true);
    }), RUNS);
  });
  it("a - a is empty, a == a, and in-place forms match the pure ones", () => {
    fc.assert(fc.property(bagArb("a"), bagArb("a"), (a, b) => {
      expect(a.minus(a).isEmpty()).toBe(true);
      expect(a.equals(a.clone())).toBe(true);
      expect(a.clone().add(b).equals(a.plus(b))).toBe(true);
      expect(a.clone().subtract(b).equals(a.minus(b))).toBe(true);
    }), RUNS);
  });
  it("ranges stay canonical through + and -", () => {
    fc.assert(fc.property(bagArb("a"), bagArb("a"), (a, b) => {
      expect(canonicalRanges(a.plus(b))).toBe(true);
      expect(canonicalRanges(a.minus(b))).toBe(true);
    }), RUNS);
  });
  it("parse(toString(r)) == r and fromProto(toProto(r)) == r", () => {
    fc.assert(fc.property(bagArb("a"), bagArb("b"), (a, b) => {
      const r = a.plus(b);
      expect(Resources.parse(r.toString()).equals(r)).toBe(true);
      expect(Resources.fromProto(r.toProto()).equals(r)).toBe(true);
      expect(Resources.parse(r.toJSONText()).equals(r)).toBe(true);
    }), RUNS);
  });
  it("survives protobuf binary: fromProto(decode(encode(toProto(r)))) == r", () => {
    fc.assert(fc.property(bagArb("a"), (r) => {
      const wire = r.toProto().map((x) => encodeResource(x));
      expect(Resources.fromProto(wire.map((b) => decodeResource(b))).equals(r)).toBe(true);
    }), fcParams(100));
  });
  it("filters partition the bag", () => {
    fc.assert(fc.property(bagArb("a"), (a) => {
      expect(a.reserved().plus(a.unreserved()).equals(a)).toBe(true);
      expect(a.revocable().plus(a.nonRevocable()).equals(a)).toBe(true);
      expect(a.shared().plus(a.nonShared()).equals(a)).toBe(true);
      expect(a.scalarQuantities().equals(a.scalars().scalarQuantities())).toBe(true);
    }), RUNS);
  });

  it("anyShared / anyRevocable / anyRefinedReservation answer as the filters would, without building them", () => {
    let refined = 0;
    fc.assert(fc.property(bagArb("a"), (a) => {
      expect(a.anyShared()).toBe(!a.shared().isEmpty());
      expect(a.anyRevocable()).toBe(!a.revocable().isEmpty());
      const viaResource = !a.reserved().filter(Resources.hasRefinedReservations).isEmpty();
      expect(a.anyRefinedReservation()).toBe(viaResource);
      if (viaResource) refined++;
    }), RUNS);
    // The bags reach refined reservations (the property is not vacuous).
    expect(refined).toBeGreaterThan(0);
  });
});

describe("text round trip with awkward names, roles and set items", () => {
  it("parse(toString(r)) == r whatever characters they hold", () => {
    const chars = fc.constantFrom(..."ab:;()[]{},-+ .*\t\n/\"\\é".split(""));
    const str = fc.array(chars, { minLength: 1, maxLength: 6 }).map((a) => a.join(""));
    const role = fc.array(fc.constantFrom(..."ab:;()[]{},+.é".split("")), { minLength: 1, maxLength: 5 }).map((a) => a.join(""))
      .filter((x) => x !== "." && x !== ".." && x !== "*");
    const res = fc.record({ name: str, role: fc.option(role, { nil: undefined }), items: fc.uniqueArray(str, { minLength: 1, maxLength: 3 }), v: fc.integer({ min: 1, max: 99999 }) })
      .map(({ name, role, items, v }) => {
        const reservations = role === undefined ? undefined : [{ type: "STATIC", role }];
        return [
          { name, type: "SCALAR", scalar: v / 1000, reservations },
          { name: name + "#set", type: "SET", set: items, reservations },
        ] as unknown as Resource[];
      });
    fc.assert(fc.property(fc.array(res, { maxLength: 3 }), (groups) => {
      const r = Resources.fromProto(groups.flat());
      expect(Resources.parse(r.toString()).equals(r)).toBe(true);
    }), fcParams(500));
  });
});

describe("parser fuzzing: bad text gives ResourceParseError, never another exception", () => {
  const alphabet = fc.constantFrom(..."cpus:;()[]{}-,0123456789.eE+ *x/\n\t\"".split(""));
  const check = (s: string) => {
    try {
      Resources.parse(s);
    } catch (e) {
      if (!(e instanceof ResourceParseError)) throw e;
      expect(e.message.length).toBeGreaterThan(0);
    }
  };
  it("on strings over the text form's alphabet", () => {
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")), (s) => check(s)), fcParams(2000));
  });
  it("on arbitrary unicode strings", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => check(s)), fcParams(1000));
  });
  it("on mutations of valid text and JSON", () => {
    const seeds = [
      "cpus:2;mem:1024;disk:0;ports:[31000-31999,32005-32005];zones:{a,b};cpus(role1):4",
      Resources.parse("cpus(r1):2;ports:[1-5]").allocate("r1").toString(),
    ];
    fc.assert(fc.property(fc.constantFrom(...seeds), fc.nat(), fc.nat(), fc.string({ maxLength: 3 }), (seed, i, j, ins) => {
      const a = i % (seed.length + 1), b = a + (j % 4);
      check(seed.slice(0, a) + ins + seed.slice(b));
    }), fcParams(2000));
  });
});

describe("Resource object fuzzing: fromProto gives ResourceError, never another exception", () => {
  it("on objects with random field values", () => {
    const field = fc.oneof(fc.anything(), fc.constantFrom("SCALAR", "RANGES", "SET", "disk", "cpus"));
    const obj = fc.record({
      name: fc.oneof(fc.constantFrom("cpus", "disk", ""), fc.anything()),
      type: fc.oneof(fc.constantFrom("SCALAR", "RANGES", "SET", "TEXT"), fc.anything()),
      scalar: fc.oneof(fc.double(), field),
      ranges: fc.oneof(fc.anything(), fc.array(fc.record({ begin: fc.oneof(fc.bigInt(), fc.anything()), end: fc.oneof(fc.bigInt(), fc.anything()) }))),
      set: fc.oneof(fc.anything(), fc.array(fc.anything())),
      reservations: fc.oneof(fc.anything(), fc.array(fc.record({ type: field, role: field, principal: field, labels: field }))),
      disk: fc.anything(), revocable: fc.anything(), shared: fc.anything(), providerId: fc.anything(),
      allocationInfo: fc.anything(), role: fc.anything(), reservation: fc.anything(),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(obj, { maxLength: 3 }), (list) => {
      try {
        Resources.fromProto(list as unknown as Resource[]);
      } catch (e) {
        if (!(e instanceof ResourceError)) throw e;
      }
    }), fcParams(2000));
  });
});

describe("Resources identity (identical, valueHash)", () => {
  it("identical: a bag is identical to its copies and to itself rebuilt in another order; identical bags are equal and hash alike", () => {
    fc.assert(fc.property(bagArb("a"), bagArb("b"), (a, b) => {
      const ab = a.plus(b), ba = b.plus(a);
      expect(ab.identical(ba)).toBe(true);
      expect(ab.valueHash()).toBe(ba.valueHash());
      expect(a.identical(a.clone())).toBe(true);
      expect(Resources.fromProto(a.toProto()).identical(a)).toBe(true);
      expect(Resources.fromProto(a.toProto()).valueHash()).toBe(a.valueHash());
      if (a.identical(b)) expect(a.equals(b)).toBe(true);
    }), RUNS);
  });
  it("identical tells apart bags that differ in one value, identity or copy count", () => {
    fc.assert(fc.property(bagArb("a"), bagArb("b"), (a, b) => {
      // b's ranges and items never meet a's, so a non-empty b changes a + b.
      if (!b.isEmpty()) expect(a.plus(b).identical(a)).toBe(false);
      expect(a.plus(Resources.parse("cpus:0.001")).identical(a)).toBe(false);
      const c = a.clone();
      c.add(Resources.parse("mem:1"));
      expect(c.identical(a)).toBe(false);
    }), RUNS);
  });
});
