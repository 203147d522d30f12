/**
 * Mesos' JSON form of a Resource (what `JSON::protobuf` prints and
 * `Resources::parse` reads): protobuf field names in snake_case, enums by
 * name, wrapper messages kept (`scalar: {value}`, `ranges: {range: [...]}`,
 * `set: {item: [...]}`, `labels: {labels: [...]}`, `provider_id: {value}`),
 * uint64 range bounds as JSON numbers. Converts to and from the codec's
 * `Resource` object (camelCase, wrappers unwrapped, bounds as bigint).
 */
import { ResourceError } from "./errors.js";
import type { Resource } from "../types/resource.js";

type Json = Record<string, unknown>;

const TYPE_BY_NUMBER = ["SCALAR", "RANGES", "SET", "TEXT"];

function obj(v: unknown, what: string): Json {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ResourceError(`${what} must be a JSON object`);
  return v as Json;
}

function str(v: unknown, what: string): string {
  if (typeof v !== "string") throw new ResourceError(`${what} must be a string`);
  return v;
}

function get(o: Json, snake: string): unknown {
  if (snake in o) return o[snake];
  return o[snakeToCamel(snake)];
}

function snakeToCamel(k: string): string {
  return k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function camelToSnake(k: string): string {
  return k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
}

/** Recursively renames object keys (used for the opaque `disk.volume`). */
function renameKeys(v: unknown, f: (k: string) => string): unknown {
  if (Array.isArray(v)) return v.map((x) => renameKeys(x, f));
  if (v && typeof v === "object") {
    const o: Json = {};
    for (const [k, x] of Object.entries(v)) o[f(k)] = renameKeys(x, f);
    return o;
  }
  return v;
}

function labelsFrom(v: unknown): Json[] {
  const list = obj(v, "labels").labels ?? [];
  if (!Array.isArray(list)) throw new ResourceError("labels.labels must be an array");
  return list.map((l) => {
    const x = obj(l, "label");
    const out: Json = { key: str(x.key, "label key") };
    if (x.value !== undefined) out.value = str(x.value, "label value");
    return out;
  });
}

function boundFrom(v: unknown): bigint {
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  if (typeof v === "string" && /^[0-9]+$/.test(v)) return BigInt(v);
  if (typeof v === "bigint" && v >= 0n) return v;
  throw new ResourceError(`range bound ${JSON.stringify(typeof v === "bigint" ? String(v) : v)} must be a non-negative integer`);
}

function reservationFrom(x: unknown): Json {
  const y = obj(x, "reservation");
  const res: Json = {};
  if (y.type !== undefined) res.type = typeof y.type === "number" ? ["UNKNOWN", "STATIC", "DYNAMIC"][y.type] : str(y.type, "reservation type");
  if (y.role !== undefined) res.role = str(y.role, "reservation role");
  if (y.principal !== undefined) res.principal = str(y.principal, "reservation principal");
  if (y.labels !== undefined) res.labels = labelsFrom(y.labels);
  return res;
}

/** Reads one Resource in Mesos' JSON form. Throws ResourceError on a malformed object. */
export function resourceFromMesosJSON(v: unknown): Resource {
  const o = obj(v, "resource");
  const typeRaw = o.type;
  const r: Json = {
    name: str(o.name, "resource name"),
    type: typeof typeRaw === "number" ? TYPE_BY_NUMBER[typeRaw] : typeRaw,
  };
  if (o.scalar !== undefined) {
    const s = obj(o.scalar, "scalar");
    if (typeof s.value !== "number") throw new ResourceError("scalar.value must be a number");
    r.scalar = s.value;
  }
  if (o.ranges !== undefined) {
    const list = obj(o.ranges, "ranges").range ?? [];
    if (!Array.isArray(list)) throw new ResourceError("ranges.range must be an array");
    r.ranges = list.map((x) => { const y = obj(x, "range"); return { begin: boundFrom(y.begin), end: boundFrom(y.end) }; });
  }
  if (o.set !== undefined) {
    const items = obj(o.set, "set").item ?? [];
    if (!Array.isArray(items)) throw new ResourceError("set.item must be an array");
    r.set = items.map((x) => str(x, "set item"));
  }
  if (o.role !== undefined) r.role = str(o.role, "role");
  if (o.reservation !== undefined) r.reservation = reservationFrom(o.reservation);
  if (o.reservations !== undefined) {
    if (!Array.isArray(o.reservations)) throw new ResourceError("reservations must be an array");
    r.reservations = o.reservations.map(reservationFrom);
  }
  if (o.disk !== undefined) {
    const d = obj(o.disk, "disk");
    const disk: Json = {};
    if (d.persistence !== undefined) {
      const p = obj(d.persistence, "disk.persistence");
      const per: Json = { id: str(p.id, "persistence id") };
      if (p.principal !== undefined) per.principal = str(p.principal, "persistence principal");
      disk.persistence = per;
    }
    if (d.volume !== undefined) disk.volume = renameKeys(obj(d.volume, "disk.volume"), snakeToCamel);
    if (d.source !== undefined) {
      const s = obj(d.source, "disk.source");
      const src: Json = { type: typeof s.type === "number" ? ["UNKNOWN", "PATH", "MOUNT", "BLOCK", "RAW"][s.type] : s.type };
      if (s.path !== undefined) { const p = obj(s.path, "path"); src.path = p.root === undefined ? {} : { root: str(p.root, "path root") }; }
      if (s.mount !== undefined) { const m = obj(s.mount, "mount"); src.mount = m.root === undefined ? {} : { root: str(m.root, "mount root") }; }
      if (s.vendor !== undefined) src.vendor = str(s.vendor, "vendor");
      if (s.id !== undefined) src.id = str(s.id, "source id");
      if (s.metadata !== undefined) src.metadata = labelsFrom(s.metadata);
      if (s.profile !== undefined) src.profile = str(s.profile, "profile");
      disk.source = src;
    }
    r.disk = disk;
  }
  if (o.revocable !== undefined) r.revocable = {};
  if (o.shared !== undefined) r.shared = {};
  const provider = get(o, "provider_id");
  if (provider !== undefined) r.providerId = str(obj(provider, "provider_id").value, "provider_id.value");
  const alloc = get(o, "allocation_info");
  if (alloc !== undefined) {
    const a = obj(alloc, "allocation_info");
    r.allocationInfo = a.role === undefined ? {} : { role: str(a.role, "allocation_info.role") };
  }
  return r as unknown as Resource;
}

function labelsTo(l: ReadonlyArray<{ key: string; value?: string }>): Json {
  return { labels: l.map((x) => ({ ...x })) };
}

/** Writes one Resource in Mesos' JSON form; range bounds stay bigint (see `stringifyMesosJSON`). */
export function resourceToMesosJSON(r: Resource): Json {
  const o: Json = { name: r.name, type: r.type };
  if (r.type === "SCALAR" && r.scalar !== undefined) o.scalar = { value: r.scalar };
  if (r.type === "RANGES" && r.ranges) o.ranges = { range: r.ranges.map((x) => ({ begin: x.begin, end: x.end })) };
  if (r.type === "SET" && r.set) o.set = { item: [...r.set] };
  if (r.reservations && r.reservations.length > 0) {
    o.reservations = r.reservations.map((x) => {
      const y: Json = { type: x.type, role: x.role };
      if (x.principal !== undefined) y.principal = x.principal;
      if (x.labels) y.labels = labelsTo(x.labels);
      return y;
    });
  }
  if (r.disk) {
    const d: Json = {};
    if (r.disk.persistence) d.persistence = { ...r.disk.persistence };
    if (r.disk.volume) d.volume = renameKeys(r.disk.volume, camelToSnake);
    if (r.disk.source) {
      const s = r.disk.source;
      const src: Json = { type: s.type };
      if (s.path) src.path = { ...s.path };
      if (s.mount) src.mount = { ...s.mount };
      if (s.vendor !== undefined) src.vendor = s.vendor;
      if (s.id !== undefined) src.id = s.id;
      if (s.metadata) src.metadata = labelsTo(s.metadata);
      if (s.profile !== undefined) src.profile = s.profile;
      d.source = src;
    }
    o.disk = d;
  }
  if (r.revocable) o.revocable = {};
  if (r.shared) o.shared = {};
  if (r.providerId !== undefined) o.provider_id = { value: String(r.providerId) };
  if (r.allocationInfo) o.allocation_info = r.allocationInfo.role === undefined ? {} : { role: r.allocationInfo.role };
  return o;
}

/** JSON text of a value that may hold bigints: they are written as exact JSON numbers. */
export function stringifyMesosJSON(v: unknown, indent?: number): string {
  const marks: string[] = [];
  const text = JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `\u0000${marks.push(x.toString()) - 1}\u0000` : x), indent);
  return marks.length === 0 ? text : text.replace(/"\\u0000(\d+)\\u0000"/g, (_m, i: string) => marks[Number(i)]!);
}
