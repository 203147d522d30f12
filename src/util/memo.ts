/**
 * Memos of values derived from immutable key objects (the allocator's
 * Resources), fronted by a one-entry cache of the last key, because callers
 * ask about the same object many times in a row (agents of one shape added
 * one after another, one agent's offer seen by several steps), and an
 * identity compare is much cheaper than any lookup. A key that keeps slots
 * of its own (`DerivedSlots`: a frozen Resources) holds the value itself;
 * any other key's value goes into a WeakMap per memo, so entries go when
 * their keys do.
 */

/**
 * A key that keeps values derived from it in numbered slots of its own
 * (Resources does, once frozen: it cannot change, so what was derived from
 * it stays true). A memo then stores its value in the key itself, which costs
 * less than a WeakMap insert, and its lookups and GC, when many distinct keys
 * are asked once each. `derivedSet` returns false, storing nothing, when the
 * key keeps no slots (an unfrozen Resources): the memo falls back to its
 * WeakMap.
 */
export interface DerivedSlots {
  derivedGet(slot: number): unknown;
  derivedSet(slot: number, value: unknown): boolean;
}

let nextSlot = 0;
/** A slot number for one memo, distinct from every other memo's. */
function takeSlot(): number {
  return nextSlot++;
}

function hasSlots(key: object): key is DerivedSlots {
  return typeof (key as Partial<DerivedSlots>).derivedGet === "function";
}

/** `compute(key)`, computed once per key object. `compute` must not return undefined. */
export class ObjectMemo<K extends object, V> {
  private readonly map = new WeakMap<K, V>();
  private readonly slot = takeSlot();
  private lastKey: K | null = null;
  private last: V | undefined = undefined;

  constructor(private readonly compute: (key: K) => V) {}

  /** The memoized value for `key`, computing it on the first ask. */
  get(key: K): V {
    if (key === this.lastKey) return this.last as V;
    const slotted = hasSlots(key);
    let v = slotted ? (key.derivedGet(this.slot) as V | undefined) : undefined;
    if (v === undefined) {
      v = this.map.get(key);
      if (v === undefined) {
        v = this.compute(key);
        if (!slotted || !key.derivedSet(this.slot, v)) this.map.set(key, v);
      }
    }
    this.lastKey = key;
    this.last = v;
    return v;
  }

  /** Records `value` as the memoized value for `key` (for a value known from elsewhere, such as an inverse). */
  remember(key: K, value: V): void {
    if (!hasSlots(key) || !key.derivedSet(this.slot, value)) this.map.set(key, value);
    if (key === this.lastKey) this.last = value;
  }
}

/** `compute(a, b)`, computed once per pair of key objects. `compute` must not return undefined. */
export class PairMemo<A extends object, B extends object, V> {
  private readonly map = new WeakMap<A, WeakMap<B, V>>();
  private readonly slot = takeSlot();
  private lastA: A | null = null;
  private lastB: B | null = null;
  private last: V | undefined = undefined;

  constructor(private readonly compute: (a: A, b: B) => V) {}

  /** The memoized value for `(a, b)`, computing it on the first ask. */
  get(a: A, b: B): V {
    if (a === this.lastA && b === this.lastB) return this.last as V;
    // A key with slots keeps its first pair there (most keys meet one partner).
    const slotted = hasSlots(a);
    const first = slotted ? (a.derivedGet(this.slot) as PairCell<B, V> | undefined) : undefined;
    let v: V | undefined;
    if (first !== undefined && first.b === b) v = first.v;
    else {
      let inner = this.map.get(a);
      v = inner?.get(b);
      if (v === undefined) {
        v = this.compute(a, b);
        if (!slotted || first !== undefined || !a.derivedSet(this.slot, { b, v })) {
          if (inner === undefined) this.map.set(a, (inner = new WeakMap()));
          inner.set(b, v);
        }
      }
    }
    this.lastA = a;
    this.lastB = b;
    this.last = v;
    return v;
  }
}

/** The first (partner, value) pair a PairMemo keeps in a key's slot. */
interface PairCell<B, V> {
  readonly b: B;
  readonly v: V;
}

/**
 * `compute(key, name)` for a key object and a string (a role), computed once
 * per pair: a WeakMap of per-key Maps (no last-key cache; callers alternate
 * names).
 */
export class NamedMemo<K extends object, V> {
  private readonly map = new WeakMap<K, Map<string, V>>();
  private readonly slot = takeSlot();

  constructor(private readonly compute: (key: K, name: string) => V) {}

  /** The memoized value for `(key, name)`, computing it on the first ask. */
  get(key: K, name: string): V {
    const slotted = hasSlots(key);
    let byName = slotted ? (key.derivedGet(this.slot) as Map<string, V> | undefined) : undefined;
    if (byName === undefined) byName = this.map.get(key);
    if (byName === undefined) {
      byName = new Map();
      if (!slotted || !key.derivedSet(this.slot, byName)) this.map.set(key, byName);
    }
    let v = byName.get(name);
    if (v === undefined) {
      v = this.compute(key, name);
      byName.set(name, v);
    }
    return v;
  }
}
