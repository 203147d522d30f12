/** Helpers that damage valid values, for tests of the codec's handling of malformed input. */
import fc from "fast-check";

/** Values that fit no field, or only some: wrong types, out-of-range numbers, lone surrogates, unknown enum names. */
export const JUNK: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withBigInt: true, withMap: true, withTypedArray: true }),
  fc.constantFrom(-1, 2 ** 32, -1n, 2n ** 64n, "\ud800", "NOT_AN_ENUM", NaN, null, [], {}, new Map([[1, 2]])),
);

/** Replaces one nested property of `value` (chosen by `pick`) with `junk`. */
export function corrupt(value: unknown, pick: number, junk: unknown): unknown {
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach((y, i) => { slots.push([x, i]); walk(y); });
    else if (x instanceof Map) [...x.values()].forEach(walk);
    else if (typeof x === "object" && x !== null && !(x instanceof Uint8Array)) {
      for (const [k, y] of Object.entries(x)) { slots.push([x as Record<string, unknown>, k]); walk(y); }
    }
  };
  const copy = structuredClone(value);
  walk(copy);
  if (slots.length === 0) return junk;
  const [holder, key] = slots[pick % slots.length]!;
  (holder as Record<string | number, unknown>)[key] = junk;
  return copy;
}

