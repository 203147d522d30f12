/**
 * Florian Loitsch's Grisu2 (Printing Floating-Point Numbers Quickly and
 * Accurately with Integers, PLDI 2010), in the variant rapidjson 1.1.0 uses
 * for `Writer::Double`, which is what Mesos' JSON is written with. Grisu2
 * always yields digits that read back as the same double, but for a few
 * values they are not the shortest ones JavaScript's `Number#toString` picks
 * (0.30000000000000004 comes out as 0.30000000000000007), so reproducing
 * Mesos' bytes exactly needs this algorithm rather than `toString`.
 *
 * 64-bit arithmetic uses `bigint`; only the leading 32-bit digit block uses
 * plain numbers. JSON writing is not on a hot path.
 */

const MASK64 = (1n << 64n) - 1n;
const VIEW = new DataView(new ArrayBuffer(8));

/** A "do-it-yourself floating point" number: f × 2^e with a 64-bit f. */
interface DiyFp {
  f: bigint;
  e: number;
}

/** (a × b) rounded to the high 64 bits, as rapidjson's `DiyFp::operator*` does. */
function multiply(a: DiyFp, b: DiyFp): DiyFp {
  const product = a.f * b.f;
  const high = (product + (1n << 63n)) >> 64n; // round half up on bit 63
  return { f: high, e: a.e + b.e + 64 };
}

/** The cached powers 10^k for k = -348, -340, ..., 340, as normalised 64-bit significands. */
const CACHED: DiyFp[] = (() => {
  const out: DiyFp[] = [];
  for (let k = -348; k <= 340; k += 8) {
    // Find e with 10^k / 2^e in [2^63, 2^64), rounded to nearest.
    let num: bigint;
    let den: bigint;
    if (k >= 0) {
      num = 10n ** BigInt(k);
      den = 1n;
    } else {
      num = 1n;
      den = 10n ** BigInt(-k);
    }
    // Estimate e from bit lengths, then correct.
    let e = num.toString(2).length - den.toString(2).length - 64;
    for (;;) {
      const [n, d] = e >= 0 ? [num, den << BigInt(e)] : [num << BigInt(-e), den];
      const f = (2n * n + d) / (2n * d); // round half up
      if (f >= 1n << 64n) e++;
      else if (f < 1n << 63n) e--;
      else {
        out.push({ f, e });
        break;
      }
    }
  }
  return out;
})();

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000];

function countDecimalDigits(n: number): number {
  let d = 1;
  while (d < 10 && n >= POW10[d]!) d++;
  return d;
}

function round(digits: number[], delta: bigint, rest: bigint, tenKappa: bigint, wpW: bigint): void {
  while (rest < wpW && delta - rest >= tenKappa && (rest + tenKappa < wpW || wpW - rest > rest + tenKappa - wpW)) {
    digits[digits.length - 1]!--;
    rest += tenKappa;
  }
}

/**
 * The Grisu2 digits of a finite positive double: returns `digits` (no leading
 * zeros) and `k` such that value ≈ digits × 10^k.
 */
export function grisu2(value: number): { digits: string; k: number } {
  // Decompose the double.
  VIEW.setFloat64(0, value);
  const bits = VIEW.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const significand = bits & ((1n << 52n) - 1n);
  const hidden = 1n << 52n;
  const v: DiyFp = biased !== 0 ? { f: significand + hidden, e: biased - 1075 } : { f: significand, e: -1074 };

  // Boundaries m+ and m-, normalised to the same exponent.
  let plus: DiyFp = { f: (v.f << 1n) + 1n, e: v.e - 1 };
  while ((plus.f & (hidden << 1n)) === 0n) {
    plus = { f: plus.f << 1n, e: plus.e - 1 };
  }
  plus = { f: plus.f << 10n, e: plus.e - 10 };
  const minus: DiyFp = v.f === hidden ? { f: (v.f << 2n) - 1n, e: v.e - 2 } : { f: (v.f << 1n) - 1n, e: v.e - 1 };
  minus.f <<= BigInt(minus.e - plus.e);
  minus.e = plus.e;

  // The cached power that brings the exponent into Grisu's range.
  const dk = (-61 - plus.e) * 0.30102999566398114 + 347;
  let kIndex = Math.trunc(dk);
  if (dk - kIndex > 0) kIndex++;
  const index = (kIndex >> 3) + 1;
  let K = -(-348 + index * 8);
  const cached = CACHED[index]!;

  let w: DiyFp = { ...v };
  while ((w.f & (1n << 63n)) === 0n) w = { f: w.f << 1n, e: w.e - 1 };
  const W = multiply(w, cached);
  const Wp = multiply(plus, cached);
  const Wm = multiply(minus, cached);
  Wm.f += 1n;
  Wp.f -= 1n;

  // Digit generation.
  let delta = Wp.f - Wm.f;
  const shift = BigInt(-Wp.e);
  const oneF = 1n << shift;
  const wpW = Wp.f - W.f;
  let p1 = Number(Wp.f >> shift);
  let p2 = Wp.f & (oneF - 1n);
  let kappa = countDecimalDigits(p1);
  const digits: number[] = [];
  while (kappa > 0) {
    const pow = POW10[kappa - 1]!;
    const d = Math.floor(p1 / pow);
    p1 %= pow;
    if (d !== 0 || digits.length > 0) digits.push(d);
    kappa--;
    const tmp = (BigInt(p1) << shift) + p2;
    if (tmp <= delta) {
      K += kappa;
      round(digits, delta, tmp, BigInt(POW10[kappa]!) << shift, wpW);
      return { digits: digits.join(""), k: K };
    }
  }
  for (;;) {
    p2 = (p2 * 10n) & MASK64;
    delta = (delta * 10n) & MASK64;
    const d = Number(p2 >> shift);
    if (d !== 0 || digits.length > 0) digits.push(d);
    p2 &= oneF - 1n;
    kappa--;
    if (p2 < delta) {
      K += kappa;
      const index10 = -kappa;
      round(digits, delta, p2, oneF, (wpW * (index10 < 9 ? BigInt(POW10[index10]!) : 0n)) & MASK64);
      return { digits: digits.join(""), k: K };
    }
  }
}
