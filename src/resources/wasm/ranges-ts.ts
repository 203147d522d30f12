/**
 * The TypeScript reference implementation of the range kernels, over the
 * flat u32-halves form (intervals.ts). Each u64 is handled as (hi, lo) so
 * values above 2^53 stay exact without BigInt.
 */
import type { IntervalSet, RangeKernels } from "./intervals.js";

const MAX32 = 0xffffffff;
const TWO32 = 4294967296;

/** a <= b for u64 given as (hi, lo). */
function le(aH: number, aL: number, bH: number, bL: number): boolean {
  return aH < bH || (aH === bH && aL <= bL);
}

function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  const na = a.length >>> 2, nb = b.length >>> 2;
  if (nb === 0) return a.slice();
  if (na === 0) return b.slice();
  const out = new Uint32Array((na + nb) * 4);
  let i = 0, j = 0, n = 0;
  let cbL = 0, cbH = 0, ceL = 0, ceH = 0;
  let open = false;
  while (i < na || j < nb) {
    let p: IntervalSet, k: number;
    if (j >= nb || (i < na && le(a[4 * i + 1]!, a[4 * i]!, b[4 * j + 1]!, b[4 * j]!))) {
      p = a; k = 4 * i++;
    } else {
      p = b; k = 4 * j++;
    }
    const bL = p[k]!, bH = p[k + 1]!, eL = p[k + 2]!, eH = p[k + 3]!;
    if (!open) {
      cbL = bL; cbH = bH; ceL = eL; ceH = eH; open = true;
      continue;
    }
    // Touches when begin <= ce + 1 (always when ce is the u64 maximum).
    const touches = le(bH, bL, ceH, ceL) || (ceL === MAX32 ? bL === 0 && bH === ceH + 1 : bH === ceH && bL === ceL + 1);
    if (touches) {
      if (!le(eH, eL, ceH, ceL)) { ceL = eL; ceH = eH; }
    } else {
      out[4 * n] = cbL; out[4 * n + 1] = cbH; out[4 * n + 2] = ceL; out[4 * n + 3] = ceH; n++;
      cbL = bL; cbH = bH; ceL = eL; ceH = eH;
    }
  }
  out[4 * n] = cbL; out[4 * n + 1] = cbH; out[4 * n + 2] = ceL; out[4 * n + 3] = ceH; n++;
  return out.subarray(0, 4 * n);
}

function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  const na = a.length >>> 2, nb = b.length >>> 2;
  if (na === 0 || nb === 0) return a.slice();
  const out = new Uint32Array((na + nb) * 4);
  let j = 0, n = 0;
  for (let i = 0; i < na; i++) {
    let sL = a[4 * i]!, sH = a[4 * i + 1]!;
    const eL = a[4 * i + 2]!, eH = a[4 * i + 3]!;
    // Skip b's intervals that end before s.
    while (j < nb && !le(sH, sL, b[4 * j + 3]!, b[4 * j + 2]!)) j++;
    let alive = true;
    for (let k = j; k < nb; k++) {
      const bbL = b[4 * k]!, bbH = b[4 * k + 1]!;
      if (!le(bbH, bbL, eH, eL)) break;
      const beL = b[4 * k + 2]!, beH = b[4 * k + 3]!;
      if (!le(bbH, bbL, sH, sL)) {
        // Emit [s, bb - 1].
        out[4 * n] = sL; out[4 * n + 1] = sH;
        if (bbL === 0) { out[4 * n + 2] = MAX32; out[4 * n + 3] = bbH - 1; } else { out[4 * n + 2] = bbL - 1; out[4 * n + 3] = bbH; }
        n++;
      }
      if (le(eH, eL, beH, beL)) { alive = false; break; }
      // s = be + 1 (be < e, so no overflow).
      if (beL === MAX32) { sL = 0; sH = beH + 1; } else { sL = beL + 1; sH = beH; }
    }
    if (alive) {
      out[4 * n] = sL; out[4 * n + 1] = sH; out[4 * n + 2] = eL; out[4 * n + 3] = eH; n++;
    }
  }
  return out.subarray(0, 4 * n);
}

function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const na = a.length >>> 2, nb = b.length >>> 2;
  const out = new Uint32Array(Math.max(0, na + nb - 1) * 4);
  let i = 0, j = 0, n = 0;
  while (i < na && j < nb) {
    const abL = a[4 * i]!, abH = a[4 * i + 1]!, aeL = a[4 * i + 2]!, aeH = a[4 * i + 3]!;
    const bbL = b[4 * j]!, bbH = b[4 * j + 1]!, beL = b[4 * j + 2]!, beH = b[4 * j + 3]!;
    const aFirst = le(bbH, bbL, abH, abL); // lo = max(begins)
    const loL = aFirst ? abL : bbL, loH = aFirst ? abH : bbH;
    const aEndsFirst = le(aeH, aeL, beH, beL); // hi = min(ends)
    const hiL = aEndsFirst ? aeL : beL, hiH = aEndsFirst ? aeH : beH;
    if (le(loH, loL, hiH, hiL)) {
      out[4 * n] = loL; out[4 * n + 1] = loH; out[4 * n + 2] = hiL; out[4 * n + 3] = hiH; n++;
    }
    if (aEndsFirst && !(aeL === beL && aeH === beH)) i++;
    else if (aEndsFirst) { i++; j++; }
    else j++;
  }
  return out.subarray(0, 4 * n);
}

function contains(a: IntervalSet, b: IntervalSet): boolean {
  const na = a.length >>> 2, nb = b.length >>> 2;
  let i = 0;
  for (let j = 0; j < nb; j++) {
    const bbL = b[4 * j]!, bbH = b[4 * j + 1]!, beL = b[4 * j + 2]!, beH = b[4 * j + 3]!;
    while (i < na && !le(bbH, bbL, a[4 * i + 3]!, a[4 * i + 2]!)) i++;
    if (i >= na) return false;
    if (!le(a[4 * i + 1]!, a[4 * i]!, bbH, bbL) || !le(beH, beL, a[4 * i + 3]!, a[4 * i + 2]!)) return false;
  }
  return true;
}

function pick(a: IntervalSet, count: number): IntervalSet | null {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`pick: count ${count} is not a non-negative safe integer`);
  if (count === 0) return new Uint32Array(0);
  const na = a.length >>> 2;
  let left = count;
  for (let i = 0; i < na; i++) {
    const bL = a[4 * i]!, bH = a[4 * i + 1]!, eL = a[4 * i + 2]!, eH = a[4 * i + 3]!;
    // e - b (size minus one); approximate only when above 2^53, where it
    // exceeds any safe `left` anyway.
    const span = (eH - bH) * TWO32 + (eL - bL);
    if (span >= left - 1) {
      const out = a.slice(0, 4 * (i + 1));
      const add = left - 1;
      let lo = bL + (add % TWO32);
      let hi = bH + Math.floor(add / TWO32);
      if (lo >= TWO32) { lo -= TWO32; hi += 1; }
      out[4 * i + 2] = lo;
      out[4 * i + 3] = hi;
      return out;
    }
    left -= span + 1;
  }
  return null;
}

/** The TypeScript reference range kernels. */
export const tsRangeKernels: RangeKernels = { name: "ts", union, subtract, intersect, contains, pick };
