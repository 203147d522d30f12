/**
 * Protobuf binary encoding and decoding of drfcore values, driven by the
 * descriptors in schema.ts (protobufjs reflection of proto/mesos.proto).
 *
 * Decoding is strict where protobuf is unambiguous (truncation, bad wire
 * types, bad UTF-8, missing required fields, unknown enum numbers) and
 * faithful elsewhere: unknown fields are skipped, repeated scalars may be
 * packed or not, a repeated singular field keeps its last value, and a
 * repeated singular message is merged, as protoc does.
 */
import { PathedProblem, toCodecError } from "./errors.js";
import { Kind, type FieldDesc, type MessageDesc } from "./schema.js";
import { WireType } from "./wire.js";
import { Reader, Writer } from "./wire.js";

/** Deepest message nesting accepted (protobuf's own default limit). */
export const MAX_DEPTH = 100;

const WIRE_NAMES = ["VARINT", "I64", "LEN", "SGROUP", "EGROUP", "I32", "6", "7"];

function wrongWireType(f: FieldDesc, wt: number): PathedProblem {
  return new PathedProblem(`wire type ${WIRE_NAMES[wt]} does not match field '${f.name}' (number ${f.number}), which needs ${WIRE_NAMES[f.wireType]}`);
}

/** Reads one non-packed value of field `f` (wire type already checked). */
function readValue(r: Reader, end: number, f: FieldDesc, depth: number): unknown {
  switch (f.kind) {
    case Kind.DOUBLE: return r.double();
    case Kind.INT32: return r.varint32() | 0;
    case Kind.UINT32: return r.varint32();
    case Kind.INT64: return r.varint64Signed();
    case Kind.UINT64: return r.varint64();
    case Kind.BOOL: return r.bool();
    case Kind.STRING: return r.string(end);
    case Kind.BYTES: return r.bytes(end);
    case Kind.ENUM: {
      const n = r.varint32() | 0;
      const name = f.enum!.nameOf.get(n);
      if (name !== undefined) return name;
      if (f.keepUnknownEnum) return n;
      throw new PathedProblem(`unknown enum value ${n} for ${f.enum!.fullName}`);
    }
    default: {
      const stop = r.lengthDelimited(end);
      return decodeMessage(r, stop, f.message!, depth + 1, undefined);
    }
  }
}

function readMapEntry(r: Reader, end: number, f: FieldDesc, depth: number, map: Map<string, unknown>): string {
  const stop = r.lengthDelimited(end);
  const vf = f.mapValue!;
  let key = "";
  let value: unknown = undefined;
  while (r.pos < stop) {
    const tag = r.tag();
    const num = tag >>> 3;
    const wt = tag & 7;
    if (num === 1) {
      if (wt !== WireType.LEN) throw new PathedProblem(`map key has wire type ${WIRE_NAMES[wt]}, needs LEN`);
      key = r.string(stop);
    } else if (num === 2) {
      if (wt !== vf.wireType) throw new PathedProblem(`map value has wire type ${WIRE_NAMES[wt]}, needs ${WIRE_NAMES[vf.wireType]}`);
      try {
        value = readValue(r, stop, vf, depth);
      } catch (e) {
        if (e instanceof PathedProblem) e.segments.unshift(`[${JSON.stringify(key)}]`);
        throw e;
      }
    } else {
      if (num === 0) throw new PathedProblem("field number 0 is invalid");
      r.skip(wt, stop, num);
    }
  }
  if (value === undefined) {
    if (vf.kind === Kind.MESSAGE) throw new PathedProblem(`map entry ${JSON.stringify(key)} has no value`);
    value = zeroOf(vf);
  }
  map.set(key, value);
  return key;
}

function zeroOf(f: FieldDesc): unknown {
  switch (f.kind) {
    case Kind.INT64: case Kind.UINT64: return 0n;
    case Kind.BOOL: return false;
    case Kind.STRING: return "";
    case Kind.BYTES: return new Uint8Array(0);
    case Kind.ENUM: return f.enum!.names[0];
    default: return 0;
  }
}

/**
 * Decodes one field whose tag was just read into `obj` (the reference path:
 * any field, any wire type, packed or not, maps, merges). Errors inside a
 * known field carry that field's path segment.
 */
export function decodeField(r: Reader, end: number, d: MessageDesc, depth: number, obj: Record<string, any>, tag: number): void {
  const num = tag >>> 3;
  const wt = tag & 7;
  const f = d.byNumber[num];
  if (f === undefined) {
    if (num === 0) throw new PathedProblem("field number 0 is invalid");
    r.skip(wt, end, num);
    return;
  }
  try {
    const key = f.key;
    if (f.mapValue !== undefined) {
      if (wt !== WireType.LEN) throw wrongWireType(f, wt);
      const map = (obj[key] ??= new Map<string, unknown>());
      readMapEntry(r, end, f, depth, map);
    } else if (f.repeated) {
      const arr: unknown[] = (obj[key] ??= []);
      if (wt === f.wireType) arr.push(readValue(r, end, f, depth));
      else if (wt === WireType.LEN && f.packable) {
        const stop = r.lengthDelimited(end);
        while (r.pos < stop) arr.push(readValue(r, stop, f, depth));
        if (r.pos !== stop) throw new PathedProblem("packed values run past their length");
      } else throw wrongWireType(f, wt);
    } else {
      if (wt !== f.wireType) throw wrongWireType(f, wt);
      if (f.kind === Kind.MESSAGE) {
        const sub = f.message!;
        const prev = obj[key];
        const stop = r.lengthDelimited(end);
        if (prev !== undefined && sub.unwrap === undefined && sub.adapter === undefined) {
          decodeMessage(r, stop, sub, depth + 1, prev);
        } else {
          const v = decodeMessage(r, stop, sub, depth + 1, undefined);
          obj[key] = prev !== undefined && sub.unwrap?.repeated ? (prev as unknown[]).concat(v) : v;
        }
      } else {
        obj[key] = readValue(r, end, f, depth);
      }
      const siblings = f.oneofSiblings;
      for (let i = 0; i < siblings.length; i++) delete obj[siblings[i]!];
    }
  } catch (e) {
    if (e instanceof PathedProblem) e.segments.unshift(fieldSegment(f, obj));
    throw e;
  }
}

/** The path segment of field `f` while decoding into `obj`: `name`, or `name[i]` for the i-th repeated item. */
export function fieldSegment(f: FieldDesc, obj: Record<string, unknown>): string {
  if (!f.repeated) return f.name;
  const v = obj[f.key];
  return `${f.name}[${Array.isArray(v) ? v.length : 0}]`;
}

/** Finishes a decoded message: required fields, structural check, then its representation. */
export function finishMessage(d: MessageDesc, obj: Record<string, any>): any {
  const required = d.required;
  for (let i = 0; i < required.length; i++) {
    if (obj[required[i]!.key] === undefined) throw new PathedProblem(`missing required field '${required[i]!.name}'`);
  }
  if (d.check !== undefined) {
    const problem = d.check(obj);
    if (problem !== undefined) throw new PathedProblem(problem);
  }
  if (d.unwrap !== undefined) return d.unwrap.repeated ? (obj[d.unwrap.key] ?? []) : obj[d.unwrap.key];
  if (d.adapter !== undefined) return d.adapter.fromRaw(obj);
  return obj;
}

/**
 * Decodes the fields between `r.pos` and `end` as message `d` (into `target`
 * when merging a repeated occurrence) and returns its representation. This is
 * the interpreted reference decoder; `decoder-gen.ts` compiles a faster one
 * per message that must behave identically (tested on random inputs).
 */
export function decodeMessage(r: Reader, end: number, d: MessageDesc, depth: number, target: Record<string, unknown> | undefined): any {
  if (depth > MAX_DEPTH) throw new PathedProblem(`messages nested deeper than ${MAX_DEPTH}`);
  const obj: Record<string, any> = target ?? {};
  while (r.pos < end) decodeField(r, end, d, depth, obj, r.tag());
  if (r.pos !== end) throw new PathedProblem("field runs past the end of its message");
  return finishMessage(d, obj);
}

/** Decodes `bytes` as message `d` with the interpreted reference decoder; malformed input throws `CodecError`. */
export function decodeBinaryReference(d: MessageDesc, bytes: Uint8Array): unknown {
  try {
    const r = new Reader(bytes);
    return decodeMessage(r, bytes.length, d, 0, undefined);
  } catch (e) {
    return toCodecError(e, d.fullName);
  }
}


// ---- Encoding --------------------------------------------------------------

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const UINT32_MAX = 4294967295;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (v instanceof Uint8Array) return "a Uint8Array";
  if (typeof v === "bigint") return `bigint ${v}`;
  if (typeof v === "number") return `number ${v}`;
  if (typeof v === "string") return `string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
  return typeof v;
}

/** Checks that `v` is a valid value of kind `f.kind`; returns it as the encoder needs it. */
export function checkScalar(f: FieldDesc, v: unknown): void {
  switch (f.kind) {
    case Kind.DOUBLE:
      if (typeof v !== "number") throw new PathedProblem(`expected a number (double), got ${describe(v)}`);
      return;
    case Kind.INT32:
      if (typeof v !== "number" || !Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX) throw new PathedProblem(`expected an int32, got ${describe(v)}`);
      return;
    case Kind.UINT32:
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > UINT32_MAX) throw new PathedProblem(`expected a uint32, got ${describe(v)}`);
      return;
    case Kind.INT64:
      if (typeof v !== "bigint" || v < INT64_MIN || v > INT64_MAX) throw new PathedProblem(`expected an int64 bigint, got ${describe(v)}`);
      return;
    case Kind.UINT64:
      if (typeof v !== "bigint" || v < 0n || v > UINT64_MAX) throw new PathedProblem(`expected a uint64 bigint, got ${describe(v)}`);
      return;
    case Kind.BOOL:
      if (typeof v !== "boolean") throw new PathedProblem(`expected a boolean, got ${describe(v)}`);
      return;
    case Kind.STRING:
      if (typeof v !== "string") throw new PathedProblem(`expected a string, got ${describe(v)}`);
      if (!(v as string & { isWellFormed(): boolean }).isWellFormed()) throw new PathedProblem("string contains a lone surrogate and has no UTF-8 form");
      return;
    case Kind.BYTES:
      if (!(v instanceof Uint8Array)) throw new PathedProblem(`expected a Uint8Array, got ${describe(v)}`);
      return;
    case Kind.ENUM:
      if (typeof v === "string") {
        if (!f.enum!.numberOf.has(v)) throw new PathedProblem(`unknown enum name ${JSON.stringify(v)} for ${f.enum!.fullName}`);
        return;
      }
      if (f.keepUnknownEnum && typeof v === "number" && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX) return;
      throw new PathedProblem(`expected a ${f.enum!.fullName} name, got ${describe(v)}`);
  }
}

function writeScalar(w: Writer, f: FieldDesc, v: unknown): void {
  switch (f.kind) {
    case Kind.DOUBLE: w.double(v as number); return;
    case Kind.INT32: w.int32(v as number); return;
    case Kind.UINT32: w.uvarint32(v as number); return;
    case Kind.INT64: w.uvarint64(BigInt.asUintN(64, v as bigint)); return;
    case Kind.UINT64: w.uvarint64(v as bigint); return;
    case Kind.BOOL: w.uvarint32(v ? 1 : 0); return;
    case Kind.STRING: w.string(v as string); return;
    case Kind.BYTES: w.bytes(v as Uint8Array); return;
    case Kind.ENUM: w.int32(typeof v === "number" ? v : f.enum!.numberOf.get(v as string)!); return;
  }
}

function writeValue(w: Writer, f: FieldDesc, v: unknown, depth: number): void {
  w.uvarint32(f.number * 8 + f.wireType);
  if (f.kind === Kind.MESSAGE) {
    const slot = w.beginLength();
    encodeMessage(w, f.message!, v, depth + 1);
    w.endLength(slot);
  } else {
    checkScalar(f, v);
    writeScalar(w, f, v);
  }
}

/** Turns a drfcore value of message `d` into its raw field object, checking its shape. */
function rawFields(d: MessageDesc, value: unknown): Record<string, unknown> {
  if (d.unwrap !== undefined) {
    if (d.unwrap.repeated && !Array.isArray(value)) throw new PathedProblem(`expected an array (${d.fullName}), got ${describe(value)}`);
    return { [d.unwrap.key]: value };
  }
  if (d.adapter !== undefined) return d.adapter.toRaw(value);
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Uint8Array || value instanceof Map) {
    throw new PathedProblem(`expected an object (${d.fullName}), got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Rejects properties that are not fields of `d` (typos would otherwise vanish silently). */
function checkKnownKeys(d: MessageDesc, raw: Record<string, unknown>): void {
  for (const k in raw) {
    if (raw[k] !== undefined && !d.byKey.has(k)) throw new PathedProblem(`unknown field '${k}' for ${d.fullName}`);
  }
}

/**
 * The raw field object of message `d` holding `value` (at nesting `depth`),
 * after every check that does not depend on the output form: depth, shape,
 * unknown keys and the message's own `check`. Both encoders start here.
 */
export function checkedRawFields(d: MessageDesc, value: unknown, depth: number): Record<string, unknown> {
  if (depth > MAX_DEPTH) throw new PathedProblem(`messages nested deeper than ${MAX_DEPTH}`);
  const raw = rawFields(d, value);
  if (d.unwrap === undefined) checkKnownKeys(d, raw);
  if (d.check !== undefined) {
    const problem = d.check(raw);
    if (problem !== undefined) throw new PathedProblem(problem);
  }
  return raw;
}

/** Appends message `d` holding `value` to `w`. */
export function encodeMessage(w: Writer, d: MessageDesc, value: unknown, depth: number): void {
  const raw = checkedRawFields(d, value, depth);
  const fields = d.encodeOrder;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const v = raw[f.key];
    if (v === undefined) {
      if (f.required) throw new PathedProblem(`missing required field '${f.name}'`);
      continue;
    }
    try {
      if (f.mapValue !== undefined) {
        if (!(v instanceof Map)) throw new PathedProblem(`expected a Map, got ${describe(v)}`);
        const keys = [...(v as Map<unknown, unknown>).keys()];
        for (const k of keys) if (typeof k !== "string") throw new PathedProblem(`map key must be a string, got ${describe(k)}`);
        (keys as string[]).sort();
        for (const k of keys as string[]) {
          const mv = (v as Map<string, unknown>).get(k);
          w.uvarint32(f.number * 8 + 2);
          const slot = w.beginLength();
          w.uvarint32(1 * 8 + 2);
          w.string(k);
          try {
            writeValue(w, f.mapValue, mv, depth);
          } catch (e) {
            if (e instanceof PathedProblem) e.segments.unshift(`[${JSON.stringify(k)}]`);
            throw e;
          }
          w.endLength(slot);
        }
      } else if (f.repeated) {
        if (!Array.isArray(v)) throw new PathedProblem(`expected an array, got ${describe(v)}`);
        for (let j = 0; j < v.length; j++) {
          try {
            writeValue(w, f, v[j], depth);
          } catch (e) {
            if (e instanceof PathedProblem) e.segments.unshift(`[${j}]`);
            throw e;
          }
        }
      } else {
        writeValue(w, f, v, depth);
      }
    } catch (e) {
      if (e instanceof PathedProblem) e.segments.unshift(f.name);
      throw e;
    }
  }
}

/** Encodes `value` as message `d`; a value that does not fit the schema throws `CodecError`. */
export function encodeBinary(d: MessageDesc, value: unknown): Uint8Array {
  try {
    const w = new Writer();
    encodeMessage(w, d, value, 0);
    return w.finish();
  } catch (e) {
    return toCodecError(e, d.fullName);
  }
}
