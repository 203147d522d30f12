/**
 * What frameworks hold (offered or allocated) per (framework, role, agent),
 * stored column-wise: a holding is an index into parallel typed arrays
 * (agent slot, links), not a Map entry. Each holding sits in two doubly
 * linked chains: its (framework, role) list, in insertion order (what the
 * allocator's views list, like the `Map<AgentId, Resources>` they return),
 * and its agent's chain (every holding on one agent, for look-ups by agent,
 * which walk a chain as long as the number of (framework, role) pairs
 * holding something there). Recording an offer is then a few typed-array
 * writes instead of string-keyed Map inserts into per-agent and
 * per-framework maps scattered over the heap.
 */

import { copyGrown } from "../util/typed-arrays.js";

/** The holdings of one framework in one role (a chain of holdings in insertion order). */
export interface HoldingList {
  /** The role these holdings are allocated to. */
  readonly role: string;
  /** The framework's slot (its column in the allocator's per-framework state). */
  readonly fwSlot: number;
  /** First and last holding of the list (-1 when empty). */
  head: number;
  tail: number;
  /** Number of holdings in the list. */
  size: number;
}

function grown(a: Int32Array<ArrayBuffer>, n: number, fill: number): Int32Array<ArrayBuffer> {
  const out = copyGrown(a, Math.max(n, a.length * 2, 64));
  if (fill !== 0) out.fill(fill, a.length);
  return out;
}

/** Holdings by (list, agent slot); `V` is the held value (Resources in the allocator). */
export class HoldingTable<V> {
  private agentOf = new Int32Array(0);
  private prevInList = new Int32Array(0);
  private nextInList = new Int32Array(0);
  private prevOnAgent = new Int32Array(0);
  private nextOnAgent = new Int32Array(0);
  /** Agent slot -> its first holding (-1: none). */
  private agentHead = new Int32Array(0);
  private readonly values: (V | undefined)[] = [];
  private readonly lists: (HoldingList | undefined)[] = [];
  /**
   * Indexes to hand out, as a stack: freed ones, and fresh ones pushed in
   * blocks when it runs empty (`refill`), so `append` always pops. A first
   * cycle never frees an index; had `append` a separate path for reusing
   * one, V8 would compile it without that path and discard the compiled
   * code (and every caller it was inlined in) at the first reuse.
   */
  private freeStack = new Int32Array(0);
  private freeTop = 0;
  /** Indexes created so far (each one either holds a holding or is on the free stack). */
  private used = 0;
  private live = 0;

  /** A new, empty list for (framework slot, role); the caller keeps it (one per framework and role). */
  newList(role: string, fwSlot: number): HoldingList {
    return { role, fwSlot, head: -1, tail: -1, size: 0 };
  }

  /** Number of holdings in the table. */
  size(): number {
    return this.live;
  }

  /** The holding of `list` on `agentSlot`, or -1. */
  find(list: HoldingList, agentSlot: number): number {
    if (agentSlot >= this.agentHead.length) return -1;
    for (let e = this.agentHead[agentSlot]!; e >= 0; e = this.nextOnAgent[e]!) if (this.lists[e] === list) return e;
    return -1;
  }

  /** The value of holding `e`. */
  value(e: number): V {
    return this.values[e]!;
  }

  /** Replaces the value of holding `e` (keeps its place in both chains). */
  setValue(e: number, v: V): void {
    this.values[e] = v;
  }

  /** The agent slot of holding `e`. */
  agent(e: number): number {
    return this.agentOf[e]!;
  }

  /** The list holding `e` belongs to. */
  list(e: number): HoldingList {
    return this.lists[e]!;
  }

  /** Appends a holding of `v` on `agentSlot` to `list`; precondition: `find(list, agentSlot) < 0`. Returns its index. */
  append(list: HoldingList, agentSlot: number, v: V): number {
    if (this.freeTop === 0) this.refill();
    const e = this.freeStack[--this.freeTop]!;
    if (agentSlot >= this.agentHead.length) this.agentHead = grown(this.agentHead, agentSlot + 1, -1);
    this.values[e] = v;
    this.lists[e] = list;
    this.agentOf[e] = agentSlot;
    // Last of its list.
    this.nextInList[e] = -1;
    this.prevInList[e] = list.tail;
    if (list.tail >= 0) this.nextInList[list.tail] = e;
    else list.head = e;
    list.tail = e;
    list.size++;
    // First on its agent.
    const h = this.agentHead[agentSlot]!;
    this.prevOnAgent[e] = -1;
    this.nextOnAgent[e] = h;
    if (h >= 0) this.prevOnAgent[h] = e;
    this.agentHead[agentSlot] = e;
    this.live++;
    return e;
  }

  /** Grows the columns by a block of fresh indexes and stacks them (lowest on top). */
  private refill(): void {
    const from = this.used;
    const n = Math.max(from * 2, 64);
    this.agentOf = grown(this.agentOf, n, 0);
    this.prevInList = grown(this.prevInList, n, 0);
    this.nextInList = grown(this.nextInList, n, 0);
    this.prevOnAgent = grown(this.prevOnAgent, n, 0);
    this.nextOnAgent = grown(this.nextOnAgent, n, 0);
    // Every index can be free at once: the stack is as long as the columns.
    if (this.freeStack.length < n) this.freeStack = copyGrown(this.freeStack, n);
    let top = this.freeTop;
    for (let e = n - 1; e >= from; e--) this.freeStack[top++] = e;
    this.freeTop = top;
    this.used = n;
  }

  /** Removes holding `e` from both chains (its index may be reused). */
  remove(e: number): void {
    const list = this.lists[e]!;
    const p = this.prevInList[e]!;
    const n = this.nextInList[e]!;
    if (p >= 0) this.nextInList[p] = n;
    else list.head = n;
    if (n >= 0) this.prevInList[n] = p;
    else list.tail = p;
    list.size--;
    const pa = this.prevOnAgent[e]!;
    const na = this.nextOnAgent[e]!;
    if (pa >= 0) this.nextOnAgent[pa] = na;
    else this.agentHead[this.agentOf[e]!] = na;
    if (na >= 0) this.prevOnAgent[na] = pa;
    this.values[e] = undefined;
    this.lists[e] = undefined;
    this.freeStack[this.freeTop++] = e;
    this.live--;
  }

  /** Calls `fn` for every holding of `list`, in insertion order (`fn` must not change the table). */
  forEachIn(list: HoldingList, fn: (agentSlot: number, value: V, e: number) => void): void {
    for (let e = list.head; e >= 0; e = this.nextInList[e]!) fn(this.agentOf[e]!, this.values[e]!, e);
  }

  /** The holdings of `list`, in insertion order (a copy: safe to change the table while using it). */
  entriesOf(list: HoldingList): number[] {
    const out: number[] = [];
    for (let e = list.head; e >= 0; e = this.nextInList[e]!) out.push(e);
    return out;
  }

  /** Every holding on `agentSlot`, most recent first (a copy: safe to change the table while using it). */
  onAgent(agentSlot: number): number[] {
    const out: number[] = [];
    if (agentSlot >= this.agentHead.length) return out;
    for (let e = this.agentHead[agentSlot]!; e >= 0; e = this.nextOnAgent[e]!) out.push(e);
    return out;
  }
}
