/**
 * fast-check arbitraries for every Mesos message type drfcore supports, in
 * drfcore's representation (src/types). They are generated from the schema
 * (proto/mesos.proto, read through the tests' own protobufjs root) and cover
 * the whole wire range: any UTF-8 string, int64/uint64 extremes as bigint,
 * NaN/±0/±∞ doubles, present-but-empty messages and lists, unknown
 * ContainerInfo types, and every TaskInfo implementation kind. Values are
 * valid protobuf, not necessarily valid Mesos (e.g. negative scalars).
 *
 * Shared by later tests: import `arbitraryFor(typeName)` or a typed export
 * such as `arbResource`, `arbTaskInfo`, `arbOffer`.
 */
import fc from "fast-check";
import protobuf from "protobufjs";
import { propertyName, root, WRAPPED } from "../codec/representation.js";
import type * as T from "../../src/types/index.js";

/** Knobs for the generated values. */
export interface ArbitraryOptions {
  /** Message nesting below which optional message fields are left unset (default 3). */
  readonly maxDepth?: number;
  /** Most items in a repeated field or map (default 2). */
  readonly maxItems?: number;
  /**
   * Always set fields that have an explicit, non-deprecated `[default = ...]`.
   * Mesos JSON writes such fields even when unset, so only values with this
   * option come back identical from a JSON round trip (default false).
   */
  readonly setDefaults?: boolean;
}

type Obj = Record<string, unknown>;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.constantFrom("", "cpus", "mem", "*", "eng/front_end", "\u0000\u001f\"\\", "ünïcödé ☕ 𝄞"),
);
const double = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 0.1, 1e-3, 1e-7, 1e21, 5, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, 0.30000000000000004),
);
const uint64 = fc.oneof(fc.bigInt({ min: 0n, max: UINT64_MAX }), fc.constantFrom(0n, 2n ** 53n + 1n, UINT64_MAX));
const int64 = fc.oneof(fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), fc.constantFrom(INT64_MIN, -1n, INT64_MAX));

function scalarArb(f: protobuf.Field): fc.Arbitrary<unknown> {
  if (f.resolvedType instanceof protobuf.Enum) {
    const names = Object.keys(f.resolvedType.values);
    const byName = fc.constantFrom(...names);
    // ContainerInfo.type keeps numbers it does not know.
    return f.parent?.fullName === ".mesos.ContainerInfo" && f.name === "type" ? fc.oneof(byName, fc.integer({ min: 3, max: 1000 })) : byName;
  }
  switch (f.type) {
    case "double": return double;
    case "int32": return fc.integer();
    case "uint32": return fc.integer({ min: 0, max: 0xffffffff });
    case "int64": return int64;
    case "uint64": return uint64;
    case "bool": return fc.boolean();
    case "string": return text;
    case "bytes": return fc.uint8Array({ maxLength: 8 });
    default: throw new Error(`no arbitrary for ${f.type}`);
  }
}

class Builder {
  private readonly cache = new Map<string, fc.Arbitrary<unknown>>();
  constructor(private readonly maxDepth: number, private readonly maxItems: number, private readonly setDefaults: boolean) {}

  value(f: protobuf.Field, depth: number): fc.Arbitrary<unknown> {
    return f.resolvedType instanceof protobuf.Type ? this.message(f.resolvedType, depth + 1) : scalarArb(f);
  }

  message(type: protobuf.Type, depth: number): fc.Arbitrary<unknown> {
    const key = `${type.fullName}@${Math.min(depth, this.maxDepth + 1)}`;
    let arb = this.cache.get(key);
    if (arb === undefined) {
      arb = fc.constant(null).chain(() => this.build(type, depth)); // lazy: recursive types
      this.cache.set(key, arb);
    }
    return arb;
  }

  private list(f: protobuf.Field, depth: number): fc.Arbitrary<unknown[]> {
    return fc.array(this.value(f, depth), { minLength: 1, maxLength: this.maxItems });
  }

  private build(type: protobuf.Type, depth: number): fc.Arbitrary<unknown> {
    const name = type.fullName.slice(1);
    if (WRAPPED.has(name)) {
      const f = type.fieldsArray[0]!;
      return f.repeated ? fc.array(this.value(f, depth), { maxLength: this.maxItems }) : this.value(f, depth);
    }
    const deep = depth >= this.maxDepth;
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    const oneofs = new Map<string, protobuf.Field[]>();
    for (const f of type.fieldsArray) {
      const key = propertyName(f.name);
      if (f.partOf) {
        oneofs.set(f.partOf.name, [...(oneofs.get(f.partOf.name) ?? []), f]);
        continue;
      }
      const isMessage = f.resolvedType instanceof protobuf.Type;
      if (deep && !f.required && isMessage && !WRAPPED.has(f.resolvedType!.fullName.slice(1))) continue;
      if (f.map) {
        model[key] = fc.array(fc.tuple(text, this.value(f, depth)), { minLength: 1, maxLength: this.maxItems }).map((es) => new Map(es));
      } else if (f.repeated) {
        model[key] = this.list(f, depth);
      } else {
        model[key] = this.value(f, depth);
        const opts = (f.options ?? {}) as Obj;
        if (f.required || (this.setDefaults && "default" in opts && opts["deprecated"] !== true)) required.push(key);
      }
    }
    let arb: fc.Arbitrary<Obj> = fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Obj>;
    for (const members of oneofs.values()) {
      const choice = fc.oneof(
        fc.constant({}),
        ...members.map((m) => (deep ? fc.constant({}) : this.value(m, depth).map((v) => ({ [propertyName(m.name)]: v })))),
      );
      arb = fc.tuple(arb, choice).map(([a, b]) => ({ ...a, ...b }));
    }
    if (name === "mesos.Value" || name === "mesos.Attribute" || name === "mesos.Resource") arb = this.payloadMatchesType(type, arb, depth);
    if (name === "mesos.TaskInfo") arb = arb.map(toTaskInfo);
    return arb;
  }

  /** Value, Attribute and Resource carry at most the payload their `type` names. */
  private payloadMatchesType(type: protobuf.Type, base: fc.Arbitrary<Obj>, depth: number): fc.Arbitrary<Obj> {
    const payloads: Record<string, string> = { SCALAR: "scalar", RANGES: "ranges", SET: "set", TEXT: "text" };
    const variants = Object.entries(payloads).map(([typeName, field]) => {
      const f = type.fields[field];
      const payload = f === undefined ? fc.constant({}) : fc.option(this.value(f, depth), { nil: undefined }).map((v) => (v === undefined ? {} : { [field]: v }));
      return fc.tuple(base, payload).map(([b, p]) => {
        const { scalar: _s, ranges: _r, set: _e, text: _t, ...rest } = b;
        return { ...rest, type: typeName, ...p };
      });
    });
    return fc.oneof(...variants);
  }
}

/** TaskInfo: the generated `command`/`executor` become the `implementation` union (all four kinds occur). */
function toTaskInfo(raw: Obj): Obj {
  const { command, executor, ...rest } = raw;
  const implementation =
    command !== undefined && executor !== undefined ? { kind: "both", executor, command }
    : command !== undefined ? { kind: "command", command }
    : executor !== undefined ? { kind: "executor", executor }
    : { kind: "neither" };
  return { ...rest, implementation };
}

const builders = new Map<string, Builder>();

/** An arbitrary for message `typeName` (e.g. `mesos.TaskInfo`) in drfcore's representation. */
export function arbitraryFor(typeName: string, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const maxDepth = options.maxDepth ?? 3;
  const maxItems = options.maxItems ?? 2;
  const setDefaults = options.setDefaults ?? false;
  const key = `${maxDepth}/${maxItems}/${setDefaults}`;
  let b = builders.get(key);
  if (!b) builders.set(key, (b = new Builder(maxDepth, maxItems, setDefaults)));
  return b.message(root.lookupType(typeName), 0);
}

/** Every message type name in proto/mesos.proto (by the tests' own reflection). */
export const ALL_MESSAGE_TYPES: readonly string[] = (() => {
  const out: string[] = [];
  const walk = (ns: protobuf.NamespaceBase) => {
    for (const n of ns.nestedArray) {
      if (n instanceof protobuf.Type) out.push(n.fullName.slice(1));
      if (n instanceof protobuf.Namespace || n instanceof protobuf.Type) walk(n as protobuf.NamespaceBase);
    }
  };
  walk(root);
  return out.sort();
})();

const typed = <V>(typeName: string) => (options?: ArbitraryOptions) => arbitraryFor(typeName, options) as fc.Arbitrary<V>;

/** Any `mesos.Resource` (SCALAR/RANGES/SET/TEXT, reservations, disk, revocable, shared, ...). */
export const arbResource = typed<T.Resource>("mesos.Resource");
/** Any `mesos.Value`. */
export const arbValue = typed<T.Value>("mesos.Value");
/** Any `mesos.Attribute`. */
export const arbAttribute = typed<T.Attribute>("mesos.Attribute");
/** Any `mesos.TaskInfo` (command, executor, both or neither). */
export const arbTaskInfo = typed<T.TaskInfo>("mesos.TaskInfo");
/** Any `mesos.TaskStatus`. */
export const arbTaskStatus = typed<T.TaskStatus>("mesos.TaskStatus");
/** Any `mesos.Offer`. */
export const arbOffer = typed<T.Offer>("mesos.Offer");
/** Any `mesos.FrameworkInfo`. */
export const arbFrameworkInfo = typed<T.FrameworkInfo>("mesos.FrameworkInfo");
/** Any `mesos.SlaveInfo`. */
export const arbSlaveInfo = typed<T.SlaveInfo>("mesos.SlaveInfo");
/** Any `mesos.MasterInfo`. */
export const arbMasterInfo = typed<T.MasterInfo>("mesos.MasterInfo");
/** Any `mesos.ExecutorInfo`. */
export const arbExecutorInfo = typed<T.ExecutorInfo>("mesos.ExecutorInfo");
/** Any `mesos.CommandInfo`. */
export const arbCommandInfo = typed<T.CommandInfo>("mesos.CommandInfo");
/** Any `mesos.ContainerInfo` (including unknown numeric types). */
export const arbContainerInfo = typed<T.ContainerInfo>("mesos.ContainerInfo");
/** Any `mesos.HealthCheck`. */
export const arbHealthCheck = typed<T.HealthCheck>("mesos.HealthCheck");
/** Any `mesos.ResourceStatistics`. */
export const arbResourceStatistics = typed<T.ResourceStatistics>("mesos.ResourceStatistics");
/** Any `mesos.ResourceUsage`. */
export const arbResourceUsage = typed<T.ResourceUsage>("mesos.ResourceUsage");
/** Any `mesos.PerfStatistics`. */
export const arbPerfStatistics = typed<T.PerfStatistics>("mesos.PerfStatistics");
/** Any `mesos.Request`. */
export const arbRequest = typed<T.Request>("mesos.Request");
/** Any `mesos.Filters`. */
export const arbFilters = typed<T.Filters>("mesos.Filters");
/** Any `mesos.Labels`. */
export const arbLabels = typed<T.Labels>("mesos.Labels");
/** Any `mesos.Credential`. */
export const arbCredential = typed<T.Credential>("mesos.Credential");
/** Any `mesos.ContainerID` (nested up to `maxDepth`). */
export const arbContainerId = typed<T.ContainerID>("mesos.ContainerID");

/** Branded ID arbitraries (any string, as on the wire). */
export const arbSlaveId = fc.string() as fc.Arbitrary<T.SlaveID>;
/** Any `FrameworkID`. */
export const arbFrameworkId = fc.string() as fc.Arbitrary<T.FrameworkID>;
/** Any `OfferID`. */
export const arbOfferId = fc.string() as fc.Arbitrary<T.OfferID>;
/** Any `TaskID`. */
export const arbTaskId = fc.string() as fc.Arbitrary<T.TaskID>;
/** Any `ExecutorID`. */
export const arbExecutorId = fc.string() as fc.Arbitrary<T.ExecutorID>;

// ---- Mesos-valid resources ----------------------------------------------------
//
// The arbitraries above cover everything protobuf can carry. The ones below
// produce resources Mesos' own validation accepts, for tests of the resource
// layer and the allocator: finite non-negative scalars with at most three
// decimals, coalesced sorted ranges, duplicate-free sets, well-formed roles,
// and reservation stacks that only refine (each role a child of the last).

/** A well-formed non-"*" role: 1–3 segments of `[a-z][a-z0-9_-]{0,6}` joined by "/". */
export const arbRole: fc.Arbitrary<string> = fc
  .array(fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/), { minLength: 1, maxLength: 3 })
  .map((segments) => segments.join("/"));

/** A reservation stack that refines: STATIC or DYNAMIC first, DYNAMIC after, each role a child of the previous. */
export const arbReservations: fc.Arbitrary<T.ReservationInfo[]> = fc
  .tuple(
    fc.array(fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/), { minLength: 1, maxLength: 3 }),
    fc.constantFrom<T.ReservationType>("STATIC", "DYNAMIC"),
    fc.option(fc.stringMatching(/^[a-z]{1,8}$/), { nil: undefined }),
  )
  .map(([segments, firstType, principal]) =>
    segments.map((_, i) => ({
      type: i === 0 ? firstType : "DYNAMIC",
      role: segments.slice(0, i + 1).join("/"),
      ...(principal !== undefined && (i > 0 || firstType === "DYNAMIC") ? { principal } : {}),
    })),
  );

const reservedOrNot = fc.option(arbReservations, { nil: undefined, freq: 2 });

/** A Mesos-valid scalar resource: `name` from `names`, value a multiple of 0.001 in [0, 10^6]. */
export function arbValidScalarResource(names: readonly string[] = ["cpus", "mem", "disk", "gpus"]): fc.Arbitrary<T.ScalarResource> {
  return fc
    .tuple(fc.constantFrom(...names), fc.integer({ min: 0, max: 1_000_000_000 }), reservedOrNot)
    .map(([name, milli, reservations]) => ({
      name, type: "SCALAR" as const, scalar: milli / 1000,
      ...(reservations ? { reservations } : {}),
    }));
}

/** Sorted, non-overlapping, non-adjacent ranges within [0, max] (what Mesos' coalescing yields). */
export function arbCoalescedRanges(max = 65535n, maxFragments = 16): fc.Arbitrary<T.ValueRange[]> {
  return fc
    .uniqueArray(fc.bigInt({ min: 0n, max }), { minLength: 2, maxLength: 2 * maxFragments })
    .map((points) => {
      const sorted = [...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const out: T.ValueRange[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) {
        const begin = sorted[i]!;
        const end = sorted[i + 1]!;
        const last = out[out.length - 1];
        if (last !== undefined && begin <= last.end + 1n) out[out.length - 1] = { begin: last.begin, end };
        else out.push({ begin, end });
      }
      return out;
    });
}

/** A Mesos-valid ranges resource (default name "ports"). */
export function arbValidRangesResource(name = "ports"): fc.Arbitrary<T.RangesResource> {
  return fc.tuple(arbCoalescedRanges(), reservedOrNot).map(([ranges, reservations]) => ({
    name, type: "RANGES" as const, ranges,
    ...(reservations ? { reservations } : {}),
  }));
}

/** A Mesos-valid set resource: duplicate-free items. */
export function arbValidSetResource(name = "zones"): fc.Arbitrary<T.SetResource> {
  return fc
    .tuple(fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 5 }), reservedOrNot)
    .map(([set, reservations]) => ({ name, type: "SET" as const, set, ...(reservations ? { reservations } : {}) }));
}

/** Any Mesos-valid resource of the three kinds above. */
export const arbValidResource: fc.Arbitrary<T.Resource> = fc.oneof(
  { arbitrary: arbValidScalarResource(), weight: 3 },
  { arbitrary: arbValidRangesResource(), weight: 1 },
  { arbitrary: arbValidSetResource(), weight: 1 },
);
