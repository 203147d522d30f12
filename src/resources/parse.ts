/**
 * Mesos' resource text form, read as `Resources::parse` reads it:
 * `cpus:2;mem:1024;ports:[31000-31999];zones:{a,b};cpus(role1):4`.
 *
 * - The text is split on `;` (empty pieces skipped); each piece must split on
 *   `:` into exactly two non-empty parts, `name` or `name(role)` and a value
 *   (see value.ts). Names and roles are trimmed of whitespace. No parentheses
 *   means the default role (`*` = unreserved); `name(*)` is unreserved; any
 *   other role is a STATIC reservation and must be a valid role name.
 * - Text after the closing parenthesis (`cpus(r1)x:1`) is rejected (Mesos
 *   silently ignores it; drfcore treats it as an unknown role form).
 * - A text whose first non-blank character is `[` and that is a JSON array is
 *   read as Mesos' JSON form (an array of Resource objects), as Mesos does.
 *   drfcore prints resources that the simple text cannot express (dynamic or
 *   refined reservations, disks, revocable, shared, allocation info) this way,
 *   so `parse(toString(r))` always reads `r` back.
 * - Each resource is validated (negative / NaN / infinite scalars, non-zero
 *   scalars that round to zero at 3 decimals, inverted or overlapping ranges,
 *   duplicated set items, bad roles); then resources with the same name but
 *   different types are an error.
 * - `{}` alone (how an empty bag prints) reads as empty; Mesos' parser rejects it.
 * Every failure is a ResourceParseError naming the offset and the fragment.
 */
import { ResourceError, ResourceParseError } from "./errors.js";
import { parseValue, scalarToFixed } from "./value.js";
import { RangeSet, SMALL_MAX } from "./ranges.js";
import { toFixed } from "./fixed.js";
import { canonicalSet } from "./sets.js";
import { roleError } from "./roles.js";
import { Entry, PLAIN, SCALAR, RANGES, SET, NORMAL, identityId, staticMeta, entryFromResource, type Meta, type Resource, type TypeCode } from "./resource.js";
import { parseMesosJSONArray } from "./json.js";

/** Reads resource text into validated entries (not yet merged). Throws ResourceParseError. */
export function parseEntries(text: string, defaultRole = "*"): Entry[] {
  if (typeof text !== "string") throw new ResourceParseError("resource text must be a string", String(text), 0, "");
  if (defaultRole === "*") {
    const fast = scanSimpleEntries(text);
    if (fast !== null) return fast;
  }
  // `{}` is how an empty bag prints (Mesos' operator<<); read it back as empty.
  if (text.length <= 16 && text.trim() === "{}") return [];
  const first = firstNonBlank(text);
  if (first >= 0 && text.charCodeAt(first) === 91 /* [ */) {
    const json = entriesFromJSON(text, defaultRole);
    if (json !== null) return json;
  }
  return parseEntriesGeneral(text, defaultRole);
}

/**
 * The general reader of the text form (every rule of the module comment).
 * `parseEntries` tries `scanSimpleEntries` first and comes here for anything
 * else; exported so tests can check the two agree.
 */
export function parseEntriesGeneral(text: string, defaultRole = "*"): Entry[] {
  const defaultMeta = defaultRole === "*" ? PLAIN : null;
  if (defaultMeta === null) {
    const err = roleError(defaultRole);
    if (err) throw new ResourceParseError(`invalid default role '${defaultRole}': ${err}`, text, 0, "");
  }
  const out: Entry[] = [];
  const n = text.length;
  let start = 0;
  while (start <= n) {
    let end = text.indexOf(";", start);
    if (end < 0) end = n;
    if (end > start) out.push(parsePiece(text, start, end, defaultRole));
    start = end + 1;
  }
  return out;
}

/** Reused by scanSimpleEntries for the bounds of one ranges value (grows on demand). */
let scanBounds = new Uint32Array(64);

// Single-interval values read recently, shared between the bags that parse
// them: a RangeSet is immutable (bags share them on clone already), and a
// cluster's agents mostly report the same one (Mesos' default
// `ports:[31000-32000]`), so a hit saves the Uint32Array and the RangeSet.
// Direct-mapped on the bounds, 64 slots: a miss only replaces the slot.
const ONE_SLOTS = 64;
const oneBegin = new Uint32Array(ONE_SLOTS);
const oneEnd = new Uint32Array(ONE_SLOTS);
const oneSet: Array<RangeSet | null> = new Array<RangeSet | null>(ONE_SLOTS).fill(null);

// Short plain names read recently by the scanner (Mesos' own are all short:
// cpus, mem, disk, ports, gpus), direct-mapped on the exact number their
// characters spell in base 256 (at most 6 characters, so below 2^48, exact
// in a double; no character is 0, so the number is the name). A hit gives the
// name string and its identity ids without slicing the text or comparing
// strings; a miss slices and takes the slot.
const NAME_SLOT_BITS = 6;
const NAME_SLOTS = 1 << NAME_SLOT_BITS;
/** Longest name the key holds exactly. */
const NAME_KEY_CHARS = 6;
const nameKeys = new Float64Array(NAME_SLOTS).fill(-1);
const nameStrings: string[] = new Array<string>(NAME_SLOTS).fill("");
/** Identity id of the slot's name as SCALAR (index 2 * slot) and as RANGES (2 * slot + 1), -1 until computed. */
const nameIds = new Int32Array(2 * NAME_SLOTS).fill(-1);

/**
 * The slot of a name key: its two 32-bit halves folded, then the top bits of
 * a multiplicative hash (the low bits alone are the last character, which
 * "cpus" and "gpus" share).
 */
function nameSlot(key: number): number {
  const k = (key | 0) ^ (key / 4294967296);
  return Math.imul(k, 0x9e3779b1) >>> (32 - NAME_SLOT_BITS);
}

/**
 * A plain entry named by text[ns, ne) (whose key, when at most
 * NAME_KEY_CHARS long, is `key`), through the name cache.
 */
function plainEntry(text: string, ns: number, ne: number, key: number, type: typeof SCALAR | typeof RANGES, scalar: number, ranges: RangeSet | null): Entry {
  if (ne - ns > NAME_KEY_CHARS) return Entry.make(text.slice(ns, ne), type, PLAIN, scalar, ranges, null);
  const slot = nameSlot(key);
  let name: string;
  if (nameKeys[slot] === key) {
    name = nameStrings[slot]!;
  } else {
    name = text.slice(ns, ne);
    nameKeys[slot] = key;
    nameStrings[slot] = name;
    nameIds[2 * slot] = -1;
    nameIds[2 * slot + 1] = -1;
  }
  const at = 2 * slot + type;
  let id = nameIds[at]!;
  if (id < 0) id = nameIds[at] = identityId(name, type, PLAIN);
  return new Entry(id, name, type, PLAIN, NORMAL, scalar, ranges, null, 1);
}

/**
 * The RangeSet `[b-e]` (b <= e, both integers in [0, SMALL_MAX = 2^32 - 1]): the cached
 * one when the slot holds the same bounds, else a new one that takes the slot.
 */
export function oneInterval(b: number, e: number): RangeSet {
  // `^` takes both bounds modulo 2^32: any slot is right, this one spreads
  // neighbouring ranges apart.
  const slot = ((b ^ e) + (e >>> 7)) & (ONE_SLOTS - 1);
  const hit = oneSet[slot];
  if (hit !== null && oneBegin[slot] === b && oneEnd[slot] === e) return hit;
  const own = new Uint32Array(2);
  own[0] = b;
  own[1] = e;
  const set = RangeSet.fromCanonicalSmall(own);
  oneSet[slot] = set;
  oneBegin[slot] = b;
  oneEnd[slot] = e;
  return set;
}

/**
 * The common path of the text form in one pass, with no regex, split or
 * substring other than each name: unreserved resources (default role `*`)
 * `name:value` separated by `;`, where the name is printable ASCII without
 * any of `;:()[]{},` and the value is either a scalar of at most 9 integer
 * digits and at most 3 decimals (`24`, `0.5`, `1.001`) or canonical ranges
 * of plain digits (`[31000-32000]`, `[1-2,5-9]`: each begin <= end, sorted,
 * not adjacent, at most 15 digits per bound). Returns null as soon as
 * anything else shows up (roles, spaces, sets, signs, exponents, unsorted or
 * invalid ranges, errors of any kind), and the general path then reads the
 * whole text, so errors and unusual forms keep exactly one implementation.
 *
 * Scalars read here are exact: with at most 3 decimals the thousandths are
 * the integer the digits spell, which is what Mesos' `llround(v * 1000)`
 * gives for such a value (the double's error is far below 0.5).
 */
export function scanSimpleEntries(text: string): Entry[] | null {
  const n = text.length;
  const out: Entry[] = [];
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c === 59 /* ; */) { i++; continue; } // empty piece, skipped as Mesos does
    // Name: up to ':'. `key` spells its first characters in base 256 (the name cache's key).
    const ns = i;
    let key = 0;
    while (c !== 58 /* : */) {
      // Only printable ASCII: the general path trims Unicode blanks from names.
      if (c <= 32 || c >= 127 || c === 59 || c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125 || c === 44) return null;
      key = key * 256 + c;
      if (++i >= n) return null;
      c = text.charCodeAt(i);
    }
    const ne = i;
    if (ne === ns) return null;
    if (++i >= n) return null;
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // Scalar: digits, optionally '.' and 1-3 digits.
      let v = 0, digits = 0;
      do {
        v = v * 10 + (c - 48);
        digits++;
        c = ++i < n ? text.charCodeAt(i) : 59;
      } while (c >= 48 && c <= 57);
      if (digits > 9) return null;
      v *= 1000;
      if (c === 46 /* . */) {
        let scale = 100, frac = 0;
        c = ++i < n ? text.charCodeAt(i) : 59;
        while (c >= 48 && c <= 57) {
          if (++frac > 3) return null;
          v += (c - 48) * scale;
          scale /= 10;
          c = ++i < n ? text.charCodeAt(i) : 59;
        }
        if (frac === 0) return null;
      }
      if (c !== 59) return null;
      out.push(plainEntry(text, ns, ne, key, SCALAR, v, null));
    } else if (c === 91 /* [ */) {
      // Ranges: b-e(,b-e)* then ']', canonical as written.
      let bounds = scanBounds, nbounds = 0;
      let last = -2;
      for (;;) {
        let b = 0, e = 0, nb = 0, ne = 0;
        c = ++i < n ? text.charCodeAt(i) : 0;
        while (c >= 48 && c <= 57) { b = b * 10 + (c - 48); nb++; c = ++i < n ? text.charCodeAt(i) : 0; }
        if (nb === 0 || nb > 15 || c !== 45 /* - */) return null;
        c = ++i < n ? text.charCodeAt(i) : 0;
        while (c >= 48 && c <= 57) { e = e * 10 + (c - 48); ne++; c = ++i < n ? text.charCodeAt(i) : 0; }
        // Values above SMALL_MAX (2^32 - 1) take the general parser (big form).
        if (ne === 0 || ne > 15 || e > SMALL_MAX || b > e || b <= last + 1) return null;
        if (nbounds === bounds.length) { const grown = new Uint32Array(2 * nbounds); grown.set(bounds); bounds = scanBounds = grown; }
        bounds[nbounds++] = b;
        bounds[nbounds++] = e;
        last = e;
        if (c === 93 /* ] */) break;
        if (c !== 44 /* , */) return null;
      }
      c = ++i < n ? text.charCodeAt(i) : 59;
      if (c !== 59) return null;
      let set: RangeSet;
      if (nbounds === 2) {
        set = oneInterval(bounds[0]!, bounds[1]!);
      } else {
        // A fresh array per value (RangeSets are immutable and keep it). Not
        // `bounds.slice()`: TypedArray.prototype.slice is a builtin call with a
        // species-constructor lookup; `new Uint32Array(n)` plus a copy is inlined.
        const own = new Uint32Array(nbounds);
        for (let k = 0; k < nbounds; k++) own[k] = bounds[k]!;
        set = RangeSet.fromCanonicalSmall(own);
      }
      out.push(plainEntry(text, ns, ne, key, RANGES, 0, set));
    } else {
      return null;
    }
    i++; // past ';' (or the end)
  }
  return out;
}

function fail(text: string, start: number, end: number, why: string): never {
  const fragment = text.slice(start, end);
  throw new ResourceParseError(`invalid resource '${fragment}' at offset ${start}: ${why}`, text, start, fragment);
}

function parsePiece(text: string, start: number, end: number, defaultRole: string): Entry {
  // Split on ':' skipping empty parts; exactly two must remain.
  let p0s = -1, p0e = -1, p1s = -1, p1e = -1, parts = 0;
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 58 /* : */) {
      if (i > s) {
        parts++;
        if (parts === 1) { p0s = s; p0e = i; } else if (parts === 2) { p1s = s; p1e = i; }
      }
      s = i + 1;
    }
  }
  if (parts !== 2) fail(text, start, end, "expecting one ':' between a name and a value (missing or extra ':')");

  let name: string, role: string;
  // Fast path: a head without '(' and without surrounding whitespace is the name itself.
  let plainHead = true;
  for (let i = p0s; i < p0e; i++) if (text.charCodeAt(i) === 40 /* ( */) { plainHead = false; break; }
  const head = text.slice(p0s, p0e);
  const open = plainHead ? -1 : head.indexOf("(");
  if (open < 0) {
    const c0 = text.charCodeAt(p0s), c1 = text.charCodeAt(p0e - 1);
    name = c0 > 32 && c1 > 32 ? head : head.trim();
    role = defaultRole;
  } else {
    const close = head.indexOf(")");
    if (close < 0 || close < open) fail(text, start, end, "mismatched parentheses around the role");
    if (head.slice(close + 1).trim().length > 0) fail(text, start, end, `unexpected '${head.slice(close + 1).trim()}' after the role`);
    name = head.slice(0, open).trim();
    role = head.slice(open + 1, close).trim();
  }
  if (name.length === 0) fail(text, start, end, "empty resource name");
  let meta: Meta;
  if (role === "*") meta = PLAIN;
  else {
    const err = roleError(role);
    if (err) fail(text, start, end, `invalid role: ${err}`);
    meta = staticMeta(role);
  }

  // Fast path: a value of plain decimal digits (the common scalar).
  if (p1e - p1s <= 15) {
    let v = 0, digits = true;
    for (let i = p1s; i < p1e; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) { digits = false; break; }
      v = v * 10 + (c - 48);
    }
    if (digits) return Entry.make(name, SCALAR, meta, toFixed(v), null, null);
  }
  // Fast path: a single range `[a-b]` of plain digits (the common ports value).
  if (text.charCodeAt(p1s) === 91 /* [ */ && text.charCodeAt(p1e - 1) === 93 /* ] */ && p1e - p1s <= 33) {
    let b = 0, e = 0, nb = 0, ne = 0, dash = false, ok = true;
    for (let i = p1s + 1; i < p1e - 1; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        if (dash) { e = e * 10 + (c - 48); ne++; } else { b = b * 10 + (c - 48); nb++; }
      } else if (c === 45 /* - */ && !dash && nb > 0) {
        dash = true;
      } else { ok = false; break; }
    }
    if (ok && dash && nb > 0 && ne > 0 && nb <= 15 && ne <= 15 && b <= e && e <= SMALL_MAX) {
      const bounds = new Uint32Array(2);
      bounds[0] = b; bounds[1] = e;
      return Entry.make(name, RANGES, meta, 0, RangeSet.fromCanonicalSmall(bounds), null);
    }
  }
  const valueText = text.slice(p1s, p1e);
  const v = parseValue(valueText);
  if ("error" in v) fail(text, start, end, `invalid value '${valueText}': ${v.error}`);
  let type: TypeCode, scalar = 0, ranges: RangeSet | null = null, set: readonly string[] | null = null;
  switch (v.type) {
    case "SCALAR": {
      const f = scalarToFixed(v.scalar);
      if (typeof f !== "number") fail(text, start, end, `invalid scalar: ${f.error}`);
      type = SCALAR; scalar = f;
      break;
    }
    case "RANGES":
      type = RANGES; ranges = v.ranges;
      break;
    case "SET": {
      const items = v.items;
      const c = canonicalSet(items);
      if (c.length !== items.length) fail(text, start, end, "invalid set: duplicated elements");
      type = SET; set = c;
      break;
    }
    default:
      fail(text, start, end, `'${valueText}' is not a number, ranges '[a-b]' or a set '{a,b}'`);
  }
  return Entry.make(name, type, meta, scalar, ranges, set);
}

function firstNonBlank(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
  }
  return -1;
}

function entriesFromJSON(text: string, defaultRole: string): Entry[] | null {
  try {
    const list = parseMesosJSONArray(text);
    if (list === null) return null;
    return list.map((r) => {
      // Mesos' fromJSON: a resource without role or reservations gets the default role.
      const withRole = r.role === undefined && (r.reservations ?? []).length === 0 ? { ...r, role: defaultRole } : r;
      return entryFromResource(withRole as Resource);
    });
  } catch (e) {
    if (e instanceof ResourceError) throw new ResourceParseError(`invalid JSON resources: ${e.message}`, text, 0, text);
    throw e;
  }
}
