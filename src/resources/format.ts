/**
 * Printing resources.
 * - `formatText`: the canonical text form, `cpus:2;mem:1024;ports:[1-2,5-10];zones:{a,b};cpus(role1):4`
 *   (`{}` when empty), valid input for Mesos' parser. When an entry cannot be
 *   written in that form (dynamic or refined reservations, disk info,
 *   revocable, shared, allocation info, provider, or names / roles / items
 *   with characters the text form reserves), the whole bag is written as
 *   Mesos' JSON array instead, which `Resources::parse` (Mesos' and ours) also reads.
 * - `formatDebug`: Mesos' `operator<<` form (`cpus(reservations: [(STATIC,r1)]):2`), for logs only.
 */
import type { Entry } from "./resource.js";
import { SCALAR, SET } from "./resource.js";
import { formatMesosJSONArray } from "./json.js";

const RESERVED_IN_NAME = /[;:()\n]/;
const RESERVED_IN_ITEM = /[;:()[\]{},\n ]/;

function hasOuterSpace(s: string): boolean {
  return s.length === 0 || s.trim() !== s;
}

/** True when the entry has a faithful `name(role):value` form. */
export function isTextSafe(e: Entry): boolean {
  const m = e.meta;
  if (m.key !== "" && !m.isStaticOnly) return false;
  if (e.count !== 1) return false;
  if (hasOuterSpace(e.name) || RESERVED_IN_NAME.test(e.name)) return false;
  if (m.key !== "") {
    const role = m.reservationRole!;
    if (hasOuterSpace(role) || RESERVED_IN_NAME.test(role)) return false;
  }
  if (e.type === SET) for (const item of e.set!) if (RESERVED_IN_ITEM.test(item)) return false;
  return true;
}

/** `name(role):value` of one text-safe entry. */
export function entryText(e: Entry): string {
  const role = e.meta.key === "" ? "" : "(" + e.meta.reservationRole + ")";
  return e.name + role + ":" + e.valueText();
}

/** Canonical text of a bag's entries (see the module comment). */
export function formatText(entries: readonly Entry[]): string {
  if (entries.length === 0) return "{}";
  let out = "";
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (!isTextSafe(e)) return formatJSONText(entries);
    if (i > 0) out += ";";
    out += entryText(e);
  }
  return out;
}

/** Mesos JSON text of a bag (one array element per copy), range bounds written exactly. */
export function formatJSONText(entries: readonly Entry[]): string {
  function* all() {
    for (const e of entries) for (let c = 0; c < e.count; c++) yield e.toResource();
  }
  return formatMesosJSONArray(all());
}

/** Mesos' debug form, e.g. `cpus(allocated: r1)(reservations: [(STATIC,r1)]):2; disk[MOUNT:/m]<SHARED>:10<2>`. */
export function formatDebug(entries: readonly Entry[]): string {
  if (entries.length === 0) return "{}";
  return entries.map((e) => {
    const m = e.meta;
    let s = e.name;
    if (m.allocated) s += `(allocated: ${m.allocationRole ?? ""})`;
    if (m.reservations.length > 0) {
      s += "(reservations: [" + m.reservations.map((r) => {
        let x = `(${r.type},${r.role}`;
        if (r.principal !== undefined) x += "," + r.principal;
        if (r.labels) x += ",{" + r.labels.map((l) => (l.value === undefined ? l.key : `${l.key}: ${l.value}`)).join(", ") + "}";
        return x + ")";
      }).join(",") + "])";
    }
    if (m.disk) {
      const parts: string[] = [];
      const src = m.disk.source;
      if (src) {
        const root = src.type === "MOUNT" ? src.mount?.root : src.type === "PATH" ? src.path?.root : undefined;
        parts.push(src.type + (root !== undefined ? ":" + root : ""));
      }
      if (m.disk.persistence) parts.push(m.disk.persistence.id);
      let disk = parts.join(",");
      const vol = m.disk.volume;
      if (vol) {
        let v = vol.containerPath;
        if (vol.hostPath !== undefined) {
          v = vol.hostPath + ":" + v;
          if (vol.mode !== undefined) v += vol.mode === "RW" ? ":rw" : ":ro";
        }
        disk += ":" + v;
      }
      s += "[" + disk + "]";
    }
    if (m.revocable) s += "{REV}";
    if (m.shared) s += "<SHARED>";
    s += ":" + (e.type === SCALAR ? e.valueText() : e.valueText().replaceAll(",", ", "));
    if (m.shared) s += `<${e.count}>`;
    return s;
  }).join("; ");
}
