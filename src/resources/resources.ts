/**
 * `Resources`: Mesos' bag of resources (`src/common/resources.cpp`) with its
 * arithmetic, filters, reservation and allocation helpers.
 *
 * Semantics (Mesos'): `+` merges what is addable (same identity, see
 * resource.ts) and appends the rest; `-` subtracts from the matching entry
 * and drops an entry that becomes empty or negative (no debt is kept:
 * `cpus:1 - cpus:2` is empty); `contains` holds when every entry of the
 * other bag is covered by the matching entry here; `equals` is contains
 * both ways. Empty values (zero scalars, empty ranges and sets) are never stored.
 *
 * Representation, in one of two forms:
 * - Entry form: an array of `Entry` objects plus, once the bag has more
 *   than 8 entries, an index identity id -> position (a Map). Identity keys
 *   are interned to integers, scalars are integer thousandths, ranges are
 *   `RangeSet`s. Entries are copy-on-write: `clone`/`plus` share them, and a
 *   bag copies an entry it does not own before changing it. Hot loops: `add`,
 *   `subtract`, `contains` below (positional fast path: bags built the same
 *   way keep an identity at the same position).
 * - Column form, for a bag of 1 to 8 plain (NORMAL) scalars, any roles or
 *   reservations: a shared, immutable `ScalarShape` (the identities, by
 *   position) and an array of amounts. `parse` gives it to such a text; a
 *   clone, `plus`, `minus`, and `add` into an empty bag keep it; `add`,
 *   `subtract` and `contains` between two bags of one shape are loops over
 *   two arrays of numbers, and `plus` copies one array instead of building an
 *   Entry per resource. A change that column form cannot hold (a resource
 *   of another identity, an amount that reaches zero) turns the bag to entry
 *   form for good; reads and an operand's use leave the form as it is
 *   (`view()` lends entries). Column form is representation only: the tests
 *   run each operation on both forms and compare (column-form.test.ts).
 */
import { ResourceError, ResourceParseError } from "./errors.js";
import { parseEntries } from "./parse.js";
import { formatDebug, formatJSONText, formatText } from "./format.js";
import { ResourceQuantities } from "./quantities.js";
import {
  Entry, Meta, PLAIN, SCALAR, RANGES, SET, NORMAL, SHARED, TYPE_NAMES, entryFromResource,
  type Resource, type ReservationInfo, type TypeCode,
} from "./resource.js";
import { RangeSet } from "./ranges.js";
import { IdIndex, INDEX_THRESHOLD } from "./id-index.js";
import { ScalarShape, sameShape } from "./scalar-shape.js";
import { unionSets, subtractSets, containsSet, equalSets } from "./sets.js";
import { isStrictSubroleOf, isRoleOrSubrole, roleError } from "./roles.js";
import { rangeKernels } from "./kernels.js";
import { wasmRangeKernels } from "./wasm/ranges-wasm.js";

// Local copies of the SCALAR and NORMAL codes for the allocation-free fast
// paths of add/subtract: a literal constant compiles to an immediate, where an
// imported binding is a load (and a getter call under some transpilers).
const K_SCALAR = 0, K_NORMAL = 0;

/**
 * The range-set operations `Resources` runs on RANGES entries. By default the
 * measured TS/Wasm chooser (`rangeKernels` of kernels.ts); `useRangeKernels`
 * installs another implementation with the same contract (e.g. the
 * TypeScript `RangeSet` methods): union and subtract return canonical sets,
 * contains is set inclusion, and none of them mutates its operands.
 */
export interface RangeOps {
  /**
   * The set of values in `a` or in `b`, canonical (sorted, overlapping and
   * adjacent intervals merged), exact for every uint64. Neither operand is
   * modified; the result may be one of the operands when the other is empty.
   */
  union(a: RangeSet, b: RangeSet): RangeSet;
  /**
   * The values of `a` that are not in `b`, canonical and exact; intervals of
   * `a` are split where `b` cuts them. `b` need not be contained in `a`.
   * Neither operand is modified.
   */
  subtract(a: RangeSet, b: RangeSet): RangeSet;
  /**
   * Set inclusion: true when every value of `b` is in `a` (true for an empty
   * `b`, false for a non-empty `b` and an empty `a`). Pure.
   */
  contains(a: RangeSet, b: RangeSet): boolean;
}

/** The TypeScript reference range operations (RangeSet's own methods). */
export const TS_RANGE_OPS: RangeOps = {
  union: (a, b) => a.union(b),
  subtract: (a, b) => a.subtract(b),
  contains: (a, b) => a.contains(b),
};

/**
 * The default range operations: the measured TS/Wasm chooser of kernels.ts
 * (`rangeKernels`), which runs each operation on whichever path measured
 * faster for its size (thresholds and figures in kernels.ts and
 * docs/bench-resources.md). The Wasm module is compiled on the first
 * operation that takes the Wasm path, not on import; if it cannot be loaded
 * (e.g. `build/drfcore.wasm` was never built), the chooser stays on
 * TypeScript for the life of the process.
 */
export const AUTO_RANGE_OPS: RangeOps = rangeKernels;

/** The Wasm range operations, whatever the size (for tests and benchmarks). */
export const WASM_RANGE_OPS: RangeOps = wasmRangeKernels;

let rangeOps: RangeOps = AUTO_RANGE_OPS;

/**
 * Makes every `Resources` use `ops` for range arithmetic: an implementation,
 * or "auto" (the default, AUTO_RANGE_OPS), "ts" (TS_RANGE_OPS) or "wasm"
 * (WASM_RANGE_OPS) to force one path. Returns the implementation that was in
 * use, so callers can restore it.
 */
export function useRangeKernels(ops: RangeOps | "auto" | "ts" | "wasm"): RangeOps {
  const previous = rangeOps;
  rangeOps = ops === "auto" ? AUTO_RANGE_OPS : ops === "ts" ? TS_RANGE_OPS : ops === "wasm" ? WASM_RANGE_OPS : ops;
  return previous;
}

/** The range operations `Resources` uses now (see useRangeKernels). */
export function rangeKernelsInUse(): RangeOps {
  return rangeOps;
}

/**
 * True when freshly parsed entries can become a bag's entry list unchanged:
 * few enough not to need an index, none empty, no identity twice (what
 * `addEntry` would otherwise merge or drop).
 */
function adoptable(es: readonly Entry[]): boolean {
  if (es.length > INDEX_THRESHOLD) return false;
  for (let i = 0; i < es.length; i++) {
    const e = es[i]!;
    if (e.count !== 1 || e.isEmptyValue()) return false;
    for (let j = 0; j < i; j++) if (es[j]!.id === e.id) return false;
  }
  return true;
}

/**
 * `es` without its empty entries (the zero scalars Mesos drops) when that
 * leaves a list a bag may adopt as it is; null when nothing is empty or the
 * rest is still not adoptable. So `cpus:2;gpus:0;mem:256` parses to column
 * form like `cpus:2;mem:256`.
 */
function adoptableWithoutEmpty(es: readonly Entry[]): Entry[] | null {
  if (!es.some((e) => e.isEmptyValue())) return null;
  const kept = es.filter((e) => !e.isEmptyValue());
  return adoptable(kept) ? kept : null;
}

/** Position of identity `id` among a column-form bag's templates (trying `guess` first), or -1. */
function columnFind(t: readonly Entry[], id: number, guess: number): number {
  if (guess < t.length && t[guess]!.id === id) return guess;
  for (let k = 0; k < t.length; k++) if (t[k]!.id === id) return k;
  return -1;
}

/** True when two column-form bags of one shape hold the same amounts. */
function sameAmounts(a: readonly number[], b: readonly number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Throws the parse error for `e` having another type than an earlier resource of its name (`other`). */
function typeConflict(text: string, e: Entry, other: TypeCode): never {
  throw new ResourceParseError(
    `invalid resources '${text}': resources with the same name ('${e.name}') but different types (${TYPE_NAMES[other]}, ${TYPE_NAMES[e.type]}) are not allowed`,
    text, text.indexOf(e.name), e.name);
}

/** Mesos' `Resources`. Value semantics; the methods that mutate are `add` and `subtract` (and the `*InPlace` forms). */
/** Throws the error of an in-place change of a frozen bag. */
function throwFrozen(op: string): never {
  throw new ResourceError(`cannot ${op} in place: this Resources is frozen (shared, for example offered by the allocator); clone() it to change a copy`);
}

/** What a scalar entry counts for in quantities: its amount per copy times its copies, except a shared resource, which counts once whatever its count (as Mesos). */
function scalarAmount(e: Entry): number {
  return e.kind === SHARED ? e.scalar : e.scalar * e.count;
}

/** One scalar entry's part of `valueHash`: its identity, copy count and amount in thousandths, mixed. */
function scalarHash(id: number, count: number, scalar: number): number {
  const x = Math.imul(Math.imul(id ^ 0x9e3779b9, 0x85ebca6b) ^ count ^ (scalar % 4294967296), 0xc2b2ae35) ^ Math.floor(scalar / 4294967296);
  return x ^ (x >>> 16);
}

export class Resources implements Iterable<Resource> {
  // Fields are `declare`d and assigned in the constructor, from its
  // arguments: a class field initializer would run for every new bag, and
  // `entries = []` allocated an array that clone, parse and plus then threw away.
  /** The entries (entry form), or null while the bag is in column form. */
  private declare entries: Entry[] | null;
  private declare index: IdIndex | null;
  /**
   * Null until `freeze()`; then the values other code derived from this
   * frozen bag, by slot (see `derivedGet`). One field for both, so that
   * every bag stays as small as before freezing existed.
   */
  private declare derived: unknown[] | null;
  /** Column form: the identities, by position (see scalar-shape.ts); null in entry form. */
  private declare shape: ScalarShape | null;
  /** Column form: the amount in thousandths at each position of `shape`, every one above 0; null in entry form. */
  private declare amounts: number[] | null;

  /** A bag in entry form over `entries` (which it then owns), or, when `entries` is null, in column form over `shape` and `amounts`. */
  private constructor(entries: Entry[] | null, shape: ScalarShape | null = null, amounts: number[] | null = null) {
    this.entries = entries;
    this.index = null;
    this.derived = null;
    this.shape = shape;
    this.amounts = amounts;
  }

  // ------------------------------------------------------------------ building

  /**
   * Reads Mesos' text form (or its JSON array form); `defaultRole` applies to
   * names without `(role)`. Throws ResourceParseError saying what, where and why.
   */
  static parse(text: string, defaultRole = "*"): Resources {
    const all = parseEntries(text, defaultRole);
    const parsed = adoptable(all) ? all : adoptableWithoutEmpty(all);
    let r: Resources;
    if (parsed !== null) {
      // Distinct identities, nothing empty (after dropping zero scalars, as
      // Mesos does): the parsed array is the bag as is, in column form when
      // every entry is a plain scalar (a bag of scalars has no type conflict
      // to look for).
      const shape = ScalarShape.ofAdoptable(parsed);
      if (shape !== null) {
        const amounts = new Array<number>(parsed.length);
        for (let i = 0; i < parsed.length; i++) amounts[i] = parsed[i]!.scalar;
        return new Resources(null, shape, amounts);
      }
      r = new Resources(parsed);
      for (let i = 0; i < parsed.length; i++) parsed[i]!.owner = r;
    } else {
      r = new Resources([]);
      for (const e of all) r.addEntry(e, false);
    }
    // Mesos' validateCommandLineResources: one name, one type.
    const es = r.list();
    if (es.length <= 16) {
      for (let i = 1; i < es.length; i++) {
        const e = es[i]!;
        for (let j = 0; j < i; j++) if (es[j]!.name === e.name && es[j]!.type !== e.type) typeConflict(text, e, es[j]!.type);
      }
    } else {
      const types = new Map<string, TypeCode>();
      for (const e of es) {
        const t = types.get(e.name);
        if (t === undefined) types.set(e.name, e.type);
        else if (t !== e.type) typeConflict(text, e, t);
      }
    }
    return r;
  }

  /** The empty bag. */
  static empty(): Resources {
    return new Resources([]);
  }

  /** A bag of the given codec `Resource` objects. Throws ResourceError on an invalid one (Mesos' validate rules). */
  static fromProto(list: readonly Resource[]): Resources {
    const r = new Resources([]);
    for (const x of list) r.addEntry(entryFromResource(x), false);
    return r;
  }

  /** Internal: a bag over already validated entries (copied). */
  static fromEntries(entries: Iterable<Entry>): Resources {
    const r = new Resources([]);
    for (const e of entries) r.addEntry(e, true);
    return r;
  }

  /** A single scalar resource `name:thousandths/1000`, unreserved unless `meta` says otherwise. */
  static scalar(name: string, thousandths: number, meta: Meta = PLAIN): Resources {
    if (!(thousandths >= 0) || !Number.isInteger(thousandths)) throw new ResourceError(`scalar ${name} must be a non-negative integer of thousandths`);
    const r = new Resources([]);
    r.addEntry(Entry.make(name, SCALAR, meta, thousandths, null, null), false);
    return r;
  }

  /** A single ranges resource, unreserved unless `meta` says otherwise. */
  static ranges(name: string, ranges: RangeSet, meta: Meta = PLAIN): Resources {
    const r = new Resources([]);
    r.addEntry(Entry.make(name, RANGES, meta, 0, ranges, null), false);
    return r;
  }

  // ------------------------------------------------------------------ output

  /** The codec `Resource` objects (one per copy of a shared or exclusive resource). */
  toProto(): Resource[] {
    const out: Resource[] = [];
    for (const e of this.view()) for (let c = 0; c < e.count; c++) out.push(e.toResource());
    return out;
  }

  /** Canonical text that `parse` (ours and Mesos') reads back; `{}` when empty. See format.ts. */
  toString(): string {
    return formatText(this.view());
  }

  /** Mesos' debug form (`cpus(reservations: [(STATIC,r1)]):2`); not parseable. */
  toDebugString(): string {
    return formatDebug(this.view());
  }

  /** Mesos' JSON form: an array of Resource objects; range bounds above 2^53 - 1 are decimal strings. */
  toJSON(): unknown {
    const text = formatJSONText(this.view()).replace(/"(begin|end)":(\d{16,})/g,
      (m, key: string, digits: string) => (BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER) ? `"${key}":"${digits}"` : m));
    return JSON.parse(text);
  }

  /** Mesos' JSON form as text (the codec's Mesos JSON), range bounds written as exact JSON numbers. */
  toJSONText(): string {
    return formatJSONText(this.view());
  }

  /** Iterates the codec `Resource` objects (one per copy). */
  *[Symbol.iterator](): Iterator<Resource> {
    for (const e of this.view()) for (let c = 0; c < e.count; c++) yield e.toResource();
  }

  // ------------------------------------------------------------------ basics

  /**
   * Makes this bag unchangeable in place: `add` and `subtract` then throw a
   * ResourceError (the pure operations still work and return new, unfrozen
   * bags; so does `clone`). For bags shared with other code: the allocator
   * freezes the Resources it hands out in offers and views, which it keeps
   * using. Returns this bag.
   */
  freeze(): this {
    if (this.derived !== null) return this;
    this.derived = [];
    // Own no entry: `add` and `subtract` change only entries they own in
    // their fast paths, so they reach the frozen check before any change.
    // (Column form owns no entry; its fast paths test `derived` themselves.)
    const es = this.entries;
    if (es !== null) for (let i = 0; i < es.length; i++) es[i]!.owner = null;
    return this;
  }

  /** True after `freeze()`. */
  isFrozen(): boolean {
    return this.derived !== null;
  }

  /**
   * What other code stored for this bag in `slot` with `derivedSet`, or
   * undefined. For memos of values derived from the bag (src/util/memo.ts):
   * keeping them in the bag is cheaper than a WeakMap.
   */
  derivedGet(slot: number): unknown {
    return this.derived === null ? undefined : this.derived[slot];
  }

  /**
   * Stores `value` for this bag in `slot`, if the bag is frozen (it cannot
   * change, so a value derived from it stays right): returns true. An
   * unfrozen bag stores nothing and returns false.
   */
  derivedSet(slot: number, value: unknown): boolean {
    const d = this.derived;
    if (d === null) return false;
    while (d.length < slot) d.push(undefined);
    d[slot] = value;
    return true;
  }

  /** An independent copy (never frozen). */
  clone(): Resources {
    const es = this.entries;
    // Column form: the shape is shared, the amounts are copied.
    if (es === null) return new Resources(null, this.shape, this.amounts!.slice());
    // Share the entries: neither bag owns them any more (copy on write).
    for (let i = 0; i < es.length; i++) es[i]!.owner = null;
    const r = new Resources(es.slice());
    if (this.index !== null) r.index = this.index.clone();
    return r;
  }

  /** True when the bag holds nothing. */
  isEmpty(): boolean {
    // Column form is never empty.
    const es = this.entries;
    return es !== null && es.length === 0;
  }

  /** Number of distinct entries (a shared resource with count 3 is one entry). */
  size(): number {
    const es = this.entries;
    return es !== null ? es.length : this.amounts!.length;
  }

  /**
   * A 32-bit hash of the entries (identity, value and copy count), whatever
   * order the bag was built in: `identical` bags hash alike. For keeping
   * one object per value (the allocator interns agents' resources).
   */
  valueHash(): number {
    let h = 0;
    const es = this.entries;
    if (es === null) {
      // Column form: the same sum, over the templates' ids and this bag's amounts (a parsed bag's templates may carry another bag's amounts).
      const t = this.shape!.templates, a = this.amounts!;
      for (let k = 0; k < t.length; k++) h = (h + scalarHash(t[k]!.id, 1, a[k]!)) | 0;
      return h;
    }
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!;
      if (e.type === SCALAR) { h = (h + scalarHash(e.id, e.count, e.scalar)) | 0; continue; }
      let x = Math.imul(e.id ^ 0x9e3779b9, 0x85ebca6b) ^ e.count;
      if (e.type === RANGES) x = Math.imul(x ^ e.ranges!.hash(), 0xc2b2ae35);
      else for (const item of e.set!) for (let k = 0; k < item.length; k++) x = Math.imul(x ^ item.charCodeAt(k), 0x01000193);
      // A sum does not depend on the entries' order.
      h = (h + (x ^ (x >>> 16))) | 0;
    }
    return h;
  }

  /**
   * True when both bags hold the very same entry objects, in the same order:
   * a clone (which shares its source's entries until either side writes)
   * and its source, while neither has written. An identity test per entry
   * that implies `identical`; false says nothing. (Two bags in column form,
   * which hold no entry objects, share when they have one shape object and
   * equal amounts: a clone and its source again.)
   */
  sharesEntriesWith(o: Resources): boolean {
    if (this.entries === null || o.entries === null) return this.shape === o.shape && sameAmounts(this.amounts!, o.amounts!);
    const es = this.entries;
    const os = o.entries;
    if (es.length !== os.length) return false;
    for (let i = 0; i < es.length; i++) {
      if (es[i] !== os[i]) return false;
    }
    return true;
  }

  /**
   * True when both bags hold exactly the same entries: the same identities
   * with the same values and copy counts (stricter than `equals`, which
   * compares as Mesos' `==` does). Identical bags are interchangeable.
   */
  identical(o: Resources): boolean {
    if (o === this) return true;
    if (this.entries === null || o.entries === null) return this.identicalColumns(o);
    const es = this.entries, os = o.entries;
    if (es.length !== os.length) return false;
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!;
      const at = o.findFrom(e.id, i);
      if (at < 0) return false;
      const other = os[at]!;
      if (other.count !== e.count) return false;
      if (e.type === SCALAR) { if (other.scalar !== e.scalar) return false; }
      else if (e.type === RANGES) { if (!other.ranges!.equals(e.ranges!)) return false; }
      else if (!equalSets(other.set!, e.set!)) return false;
    }
    return true;
  }

  /** `identical` when either bag is in column form (so both hold at most INDEX_THRESHOLD entries if they are to be identical). */
  private identicalColumns(o: Resources): boolean {
    if (this.entries === null && o.entries === null && sameShape(this.shape!, o.shape!)) return sameAmounts(this.amounts!, o.amounts!);
    const es = this.view(), os = o.view();
    if (es.length !== os.length) return false;
    // One side holds only NORMAL scalars: so must the other, identity by identity.
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!;
      const other = os[i]!.id === e.id ? os[i]! : os.find((x) => x.id === e.id);
      if (other === undefined || other.type !== SCALAR || other.kind !== NORMAL || other.scalar !== e.scalar) return false;
    }
    return true;
  }

  /** Same resources: each contains the other (Mesos' `==`). */
  equals(o: Resources): boolean {
    return this.contains(o) && o.contains(this);
  }

  /** Every entry of `o` is covered here (scalars <=, ranges and sets as subsets, shared counts <=). */
  contains(o: Resources): boolean {
    if (o === this) return true;
    const mineList = this.entries, es = o.entries;
    if (mineList === null || es === null) return this.columnContains(o);
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!;
      const at = this.findFrom(e.id, i);
      if (at < 0) return false;
      const mine = mineList[at]!;
      if (e.kind === NORMAL) {
        if (e.type === SCALAR) { if (e.scalar > mine.scalar) return false; }
        else if (e.type === RANGES) { if (!rangeOps.contains(mine.ranges!, e.ranges!)) return false; }
        else if (!containsSet(mine.set!, e.set!)) return false;
      } else if (e.kind === SHARED || e.meta.disk?.persistence) {
        // Shared counts compare; Mesos also consumes each contained persistent volume.
        if (mine.count < e.count) return false;
      }
      // Other exclusive disks: an equal one is present (Mesos does not consume them).
    }
    return true;
  }

  /** `contains` when either bag is in column form. */
  private columnContains(o: Resources): boolean {
    const mineList = this.entries;
    if (mineList !== null) {
      // `o` is a bag of plain scalars: each identity is found here as a scalar entry of at least its amount.
      const t = o.shape!.templates, b = o.amounts!;
      for (let k = 0; k < t.length; k++) {
        const at = this.findFrom(t[k]!.id, k);
        if (at < 0 || b[k]! > mineList[at]!.scalar) return false;
      }
      return true;
    }
    // This bag holds only plain scalars.
    const t = this.shape!.templates, a = this.amounts!;
    if (o.entries === null) {
      const b = o.amounts!;
      if (o.shape === this.shape) {
        for (let k = 0; k < a.length; k++) if (b[k]! > a[k]!) return false;
        return true;
      }
      const u = o.shape!.templates;
      for (let k = 0; k < u.length; k++) {
        const at = columnFind(t, u[k]!.id, k);
        if (at < 0 || b[k]! > a[at]!) return false;
      }
      return true;
    }
    // An entry of `o` is covered only by a NORMAL scalar of its identity, so
    // one whose id is not here (any other kind or type) is not covered.
    const es = o.entries;
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!;
      const at = columnFind(t, e.id, i);
      if (at < 0 || e.scalar > a[at]!) return false;
    }
    return true;
  }

  /** a + b, a new bag. */
  plus(o: Resources): Resources {
    return this.clone().add(o);
  }

  /** a - b, a new bag. */
  minus(o: Resources): Resources {
    return this.clone().subtract(o);
  }

  /** In place a += b. */
  add(o: Resources): this {
    const es = o.entries, mineList = this.entries;
    // Either bag in column form: elsewhere, so that this method stays as
    // small as it was for the JIT to inline into callers' loops.
    if (es === null || mineList === null) return this.addColumnForms(o);
    if (o === this) return this.addFrom(mineList.slice(), 0);
    // Fast path (allocation-free): bags built the same way keep an identity at
    // the same position, so while the entries line up, each scalar is one add
    // of integer thousandths into an entry this bag owns. Equal ids mean equal
    // identities, hence equal type and kind: one check of `mine` suffices.
    const n = es.length;
    if (n > mineList.length) return this.addFrom(es, 0);
    for (let i = 0; i < n; i++) {
      const e = es[i]!, mine = mineList[i]!;
      if (mine.id !== e.id || mine.owner !== this || mine.type !== K_SCALAR || mine.kind !== K_NORMAL) return this.addFrom(es, i);
      mine.scalar += e.scalar;
    }
    return this;
  }

  /** `add` when either bag is in column form. */
  private addColumnForms(o: Resources): this {
    const mineList = this.entries;
    if (mineList !== null && mineList.length !== 0) return this.addColumnEntries(o);
    if (this.addColumns(o)) return this;
    // The general loop, on entries (this bag turns to entry form; `o` lends a
    // view, taken first: when `o` is this bag, the view is not the array the
    // loop changes).
    const es = o.view();
    this.list();
    return this.addFrom(es, 0);
  }

  /**
   * `add` when either bag is in column form; false leaves the work to the
   * general path (which turns both to entry form). Both of one shape: one
   * add per position. An empty bag plus one in column form: a copy of its
   * columns. Adding an empty bag: nothing to do.
   */
  private addColumns(o: Resources): boolean {
    const sh = this.shape, os = o.shape;
    if (sh !== null) {
      if (os !== null) {
        if (this.derived !== null || (os !== sh && !this.takeShape(os))) return false;
        const a = this.amounts!, b = o.amounts!;
        for (let k = 0; k < a.length; k++) a[k]! += b[k]!;
        return true;
      }
      return o.entries!.length === 0;
    }
    if (this.entries!.length !== 0 || this.derived !== null) return false;
    this.toColumns(os!, o.amounts!.slice());
    return true;
  }

  /**
   * `add` of a bag in column form `o` into this non-empty bag in entry form:
   * each of o's amounts goes into the entry of its identity (copied first if
   * this bag does not own it), or becomes a new entry. What the general loop
   * does with o's entries, without building them.
   */
  private addColumnEntries(o: Resources): this {
    if (this.derived !== null) throwFrozen("add");
    const t = o.shape!.templates, b = o.amounts!, es = this.entries!;
    for (let k = 0; k < t.length; k++) {
      const x = t[k]!;
      const at = this.findFrom(x.id, k);
      if (at < 0) {
        this.insert(new Entry(x.id, x.name, x.type, x.meta, x.kind, b[k]!, null, null, 1, this));
        continue;
      }
      let mine = es[at]!;
      if (mine.owner !== this) mine = this.own(at);
      mine.scalar += b[k]!;
    }
    return this;
  }

  /** The general `add` loop over `es` from position `from`. */
  private addFrom(es: readonly Entry[], from: number): this {
    // A frozen bag owns none of its entries, so the fast path of `add` always
    // comes here first, before changing anything.
    if (this.derived !== null) throwFrozen("add");
    const mineList = this.entries!;
    for (let i = from; i < es.length; i++) {
      const e = es[i]!;
      const at = this.findFrom(e.id, i);
      if (at >= 0) {
        let mine = mineList[at]!;
        if (mine.kind === NORMAL && e.type === SCALAR) {
          if (mine.owner !== this) mine = this.own(at);
          mine.scalar += e.scalar;
          continue;
        }
      }
      this.addAt(at, e, true);
    }
    return this;
  }

  /** In place a -= b: matching entries shrink; an entry that becomes empty or negative is dropped. */
  subtract(o: Resources): this {
    const es = o.entries, mineList = this.entries;
    if (es === null || mineList === null) return this.subtractColumnForms(o); // elsewhere, as in `add`
    if (o === this) return this.subtractFrom(mineList.slice(), 0);
    // Fast path (allocation-free), as in `add`: while the entries line up and
    // stay positive, each scalar is one integer subtraction in place.
    const n = es.length;
    if (n > mineList.length) return this.subtractFrom(es, 0);
    for (let i = 0; i < n; i++) {
      const e = es[i]!, mine = mineList[i]!;
      if (mine.id !== e.id || mine.owner !== this || mine.type !== K_SCALAR || mine.kind !== K_NORMAL) return this.subtractFrom(es, i);
      const left = mine.scalar - e.scalar;
      if (left <= 0) return this.subtractFrom(es, i);
      mine.scalar = left;
    }
    return this;
  }

  /** `subtract` when either bag is in column form. */
  private subtractColumnForms(o: Resources): this {
    const mineList = this.entries;
    if (mineList !== null && mineList.length !== 0) return this.subtractColumnEntries(o);
    const done = this.subtractColumns(o);
    if (done !== -1) return done === 0 ? this : this.subtractFrom(o.view(), done - 1);
    // The general loop, on entries, as in addColumnForms.
    const es = o.view();
    this.list();
    return this.subtractFrom(es, 0);
  }

  /**
   * `subtract` when either bag is in column form. Both of one shape: one
   * subtraction per position while every amount stays positive; at the first
   * that would not, the bag turns to entry form and the result is k + 1 for
   * the general loop to go on from position k. 0: done (also when `o` is
   * empty). -1: left to the general path.
   */
  private subtractColumns(o: Resources): number {
    const sh = this.shape, os = o.shape;
    // From an empty bag nothing is subtracted (a frozen one still refuses, as in entry form).
    if (sh === null) return this.entries!.length === 0 && this.derived === null ? 0 : -1;
    if (os === null) return o.entries!.length === 0 ? 0 : -1;
    if (o === this || this.derived !== null || (os !== sh && !this.takeShape(os))) return -1;
    const a = this.amounts!, b = o.amounts!;
    for (let k = 0; k < a.length; k++) {
      const left = a[k]! - b[k]!;
      if (left <= 0) {
        this.materialize();
        return k + 1;
      }
      a[k] = left;
    }
    return 0;
  }

  /**
   * `subtract` of a bag in column form `o` from this non-empty bag in entry
   * form: each of o's amounts comes off the entry of its identity, which is
   * dropped when nothing is left; identities this bag lacks are skipped. What
   * the general loop does with o's entries, without building them.
   */
  private subtractColumnEntries(o: Resources): this {
    if (this.derived !== null) throwFrozen("subtract");
    const t = o.shape!.templates, b = o.amounts!, es = this.entries!;
    for (let k = 0; k < t.length; k++) {
      const at = this.findFrom(t[k]!.id, k);
      if (at < 0) continue;
      const mine = es[at]!;
      const left = mine.scalar - b[k]!;
      if (left <= 0) this.removeAt(at);
      else if (mine.owner === this) mine.scalar = left;
      else this.own(at).scalar = left;
    }
    return this;
  }

  /** The general `subtract` loop over `es` from position `from`. */
  private subtractFrom(es: readonly Entry[], from: number): this {
    if (this.derived !== null) throwFrozen("subtract");
    const mineList = this.entries!;
    for (let i = from; i < es.length; i++) {
      const e = es[i]!;
      const at = this.findFrom(e.id, i);
      if (at < 0) continue;
      let mine = mineList[at]!;
      if (mine.kind === NORMAL && e.type === SCALAR) {
        const left = mine.scalar - e.scalar;
        if (left > 0) {
          if (mine.owner !== this) mine = this.own(at);
          mine.scalar = left;
        } else {
          this.removeAt(at);
        }
        continue;
      }
      this.subtractAt(at, e);
    }
    return this;
  }

  // ------------------------------------------------------------------ filters

  /** Entries whose codec `Resource` satisfies `pred`. */
  filter(pred: (r: Resource) => boolean): Resources {
    return this.filterEntries((e) => pred(e.toResource()));
  }

  /** Reserved resources (to `role` exactly, if given: the role of the last reservation). */
  reserved(role?: string): Resources {
    return this.filterEntries((e) => e.meta.reservations.length > 0 && (role === undefined || e.meta.reservationRole === role));
  }

  /** Unreserved resources. */
  unreserved(): Resources {
    return this.filterEntries((e) => e.meta.reservations.length === 0);
  }

  /** Resources reserved to `role` or to a role below it (Mesos `reservedToRoleSubtree`). */
  reservedToRoleSubtree(role: string): Resources {
    return this.filterEntries((e) => e.meta.reservations.length > 0 && isRoleOrSubrole(e.meta.reservationRole!, role));
  }

  /** Resources `role` may be allocated: unreserved, or reserved to `role` or one of its ancestors (Mesos `allocatableTo`). */
  allocatableTo(role: string): Resources {
    return this.filterEntries((e) => {
      const rr = e.meta.reservationRole;
      return rr === undefined || rr === role || isStrictSubroleOf(role, rr);
    });
  }

  /** Resources allocated to `role` or a role below it (Mesos `allocatedToRoleSubtree`). */
  allocatedToRoleSubtree(role: string): Resources {
    return this.filterEntries((e) => isRoleOrSubrole(e.meta.allocationRole ?? "", role));
  }

  /** Revocable resources. */
  revocable(): Resources {
    return this.filterEntries((e) => e.meta.revocable);
  }

  /** Non-revocable resources. */
  nonRevocable(): Resources {
    return this.filterEntries((e) => !e.meta.revocable);
  }

  /** Shared resources. */
  shared(): Resources {
    return this.filterEntries((e) => e.meta.shared);
  }

  /** True when some entry is shared (`!shared().isEmpty()`, without building that bag). */
  anyShared(): boolean {
    const es = this.identities();
    for (let i = 0; i < es.length; i++) if (es[i]!.meta.shared) return true;
    return false;
  }

  /** True when some entry is revocable (`!revocable().isEmpty()`, without building that bag). */
  anyRevocable(): boolean {
    const es = this.identities();
    for (let i = 0; i < es.length; i++) if (es[i]!.meta.revocable) return true;
    return false;
  }

  /** True when some entry's reservation is refined (a stack of more than one; `Resources.hasRefinedReservations`), without building a `Resource` per entry. */
  anyRefinedReservation(): boolean {
    const es = this.identities();
    for (let i = 0; i < es.length; i++) if (es[i]!.meta.reservations.length > 1) return true;
    return false;
  }

  /** Non-shared resources. */
  nonShared(): Resources {
    return this.filterEntries((e) => !e.meta.shared);
  }

  /** Persistent volumes (disks with persistence info). */
  persistentVolumes(): Resources {
    return this.filterEntries((e) => e.meta.disk?.persistence !== undefined);
  }

  /** Scalar resources. */
  scalars(): Resources {
    return this.filterEntries((e) => e.type === SCALAR);
  }

  /** Entries named `name`. */
  get(name: string): Resources {
    return this.filterEntries((e) => e.name === name);
  }

  /** Names present. */
  names(): Set<string> {
    const s = new Set<string>();
    for (const e of this.identities()) s.add(e.name);
    return s;
  }

  /** Type of each name present. */
  types(): Map<string, "SCALAR" | "RANGES" | "SET"> {
    const m = new Map<string, "SCALAR" | "RANGES" | "SET">();
    for (const e of this.identities()) m.set(e.name, TYPE_NAMES[e.type]);
    return m;
  }

  /** Total scalar thousandths named `name` over every entry (0 if none). */
  scalar(name: string): number {
    let t = 0;
    this.forEachScalarAmount((n, amount) => { if (n === name) t += amount; });
    return t;
  }

  /** Union of the ranges named `name` over every entry. */
  rangesOf(name: string): RangeSet {
    let r = RangeSet.EMPTY;
    for (const e of this.view()) if (e.name === name && e.type === RANGES) r = r.union(e.ranges!);
    return r;
  }

  /** Union of the set items named `name` over every entry. */
  setOf(name: string): readonly string[] {
    let s: readonly string[] = [];
    for (const e of this.view()) if (e.name === name && e.type === SET) s = unionSets(s, e.set!);
    return s;
  }

  // ------------------------------------------------------------------ reservations & allocation

  /** Reserved resources grouped by reservation role. */
  reservations(): Map<string, Resources> {
    const m = new Map<string, Resources>();
    for (const e of this.view()) {
      const role = e.meta.reservationRole;
      if (role === undefined) continue;
      let r = m.get(role);
      if (!r) { r = new Resources([]); m.set(role, r); }
      r.addEntry(e, true);
    }
    return m;
  }

  /** The same resources with every reservation removed (merging what becomes addable). */
  toUnreserved(): Resources {
    return this.mapMeta((m) => (m.reservations.length === 0 ? m : m.with({ reservations: [] })));
  }

  /**
   * Every resource re-reserved as one reservation (Mesos' `flatten`): unreserved
   * when `role` is undefined or `*`; else one reservation to `role`, DYNAMIC
   * with `reservation`'s principal and labels when `reservation` is given,
   * STATIC otherwise. Throws ResourceError for an invalid role or for `*`
   * with a reservation.
   */
  flatten(role?: string, reservation?: { principal?: string; labels?: ReservationInfo["labels"] }): Resources {
    if (role === undefined || role === "*") {
      if (reservation !== undefined) throw new ResourceError(`role "*" cannot be dynamically reserved`);
      return this.mapMeta((m) => (m.reservations.length === 0 ? m : m.with({ reservations: [] })));
    }
    const err = roleError(role);
    if (err) throw new ResourceError(`cannot flatten to role '${role}': ${err}`);
    const res: { -readonly [K in keyof ReservationInfo]: ReservationInfo[K] } = { type: reservation ? "DYNAMIC" : "STATIC", role };
    if (reservation?.principal !== undefined) res.principal = reservation.principal;
    if (reservation?.labels !== undefined) res.labels = reservation.labels.map((l) => ({ ...l }));
    const reservations = [res];
    return this.mapMeta((m) => m.with({ reservations }));
  }

  /** Adds a reservation on top of every resource's stack (it must refine the current one). */
  pushReservation(res: ReservationInfo): Resources {
    return this.mapMeta((m) => {
      const top = m.reservationRole;
      if (top !== undefined && (res.type !== "DYNAMIC" || !isStrictSubroleOf(res.role ?? "", top))) {
        throw new ResourceError(`reservation to '${res.role}' does not refine '${top}'`);
      }
      return m.with({ reservations: [...m.reservations, { ...res }] });
    });
  }

  /** Removes the last reservation of every resource (each must be reserved). */
  popReservation(): Resources {
    return this.mapMeta((m) => {
      if (m.reservations.length === 0) throw new ResourceError("cannot pop the reservation of an unreserved resource");
      return m.with({ reservations: m.reservations.slice(0, -1) });
    });
  }

  /** A copy with allocation info `role` on every entry (Mesos `allocate`). */
  allocate(role: string): Resources {
    return this.mapMeta((m) => m.allocatedTo(role));
  }

  /** A copy without allocation info. */
  unallocate(): Resources {
    return this.mapMeta((m) => m.unallocated());
  }

  /** Entries grouped by allocation role; throws ResourceError if an entry is not allocated (Mesos CHECKs this). */
  allocations(): Map<string, Resources> {
    const m = new Map<string, Resources>();
    for (const e of this.view()) {
      const role = e.meta.allocationRole;
      if (role === undefined) throw new ResourceError(`resource ${e.name} has no allocation role`);
      let r = m.get(role);
      if (!r) { r = new Resources([]); m.set(role, r); }
      r.addEntry(e, true);
    }
    return m;
  }

  /** Reservation role of a codec Resource (last reservation), or undefined when unreserved. */
  static reservationRole(r: Resource): string | undefined {
    const rs = r.reservations;
    return rs && rs.length > 0 ? rs[rs.length - 1]!.role : r.role !== undefined && r.role !== "*" ? r.role : undefined;
  }

  /** True when `r` is reserved (to `role` exactly, if given). */
  static isReserved(r: Resource, role?: string): boolean {
    const rr = Resources.reservationRole(r);
    return rr !== undefined && (role === undefined || rr === role);
  }

  /** True when `r` is reserved to `role` or to one of `role`'s ancestors, or is unreserved: `role` may use it. */
  static isAllocatableTo(r: Resource, role: string): boolean {
    const rr = Resources.reservationRole(r);
    return rr === undefined || rr === role || isStrictSubroleOf(role, rr);
  }

  /** True when the last reservation of `r` is DYNAMIC. */
  static isDynamicallyReserved(r: Resource): boolean {
    const rs = r.reservations;
    return !!rs && rs.length > 0 && rs[rs.length - 1]!.type === "DYNAMIC";
  }

  /** True when `r` is a persistent volume. */
  static isPersistentVolume(r: Resource): boolean {
    return r.disk?.persistence !== undefined;
  }

  /** True when `r` is not reserved. */
  static isUnreserved(r: Resource): boolean {
    return Resources.reservationRole(r) === undefined;
  }

  /** True when `r` is reserved to `role` or to a role below it (Mesos `isReservedToRoleSubtree`). */
  static isReservedToRoleSubtree(r: Resource, role: string): boolean {
    const rr = Resources.reservationRole(r);
    return rr !== undefined && isRoleOrSubrole(rr, role);
  }

  /** True when `r` has more than one reservation (Mesos `hasRefinedReservations`). */
  static hasRefinedReservations(r: Resource): boolean {
    return (r.reservations?.length ?? 0) > 1;
  }

  /** True when `r` is revocable. */
  static isRevocable(r: Resource): boolean {
    return r.revocable !== undefined;
  }

  /** True when `r` is shared. */
  static isShared(r: Resource): boolean {
    return r.shared !== undefined;
  }

  // ------------------------------------------------------------------ quantities

  /**
   * Calls `visit` with each scalar entry's name and amount in thousandths
   * (what `scalarQuantities` adds up per name), in entry order, building
   * nothing: for callers that keep quantities in their own form.
   */
  forEachScalarAmount(visit: (name: string, thousandths: number) => void): void {
    if (this.entries === null) {
      const t = this.shape!.templates, a = this.amounts!;
      for (let k = 0; k < t.length; k++) visit(t[k]!.name, a[k]!);
      return;
    }
    const es = this.entries;
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!;
      if (e.type === SCALAR) visit(e.name, scalarAmount(e));
    }
  }

  /** Per-name totals of the scalar entries, in thousandths (a shared volume counts once whatever its count, as Mesos). */
  scalarQuantities(): ResourceQuantities {
    const q = ResourceQuantities.empty();
    this.forEachScalarAmount((name, amount) => q.addAmount(name, amount));
    return q;
  }

  /**
   * Mesos' `shrinkResources`: walks the entries in order, one copy at a
   * time, keeping each scalar while its name's budget lasts. `limitOf(name)`
   * gives a name's budget in thousandths, read once per name and then spent;
   * for a name without one (`undefined`), an entry is kept whole, or dropped
   * when `absentMeansZero`. A scalar larger than what is left is cut down to
   * it when it is divisible (a plain resource) and dropped when it is not (a
   * shared resource, a persistent volume, a MOUNT or BLOCK disk: Mesos'
   * containment test fails for a smaller copy of those); a budget of zero
   * keeps nothing of its name. Ranges and sets whose name has a budget are
   * dropped. Returns this very bag (not a copy) when everything is kept.
   */
  shrinkScalars(limitOf: (name: string) => number | undefined, absentMeansZero: boolean): Resources {
    const es = this.view();
    const kept: Entry[] = [];
    let changed = false;
    let left: Map<string, number> | null = null;
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!;
      let limit = left === null ? undefined : left.get(e.name);
      if (limit === undefined) limit = limitOf(e.name);
      if (limit === undefined) {
        if (absentMeansZero) changed = true;
        else kept.push(e);
        continue;
      }
      if (e.type !== SCALAR) {
        changed = true;
        continue;
      }
      left ??= new Map();
      if (e.kind === NORMAL) {
        if (e.scalar <= limit) {
          kept.push(e);
          left.set(e.name, limit - e.scalar);
        } else {
          changed = true;
          if (limit > 0) kept.push(new Entry(e.id, e.name, e.type, e.meta, e.kind, limit, null, null, 1));
          left.set(e.name, 0);
        }
        continue;
      }
      // Indivisible copies: each fits whole or is dropped.
      const fit = e.scalar === 0 ? e.count : Math.min(e.count, Math.floor(limit / e.scalar));
      left.set(e.name, limit - fit * e.scalar);
      if (fit === e.count) kept.push(e);
      else {
        changed = true;
        if (fit > 0) kept.push(new Entry(e.id, e.name, e.type, e.meta, e.kind, e.scalar, null, null, fit));
      }
    }
    return changed ? Resources.fromEntries(kept) : this;
  }

  /** Scalars stripped of every metadata and merged per name (Mesos `createStrippedScalarQuantity`). */
  createStrippedScalarQuantity(): Resources {
    const r = new Resources([]);
    this.forEachScalarAmount((name, amount) => r.addEntry(Entry.make(name, SCALAR, PLAIN, amount, null, null), false));
    return r;
  }

  /**
   * True when the bag holds at least the given quantities (Mesos
   * `contains(ResourceQuantities)`): per name, scalars add up, and ranges and
   * sets count their values.
   */
  containsQuantities(q: ResourceQuantities): boolean {
    if (this.entries === null) {
      // Column form: plain scalars, read from the columns (no entries built).
      const t = this.shape!.templates, a = this.amounts!;
      for (const [name, need] of q.entries()) {
        let have = 0;
        for (let k = 0; k < t.length; k++) if (t[k]!.name === name) have += a[k]!;
        if (have < need) return false;
      }
      return true;
    }
    for (const [name, need] of q.entries()) {
      let have = 0;
      for (const e of this.view()) {
        if (e.name !== name) continue;
        have += e.type === SCALAR ? e.scalar : e.type === RANGES ? e.ranges!.count() * 1000 : e.set!.length * 1000;
        if (have >= need) break;
      }
      if (have < need) return false;
    }
    return true;
  }

  // ------------------------------------------------------------------ internals (hot loops)

  /** Internal: the entries (read-only use; for the Wasm/columnar adapters). */
  entryList(): readonly Entry[] {
    return this.view();
  }

  /** The entries; a bag in column form turns to entry form first (for every path that does not read columns). */
  private list(): Entry[] {
    return this.entries ?? this.materialize();
  }

  /**
   * Turns a bag in column form into entry form: each position becomes its
   * template when the amount is the template's (shared, copy on write) and a
   * new entry this bag owns otherwise (owned by none when frozen).
   */
  private materialize(): Entry[] {
    const es = this.columnEntries(this.derived === null ? this : null);
    this.entries = es;
    this.shape = null;
    this.amounts = null;
    this.index = null;
    return es;
  }

  /**
   * The entries for reading only, leaving the bag's form as it is: in
   * column form, the shape's templates, or a fresh list of entries that no
   * bag owns where amounts have changed (see columnEntries).
   * For an operand, so that `agent.subtract(task)` does not turn `task`,
   * which may be added and subtracted by columns elsewhere, to entry form.
   */
  private view(): readonly Entry[] {
    const es = this.entries;
    if (es !== null) return es;
    // While every amount is its template's (a bag as parsed from the text that made its shape), the templates themselves.
    const t = this.shape!.templates, a = this.amounts!;
    for (let k = 0; k < t.length; k++) if (t[k]!.scalar !== a[k]) return this.columnEntries(null);
    return t;
  }

  /**
   * The entries for reading identities and metadata only (names, types,
   * roles, flags), never amounts: in column form, the shape's templates as
   * they are, whose amounts may be another bag's (parse shares shapes).
   */
  private identities(): readonly Entry[] {
    return this.entries ?? this.shape!.templates;
  }

  /**
   * A column-form bag's entries: each position is its template when the
   * amount is the template's (shared, copy on write), else a new entry owned
   * by `owner`.
   */
  private columnEntries(owner: Resources | null): Entry[] {
    const t = this.shape!.templates, a = this.amounts!;
    const es = new Array<Entry>(t.length);
    for (let k = 0; k < t.length; k++) {
      const x = t[k]!, v = a[k]!;
      es[k] = x.scalar === v ? x : new Entry(x.id, x.name, x.type, x.meta, x.kind, v, null, null, 1, owner);
    }
    return es;
  }

  /** Puts this bag in column form with `shape` and `amounts` (which it then owns). */
  private toColumns(shape: ScalarShape, amounts: number[]): void {
    this.entries = null;
    this.index = null;
    this.shape = shape;
    this.amounts = amounts;
  }

  /** When `os` lists this bag's identities in its order, makes it this bag's shape (so the next test is one comparison) and returns true. */
  private takeShape(os: ScalarShape): boolean {
    if (!sameShape(this.shape!, os)) return false;
    this.shape = os;
    return true;
  }

  // The internals below run in entry form only (their callers turn a bag to
  // entry form first, with `list()`), so they read `entries` directly: with
  // a `list()` in each, a loop summing 10,000 bags took 1.11x the time
  // (`ONLY="sum of 10,000" node scripts/ab-resources.mjs`, three pairs).

  /** Position of the entry with identity `id`, or -1. */
  private find(id: number): number {
    const idx = this.index;
    if (idx !== null) return idx.get(id);
    const es = this.entries!;
    for (let i = 0; i < es.length; i++) if (es[i]!.id === id) return i;
    return -1;
  }

  /**
   * `find` trying position `guess` first: bags built the same way keep an
   * identity at the same position, so the guess usually holds.
   */
  private findFrom(id: number, guess: number): number {
    const g = this.entries![guess];
    return g !== undefined && g.id === id ? guess : this.find(id);
  }

  private buildIndex(): void {
    const es = this.entries!;
    const idx = new IdIndex(es.length);
    for (let i = 0; i < es.length; i++) idx.set(es[i]!.id, i);
    this.index = idx;
  }

  /** Makes the entry at `at` one this bag owns (copying a shared one) and returns it. */
  private own(at: number): Entry {
    const e = this.entries![at]!;
    if (e.owner === this) return e;
    const c = e.clone(this);
    this.entries![at] = c;
    return c;
  }

  /** Appends an entry this bag owns. */
  private insert(e: Entry): void {
    const es = this.entries!;
    if (this.index !== null) this.index.set(e.id, es.length);
    es.push(e);
    if (this.index === null && es.length > INDEX_THRESHOLD) this.buildIndex();
  }

  /** Removes the entry at `at` (the last entry takes its place, as in Mesos). */
  private removeAt(at: number): void {
    const es = this.entries!;
    const gone = es[at]!;
    const last = es.pop()!;
    if (at < es.length) {
      es[at] = last;
      if (this.index !== null) this.index.set(last.id, at);
    }
    if (this.index !== null) this.index.delete(gone.id);
  }

  /** Adds one entry (copied when `copy`); empty values are ignored. */
  private addEntry(e: Entry, copy: boolean): void {
    this.addAt(this.find(e.id), e, copy);
  }

  /** Adds `e` into the entry at `at` (the same identity), or appends it when `at` is -1. */
  private addAt(at: number, e: Entry, copy: boolean): void {
    if (e.count <= 0) return;
    if (at < 0) {
      if (e.isEmptyValue()) return;
      if (copy) e = e.clone(this); else e.owner = this;
      this.insert(e);
      return;
    }
    const mine = this.own(at);
    if (mine.kind === NORMAL) {
      if (e.type === SCALAR) mine.scalar += e.scalar;
      else if (e.type === RANGES) mine.ranges = rangeOps.union(mine.ranges!, e.ranges!);
      else mine.set = unionSets(mine.set!, e.set!);
    } else {
      mine.count += e.count;
    }
  }

  /** Subtracts `e` from the entry at `at` (the same identity), dropping it when empty or negative. */
  private subtractAt(at: number, e: Entry): void {
    const mine = this.entries![at]!;
    if (mine.kind === NORMAL) {
      if (e.type === SCALAR) {
        const left = mine.scalar - e.scalar;
        if (left <= 0) this.removeAt(at); else this.own(at).scalar = left;
      } else if (e.type === RANGES) {
        const left = rangeOps.subtract(mine.ranges!, e.ranges!);
        if (left.isEmpty()) this.removeAt(at); else this.own(at).ranges = left;
      } else {
        const left = subtractSets(mine.set!, e.set!);
        if (left.length === 0) this.removeAt(at); else this.own(at).set = left;
      }
    } else {
      const left = mine.count - e.count;
      if (left <= 0) this.removeAt(at); else this.own(at).count = left;
    }
  }

  private filterEntries(pred: (e: Entry) => boolean): Resources {
    const r = new Resources([]);
    for (const e of this.view()) if (pred(e)) { e.owner = null; r.insert(e); }
    return r;
  }

  private mapMeta(f: (m: Meta) => Meta): Resources {
    const r = new Resources([]);
    for (const e of this.view()) {
      const m = f(e.meta);
      r.addEntry(m === e.meta ? e : e.withMeta(m), m === e.meta);
    }
    return r;
  }
}
