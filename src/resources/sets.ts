/**
 * Mesos `Value::Set` (sets of strings) kept as sorted arrays of distinct
 * strings (code-unit order), so union, difference, inclusion and equality
 * are linear merges. Arrays passed in and returned are never mutated.
 */

/** Sorts and de-duplicates items into the canonical form. */
export function canonicalSet(items: Iterable<string>): readonly string[] {
  const a = Array.from(new Set(items));
  a.sort(compareStrings);
  return a;
}

/** Code-unit string order (the canonical order of set items). */
export function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Union of two canonical sets. */
export function unionSets(a: readonly string[], b: readonly string[]): readonly string[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: string[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!, y = b[j]!;
    if (x === y) { out.push(x); i++; j++; }
    else if (x < y) { out.push(x); i++; }
    else { out.push(y); j++; }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** Items of `a` that are not in `b`. */
export function subtractSets(a: readonly string[], b: readonly string[]): readonly string[] {
  if (a.length === 0 || b.length === 0) return a;
  const out: string[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]! < x) j++;
    if (j < b.length && b[j] === x) continue;
    out.push(x);
  }
  return out;
}

/** True when every item of `b` is in `a`. */
export function containsSet(a: readonly string[], b: readonly string[]): boolean {
  if (b.length > a.length) return false;
  let i = 0;
  for (const y of b) {
    while (i < a.length && a[i]! < y) i++;
    if (i >= a.length || a[i] !== y) return false;
    i++;
  }
  return true;
}

/** True when both canonical sets hold the same items. */
export function equalSets(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Mesos text form `{a,b}` (`{}` when empty). */
export function formatSet(a: readonly string[]): string {
  return "{" + a.join(",") + "}";
}
