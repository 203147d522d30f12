/**
 * JSON text helpers for Mesos JSON: a lossless parser (numbers stay as their
 * source text, so int64/uint64 are exact and doubles are parsed once, by the
 * codec, with correct rounding), string escaping as stout/rapidjson do it, and
 * double formatting with rapidjson's `Prettify` layout.
 */
import { PathedProblem } from "./errors.js";
import { grisu2 } from "./grisu2.js";

/** A parsed JSON value that keeps numbers as text and objects as ordered entries. */
export type JsonNode =
  | { readonly t: "object"; readonly entries: readonly (readonly [string, JsonNode])[] }
  | { readonly t: "array"; readonly items: readonly JsonNode[] }
  | { readonly t: "string"; readonly value: string }
  | { readonly t: "number"; readonly text: string }
  | { readonly t: "bool"; readonly value: boolean }
  | { readonly t: "null" };

/** Deepest array/object nesting the parser accepts. */
export const MAX_JSON_DEPTH = 200;

/** Parses JSON text losslessly; malformed text throws a `PathedProblem` naming the offset. */
export function parseJson(text: string): JsonNode {
  let pos = 0;
  const fail = (what: string): never => {
    throw new PathedProblem(`invalid JSON at offset ${pos}: ${what}`);
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else return;
    }
  };
  const str = (): string => {
    pos++; // opening quote
    let out = "";
    let start = pos;
    for (;;) {
      if (pos >= text.length) fail("unterminated string");
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(start, pos);
        pos++;
        return out;
      }
      if (c < 0x20) fail("control character in string");
      if (c !== 0x5c) { pos++; continue; }
      out += text.slice(start, pos);
      const e = text[pos + 1];
      pos += 2;
      switch (e) {
        case '"': out += '"'; break;
        case "\\": out += "\\"; break;
        case "/": out += "/"; break;
        case "b": out += "\b"; break;
        case "f": out += "\f"; break;
        case "n": out += "\n"; break;
        case "r": out += "\r"; break;
        case "t": out += "\t"; break;
        case "u": {
          const hex = text.slice(pos, pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("bad \\u escape");
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 4;
          break;
        }
        default:
          pos -= 2;
          fail("bad escape");
      }
      start = pos;
    }
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_JSON_DEPTH) fail(`nesting deeper than ${MAX_JSON_DEPTH}`);
    ws();
    const c = text[pos];
    if (c === "{") {
      pos++;
      const entries: (readonly [string, JsonNode])[] = [];
      ws();
      if (text[pos] === "}") { pos++; return { t: "object", entries }; }
      for (;;) {
        ws();
        if (text[pos] !== '"') fail("expected a key");
        const k = str();
        ws();
        if (text[pos] !== ":") fail("expected ':'");
        pos++;
        entries.push([k, value(depth + 1)]);
        ws();
        if (text[pos] === ",") { pos++; continue; }
        if (text[pos] === "}") { pos++; return { t: "object", entries }; }
        fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      pos++;
      const items: JsonNode[] = [];
      ws();
      if (text[pos] === "]") { pos++; return { t: "array", items }; }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[pos] === ",") { pos++; continue; }
        if (text[pos] === "]") { pos++; return { t: "array", items }; }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return { t: "string", value: str() };
    if (text.startsWith("true", pos)) { pos += 4; return { t: "bool", value: true }; }
    if (text.startsWith("false", pos)) { pos += 5; return { t: "bool", value: false }; }
    if (text.startsWith("null", pos)) { pos += 4; return { t: "null" }; }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 800));
    if (m === null) fail(c === undefined ? "unexpected end of input" : `unexpected character ${JSON.stringify(c)}`);
    pos += m![0].length;
    return { t: "number", text: m![0] };
  };
  const root = value(0);
  ws();
  if (pos !== text.length) fail("trailing characters after the JSON value");
  return root;
}

/** Escapes a string as stout's writer does: only `"`, `\` and U+0000..U+001F (uppercase \u00XX). */
export function quoteJson(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(start, i);
    start = i + 1;
    switch (c) {
      case 0x22: out += '\\"'; break;
      case 0x5c: out += "\\\\"; break;
      case 0x08: out += "\\b"; break;
      case 0x09: out += "\\t"; break;
      case 0x0a: out += "\\n"; break;
      case 0x0c: out += "\\f"; break;
      case 0x0d: out += "\\r"; break;
      default: out += "\\u00" + c.toString(16).toUpperCase().padStart(2, "0");
    }
  }
  return out + s.slice(start) + '"';
}

/**
 * Formats a double exactly as rapidjson 1.1.0's `Writer::Double` (Mesos'
 * JSON): Grisu2 digits laid out by `Prettify` — `5.0`, `0.001`, `1e21`,
 * `1.2345e-7`, `-0.0`, and `0.30000000000000007` for 0.30000000000000004.
 * Infinities are the strings `"Infinity"`/`"-Infinity"` (Mesos' patch); NaN,
 * which rapidjson writes as invalid bare `NaN`, is the string `"NaN"`.
 */
export function formatDouble(x: number): string {
  if (x === Infinity) return '"Infinity"';
  if (x === -Infinity) return '"-Infinity"';
  if (Number.isNaN(x)) return '"NaN"';
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const { digits, k } = grisu2(Math.abs(x)); // value = digits × 10^k
  const n = digits.length;
  const kk = n + k;
  let body: string;
  if (k >= 0 && kk <= 21) body = digits + "0".repeat(k) + ".0";
  else if (kk > 0 && kk <= 21) body = digits.slice(0, kk) + "." + digits.slice(kk);
  else if (kk > -6 && kk <= 0) body = "0." + "0".repeat(-kk) + digits;
  else if (n === 1) body = digits + "e" + (kk - 1);
  else body = digits[0] + "." + digits.slice(1) + "e" + (kk - 1);
  return sign + body;
}
