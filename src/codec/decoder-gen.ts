/**
 * Compiled decoders: for each message, a specialised function generated from
 * its descriptor (as protobufjs does for its own reflection types), with a
 * `switch` on the full tag so the common case — known field, expected wire
 * type — runs straight-line code. Everything else (unknown fields, packed
 * repeated scalars, maps, wrong wire types) falls back to the interpreted
 * reference path (`decodeField` in binary.ts), so both decoders accept and
 * reject exactly the same inputs with the same messages; a property test
 * checks that on random and mutated bytes.
 */
import { PathedProblem, toCodecError } from "./errors.js";
import { decodeField, fieldSegment, MAX_DEPTH } from "./binary.js";
import { Kind, type FieldDesc, type MessageDesc } from "./schema.js";
import { Reader } from "./wire.js";

/**
 * A compiled decoder, one of the two implementations of message decoding
 * (the other is `decodeMessage` in binary.ts). Contract, shared by both:
 * reads the fields between `r.pos` and `end` as one message (merging into
 * `target` when given), leaves `r.pos === end`, and returns the message's
 * drfcore representation (unwrapped for wrapper messages, adapted for
 * TaskInfo); on malformed input it throws a `PathedProblem` whose segments
 * name the field path below this message, and never anything else except a
 * bug. Both must return equal values and throw equal problems for every
 * input (tested in test/codec/compiled-codec.test.ts).
 */
export type CompiledDecoder = (r: Reader, end: number, depth: number, target: Record<string, unknown> | undefined) => any;

const compiled = new Map<MessageDesc, CompiledDecoder>();
const order: MessageDesc[] = [];
const table: CompiledDecoder[] = [];

function indexOf(d: MessageDesc): number {
  let i = order.indexOf(d);
  if (i < 0) {
    i = order.length;
    order.push(d);
    table.push(undefined as unknown as CompiledDecoder); // compiled on first use
  }
  return i;
}

/** Enum names indexed by number (sparse); numbers outside give undefined. */
function enumArray(f: FieldDesc): (string | undefined)[] {
  const a: (string | undefined)[] = [];
  for (const [n, name] of f.enum!.nameOf) if (n >= 0) a[n] = name;
  return a;
}

function badEnum(n: number, f: FieldDesc): never {
  throw new PathedProblem(`unknown enum value ${n} for ${f.enum!.fullName}`);
}

const K = (key: string) => JSON.stringify(key);

/** The expression that reads one (non-packed) value of field `f` (index `i`) in generated code. */
function valueExpr(f: FieldDesc, i: number, c: (v: unknown) => string, fieldsRef: string): string {
  let expr: string;
  switch (f.kind) {
    case Kind.DOUBLE: expr = "r.double()"; break;
    case Kind.INT32: expr = "r.varint32() | 0"; break;
    case Kind.UINT32: expr = "r.varint32()"; break;
    case Kind.INT64: expr = "r.varint64Signed()"; break;
    case Kind.UINT64: expr = "r.varint64()"; break;
    case Kind.BOOL: expr = "r.bool()"; break;
    case Kind.STRING: expr = "r.string(end)"; break;
    case Kind.BYTES: expr = "r.bytes(end)"; break;
    case Kind.ENUM: {
      const names = c(enumArray(f));
      expr = f.keepUnknownEnum
        ? `(n = r.varint32() | 0, ${names}[n] !== undefined ? ${names}[n] : n)`
        : `(n = r.varint32() | 0, ${names}[n] !== undefined ? ${names}[n] : H.badEnum(n, ${fieldsRef}[${i}]))`;
      break;
    }
    default: {
      const sub = f.message!;
      expr = `(s = r.lengthDelimited(end), T[${indexOf(sub)}](r, s, depth + 1, undefined))`;
    }
  }
  return expr;
}

/**
 * Messages represented by their one field (the IDs, Value.Scalar, Value.Text,
 * and the lists Value.Ranges, Value.Set, Labels) decode into a local
 * variable: no wrapper object is allocated unless an unusual field sends the
 * message through the reference path.
 */
function generateScalarWrapper(d: MessageDesc, consts: unknown[]): string {
  const c = (v: unknown) => {
    consts.push(v);
    return `C[${consts.length - 1}]`;
  };
  const f = d.unwrap!;
  const i = d.fields.indexOf(f);
  const fieldsRef = c(d.fields);
  const key = K(f.key);
  return `
return function decode_${d.fullName.replace(/\W/g, "_")}(r, end, depth, target) {
  if (depth > ${MAX_DEPTH}) throw new P("messages nested deeper than ${MAX_DEPTH}");
  const buf = r.buf;
  let f = -1, n = 0, s = 0, x, val, o;
  try {
    while (r.pos < end) {
      f = -1;
      let tag = buf[r.pos];
      if (tag !== undefined && tag < 128) r.pos++; else tag = r.tag();
      if (tag === ${f.number * 8 + f.wireType}) {
        f = ${i};
        ${f.repeated ? `x = ${valueExpr(f, i, c, fieldsRef)}; if (val === undefined) val = [x]; else val.push(x);` : `val = ${valueExpr(f, i, c, fieldsRef)};`}
      }
      else {
        if (o === undefined) o = {};
        if (val !== undefined) o[${key}] = val;
        H.decodeField(r, end, D, depth, o, tag);
        val = o[${key}];
      }
    }
    f = -1;
    if (r.pos !== end) throw new P("field runs past the end of its message");
  } catch (e) {
    if (f >= 0 && e instanceof P) e.segments.unshift(${f.repeated ? `${K(f.name + "[")} + (val === undefined ? 0 : val.length) + "]"` : K(f.name)});
    throw e;
  }
  ${f.required ? `if (val === undefined) throw new P(${K(`missing required field '${f.name}'`)});` : ""}
  return ${f.repeated ? "val === undefined ? [] : val" : "val"};
};`;
}

/**
 * The Reader fast path for a singular wrapper message whose one field is a
 * string or double numbered 1 (the IDs, Value.Text, Value.Scalar), or undefined.
 */
function inlinableWrapper(sub: MessageDesc): "wrappedString" | "wrappedDouble" | undefined {
  const w = sub.unwrap;
  if (w === undefined || w.repeated || w.number !== 1 || sub.fields.length !== 1 || sub.check !== undefined || sub.adapter !== undefined) return undefined;
  return w.kind === Kind.STRING ? "wrappedString" : w.kind === Kind.DOUBLE ? "wrappedDouble" : undefined;
}

function generate(d: MessageDesc, consts: unknown[]): string {
  if (d.unwrap !== undefined && (d.unwrap.repeated || d.unwrap.kind !== Kind.MESSAGE) && d.check === undefined && d.adapter === undefined && d.fields.length === 1) {
    return generateScalarWrapper(d, consts);
  }
  const c = (v: unknown) => {
    consts.push(v);
    return `C[${consts.length - 1}]`;
  };
  const fieldsRef = c(d.fields);
  const cases: string[] = [];
  const hoisted = d.adapter?.hoisted ?? [];
  const target = (f: FieldDesc) => (hoisted.includes(f.key) ? `L_${f.key}` : `o[${K(f.key)}]`);
  d.fields.forEach((f, i) => {
    if (f.mapValue !== undefined) return; // maps take the reference path
    const tag = f.number * 8 + f.wireType;
    if (tag >= 2 ** 31) return;
    const expr = valueExpr(f, i, c, fieldsRef);
    const slot = target(f);
    let body: string;
    if (f.repeated) {
      body = `v = ${expr}; a = ${slot}; if (a === undefined) ${slot} = [v]; else a.push(v);`;
    } else if (f.kind === Kind.MESSAGE && inlinableWrapper(f.message!) !== undefined) {
      // Read `{value: x}` in place when it is exactly that; anything else goes to the wrapper's decoder.
      const sub = f.message!;
      body = `s = r.lengthDelimited(end); v = depth < ${MAX_DEPTH} ? r.${inlinableWrapper(sub)}(s) : undefined; ${slot} = v !== undefined ? v : T[${indexOf(sub)}](r, s, depth + 1, undefined);`;
    } else if (f.kind === Kind.MESSAGE) {
      const sub = f.message!;
      const decodeSub = `T[${indexOf(sub)}](r, s, depth + 1, `;
      const merge =
        sub.unwrap === undefined && sub.adapter === undefined ? `${decodeSub}p)`
        : sub.unwrap?.repeated ? `p.concat(${decodeSub}undefined))`
        : `${decodeSub}undefined)`;
      body = `s = r.lengthDelimited(end); p = ${slot}; ${slot} = p === undefined ? ${decodeSub}undefined) : ${merge};`;
    } else {
      body = `${slot} = ${expr};`;
    }
    for (const sib of f.oneofSiblings) body += ` delete o[${K(sib)}];`;
    cases.push(`case ${tag}: f = ${i}; ${body} break;`);
  });
  const required = d.required.map((f) => `if (o[${K(f.key)}] === undefined) throw new P(${K(`missing required field '${f.name}'`)});`);
  let finish = required.join("\n  ");
  if (d.check !== undefined) finish += `\n  { const problem = ${c(d.check)}(o); if (problem !== undefined) throw new P(problem); }`;
  if (d.unwrap !== undefined) {
    finish += d.unwrap.repeated ? `\n  v = o[${K(d.unwrap.key)}]; return v === undefined ? [] : v;` : `\n  return o[${K(d.unwrap.key)}];`;
  } else if (d.adapter !== undefined) {
    // A hoisted field that reached the object (through the reference path) sends the message the general way.
    const stray = hoisted.map((k) => `o[${K(k)}] !== undefined`).join(" || ") || "false";
    const locals = hoisted.map((k) => `L_${k}`).join(", ");
    finish += `\n  if (${stray}) return ${c(d.adapter)}.fromRaw({ ...o, ${hoisted.map((k) => `${k}: L_${k} !== undefined ? L_${k} : o[${K(k)}]`).join(", ")} });`;
    finish += `\n  return ${c(d.adapter)}.fromHoisted(o, [${locals}]);`;
  } else finish += "\n  return o;";
  return `
return function decode_${d.fullName.replace(/\W/g, "_")}(r, end, depth, target) {
  if (depth > ${MAX_DEPTH}) throw new P("messages nested deeper than ${MAX_DEPTH}");
  const o = target === undefined ? {} : target;
  const buf = r.buf;
  let f = -1, s = 0, n = 0, p, v, a;${hoisted.map((k) => ` let L_${k};`).join("")}
  try {
    while (r.pos < end) {
      f = -1;
      let tag = buf[r.pos];
      if (tag !== undefined && tag < 128) r.pos++;
      else {
        const b1 = buf[r.pos + 1];
        if (tag !== undefined && b1 !== undefined && b1 < 128) { tag = (tag & 127) | (b1 << 7); r.pos += 2; }
        else tag = r.tag();
      }
      switch (tag) {
        ${cases.join("\n        ")}
        default: H.decodeField(r, end, D, depth, o, tag);
      }
    }
    f = -1;
    if (r.pos !== end) throw new P("field runs past the end of its message");
  } catch (e) {
    if (f >= 0 && e instanceof P) e.segments.unshift(H.fieldSegment(${fieldsRef}[f], o));
    throw e;
  }
  ${finish}
};`;
}

const helpers = { decodeField, fieldSegment, badEnum };

function compileOne(d: MessageDesc): void {
  const consts: unknown[] = [];
  const source = generate(d, consts);
  const fn = new Function("T", "C", "D", "H", "P", source)(table, consts, d, helpers, PathedProblem) as CompiledDecoder;
  table[indexOf(d)] = fn;
  compiled.set(d, fn);
}

/** Compiles `d` and every message reachable from it (so `T[i]` is always filled when a decoder runs). */
function compile(d: MessageDesc): CompiledDecoder {
  const pending = [d];
  const seen = new Set<MessageDesc>();
  while (pending.length > 0) {
    const m = pending.pop()!;
    if (seen.has(m) || compiled.has(m)) continue;
    seen.add(m);
    for (const f of m.fields) {
      const sub = f.mapValue !== undefined ? f.mapValue.message : f.message;
      if (sub !== undefined) pending.push(sub);
    }
  }
  for (const m of seen) indexOf(m);
  for (const m of seen) compileOne(m);
  return compiled.get(d)!;
}

/** Decodes `bytes` as message `d` with its compiled decoder; malformed input throws `CodecError`. */
export function decodeBinary(d: MessageDesc, bytes: Uint8Array): unknown {
  return binaryDecoderFor(d)(bytes);
}

const entryPoints = new Map<MessageDesc, (bytes: Uint8Array) => unknown>();

/** A ready-to-call decoder for message `d`: bytes → value, or a thrown `CodecError`. */
export function binaryDecoderFor(d: MessageDesc): (bytes: Uint8Array) => unknown {
  let entry = entryPoints.get(d);
  if (entry === undefined) {
    const fn = compiled.get(d) ?? compile(d);
    const typeName = d.fullName;
    entry = (bytes: Uint8Array) => {
      try {
        return fn(new Reader(bytes), bytes.length, 0, undefined);
      } catch (e) {
        return toCodecError(e, typeName);
      }
    };
    entryPoints.set(d, entry);
  }
  return entry;
}
