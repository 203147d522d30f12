/**
 * Decline filters, for every framework and role of one allocator, in one
 * store of typed columns (a memory map, not objects). A filter is an index
 * into the filter columns; the filters of one (table, agent) form a chain,
 * found through an open-addressing hash keyed by the pair; a table is a
 * list of its chains, in the order the chains started.
 *
 * Why one store: frameworks that decline with long refuse times keep
 * millions of filters alive. Kept per table in JS arrays and a `Map` per
 * table, every decline added to the JS heap (~70 bytes a filter: array
 * slots and hash-table entries, promoted by each young-generation
 * collection, and the arrays of a thousand tables doubling in the same
 * round), which made DeclineOffers' scavenges take 3-7 ms. Typed arrays
 * keep their contents outside the JS heap, and one store grows a few large
 * arrays instead of thousands of small ones. The refused resources are the
 * only objects: each distinct one is held once, with a count of the
 * filters that refer to it.
 *
 * The store frees nothing by itself: a table must be `release`d when the
 * allocator drops it (its filters go with it). Its columns keep their
 * largest size while any filter lives. They go back to their first size
 * when the last filter goes, if they had grown past `shrinkAbove` filters
 * and the filters since the store was last empty used a quarter of them at
 * most: after a burst of declines with long refuse times has ended (in a
 * revive, say), the first time the store empties again; never in a steady
 * pattern of filters that all expire and come back.
 */
import type { Resources } from "../resources/index.js";
import { objectArray } from "../util/arrays.js";
import { ObjectMemo } from "../util/memo.js";
import { copyGrown } from "../util/typed-arrays.js";

const NONE = -1;

let lastOfferUid = 0;
/** A number per offer object (never 0), for the `covers` memo: remembers an offer without holding it. */
const offerUid = new ObjectMemo<Resources, number>(() => ++lastOfferUid);

/** The filters of all tables of one allocator (see the module comment). */
export class FilterStore {
  // Filters, by filter index. A free filter's `fNext` links the free list and its `fRes` is NONE.
  private fExpiry = new Float64Array(16);
  private fNext = new Int32Array(16);
  private fRes = new Int32Array(16);
  private fChain = new Int32Array(16);
  private fGen = new Int32Array(16);
  /** The offer (by `offerUid`, 0: none) the filter was last checked against, and whether it covered it (1) or not (0). */
  private fMemo = new Float64Array(16);
  private fCovers = new Uint8Array(16);
  private fTop = 0;
  private fFree = NONE;
  private fLive = 0;
  /** The most filters alive at once since the store was last empty. */
  private fPeak = 0;
  /**
   * The generation new filter indexes start at, and the highest any index
   * has reached: after the columns go back to their first size, the indexes
   * start above every generation handed out before, so no old handle
   * matches a new filter.
   */
  private genFloor = 0;
  private genHigh = 0;

  // Chains, by chain index: one per (table, agent) with filters. A free chain's `cNext` links the free list.
  private cTable = new Int32Array(16);
  private cAgent = new Int32Array(16);
  private cHead = new Int32Array(16);
  private cTail = new Int32Array(16);
  private cPrev = new Int32Array(16);
  private cNext = new Int32Array(16);
  private cTop = 0;
  private cFree = NONE;

  // Tables, by table id: their chains in start order, and their filter count. A free table's `tFirst` links the free list.
  private tFirst = new Int32Array(8);
  private tLast = new Int32Array(8);
  private tCount = new Int32Array(8);
  private tTop = 0;
  private tFree = NONE;

  // (table, agent) -> chain: linear probing, backward-shift deletion; hChain NONE marks an empty slot.
  private hTable = new Int32Array(32);
  private hAgent = new Int32Array(32);
  private hChain = new Int32Array(32).fill(NONE);
  private hMask = 31;
  private hSize = 0;

  // The refused resources, each distinct object once, with the number of filters that refer to it.
  private readonly resObjects: (Resources | undefined)[] = objectArray();
  private resRefs = new Int32Array(16);
  private readonly resIds = new Map<Resources, number>();
  private readonly resFree: number[] = [];

  /**
   * @param shrinkAbove the column size (in filters) above which the columns
   *   go back to their first size when the last filter goes
   */
  constructor(private readonly shrinkAbove = 4096) {}

  /** A new, empty table. */
  newTable(): FilterTable {
    let t = this.tFree;
    if (t !== NONE) this.tFree = this.tFirst[t]!;
    else {
      t = this.tTop++;
      if (t >= this.tFirst.length) {
        const n = 2 * this.tFirst.length;
        this.tFirst = copyGrown(this.tFirst, n);
        this.tLast = copyGrown(this.tLast, n);
        this.tCount = copyGrown(this.tCount, n);
      }
    }
    this.tFirst[t] = NONE;
    this.tLast[t] = NONE;
    this.tCount[t] = 0;
    return new FilterTable(this, t);
  }

  /** Live filters in all tables. */
  filterCount(): number {
    return this.fLive;
  }

  /** How many filters the columns have room for (they grow by doubling). */
  capacity(): number {
    return this.fNext.length;
  }

  /** Distinct refused-resources objects held (for tests: released filters must let theirs go). */
  heldResources(): number {
    return this.resIds.size;
  }

  // ---------------------------------------------------------------- tables

  /** @internal */
  count(t: number): number {
    return this.tCount[t]!;
  }

  /** @internal Adds a filter refusing `resources` on `agent` in table `t` until `expiresAt`; returns its index. */
  add(t: number, agent: number, resources: Resources, expiresAt: number): number {
    let c = this.chainOf(t, agent);
    if (c === NONE) c = this.newChain(t, agent);
    const f = this.takeFilter();
    this.fExpiry[f] = expiresAt;
    this.fNext[f] = NONE;
    this.fRes[f] = this.holdResources(resources);
    this.fChain[f] = c;
    this.fMemo[f] = 0;
    this.fCovers[f] = 0;
    const tail = this.cTail[c]!;
    if (tail === NONE) this.cHead[c] = f;
    else this.fNext[tail] = f;
    this.cTail[c] = f;
    this.tCount[t]!++;
    return f;
  }

  /** @internal */
  generation(f: number): number {
    return this.fGen[f]!;
  }

  /** @internal */
  live(t: number, f: number, generation: number): boolean {
    return f >= 0 && f < this.fTop && this.fGen[f] === generation && this.fRes[f] !== NONE && this.cTable[this.fChain[f]!] === t;
  }

  /** @internal */
  agentOf(f: number): number {
    return this.cAgent[this.fChain[f]!]!;
  }

  /** @internal Removes live filter `f`; returns its agent. */
  remove(f: number): number {
    const c = this.fChain[f]!;
    const agent = this.cAgent[c]!;
    const head = this.cHead[c]!;
    if (head === f) {
      this.cHead[c] = this.fNext[f]!;
      if (this.cTail[c] === f) this.cTail[c] = NONE;
    } else {
      let p = head;
      while (this.fNext[p] !== f) p = this.fNext[p]!;
      this.fNext[p] = this.fNext[f]!;
      if (this.cTail[c] === f) this.cTail[c] = p;
    }
    this.tCount[this.cTable[c]!]!--;
    this.freeFilter(f);
    if (this.cHead[c] === NONE) this.dropChain(c);
    this.shrinkIfEmpty();
    return agent;
  }

  /** @internal Removes every filter of table `t` on `agent`; returns how many there were. */
  removeAgent(t: number, agent: number): number {
    const c = this.chainOf(t, agent);
    if (c === NONE) return 0;
    const n = this.dropChainWithFilters(c);
    this.shrinkIfEmpty();
    return n;
  }

  /** @internal Whether a filter of table `t` on `agent` refuses `offer` (its resources contain the offer). */
  covers(t: number, agent: number, offer: Resources): boolean {
    const c = this.chainOf(t, agent);
    if (c === NONE) return false;
    const uid = offerUid.get(offer);
    for (let f = this.cHead[c]!; f !== NONE; f = this.fNext[f]!) {
      if (this.fMemo[f] !== uid) {
        const r = this.resObjects[this.fRes[f]!]!;
        this.fMemo[f] = uid;
        this.fCovers[f] = r === offer || r.contains(offer) ? 1 : 0;
      }
      if (this.fCovers[f] !== 0) return true;
    }
    return false;
  }

  /** @internal Visits table `t`'s filters: agents in the order their chains started, each agent's filters in the order added. */
  forEach(t: number, visit: (agent: number, resources: Resources, expiresAt: number) => void): void {
    for (let c = this.tFirst[t]!; c !== NONE; c = this.cNext[c]!) {
      const agent = this.cAgent[c]!;
      for (let f = this.cHead[c]!; f !== NONE; f = this.fNext[f]!) visit(agent, this.resObjects[this.fRes[f]!]!, this.fExpiry[f]!);
    }
  }

  /** @internal Removes every filter of table `t` and frees its id. */
  release(t: number): void {
    for (let c = this.tFirst[t]!; c !== NONE; ) {
      const next = this.cNext[c]!;
      this.dropChainWithFilters(c);
      c = next;
    }
    this.tFirst[t] = this.tFree;
    this.tFree = t;
    this.shrinkIfEmpty();
  }

  /** Back to the first size, once no filter is left (see the class comment for when). */
  private shrinkIfEmpty(): void {
    if (this.fLive > 0) return;
    const peak = this.fPeak;
    this.fPeak = 0;
    if (this.fNext.length <= this.shrinkAbove || 4 * peak > this.fNext.length) return;
    // No filter left: no chain, no hash entry, no held resources either.
    this.genFloor = this.genHigh + 1;
    this.fExpiry = new Float64Array(16);
    this.fNext = new Int32Array(16);
    this.fRes = new Int32Array(16);
    this.fChain = new Int32Array(16);
    this.fGen = new Int32Array(16).fill(this.genFloor);
    this.fMemo = new Float64Array(16);
    this.fCovers = new Uint8Array(16);
    this.fTop = 0;
    this.fFree = NONE;
    this.cTable = new Int32Array(16);
    this.cAgent = new Int32Array(16);
    this.cHead = new Int32Array(16);
    this.cTail = new Int32Array(16);
    this.cPrev = new Int32Array(16);
    this.cNext = new Int32Array(16);
    this.cTop = 0;
    this.cFree = NONE;
    this.hTable = new Int32Array(32);
    this.hAgent = new Int32Array(32);
    this.hChain = new Int32Array(32).fill(NONE);
    this.hMask = 31;
    this.resObjects.length = 0;
    this.resFree.length = 0;
    this.resRefs = new Int32Array(16);
  }

  // ---------------------------------------------------------------- chains

  private newChain(t: number, agent: number): number {
    let c = this.cFree;
    if (c !== NONE) this.cFree = this.cNext[c]!;
    else {
      c = this.cTop++;
      if (c >= this.cTable.length) {
        const n = 2 * this.cTable.length;
        this.cTable = copyGrown(this.cTable, n);
        this.cAgent = copyGrown(this.cAgent, n);
        this.cHead = copyGrown(this.cHead, n);
        this.cTail = copyGrown(this.cTail, n);
        this.cPrev = copyGrown(this.cPrev, n);
        this.cNext = copyGrown(this.cNext, n);
      }
    }
    this.cTable[c] = t;
    this.cAgent[c] = agent;
    this.cHead[c] = NONE;
    this.cTail[c] = NONE;
    const last = this.tLast[t]!;
    this.cPrev[c] = last;
    this.cNext[c] = NONE;
    if (last === NONE) this.tFirst[t] = c;
    else this.cNext[last] = c;
    this.tLast[t] = c;
    this.hashInsert(t, agent, c);
    return c;
  }

  /** Frees every filter of chain `c`, then the chain; returns how many filters there were. */
  private dropChainWithFilters(c: number): number {
    let n = 0;
    for (let f = this.cHead[c]!; f !== NONE; ) {
      const next = this.fNext[f]!;
      this.freeFilter(f);
      n++;
      f = next;
    }
    this.tCount[this.cTable[c]!]! -= n;
    this.dropChain(c);
    return n;
  }

  /** Unlinks chain `c` (its filters already freed) from its table and the hash, and frees it. */
  private dropChain(c: number): void {
    const t = this.cTable[c]!;
    const prev = this.cPrev[c]!;
    const next = this.cNext[c]!;
    if (prev === NONE) this.tFirst[t] = next;
    else this.cNext[prev] = next;
    if (next === NONE) this.tLast[t] = prev;
    else this.cPrev[next] = prev;
    this.hashDelete(t, this.cAgent[c]!);
    this.cTable[c] = NONE;
    this.cNext[c] = this.cFree;
    this.cFree = c;
  }

  // --------------------------------------------------------------- filters

  private takeFilter(): number {
    const live = this.fLive + 1;
    this.fLive = live;
    if (live > this.fPeak) this.fPeak = live;
    let f = this.fFree;
    if (f !== NONE) {
      this.fFree = this.fNext[f]!;
      return f;
    }
    f = this.fTop++;
    if (f >= this.fNext.length) {
      const n = 2 * this.fNext.length;
      this.fExpiry = copyGrown(this.fExpiry, n);
      this.fNext = copyGrown(this.fNext, n);
      this.fRes = copyGrown(this.fRes, n);
      this.fChain = copyGrown(this.fChain, n);
      const had = this.fGen.length;
      this.fGen = copyGrown(this.fGen, n);
      if (this.genFloor !== 0) this.fGen.fill(this.genFloor, had);
      this.fMemo = copyGrown(this.fMemo, n);
      this.fCovers = copyGrown(this.fCovers, n);
    }
    return f;
  }

  /** Frees filter `f` (already unlinked, or about to be with its chain): its generation moves on, so old handles on it go dead. */
  private freeFilter(f: number): void {
    this.releaseResources(this.fRes[f]!);
    this.fRes[f] = NONE;
    const g = this.fGen[f]! + 1;
    this.fGen[f] = g;
    if (g > this.genHigh) this.genHigh = g;
    this.fLive--;
    this.fNext[f] = this.fFree;
    this.fFree = f;
  }

  // ------------------------------------------------------------- resources

  private holdResources(r: Resources): number {
    let id = this.resIds.get(r);
    if (id === undefined) {
      id = this.resFree.length > 0 ? this.resFree.pop()! : this.resObjects.length;
      if (id === this.resObjects.length) this.resObjects.push(r);
      else this.resObjects[id] = r;
      if (id >= this.resRefs.length) this.resRefs = copyGrown(this.resRefs, 2 * this.resRefs.length);
      this.resRefs[id] = 0;
      this.resIds.set(r, id);
    }
    this.resRefs[id]!++;
    return id;
  }

  private releaseResources(id: number): void {
    if (--this.resRefs[id]! > 0) return;
    this.resIds.delete(this.resObjects[id]!);
    this.resObjects[id] = undefined;
    this.resFree.push(id);
  }

  // ------------------------------------------------------------------ hash

  private home(t: number, agent: number): number {
    let h = Math.imul(t, 0x9e3779b1) ^ agent;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h ^= h >>> 13;
    return h & this.hMask;
  }

  private chainOf(t: number, agent: number): number {
    const mask = this.hMask;
    for (let i = this.home(t, agent); ; i = (i + 1) & mask) {
      const c = this.hChain[i]!;
      if (c === NONE) return NONE;
      // Both compared every time: a first lookup that finds its pair would
      // otherwise run the table compare for the first time, and V8
      // discards code at a comparison it has never seen run.
      const sameAgent = this.hAgent[i] === agent;
      const sameTable = this.hTable[i] === t;
      if (sameAgent && sameTable) return c;
    }
  }

  private hashInsert(t: number, agent: number, c: number): void {
    if (2 * (this.hSize + 1) > this.hChain.length) this.rehash(2 * this.hChain.length);
    this.hashPlace(t, agent, c);
    this.hSize++;
  }

  /** Puts the entry (t, agent) -> c in the first empty slot of its probe run (the pair is not in the hash). */
  private hashPlace(t: number, agent: number, c: number): void {
    const mask = this.hMask;
    let i = this.home(t, agent);
    while (this.hChain[i] !== NONE) i = (i + 1) & mask;
    this.hTable[i] = t;
    this.hAgent[i] = agent;
    this.hChain[i] = c;
  }

  private hashDelete(t: number, agent: number): void {
    const mask = this.hMask;
    let i = this.home(t, agent);
    for (;;) {
      if (this.hChain[i] === NONE) throw new Error(`FilterStore: no chain of table ${t} on agent slot ${agent} in the hash (internal error)`);
      const sameAgent = this.hAgent[i] === agent;
      const sameTable = this.hTable[i] === t;
      if (sameAgent && sameTable) break;
      i = (i + 1) & mask;
    }
    // Backward shift: move later entries of the probe run into the hole
    // when their home position does not lie cyclically in (hole, entry].
    for (let j = (i + 1) & mask; this.hChain[j] !== NONE; j = (j + 1) & mask) {
      const k = this.home(this.hTable[j]!, this.hAgent[j]!);
      const stays = i <= j ? i < k && k <= j : i < k || k <= j;
      if (stays) continue;
      this.hTable[i] = this.hTable[j]!;
      this.hAgent[i] = this.hAgent[j]!;
      this.hChain[i] = this.hChain[j]!;
      i = j;
    }
    this.hChain[i] = NONE;
    this.hSize--;
  }

  private rehash(capacity: number): void {
    const oldTable = this.hTable;
    const oldAgent = this.hAgent;
    const oldChain = this.hChain;
    this.hTable = new Int32Array(capacity);
    this.hAgent = new Int32Array(capacity);
    this.hChain = new Int32Array(capacity).fill(NONE);
    this.hMask = capacity - 1;
    for (let j = 0; j < oldChain.length; j++) {
      const c = oldChain[j]!;
      if (c !== NONE) this.hashPlace(oldTable[j]!, oldAgent[j]!, c);
    }
  }
}

/**
 * The filters of one (framework, role), per agent (by the agent's slot
 * number), in the order they were added: a handle on its part of a
 * `FilterStore`. Filter indexes and generations are the store's; a removed
 * filter's handle (index, generation) stays dead when the index is reused.
 * After `release` the table must not be used.
 */
export class FilterTable {
  constructor(
    private readonly store: FilterStore,
    /** The table's id in its store. */
    readonly id: number,
  ) {}

  /** Number of filters in the table. */
  size(): number {
    return this.store.count(this.id);
  }

  /** Adds a filter refusing `resources` on agent slot `agent` until `expiresAt`; returns its index. */
  add(agent: number, resources: Resources, expiresAt: number): number {
    return this.store.add(this.id, agent, resources, expiresAt);
  }

  /** The current generation of filter `index` (it moves on when the filter is removed). */
  generation(index: number): number {
    return this.store.generation(index);
  }

  /** Whether `index` still holds this table's filter that had `generation` when it was added. */
  live(index: number, generation: number): boolean {
    return this.store.live(this.id, index, generation);
  }

  /** The agent slot of a live filter. */
  agentOf(index: number): number {
    return this.store.agentOf(index);
  }

  /** Removes the live filter at `index`; returns its agent slot. */
  remove(index: number): number {
    return this.store.remove(index);
  }

  /** Removes every filter on agent slot `agent`; returns how many there were. */
  removeAgent(agent: number): number {
    return this.store.removeAgent(this.id, agent);
  }

  /**
   * Whether a filter on agent slot `agent` refuses `offer` (its resources
   * contain the offer). The answer is memoized per filter for the last offer
   * object checked (offers are frozen), so an unchanged candidate costs one
   * number compare per filter.
   */
  covers(agent: number, offer: Resources): boolean {
    return this.store.covers(this.id, agent, offer);
  }

  /** Visits every filter: agent slot, refused resources, expiry (agents in the order their filters started, then each agent's filters in order). */
  forEach(visit: (agent: number, resources: Resources, expiresAt: number) => void): void {
    this.store.forEach(this.id, visit);
  }

  /** Removes every filter and gives the table's id back to the store. */
  release(): void {
    this.store.release(this.id);
  }
}
