/**
 * Mesos JSON, both directions, for drfcore values.
 *
 * Writing follows stout's `jsonify(JSON::Protobuf(message))` (rules in
 * test/fixtures/vectors/README.md): keys are proto field names in declaration
 * order; a singular field appears when set, or when it has an explicit
 * default and is not deprecated; empty repeated fields and maps are omitted;
 * enums are names; 64-bit integers are exact; bytes are base64; infinities are
 * the strings "Infinity"/"-Infinity". Map entries are sorted by key.
 *
 * Reading is stricter than stout's parser, on purpose: unknown keys, wrong
 * JSON types, unknown enum names, out-of-range integers and bad base64 are
 * `CodecError`s rather than being dropped. It accepts what Mesos writes plus
 * numbers and booleans given as strings, as stout does.
 */
import { PathedProblem, toCodecError } from "./errors.js";
import { checkedRawFields, checkScalar, finishMessage, MAX_DEPTH } from "./binary.js";
import { Kind, type FieldDesc, type MessageDesc } from "./schema.js";
import { formatDouble, parseJson, quoteJson, type JsonNode } from "./json-text.js";

// ---- Writing ----------------------------------------------------------------

function scalarJson(f: FieldDesc, v: unknown): string {
  checkScalar(f, v);
  switch (f.kind) {
    case Kind.DOUBLE: return formatDouble(v as number);
    case Kind.INT32: case Kind.UINT32: case Kind.INT64: case Kind.UINT64: return String(v);
    case Kind.BOOL: return v ? "true" : "false";
    case Kind.STRING: return quoteJson(v as string);
    case Kind.BYTES: return quoteJson(Buffer.from(v as Uint8Array).toString("base64"));
    case Kind.ENUM: return typeof v === "number" ? String(v) : quoteJson(v as string);
    default: throw new Error("unreachable");
  }
}

function valueJson(f: FieldDesc, v: unknown, depth: number): string {
  return f.kind === Kind.MESSAGE ? messageJson(f.message!, v, depth + 1) : scalarJson(f, v);
}

function messageJson(d: MessageDesc, value: unknown, depth: number): string {
  const raw = checkedRawFields(d, value, depth);
  const parts: string[] = [];
  for (const f of d.fields) {
    const v = raw[f.key];
    try {
      if (f.mapValue !== undefined) {
        if (v === undefined) continue;
        if (!(v instanceof Map)) throw new PathedProblem("expected a Map");
        if (v.size === 0) continue;
        const entries: string[] = [];
        for (const k of [...v.keys()].sort()) {
          if (typeof k !== "string") throw new PathedProblem("map key must be a string");
          try {
            entries.push(`${quoteJson(k)}:${valueJson(f.mapValue, v.get(k), depth)}`);
          } catch (e) {
            if (e instanceof PathedProblem) e.segments.unshift(`[${JSON.stringify(k)}]`);
            throw e;
          }
        }
        parts.push(`${quoteJson(f.name)}:{${entries.join(",")}}`);
      } else if (f.repeated) {
        if (v === undefined) continue;
        if (!Array.isArray(v)) throw new PathedProblem("expected an array");
        if (v.length === 0) continue;
        const items: string[] = [];
        for (let i = 0; i < v.length; i++) {
          try {
            items.push(valueJson(f, v[i], depth));
          } catch (e) {
            if (e instanceof PathedProblem) e.segments.unshift(`[${i}]`);
            throw e;
          }
        }
        parts.push(`${quoteJson(f.name)}:[${items.join(",")}]`);
      } else if (v !== undefined) {
        parts.push(`${quoteJson(f.name)}:${valueJson(f, v, depth)}`);
      } else if (f.required) {
        throw new PathedProblem(`missing required field '${f.name}'`);
      } else if (f.hasDefault && !f.deprecated) {
        parts.push(`${quoteJson(f.name)}:${scalarJson(f, f.defaultValue)}`);
      }
    } catch (e) {
      if (e instanceof PathedProblem) e.segments.unshift(f.name);
      throw e;
    }
  }
  return `{${parts.join(",")}}`;
}

/** Writes `value` (message `d`) as Mesos JSON text; a value that does not fit the schema throws `CodecError`. */
export function toJsonText(d: MessageDesc, value: unknown): string {
  try {
    return messageJson(d, value, 0);
  } catch (e) {
    return toCodecError(e, d.fullName);
  }
}

// ---- Reading ----------------------------------------------------------------

const INTEGER = /^-?\d+$/;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function nodeKind(n: JsonNode): string {
  return n.t === "number" ? `number ${n.text}` : n.t === "string" ? `string ${JSON.stringify(n.value.length > 40 ? n.value.slice(0, 40) + "…" : n.value)}` : n.t;
}

function readInteger(f: FieldDesc, n: JsonNode, what: string): bigint {
  const text = n.t === "number" ? n.text : n.t === "string" ? n.value : undefined;
  if (text === undefined || !INTEGER.test(text)) throw new PathedProblem(`expected ${what}, got ${nodeKind(n)}`);
  return BigInt(text);
}

function readScalar(f: FieldDesc, n: JsonNode): unknown {
  switch (f.kind) {
    case Kind.DOUBLE: {
      if (n.t === "number") return Number(n.text);
      if (n.t === "string") {
        if (n.value === "Infinity") return Infinity;
        if (n.value === "-Infinity") return -Infinity;
        if (n.value === "NaN") return NaN;
        if (JSON_NUMBER.test(n.value)) return Number(n.value);
      }
      throw new PathedProblem(`expected a number (double), got ${nodeKind(n)}`);
    }
    case Kind.INT32: case Kind.UINT32: {
      const v = readInteger(f, n, f.kind === Kind.INT32 ? "an int32" : "a uint32");
      const num = Number(v);
      checkScalar(f, num);
      return num;
    }
    case Kind.INT64: case Kind.UINT64: {
      const v = readInteger(f, n, f.kind === Kind.INT64 ? "an int64" : "a uint64");
      checkScalar(f, v);
      return v;
    }
    case Kind.BOOL:
      if (n.t === "bool") return n.value;
      if (n.t === "string" && (n.value === "true" || n.value === "false")) return n.value === "true";
      throw new PathedProblem(`expected a boolean, got ${nodeKind(n)}`);
    case Kind.STRING:
      if (n.t !== "string") throw new PathedProblem(`expected a string, got ${nodeKind(n)}`);
      checkScalar(f, n.value);
      return n.value;
    case Kind.BYTES:
      if (n.t !== "string") throw new PathedProblem(`expected a base64 string, got ${nodeKind(n)}`);
      if (!BASE64.test(n.value)) throw new PathedProblem("invalid base64");
      return new Uint8Array(Buffer.from(n.value, "base64"));
    case Kind.ENUM:
      if (n.t === "string") {
        if (!f.enum!.numberOf.has(n.value)) throw new PathedProblem(`unknown enum name ${JSON.stringify(n.value)} for ${f.enum!.fullName}`);
        return n.value;
      }
      if (f.keepUnknownEnum && n.t === "number") {
        const v = Number(readInteger(f, n, "an enum number"));
        checkScalar(f, v);
        return f.enum!.nameOf.get(v) ?? v;
      }
      throw new PathedProblem(`expected a ${f.enum!.fullName} name, got ${nodeKind(n)}`);
    default:
      throw new Error("unreachable");
  }
}

function readValue(f: FieldDesc, n: JsonNode, depth: number, opts: JsonReadOptions): unknown {
  return f.kind === Kind.MESSAGE ? readMessage(f.message!, n, depth + 1, opts) : readScalar(f, n);
}

function readMessage(d: MessageDesc, n: JsonNode, depth: number, opts: JsonReadOptions): unknown {
  if (depth > MAX_DEPTH) throw new PathedProblem(`messages nested deeper than ${MAX_DEPTH}`);
  if (n.t !== "object") throw new PathedProblem(`expected an object (${d.fullName}), got ${nodeKind(n)}`);
  const raw: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [name, child] of n.entries) {
    const f = d.byName.get(name);
    if (f === undefined) {
      if (opts.ignoreUnknownFields) continue;
      throw new PathedProblem(`unknown field '${name}' for ${d.fullName}`);
    }
    try {
      if (seen.has(name)) throw new PathedProblem("duplicate key");
      seen.add(name);
      if (f.mapValue !== undefined) {
        if (child.t !== "object") throw new PathedProblem(`expected an object (map), got ${nodeKind(child)}`);
        const map = new Map<string, unknown>();
        for (const [k, v] of child.entries) {
          try {
            if (map.has(k)) throw new PathedProblem("duplicate map key");
            map.set(k, readValue(f.mapValue, v, depth, opts));
          } catch (e) {
            if (e instanceof PathedProblem) e.segments.unshift(`[${JSON.stringify(k)}]`);
            throw e;
          }
        }
        if (map.size > 0) raw[f.key] = map;
      } else if (f.repeated) {
        if (child.t !== "array") throw new PathedProblem(`expected an array, got ${nodeKind(child)}`);
        const items: unknown[] = [];
        child.items.forEach((item, i) => {
          try {
            items.push(readValue(f, item, depth, opts));
          } catch (e) {
            if (e instanceof PathedProblem) e.segments.unshift(`[${i}]`);
            throw e;
          }
        });
        if (items.length > 0) raw[f.key] = items;
      } else {
        raw[f.key] = readValue(f, child, depth, opts);
        for (const s of f.oneofSiblings) if (raw[s] !== undefined) throw new PathedProblem("more than one member of a oneof is set");
      }
    } catch (e) {
      if (e instanceof PathedProblem) e.segments.unshift(name);
      throw e;
    }
  }
  return finishMessage(d, raw);
}

/** Options for reading Mesos JSON. */
export interface JsonReadOptions {
  /**
   * Skip keys the schema does not know, as stout's reader and protobuf's
   * binary decoding do (e.g. JSON from a newer Mesos). Default false: an
   * unknown key is a `CodecError`, so typos cannot vanish silently.
   */
  readonly ignoreUnknownFields?: boolean;
}

/** Reads Mesos JSON text as message `d`; malformed or mistyped JSON throws `CodecError`. */
export function fromJsonText(d: MessageDesc, text: string, options: JsonReadOptions = {}): unknown {
  try {
    return readMessage(d, parseJson(text), 0, options);
  } catch (e) {
    return toCodecError(e, d.fullName);
  }
}
