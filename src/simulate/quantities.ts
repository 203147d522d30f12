/**
 * Scalar bookkeeping for the simulation: name -> amount in thousandths (the
 * fixed point Mesos and `src/resources` use), as plain integers so sums are
 * exact. The simulator keeps its own books with these, independently of the
 * allocator, so the allocator's views can be checked against them.
 */

/** Scalar amounts by resource name, in thousandths. */
export type Quantities = Map<string, number>;

/** Adds `b` into `a` in place and returns `a`. */
export function addInto(a: Quantities, b: Quantities): Quantities {
  for (const [name, v] of b) a.set(name, (a.get(name) ?? 0) + v);
  return a;
}

/** Subtracts `b` from `a` in place (may go negative; callers check) and returns `a`. */
export function subtractInto(a: Quantities, b: Quantities): Quantities {
  for (const [name, v] of b) a.set(name, (a.get(name) ?? 0) - v);
  return a;
}

/** True when `have` holds at least `need` of every name in `need`. */
export function fits(need: Quantities, have: Quantities): boolean {
  for (const [name, v] of need) if ((have.get(name) ?? 0) < v) return false;
  return true;
}

/**
 * The dominant share of `used` against `total`: the largest used/total ratio
 * over the names of `total` that are not excluded (Mesos' DRF, before weights).
 */
export function dominantShare(used: Quantities, total: Quantities, exclude: ReadonlySet<string> = new Set()): number {
  let share = 0;
  for (const [name, t] of total) {
    if (t <= 0 || exclude.has(name)) continue;
    const s = (used.get(name) ?? 0) / t;
    if (s > share) share = s;
  }
  return share;
}

/** Formats quantities the way Mesos' text form does: `cpus:1.5;mem:256`. */
export function formatQuantities(q: Quantities): string {
  const parts: string[] = [];
  for (const [name, v] of q) if (v !== 0) parts.push(`${name}:${v / 1000}`);
  return parts.join(";");
}
