/**
 * The test suite's own statement of how drfcore represents Mesos messages,
 * written independently of src/codec (it reads the schema through its own
 * protobufjs Root): field `task_id` is property `taskId`; IDs, `Labels` and the
 * `Value` wrappers are the wrapped value; 64-bit integers are bigint; bytes are
 * Uint8Array; maps are Map; `TaskInfo.command`/`executor` become
 * `implementation`. It converts between that representation and protobuf's
 * standard JSON mapping (the vectors' `.pbjson` form), so the vectors can be
 * compared without trusting the code under test.
 */
import protobuf from "protobufjs";
import { readFileSync } from "node:fs";

/** Our own reflection of proto/mesos.proto (field names as in the .proto). */
export const root: protobuf.Root = (() => {
  const r = protobuf.parse(readFileSync(new URL("../../proto/mesos.proto", import.meta.url), "utf8"), { keepCase: true }).root;
  r.resolveAll();
  return r;
})();

/** Messages that drfcore represents by their only field's value. */
export const WRAPPED = new Set([
  "mesos.FrameworkID", "mesos.OfferID", "mesos.SlaveID", "mesos.TaskID", "mesos.ExecutorID", "mesos.ResourceProviderID",
  "mesos.Value.Scalar", "mesos.Value.Text", "mesos.Value.Ranges", "mesos.Value.Set", "mesos.Labels",
]);

/** `task_id` → `taskId`, `InReceives` → `inReceives`. */
export const propertyName = (name: string): string => {
  const c = name.replace(/_([a-z0-9])/g, (_, x: string) => x.toUpperCase());
  return c.charAt(0).toLowerCase() + c.slice(1);
};

const fullName = (t: protobuf.ReflectionObject) => t.fullName.slice(1);

type Obj = Record<string, unknown>;

function scalarToPb(f: protobuf.Field, v: unknown): unknown {
  if (f.resolvedType instanceof protobuf.Enum) return v;
  switch (f.type) {
    case "int64": case "uint64": return String(v);
    case "bytes": return Buffer.from(v as Uint8Array).toString("base64");
    case "double": return Number.isFinite(v as number) ? v : String(v);
    default: return v;
  }
}

function valueToPb(f: protobuf.Field, v: unknown): unknown {
  return f.resolvedType instanceof protobuf.Type ? toPbjson(f.resolvedType, v) : scalarToPb(f, v);
}

/** drfcore value of message `type` → protobuf standard JSON object (as in `.pbjson`). */
export function toPbjson(type: protobuf.Type, value: unknown): Obj {
  const name = fullName(type);
  if (WRAPPED.has(name)) {
    const f = type.fieldsArray[0]!;
    return f.repeated ? ((value as unknown[]).length ? { [f.name]: (value as unknown[]).map((x) => valueToPb(f, x)) } : {}) : { [f.name]: valueToPb(f, value) };
  }
  let fields = value as Obj;
  if (name === "mesos.TaskInfo") {
    const { implementation, ...rest } = fields as { implementation: Obj };
    fields = { ...rest, command: implementation["command"], executor: implementation["executor"] };
  }
  const out: Obj = {};
  for (const f of type.fieldsArray) {
    const v = fields[propertyName(f.name)];
    if (v === undefined) continue;
    if (f.map) {
      const m: Obj = {};
      for (const [k, x] of v as Map<string, unknown>) m[k] = valueToPb(f, x);
      out[f.name] = m;
    } else if (f.repeated) out[f.name] = (v as unknown[]).map((x) => valueToPb(f, x));
    else out[f.name] = valueToPb(f, v);
  }
  return out;
}

function scalarFromPb(f: protobuf.Field, v: unknown): unknown {
  if (f.resolvedType instanceof protobuf.Enum) return v;
  switch (f.type) {
    case "int64": case "uint64": return BigInt(v as string);
    case "bytes": return new Uint8Array(Buffer.from(v as string, "base64"));
    case "double": return typeof v === "string" ? Number(v) : v;
    default: return v;
  }
}

function valueFromPb(f: protobuf.Field, v: unknown): unknown {
  return f.resolvedType instanceof protobuf.Type ? fromPbjson(f.resolvedType, v as Obj) : scalarFromPb(f, v);
}

/** Protobuf standard JSON object → drfcore value of message `type`. */
export function fromPbjson(type: protobuf.Type, pb: Obj): unknown {
  const name = fullName(type);
  if (WRAPPED.has(name)) {
    const f = type.fieldsArray[0]!;
    const v = pb[f.name];
    return f.repeated ? ((v as unknown[] | undefined) ?? []).map((x) => valueFromPb(f, x)) : valueFromPb(f, v);
  }
  const out: Obj = {};
  for (const f of type.fieldsArray) {
    const v = pb[f.name];
    if (v === undefined) continue;
    const key = propertyName(f.name);
    if (f.map) out[key] = new Map(Object.entries(v as Obj).map(([k, x]) => [k, valueFromPb(f, x)]));
    else if (f.repeated) out[key] = (v as unknown[]).map((x) => valueFromPb(f, x));
    else out[key] = valueFromPb(f, v);
  }
  if (name === "mesos.TaskInfo") {
    const { command, executor, ...rest } = out;
    const implementation = command && executor ? { kind: "both", executor, command } : command ? { kind: "command", command } : executor ? { kind: "executor", executor } : { kind: "neither" };
    return { ...rest, implementation };
  }
  return out;
}

/** Decodes bytes with plain protobufjs (an independent decoder) into standard JSON form. */
export function protobufjsToPbjson(typeName: string, bytes: Uint8Array): Obj {
  const type = root.lookupType(typeName);
  return type.toObject(type.decode(bytes), { longs: String, enums: String, bytes: String, json: true }) as Obj;
}
