/** values::parse rules; expected results from Mesos' ValuesTest (values_tests.cpp) and values.cpp. */
import { describe, expect, it } from "vitest";
import { parseValue, parseDouble, scalarToFixed, type ParsedValue } from "../../src/resources/value.js";
import { toFixed, fromFixed, formatFixed } from "../../src/resources/fixed.js";

function ranges(text: string): string {
  const v = parseValue(text);
  if ("error" in v || v.type !== "RANGES") throw new Error(`not ranges: ${JSON.stringify(v)}`);
  return v.ranges.toString();
}

function isError(v: ParsedValue | { error: string }): boolean {
  return "error" in v;
}

describe("parseValue (Mesos ValuesTest.ValidInput / InvalidInput)", () => {
  it("reads a scalar", () => {
    expect(parseValue("45.55")).toEqual({ type: "SCALAR", scalar: 45.55 });
  });
  it("reads ranges", () => {
    expect(ranges("[10000-20000, 30000-50000]")).toBe("[10000-20000,30000-50000]");
  });
  it("reads a set", () => {
    expect(parseValue("{sda1, sda2}")).toEqual({ type: "SET", items: ["sda1", "sda2"] });
  });
  it("reads other text as TEXT", () => {
    expect(parseValue("123abc,s")).toEqual({ type: "TEXT", text: "123abc,s" });
  });
  it("rejects unbalanced braces, non-numeric bounds and blank text", () => {
    expect(isError(parseValue("{aa,b}}"))).toBe(true);
    expect(isError(parseValue("[1-2]]"))).toBe(true);
    expect(isError(parseValue("[1-2b]"))).toBe(true);
    expect(isError(parseValue("  "))).toBe(true);
  });
  it("rejects '[' or '{' that do not start the value", () => {
    expect(isError(parseValue("1[2-3]"))).toBe(true);
    expect(isError(parseValue("a{b}"))).toBe(true);
  });
  it("rejects an odd number of bounds and bounds above 2^64-1", () => {
    expect(isError(parseValue("[1-2,3]"))).toBe(true);
    expect(isError(parseValue("[0-18446744073709551616]"))).toBe(true);
    expect(ranges("[0-18446744073709551615]")).toBe("[0-18446744073709551615]");
  });
  it("reads C++ number forms: +3, 07, 1., .5, 1e3", () => {
    expect(parseValue("+3")).toEqual({ type: "SCALAR", scalar: 3 });
    expect(parseValue("07")).toEqual({ type: "SCALAR", scalar: 7 });
    expect(parseValue("1.")).toEqual({ type: "SCALAR", scalar: 1 });
    expect(parseValue(".5")).toEqual({ type: "SCALAR", scalar: 0.5 });
    expect(parseValue("1e3")).toEqual({ type: "SCALAR", scalar: 1000 });
    expect(parseValue("ten")).toEqual({ type: "TEXT", text: "ten" });
    expect(parseValue("0x10")).toEqual({ type: "TEXT", text: "0x10" });
    expect(ranges("[+1-0x10]")).toBe("[1-16]");
  });
  it("removes spaces before reading", () => {
    expect(parseValue(" 4 0 ")).toEqual({ type: "SCALAR", scalar: 40 });
    expect(ranges("[ 1 - 2 , 5 - 6 ]")).toBe("[1-2,5-6]");
  });
  it("reads [] and {} as empty", () => {
    expect(ranges("[]")).toBe("[]");
    expect(parseValue("{}")).toEqual({ type: "SET", items: [] });
  });
});

describe("range coalescing at parse time (Mesos ValuesTest.RangesCoalesceParse)", () => {
  const cases: Array<[string, string]> = [
    ["[4-6, 6-8, 5-9, 3-4, 2-5, 4-6, 1-1, 10-10, 4-6]", "[1-10]"],
    ["[4-6, 6-8]", "[4-8]"],
    ["[6-8, 4-6]", "[4-8]"],
    ["[1-10, 8-10]", "[1-10]"],
    ["[1-11, 8-10]", "[1-11]"],
    ["[1-4, 4-5, 7-8, 8-10]", "[1-5,7-10]"],
    ["[7-8, 1-4, [8-10], 4-5]", "[1-5,7-10]"],
    ["[4-6, 7-8]", "[4-8]"],
    ["[4-6, 7-7]", "[4-7]"],
    ["[4-6, 7-7, 8-8, 9-9]", "[4-9]"],
    ["[4-6, 7-7, 9-10, 9-11]", "[4-7,9-11]"],
    ["[6-8, 6-8, 4-6, 6-8]", "[4-8]"],
  ];
  for (const [input, expected] of cases) it(`${input} -> ${expected}`, () => expect(ranges(input)).toBe(expected));

  it("rejects an inverted range (Resources::validate: begin > end)", () => {
    expect(isError(parseValue("[5-3]"))).toBe(true);
    expect(isError(parseValue("[5-3, 7-9]"))).toBe(true);
  });
  it("like Mesos, lets coalescing absorb an inverted range inside another one", () => {
    expect(ranges("[1-10, 5-3]")).toBe("[1-10]");
    expect(ranges("[5-3, 5-7]")).toBe("[5-7]");
  });
  it("keeps bounds above 2^53 exact", () => {
    expect(ranges("[9007199254740993-9007199254740995, 9007199254740996-9007199254740999]")).toBe("[9007199254740993-9007199254740999]");
  });
});

describe("fixed point (Mesos convertToFixed / ResourcesTest.Precision*)", () => {
  it("rounds value*1000 to the nearest integer, halves away from zero", () => {
    expect(toFixed(1.5015)).toBe(1502);
    expect(toFixed(1.5011)).toBe(1501);
    expect(toFixed(1.2345)).toBe(1235);
    expect(toFixed(0.1) + toFixed(0.2)).toBe(toFixed(0.3));
    expect(toFixed(-0.0005)).toBe(-1);
  });
  it("prints at most three decimals, no trailing zeros, all integral digits (PrintingScalarPrecision)", () => {
    expect(formatFixed(toFixed(1.234))).toBe("1.234");
    expect(formatFixed(toFixed(1.2345))).toBe("1.235");
    expect(formatFixed(toFixed(1.2344))).toBe("1.234");
    expect(formatFixed(toFixed(1.1))).toBe("1.1");
    expect(formatFixed(toFixed(1000001))).toBe("1000001");
    expect(formatFixed(toFixed(99999999999.9994))).toBe("99999999999.999");
    expect(formatFixed(1)).toBe("0.001");
    expect(fromFixed(1502)).toBe(1.502);
  });
  it("validates scalars as Resources::validate", () => {
    expect(scalarToFixed(0)).toBe(0);
    expect(scalarToFixed(2.5)).toBe(2500);
    expect(scalarToFixed(-1)).toHaveProperty("error");
    expect(scalarToFixed(0.0004)).toHaveProperty("error");
    expect(scalarToFixed(0.0005)).toBe(1);
    expect(scalarToFixed(NaN)).toHaveProperty("error");
    expect(scalarToFixed(Infinity)).toHaveProperty("error");
    expect(scalarToFixed(1e300)).toHaveProperty("error");
  });
  it("parseDouble follows the C++ grammar", () => {
    expect(parseDouble("1.e3")).toBe(1000);
    expect(parseDouble("inf")).toBe(Infinity);
    expect(parseDouble("1e")).toBeNull();
    expect(parseDouble(".")).toBeNull();
    expect(parseDouble("1e400")).toBeNull();
    expect(parseDouble("0b1")).toBeNull();
  });
});
