/**
 * Mesos' fixed-point scalars: every scalar is read as `llround(v * 1000)`
 * (three decimal places) before it is compared, added or subtracted, so
 * 0.1 + 0.2 equals 0.3 exactly. drfcore keeps scalars as integer thousandths
 * in a JS number (exact up to 2^53 thousandths, about 9 * 10^12 units).
 */

/** Scalars carry three decimal places. */
export const FIXED_SCALE = 1000;

/**
 * Mesos `convertToFixed`: `llround(v * 1000)` (halves round away from zero).
 * Returns NaN for NaN and for values whose thousandths do not fit an int64,
 * where C++'s llround has no defined result.
 */
export function toFixed(v: number): number {
  const x = v * FIXED_SCALE;
  if (!(Math.abs(x) < 9223372036854775808)) return NaN;
  return x >= 0 ? Math.round(x) : -Math.round(-x);
}

/** Thousandths back to a number (`f / 1000`). */
export function fromFixed(f: number): number {
  // Integer division then remainder, like Mesos' convertToFloating, so the
  // floating-point division only sees values in [0, 999].
  const q = Math.trunc(f / FIXED_SCALE);
  return q + (f - q * FIXED_SCALE) / FIXED_SCALE;
}

/**
 * Prints thousandths as a plain decimal with at most three fractional digits
 * and no exponent (`1502` -> `"1.502"`, `3000` -> `"3"`), which Mesos' parser
 * reads back to the same thousandths.
 */
export function formatFixed(f: number): string {
  if (Number.isInteger(f) && Math.abs(f) <= Number.MAX_SAFE_INTEGER) {
    const neg = f < 0;
    const a = neg ? -f : f;
    const q = Math.floor(a / FIXED_SCALE);
    const r = a - q * FIXED_SCALE;
    let s = String(q);
    if (r !== 0) {
      let frac = r < 10 ? "00" + r : r < 100 ? "0" + r : String(r);
      while (frac.charCodeAt(frac.length - 1) === 48) frac = frac.slice(0, -1);
      s += "." + frac;
    }
    return neg ? "-" + s : s;
  }
  // Beyond 2^53 thousandths the value is a double anyway: print it without exponent.
  const v = f / FIXED_SCALE;
  return Number.isFinite(v) ? BigInt(Math.round(v)).toString() : String(v);
}
