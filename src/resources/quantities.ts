/**
 * Mesos `ResourceQuantities`: resource name -> scalar amount, what quota, DRF
 * shares and minimum allocatable sizes are computed on. Amounts are integer
 * thousandths (Mesos' fixed point). Entries are kept per name; `toString`
 * lists them sorted by name (Mesos keeps them sorted).
 */
import { ResourceParseError } from "./errors.js";
import { formatFixed } from "./fixed.js";
import { parseValue } from "./value.js";
import { toFixed } from "./fixed.js";

/** name -> thousandths. */
export class ResourceQuantities {
  private readonly map: Map<string, number>;

  private constructor(map?: Map<string, number>) {
    this.map = map ?? new Map();
  }

  /**
   * Reads `cpus:1;mem:32` as Mesos' `ResourceQuantities::fromString` (scalars
   * only; names trimmed; a repeated name adds up; a value that rounds to zero
   * at 3 decimals is zero), except that zero entries are kept (drfcore's
   * contract, e.g. a quota limit `cpus:0`; Mesos drops them). Negative,
   * non-finite, non-scalar or malformed values throw ResourceParseError.
   */
  static parse(text: string): ResourceQuantities {
    const q = new ResourceQuantities();
    if (text.trim() === "{}") return q; // how an empty ResourceQuantities prints
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf(";", start);
      if (end < 0) end = text.length;
      if (end > start) {
        const token = text.slice(start, end);
        const parts = token.split(":").filter((p) => p.length > 0);
        const fail: (why: string) => never = (why) => {
          throw new ResourceParseError(`invalid quantity '${token}' at offset ${start}: ${why}`, text, start, token);
        };
        if (parts.length !== 2) fail("expecting one ':' between a name and a value");
        const name = parts[0]!.trim();
        if (name.length === 0) fail("empty resource name");
        const v = parseValue(parts[1]!);
        if ("error" in v) fail(v.error);
        if (v.type !== "SCALAR") fail("only scalar quantities are allowed");
        // Mesos: negative is an error; a value that rounds to zero at 3 decimals is zero.
        const x = v.scalar;
        if (x < 0) fail(`negative values are not allowed`);
        const f = toFixed(x);
        if (!(f >= 0)) fail(`'${x}' is not a finite quantity`);
        q.map.set(name, (q.map.get(name) ?? 0) + f);
      }
      start = end + 1;
    }
    return q;
  }

  /** No quantities. */
  static empty(): ResourceQuantities {
    return new ResourceQuantities();
  }

  /** Builds from (name, thousandths) pairs; amounts add up per name; negative amounts are invalid. */
  static fromEntries(entries: Iterable<readonly [string, number]>): ResourceQuantities {
    const q = new ResourceQuantities();
    for (const [name, v] of entries) {
      if (!(v >= 0) || !Number.isInteger(v)) throw new RangeError(`quantity of ${name} must be a non-negative integer of thousandths, got ${v}`);
      q.map.set(name, (q.map.get(name) ?? 0) + v);
    }
    return q;
  }

  /** Sum of the scalar values per name of `r` (any role, reservation or metadata). */
  static fromResources(r: { scalarQuantities(): ResourceQuantities }): ResourceQuantities {
    return r.scalarQuantities();
  }

  /** Thousandths of `name`, 0 if absent. */
  get(name: string): number {
    return this.map.get(name) ?? 0;
  }

  /** True when `name` has an entry (even a zero one). */
  has(name: string): boolean {
    return this.map.has(name);
  }

  /** Names with an entry, sorted. */
  names(): string[] {
    return [...this.map.keys()].sort();
  }

  /** Calls `visit` with each entry's thousandths and name, in no particular order (no sorting, nothing built). */
  forEach(visit: (thousandths: number, name: string) => void): void {
    this.map.forEach(visit);
  }

  /** (name, thousandths) pairs, sorted by name. */
  entries(): Iterable<[string, number]> {
    return this.names().map((n) => [n, this.map.get(n)!] as [string, number]);
  }

  /** Number of entries. */
  get size(): number {
    return this.map.size;
  }

  /** A copy. */
  clone(): ResourceQuantities {
    return new ResourceQuantities(new Map(this.map));
  }

  /** this + o. */
  plus(o: ResourceQuantities): ResourceQuantities {
    return this.clone().add(o);
  }

  /** this - o per name; a name that would go to zero or below is removed (Mesos). */
  minus(o: ResourceQuantities): ResourceQuantities {
    return this.clone().subtract(o);
  }

  /** In place this += o. */
  add(o: ResourceQuantities): this {
    for (const [n, v] of o.map) this.map.set(n, (this.map.get(n) ?? 0) + v);
    return this;
  }

  /** In place this -= o (entries reaching zero or below are removed). */
  subtract(o: ResourceQuantities): this {
    for (const [n, v] of o.map) {
      const mine = this.map.get(n);
      if (mine === undefined) continue;
      if (mine <= v) this.map.delete(n);
      else this.map.set(n, mine - v);
    }
    return this;
  }

  /** Every name of `o` has at least as much here. */
  contains(o: ResourceQuantities): boolean {
    for (const [n, v] of o.map) if ((this.map.get(n) ?? 0) < v) return false;
    return true;
  }

  /** Same names with the same amounts. */
  equals(o: ResourceQuantities): boolean {
    if (this.map.size !== o.map.size) return false;
    for (const [n, v] of this.map) if (o.map.get(n) !== v) return false;
    return true;
  }

  /** True when there is no entry. */
  isEmpty(): boolean {
    return this.map.size === 0;
  }

  /** `cpus:1;mem:32`, sorted by name; `{}` when empty. */
  toString(): string {
    if (this.map.size === 0) return "{}";
    return this.names().map((n) => n + ":" + formatFixed(this.map.get(n)!)).join(";");
  }

  /** Internal: adds thousandths to a name (no checks). */
  addAmount(name: string, thousandths: number): void {
    this.map.set(name, (this.map.get(name) ?? 0) + thousandths);
  }
}
