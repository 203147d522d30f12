/**
 * Weighted random sorter (Mesos' RandomSorter): every `sort` orders the
 * children of each node by a weighted shuffle — a child with weight w comes
 * first with probability w / (sum of its active siblings' weights) — and
 * lists the active clients depth first. Allocations are tracked (for views
 * and quota) but do not influence the order. Deterministic for a seed.
 */
import { type QVec, qAdd, qSub, newQVec } from "./quantities.js";
import { Prng } from "./random.js";
import { assignByVisits, type AssignBatch } from "./assign-batch.js";
import type { Sorter } from "./sorter.js";

/** A flat tree's active clients, their weights and the draws over them (see `RandomSorter.flatDraws`). */
interface FlatDraws {
  nodes: RNode[];
  weights: number[];
  fenwick: FenwickDraw | null;
}

interface RNode {
  name: string;
  path: string;
  parent: RNode | null;
  children: RNode[];
  /** Client at this node ("a" for a leaf "a" or the virtual leaf "a/."), if any. */
  leaf: boolean;
  active: boolean;
  alloc: QVec;
  slot?: number;
}

/** Mesos' weighted random sorter. */
export class RandomSorter implements Sorter {
  private readonly root: RNode = { name: "", path: "", parent: null, children: [], leaf: false, active: false, alloc: newQVec() };
  private readonly clients = new Map<string, RNode>();
  private readonly weights = new Map<string, number>();
  private readonly total: QVec = newQVec();
  private readonly rng: Prng;
  private readonly freeSlots: number[] = [];
  private nextSlot = 0;
  private readonly bySlot: (RNode | undefined)[] = [];
  /** `flatDraws()`'s result, until the clients, their activation or the weights change (undefined: rebuild). */
  private flat: FlatDraws | null | undefined = undefined;

  constructor(seed = 1) {
    this.rng = new Prng(seed);
  }

  add(client: string): void {
    this.flat = undefined;
    if (this.clients.has(client)) throw new Error(`sorter: client '${client}' already present`);
    let current = this.root;
    for (const token of client.split("/")) {
      let child = current.children.find((c) => c.name === token);
      if (child === undefined) {
        child = { name: token, path: current === this.root ? token : current.path + "/" + token, parent: current, children: [], leaf: false, active: false, alloc: newQVec() };
        current.children.push(child);
      }
      current = child;
    }
    current.leaf = true;
    current.active = false;
    current.slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.nextSlot++;
    this.bySlot[current.slot] = current;
    this.clients.set(client, current);
  }

  slotOf(client: string): number {
    return this.find(client).slot!;
  }

  slotCapacity(): number {
    return this.nextSlot;
  }

  forEachInOrderAmong(slots: readonly number[], visit: (client: string, slot: number) => boolean | void): void {
    const want = new Set(slots);
    for (const c of this.sort()) {
      const slot = this.clients.get(c)!.slot!;
      if (want.has(slot) && visit(c, slot) === false) return;
    }
  }

  remove(client: string): void {
    this.flat = undefined;
    let node = this.find(client);
    if (node.slot !== undefined) {
      this.freeSlots.push(node.slot);
      this.bySlot[node.slot] = undefined;
    }
    node.slot = undefined;
    const alloc = node.alloc.slice();
    node.leaf = false;
    node.active = false;
    this.clients.delete(client);
    for (let n: RNode | null = node; n !== null; n = n.parent) if (n !== node) qSub(n.alloc, alloc);
    qSub(node.alloc, alloc);
    while (node !== this.root && !node.leaf && node.children.length === 0) {
      const parent = node.parent!;
      parent.children.splice(parent.children.indexOf(node), 1);
      node = parent;
    }
  }

  activate(client: string): void {
    this.flat = undefined;
    this.find(client).active = true;
  }

  deactivate(client: string): void {
    this.flat = undefined;
    this.find(client).active = false;
  }

  updateWeight(path: string, weight: number): void {
    this.flat = undefined;
    this.weights.set(path, weight);
  }

  allocated(client: string, q: QVec): void {
    for (let n: RNode | null = this.find(client); n !== null; n = n.parent) qAdd(n.alloc, q);
  }

  allocatedAt(slot: number, q: QVec, _times?: number): void {
    const node = this.bySlot[slot];
    if (node === undefined) throw new Error(`sorter: no client in slot ${slot}`);
    for (let n: RNode | null = node; n !== null; n = n.parent) qAdd(n.alloc, q);
  }

  unallocated(client: string, q: QVec): void {
    for (let n: RNode | null = this.find(client); n !== null; n = n.parent) qSub(n.alloc, q);
  }

  addTotal(q: QVec): void {
    qAdd(this.total, q);
  }

  removeTotal(q: QVec): void {
    qSub(this.total, q);
  }

  sort(): string[] {
    const out: string[] = [];
    const walk = (node: RNode): void => {
      // Entries: the node's own client (as a virtual leaf) and its children.
      const entries: { weight: number; run: () => void }[] = [];
      if (node !== this.root && node.leaf && node.children.length > 0 && node.active) {
        entries.push({ weight: 1, run: () => out.push(node.path) });
      }
      for (const c of node.children) {
        if (c.children.length === 0 && !(c.leaf && c.active)) continue;
        const w = this.weights.get(c.path) ?? 1;
        entries.push({
          weight: w,
          run: () => {
            if (c.children.length === 0) out.push(c.path);
            else walk(c);
          },
        });
      }
      // Weighted shuffle: repeatedly draw the next entry with probability proportional to weight.
      const draw = new LinearDraw(entries.map((e) => e.weight));
      for (let left = entries.length; left > 0; left--) entries[draw.take(this.rng.next())]!.run();
    };
    walk(this.root);
    return out;
  }

  prepare(): void {
    // The random order is drawn per walk; there is nothing to bring up to date.
  }

  sortedView(): readonly string[] {
    return this.sort();
  }

  assignInOrder(batch: AssignBatch, from: number): number {
    return assignByVisits(this, batch, from);
  }

  /**
   * `sort()`'s order, drawn lazily when the tree is flat (every client a
   * child of the root: always, for framework sorters): each client is drawn
   * when the walk reaches it, and a walk that stops early skips the draws it
   * did not make (`Prng.skip`), so the order visited and the generator's
   * state afterwards are exactly `sort()`'s. An allocator walk usually stops
   * at its first client, and drawing the whole weighted order cost O(n^2)
   * per walk (Mesos' weighted shuffle does the same); this costs one draw
   * per client visited, O(log n) each with integer weights, plus O(n) to
   * set up.
   */
  forEachInOrder(visit: (client: string, slot: number) => boolean | void): void {
    const flatOrder = this.flatDraws();
    if (flatOrder === null) {
      for (const c of this.sort()) if (visit(c, this.clients.get(c)!.slot!) === false) return;
      return;
    }
    const nodes = flatOrder.nodes;
    const m = nodes.length;
    const draw = flatOrder.fenwick ?? new LinearDraw(flatOrder.weights);
    try {
      for (let drawn = 1; drawn <= m; drawn++) {
        const k = draw.take(this.rng.next());
        const node = nodes[k]!;
        if (visit(node.path, node.slot!) === false) {
          this.rng.skip(m - drawn);
          return;
        }
      }
    } finally {
      draw.restore();
    }
  }

  /**
   * For a flat tree, its active clients in `sort()`'s entry order with their
   * weights, and a Fenwick tree over them when the weights allow; null for
   * a tree with nested clients. Kept until the clients, their activation or
   * the weights change.
   */
  private flatDraws(): FlatDraws | null {
    if (this.flat !== undefined) return this.flat;
    if (this.root.children.some((c) => c.children.length > 0)) return (this.flat = null);
    const nodes: RNode[] = [];
    const weights: number[] = [];
    let integral = true;
    for (const c of this.root.children) {
      if (!(c.leaf && c.active)) continue;
      const w = this.weights.get(c.path) ?? 1;
      nodes.push(c);
      weights.push(w);
      if (!(Number.isInteger(w) && w > 0 && w <= 2 ** 20)) integral = false;
    }
    this.flat = { nodes, weights, fenwick: integral && nodes.length > 8 ? new FenwickDraw(weights) : null };
    return this.flat;
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

  share(_client: string): number {
    return 0;
  }

  private find(client: string): RNode {
    const n = this.clients.get(client);
    if (n === undefined) throw new Error(`sorter: unknown client '${client}'`);
    return n;
  }
}

/**
 * One weighted draw without replacement at a time, exactly as `sort()`'s
 * weighted shuffle makes it: `take(u)` (u from the generator, in [0, 1))
 * returns the index of the entry whose cumulative weight range, over the
 * entries not taken yet in their order, holds u times their total weight.
 */
interface WeightedDraw {
  take(u: number): number;
  /** Puts back every entry taken, for the next walk. */
  restore(): void;
}

/** `sort()`'s own algorithm (a linear scan per draw), for any weights. */
class LinearDraw implements WeightedDraw {
  private readonly left: number[] = [];
  constructor(private readonly weights: readonly number[]) {
    for (let i = 0; i < weights.length; i++) this.left.push(i);
  }
  take(u: number): number {
    let sum = 0;
    for (const i of this.left) sum += this.weights[i]!;
    let r = u * sum;
    let k = 0;
    while (k < this.left.length - 1 && r >= this.weights[this.left[k]!]!) {
      r -= this.weights[this.left[k]!]!;
      k++;
    }
    return this.left.splice(k, 1)[0]!;
  }
  restore(): void {
    // Made per walk.
  }
}

/**
 * The same draws over a Fenwick tree of the weights, O(log n) each. Only for
 * positive integer weights (and totals far below 2^53): then every sum and
 * difference the linear scan makes is exact, so searching the tree's prefix
 * sums picks the very entry the scan picks.
 */
class FenwickDraw implements WeightedDraw {
  private readonly tree: Float64Array;
  private readonly w: Float64Array;
  private readonly weights: readonly number[];
  private total = 0;
  private readonly top: number;
  /** Entries taken since the last `restore`. */
  private readonly taken: number[] = [];
  constructor(weights: readonly number[]) {
    const n = weights.length;
    this.weights = weights;
    this.tree = new Float64Array(n + 1);
    this.w = Float64Array.from(weights);
    for (let i = 1; i <= n; i++) {
      this.tree[i]! += weights[i - 1]!;
      const j = i + (i & -i);
      if (j <= n) this.tree[j]! += this.tree[i]!;
      this.total += weights[i - 1]!;
    }
    let top = 1;
    while (top * 2 <= n) top *= 2;
    this.top = top;
  }
  take(u: number): number {
    let r = u * this.total;
    // The scan stops at the last entry left when r reaches the total
    // (rounding): the last entry left is the one holding total - 1/2.
    if (r >= this.total) r = this.total - 0.5;
    // The largest position whose prefix sum is at most r: the entry after it holds r.
    let pos = 0;
    const n = this.w.length;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= n && this.tree[next]! <= r) {
        pos = next;
        r -= this.tree[next]!;
      }
    }
    this.add(pos, -this.w[pos]!);
    this.taken.push(pos);
    return pos;
  }
  restore(): void {
    for (const pos of this.taken) this.add(pos, this.weights[pos]!);
    this.taken.length = 0;
  }
  private add(pos: number, d: number): void {
    this.w[pos]! += d;
    this.total += d;
    for (let i = pos + 1; i <= this.w.length; i += i & -i) this.tree[i]! += d;
  }
}
