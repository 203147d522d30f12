/**
 * A read-only array whose elements are computed on first use: any read
 * (`length`, an index, iteration, `includes`, `join`, ...) computes them
 * once. For exported lists whose contents are costly to build and that most
 * importers never read (the codec's type names need the whole schema).
 * Writes through it fail (in strict code, they throw a TypeError).
 */
export function lazyList<T>(make: () => readonly T[]): readonly T[] {
  let list: T[] | undefined;
  const real = (): T[] => (list ??= [...make()]);
  return new Proxy<T[]>([], {
    // Methods (from Array.prototype) run with `this` = the proxy, so their
    // reads come back here and their writes meet the traps below.
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(real(), key),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}
