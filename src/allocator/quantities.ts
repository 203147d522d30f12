/**
 * Dense scalar quantity vectors for the sorters and quota bookkeeping: every
 * resource name gets a small integer index from one process-wide table, and a
 * vector holds thousandths (Mesos' fixed point) per index. These are pure
 * bookkeeping of totals that `src/resources/` computed; no resource semantics
 * live here.
 */
import type { ResourceQuantities, Resources } from "../resources/index.js";

/** Interns resource names into small indexes. */
export class NameTable {
  private readonly ids = new Map<string, number>();
  /** Names by index. */
  readonly names: string[] = [];

  /** Index of `name`, assigning the next one if it is new. */
  id(name: string): number {
    let i = this.ids.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.ids.set(name, i);
      this.names.push(name);
    }
    return i;
  }

  /** Index of `name` or -1 when it was never seen. */
  find(name: string): number {
    return this.ids.get(name) ?? -1;
  }
}

/** The table every allocator in the process shares (names are few and stable). */
export const NAMES = new NameTable();

/** Thousandths per name index; missing indexes count as 0. */
export type QVec = number[];

/**
 * An empty vector. Every QVec is made here (or copied from one made here),
 * so that all of them hold doubles from the start and share one hidden
 * class: a cluster's total memory in thousandths passes 2^31 (V8's
 * small-integer range) after ~500 agents, and vectors that start with
 * small-integer elements then change representation under the optimized
 * code that reads them, and mixed representations make that code
 * polymorphic: each new combination discarded the optimized code of every
 * function that had inlined `qAdd`/`qSub` (a deoptimization), several of
 * them in the first cycles.
 */
export function newQVec(): QVec {
  const v: QVec = [0.5];
  v.pop();
  return v;
}

/** v[name's index] += amount, growing `v` with zeros as far as the index. */
function addNamed(v: QVec, name: string, amount: number): void {
  const i = NAMES.id(name);
  while (v.length <= i) v.push(0);
  v[i]! += amount;
}

/** A vector from a `ResourceQuantities` (thousandths per name). */
export function qvecFrom(q: ResourceQuantities): QVec {
  const v = newQVec();
  q.forEach((amount, name) => addNamed(v, name, amount));
  return v;
}

/** The scalar quantities of `r` as a vector (what `qvecFrom(r.scalarQuantities())` gives, without the map in between). */
export function scalarQVec(r: Resources): QVec {
  const v = newQVec();
  r.forEachScalarAmount((name, amount) => addNamed(v, name, amount));
  return v;
}

/** a += b. */
export function qAdd(a: QVec, b: QVec): void {
  while (a.length < b.length) a.push(0);
  for (let i = 0; i < b.length; i++) a[i]! += b[i]!;
}

/** a -= b, flooring each entry at 0 (Mesos' quantity subtraction). */
export function qSub(a: QVec, b: QVec): void {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    a[i] = d > 0 ? d : 0;
  }
}

/** True when every entry is 0. */
export function qIsEmpty(a: QVec): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
  return true;
}

/** Plain object form {name: amount in units}, for views and errors. */
export function qToRecord(a: QVec): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) out[NAMES.names[i]!] = a[i]! / 1000;
  return out;
}
