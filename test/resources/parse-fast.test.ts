/**
 * The one-pass scanner for the common text form (scanSimpleEntries) against
 * the general reader (parseEntriesGeneral): whatever the scanner accepts, the
 * general path reads to the same entries; whatever the general path rejects,
 * the scanner declines (returns null), so errors always come from one place.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { scanSimpleEntries, parseEntriesGeneral, oneInterval } from "../../src/resources/parse.js";
import { RangeSet } from "../../src/resources/ranges.js";
import { Resources, ResourceParseError, type Entry } from "../../src/resources/index.js";
import { fcParams } from "../fc-params.js";

// The identity id too: the scanner caches names with their ids (parse.ts, plainEntry).
const show = (es: readonly Entry[]) =>
  es.map((e) => `${e.name}|${e.type}|${e.meta.key}|${e.scalar}|${e.ranges ? e.ranges.toString() : ""}|${e.set ? e.set.join(",") : ""}|${e.id}`);

function general(text: string): string[] | Error {
  try { return show(parseEntriesGeneral(text)); } catch (e) { return e as Error; }
}

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
// Many short names from a small alphabet: they share and evict the scanner's
// name-cache slots (64), at and around its 6-character limit.
const shortName = fc.string({ unit: fc.constantFrom(..."abcdeghp_"), minLength: 1, maxLength: 8 });
const name = fc.oneof(
  fc.constantFrom("cpus", "mem", "disk", "ports", "gpus", "a.b", "x-y", "_", "Cpus9"),
  shortName,
  fc.constantFrom("\u00a0cpus", " cpus", "cpus ", "cpus(r1)", "cpus(*)", "", "c\u00e9", "a\tb"),
);
const scalar = fc.oneof(
  digits(1, 12),
  fc.tuple(digits(0, 10), digits(0, 5)).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom("+3", "-1", "1e3", "0x10", "inf", "nan", "abc", "", "0", "0.0004", "00024", "1 0"),
);
const bound = fc.oneof(fc.nat({ max: 40 }).map(String), digits(1, 17));
const ranges = fc.array(fc.tuple(bound, bound), { minLength: 0, maxLength: 5 })
  .chain((iv) => fc.constantFrom(",", ", ", ",,").map((sep) => "[" + iv.map(([b, e]) => `${b}-${e}`).join(sep) + "]"))
  .chain((r) => fc.constantFrom(r, r + "]", r.slice(0, -1), r + "x", r.replace("-", "--")));
const value = fc.oneof(scalar, ranges, fc.constantFrom("{a,b}", "{}", "[", "]", "[1-2"));
const piece = fc.tuple(name, fc.constantFrom(":", "::", "", " : "), value).map(([n, sep, v]) => n + sep + v);
// Mostly well-formed pieces, so that many whole texts take the scanner.
const simplePiece = fc.tuple(
  fc.oneof(fc.constantFrom("cpus", "mem", "disk", "ports", "gpus", "a.b"), shortName),
  fc.oneof(digits(1, 9), fc.tuple(digits(1, 4), digits(1, 3)).map(([a, b]) => `${a}.${b}`),
    fc.uniqueArray(fc.nat({ max: 60 }), { minLength: 2, maxLength: 8 }).map((xs) => {
      const v = [...xs].sort((a, b) => a - b);
      const iv: string[] = [];
      for (let k = 0; k + 1 < v.length; k += 2) iv.push(`${v[k]}-${v[k + 1]}`);
      return `[${iv.join(",")}]`;
    })),
).map(([n, v]) => `${n}:${v}`);
const text = fc.array(fc.oneof({ arbitrary: simplePiece, weight: 4 }, { arbitrary: piece, weight: 1 }), { maxLength: 5 }).chain((ps) => fc.constantFrom(";", ";;", " ;").map((sep) => ps.join(sep)))
  .chain((t) => fc.constantFrom(t, t + ";", ";" + t));

/** True when `t` is a JSON array (what Resources.parse reads as Mesos' JSON form). */
function isJSONArray(t: string): boolean {
  try { return Array.isArray(JSON.parse(t)); } catch { return false; }
}

describe("the one-pass scanner of the common text form", () => {
  it("reads Mesos' benchmark string itself, with Mesos' values", () => {
    const es = scanSimpleEntries("cpus:24;mem:4096;disk:4096;ports:[31000-32000]");
    expect(es).not.toBeNull();
    const values = (xs: readonly Entry[]) => show(xs).map((x) => x.slice(0, x.lastIndexOf("|")));
    expect(values(es!)).toEqual(["cpus|0||24000||", "mem|0||4096000||", "disk|0||4096000||", "ports|1||0|[31000-32000]|"]);
    expect(values(scanSimpleEntries("cpus:0.1;mem:1.001;ports:[1-2,5-9]")!)).toEqual(["cpus|0||100||", "mem|0||1001||", "ports|1||0|[1-2,5-9]|"]);
  });

  it("declines what it does not handle, so the general path reads it", () => {
    for (const t of ["cpus(r1):1", "cpus: 1", " cpus:1", "cpus:1.", "cpus:1.0001", "cpus:1e3", "cpus:+1", "cpus:-1",
      "ports:[5-3]", "ports:[3-4,1-2]", "ports:[1-2,3-4]", "ports:[1-2", "zones:{a,b}", "cpus:1234567890", "[{\"name\":\"cpus\"}]", "{}"]) {
      expect(scanSimpleEntries(t), t).toBeNull();
    }
  });

  it("reads names through its cache: colliding, evicted, at the 6-character limit, as scalar and as ranges", () => {
    // "fpga" and "cpus2" share a slot of the name cache; so do "alcpus" and
    // "bbcpus", which differ only above their low 32 bits; "cpus" and "gpus"
    // share their last character; "abcdefa" and "abcdefb" (7 characters, past
    // the key's exact limit) would spell the same double.
    const texts = ["fpga:1", "cpus2:2", "fpga:[1-2]", "cpus2:[3-4]", "fpga:3;cpus2:4", "cpus:1;gpus:2", "gpus:[5-6];cpus:[7-8]",
      "alcpus:1", "bbcpus:2", "alcpus:3;bbcpus:4", "abcdefa:1", "abcdefb:2", "abcdefa:[1-2];abcdefb:3",
      "abcdef:1", "abcdefg:2", "abcdeg:3", "abcdef:[1-1]", "x:1", "y:1", "xy:[1-2]"];
    for (let round = 0; round < 3; round++) {
      for (const t of texts) {
        const fast = scanSimpleEntries(t);
        expect(fast, t).not.toBeNull();
        expect(show(fast!), t).toEqual(general(t));
      }
    }
    expect(Resources.parse("fpga:1").plus(Resources.parse("cpus2:1")).toString()).toBe("fpga:1;cpus2:1");
    expect(Resources.parse("cpus:1").plus(Resources.parse("gpus:1")).toString()).toBe("cpus:1;gpus:1");
    // One name as a scalar and as ranges: two identities, and still one type per name in a text.
    expect(Resources.parse("zz:1").contains(Resources.parse("zz:[1-1]"))).toBe(false);
    expect(() => Resources.parse("zz:1;zz:[1-2]")).toThrow(ResourceParseError);
  });

  it("agrees with the general reader on random texts, and never accepts what it rejects", () => {
    let accepted = 0;
    fc.assert(fc.property(text, (t) => {
      const fast = scanSimpleEntries(t);
      const slow = general(t);
      if (fast === null) return;
      if (fast.length > 1) accepted++;
      expect(slow).not.toBeInstanceOf(Error);
      expect(show(fast)).toEqual(slow);
    }), fcParams(3000));
    expect(accepted).toBeGreaterThan(300); // the comparison ran on many multi-resource texts

  });

  it("leaves Resources.parse errors as the general reader's ResourceParseError", () => {
    fc.assert(fc.property(text, (t) => {
      const slow = general(t);
      let got: unknown = null;
      try { Resources.parse(t); } catch (e) { got = e; }
      if (t.length <= 16 && t.trim() === "{}") {
        // How an empty bag prints, which Resources.parse reads back before
        // either reader (the general reader alone rejects it).
        expect(got).toBeNull();
        expect(Resources.parse(t).isEmpty()).toBe(true);
      } else if (isJSONArray(t)) {
        // Mesos' JSON form, which Resources.parse reads before the text
        // readers (a random run found "[]": an empty bag, as in Mesos).
        if (got === null) expect(Resources.parse(t).toJSON()).toBeInstanceOf(Array);
        else expect(got).toBeInstanceOf(ResourceParseError);
      } else if (slow instanceof Error) {
        expect(got).toBeInstanceOf(ResourceParseError);
        expect((got as Error).message).toBe(slow.message);
      }
    }), fcParams(1000));
    // The cases random runs found: "{}" alone (seed 2118255884) and "[]" (seed 833193801).
    expect(Resources.parse("[]").isEmpty()).toBe(true);
    expect(general("[]")).toBeInstanceOf(Error);
    expect(Resources.parse("{}").isEmpty()).toBe(true);
    expect(general("{}")).toBeInstanceOf(Error);
  });
});

describe("shared single-interval values of the scanner", () => {
  // Bounds that collide in the 64-slot cache as well as spread ones, and
  // values at the top of the small form.
  const bounds = fc.oneof(
    fc.tuple(fc.nat({ max: 200 }), fc.nat({ max: 200 })),
    fc.tuple(fc.nat({ max: 200 }), fc.nat({ max: 200 })).map(([b, d]) => [b * 64, b * 64 + d * 64] as [number, number]),
    fc.tuple(fc.constant(2 ** 32 - 1), fc.constant(0)),
  ).map(([b, d]) => [b, Math.min(b + d, 2 ** 32 - 1)] as [number, number]);

  it("leaves values above the small form (2^32 - 1) to the general parser, exact", () => {
    for (const text of ["[4294967295-4294967296]", "[9007199254740991-9007199254740991]", "[1-2,4294967296-4294967297]"]) {
      const r = Resources.parse(`ports:${text}`).rangesOf("ports");
      expect(r.big).not.toBeNull();
      expect(r.toString()).toBe(text);
    }
  });

  it("reads random canonical ranges around 2^32 and 2^53 exactly, through every reader", () => {
    // Bounds near the small/big boundary (2^32) and the largest exact number
    // (2^53); the expected text is built from bigints, not by the parser.
    const near = fc.constantFrom(2n ** 32n, 2n ** 53n).chain((base) => fc.bigInt({ min: base - 6n, max: base + 6n }));
    fc.assert(fc.property(fc.uniqueArray(near, { minLength: 2, maxLength: 8 }), (xs) => {
      const v = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const iv: Array<[bigint, bigint]> = [];
      for (let k = 0; k + 1 < v.length; k += 2) iv.push([v[k]!, v[k + 1]!]);
      // Canonical as written needs a gap of at least 2 between intervals; merge the rest.
      const merged: Array<[bigint, bigint]> = [];
      for (const [b, e] of iv) {
        const last = merged[merged.length - 1];
        if (last !== undefined && b <= last[1] + 1n) last[1] = e > last[1] ? e : last[1];
        else merged.push([b, e]);
      }
      const text = `[${merged.map(([b, e]) => `${b}-${e}`).join(",")}]`;
      const written = `[${iv.map(([b, e]) => `${b}-${e}`).join(",")}]`;
      for (const t of [`ports:${written}`, `ports(r1):${written}`, `ports:${written};cpus:1`]) {
        const r = Resources.parse(t).toString().match(/ports(?:\(r1\))?:(\[[^\]]*\])/)![1];
        expect(r).toBe(text);
      }
      expect(RangeSet.fromIntervals(iv).toString()).toBe(text);
    }), fcParams(300));
  });

  it("returns [b-e] whatever was read before, hit or miss", () => {
    fc.assert(fc.property(fc.array(bounds, { minLength: 1, maxLength: 40 }), (pairs) => {
      for (const [b, e] of pairs) {
        const got = oneInterval(b, e);
        expect(got.toPairs()).toEqual([[b, e]]);
        expect(got.equals(RangeSet.interval(b, e))).toBe(true);
        const parsed = Resources.parse(`ports:[${b}-${e}]`).rangesOf("ports");
        expect(parsed.toString()).toBe(`[${b}-${e}]`);
      }
    }), fcParams(300));
  });

  it("keeps bags parsed from the same text independent", () => {
    const text = "cpus:24;mem:4096;disk:4096;ports:[31000-32000]";
    const a = Resources.parse(text), b = Resources.parse(text);
    a.subtract(Resources.parse("ports:[31000-31499]"));
    a.add(Resources.parse("ports:[40000-40000]"));
    expect(a.rangesOf("ports").toString()).toBe("[31500-32000,40000-40000]");
    expect(b.rangesOf("ports").toString()).toBe("[31000-32000]");
    expect(Resources.parse(text).rangesOf("ports").toString()).toBe("[31000-32000]");
    const c = b.minus(Resources.parse("ports:[31000-32000]"));
    expect(c.rangesOf("ports").isEmpty()).toBe(true);
    expect(b.toString()).toBe(text);
  });
});

