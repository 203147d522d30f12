/**
 * The read-only maps an offer callback receives (role -> agent ->
 * resources). A cycle builds one per framework and role with the entries
 * in the order they were offered; kept as two arrays instead of a `Map`,
 * an offer costs an array append instead of a hash insert (and the rehashes
 * of a growing table), and a callback that only iterates never pays for a
 * hash table at all: `get` and `has` build one on first use.
 */
import { objectArray } from "../util/arrays.js";

/** A `ReadonlyMap` over insertion-ordered key and value arrays (keys distinct). */
export class OfferMap<K, V> implements ReadonlyMap<K, V> {
  private readonly ks: K[] = objectArray();
  private readonly vs: V[] = objectArray();
  /** Key -> position, built by the first lookup in a map of more than 8 entries and kept up to date after (smaller ones are scanned). */
  private index: Map<K, number> | null = null;

  /** Appends an entry whose key is not in the map yet (the caller guarantees it). */
  append(key: K, value: V): void {
    if (this.index !== null) this.index.set(key, this.ks.length);
    this.ks.push(key);
    this.vs.push(value);
  }

  /** Sets `key` to `value`: replaces the value in place when the key is present, else appends. */
  set(key: K, value: V): void {
    const at = this.position(key);
    if (at >= 0) this.vs[at] = value;
    else this.append(key, value);
  }

  private position(key: K): number {
    let index = this.index;
    if (index === null) {
      if (this.ks.length <= 8) return this.ks.indexOf(key);
      index = new Map();
      for (let i = 0; i < this.ks.length; i++) index.set(this.ks[i]!, i);
      this.index = index;
    }
    return index.get(key) ?? -1;
  }

  get size(): number {
    return this.ks.length;
  }

  get(key: K): V | undefined {
    const at = this.position(key);
    return at < 0 ? undefined : this.vs[at];
  }

  has(key: K): boolean {
    return this.position(key) >= 0;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.ks.length; i++) callback.call(thisArg, this.vs[i]!, this.ks[i]!, this);
  }

  entries(): MapIterator<[K, V]> {
    return new OfferMapIterator(this.ks, this.vs, ENTRIES) as unknown as MapIterator<[K, V]>;
  }

  keys(): MapIterator<K> {
    return new OfferMapIterator(this.ks, this.vs, KEYS) as unknown as MapIterator<K>;
  }

  values(): MapIterator<V> {
    return new OfferMapIterator(this.ks, this.vs, VALUES) as unknown as MapIterator<V>;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return "OfferMap";
  }
}

const KEYS = 0, VALUES = 1, ENTRIES = 2;

/**
 * The iterator of an `OfferMap` (a small class rather than a generator:
 * V8 inlines its `next` into the caller's loop).
 */
class OfferMapIterator<K, V> {
  private i = 0;

  constructor(
    private readonly ks: readonly K[],
    private readonly vs: readonly V[],
    private readonly kind: number,
  ) {}

  next(): IteratorResult<K | V | [K, V], undefined> {
    const i = this.i;
    if (i >= this.ks.length) return { value: undefined, done: true };
    this.i = i + 1;
    const kind = this.kind;
    return { value: kind === VALUES ? this.vs[i]! : kind === KEYS ? this.ks[i]! : [this.ks[i]!, this.vs[i]!], done: false };
  }

  [Symbol.iterator](): this {
    return this;
  }
}
