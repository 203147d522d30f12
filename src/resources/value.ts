/**
 * Mesos `Value` helpers: the value half of the text form (`4096`, `[1-2,5-9]`,
 * `{a,b}`) read exactly as Mesos' `values::parse` reads it, plus the checks
 * `Resources::validate` applies to a value.
 *
 * Rules (from Mesos `src/common/values.cpp`, `Resources::validate`):
 * - every space (' ') is removed first; an empty value is an error;
 * - `{}`, `[]` and `()` must each be balanced (never closing more than opened);
 * - a value starting with `[` is ranges: split on `[ ] - , \n` (empty pieces
 *   skipped), an even number of unsigned 64-bit integers (`+7`, `07` and hex
 *   `0x1f` are accepted); Mesos then sorts and coalesces them and rejects an
 *   inverted (`5-3`) or overlapping interval that survives coalescing;
 * - a `[` elsewhere is an error; a value starting with `{` is a set, split on
 *   `{ } , \n`; duplicated items are an error; a `{` elsewhere is an error;
 * - anything else is a scalar if it reads as a C++ double (`+3`, `07`, `1.`,
 *   `.5`, `1e3`, `inf`, `nan`), else TEXT, which a resource cannot hold.
 */
import { NUMBER_BOUND_MAX, RangeSet, UINT64_MAX } from "./ranges.js";
import { toFixed } from "./fixed.js";

/** The value types of Mesos' `Value.Type`. */
export type ValueType = "SCALAR" | "RANGES" | "SET" | "TEXT";

/** A value read from text. `scalar` is the double as written (not yet rounded). */
export type ParsedValue =
  | { type: "SCALAR"; scalar: number }
  | { type: "RANGES"; ranges: RangeSet }
  | { type: "SET"; items: string[] }
  | { type: "TEXT"; text: string };

/** A failed value parse: `why` says what is wrong with the value. */
export interface ValueSyntaxError {
  error: string;
}

/** Reads one value as Mesos' `values::parse` does; returns `{error}` instead of throwing. */
export function parseValue(text: string): ParsedValue | ValueSyntaxError {
  const temp = text.indexOf(" ") >= 0 ? text.replaceAll(" ", "") : text;
  const n = temp.length;
  if (n === 0) return { error: "expecting a non-empty value" };

  // Fast path: plain decimal digits (the common scalar).
  let allDigits = n <= 15;
  for (let i = 0; allDigits && i < n; i++) {
    const c = temp.charCodeAt(i);
    if (c < 48 || c > 57) allDigits = false;
  }
  if (allDigits) {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 10 + (temp.charCodeAt(i) - 48);
    return { type: "SCALAR", scalar: v };
  }
  const c0 = temp.charCodeAt(0);
  if (c0 === 91 /* [ */ && temp.charCodeAt(n - 1) === 93 /* ] */) {
    const fast = parseSimpleRanges(temp);
    if (fast !== null) return fast;
  }

  let curly = 0, square = 0, round = 0, bad = false;
  for (let i = 0; i < n; i++) {
    switch (temp.charCodeAt(i)) {
      case 123: curly++; break;
      case 125: if (--curly < 0) bad = true; break;
      case 91: square++; break;
      case 93: if (--square < 0) bad = true; break;
      case 40: round++; break;
      case 41: if (--round < 0) bad = true; break;
    }
    if (bad) break;
  }
  if (bad || curly !== 0 || square !== 0 || round !== 0) {
    return { error: "mismatched brackets" };
  }

  const sq = temp.indexOf("[");
  if (sq === 0) return parseRanges(temp);
  if (sq > 0) return { error: "unexpected '[' (ranges must start with '[')" };
  const cu = temp.indexOf("{");
  if (cu === 0) {
    return { type: "SET", items: tokenize(temp, "{},\n") };
  }
  if (cu > 0) return { error: "unexpected '{' (sets must start with '{')" };
  const d = parseDouble(temp);
  if (d === null) return { type: "TEXT", text: temp };
  return { type: "SCALAR", scalar: d };
}

/**
 * Checks a scalar as `Resources::validate` does and returns its thousandths,
 * or an error: negative, NaN, infinite and non-zero values that round to zero
 * at three decimals are invalid.
 */
export function scalarToFixed(v: number): number | ValueSyntaxError {
  if (v === 0) return 0;
  const f = toFixed(v);
  if (!(f > 0)) {
    if (v < 0) return { error: `scalar ${v} is negative` };
    if (!Number.isFinite(v)) return { error: `scalar ${v} is not a finite number` };
    if (f === 0) return { error: `scalar ${v} is not zero but rounds to zero at 3 decimal places` };
    return { error: `scalar ${v} is too large` };
  }
  return f;
}

/**
 * Fast path for `[a-b,c-d,...]` whose inside holds only digits, '-' and ','
 * with numbers of at most 15 digits: the same tokens as the general path,
 * read in one pass. Returns null to fall back to the general path.
 */
function parseSimpleRanges(temp: string): ParsedValue | ValueSyntaxError | null {
  const n = temp.length - 1;
  const bounds: number[] = [];
  let v = 0, digits = 0;
  for (let i = 1; i <= n; i++) {
    const c = i === n ? 44 : temp.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      if (++digits > 15) return null;
    } else if (c === 45 /* - */ || c === 44 /* , */) {
      if (digits > 0) { bounds.push(v); v = 0; digits = 0; }
    } else {
      return null;
    }
  }
  if (bounds.length % 2 !== 0) return null; // the general path reports it
  if (bounds.length === 0) return { type: "RANGES", ranges: RangeSet.EMPTY };
  return coalesceSmall(bounds);
}

/** Splits on any of `seps`, skipping empty pieces (stout `strings::tokenize`). */
export function tokenize(s: string, seps: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || seps.indexOf(s[i]!) >= 0) {
      if (i > start) out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

/** boost::lexical_cast<double> grammar: [+-] then digits[.digits][e[+-]digits], or inf/infinity/nan. */
export function parseDouble(s: string): number | null {
  let i = 0;
  const n = s.length;
  let neg = false;
  if (i < n && (s[i] === "+" || s[i] === "-")) { neg = s[i] === "-"; i++; }
  const rest = s.slice(i).toLowerCase();
  if (rest === "inf" || rest === "infinity") return neg ? -Infinity : Infinity;
  if (rest === "nan") return NaN;
  let digits = 0;
  while (i < n && isDigit(s.charCodeAt(i))) { i++; digits++; }
  if (i < n && s[i] === ".") {
    i++;
    while (i < n && isDigit(s.charCodeAt(i))) { i++; digits++; }
  }
  if (digits === 0) return null;
  if (i < n && (s[i] === "e" || s[i] === "E")) {
    i++;
    if (i < n && (s[i] === "+" || s[i] === "-")) i++;
    let exp = 0;
    while (i < n && isDigit(s.charCodeAt(i))) { i++; exp++; }
    if (exp === 0) return null;
  }
  if (i !== n) return null;
  const v = Number(s);
  // C++ reports overflow as a failed conversion (the value then reads as TEXT).
  return Number.isFinite(v) ? v : null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Reads one uint64 range bound (numify<uint64_t>): `[+]digits` or `0x` hex. */
function parseBound(tok: string): number | bigint | null {
  let t = tok;
  const n = t.length;
  if (n <= 15) {
    let v = 0, i = 0;
    if (t.charCodeAt(0) === 43 /* + */) i = 1;
    if (i < n) {
      let ok = true;
      for (let k = i; k < n; k++) {
        const c = t.charCodeAt(k);
        if (c < 48 || c > 57) { ok = false; break; }
        v = v * 10 + (c - 48);
      }
      if (ok) return v;
    }
  }
  let big: bigint;
  if (/^\+?[0-9]+$/.test(t)) {
    if (t[0] === "+") t = t.slice(1);
    big = BigInt(t);
  } else if (/^0[xX][0-9a-fA-F]+$/.test(t)) {
    big = BigInt(t);
  } else {
    return null;
  }
  if (big > UINT64_MAX) return null;
  return big <= BigInt(NUMBER_BOUND_MAX) ? Number(big) : big;
}

function parseRanges(temp: string): ParsedValue | ValueSyntaxError {
  const tokens = tokenize(temp, "[]-,\n");
  if (tokens.length % 2 !== 0) {
    return { error: `expecting one or more ranges 'begin-end', got an odd number of bounds (${tokens.length})` };
  }
  const bounds: Array<number | bigint> = [];
  let allSmall = true;
  for (const t of tokens) {
    const v = parseBound(t);
    if (v === null) return { error: `expecting a non-negative 64-bit integer in '${t}'` };
    if (typeof v === "bigint") allSmall = false;
    bounds.push(v);
  }
  if (bounds.length === 0) return { type: "RANGES", ranges: RangeSet.EMPTY };
  return allSmall ? coalesceSmall(bounds as number[]) : coalesceBig(bounds.map((b) => BigInt(b)));
}

/**
 * Mesos' parse-time coalescing (`internal::coalesce`): sort by (begin, end)
 * and merge overlapping or adjacent intervals, comparing with the current
 * interval's end only, which lets an inverted interval hidden inside another
 * one disappear. Afterwards an inverted or overlapping interval is an error.
 * Bounds are exact numbers (at most 2^53 - 1); `RangeSet.fromCanonicalNumbers`
 * picks the set's form.
 */
function coalesceSmall(raw: number[]): ParsedValue | ValueSyntaxError {
  const m = raw.length >> 1;
  if (m === 1) {
    if (raw[0]! > raw[1]!) return { error: `invalid range ${raw[0]}-${raw[1]}: begin > end` };
    return { type: "RANGES", ranges: RangeSet.fromCanonicalNumbers(raw) };
  }
  let sorted = true;
  for (let k = 1; k < m; k++) {
    const pb = raw[2 * k - 2]!, pe = raw[2 * k - 1]!, b = raw[2 * k]!, e = raw[2 * k + 1]!;
    if (b < pb || (b === pb && e < pe)) { sorted = false; break; }
  }
  let order: number[] | null = null;
  if (!sorted) {
    order = Array.from({ length: m }, (_, k) => k);
    order.sort((x, y) => raw[2 * x]! - raw[2 * y]! || raw[2 * x + 1]! - raw[2 * y + 1]!);
  }
  const at = (k: number) => (order ? order[k]! : k);
  const out: number[] = [];
  let cb = raw[2 * at(0)]!, ce = raw[2 * at(0) + 1]!;
  for (let k = 1; k < m; k++) {
    const b = raw[2 * at(k)]!, e = raw[2 * at(k) + 1]!;
    if (b === cb && e === ce) continue;
    if (b === cb && e > ce) ce = e;
    else if (b > cb) {
      if (b <= ce + 1) { if (e > ce) ce = e; }
      else { out.push(cb, ce); cb = b; ce = e; }
    }
  }
  out.push(cb, ce);
  let maxEnd = -1;
  for (let k = 0; k < out.length; k += 2) {
    if (out[k]! > out[k + 1]!) return { error: `invalid range ${out[k]}-${out[k + 1]}: begin > end` };
    if (out[k]! <= maxEnd) return { error: `invalid ranges: ${out[k]}-${out[k + 1]} overlaps another range` };
    maxEnd = Math.max(maxEnd, out[k + 1]!);
  }
  return { type: "RANGES", ranges: RangeSet.fromCanonicalNumbers(out) };
}

/** coalesceSmall for bounds above 2^53 - 1 (bigints), with Mesos' uint64 wrap-around of `end + 1`. */
function coalesceBig(raw: bigint[]): ParsedValue | ValueSyntaxError {
  const m = raw.length >> 1;
  const pairs: Array<[bigint, bigint]> = [];
  for (let k = 0; k < m; k++) pairs.push([raw[2 * k]!, raw[2 * k + 1]!]);
  pairs.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  const out: bigint[] = [];
  let [cb, ce] = pairs[0]!;
  for (let k = 1; k < m; k++) {
    const [b, e] = pairs[k]!;
    if (b === cb && e === ce) continue;
    if (b === cb && e > ce) ce = e;
    else if (b > cb) {
      if (b <= ((ce + 1n) & UINT64_MAX)) { if (e > ce) ce = e; }
      else { out.push(cb, ce); cb = b; ce = e; }
    }
  }
  out.push(cb, ce);
  let maxEnd = -1n;
  for (let k = 0; k < out.length; k += 2) {
    if (out[k]! > out[k + 1]!) return { error: `invalid range ${out[k]}-${out[k + 1]}: begin > end` };
    if (out[k]! <= maxEnd) return { error: `invalid ranges: ${out[k]}-${out[k + 1]} overlaps another range` };
    if (out[k + 1]! > maxEnd) maxEnd = out[k + 1]!;
  }
  return { type: "RANGES", ranges: RangeSet.fromCanonicalBig(BigUint64Array.from(out)) };
}
