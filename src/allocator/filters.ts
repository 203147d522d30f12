/**
 * Decline filters of one framework in one role, stored column-wise: a
 * filter is an index into parallel arrays (resources, expiry, agent, next
 * in the agent's chain, generation), not an object. Millions of live
 * filters (a cluster whose frameworks decline with long refuse times) then
 * cost a few large arrays instead of millions of small objects for the
 * garbage collector to trace, and the per-agent lookup is one Map probe
 * keyed by the agent's state object.
 */
import type { Resources } from "../resources/index.js";
import { copyGrown } from "../util/typed-arrays.js";

/** A handle on one filter that stays valid until the filter is removed (then `live` says no). */
export interface FilterRef<A extends object> {
  table: FilterTable<A>;
  index: number;
  generation: number;
}

/** The filters of one (framework, role), per agent, in the order they were added. */
export class FilterTable<A extends object> {
  /** Agent -> index of its first filter (chained through `next`). */
  private readonly heads = new Map<A, number>();
  private readonly resources: (Resources | undefined)[] = [];
  private readonly agents: (A | undefined)[] = [];
  /**
   * The numeric columns are typed arrays (grown by doubling): their
   * contents live outside the JS heap, so the young-generation collector
   * neither scans nor copies them as a table grows by a filter per decline.
   */
  private expiry = new Float64Array(0);
  private next = new Int32Array(0);
  private generations = new Int32Array(0);
  /** The last offer each filter was checked against, and whether it covered it (1) or not (0). */
  private readonly memoOffer: (Resources | undefined)[] = [];
  private memoCovers = new Uint8Array(0);
  private readonly free: number[] = [];
  private count = 0;

  /** Number of filters in the table. */
  size(): number {
    return this.count;
  }

  /** Adds a filter refusing `resources` on `agent` until `expiresAt`; returns its index. */
  add(agent: A, resources: Resources, expiresAt: number): number {
    const i = this.free.length > 0 ? this.free.pop()! : this.resources.length;
    if (i >= this.next.length) this.grow(i + 1);
    this.resources[i] = resources;
    this.expiry[i] = expiresAt;
    this.agents[i] = agent;
    this.next[i] = -1;
    this.memoOffer[i] = undefined;
    this.memoCovers[i] = 0;
    const head = this.heads.get(agent);
    if (head === undefined) {
      this.heads.set(agent, i);
    } else {
      let j = head;
      while (this.next[j]! >= 0) j = this.next[j]!;
      this.next[j] = i;
    }
    this.count++;
    return i;
  }

  /** Grows the numeric columns to at least `n` slots (new slots: generation 0). */
  private grow(n: number): void {
    const cap = Math.max(n, this.next.length * 2, 16);
    this.expiry = copyGrown(this.expiry, cap);
    this.next = copyGrown(this.next, cap);
    this.generations = copyGrown(this.generations, cap);
    this.memoCovers = copyGrown(this.memoCovers, cap);
  }

  /** The current generation of slot `index` (bumped on removal, so stale references can be told apart). */
  generation(index: number): number {
    return this.generations[index]!;
  }

  /** Whether `index` still holds the filter that had `generation` when it was added. */
  live(index: number, generation: number): boolean {
    return this.generations[index] === generation && this.agents[index] !== undefined;
  }

  /** The agent of a live filter. */
  agentOf(index: number): A {
    return this.agents[index]!;
  }

  /** Removes the filter at `index`; returns its agent. Precondition: it is live. */
  remove(index: number): A {
    const agent = this.agents[index]!;
    const head = this.heads.get(agent)!;
    if (head === index) {
      const n = this.next[index]!;
      if (n < 0) this.heads.delete(agent);
      else this.heads.set(agent, n);
    } else {
      let j = head;
      while (this.next[j] !== index) j = this.next[j]!;
      this.next[j] = this.next[index]!;
    }
    this.resources[index] = undefined;
    this.agents[index] = undefined;
    this.memoOffer[index] = undefined;
    this.generations[index]!++;
    this.free.push(index);
    this.count--;
    return agent;
  }

  /** Removes every filter on `agent`; returns how many there were. */
  removeAgent(agent: A): number {
    let n = 0;
    for (let i = this.heads.get(agent); i !== undefined && i >= 0; ) {
      const next = this.next[i]!;
      this.remove(i);
      n++;
      i = next;
    }
    return n;
  }

  /**
   * Whether a filter on `agent` refuses `offer` (its resources contain the
   * offer). The answer is memoized per filter for the last offer object
   * checked, so an unchanged candidate costs one identity test per filter.
   */
  covers(agent: A, offer: Resources): boolean {
    for (let i = this.heads.get(agent); i !== undefined && i >= 0; i = this.next[i]!) {
      if (this.memoOffer[i] !== offer) {
        const r = this.resources[i]!;
        this.memoOffer[i] = offer;
        this.memoCovers[i] = r === offer || r.contains(offer) ? 1 : 0;
      }
      if (this.memoCovers[i] !== 0) return true;
    }
    return false;
  }

  /** Visits every filter: agent, refused resources, expiry (agents in first-filter order, then each agent's filters in order). */
  forEach(visit: (agent: A, resources: Resources, expiresAt: number) => void): void {
    for (const [agent, head] of this.heads) {
      for (let i = head; i >= 0; i = this.next[i]!) visit(agent, this.resources[i]!, this.expiry[i]!);
    }
  }

  /** The agents with filters, each with its filters' indexes, in `forEach` order. */
  entries(): [A, number[]][] {
    const out: [A, number[]][] = [];
    for (const [agent, head] of this.heads) {
      const list: number[] = [];
      for (let i = head; i >= 0; i = this.next[i]!) list.push(i);
      out.push([agent, list]);
    }
    return out;
  }
}
