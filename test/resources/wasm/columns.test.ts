import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { NameTable, ResourceColumns } from "../../../src/resources/columnar.js";
import { tsColumnKernels, wasmColumnKernels, type ColumnKernels } from "../../../src/resources/wasm/columns.js";
import { columnKernels } from "../../../src/resources/kernels.js";
import { fcParams } from "../../fc-params.js";

const NAMES = ["cpus", "mem", "disk", "gpus", "cpus(role1)", "mem(role1)", "ephemeral", "net"];

/** Mesos' fixed point: llround(value * 1000). */
const fixed = (v: number) => Math.round(v * 1000);

/** Random rows: fractional scalars over many names, as thousandths. */
const rowArb = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true }).map(fixed), fc.nat(5000)), {
  minLength: NAMES.length,
  maxLength: NAMES.length,
});

function storeOf(rows: number[][], names = new NameTable()): ResourceColumns {
  const s = new ResourceColumns(NAMES.length, names, 2); // tiny capacity: exercises growth
  for (const r of rows) s.push(r.map((v, c) => [NAMES[c]!, v] as const));
  return s;
}

describe.each([tsColumnKernels, wasmColumnKernels, columnKernels])("column kernels ($name)", (k: ColumnKernels) => {
  it("adds fixed-point scalars exactly: 0.1 + 0.2 == 0.3", () => {
    const s = storeOf([]);
    s.push([["cpus", fixed(0.1)]]);
    s.push([["cpus", fixed(0.2)]]);
    s.push([["cpus", fixed(0.3)]]);
    k.addRow(s, 0, 1);
    expect(k.compareRows(s, 0, 2)).toBe(0);
    expect(s.get(0, s.column("cpus"))).toBe(300);
  });

  it("saturates subtraction at zero and counts what went negative", () => {
    const s = storeOf([]);
    s.push([["cpus", 1000], ["mem", 512_000]]);
    s.push([["cpus", 2000], ["mem", 128_000]]);
    expect(k.subtractRow(s, 0, 1)).toBe(1);
    expect(s.entries(0)).toEqual([["mem", 384_000]]);
  });

  it("contains and compares", () => {
    const s = storeOf([]);
    s.push([["cpus", 4000], ["mem", 1024_000]]);
    s.push([["cpus", 1000], ["mem", 128_000]]);
    s.push([["cpus", 1000], ["gpus", 1000]]);
    expect(k.rowContains(s, 0, 1)).toBe(true);
    expect(k.rowContains(s, 1, 0)).toBe(false);
    expect(k.rowContains(s, 0, 2)).toBe(false);
    expect(k.rowContains(s, 2, 2)).toBe(true);
    expect(k.compareRows(s, 0, 1)).toBe(1);
    expect(k.compareRows(s, 1, 0)).toBe(-1);
  });

  it("stays exact for amounts above 2^32 and up to 2^53 thousandths", () => {
    const s = storeOf([]);
    const big = 2 ** 53 - 1 - 5;
    s.push([["mem", big]]);
    s.push([["mem", 5]]);
    s.push([["mem", 4294967296 + 7]]);
    k.addRow(s, 0, 1);
    expect(s.get(0, s.column("mem"))).toBe(2 ** 53 - 1);
    expect(k.sum(s, new Int32Array([1, 2]))[s.column("mem")]).toBe(4294967296 + 12);
  });

  it("rejects rows and targets out of range", () => {
    const s = storeOf([[1, 2, 3, 4, 5, 6, 7, 8]]);
    expect(() => k.addRow(s, 0, 1)).toThrow(RangeError);
    expect(() => k.sum(s, new Int32Array([3]))).toThrow(RangeError);
    const other = storeOf([[1, 1, 1, 1, 1, 1, 1, 1]], s.names);
    expect(() => k.subtractRows(s, new Int32Array([2]), other)).toThrow(RangeError);
  });

  it("batch forms equal a loop of the single forms (random inputs)", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 70 }), rowArb, fc.array(fc.nat(1000)), (rows, demand, picks) => {
        const names = new NameTable();
        const s = storeOf(rows, names);
        try {
          // sum == fold of the rows
          const all = k.sum(s, null);
          const expected = NAMES.map((_, c) => rows.reduce((t, r) => t + r[c]!, 0));
          expect(Array.from(all)).toEqual(expected);
          // containsMask == per-row contains
          const mask = new Uint32Array(Math.ceil(rows.length / 32));
          const hits = k.containsMask(s, Float64Array.from(demand), mask);
          const want = rows.map((r) => r.every((v, c) => v >= demand[c]!));
          expect(hits).toBe(want.filter(Boolean).length);
          want.forEach((w, r) => expect(((mask[r >>> 5]! >>> (r & 31)) & 1) === 1).toBe(w));
          // subtractRows == subtractRow one by one on a copy
          const targets = Int32Array.from(picks.map((p) => p % rows.length));
          const allocs = storeOf(Array.from(targets, (_, i) => rows[(i * 7) % rows.length]!), names);
          const copy = storeOf(rows, names);
          const clamped = k.subtractRows(s, targets, allocs);
          let clamped1 = 0;
          const both = storeOf([...rows, ...Array.from(targets, (_, i) => rows[(i * 7) % rows.length]!)], names);
          targets.forEach((t, i) => { clamped1 += k.subtractRow(both, t, rows.length + i); });
          expect(clamped).toBe(clamped1);
          for (let r = 0; r < rows.length; r++) expect(Array.from(s.row(r))).toEqual(Array.from(both.row(r)));
          // addRows undoes subtractRows when nothing clamped
          if (clamped === 0) {
            k.addRows(s, targets, allocs);
            for (let r = 0; r < rows.length; r++) expect(Array.from(s.row(r))).toEqual(Array.from(copy.row(r)));
          }
          for (const x of [allocs, copy, both]) x.dispose();
        } finally {
          s.dispose();
        }
      }),
      fcParams(120),
    );
  });
});

describe("ResourceColumns", () => {
  it("interns names to columns shared between stores", () => {
    const names = new NameTable();
    const a = new ResourceColumns(4, names), b = new ResourceColumns(4, names);
    expect(a.column("cpus")).toBe(0);
    expect(b.column("mem")).toBe(1);
    expect(a.column("mem")).toBe(1);
    expect(names.indexOf("disk")).toBe(-1);
    a.column("x"); a.column("y");
    expect(() => a.column("z")).toThrow(/needs column 4/);
  });

  it("keeps rows when it grows and rejects non-integer thousandths", () => {
    const s = new ResourceColumns(2, new NameTable(), 1);
    for (let i = 0; i < 100; i++) s.push([["cpus", i * 1000], ["mem", i]]);
    expect(s.length).toBe(100);
    expect(s.entries(37)).toEqual([["cpus", 37_000], ["mem", 37]]);
    expect(() => s.set(0, 0, 1.5)).toThrow(/not an integer/);
    expect(() => s.get(100, 0)).toThrow(RangeError);
  });
});

describe("Wasm and TypeScript column kernels agree", () => {
  it("on one demand against many rows, for every width (the Wasm kernel unrolls width 4) and across mask words", () => {
    const small = fc.oneof(fc.constantFrom(0, 1000, 2000), fc.nat(3000));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((w) => fc.tuple(
        fc.constant(w),
        fc.array(fc.array(small, { minLength: w, maxLength: w }), { minLength: 0, maxLength: 100 }),
        fc.array(small, { minLength: w, maxLength: w }),
      )), ([w, rows, demand]) => {
        const names = NAMES.slice(0, w);
        const make = () => {
          const s = new ResourceColumns(w, new NameTable(), 4);
          for (const r of rows) s.push(r.map((v, c) => [names[c]!, v] as const));
          return s;
        };
        const t = make(), x = make();
        const words = Math.ceil(rows.length / 32);
        // Stale bits in the masks: every word must be written, not or-ed into.
        const mt = new Uint32Array(words).fill(0xffffffff), mw = new Uint32Array(words).fill(0xffffffff);
        const d = Float64Array.from(demand);
        const hits = wasmColumnKernels.containsMask(x, d, mw);
        expect(hits).toBe(tsColumnKernels.containsMask(t, d, mt));
        expect(Array.from(mw)).toEqual(Array.from(mt));
        const want = rows.map((r) => r.every((v, c) => v >= demand[c]!));
        expect(hits).toBe(want.filter(Boolean).length);
        want.forEach((ok, r) => expect(((mw[r >>> 5]! >>> (r & 31)) & 1) === 1).toBe(ok));
        // The bits past the last row are clear.
        if (rows.length % 32 !== 0) expect(mw[words - 1]! >>> (rows.length % 32)).toBe(0);
        t.dispose(); x.dispose();
      }),
      fcParams(300),
    );
  });

  it("on random stores", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 2, maxLength: 40 }), rowArb, (rows, demand) => {
        const t = storeOf(rows), w = storeOf(rows);
        const mt = new Uint32Array(2), mw = new Uint32Array(2);
        expect(wasmColumnKernels.containsMask(w, Float64Array.from(demand), mw)).toBe(tsColumnKernels.containsMask(t, Float64Array.from(demand), mt));
        expect(Array.from(mw)).toEqual(Array.from(mt));
        expect(Array.from(wasmColumnKernels.sum(w, null))).toEqual(Array.from(tsColumnKernels.sum(t, null)));
        expect(wasmColumnKernels.rowContains(w, 0, 1)).toBe(tsColumnKernels.rowContains(t, 0, 1));
        expect(wasmColumnKernels.compareRows(w, 0, 1)).toBe(tsColumnKernels.compareRows(t, 0, 1));
        expect(wasmColumnKernels.subtractRow(w, 0, 1)).toBe(tsColumnKernels.subtractRow(t, 0, 1));
        wasmColumnKernels.addRow(w, 1, 0);
        tsColumnKernels.addRow(t, 1, 0);
        for (let r = 0; r < rows.length; r++) expect(Array.from(w.row(r))).toEqual(Array.from(t.row(r)));
        t.dispose(); w.dispose();
      }),
      fcParams(150),
    );
  });
});

describe("bad input to the column store and kernels", () => {
  it.each([tsColumnKernels, wasmColumnKernels])("$name: bad rows, targets, demands and amounts throw RangeError and change nothing", (k) => {
    const s = storeOf([[1000, 2000, 3000, 4000, 0, 0, 0, 0], [500, 500, 500, 500, 0, 0, 0, 0]]);
    const snapshot = () => [Array.from(s.row(0)), Array.from(s.row(1))];
    const before = snapshot();
    const badRow = fc.constantFrom(NaN, Infinity, -1, 2, 0.5);
    const badAmount = fc.constantFrom(NaN, Infinity, -Infinity, 0.5, 1e300);
    fc.assert(
      fc.property(badRow, badAmount, fc.nat(NAMES.length - 1), fc.constantFrom(-1, 2, 99), (row, amount, c, target) => {
        const demand = new Float64Array(NAMES.length);
        demand[c] = Number.isFinite(amount) ? NaN : amount;
        const calls: (() => unknown)[] = [
          () => k.addRow(s, row, 0),
          () => k.subtractRow(s, 0, row),
          () => k.rowContains(s, row, 1),
          () => k.compareRows(s, 1, row),
          () => k.sum(s, Int32Array.of(0, target)),
          () => k.subtractRows(s, Int32Array.of(0, target), s),
          () => k.addRows(s, Int32Array.of(target), s),
          () => k.containsMask(s, demand, new Uint32Array(1)),
          () => k.containsMask(s, new Float64Array(3), new Uint32Array(1)),
          () => s.set(0, c, amount),
          () => s.set(row, c, 1000),
        ];
        for (const call of calls) expect(call).toThrow(RangeError);
        expect(snapshot()).toEqual(before);
      }),
      fcParams(60),
    );
  });
});
