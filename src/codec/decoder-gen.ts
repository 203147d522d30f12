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
import { Kind, messagesReachableFrom, type FieldDesc, type MessageDesc } from "./schema.js";
import { ASCII_READERS, MAX_GENERATED_ASCII, Reader, SMALL_BIGINTS } from "./wire.js";

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

/*
 * One-byte fast paths written into the generated code. Varints below 128 (enum
 * values, flags, small counts and counters) and length prefixes below 128
 * (nearly every string and nested message) are read in place; anything else
 * calls the Reader method, which reads it or reports the problem. The
 * decoders are too large for the optimising compiler to inline those small
 * methods into them, so each was a call. Reading past the data gives
 * `undefined`, which fails `< 128` and takes the method's checked path.
 */
/** The end of a length-delimited field whose prefix is at `r.pos` (moves past the prefix). */
const LEN = `((s = buf[r.pos]) < 128 && (s += r.pos + 1) <= end ? (r.pos++, s) : r.lengthDelimited(end))`;
/** A varint's low 32 bits, unsigned. */
const UINT32 = `((n = buf[r.pos]) < 128 ? (r.pos++, n) : r.varint32())`;

/** The expression that reads one (non-packed) value of field `f` (index `i`) in generated code. */
function valueExpr(f: FieldDesc, i: number, c: (v: unknown) => string, fieldsRef: string, view = false): string {
  let expr: string;
  switch (f.kind) {
    // With `view` (see DOUBLE_VIEW_MIN), a double within the message is read in place through `dv`.
    case Kind.DOUBLE: expr = view ? "((s = r.pos + 8) <= end ? (w = dv.getFloat64(r.pos, true), r.pos = s, w) : r.double())" : "r.double()"; break;
    case Kind.INT32: expr = `(${UINT32} | 0)`; break;
    case Kind.UINT32: expr = UINT32; break;
    case Kind.INT64: expr = `((n = buf[r.pos]) < 128 ? (r.pos++, ${c(SMALL_BIGINTS)}[n]) : r.varint64Of(true))`; break;
    case Kind.UINT64: expr = `((n = buf[r.pos]) < 128 ? (r.pos++, ${c(SMALL_BIGINTS)}[n]) : r.varint64Of(false))`; break;
    case Kind.BOOL: expr = "((n = buf[r.pos]) === 1 ? (r.pos++, true) : n === 0 ? (r.pos++, false) : r.bool())"; break;
    case Kind.STRING: expr = `(s = ${LEN}, (n = s - r.pos) <= ${MAX_GENERATED_ASCII} && (w = ${c(ASCII_READERS)}[n](buf, r.pos)) !== undefined ? (r.pos = s, w) : r.stringTo(s))`; break;
    case Kind.BYTES: expr = "r.bytes(end)"; break;
    case Kind.ENUM: {
      const names = c(enumArray(f));
      expr = f.keepUnknownEnum
        ? `(n = ${UINT32} | 0, ${names}[n] !== undefined ? ${names}[n] : n)`
        : `(n = ${UINT32} | 0, ${names}[n] !== undefined ? ${names}[n] : H.badEnum(n, ${fieldsRef}[${i}]))`;
      break;
    }
    default: {
      const sub = f.message!;
      const flat = flatReader(sub);
      expr = flat === undefined
        ? `(s = ${LEN}, T[${indexOf(sub)}](r, s, depth + 1, undefined))`
        : `(s = ${LEN}, (w = depth < ${MAX_DEPTH} ? ${c(flat)}(r, s) : undefined) !== undefined ? w : T[${indexOf(sub)}](r, s, depth + 1, undefined))`;
    }
  }
  return expr;
}

/** How a flat reader reads one field of each kind it supports. */
const FLAT_KINDS: Partial<Record<Kind, string>> = {
  [Kind.UINT64]: "r.varint64Of(false)", [Kind.INT64]: "r.varint64Of(true)", [Kind.UINT32]: "r.varint32()",
  [Kind.INT32]: "r.varint32() | 0", [Kind.BOOL]: "r.bool()",
};
const flatReaders = new Map<MessageDesc, ((r: Reader, stop: number) => unknown) | undefined>();

/**
 * For a small message of varint scalars only (Value.Range: begin, end), a
 * reader for its usual encoding — every field once, in number order, exactly
 * filling the bytes up to `stop` — that returns the object (the same literal
 * shape as its decoder builds) without a decoder call. For any other
 * encoding, or malformed bytes, it returns undefined without moving, and the
 * caller runs the message's decoder, which reads or rejects it with the exact
 * path. Undefined for messages it does not apply to.
 */
function flatReader(d: MessageDesc): ((r: Reader, stop: number) => unknown) | undefined {
  if (flatReaders.has(d)) return flatReaders.get(d);
  const fields = [...d.fields].sort((a, b) => a.number - b.number);
  const ok = fields.length > 0 && fields.length <= 4 && d.unwrap === undefined && d.adapter === undefined && d.check === undefined &&
    fields.every((f) => !f.repeated && f.oneofSiblings.length === 0 && FLAT_KINDS[f.kind] !== undefined && f.number < 16 && f.key !== "__proto__");
  let reader: ((r: Reader, stop: number) => unknown) | undefined;
  if (ok) {
    const steps = fields.map((f, i) =>
      `${i === 0 ? "" : "if (r.pos >= stop) { r.pos = at; return undefined; }\n    "}if (buf[r.pos] !== ${f.number * 8}) { r.pos = at; return undefined; }\n    r.pos++;\n    const x${i} = ${FLAT_KINDS[f.kind]};`);
    const literal = d.fields.map((f) => `${K(f.key)}: x${fields.indexOf(f)}`).join(", ");
    reader = new Function(`return function flat_${d.fullName.replace(/\W/g, "_")}(r, stop) {
  const buf = r.buf, at = r.pos;
  try {
    ${steps.join("\n    ")}
    if (r.pos !== stop) { r.pos = at; return undefined; }
    return { ${literal} };
  } catch (e) {
    r.pos = at;
    return undefined;
  }
};`)() as (r: Reader, stop: number) => unknown;
  }
  flatReaders.set(d, reader);
  return reader;
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
  let f = -1, n = 0, s = 0, x, val, o, w;
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

/**
 * Messages with at least this many double fields (ResourceStatistics: 20,
 * PerfStatistics: 4) take the Reader's DataView at the start and read doubles
 * in place, without a `Reader.double` call each.
 */
const DOUBLE_VIEW_MIN = 3;

/** Bits of the presence masks per mask word (two words cover the largest message, 55 fields). */
const MASK_BITS = 30;
/** Object builders made per message before falling back to the incremental one (bounds code generation). */
const MAX_BUILDERS = 64;

/**
 * The objects a message's fast path builds, one literal per set of present
 * fields. Building an object from one literal (`{a: x, b: y}`, fields in
 * declaration order) gives it its final hidden class and property storage at
 * once; adding the same properties one by one to `{}` moves it through a
 * chain of hidden classes and regrows its out-of-object property array every
 * few fields (measured ~7x slower at 55 fields, ~1.3x at 5). A builder takes
 * every field's value as a positional argument (undefined when absent) and
 * is generated on first sight of a presence pattern; at most `MAX_BUILDERS`
 * per message, after which the incremental builder serves the rest.
 */
interface Builders {
  /** Property names, in declaration order, of the fields that go into the object. */
  readonly keys: readonly string[];
  /** Builders by the first mask word, then by the second (when there are more than MASK_BITS fields). */
  readonly cache: Map<number, any>;
  count: number;
  /** The presence mask words and the builder of the last object built (-1: none yet). */
  last0: number;
  last1: number;
  lastBuilder: (...values: unknown[]) => Record<string, unknown>;
  /** Adds the present fields one by one; used past `MAX_BUILDERS` and to hand over to the object-mode decoder. */
  readonly incremental: (...values: unknown[]) => Record<string, unknown>;
}

function newBuilders(keys: readonly string[]): Builders {
  const params = keys.map((_, i) => `a${i}`);
  const incremental = new Function(...params, `const o = {};\n${keys.map((k, i) => `if (a${i} !== undefined) o[${K(k)}] = a${i};`).join("\n")}\nreturn o;`) as Builders["incremental"];
  return { keys, cache: new Map(), count: 0, incremental, last0: -1, last1: -1, lastBuilder: incremental };
}

/** The builder for the presence masks `masks` (generated and cached on first use). */
function builderFor(b: Builders, masks: readonly number[]): (...values: unknown[]) => Record<string, unknown> {
  if (b.count >= MAX_BUILDERS) return b.incremental;
  const present = b.keys.map((k, i) => ((masks[Math.floor(i / MASK_BITS)]! >>> (i % MASK_BITS)) & 1 ? `${K(k)}: a${i}` : undefined)).filter((x) => x !== undefined);
  const fn = new Function(...b.keys.map((_, i) => `a${i}`), `return { ${present.join(", ")} };`) as (...values: unknown[]) => Record<string, unknown>;
  let level = b.cache;
  for (let w = 0; w < masks.length - 1; w++) {
    let next = level.get(masks[w]!);
    if (next === undefined) level.set(masks[w]!, (next = new Map()));
    level = next;
  }
  level.set(masks[masks.length - 1]!, fn);
  b.count++;
  return fn;
}

/** The code of one `case` of the field switch: reads field `f` (index `i`) into `slot`. */
function caseBody(f: FieldDesc, i: number, slot: string, c: (v: unknown) => string, fieldsRef: string, clearSibling: (key: string) => string, view: boolean): string {
  const expr = valueExpr(f, i, c, fieldsRef, view);
  let body: string;
  if (f.repeated) {
    body = `v = ${expr}; a = ${slot}; if (a === undefined) ${slot} = [v]; else a.push(v);`;
  } else if (f.kind === Kind.MESSAGE && inlinableWrapper(f.message!) !== undefined) {
    // Read `{value: x}` in place when it is exactly that; anything else goes to the wrapper's decoder.
    const sub = f.message!;
    const inPlace = inlinableWrapper(sub) === "wrappedString"
      // r.wrappedString's short-ASCII case written out: exactly field 1 (tag 10) with a one-byte length filling the message
      ? `(buf[r.pos] === 10 && (n = s - r.pos - 2) <= ${MAX_GENERATED_ASCII} && buf[r.pos + 1] === n && (w = ${c(ASCII_READERS)}[n](buf, r.pos + 2)) !== undefined ? (r.pos = s, w) : r.wrappedString(s))`
      : `r.${inlinableWrapper(sub)}(s)`;
    body = `s = ${LEN}; v = depth < ${MAX_DEPTH} ? ${inPlace} : undefined; ${slot} = v !== undefined ? v : T[${indexOf(sub)}](r, s, depth + 1, undefined);`;
  } else if (f.kind === Kind.MESSAGE) {
    const sub = f.message!;
    const decodeSub = `T[${indexOf(sub)}](r, s, depth + 1, `;
    const merge =
      sub.unwrap === undefined && sub.adapter === undefined ? `${decodeSub}p)`
      : sub.unwrap?.repeated ? `p.concat(${decodeSub}undefined))`
      : `${decodeSub}undefined)`;
    body = `s = ${LEN}; p = ${slot}; ${slot} = p === undefined ? ${decodeSub}undefined) : ${merge};`;
  } else {
    body = `${slot} = ${expr};`;
  }
  for (const sib of f.oneofSiblings) body += ` ${clearSibling(sib)}`;
  return `case ${f.number * 8 + f.wireType}: f = ${i}; ${body} break;`;
}

/** Fields the compiled switch handles (maps and unencodable tags go to the reference path). */
const switchable = (f: FieldDesc): boolean => f.mapValue === undefined && f.number * 8 + f.wireType < 2 ** 31;

const READ_TAG = `let tag = buf[r.pos];
      if (tag !== undefined && tag < 128) r.pos++;
      else {
        const b1 = buf[r.pos + 1];
        if (tag !== undefined && b1 !== undefined && b1 < 128) { tag = (tag & 127) | (b1 << 7); r.pos += 2; }
        else tag = r.tag();
      }`;

/**
 * A message's decoder in two modes. The fast mode (a fresh message, the
 * common case) reads every field into a local variable and builds the object
 * at the end with one literal (see `Builders`). The object mode adds fields to
 * an object as they come; it serves merging into an existing message, and
 * the fast mode hands over to it (with what it has read so far) at the first
 * field it does not handle itself — unknown fields, packed scalars, maps,
 * wrong wire types — which the reference path then reads or rejects.
 */
function generate(d: MessageDesc, consts: unknown[]): string {
  if (d.unwrap !== undefined && (d.unwrap.repeated || d.unwrap.kind !== Kind.MESSAGE) && d.check === undefined && d.adapter === undefined && d.fields.length === 1) {
    return generateScalarWrapper(d, consts);
  }
  const c = (v: unknown) => {
    consts.push(v);
    return `C[${consts.length - 1}]`;
  };
  const fieldsRef = c(d.fields);
  const hoisted = d.adapter?.hoisted ?? [];
  const isHoisted = (f: FieldDesc) => hoisted.includes(f.key);
  const local = (f: FieldDesc) => (isHoisted(f) ? `L_${f.key}` : `L${d.fields.indexOf(f)}`);
  const byKey = (key: string) => d.byKey.get(key)!;

  // ---- finishing: required fields, structural check, representation (both modes, on `o` and the hoisted locals)
  const required = d.required.map((f) => `if (o[${K(f.key)}] === undefined) throw new P(${K(`missing required field '${f.name}'`)});`);
  const checkCall = d.check === undefined ? "" : `{ const problem = ${c(d.check)}(o); if (problem !== undefined) throw new P(problem); }`;
  let finish = "";
  if (d.unwrap !== undefined) {
    finish += d.unwrap.repeated ? `\n  v = o[${K(d.unwrap.key)}]; return v === undefined ? [] : v;` : `\n  return o[${K(d.unwrap.key)}];`;
  } else if (d.adapter !== undefined) {
    // A hoisted field that reached the object (through the reference path) sends the message the general way.
    const stray = hoisted.map((k) => `o[${K(k)}] !== undefined`).join(" || ") || "false";
    const locals = hoisted.map((k) => `L_${k}`).join(", ");
    finish += `\n  if (${stray}) return ${c(d.adapter)}.fromRaw({ ...o, ${hoisted.map((k) => `${k}: L_${k} !== undefined ? L_${k} : o[${K(k)}]`).join(", ")} });`;
    finish += `\n  return ${c(d.adapter)}.fromHoisted(o, [${locals}]);`;
  } else finish += "\n  return o;";
  const requiredChecks = required.join("\n  ");

  const view = d.fields.filter((f) => f.kind === Kind.DOUBLE && switchable(f)).length >= DOUBLE_VIEW_MIN;
  const viewDecl = view ? "\n  const dv = r.dataView();" : "";

  // ---- object mode
  const objCases = d.fields.map((f, i) => (switchable(f) ? caseBody(f, i, isHoisted(f) ? `L_${f.key}` : `o[${K(f.key)}]`, c, fieldsRef, (k) => (hoisted.includes(k) ? `L_${k} = undefined;` : `delete o[${K(k)}];`), view) : "")).filter((x) => x !== "");
  const hoistParams = hoisted.map((_, j) => `, h${j}`).join("");
  const objectMode = `function decode_${d.fullName.replace(/\W/g, "_")}_object(r, end, depth, o${hoistParams}) {
  if (depth > ${MAX_DEPTH}) throw new P("messages nested deeper than ${MAX_DEPTH}");
  const buf = r.buf;${viewDecl}
  let f = -1, s = 0, n = 0, p, v, a, w;${hoisted.map((k, j) => ` let L_${k} = h${j};`).join("")}
  try {
    while (r.pos < end) {
      f = -1;
      ${READ_TAG}
      switch (tag) {
        ${objCases.join("\n        ")}
        default: H.decodeField(r, end, D, depth, o, tag);
      }
    }
    f = -1;
    if (r.pos !== end) throw new P("field runs past the end of its message");
  } catch (e) {
    if (f >= 0 && e instanceof P) e.segments.unshift(H.fieldSegment(${fieldsRef}[f], o));
    throw e;
  }
  ${requiredChecks}
  ${checkCall}${finish}
}`;

  // ---- fast mode: the fields that go into the object (all but maps and the hoisted ones) live in locals
  const objectFields = d.fields.filter((f) => !isHoisted(f) && switchable(f));
  if (objectFields.some((f) => f.key === "__proto__")) throw new Error(`${d.fullName}: a field named __proto__ cannot go into an object literal`);
  const builders = c(newBuilders(objectFields.map((f) => f.key)));
  // The payload check, shared by Value, Attribute and Resource objects of many shapes, reads their
  // properties through megamorphic loads; testing the locals first leaves it for the rare mismatch
  // (in-process A/B with no check at all: Offer ~0.90x, ResourceUsage ~0.93x time).
  const typeField = d.byKey.get("type");
  const payloads = d.checkPayloads === undefined ? [] : Object.entries(d.checkPayloads).filter(([k]) => d.byKey.has(k));
  const inlineCheck = d.check !== undefined && d.checkPayloads !== undefined && typeField !== undefined && objectFields.includes(typeField) &&
    payloads.every(([k]) => objectFields.includes(byKey(k)));
  const fastRequired = d.required.map((f) => `if (${objectFields.includes(f) ? local(f) : `o[${K(f.key)}]`} === undefined) throw new P(${K(`missing required field '${f.name}'`)});`).join("\n  ");
  const fastCheck = !inlineCheck ? checkCall
    : payloads.length === 0 ? ""
    : `if (${payloads.map(([k, type]) => `(${local(byKey(k))} !== undefined && ${local(typeField!)} !== ${K(type)})`).join(" || ")}) ${checkCall}`;
  const args = objectFields.map(local).join(", ");
  const hoistArgs = hoisted.map((k) => `, L_${k}`).join("");
  const fastCases = d.fields.map((f, i) => (switchable(f) ? caseBody(f, i, local(f), c, fieldsRef, (k) => `${local(byKey(k))} = undefined;`, view) : "")).filter((x) => x !== "");
  const words = Math.max(1, Math.ceil(objectFields.length / MASK_BITS));
  const masks = Array.from({ length: words }, (_, w) =>
    `const m${w} = 0${objectFields.slice(w * MASK_BITS, (w + 1) * MASK_BITS).map((f, j) => ` | (${local(f)} !== undefined ? ${2 ** j} : 0)`).join("")};`,
  ).join("\n  ");
  // The last pattern's builder is remembered (messages of one kind tend to repeat their pattern); otherwise a map lookup.
  const sameAsLast = Array.from({ length: words }, (_, w) => `m${w} === ${builders}.last${w}`).join(" && ");
  let lookup = `let B; if (${sameAsLast}) B = ${builders}.lastBuilder; else { B = ${builders}.cache.get(m0);`;
  for (let w = 1; w < words; w++) lookup += ` if (B !== undefined) B = B.get(m${w});`;
  lookup += ` if (B === undefined) B = H.builderFor(${builders}, [${Array.from({ length: words }, (_, w) => `m${w}`).join(", ")}]);`;
  lookup += ` ${Array.from({ length: words }, (_, w) => `${builders}.last${w} = m${w};`).join(" ")} ${builders}.lastBuilder = B; }`;
  return `
const object = ${objectMode};
return function decode_${d.fullName.replace(/\W/g, "_")}(r, end, depth, target) {
  if (target !== undefined) return object(r, end, depth, target${hoisted.map(() => ", undefined").join("")});
  if (depth > ${MAX_DEPTH}) throw new P("messages nested deeper than ${MAX_DEPTH}");
  const buf = r.buf;${viewDecl}
  let f = -1, s = 0, n = 0, p, v, a, w, at = 0;
  let ${[...objectFields.map(local), ...hoisted.map((k) => `L_${k}`)].join(", ") || "unused"};
  try {
    while (r.pos < end) {
      f = -1;
      at = r.pos;
      ${READ_TAG}
      switch (tag) {
        ${fastCases.join("\n        ")}
        default:
          f = -1;
          r.pos = at;
          return object(r, end, depth, ${builders}.incremental(${args})${hoistArgs});
      }
    }
    f = -1;
    if (r.pos !== end) throw new P("field runs past the end of its message");
  } catch (e) {
    if (f >= 0 && e instanceof P) e.segments.unshift(H.fieldSegment(${fieldsRef}[f], ${builders}.incremental(${args})));
    throw e;
  }
  ${masks}
  ${lookup}
  const o = B(${args});
  ${fastRequired}
  ${fastCheck}${finish}
};`;
}

const helpers = { decodeField, fieldSegment, badEnum, builderFor };

function compileOne(d: MessageDesc): void {
  const consts: unknown[] = [];
  const source = generate(d, consts);
  const fn = new Function("T", "C", "D", "H", "P", source)(table, consts, d, helpers, PathedProblem) as CompiledDecoder;
  table[indexOf(d)] = fn;
  compiled.set(d, fn);
}

/** Compiles `d` and every message reachable from it (so `T[i]` is always filled when a decoder runs). */
function compile(d: MessageDesc): CompiledDecoder {
  const seen = messagesReachableFrom(d, (m) => compiled.has(m));
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
