/**
 * Decline filters, for every framework and role of one allocator, in one
 * store of typed columns (a memory map, not objects), kept in pages. A
 * filter is an index into the filter columns; the filters of one (table,
 * agent) form a chain, found through the table's open-addressing hash keyed
 * by agent; a table is a list of its chains, in the order the chains
 * started.
 *
 * Why one store: frameworks that decline with long refuse times keep
 * millions of filters alive. Kept per table in JS arrays and a `Map` per
 * table, every decline added to the JS heap (~70 bytes a filter: array
 * slots and hash-table entries, promoted by each young-generation
 * collection, and the arrays of a thousand tables doubling in the same
 * round), which made DeclineOffers' scavenges take 3-7 ms. Typed arrays
 * keep their contents outside the JS heap, and one store grows pages of a
 * few columns instead of thousands of small arrays (the tables' hashes are
 * the exception: one small array each, grown at staggered times). The
 * refused resources are the only objects: each distinct one is held once,
 * with a count of the filters that refer to it.
 *
 * The store frees nothing by itself: a table must be `release`d when the
 * allocator drops it (its filters go with it). Its pages stay while any
 * filter lives. They go back to one first page (and the tables' hashes to
 * their first size) when the last filter goes, if they had room for more
 * than `shrinkAbove` filters and the filters since the store was last empty
 * used a quarter of them at most: after a burst of declines with long
 * refuse times has ended (in a revive, say), the first time the store
 * empties again; never in a steady pattern of filters that all expire and
 * come back.
 */
import type { Resources } from "../resources/index.js";
import { objectArray } from "../util/arrays.js";
import { ObjectMemo } from "../util/memo.js";
import { copyGrown } from "../util/typed-arrays.js";

const NONE = -1;

/**
 * A table's hash slots are two Int32 cells (agent, chain + 1), so a probe
 * reads one cache line, and 0 in the second cell marks an empty slot (a
 * new hash needs no fill).
 */
const SLOT = 2;
/** Slots of a table's first hash. */
const FIRST_SLOTS = 8;
/** Entries of the first filter and chain page (it doubles up to a whole page). */
const FIRST_PAGE = 16;

let lastOfferUid = 0;
/** A number per offer object (never 0), for the `covers` memo: remembers an offer without holding it. */
const offerUid = new ObjectMemo<Resources, number>(() => ++lastOfferUid);

/** The columns of one page of filters. A free filter's `next` links the free list and its `res` is NONE. */
class FilterPage {
  readonly expiry: Float64Array;
  readonly next: Int32Array;
  readonly res: Int32Array;
  readonly chain: Int32Array;
  readonly gen: Int32Array;
  /** The offer (by `offerUid`) the filter was last checked against: +uid if it covered it, -uid if not, 0 for none. */
  readonly memo: Float64Array;

  /** A page of `n` filters; generations start at `gen`, or are copied from `from` (then the rest start at `gen`). */
  constructor(n: number, gen: number, from?: FilterPage) {
    this.expiry = new Float64Array(n);
    this.next = new Int32Array(n);
    this.res = new Int32Array(n);
    this.chain = new Int32Array(n);
    this.gen = new Int32Array(n);
    this.memo = new Float64Array(n);
    const had = from === undefined ? 0 : from.next.length;
    if (from !== undefined) {
      this.expiry.set(from.expiry);
      this.next.set(from.next);
      this.res.set(from.res);
      this.chain.set(from.chain);
      this.gen.set(from.gen);
      this.memo.set(from.memo);
    }
    if (gen !== 0) this.gen.fill(gen, had);
  }
}

/** The columns of one page of chains (one per (table, agent) with filters). A free chain's `next` links the free list. */
class ChainPage {
  readonly table: Int32Array;
  readonly agent: Int32Array;
  readonly head: Int32Array;
  readonly tail: Int32Array;
  readonly prev: Int32Array;
  readonly next: Int32Array;

  /** A page of `n` chains, the first ones copied from `from`. */
  constructor(n: number, from?: ChainPage) {
    this.table = new Int32Array(n);
    this.agent = new Int32Array(n);
    this.head = new Int32Array(n);
    this.tail = new Int32Array(n);
    this.prev = new Int32Array(n);
    this.next = new Int32Array(n);
    if (from !== undefined) {
      this.table.set(from.table);
      this.agent.set(from.agent);
      this.head.set(from.head);
      this.tail.set(from.tail);
      this.prev.set(from.prev);
      this.next.set(from.next);
    }
  }
}

/** The filters of all tables of one allocator (see the module comment). */
export class FilterStore {
  /**
   * Filters and chains live in pages of `1 << shift` entries (entry `i`
   * at page `i >> shift`, place `i & mask`); the first page starts small
   * and doubles until it is whole. Pages, not one array per column that
   * doubles: at a million filters, doubling copied ~60 MB into fresh
   * memory inside one `recoverResources` call (~50 ms of copies and page
   * faults, DeclineOffers round 104); a page costs only itself.
   */
  private readonly shift: number;
  private readonly mask: number;
  private fPages: FilterPage[];
  private fTop = 0;
  private fFree = NONE;
  private fLive = 0;
  /** The most filters alive at once since the store was last empty. */
  private fPeak = 0;
  /**
   * The generation new filter indexes start at, and the highest any index
   * has reached: after the pages go back to their first size, the indexes
   * start above every generation handed out before, so no old handle
   * matches a new filter.
   */
  private genFloor = 0;
  private genHigh = 0;

  private cPages: ChainPage[];
  private cTop = 0;
  private cFree = NONE;

  // Tables, by table id: their chains in start order, their filter count,
  // and their hash. A free table's `tFirst` links the free list.
  private tFirst = new Int32Array(8);
  private tLast = new Int32Array(8);
  private tCount = new Int32Array(8);
  private tTop = 0;
  private tFree = NONE;
  /**
   * Per table, agent -> chain: linear probing, backward-shift deletion,
   * `SLOT` cells a slot. One hash per table, not one for all tables: a
   * table has a chain per agent at most, so growing one rehashes at most
   * as many entries as there are agents (one hash of every (table, agent)
   * pair rehashed a million entries at once in DeclineOffers: ~60 ms in one
   * `recoverResources` call). A table grows its hash at a load between 1/3
   * and 2/3 that depends on the table and the size (`growAt`), so tables
   * that fill in step (frameworks declining alike) do not all grow in the
   * same call.
   */
  private readonly tHash: Int32Array[] = objectArray();
  private tMask = new Int32Array(8);
  private tSize = new Int32Array(8);
  private tGrowAt = new Int32Array(8);

  // The refused resources, each distinct object once, with the number of filters that refer to it.
  private readonly resObjects: (Resources | undefined)[] = objectArray();
  private resRefs = new Int32Array(16);
  private readonly resIds = new Map<Resources, number>();
  private readonly resFree: number[] = [];

  /**
   * @param shrinkAbove the page room (in filters) above which the pages go
   *   back to their first size when the last filter goes
   * @param pageBits log2 of the page size (small in tests, to cross pages
   *   with few filters)
   */
  constructor(
    private readonly shrinkAbove = 4096,
    pageBits = 16,
  ) {
    this.shift = pageBits;
    this.mask = (1 << pageBits) - 1;
    this.fPages = [new FilterPage(Math.min(FIRST_PAGE, 1 << pageBits), 0)];
    this.cPages = [new ChainPage(Math.min(FIRST_PAGE, 1 << pageBits))];
  }

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
        this.tMask = copyGrown(this.tMask, n);
        this.tSize = copyGrown(this.tSize, n);
        this.tGrowAt = copyGrown(this.tGrowAt, n);
      }
    }
    this.tFirst[t] = NONE;
    this.tLast[t] = NONE;
    this.tCount[t] = 0;
    this.setHash(t, FIRST_SLOTS);
    return new FilterTable(this, t);
  }

  /** Live filters in all tables. */
  filterCount(): number {
    return this.fLive;
  }

  /** How many filters the pages have room for. */
  capacity(): number {
    return roomOf(this.fPages, this.shift);
  }

  /** Distinct refused-resources objects held (for tests: released filters must let theirs go). */
  heldResources(): number {
    return this.resIds.size;
  }

  /** The slots of table `t`'s hash (for tests: a table with many agents grows it). */
  hashSlots(t: number): number {
    return this.tMask[t]! + 1;
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
    const fp = this.fPages[f >> this.shift]!;
    const fi = f & this.mask;
    fp.expiry[fi] = expiresAt;
    fp.next[fi] = NONE;
    fp.res[fi] = this.holdResources(resources);
    fp.chain[fi] = c;
    fp.memo[fi] = 0;
    const cp = this.cPages[c >> this.shift]!;
    const ci = c & this.mask;
    const tail = cp.tail[ci]!;
    if (tail === NONE) cp.head[ci] = f;
    else this.fPages[tail >> this.shift]!.next[tail & this.mask] = f;
    cp.tail[ci] = f;
    this.tCount[t]!++;
    return f;
  }

  /** @internal */
  generation(f: number): number {
    return this.fPages[f >> this.shift]!.gen[f & this.mask]!;
  }

  /** @internal */
  live(t: number, f: number, generation: number): boolean {
    if (f < 0 || f >= this.fTop) return false;
    const fp = this.fPages[f >> this.shift]!;
    const fi = f & this.mask;
    const c = fp.chain[fi]!;
    return fp.gen[fi] === generation && fp.res[fi] !== NONE && this.chainPage(c).table[c & this.mask] === t;
  }

  /** @internal */
  agentOf(f: number): number {
    const c = this.fPages[f >> this.shift]!.chain[f & this.mask]!;
    return this.chainPage(c).agent[c & this.mask]!;
  }

  /** @internal Removes live filter `f`; returns its agent. */
  remove(f: number): number {
    const c = this.fPages[f >> this.shift]!.chain[f & this.mask]!;
    const cp = this.chainPage(c);
    const ci = c & this.mask;
    const agent = cp.agent[ci]!;
    const head = cp.head[ci]!;
    const fNext = this.nextOf(f);
    if (head === f) {
      cp.head[ci] = fNext;
      if (cp.tail[ci] === f) cp.tail[ci] = NONE;
    } else {
      let p = head;
      while (this.nextOf(p) !== f) p = this.nextOf(p);
      this.fPages[p >> this.shift]!.next[p & this.mask] = fNext;
      if (cp.tail[ci] === f) cp.tail[ci] = p;
    }
    this.tCount[cp.table[ci]!]!--;
    this.freeFilter(f);
    if (cp.head[ci] === NONE) this.dropChain(c);
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
    for (let f = this.chainPage(c).head[c & this.mask]!; f !== NONE; ) {
      const fp = this.fPages[f >> this.shift]!;
      const fi = f & this.mask;
      let memo = fp.memo[fi]!;
      if (memo !== uid && memo !== -uid) {
        const r = this.resObjects[fp.res[fi]!]!;
        memo = r === offer || r.contains(offer) ? uid : -uid;
        fp.memo[fi] = memo;
      }
      if (memo > 0) return true;
      f = fp.next[fi]!;
    }
    return false;
  }

  /** @internal Visits table `t`'s filters: agents in the order their chains started, each agent's filters in the order added. */
  forEach(t: number, visit: (agent: number, resources: Resources, expiresAt: number) => void): void {
    for (let c = this.tFirst[t]!; c !== NONE; ) {
      const cp = this.chainPage(c);
      const ci = c & this.mask;
      const agent = cp.agent[ci]!;
      for (let f = cp.head[ci]!; f !== NONE; f = this.nextOf(f)) {
        const fp = this.fPages[f >> this.shift]!;
        const fi = f & this.mask;
        visit(agent, this.resObjects[fp.res[fi]!]!, fp.expiry[fi]!);
      }
      c = cp.next[ci]!;
    }
  }

  /** @internal Removes every filter of table `t` and frees its id. */
  release(t: number): void {
    for (let c = this.tFirst[t]!; c !== NONE; ) {
      const next = this.chainPage(c).next[c & this.mask]!;
      this.dropChainWithFilters(c);
      c = next;
    }
    this.tFirst[t] = this.tFree;
    this.tFree = t;
    // One empty slot, not none: a look-up through a stale handle misses
    // (an empty array would make its probe loop spin).
    this.setHash(t, 1);
    this.shrinkIfEmpty();
  }

  /** Back to the first size, once no filter is left (see the class comment for when). */
  private shrinkIfEmpty(): void {
    if (this.fLive > 0) return;
    const peak = this.fPeak;
    this.fPeak = 0;
    const room = this.capacity();
    if (room <= this.shrinkAbove || 4 * peak > room) return;
    // No filter left: no chain, no hash entry, no held resources either.
    this.genFloor = this.genHigh + 1;
    const first = Math.min(FIRST_PAGE, this.mask + 1);
    this.fPages = [new FilterPage(first, this.genFloor)];
    this.fTop = 0;
    this.fFree = NONE;
    this.cPages = [new ChainPage(first)];
    this.cTop = 0;
    this.cFree = NONE;
    for (let t = 0; t < this.tTop; t++) if (this.tMask[t]! + 1 > FIRST_SLOTS) this.setHash(t, FIRST_SLOTS);
    this.resObjects.length = 0;
    this.resFree.length = 0;
    this.resRefs = new Int32Array(16);
  }

  /** The next filter of `f`'s chain (or of the free list). */
  private nextOf(f: number): number {
    return this.fPages[f >> this.shift]!.next[f & this.mask]!;
  }

  /** The page of chain `c`. */
  private chainPage(c: number): ChainPage {
    return this.cPages[c >> this.shift]!;
  }

  // ---------------------------------------------------------------- chains

  private newChain(t: number, agent: number): number {
    let c = this.cFree;
    if (c !== NONE) this.cFree = this.chainPage(c).next[c & this.mask]!;
    else {
      c = this.cTop++;
      if (c >= roomOf(this.cPages, this.shift)) this.cPages = grownPages(this.cPages, this.shift, (n, from) => new ChainPage(n, from));
    }
    const cp = this.chainPage(c);
    const ci = c & this.mask;
    cp.table[ci] = t;
    cp.agent[ci] = agent;
    cp.head[ci] = NONE;
    cp.tail[ci] = NONE;
    const last = this.tLast[t]!;
    cp.prev[ci] = last;
    cp.next[ci] = NONE;
    if (last === NONE) this.tFirst[t] = c;
    else this.chainPage(last).next[last & this.mask] = c;
    this.tLast[t] = c;
    this.hashInsert(t, agent, c);
    return c;
  }

  /** Frees every filter of chain `c`, then the chain; returns how many filters there were. */
  private dropChainWithFilters(c: number): number {
    const cp = this.chainPage(c);
    const ci = c & this.mask;
    let n = 0;
    for (let f = cp.head[ci]!; f !== NONE; ) {
      const next = this.nextOf(f);
      this.freeFilter(f);
      n++;
      f = next;
    }
    this.tCount[cp.table[ci]!]! -= n;
    this.dropChain(c);
    return n;
  }

  /** Unlinks chain `c` (its filters already freed) from its table and the hash, and frees it. */
  private dropChain(c: number): void {
    const cp = this.chainPage(c);
    const ci = c & this.mask;
    const t = cp.table[ci]!;
    const prev = cp.prev[ci]!;
    const next = cp.next[ci]!;
    if (prev === NONE) this.tFirst[t] = next;
    else this.chainPage(prev).next[prev & this.mask] = next;
    if (next === NONE) this.tLast[t] = prev;
    else this.chainPage(next).prev[next & this.mask] = prev;
    this.hashDelete(t, cp.agent[ci]!);
    cp.table[ci] = NONE;
    cp.next[ci] = this.cFree;
    this.cFree = c;
  }

  // --------------------------------------------------------------- filters

  private takeFilter(): number {
    const live = this.fLive + 1;
    this.fLive = live;
    if (live > this.fPeak) this.fPeak = live;
    let f = this.fFree;
    if (f !== NONE) {
      this.fFree = this.nextOf(f);
      return f;
    }
    f = this.fTop++;
    if (f >= roomOf(this.fPages, this.shift)) {
      const gen = this.genFloor;
      this.fPages = grownPages(this.fPages, this.shift, (n, from) => new FilterPage(n, gen, from));
    }
    return f;
  }

  /** Frees filter `f` (already unlinked, or about to be with its chain): its generation moves on, so old handles on it go dead. */
  private freeFilter(f: number): void {
    const fp = this.fPages[f >> this.shift]!;
    const fi = f & this.mask;
    this.releaseResources(fp.res[fi]!);
    fp.res[fi] = NONE;
    const g = fp.gen[fi]! + 1;
    fp.gen[fi] = g;
    if (g > this.genHigh) this.genHigh = g;
    this.fLive--;
    fp.next[fi] = this.fFree;
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

  /** Gives table `t` an empty hash of `slots` slots (a power of two; 1 for a freed table). */
  private setHash(t: number, slots: number): void {
    this.tHash[t] = new Int32Array(slots * SLOT);
    this.tMask[t] = slots - 1;
    this.tSize[t] = 0;
    this.tGrowAt[t] = growAt(t, slots);
  }

  private chainOf(t: number, agent: number): number {
    const hash = this.tHash[t]!;
    const i = findSlot(hash, this.tMask[t]!, agent);
    return i < 0 ? NONE : hash[i * SLOT + 1]! - 1;
  }

  private hashInsert(t: number, agent: number, c: number): void {
    const size = this.tSize[t]! + 1;
    this.tSize[t] = size;
    if (size > this.tGrowAt[t]!) {
      const old = this.tHash[t]!;
      this.setHash(t, 2 * (this.tMask[t]! + 1));
      this.tSize[t] = size;
      const hash = this.tHash[t]!;
      const mask = this.tMask[t]!;
      for (let at = 0; at < old.length; at += SLOT) if (old[at + 1] !== 0) place(hash, mask, old[at]!, old[at + 1]! - 1);
    }
    place(this.tHash[t]!, this.tMask[t]!, agent, c);
  }

  /** Removes (t, agent) from `t`'s hash by backward shift. */
  private hashDelete(t: number, agent: number): void {
    const hash = this.tHash[t]!;
    const mask = this.tMask[t]!;
    let i = findSlot(hash, mask, agent);
    if (i < 0) throw new Error(`FilterStore: no chain of table ${t} on agent slot ${agent} in the hash (internal error)`);
    // Backward shift: move later entries of the probe run into the hole
    // when their home position does not lie cyclically in (hole, entry].
    for (let j = (i + 1) & mask; hash[j * SLOT + 1] !== 0; j = (j + 1) & mask) {
      const k = home(hash[j * SLOT]!, mask);
      const stays = i <= j ? i < k && k <= j : i < k || k <= j;
      if (stays) continue;
      hash[i * SLOT] = hash[j * SLOT]!;
      hash[i * SLOT + 1] = hash[j * SLOT + 1]!;
      i = j;
    }
    hash[i * SLOT + 1] = 0;
    this.tSize[t]!--;
  }
}

// --------------------------------------------------------------------- pages

/** The entries `pages` have room for (`1 << shift` a page; the first may be smaller while it is the only one). */
function roomOf(pages: readonly { next: Int32Array }[], shift: number): number {
  return ((pages.length - 1) << shift) + pages[pages.length - 1]!.next.length;
}

/** `pages` with room for one more entry: the lone first page doubled while it is smaller than a page, else a new page appended. */
function grownPages<P extends { next: Int32Array }>(pages: P[], shift: number, make: (n: number, from?: P) => P): P[] {
  const whole = 1 << shift;
  const head = pages[0]!;
  if (pages.length === 1 && head.next.length < whole) return [make(Math.min(whole, 2 * head.next.length), head)];
  pages.push(make(whole));
  return pages;
}

// ---------------------------------------------------------------- hash slots

function home(agent: number, mask: number): number {
  let h = Math.imul(agent, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h & mask;
}

/** The size at which table `t`'s hash of `slots` slots grows: a load between 1/3 and 2/3 (see `tHash`), at least 1 short of full. */
function growAt(t: number, slots: number): number {
  const jitter = (Math.imul(t + Math.imul(slots, 0x27d4eb2f), 0x9e3779b1) >>> 24) / 256;
  return Math.min(slots - 1, Math.floor((slots * (1 + jitter)) / 3));
}

/** The slot of `agent` in `hash`, or -1 when it is not there. */
function findSlot(hash: Int32Array, mask: number, agent: number): number {
  for (let i = home(agent, mask); ; i = (i + 1) & mask) {
    const at = i * SLOT;
    const cell = hash[at + 1]!;
    // The agent compared whatever the cell holds: a first lookup that
    // meets an empty slot would otherwise leave the compare unrun, and
    // V8 discards code at a comparison it has never seen run.
    const same = hash[at] === agent;
    if (cell === 0) return -1;
    if (same) return i;
  }
}

/** Puts agent -> c in the first empty slot of its probe run (the agent is not in `hash`). */
function place(hash: Int32Array, mask: number, agent: number, c: number): void {
  let i = home(agent, mask);
  while (hash[i * SLOT + 1] !== 0) i = (i + 1) & mask;
  hash[i * SLOT] = agent;
  hash[i * SLOT + 1] = c + 1;
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
