/**
 * One Mesos `Resource`: its public object form (`Resource`, shaped like the
 * protobuf message with camelCase fields), its identity (name, type,
 * reservation stack, disk info, revocable, shared, provider, allocation
 * info) and the internal `Entry` a `Resources` bag stores.
 *
 * Identity follows Mesos `addable`/`subtractable` (`src/common/resources.cpp`):
 * - NORMAL entries with the same identity merge (scalars add, ranges and sets unite);
 * - SHARED entries (persistent volumes with `shared`) merge only when equal,
 *   value included, and then count copies (Mesos' shared count);
 * - EXCLUSIVE entries (disks with a MOUNT or BLOCK source, RAW disks with an
 *   id, non-shared persistent volumes) never merge; identical copies are
 *   counted, and subtraction removes a copy only when equal.
 * Disk `volume` is not part of identity (Mesos ignores it when comparing).
 */
import { ResourceError } from "./errors.js";
import { fromFixed, formatFixed } from "./fixed.js";
import { RangeSet, type RangeBound } from "./ranges.js";
import { canonicalSet, equalSets } from "./sets.js";
import { scalarToFixed } from "./value.js";
import { roleError, isStrictSubroleOf } from "./roles.js";
import type { Resource, ReservationInfo, DiskInfo } from "../types/resource.js";
import type { Labels } from "../types/labels.js";
import { resourceProviderId } from "../types/ids.js";

/** The `Resource` object form is the codec's (src/types/resource.ts). */
export type { Resource, ReservationInfo, DiskInfo, DiskSource } from "../types/resource.js";
export type { Labels } from "../types/labels.js";

/** Value type codes used internally. */
export const SCALAR = 0, RANGES = 1, SET = 2;
/** Value type code. */
export type TypeCode = 0 | 1 | 2;
/** Type names by code. */
export const TYPE_NAMES = ["SCALAR", "RANGES", "SET"] as const;

/** Entry kinds (see the module comment). */
export const NORMAL = 0, SHARED = 1, EXCLUSIVE = 2;
/** Entry kind code. */
export type Kind = 0 | 1 | 2;

/** Everything about a resource except name, type and value; immutable and shared between entries. */
export class Meta {
  /** Canonical string of the identity-relevant fields ("" for a plain unreserved resource). */
  readonly key: string;
  constructor(
    readonly reservations: readonly ReservationInfo[],
    readonly disk: DiskInfo | undefined,
    readonly revocable: boolean,
    readonly shared: boolean,
    readonly providerId: string | undefined,
    readonly allocationRole: string | undefined,
    /** True when allocation info is present (possibly with no role). */
    readonly allocated: boolean,
  ) {
    const plain = reservations.length === 0 && !disk && !revocable && !shared && providerId === undefined && !allocated;
    this.key = plain ? "" : JSON.stringify([
      reservations.map((r) => [r.type, r.role, r.principal ?? null, r.labels ? labelsKey(r.labels) : null]),
      disk ? diskKey(disk) : null,
      revocable, shared, providerId ?? null, allocated ? (allocationRole ?? null) : false,
    ]);
  }

  /** The role of the last reservation (the one the resource is reserved to), or undefined. */
  get reservationRole(): string | undefined {
    const r = this.reservations;
    return r.length === 0 ? undefined : r[r.length - 1]!.role;
  }

  /** True when the only metadata is one STATIC reservation (expressible as `name(role)` in text). */
  get isStaticOnly(): boolean {
    return this.reservations.length === 1 && this.reservations[0]!.type === "STATIC" && this.reservations[0]!.principal === undefined &&
      !this.reservations[0]!.labels && !this.disk && !this.revocable && !this.shared && this.providerId === undefined && !this.allocated;
  }

  /** The entry kind that resources with this metadata have. */
  get kind(): Kind {
    return this.kindCache ??= this.computeKind();
  }

  private kindCache: Kind | undefined;

  private computeKind(): Kind {
    if (this.shared) return SHARED;
    const d = this.disk;
    if (d) {
      if (d.persistence) return EXCLUSIVE;
      const s = d.source;
      if (s && (s.type === "MOUNT" || s.type === "BLOCK" || (s.type === "RAW" && s.id !== undefined))) return EXCLUSIVE;
    }
    return NORMAL;
  }

  private derived: Map<string, Meta> | undefined;
  private unallocatedBase: Meta | undefined;
  /** Identity ids of NORMAL entries with this metadata, by name and type. */
  private ids: Map<string, number> | undefined;

  /** This metadata allocated to `role` (cached: the allocator does this on every offer). */
  allocatedTo(role: string): Meta {
    if (this.allocated && this.allocationRole === role) return this;
    const base = this.allocated ? this.unallocated() : this;
    const key = "A" + role;
    let m = base.derived?.get(key);
    if (m === undefined) {
      m = base.with({ allocated: true, allocationRole: role });
      m.unallocatedBase = base;
      base.derived ??= new Map();
      if (base.derived.size < 256) base.derived.set(key, m);
    }
    return m;
  }

  /** This metadata without allocation info (the original object when it came from `allocatedTo`). */
  unallocated(): Meta {
    if (!this.allocated) return this;
    return (this.unallocatedBase ??= this.with({ allocated: false, allocationRole: undefined }));
  }

  /** The interned identity id of a NORMAL entry named `name` of `type` with this metadata. */
  idFor(name: string, type: TypeCode): number {
    const k = type + name;
    let id = this.ids?.get(k);
    if (id === undefined) {
      id = internKey(name + "\u0001" + type + "\u0001" + this.key);
      this.ids ??= new Map();
      if (this.ids.size < 1024) this.ids.set(k, id);
    }
    return id;
  }

  /** A copy with some fields replaced. */
  with(changes: Partial<{ reservations: readonly ReservationInfo[]; allocationRole: string | undefined; allocated: boolean }>): Meta {
    const allocated = changes.allocated ?? this.allocated;
    return new Meta(
      changes.reservations ?? this.reservations, this.disk, this.revocable, this.shared, this.providerId,
      "allocationRole" in changes ? changes.allocationRole : this.allocationRole, allocated,
    );
  }
}

function labelsKey(l: Labels): unknown {
  return l.map((x) => [x.key, x.value ?? null]);
}

function diskKey(d: DiskInfo): unknown {
  const s = d.source;
  return [
    d.persistence ? d.persistence.id : null,
    s ? [s.type, s.path ? (s.path.root ?? null) : false, s.mount ? (s.mount.root ?? null) : false,
      s.vendor ?? null, s.id ?? null, s.metadata ? labelsKey(s.metadata) : null, s.profile ?? null] : null,
  ];
}

/** Metadata of a plain unreserved resource. */
export const PLAIN = new Meta([], undefined, false, false, undefined, undefined, false);

const staticMetaCache = new Map<string, Meta>();
/** Metadata of a resource statically reserved to `role` (cached). */
export function staticMeta(role: string): Meta {
  let m = staticMetaCache.get(role);
  if (!m) {
    m = new Meta([{ type: "STATIC", role }], undefined, false, false, undefined, undefined, false);
    if (staticMetaCache.size < 10000) staticMetaCache.set(role, m);
  }
  return m;
}

// Identity keys are interned to small integers so bags index entries by number.
const keyIds = new Map<string, number>();
let nextKeyId = 0;
/** The interned id of an identity key string. */
export function internKey(key: string): number {
  let id = keyIds.get(key);
  if (id === undefined) { id = nextKeyId++; keyIds.set(key, id); }
  return id;
}

const plainIds: Array<Map<string, number>> = [new Map(), new Map(), new Map()];
// A direct-mapped cache in front of plainIds: freshly sliced name strings are
// compared by content, which is cheaper than hashing them for a Map lookup.
const recentNames: string[] = new Array<string>(192).fill("");
const recentIds = new Int32Array(192);
/** Identity id for a NORMAL entry (cached per name and type for plain unreserved resources). */
export function identityId(name: string, type: TypeCode, meta: Meta): number {
  if (meta === PLAIN) {
    const len = name.length;
    const slot = type * 64 + ((len * 7 + (len > 0 ? name.charCodeAt(0) + name.charCodeAt(len - 1) * 3 : 0)) & 63);
    if (recentNames[slot] === name) return recentIds[slot]!;
    const m = plainIds[type]!;
    let id = m.get(name);
    if (id === undefined) { id = internKey(name + "\u0001" + type + "\u0001"); m.set(name, id); }
    recentNames[slot] = name;
    recentIds[slot] = id;
    return id;
  }
  return meta.idFor(name, type);
}

/** A stored resource: identity, value and (for SHARED/EXCLUSIVE) a copy count. Mutable; owned by one bag. */
export class Entry {
  // The fields are `declare`d and assigned in the constructor: a class field
  // declaration would first define each field as `undefined`, which makes V8
  // give `scalar` a tagged representation, and then every `scalar +=` in the
  // hot loops of resources.ts allocates a fresh heap number (measured: the
  // scalar `+=`/`-=` benchmark spent a fifth of its time in GC). Assigned
  // first with a number, `scalar` is stored as an unboxed double, updated in place.
  /** Interned identity (value included for SHARED and EXCLUSIVE entries). */
  declare id: number;
  declare readonly name: string;
  declare readonly type: TypeCode;
  declare readonly meta: Meta;
  declare readonly kind: Kind;
  /** Thousandths (SCALAR). */
  declare scalar: number;
  /** RANGES value. */
  declare ranges: RangeSet | null;
  /** SET value: sorted distinct items. */
  declare set: readonly string[] | null;
  /** Copies: the shared count of SHARED entries, identical copies of EXCLUSIVE ones, 1 for NORMAL. */
  declare count: number;
  /** The bag allowed to mutate this entry in place (null: shared between bags, copy before writing). */
  declare owner: object | null;

  constructor(
    id: number, name: string, type: TypeCode, meta: Meta, kind: Kind, scalar: number,
    ranges: RangeSet | null, set: readonly string[] | null, count: number, owner: object | null = null,
  ) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.meta = meta;
    this.kind = kind;
    this.scalar = scalar;
    this.ranges = ranges;
    this.set = set;
    this.count = count;
    this.owner = owner;
  }

  /** Builds an entry, computing its identity id. */
  static make(name: string, type: TypeCode, meta: Meta, scalar: number, ranges: RangeSet | null, set: readonly string[] | null, count = 1): Entry {
    const kind = meta.kind;
    let id: number;
    if (kind === NORMAL) id = identityId(name, type, meta);
    else id = internKey(name + "\u0001" + type + "\u0001" + meta.key + "\u0001" + valueKey(type, scalar, ranges, set));
    return new Entry(id, name, type, meta, kind, scalar, ranges, set, count);
  }

  /** An independent copy owned by `owner`. */
  clone(owner: object | null = null): Entry {
    return new Entry(this.id, this.name, this.type, this.meta, this.kind, this.scalar, this.ranges, this.set, this.count, owner);
  }

  /** A copy with other metadata (identity recomputed). */
  withMeta(meta: Meta): Entry {
    return Entry.make(this.name, this.type, meta, this.scalar, this.ranges, this.set, this.count);
  }

  /** True when the value is empty (zero scalar, no range, no item). */
  isEmptyValue(): boolean {
    return this.type === SCALAR ? this.scalar === 0 : this.type === RANGES ? this.ranges!.isEmpty() : this.set!.length === 0;
  }

  /** Value equality (same type assumed). */
  valueEquals(o: Entry): boolean {
    return this.type === SCALAR ? this.scalar === o.scalar
      : this.type === RANGES ? this.ranges!.equals(o.ranges!) : equalSets(this.set!, o.set!);
  }

  /** The value as text (`2.5`, `[1-2,5-6]`, `{a,b}`). */
  valueText(): string {
    return this.type === SCALAR ? formatFixed(this.scalar) : this.type === RANGES ? this.ranges!.toString() : "{" + this.set!.join(",") + "}";
  }

  /** The public object form (one copy), the codec's `Resource`. */
  toResource(): Resource {
    const m = this.meta;
    const common: { name: string } & Record<string, unknown> = { name: this.name };
    if (m.reservations.length > 0) common.reservations = m.reservations.map(copyReservation);
    if (m.disk) common.disk = structuredClone(m.disk);
    if (m.revocable) common.revocable = {};
    if (m.shared) common.shared = {};
    if (m.providerId !== undefined) common.providerId = resourceProviderId(m.providerId);
    if (m.allocated) common.allocationInfo = m.allocationRole === undefined ? {} : { role: m.allocationRole };
    if (this.type === SCALAR) return { ...common, type: "SCALAR", scalar: fromFixed(this.scalar) } as unknown as Resource;
    if (this.type === RANGES) {
      return { ...common, type: "RANGES", ranges: [...this.ranges!.intervals()].map(([begin, end]) => ({ begin, end })) } as unknown as Resource;
    }
    return { ...common, type: "SET", set: [...this.set!] } as unknown as Resource;
  }
}

function copyReservation(r: ReservationInfo): ReservationInfo {
  const o: { -readonly [K in keyof ReservationInfo]: ReservationInfo[K] } = {};
  if (r.type !== undefined) o.type = r.type;
  if (r.role !== undefined) o.role = r.role;
  if (r.principal !== undefined) o.principal = r.principal;
  if (r.labels) o.labels = r.labels.map((l) => ({ ...l }));
  return o;
}

function valueKey(type: TypeCode, scalar: number, ranges: RangeSet | null, set: readonly string[] | null): string {
  return type === SCALAR ? String(scalar) : type === RANGES ? ranges!.toString() : JSON.stringify(set);
}

/**
 * Converts and validates a Resource object as Mesos' `Resources::validate`
 * does (after upgrading the pre-refinement `role`/`reservation` fields).
 * `count` copies are stored (shared count / identical exclusive copies).
 * Throws ResourceError saying what is wrong.
 */
export function entryFromResource(r: Resource, count = 1): Entry {
  if (typeof r !== "object" || r === null) throw new ResourceError("invalid resource: not an object");
  const what = `resource '${typeof r.name === "string" ? r.name : "?"}'`;
  checkShape(r, what);
  if (typeof r.name !== "string" || r.name.length === 0) throw new ResourceError("invalid resource: empty resource name");
  const type = r.type === "SCALAR" ? SCALAR : r.type === "RANGES" ? RANGES : r.type === "SET" ? SET : -1;
  if (type < 0) throw new ResourceError(`invalid ${what}: unsupported type ${String(r.type)} (a resource is SCALAR, RANGES or SET)`);
  const anyR = r as { scalar?: unknown; ranges?: unknown; set?: unknown };
  const present = [anyR.scalar !== undefined, anyR.ranges !== undefined, anyR.set !== undefined];
  if (!present[type] || present.filter(Boolean).length !== 1) throw new ResourceError(`invalid ${what}: value missing or not of type ${r.type}`);

  let scalar = 0, ranges: RangeSet | null = null, set: readonly string[] | null = null;
  if (r.type === "SCALAR") {
    const v = Number(r.scalar);
    const f = scalarToFixed(v);
    if (typeof f !== "number") throw new ResourceError(`invalid ${what}: ${f.error}`);
    scalar = f;
  } else if (r.type === "RANGES") {
    const pairs: Array<[RangeBound, RangeBound]> = (r.ranges ?? []).map((x) => [toBound(x.begin), toBound(x.end)]);
    for (const [b, e] of pairs) if (b > e) throw new ResourceError(`invalid ${what}: range ${b}-${e} has begin > end`);
    const sorted = [...pairs].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]![0] <= sorted[i - 1]![1]) throw new ResourceError(`invalid ${what}: overlapping ranges`);
    }
    ranges = RangeSet.fromIntervals(pairs);
  } else if (r.type === "SET") {
    const items = r.set ?? [];
    if (new Set(items).size !== items.length) throw new ResourceError(`invalid ${what}: duplicated set elements`);
    set = canonicalSet(items.map(String));
  }

  // Reservations: upgrade the pre-refinement format, then validate the stack.
  let reservations: ReservationInfo[] = (r.reservations ?? []).map(copyReservation);
  if (reservations.length === 0) {
    const role = r.role ?? "*";
    const err = roleError(role);
    if (err) throw new ResourceError(`invalid ${what}: ${err}`);
    if (r.reservation && role === "*") throw new ResourceError(`invalid ${what}: role "*" cannot be dynamically reserved`);
    if (r.reservation && (r.reservation.type !== undefined || r.reservation.role !== undefined)) {
      throw new ResourceError(`invalid ${what}: the legacy 'reservation' field must not set type or role`);
    }
    if (role !== "*") {
      const res: { -readonly [K in keyof ReservationInfo]: ReservationInfo[K] } = { type: r.reservation ? "DYNAMIC" : "STATIC", role };
      if (r.reservation?.principal !== undefined) res.principal = r.reservation.principal;
      if (r.reservation?.labels) res.labels = r.reservation.labels;
      reservations = [res];
    }
  } else {
    for (const res of reservations) {
      if (res.type !== "STATIC" && res.type !== "DYNAMIC") throw new ResourceError(`invalid ${what}: reservation type must be STATIC or DYNAMIC`);
      if (typeof res.role !== "string") throw new ResourceError(`invalid ${what}: reservation role must be set`);
      const err = roleError(res.role);
      if (err) throw new ResourceError(`invalid ${what}: ${err}`);
      if (res.role === "*") throw new ResourceError(`invalid ${what}: role "*" cannot be reserved`);
    }
    for (let i = 1; i < reservations.length; i++) {
      if (reservations[i]!.type === "STATIC") throw new ResourceError(`invalid ${what}: a refined reservation cannot be STATIC`);
      if (!isStrictSubroleOf(reservations[i]!.role!, reservations[i - 1]!.role!)) {
        throw new ResourceError(`invalid ${what}: role '${reservations[i]!.role}' is not a refinement of '${reservations[i - 1]!.role}'`);
      }
    }
    if (r.role !== undefined && (reservations.length > 1 || r.role !== reservations[0]!.role)) {
      throw new ResourceError(`invalid ${what}: 'role' does not match 'reservations'`);
    }
  }

  if (r.disk) {
    if (r.name !== "disk") throw new ResourceError(`invalid ${what}: DiskInfo should not be set for ${r.name} resource`);
    const s = r.disk.source;
    if (s) {
      if (!["PATH", "MOUNT", "BLOCK", "RAW"].includes(s.type)) throw new ResourceError(`invalid ${what}: unsupported disk source type ${String(s.type)}`);
      if ((s.type === "BLOCK" || s.type === "RAW") && (s.mount || s.path)) {
        throw new ResourceError(`invalid ${what}: mount/path should not be set for ${s.type} disk source`);
      }
    }
    if (r.disk.persistence && typeof r.disk.persistence.id !== "string") throw new ResourceError(`invalid ${what}: persistence id must be a string`);
  }
  if (r.shared) {
    if (r.name !== "disk") throw new ResourceError(`invalid ${what}: resource ${r.name} cannot be shared`);
    if (!r.disk?.persistence) throw new ResourceError(`invalid ${what}: only persistent volumes can be shared`);
  }
  const alloc = r.allocationInfo;
  const plainRest = !r.disk && !r.revocable && !r.shared && r.providerId === undefined && !alloc;
  const res0 = reservations[0];
  const meta = reservations.length === 0 && plainRest
    ? PLAIN
    : reservations.length === 1 && res0!.type === "STATIC" && res0!.principal === undefined && !res0!.labels && plainRest
      ? staticMeta(res0!.role!)
      : new Meta(reservations, r.disk ? structuredClone(r.disk) : undefined, !!r.revocable, !!r.shared,
        r.providerId === undefined ? undefined : String(r.providerId), alloc?.role, !!alloc);
  return Entry.make(r.name, type as TypeCode, meta, scalar, ranges, set, count);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const optString = (v: unknown) => v === undefined || typeof v === "string";

function checkLabels(v: unknown, where: string, what: string): void {
  if (v === undefined) return;
  if (!Array.isArray(v) || !v.every((l) => isObj(l) && typeof l.key === "string" && optString(l.value))) {
    throw new ResourceError(`invalid ${what}: ${where} must be a list of {key, value?} strings`);
  }
}

/** Checks the JavaScript shape of a Resource object (types of every field read), so bad input is a ResourceError. */
function checkShape(r: Resource, what: string): void {
  const o = r as unknown as Record<string, unknown>;
  const bad = (why: string): never => { throw new ResourceError(`invalid ${what}: ${why}`); };
  if (o.type === "SCALAR" && o.scalar !== undefined && typeof o.scalar !== "number") bad("scalar must be a number");
  if (o.type === "RANGES" && o.ranges !== undefined && (!Array.isArray(o.ranges) || !o.ranges.every(isObj))) bad("ranges must be a list of {begin, end}");
  if (o.type === "SET" && o.set !== undefined && (!Array.isArray(o.set) || !o.set.every((x) => typeof x === "string"))) bad("set must be a list of strings");
  if (!optString(o.role)) bad("role must be a string");
  if (o.reservation !== undefined) {
    if (!isObj(o.reservation) || !optString(o.reservation.principal)) bad("reservation must be {principal?, labels?}");
    checkLabels((o.reservation as Record<string, unknown>).labels, "reservation labels", what);
  }
  if (o.reservations !== undefined) {
    if (!Array.isArray(o.reservations)) bad("reservations must be a list");
    for (const x of o.reservations as unknown[]) {
      if (!isObj(x) || !optString(x.type) || !optString(x.role) || !optString(x.principal)) bad("each reservation must be {type, role, principal?, labels?}");
      checkLabels((x as Record<string, unknown>).labels, "reservation labels", what);
    }
  }
  if (o.disk !== undefined) {
    if (!isObj(o.disk)) bad("disk must be an object");
    const d = o.disk as Record<string, unknown>;
    if (d.persistence !== undefined && (!isObj(d.persistence) || typeof d.persistence.id !== "string" || !optString(d.persistence.principal))) {
      bad("disk.persistence must be {id, principal?}");
    }
    if (d.volume !== undefined && !isObj(d.volume)) bad("disk.volume must be an object");
    if (d.source !== undefined) {
      if (!isObj(d.source) || typeof d.source.type !== "string") bad("disk.source must be {type, ...}");
      const src = d.source as Record<string, unknown>;
      for (const k of ["path", "mount"]) {
        const x = src[k];
        if (x !== undefined && (!isObj(x) || !optString(x.root))) bad(`disk.source.${k} must be {root?}`);
      }
      for (const k of ["vendor", "id", "profile"]) if (!optString(src[k])) bad(`disk.source.${k} must be a string`);
      checkLabels(src.metadata, "disk.source.metadata", what);
    }
    try {
      structuredClone(d);
    } catch {
      bad("disk info must be plain data");
    }
  }
  if (o.revocable !== undefined && !isObj(o.revocable)) bad("revocable must be an empty object");
  if (o.shared !== undefined && !isObj(o.shared)) bad("shared must be an empty object");
  if (!optString(o.providerId)) bad("providerId must be a string");
  if (o.allocationInfo !== undefined && (!isObj(o.allocationInfo) || !optString(o.allocationInfo.role))) bad("allocationInfo must be {role?}");
}

function toBound(v: unknown): RangeBound {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^[0-9]+$/.test(v)) {
    const b = BigInt(v);
    return b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
  }
  if (v && typeof v === "object" && "low" in v && "high" in v) { // protobufjs Long
    const l = v as { low: number; high: number };
    const b = (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0);
    return b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
  }
  throw new ResourceError(`invalid range bound ${String(v)}`);
}
