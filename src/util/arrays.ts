/**
 * Empty arrays made in V8's general element kinds from the start. An empty
 * `[]` starts as an array of small integers and changes kind at its first
 * object element; code compiled while one array had one kind discards
 * itself ("wrong map") when the next array it meets has the other. Arrays
 * that a cycle creates afresh, or that one function receives from several
 * places, are made here instead.
 */

/** An empty array of packed object elements (filled by `push`). */
export function objectArray<T>(): T[] {
  const a = [null] as T[];
  a.pop();
  return a;
}

/** An empty array of holey object elements (filled at scattered indexes). */
export function sparseArray<T>(): T[] {
  const a: T[] = [];
  a[1] = undefined as T;
  a.length = 0;
  return a;
}
