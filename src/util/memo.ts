/**
 * Memos of values derived from immutable key objects (the allocator's
 * Resources): a WeakMap per memo, so entries go when their keys do, fronted
 * by a one-entry cache of the last key, because callers ask about the same
 * object many times in a row (agents of one shape added one after another,
 * one agent's offer seen by several steps), and an identity compare is much
 * cheaper than a WeakMap probe.
 */

/** `compute(key)`, computed once per key object. `compute` must not return undefined. */
export class ObjectMemo<K extends object, V> {
  private readonly map = new WeakMap<K, V>();
  private lastKey: K | null = null;
  private last: V | undefined = undefined;

  constructor(private readonly compute: (key: K) => V) {}

  /** The memoized value for `key`, computing it on the first ask. */
  get(key: K): V {
    if (key === this.lastKey) return this.last as V;
    let v = this.map.get(key);
    if (v === undefined) {
      v = this.compute(key);
      this.map.set(key, v);
    }
    this.lastKey = key;
    this.last = v;
    return v;
  }

  /** Records `value` as the memoized value for `key` (for a value known from elsewhere, such as an inverse). */
  remember(key: K, value: V): void {
    this.map.set(key, value);
    if (key === this.lastKey) this.last = value;
  }
}

/** `compute(a, b)`, computed once per pair of key objects. `compute` must not return undefined. */
export class PairMemo<A extends object, B extends object, V> {
  private readonly map = new WeakMap<A, WeakMap<B, V>>();
  private lastA: A | null = null;
  private lastB: B | null = null;
  private last: V | undefined = undefined;

  constructor(private readonly compute: (a: A, b: B) => V) {}

  /** The memoized value for `(a, b)`, computing it on the first ask. */
  get(a: A, b: B): V {
    if (a === this.lastA && b === this.lastB) return this.last as V;
    let inner = this.map.get(a);
    if (inner === undefined) this.map.set(a, (inner = new WeakMap()));
    let v = inner.get(b);
    if (v === undefined) {
      v = this.compute(a, b);
      inner.set(b, v);
    }
    this.lastA = a;
    this.lastB = b;
    this.last = v;
    return v;
  }
}

/**
 * `compute(key, name)` for a key object and a string (a role), computed once
 * per pair: a WeakMap of per-key Maps (no last-key cache; callers alternate
 * names).
 */
export class NamedMemo<K extends object, V> {
  private readonly map = new WeakMap<K, Map<string, V>>();

  constructor(private readonly compute: (key: K, name: string) => V) {}

  /** The memoized value for `(key, name)`, computing it on the first ask. */
  get(key: K, name: string): V {
    let byName = this.map.get(key);
    if (byName === undefined) this.map.set(key, (byName = new Map()));
    let v = byName.get(name);
    if (v === undefined) {
      v = this.compute(key, name);
      byName.set(name, v);
    }
    return v;
  }
}
