import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RangeSet } from "../../../src/resources/ranges.js";
import { RangeColumn } from "../../../src/resources/columnar-ranges.js";
import {
  tsRangeContainsMask, wasmRangeContainsMask, tsRangeSubtractRows, wasmRangeSubtractRows, type RangeContainsMask, type RangeSubtractRows,
} from "../../../src/resources/wasm/columns.js";
import { fcParams } from "../../fc-params.js";

const MAX = 0xffffffffffffffffn;
const smallSet = fc
  .array(fc.tuple(fc.nat(3000), fc.nat(30)), { maxLength: 40 })
  .map((xs) => RangeSet.fromIntervals(xs.map(([b, len]) => [b, b + len] as [number, number])));
// Small-form sets at the top of the u32 domain (intervals may end at 2^32 - 1).
const U32_TOP = 0xffffffff;
const topSet = fc
  .array(fc.tuple(fc.nat(3000), fc.nat(30)), { maxLength: 40 })
  .map((xs) => RangeSet.fromIntervals(xs.map(([b, len]) => [U32_TOP - 3000 + b, Math.min(U32_TOP, U32_TOP - 3000 + b + len)] as [number, number])));
const wideSet = fc
  .array(fc.tuple(fc.oneof(fc.nat(3000).map(BigInt), fc.bigInt({ min: MAX - 3000n, max: MAX })), fc.bigInt({ min: 0n, max: 30n })), { maxLength: 40 })
  .map((xs) => RangeSet.fromIntervals(xs.map(([b, len]) => [b, b + len > MAX ? MAX : b + len] as [bigint, bigint])));

const bit = (mask: Uint32Array, r: number) => ((mask[r >>> 5]! >>> (r & 31)) & 1) === 1;

describe.each([
  ["ts", tsRangeContainsMask],
  ["wasm", wasmRangeContainsMask],
] as [string, RangeContainsMask][])("interval-column contains mask (%s)", (_name, containsMask) => {
  it("marks the offers whose ports contain the demand (Mesos' port shapes)", () => {
    const col = new RangeColumn("u32", 2, 4);
    col.push(RangeSet.fromIntervals([[31000, 32000]]));
    col.push(RangeSet.fromIntervals([[31000, 31004], [31006, 32000]]));
    col.push(RangeSet.EMPTY);
    col.push(RangeSet.fromIntervals([[1, 1], [3, 3], [5, 16000]]));
    const mask = new Uint32Array(1);
    expect(containsMask(col, RangeSet.fromIntervals([[31004, 31006]]), mask)).toBe(1);
    expect([0, 1, 2, 3].map((r) => bit(mask, r))).toEqual([true, false, false, false]);
    expect(containsMask(col, RangeSet.EMPTY, mask)).toBe(4);
    expect(containsMask(col, RangeSet.fromIntervals([[31000, 31001]]), mask)).toBe(2);
    col.dispose();
  });

  it.each([
    ["u32", smallSet, smallSet],
    ["u32", topSet, topSet],
    ["u64", wideSet, wideSet],
    ["u64", smallSet, wideSet],
  ] as const)("equals a loop of RangeSet.contains on random %s rows", (element, rowArb, demandArb) => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 70 }), demandArb, fc.nat(10), (rows, demand, pick) => {
        const col = new RangeColumn(element, 1, 1);
        try {
          for (const r of rows) col.push(r);
          // A subset of one row as the demand, too, so hits are common.
          const demands = [demand, rows.length ? rows[pick % rows.length]!.take(Math.min(3, rows[pick % rows.length]!.count())) ?? demand : demand];
          for (const d of demands) {
            const mask = new Uint32Array(Math.ceil(rows.length / 32) + 1);
            const hits = containsMask(col, d, mask);
            const want = rows.map((r) => r.contains(d));
            expect(hits).toBe(want.filter(Boolean).length);
            want.forEach((w, r) => expect(bit(mask, r)).toBe(w));
          }
        } finally {
          col.dispose();
        }
      }),
      fcParams(80),
    );
  });
});

describe("RangeColumn", () => {
  it("reads back what was stored, through growth, rewrites and compaction", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(30), smallSet), { minLength: 1, maxLength: 120 }), (ops) => {
        const col = new RangeColumn("u64", 1, 1);
        const model: RangeSet[] = [];
        try {
          for (const [where, set] of ops) {
            if (model.length === 0 || where % 3 === 0) { col.push(set); model.push(set); }
            else { const r = where % model.length; col.set(r, set); model[r] = set; }
          }
          model.forEach((s, r) => expect(col.get(r).equals(s)).toBe(true));
        } finally {
          col.dispose();
        }
      }),
      fcParams(60),
    );
  });

  it("keeps uint64 values exact in a u64 column and refuses them in a u32 column", () => {
    const big = RangeSet.fromIntervals([[9007199254740999n, 9007199254741005n], [MAX, MAX]]);
    const wide = new RangeColumn("u64");
    wide.push(big);
    expect(wide.get(0).toString()).toBe(`[9007199254740999-9007199254741005,${MAX}-${MAX}]`);
    const narrow = new RangeColumn("u32");
    expect(() => narrow.push(big)).toThrow(/above 2\^32/);
    expect(() => narrow.push(RangeSet.interval(4294967295, 4294967296))).toThrow(/above 2\^32/);
    expect(narrow.length).toBe(0); // the failed push left no row behind
    wide.dispose(); narrow.dispose();
  });
});

describe.each([
  ["ts", tsRangeSubtractRows],
  ["wasm", wasmRangeSubtractRows],
] as [string, RangeSubtractRows][])("interval-column batch subtraction (%s)", (_name, subtractRows) => {
  it("takes accepted ports out of each target agent, leaving the others alone", () => {
    const col = new RangeColumn("u32", 2, 4);
    col.push(RangeSet.fromIntervals([[31000, 32000]]));
    col.push(RangeSet.fromIntervals([[31000, 31004], [31006, 32000]]));
    col.push(RangeSet.fromIntervals([[1, 10]]));
    const allocs = new RangeColumn("u32");
    allocs.push(RangeSet.fromIntervals([[31500, 31501], [31700, 31700]])); // splits agent 0 into three
    allocs.push(RangeSet.fromIntervals([[30000, 31002]])); // outside agent 2's [1-10]: ignored
    subtractRows(col, Int32Array.from([0, 2]), allocs);
    expect(col.get(0).toString()).toBe("[31000-31499,31502-31699,31701-32000]");
    expect(col.get(1).toString()).toBe("[31000-31004,31006-32000]");
    expect(col.get(2).toString()).toBe("[1-10]");
    col.dispose();
    allocs.dispose();
  });

  it("rejects a row targeted twice, a count mismatch and mixed element types, changing nothing", () => {
    const col = new RangeColumn("u32");
    col.push(RangeSet.fromIntervals([[1, 10]]));
    col.push(RangeSet.fromIntervals([[1, 10]]));
    const allocs = new RangeColumn("u32");
    allocs.push(RangeSet.fromIntervals([[2, 2]]));
    allocs.push(RangeSet.fromIntervals([[3, 3]]));
    expect(() => subtractRows(col, Int32Array.from([1, 1]), allocs)).toThrow(/targeted twice/);
    expect(() => subtractRows(col, Int32Array.from([0]), allocs)).toThrow(RangeError);
    expect(() => subtractRows(col, Int32Array.from([0, 5]), allocs)).toThrow(/out of range/);
    const wide = new RangeColumn("u64");
    wide.push(RangeSet.EMPTY);
    wide.push(RangeSet.EMPTY);
    expect(() => subtractRows(col, Int32Array.from([0, 1]), wide)).toThrow(/u64/);
    expect([col.get(0).toString(), col.get(1).toString()]).toEqual(["[1-10]", "[1-10]"]);
    for (const c of [col, allocs, wide]) c.dispose();
  });

  it.each([
    ["u32", smallSet, smallSet],
    ["u32", topSet, topSet],
    ["u64", wideSet, wideSet],
    ["u64", smallSet, wideSet],
  ] as const)("equals a loop of RangeSet.subtract on random %s rows (and leaves untargeted rows)", (element, rowArb, allocArb) => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), fc.array(allocArb, { maxLength: 30 }), fc.nat(), (rows, allocList, seed) => {
        const col = new RangeColumn(element, 1, 8);
        for (const r of rows) col.push(r);
        // Distinct targets: a rotation of the row indices, as many as allocations allow.
        const count = Math.min(rows.length, allocList.length);
        const targets = Int32Array.from({ length: count }, (_, k) => (k + seed) % rows.length);
        const allocs = new RangeColumn(element, 1, 8);
        for (let k = 0; k < count; k++) allocs.push(allocList[k]!);
        subtractRows(col, targets, allocs);
        const expected = rows.slice();
        for (let k = 0; k < count; k++) expected[targets[k]!] = rows[targets[k]!]!.subtract(allocList[k]!);
        for (let r = 0; r < rows.length; r++) expect(col.get(r).toString()).toBe(expected[r]!.toString());
        col.dispose();
        allocs.dispose();
      }),
      fcParams(100),
    );
  });
});
