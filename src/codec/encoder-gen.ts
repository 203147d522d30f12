/**
 * Compiled encoders: one specialised function per message, generated from its
 * descriptor, that validates and writes fields in number order without the
 * reference encoder's per-field dispatch. When a value is malformed the
 * compiled code only knows *that* it is; the entry point then re-runs the
 * reference encoder (`encodeMessage` in binary.ts), which reports the exact
 * field path, so both encoders give identical bytes and identical errors
 * (checked by a property test).
 */
import { PathedProblem, toCodecError } from "./errors.js";
import { encodeMessage, MAX_DEPTH } from "./binary.js";
import { Kind, messagesReachableFrom, type FieldDesc, type MessageDesc } from "./schema.js";
import { Writer } from "./wire.js";

/**
 * A compiled encoder, one of the two implementations of message encoding
 * (the other is `encodeMessage` in binary.ts). Contract, shared by both:
 * appends `value` (a drfcore representation of the message) to `w` with
 * fields in number order, map entries sorted by key and repeated scalars
 * unpacked, so equal values give equal bytes; a value that does not fit the
 * schema throws a `PathedProblem` (the reference encoder fills in the path,
 * the compiled one may leave it empty and is re-run through the reference
 * by its entry point). Both must produce identical bytes or identical final
 * errors for every value (tested in test/codec/compiled-codec.test.ts).
 */
export type CompiledEncoder = (w: Writer, value: unknown, depth: number) => void;

const order: MessageDesc[] = [];
const table: CompiledEncoder[] = [];
const compiled = new Map<MessageDesc, CompiledEncoder>();

function indexOf(d: MessageDesc): number {
  let i = order.indexOf(d);
  if (i < 0) {
    i = order.length;
    order.push(d);
    table.push(undefined as unknown as CompiledEncoder);
  }
  return i;
}

const K = (key: string) => JSON.stringify(key);
const BAD = "throw new P('')";

/** Statements that validate `x` for field `f` and append it (tag included). */
function writeOne(f: FieldDesc, x: string, c: (v: unknown) => string): string {
  const tag = `w.uvarint32(${f.number * 8 + f.wireType});`;
  switch (f.kind) {
    case Kind.DOUBLE: return `if (typeof ${x} !== "number") ${BAD}; ${tag} w.double(${x});`;
    case Kind.INT32: return `if (typeof ${x} !== "number" || (${x} | 0) !== ${x}) ${BAD}; ${tag} w.int32(${x});`;
    case Kind.UINT32: return `if (typeof ${x} !== "number" || ${x} >>> 0 !== ${x}) ${BAD}; ${tag} w.uvarint32(${x});`;
    case Kind.INT64:
      return `if (typeof ${x} !== "bigint" || ${x} < -9223372036854775808n || ${x} > 9223372036854775807n) ${BAD}; ${tag} w.uvarint64(${x} < 0n ? BigInt.asUintN(64, ${x}) : ${x});`;
    case Kind.UINT64:
      return `if (typeof ${x} !== "bigint" || ${x} < 0n || ${x} > 18446744073709551615n) ${BAD}; ${tag} w.uvarint64(${x});`;
    case Kind.BOOL: return `if (typeof ${x} !== "boolean") ${BAD}; ${tag} w.uvarint32(${x} ? 1 : 0);`;
    case Kind.STRING: return `if (typeof ${x} !== "string" || !${x}.isWellFormed()) ${BAD}; ${tag} w.string(${x});`;
    case Kind.BYTES: return `if (!(${x} instanceof Uint8Array)) ${BAD}; ${tag} w.bytes(${x});`;
    case Kind.ENUM: {
      const nums = c(f.enum!.numberOf);
      const unknown = f.keepUnknownEnum ? `if (typeof ${x} === "number" && (${x} | 0) === ${x}) n = ${x}; else ${BAD};` : BAD;
      return `n = typeof ${x} === "string" ? ${nums}.get(${x}) : undefined; if (n === undefined) { ${unknown} } ${tag} w.int32(n);`;
    }
    default:
      return `${tag} s = w.beginLength(); T[${indexOf(f.message!)}](w, ${x}, depth + 1); w.endLength(s);`;
  }
}

function generate(d: MessageDesc, consts: unknown[]): string {
  const c = (v: unknown) => {
    consts.push(v);
    return `C[${consts.length - 1}]`;
  };
  const lines: string[] = [];
  if (d.unwrap !== undefined) {
    lines.push(d.unwrap.repeated ? `if (!Array.isArray(value)) ${BAD};` : "");
    lines.push(`const o = { ${K(d.unwrap.key)}: value };`);
  } else if (d.adapter !== undefined && d.adapter.hoisted.length > 0) {
    // Read ordinary fields from the value itself; the hoisted ones come from the adapter.
    const allowed = new Set([...d.byKey.keys()].filter((k) => !d.adapter!.hoisted.includes(k)).concat(d.adapter.valueKeys));
    lines.push(`if (typeof value !== "object" || value === null || Array.isArray(value)) ${BAD};`);
    lines.push("const o = value;");
    lines.push(`for (const k in o) if (o[k] !== undefined && !${c(allowed)}.has(k)) ${BAD};`);
    lines.push(`const H_ = ${c(d.adapter)}.toHoisted(o);`);
    d.adapter.hoisted.forEach((k, i) => lines.push(`const L_${k} = H_[${i}];`));
  } else if (d.adapter !== undefined) {
    lines.push(`const o = ${c(d.adapter)}.toRaw(value);`);
    lines.push(`for (const k in o) if (o[k] !== undefined && !${c(d.byKey)}.has(k)) ${BAD};`);
  } else {
    lines.push(`if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Uint8Array || value instanceof Map) ${BAD};`);
    lines.push("const o = value;");
    lines.push(`for (const k in o) if (o[k] !== undefined && !${c(d.byKey)}.has(k)) ${BAD};`);
  }
  if (d.check !== undefined) lines.push(`if (${c(d.check)}(o) !== undefined) ${BAD};`);
  const hoisted = d.adapter?.hoisted ?? [];
  for (const f of d.encodeOrder) {
    const get = hoisted.includes(f.key) ? `v = L_${f.key};` : `v = o[${K(f.key)}];`;
    let body: string;
    if (f.mapValue !== undefined) body = `H.encodeMessage(w, ${c(mapOnly(d, f))}, { ${K(f.key)}: v }, depth);`;
    else if (f.repeated) body = `if (!Array.isArray(v)) ${BAD}; for (let i = 0; i < v.length; i++) { const x = v[i]; ${writeOne(f, "x", c)} }`;
    else body = writeOne(f, "v", c);
    lines.push(`${get} if (v !== undefined) { ${body} }${f.required ? ` else ${BAD};` : ""}`);
  }
  return `
return function encode_${d.fullName.replace(/\W/g, "_")}(w, value, depth) {
  if (depth > ${MAX_DEPTH}) ${BAD};
  let v, n, s;
  ${lines.join("\n  ")}
};`;
}

/** A one-field view of message `d` holding only map field `f`, so maps can use the reference encoder. */
const mapViews = new Map<FieldDesc, MessageDesc>();
function mapOnly(d: MessageDesc, f: FieldDesc): MessageDesc {
  let m = mapViews.get(f);
  if (m === undefined) {
    m = { ...d, fields: [f], encodeOrder: [f], byKey: new Map([[f.key, f]]), required: [], unwrap: undefined, adapter: undefined, check: undefined, checkPayloads: undefined };
    mapViews.set(f, m);
  }
  return m;
}

const helpers = { encodeMessage };

/** Compiles `d` and every message reachable from it (map values too, though maps are encoded through H.encodeMessage). */
function compile(d: MessageDesc): CompiledEncoder {
  const seen = messagesReachableFrom(d, (m) => compiled.has(m));
  for (const m of seen) indexOf(m);
  for (const m of seen) {
    const consts: unknown[] = [];
    const fn = new Function("T", "C", "H", "P", generate(m, consts))(table, consts, helpers, PathedProblem) as CompiledEncoder;
    table[indexOf(m)] = fn;
    compiled.set(m, fn);
  }
  return compiled.get(d)!;
}

const entryPoints = new Map<MessageDesc, (value: unknown) => Uint8Array>();
let shared = new Writer(1024);

/** A ready-to-call encoder for message `d`: value → bytes, or a thrown `CodecError` with the field path. */
export function binaryEncoderFor(d: MessageDesc): (value: unknown) => Uint8Array {
  let entry = entryPoints.get(d);
  if (entry === undefined) {
    const fn = compiled.get(d) ?? compile(d);
    entry = (value: unknown) => {
      const w = shared;
      w.pos = 0;
      try {
        fn(w, value, 0);
      } catch (e) {
        if (!(e instanceof PathedProblem)) throw e;
        // Re-run the reference encoder for the exact path and problem.
        try {
          encodeMessage(new Writer(), d, value, 0);
        } catch (e2) {
          return toCodecError(e2, d.fullName);
        }
        return toCodecError(new PathedProblem("value does not fit the schema"), d.fullName);
      } finally {
        if (w.buf.length > 1 << 20) shared = new Writer(1024); // do not pin a huge buffer
      }
      return w.finish();
    };
    entryPoints.set(d, entry);
  }
  return entry;
}
