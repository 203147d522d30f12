/**
 * The codec's view of proto/mesos.proto: protobufjs parses the schema once
 * (reflection), and this module turns it into flat descriptors tuned for the
 * codec's hot loops: fields indexed by number, declaration order for JSON,
 * number order for encoding, enum tables, and the representation rules that
 * map wire messages to drfcore's idiomatic types (see docs/codec.md).
 */
import { createRequire } from "node:module";
import type * as Pb from "protobufjs";
import { readFileSync } from "node:fs";
import { PathedProblem } from "./errors.js";

/** Scalar and composite kinds a field can have. */
export const Kind = {
  DOUBLE: 0, INT32: 1, UINT32: 2, INT64: 3, UINT64: 4, BOOL: 5, STRING: 6, BYTES: 7, ENUM: 8, MESSAGE: 9,
} as const;
/** One of the `Kind` values. */
export type Kind = (typeof Kind)[keyof typeof Kind];

const KIND_OF: Record<string, Kind> = {
  double: Kind.DOUBLE, int32: Kind.INT32, uint32: Kind.UINT32, int64: Kind.INT64, uint64: Kind.UINT64,
  bool: Kind.BOOL, string: Kind.STRING, bytes: Kind.BYTES,
};

/** Wire type a (non-packed) value of each kind uses. */
export const WIRE_TYPE_OF: readonly number[] = [1, 0, 0, 0, 0, 0, 2, 2, 0, 2];

/** An enum: names by number and numbers by name. */
export interface EnumDesc {
  /** Fully qualified name, e.g. `mesos.TaskState`. */
  readonly fullName: string;
  /** Value name for each number. */
  readonly nameOf: ReadonlyMap<number, string>;
  /** Number for each value name. */
  readonly numberOf: ReadonlyMap<string, number>;
  /** Value names in declaration order. */
  readonly names: readonly string[];
}

/** What the codec needs to know about one field (or one map's value). */
export interface FieldDesc {
  /** Proto field name (used in paths and Mesos JSON), e.g. `task_id`. */
  readonly name: string;
  /** Property name in drfcore's types, e.g. `taskId`. */
  readonly key: string;
  /** Field number. */
  readonly number: number;
  /** Value kind. */
  readonly kind: Kind;
  /** `repeated` (not maps). */
  readonly repeated: boolean;
  /** `required`. */
  readonly required: boolean;
  /** Whether the .proto gives an explicit `[default = ...]`. */
  readonly hasDefault: boolean;
  /** The explicit default, in drfcore's representation (bigint for 64-bit, enum name for enums). */
  readonly defaultValue: unknown;
  /** `[deprecated = true]`. */
  readonly deprecated: boolean;
  /** For ENUM fields. */
  enum: EnumDesc | undefined;
  /** For MESSAGE fields (filled in once every message is known). */
  message: MessageDesc | undefined;
  /** For map fields: the value's descriptor (key is always string in mesos.proto). */
  mapValue: FieldDesc | undefined;
  /** Keep enum numbers the schema does not know (ContainerInfo.type) instead of rejecting them. */
  readonly keepUnknownEnum: boolean;
  /** Other members of the same oneof, cleared when this one is decoded. */
  readonly oneofSiblings: readonly string[];
  /** Wire type of one (non-packed) value. */
  readonly wireType: number;
  /** Whether the field may arrive packed (repeated numeric/bool/enum). */
  readonly packable: boolean;
}

/** Converts between a message's representation in drfcore and its raw field object. */
export interface Adapter {
  /**
   * Fields the compiled decoder keeps in local variables instead of the raw
   * object; `fromHoisted` receives their values in this order.
   */
  readonly hoisted: readonly string[];
  /** Raw decoded fields (without the hoisted ones) plus the hoisted values → drfcore value. */
  fromHoisted(raw: Record<string, unknown>, hoisted: readonly unknown[]): unknown;
  /** Properties of the drfcore value that replace the hoisted fields (e.g. `implementation`). */
  readonly valueKeys: readonly string[];
  /** The hoisted fields' values taken from a drfcore value (in `hoisted` order); throws `PathedProblem` when malformed. */
  toHoisted(value: Record<string, unknown>): unknown[];
  /** Raw decoded fields (camelCase keys) → drfcore value. */
  fromRaw(raw: Record<string, unknown>): unknown;
  /** drfcore value → raw fields; throws `PathedProblem` on a malformed value. */
  toRaw(value: unknown): Record<string, unknown>;
}

/** What the codec needs to know about one message type. */
export interface MessageDesc {
  /** Fully qualified name, e.g. `mesos.TaskInfo`. */
  readonly fullName: string;
  /** Fields in declaration order (Mesos JSON key order). */
  readonly fields: readonly FieldDesc[];
  /** Fields in number order (protoc's encoding order). */
  readonly encodeOrder: readonly FieldDesc[];
  /** Field for each field number (sparse). */
  readonly byNumber: readonly (FieldDesc | undefined)[];
  /** Field for each property name. */
  readonly byKey: ReadonlyMap<string, FieldDesc>;
  /** Field for each proto field name. */
  readonly byName: ReadonlyMap<string, FieldDesc>;
  /** Required fields. */
  readonly required: readonly FieldDesc[];
  /** Set when the message is represented by this one field's value (IDs, Labels, Value.Scalar, ...). */
  unwrap: FieldDesc | undefined;
  /** Set when the representation is reshaped (TaskInfo's implementation union). */
  adapter: Adapter | undefined;
  /** Extra structural check on the raw fields (payload matches `type`); returns a problem or undefined. */
  check: ((raw: Record<string, unknown>) => string | undefined) | undefined;
  /**
   * When `check` is the payload check: each payload field's key with the
   * `type` value it needs. `check` can find a problem only when one of these
   * fields is set and `type` is not its value, so compiled decoders test
   * that on their locals and call `check` (for its message) only then.
   */
  checkPayloads: Readonly<Record<string, string>> | undefined;
}

/** Messages represented by their single field's value. */
const WRAPPERS = new Set([
  "mesos.FrameworkID", "mesos.OfferID", "mesos.SlaveID", "mesos.TaskID", "mesos.ExecutorID",
  "mesos.ResourceProviderID", "mesos.Value.Scalar", "mesos.Value.Text", "mesos.Value.Ranges",
  "mesos.Value.Set", "mesos.Labels",
]);

/** Enum fields whose unknown numbers are kept as numbers rather than rejected. */
const KEEP_UNKNOWN_ENUM = new Set(["mesos.ContainerInfo.type"]);

/** snake_case (or CamelCase, as in the SNMP statistics) → lowerCamelCase. */
export function camelCase(name: string): string {
  const c = name.replace(/_([a-z0-9])/g, (_, x: string) => x.toUpperCase());
  return c.charAt(0).toLowerCase() + c.slice(1);
}

function loadRoot(): Pb.Root {
  const text = readFileSync(new URL("../../proto/mesos.proto", import.meta.url), "utf8");
  const root = protobuf.parse(text, { keepCase: true }).root;
  root.resolveAll();
  return root;
}

/**
 * protobufjs, loaded by `loadSchema` (with `require`, when the schema is
 * first needed, not by an import: it is ~45 ms and ~1.2 MB of heap that
 * programs using only the allocator and resources would otherwise pay).
 */
let protobuf: typeof Pb;

const enums = new Map<string, EnumDesc>();
const messages = new Map<string, MessageDesc>();
/** Every message type name, sorted; set (with `enums` and `messages`) by `loadSchema`. */
let typeNames: readonly string[] | undefined;

/**
 * Parses proto/mesos.proto and builds every descriptor, on the first call
 * only. The schema is parsed when the codec is first used, not when it is
 * imported: the allocator and the resources layer import the codec for
 * Resources' JSON form, and parsing it (with loading protobufjs) at import
 * added ~85 ms to every import of the allocator and ~2.3 MB of objects that
 * every full collection then traced (docs/bench-codec.md).
 */
function loadSchema(): void {
  if (typeNames !== undefined) return;
  protobuf = createRequire(import.meta.url)("protobufjs") as typeof Pb;
  const root = loadRoot();
  walk(root);
  // Link message-typed fields (and map values) to their descriptors.
  for (const [name, d] of messages) {
    const type = root.lookupType(name);
    for (const f of d.fields) {
      const rt = type.fields[f.name]!.resolvedType;
      if (rt instanceof protobuf.Type) {
        const target = messages.get(rt.fullName.slice(1))!;
        if (f.mapValue) f.mapValue.message = target;
        else f.message = target;
      }
    }
  }
  for (const name of ["mesos.Value", "mesos.Attribute", "mesos.Resource"]) {
    const d = messages.get(name)!;
    d.check = payloadProblem;
    d.checkPayloads = PAYLOAD_TYPES;
  }
  messages.get("mesos.TaskInfo")!.adapter = TASK_INFO_ADAPTER;
  typeNames = [...messages.keys()].sort();
}

/** Whether the schema has been parsed yet (for tests: importing the codec must not parse it). */
export function schemaLoaded(): boolean {
  return typeNames !== undefined;
}

function enumDesc(e: Pb.Enum): EnumDesc {
  const fullName = e.fullName.slice(1);
  let d = enums.get(fullName);
  if (d) return d;
  const nameOf = new Map<number, string>();
  const numberOf = new Map<string, number>();
  for (const [name, num] of Object.entries(e.values)) {
    if (!nameOf.has(num)) nameOf.set(num, name);
    numberOf.set(name, num);
  }
  d = { fullName, nameOf, numberOf, names: Object.keys(e.values) };
  enums.set(fullName, d);
  return d;
}

function fieldDesc(f: Pb.Field, owner: string): FieldDesc {
  const isMap = f instanceof protobuf.MapField;
  const rt = f.resolvedType;
  const kind: Kind = rt instanceof protobuf.Type ? Kind.MESSAGE : rt instanceof protobuf.Enum ? Kind.ENUM : KIND_OF[f.type]!;
  if (kind === undefined) throw new Error(`unsupported field type ${f.type} in ${owner}.${f.name}`);
  const opts = (f.options ?? {}) as Record<string, unknown>;
  const hasDefault = !isMap && !f.repeated && Object.prototype.hasOwnProperty.call(opts, "default");
  let defaultValue: unknown = undefined;
  if (hasDefault) {
    const raw = opts["default"];
    defaultValue = kind === Kind.INT64 || kind === Kind.UINT64 ? BigInt(raw as number) : raw;
  }
  const siblings = f.partOf ? f.partOf.oneof.filter((n) => n !== f.name).map(camelCase) : [];
  const base = {
    name: f.name, key: camelCase(f.name), number: f.id, kind,
    repeated: f.repeated && !isMap, required: f.required, hasDefault, defaultValue,
    deprecated: opts["deprecated"] === true,
    enum: rt instanceof protobuf.Enum ? enumDesc(rt) : undefined,
    message: undefined, mapValue: undefined,
    keepUnknownEnum: KEEP_UNKNOWN_ENUM.has(`${owner}.${f.name}`),
    oneofSiblings: siblings, wireType: WIRE_TYPE_OF[kind]!,
    packable: f.repeated && !isMap && kind !== Kind.STRING && kind !== Kind.BYTES && kind !== Kind.MESSAGE,
  };
  if (!isMap) return base;
  // A map is a repeated entry message { key = 1; value = 2 }; describe its value.
  const value: FieldDesc = { ...base, name: "value", key: "value", number: 2, repeated: false, required: false, hasDefault: false, defaultValue: undefined, deprecated: false, oneofSiblings: [], packable: false };
  if ((f as Pb.MapField).keyType !== "string") throw new Error(`map key type ${(f as Pb.MapField).keyType} unsupported`);
  return { ...base, kind: Kind.MESSAGE, wireType: 2, mapValue: value, enum: undefined };
}

function build(type: Pb.Type): void {
  const fullName = type.fullName.slice(1);
  const fields = type.fieldsArray.map((f) => fieldDesc(f, fullName));
  const byNumber: (FieldDesc | undefined)[] = [];
  for (const f of fields) byNumber[f.number] = f;
  const desc: MessageDesc = {
    fullName, fields,
    encodeOrder: [...fields].sort((a, b) => a.number - b.number),
    byNumber, byKey: new Map(fields.map((f) => [f.key, f])), byName: new Map(fields.map((f) => [f.name, f])),
    required: fields.filter((f) => f.required),
    unwrap: WRAPPERS.has(fullName) ? fields[0] : undefined,
    adapter: undefined, check: undefined, checkPayloads: undefined,
  };
  messages.set(fullName, desc);
  for (const n of type.nestedArray) if (n instanceof protobuf.Type) build(n);
}

function walk(ns: Pb.NamespaceBase): void {
  for (const n of ns.nestedArray) {
    if (n instanceof protobuf.Type) build(n);
    else if (n instanceof protobuf.Namespace) walk(n);
  }
}

/**
 * `d` and every message reachable from it through message fields and map
 * values, except those `skip` returns true for (and what is reachable only
 * through them): the set a code generator compiles together.
 */
export function messagesReachableFrom(d: MessageDesc, skip: (m: MessageDesc) => boolean): Set<MessageDesc> {
  const pending = [d];
  const seen = new Set<MessageDesc>();
  while (pending.length > 0) {
    const m = pending.pop()!;
    if (seen.has(m) || skip(m)) continue;
    seen.add(m);
    for (const f of m.fields) {
      const sub = f.mapValue !== undefined ? f.mapValue.message : f.message;
      if (sub !== undefined) pending.push(sub);
    }
  }
  return seen;
}

/** The descriptor of message `fullName`, or undefined when the schema has no such message. */
export function messageDesc(fullName: string): MessageDesc | undefined {
  loadSchema();
  return messages.get(fullName);
}

/** The descriptor of enum `fullName` (e.g. `mesos.TaskState`), or undefined. */
export function enumDescOf(fullName: string): EnumDesc | undefined {
  loadSchema();
  return enums.get(fullName);
}

/** Every message type name in the schema, sorted, e.g. `mesos.TaskInfo`, `mesos.CommandInfo.URI`. */
export function messageTypeNames(): readonly string[] {
  loadSchema();
  return typeNames!;
}

// ---- Representation rules that are not mechanical --------------------------

/** Value, Resource and Attribute: a payload that is present must match `type` (Resource has no `text`). */
function payloadProblem(raw: Record<string, unknown>): string | undefined {
  const type = raw["type"];
  if (raw["scalar"] !== undefined && type !== "SCALAR") return mismatch("scalar", type, "SCALAR");
  if (raw["ranges"] !== undefined && type !== "RANGES") return mismatch("ranges", type, "RANGES");
  if (raw["set"] !== undefined && type !== "SET") return mismatch("set", type, "SET");
  if (raw["text"] !== undefined && type !== "TEXT") return mismatch("text", type, "TEXT");
  return undefined;
}
function mismatch(field: string, type: unknown, wanted: string): string {
  return `field '${field}' does not match type ${typeof type === "string" ? type : "(unset)"}; a ${wanted} payload needs type ${wanted}`;
}
/** The payload fields `payloadProblem` checks, with the type each needs. */
const PAYLOAD_TYPES: Readonly<Record<string, string>> = { scalar: "SCALAR", ranges: "RANGES", set: "SET", text: "TEXT" };

/** TaskInfo: `command`/`executor` become the `implementation` union. */
function implementationOf(command: unknown, executor: unknown): unknown {
  return command !== undefined && executor !== undefined ? { kind: "both", executor, command }
    : command !== undefined ? { kind: "command", command }
    : executor !== undefined ? { kind: "executor", executor }
    : { kind: "neither" };
}
const TASK_INFO_ADAPTER: Adapter = {
  hoisted: ["command", "executor"],
  fromHoisted(raw, [command, executor]) {
    raw["implementation"] = implementationOf(command, executor);
    return raw;
  },
  fromRaw(raw) {
    const { command, executor, ...rest } = raw;
    return { ...rest, implementation: implementationOf(command, executor) };
  },
  valueKeys: ["implementation"],
  toHoisted(value) {
    const impl = value["implementation"];
    if (typeof impl === "object" && impl !== null) {
      const i = impl as Record<string, unknown>;
      const kind = i["kind"];
      if (kind === "command" && i["command"] !== undefined) return [i["command"], undefined];
      if (kind === "executor" && i["executor"] !== undefined) return [undefined, i["executor"]];
      if (kind === "both" && i["command"] !== undefined && i["executor"] !== undefined) return [i["command"], i["executor"]];
      if (kind === "neither") return [undefined, undefined];
    }
    const raw = this.toRaw(value); // throws the precise problem
    return [raw["command"], raw["executor"]];
  },
  toRaw(value) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new PathedProblem("expected an object");
    const { implementation, ...rest } = value as Record<string, unknown>;
    if (typeof implementation !== "object" || implementation === null) {
      throw new PathedProblem("missing 'implementation' (a command or an executor)", "implementation");
    }
    for (const stray of ["command", "executor"]) {
      if (rest[stray] !== undefined) throw new PathedProblem(`'${stray}' belongs inside 'implementation'`, stray);
    }
    const impl = implementation as Record<string, unknown>;
    const raw: Record<string, unknown> = { ...rest };
    switch (impl["kind"]) {
      case "command":
        if (impl["command"] === undefined) throw new PathedProblem("kind 'command' needs 'command'", "implementation");
        raw["command"] = impl["command"];
        break;
      case "executor":
        if (impl["executor"] === undefined) throw new PathedProblem("kind 'executor' needs 'executor'", "implementation");
        raw["executor"] = impl["executor"];
        break;
      case "both":
        if (impl["command"] === undefined || impl["executor"] === undefined) throw new PathedProblem("kind 'both' needs 'command' and 'executor'", "implementation");
        raw["command"] = impl["command"];
        raw["executor"] = impl["executor"];
        break;
      case "neither":
        break;
      default:
        throw new PathedProblem(
          `unknown implementation kind ${typeof impl["kind"] === "string" ? JSON.stringify(impl["kind"]) : `(a ${typeof impl["kind"]})`}; expected command, executor, both or neither`,
          "implementation",
        );
    }
    return raw;
  },
};
