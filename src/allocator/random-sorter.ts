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

  constructor(seed = 1) {
    this.rng = new Prng(seed);
  }

  add(client: string): void {
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
    this.find(client).active = true;
  }

  deactivate(client: string): void {
    this.find(client).active = false;
  }

  updateWeight(path: string, weight: number): void {
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
      while (entries.length > 0) {
        let sum = 0;
        for (const e of entries) sum += e.weight;
        let r = this.rng.next() * sum;
        let k = 0;
        while (k < entries.length - 1 && r >= entries[k]!.weight) {
          r -= entries[k]!.weight;
          k++;
        }
        const [e] = entries.splice(k, 1);
        e!.run();
      }
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

  forEachInOrder(visit: (client: string, slot: number) => boolean | void): void {
    for (const c of this.sort()) if (visit(c, this.clients.get(c)!.slot!) === false) return;
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
