/**
 * Weighted, hierarchical Dominant Resource Fairness sorter (Mesos'
 * DRFSorter). A client's share is the largest allocation/total ratio over
 * the scalar resources that are not excluded from fairness, divided by its
 * weight; ties are broken by how many allocations the client has received,
 * then by path. Children of each node are kept sorted incrementally: an
 * allocation shifts the touched nodes right (binary search + splice) and
 * only changes of totals, weights, activation or a give-back re-sort the
 * tree lazily on the next `sort`.
 */
import { NAMES, type QVec, qAdd, qSub, newQVec } from "./quantities.js";
import { assignByVisits, type AssignBatch } from "./assign-batch.js";
import type { Sorter } from "./sorter.js";

const ACTIVE = 0;
const INACTIVE = 1;
const INTERNAL = 2;

class Node {
  share = 0;
  count = 0;
  alloc: QVec = newQVec();
  children: Node[] = [];
  /** Number of children that are active leaves or internal nodes (they come first). */
  activeCount = 0;
  /** Number of children that are internal nodes (0: this node's children are all leaves). */
  internalCount = 0;
  weight: number | undefined;
  slot = -1;
  readonly path: string;
  constructor(
    readonly name: string,
    public kind: number,
    public parent: Node | null,
  ) {
    this.path = parent === null ? "" : parent.parent === null ? name : parent.path + "/" + name;
  }
  clientPath(): string {
    return this.name === "." ? this.parent!.path : this.path;
  }
}

/**
 * Whether `a` goes before `b`: lower share, then fewer allocations, then
 * name. Every comparison runs on every call, not only when the ones before
 * it tie: V8 compiles a comparison it has never seen run as a deoptimization
 * exit, and ties are rare and come late (DeclineOffers at 10,000 x 1,000
 * met its first tie on allocation counts in round 81, and that round took
 * twice as long while the sorter's compiled code was thrown away and redone).
 */
function before(a: Node, b: Node): boolean {
  return precedes(a.share, b.share, a.count, b.count, a.path < b.path);
}

/** The DRF order on its keys (shares, allocation counts, and whether the first name sorts first), every comparison made. */
function precedes(sa: number, sb: number, ca: number, cb: number, nameFirst: boolean): boolean {
  const byShare = sa < sb;
  const sameShare = sa === sb;
  const byCount = ca < cb;
  const sameCount = ca === cb;
  return byShare || (sameShare && (byCount || (sameCount && nameFirst)));
}

/** `Array.prototype.sort` comparator for the DRF order (one function for every sort, so its optimized code is kept). */
function compareNodes(a: Node, b: Node): number {
  return before(a, b) ? -1 : before(b, a) ? 1 : 0;
}

/**
 * Moves `a[from .. to-1]` one place right (to `a[from+1 .. to]`). Runs of up
 * to 16 (the usual case) are a plain loop: `copyWithin` enters C++, which
 * costs more than moving a few elements.
 */
function shiftRight(a: Int32Array, from: number, to: number): void {
  if (to - from > 16) {
    a.copyWithin(from + 1, from, to);
    return;
  }
  // Runs its body at least once (an empty range stores a[to] into itself):
  // the first cycle shifts only empty ranges, and a loop body it never ran
  // would discard the compiled caller at the first real shift.
  let i = to;
  do a[i] = a[i - (i > from ? 1 : 0)]!;
  while (--i > from);
}

/** Moves `a[from+1 .. to]` one place left (to `a[from .. to-1]`); see `shiftRight`. */
function shiftLeft(a: Int32Array, from: number, to: number): void {
  if (to - from > 16) a.copyWithin(from, from + 1, to + 1);
  else for (let i = from; i < to; i++) a[i] = a[i + 1]!;
}

/** Mesos' weighted DRF sorter over '/'-separated client paths. */
export class DrfSorter implements Sorter {
  private readonly root = new Node("", INTERNAL, null);
  private readonly clients = new Map<string, Node>();
  private readonly weights = new Map<string, number>();
  private readonly total: QVec = newQVec();
  private readonly excluded: boolean[] = [];
  private dirty = false;
  private stamp = 0;
  /** Whether `sortedView` was ever called (then `prepare` builds it, see there). */
  private viewAsked = false;
  /** The last `sort()` result, valid until the order changes. */
  private sorted: string[] | null = null;
  /**
   * While the root's children are all leaves (always, for framework
   * sorters): the slots of its active children in order, at positions
   * `orderBase` .. `orderBase + root.activeCount - 1` of this buffer (twice
   * as long as that, so the window can slide: see `repositionFlat`). Moving
   * a client in an Int32Array costs a short shift where splicing an array of
   * objects costs ~2 us. When set, it is the truth for the active prefix of
   * `root.children`, which `syncChildren` brings up to date.
   */
  private rootOrder: Int32Array | null = null;
  private orderBase = 0;
  private childrenStale = false;
  private readonly freeSlots: number[] = [];
  private nextSlot = 0;
  private readonly bySlot: (Node | undefined)[] = [];
  /** Position in `rootOrder` of the client `forEachInOrder` is visiting (-1 outside a visit). */
  private visitPos = -1;
  /**
   * While `rootOrder` is set: each active root child's share and allocation
   * count by slot, and the rank of its path among all clients (`pathRank`,
   * rebuilt when clients come or go), so that repositioning compares three
   * typed-array cells per probe instead of reading two Node objects.
   */
  private colShare = new Float64Array(0);
  private colCount = new Float64Array(0);
  private pathRank = new Int32Array(0);
  private ranksStale = true;
  /** `forEachInOrder`'s visit stamp by slot (flat root). */
  private colVisit = new Int32Array(0);
  /** While `rootOrder` is set: each active root child's path by slot. */
  private readonly colPath: string[] = [];

  constructor(fairnessExcludeResourceNames: readonly string[] = []) {
    for (const n of fairnessExcludeResourceNames) this.excluded[NAMES.id(n)] = true;
  }

  add(client: string): void {
    this.sorted = null;
    if (this.clients.has(client)) throw new Error(`sorter: client '${client}' already present`);
    const tokens = client.split("/");
    let t = 0;
    let current = this.root;
    for (;;) {
      if (t === tokens.length) {
        const virt = new Node(".", INACTIVE, current);
        this.addChild(current, virt);
        current = virt;
        break;
      }
      if (current.kind !== INTERNAL) {
        const oldKind = current.kind;
        const parent = current.parent!;
        this.removeChild(parent, current);
        current.kind = INTERNAL;
        this.addChild(parent, current);
        const virt = new Node(".", oldKind, current);
        virt.alloc = current.alloc.slice();
        virt.count = current.count;
        virt.share = current.share;
        virt.slot = current.slot;
        current.slot = -1;
        if (virt.slot >= 0) this.bySlot[virt.slot] = virt;
        this.addChild(current, virt);
        this.clients.set(virt.clientPath(), virt);
        break;
      }
      const child = current.children.find((c) => c.name === tokens[t]);
      if (child === undefined) break;
      current = child;
      t++;
    }
    for (; t < tokens.length; t++) {
      const child = new Node(tokens[t]!, t === tokens.length - 1 ? INACTIVE : INTERNAL, current);
      this.addChild(current, child);
      current = child;
    }
    this.clients.set(client, current);
    const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.nextSlot++;
    current.slot = slot;
    this.bySlot[slot] = current;
    this.dirty = true;
    this.ranksStale = true;
  }

  slotOf(client: string): number {
    return this.find(client).slot;
  }

  slotCapacity(): number {
    return this.nextSlot;
  }

  remove(client: string): void {
    this.sorted = null;
    let current = this.find(client);
    const freedSlot = current.slot;
    const leafAlloc = current.alloc;
    this.clients.delete(client);
    while (current !== this.root) {
      const parent = current.parent!;
      qSub(parent.alloc, leafAlloc);
      if (current.children.length === 0) {
        this.removeChild(parent, current);
      } else if (current.children.length === 1 && current.children[0]!.name === ".") {
        const child = current.children[0]!;
        this.removeChild(current, child);
        this.removeChild(parent, current);
        current.kind = child.kind;
        current.slot = child.slot;
        if (current.slot >= 0) this.bySlot[current.slot] = current;
        this.addChild(parent, current);
        this.clients.set(current.path, current);
      }
      current = parent;
    }
    // Free the slot only now: the structural edits above may still read the
    // root's order, which refers to clients by slot.
    if (freedSlot >= 0) {
      this.bySlot[freedSlot] = undefined;
      this.freeSlots.push(freedSlot);
    }
    this.dirty = true;
    this.ranksStale = true;
  }

  activate(client: string): void {
    this.sorted = null;
    const node = this.find(client);
    if (node.kind === INACTIVE) {
      const parent = node.parent!;
      this.removeChild(parent, node);
      node.kind = ACTIVE;
      this.addChild(parent, node);
      this.dirty = true;
    }
  }

  deactivate(client: string): void {
    this.sorted = null;
    const node = this.find(client);
    if (node.kind === ACTIVE) {
      const parent = node.parent!;
      this.removeChild(parent, node);
      node.kind = INACTIVE;
      this.addChild(parent, node);
    }
  }

  updateWeight(path: string, weight: number): void {
    this.sorted = null;
    this.weights.set(path, weight);
    this.dirty = true;
    const node = this.clients.get(path);
    if (node === undefined) return;
    const target = node.name === "." ? node.parent! : node;
    target.weight = weight;
  }

  allocated(client: string, q: QVec): void {
    this.allocatedNode(this.find(client), q);
  }

  allocatedAt(slot: number, q: QVec, times = 1): void {
    const node = this.bySlot[slot];
    if (node === undefined) throw new Error(`sorter: no client in slot ${slot}`);
    this.allocatedNode(node, q, times);
  }

  // The root's own allocation and count are never read (it has no share
  // and no siblings), so allocations stop below it.
  private allocatedNode(node: Node, q: QVec, times = 1): void {
    const root = this.root;
    let current: Node = node;
    while (current !== root) {
      qAdd(current.alloc, q);
      current.count += times;
      if (!this.dirty && current.kind !== INACTIVE) {
        current.share = this.calculateShare(current);
        this.reposition(current);
      }
      current = current.parent!;
    }
  }

  unallocated(client: string, q: QVec): void {
    this.sorted = null;
    const root = this.root;
    let current: Node = this.find(client);
    while (current !== root) {
      qSub(current.alloc, q);
      current = current.parent!;
    }
    this.dirty = true;
  }

  addTotal(q: QVec): void {
    this.sorted = null;
    qAdd(this.total, q);
    this.dirty = true;
  }

  removeTotal(q: QVec): void {
    this.sorted = null;
    qSub(this.total, q);
    this.dirty = true;
  }

  sort(): string[] {
    return this.sortedView().slice();
  }

  /** Re-sorts if needed, and builds the flat root's order (or, for a hierarchical tree, the sorted view), so that the walks that follow find them ready. */
  prepare(): void {
    this.ensureSorted();
    // A flat root is walked over its order of slots. The list of names
    // (`sortedView`) is built here only for a sorter whose list has been
    // asked for (the role sorter, every cycle), not for every framework
    // sorter every cycle.
    if (this.root.internalCount === 0) this.ensureRootOrder();
    if (this.root.internalCount > 0 || this.viewAsked) this.sortedView();
  }

  /**
   * For a flat root (no hierarchical clients), the number of active clients
   * in order, with the order made ready for `flatClientAt`; -1 for a tree
   * (use `sortedView`). Reading the order client by client saves building
   * the whole list (`sortedView`) after every change: the role sorter's
   * order changes after nearly every agent of a cycle with several roles,
   * and the cycle usually reads only its first client or two.
   */
  flatCount(): number {
    this.ensureSorted();
    if (this.root.internalCount > 0) return -1;
    this.ensureRootOrder();
    return this.root.activeCount;
  }

  /** The client at position `i` of a flat root's order (after `flatCount`, with no change since). */
  flatClientAt(i: number): string {
    return this.colPath[this.rootOrder![this.orderBase + i]!]!;
  }

  /** Like `sort()` but returns a shared read-only array (no copy); valid until the next change. */
  sortedView(): readonly string[] {
    this.viewAsked = true;
    this.ensureSorted();
    if (this.sorted === null) this.sorted = this.root.internalCount === 0 ? this.flatOrder() : this.treeOrder();
    return this.sorted;
  }

  /**
   * A flat root's active clients in order, read off `rootOrder` and
   * `colPath`. The role sorter's order changes after nearly every agent of
   * a cycle with several roles, and the cycle asks for it per agent:
   * walking and re-syncing the children each time (`treeOrder`) cost such
   * cycles ~6% (docs/bench-allocator.md, 2026-11-27 from 09:47).
   */
  private flatOrder(): string[] {
    const order = this.ensureRootOrder();
    const base = this.orderBase;
    const n = this.root.activeCount;
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.colPath[order[base + i]!]!);
    return out;
  }

  /** The active clients in order, by a walk of the tree (children synced with `rootOrder` first). */
  private treeOrder(): string[] {
    this.syncChildren();
    const out: string[] = [];
    const list = (node: Node): void => {
      for (let i = 0; i < node.activeCount; i++) {
        const c = node.children[i]!;
        if (c.kind === ACTIVE) out.push(c.clientPath());
        else list(c);
      }
    };
    list(this.root);
    return out;
  }

  forEachInOrderAmong(slots: readonly number[], visit: (client: string, slot: number) => boolean | void): void {
    this.ensureSorted();
    const root = this.root;
    if (root.internalCount > 0) {
      {
        // Hierarchical tree: the subsequence of a full sort.
        const want = new Set(slots);
        for (const c of this.sort()) {
          const slot = this.clients.get(c)!.slot;
          if (want.has(slot) && visit(c, slot) === false) return;
        }
        return;
      }
    }
    const nodes: Node[] = [];
    for (const s of slots) {
      const n = this.bySlot[s];
      if (n !== undefined && n.kind === ACTIVE) nodes.push(n);
    }
    nodes.sort(compareNodes);
    for (const n of nodes) if (visit(n.clientPath(), n.slot) === false) return;
  }

  forEachInOrder(visit: (client: string, slot: number) => boolean | void): void {
    this.ensureSorted();
    const root = this.root;
    if (root.internalCount > 0) {
      for (const c of this.sort()) if (visit(c, this.clients.get(c)!.slot) === false) return;
      return;
    }
    // Flat tree: walk the live order. A visited client can only move
    // right (allocations only raise share and count), which shifts the
    // clients after it one place left, so the cursor stays put.
    const stamp = ++this.stamp;
    const order = this.ensureRootOrder();
    const paths = this.colPath;
    const seen = this.colVisit;
    let i = 0;
    while (i < root.activeCount) {
      // The window may slide during a visit (`orderBase` changes), the buffer stays.
      const slot = order[this.orderBase + i]!;
      if (seen[slot] === stamp) { i++; continue; }
      seen[slot] = stamp;
      // Where the visited client sits: an allocation made during the visit
      // repositions it from here without searching the order for it.
      this.visitPos = i;
      const result = visit(paths[slot]!, slot);
      this.visitPos = -1;
      // A visit that ends the walk and one that does not run the same
      // operations: V8 compiles this loop during a first cycle in which
      // every visit ends the walk (nothing is filtered yet), and an
      // operation it never saw run would discard the compiled code the
      // first time a later cycle skips a framework.
      i += order[this.orderBase + i] === slot ? 1 : 0;
      if (result === false) return;
    }
  }

  assignInOrder(b: AssignBatch, from: number): number {
    this.ensureSorted();
    const root = this.root;
    if (root.internalCount > 0) return assignByVisits(this, b, from);
    // The flat walk of `forEachInOrder` with the batch's tests inlined: an
    // entry stops at the first client it is given, so no client moves
    // during its walk before that one, and the cursor needs no visit stamps.
    // Every test runs the same operations whatever it finds (see `bitAt`):
    // a first cycle finds no marks and never asks, and code compiled then
    // must not meet operations it never ran.
    const order = this.ensureRootOrder();
    const traits = b.traits;
    const slotTraits = b.slotTraits;
    const skipAt = b.skipAt;
    const checkAt = b.checkAt;
    const column = b.slotColumn;
    const n = b.n;
    for (let k = from; k < n; k++) {
      const end = root.activeCount;
      const t = traits[k]!;
      const sAt = skipAt[k]!;
      const cAt = checkAt[k]!;
      const grant = k === from ? b.granted : -1;
      const skip = b.skip;
      const skipWords = b.skipWords;
      const check = b.check;
      const checkWords = b.checkWords;
      let given = -1;
      let i = 0;
      // Passing over a client and stopping at one run the same statements
      // (the flag, the step): a first cycle stops at every entry's first
      // client, and a step it never took would discard the loop's code.
      let passing = true;
      while (passing && i < end) {
        const slot = order[this.orderBase + i]!;
        const st = slotTraits[slot]!;
        const w = slot >> 5;
        const bit = 1 << (slot & 31);
        const sRow = sAt >= 0;
        const sCol = w < skipWords;
        const sIn = sRow && sCol;
        const sPos = sAt + w;
        const sWord = skip[sIn ? sPos : 0]!;
        const col = column[slot]!;
        const cw = col >> 5;
        const cRow = cAt >= 0;
        const cCol = cw < checkWords;
        const cIn = cRow && cCol;
        const cBit = 1 << (col & 31);
        const cPos = cAt + cw;
        const cWord = check[cIn ? cPos : 0]!;
        const marked = (cWord & (cIn ? cBit : 0)) !== 0;
        passing = (sWord & (sIn ? bit : 0)) !== 0;
        const ask = (t & st) !== 0 || marked;
        const mine = slot === grant;
        b.askSlot = slot;
        if (!passing && ask && !mine) return k;
        given = passing ? given : slot;
        i += passing ? 1 : 0;
      }
      b.granted = -1;
      b.out[k] = given;
      if (given >= 0) {
        this.visitPos = i;
        this.allocatedNode(this.bySlot[given]!, b.qs[k]!);
        this.visitPos = -1;
      }
    }
    return n;
  }

  contains(client: string): boolean {
    return this.clients.has(client);
  }

  count(): number {
    return this.clients.size;
  }

  allocation(client: string): QVec {
    return this.find(client).alloc;
  }

  totals(): QVec {
    return this.total;
  }

  share(client: string): number {
    return this.calculateShare(this.find(client));
  }

  /** Allocation count of a client (the first tie-breaker). */
  allocationCount(client: string): number {
    return this.find(client).count;
  }

  private find(client: string): Node {
    const n = this.clients.get(client);
    if (n === undefined) throw new Error(`sorter: unknown client '${client}'`);
    return n;
  }

  private weightOf(node: Node): number {
    if (node.weight === undefined) node.weight = this.weights.get(node.path) ?? 1;
    return node.weight;
  }

  private calculateShare(node: Node): number {
    let share = 0;
    const total = this.total;
    const alloc = node.alloc;
    for (let i = 0; i < total.length; i++) {
      const t = total[i]!;
      if (t <= 0 || this.excluded[i] === true) continue;
      const a = i < alloc.length ? alloc[i]! : 0;
      // As Mesos: both sides converted from fixed point to doubles first.
      const s = a / 1000 / (t / 1000);
      if (s > share) share = s;
    }
    return share / this.weightOf(node);
  }

  /** Brings the root's children in line with `rootOrder` (see there). */
  private syncChildren(): void {
    if (!this.childrenStale) return;
    const root = this.root;
    const order = this.rootOrder!;
    const base = this.orderBase;
    for (let i = 0; i < root.activeCount; i++) root.children[i] = this.bySlot[order[base + i]!]!;
    this.childrenStale = false;
  }

  /** The root's active order as slots, built from its children when missing. */
  private ensureRootOrder(): Int32Array {
    if (this.rootOrder !== null) return this.rootOrder;
    const root = this.root;
    const cap = this.nextSlot;
    if (this.colShare.length < cap) {
      const n = Math.max(cap, this.colShare.length * 2, 16);
      this.colShare = new Float64Array(n);
      this.colCount = new Float64Array(n);
      const visits = new Int32Array(n);
      visits.set(this.colVisit);
      this.colVisit = visits;
      this.ranksStale = true;
    }
    if (this.ranksStale) this.rankPaths();
    const order = new Int32Array(Math.max(2 * root.activeCount, 16));
    this.orderBase = 0;
    for (let i = 0; i < root.activeCount; i++) {
      const c = root.children[i]!;
      order[i] = c.slot;
      this.colPath[c.slot] = c.path;
      this.colShare[c.slot] = c.share;
      this.colCount[c.slot] = c.count;
    }
    this.rootOrder = order;
    return order;
  }

  /** Ranks every client's path (the last tie-breaker) into `pathRank` by slot. */
  private rankPaths(): void {
    const nodes: Node[] = [];
    for (const n of this.bySlot) if (n !== undefined) nodes.push(n);
    nodes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (this.pathRank.length < this.colShare.length) this.pathRank = new Int32Array(this.colShare.length);
    for (let r = 0; r < nodes.length; r++) this.pathRank[nodes[r]!.slot] = r;
    this.ranksStale = false;
  }

  /** `before(a, b)` for two active root children of a flat root, by slot, on the columns (every comparison made; see `before`). */
  private beforeSlot(a: number, b: number): boolean {
    return precedes(this.colShare[a]!, this.colShare[b]!, this.colCount[a]!, this.colCount[b]!, this.pathRank[a]! < this.pathRank[b]!);
  }

  private addChild(parent: Node, child: Node): void {
    if (parent === this.root) {
      this.syncChildren();
      this.rootOrder = null;
    }
    if (child.kind === INTERNAL) parent.internalCount++;
    if (child.kind === INACTIVE) {
      parent.children.push(child);
    } else {
      parent.children.unshift(child);
      parent.activeCount++;
    }
  }

  private removeChild(parent: Node, child: Node): void {
    if (parent === this.root) {
      this.syncChildren();
      this.rootOrder = null;
    }
    const idx = parent.children.indexOf(child);
    if (idx < 0) throw new Error("sorter: corrupt tree");
    parent.children.splice(idx, 1);
    if (child.kind !== INACTIVE) parent.activeCount--;
    if (child.kind === INTERNAL) parent.internalCount--;
  }

  /** Moves a node whose share or count grew to its sorted place among its active siblings. */
  private reposition(node: Node): void {
    const parent = node.parent!;
    if (parent === this.root && parent.internalCount === 0) {
      this.repositionFlat(node);
      return;
    }
    if (parent === this.root) this.syncChildren();
    const ch = parent.children;
    const idx = ch.indexOf(node);
    const end = parent.activeCount;
    if (idx + 1 < end && before(ch[idx + 1]!, node)) {
      // Binary search the last position whose node sorts before `node`.
      let lo = idx + 1;
      let hi = end - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (before(ch[mid]!, node)) lo = mid;
        else hi = mid - 1;
      }
      ch.splice(idx, 1);
      ch.splice(lo, 0, node);
      this.sorted = null;
    } else if (idx > 0 && before(node, ch[idx - 1]!)) {
      let lo = 0;
      let hi = idx - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(node, ch[mid]!)) hi = mid;
        else lo = mid + 1;
      }
      ch.splice(idx, 1);
      ch.splice(lo, 0, node);
      this.sorted = null;
    }
  }

  /**
   * `reposition` for a child of a flat root, on `rootOrder`. A move right
   * (the share grew) from position `idx` to `lo` either shifts the clients
   * in between left (cost `lo - idx`), or shifts the ones before `idx` right
   * and slides the window one place (cost `idx`, plus the clients after
   * `lo`): after an allocation the client usually goes from the front to the
   * end, which the second way does in O(1). The window is moved back to the
   * buffer's start when it reaches the end (once every `activeCount` slides).
   */
  private repositionFlat(node: Node): void {
    const order = this.ensureRootOrder();
    const end = this.root.activeCount;
    const slot = node.slot;
    this.colShare[slot] = node.share;
    this.colCount[slot] = node.count;
    // A single client cannot move (a one-role cluster's role sorter, whose
    // allocations come without a visit position: the search below would be
    // met first at the end of the first cycle, discarding the code compiled
    // for the framework sorters' moves during it).
    if (end <= 1) return;
    let base = this.orderBase;
    const hint = this.visitPos;
    const idx = hint >= 0 && hint < end && order[base + hint] === slot ? hint : order.indexOf(slot, base) - base;
    if (idx < 0 || idx >= end) throw new Error("sorter: corrupt order");
    if (idx + 1 < end && this.beforeSlot(order[base + idx + 1]!, slot)) {
      let lo = idx + 1;
      let hi = end - 1;
      // The usual move after an allocation is to the very end (the client
      // now has the largest share): one comparison instead of a search.
      if (this.beforeSlot(order[base + hi]!, slot)) lo = hi;
      // At least one probe, and the same operations whichever way it goes:
      // the first cycle only ever moves clients to the very end (above),
      // and a search loop it never ran would discard the compiled code the
      // first time a later cycle moves one into the middle.
      do {
        const mid = (lo + hi + 1) >> 1;
        const right = this.beforeSlot(order[base + mid]!, slot);
        const left = mid - 1;
        lo = right ? mid : lo;
        hi = right ? hi : left;
      } while (lo < hi);
      if (idx + (end - 1 - lo) < lo - idx) {
        if (base + end >= order.length) {
          order.copyWithin(0, base, base + end);
          base = 0;
        }
        shiftRight(order, base, base + idx);
        base++;
        // Logical positions now run from the new base; `slot` goes to `lo`.
        shiftRight(order, base + lo, base + end - 1);
        this.orderBase = base;
      } else {
        shiftLeft(order, base + idx, base + lo);
      }
      order[base + lo] = slot;
      this.childrenStale = true;
      this.sorted = null;
    } else if (idx > 0 && this.beforeSlot(slot, order[base + idx - 1]!)) {
      let lo = 0;
      let hi = idx - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.beforeSlot(slot, order[base + mid]!)) hi = mid;
        else lo = mid + 1;
      }
      shiftRight(order, base + lo, base + idx);
      order[base + lo] = slot;
      this.childrenStale = true;
      this.sorted = null;
    }
  }

  /** Recomputes the shares of `node`'s active children and sorts them (and, recursively, their subtrees). */
  private sortTree(node: Node): void {
    const n = node.activeCount;
    for (let i = 0; i < n; i++) {
      const c = node.children[i]!;
      c.share = this.calculateShare(c);
    }
    const active = node.children.slice(0, n).sort(compareNodes);
    for (let i = 0; i < n; i++) node.children[i] = active[i]!;
    for (let i = 0; i < n; i++) {
      const c = node.children[i]!;
      if (c.kind === INTERNAL) this.sortTree(c);
    }
  }

  private ensureSorted(): void {
    if (!this.dirty) return;
    this.sorted = null;
    this.syncChildren();
    this.rootOrder = null;
    this.sortTree(this.root);
    this.dirty = false;
  }
}
