/**
 * Doubles in Mesos JSON: rapidjson's Grisu2 digits and Prettify layout.
 * Expected texts come from the vectors' README (rapidjson's actual output).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatDouble } from "../../src/codec/index.js";
import { fcParams } from "../fc-params.js";

describe("formatDouble", () => {
  it.each([
    [5, "5.0"], [4096, "4096.0"], [2592000, "2592000.0"], [1e20, "100000000000000000000.0"],
    [2.5, "2.5"], [1724439540.5, "1724439540.5"], [123456789.123, "123456789.123"],
    [0.1, "0.1"], [0.001, "0.001"], [0.000001, "0.000001"],
    [1e21, "1e21"], [1e300, "1e300"], [1e-7, "1e-7"], [5e-324, "5e-324"],
    [1.7976931348623157e308, "1.7976931348623157e308"], [1.2345e-7, "1.2345e-7"],
    [0, "0.0"], [-0, "-0.0"], [-2.5, "-2.5"],
    [Infinity, '"Infinity"'], [-Infinity, '"-Infinity"'],
    // Grisu2 is not always shortest: rapidjson's digits, not Number#toString's.
    [0.30000000000000004, "0.30000000000000007"], [3.3000000000000003, "3.3000000000000004"], [1.7999999999999998, "1.7999999999999999"],
  ])("%s → %s", (x, text) => {
    expect(formatDouble(x)).toBe(text);
  });

  it("always reads back as the same double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(Number(formatDouble(x)), x)).toBe(true);
      }),
      fcParams(5000),
    );
  });
});
