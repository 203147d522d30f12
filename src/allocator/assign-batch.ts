/**
 * A batch of stage-2 offers for one role, in columns: for each entry (an
 * agent's whole candidate, in the cycle's agent order) the sorter gives the
 * candidate to the first client in its order that can take it, as the
 * per-agent walk (`forEachInOrder` + `allocatedAt`) would, but without a
 * call per client visited. A client known unable to take the entry (a bit
 * in the entry's skip row) is passed over in the sorter's loop, a client
 * with no trait in common and no check bit takes it, and only the other
 * pairs (a trait in common, a possible decline filter, a framework's own
 * minimum) go back to the caller: the walk stops there, returns, and
 * resumes with the answer (the design a Wasm kernel needs: no call out of
 * the loop).
 */
import { copyGrown } from "../util/typed-arrays.js";
import type { QVec } from "./quantities.js";
import type { Sorter } from "./sorter.js";

/**
 * Trait bits: a pair of an entry and a client that share one may not go
 * together, and is asked about; the answer marks the client in the entry's
 * skip row, so each such pair is asked once per coverage epoch. `TRAIT_ASK`
 * is set on every entry: on a client, it has every pair with it asked about.
 */
export const TRAIT_GPU = 1;
export const TRAIT_MULTI_ROLE = 2;
export const TRAIT_HIERARCHICAL_ROLE = 4;
export const TRAIT_BELOW_MIN = 8;
export const TRAIT_ASK = 16;
/** An agent in a region other than the allocator's (`AllocatorOptions.domain`); on a client: not REGION_AWARE. */
export const TRAIT_REMOTE = 32;

/** The batch's columns; reused from cycle to cycle (`clear`, `setClientSlots`), grown by doubling. */
export class AssignBatch {
  /** Number of entries. */
  n = 0;
  /** Per entry: the quantities the chosen client is allocated. */
  readonly qs: QVec[] = [];
  /** Per entry: word offset of its row in `skip` (clients marked there are passed over), or -1 for none. */
  skipAt = new Int32Array(16);
  /** Per entry: word offset of its row in `check` (clients marked there are asked about), or -1 for none. */
  checkAt = new Int32Array(16);
  /** Per entry: trait bits (`TRAIT_ASK` always); a pair with a client whose `slotTraits` shares one is asked about. */
  traits = new Int32Array(16);
  /** Per entry, written by `assignInOrder`: the slot of the client given the entry, or -1. */
  out = new Int32Array(16);
  /** The skip matrix (`skipWords` words per row; column = client slot). */
  skip: Int32Array = new Int32Array(1);
  skipWords = 0;
  /** The check matrix (`checkWords` words per row; column = `slotColumn[slot]`). */
  check: Int32Array = new Int32Array(1);
  checkWords = 0;
  /** Per client slot: its trait bits. */
  slotTraits = new Int32Array(16);
  /** Per client slot: its column in the check matrix. */
  slotColumn = new Int32Array(16);
  /**
   * The client `assignInOrder` stopped at to ask about (see there); the
   * caller answers through `granted` (yes) or a mark in the entry's skip row
   * (no: `skipAt` set to the row and `skip` to the matrix, if they changed).
   */
  askSlot = -1;
  /** The client the resumed entry may go to without asking again (-1: none); cleared when the entry is done. */
  granted = -1;
  /** `assignByVisits`' order snapshot for the entry it stopped at (`walkEntry`, -1: none), kept for the resumed walk. */
  walkEntry = -1;
  walkOrder: readonly string[] = [];

  /** Empties the batch (the client columns stay). */
  clear(): void {
    this.n = 0;
    this.walkEntry = -1;
  }

  /** Clears the client columns, making room for `slots` client slots. */
  setClientSlots(slots: number): void {
    if (this.slotTraits.length < slots) {
      const cap = Math.max(slots, this.slotTraits.length * 2);
      this.slotTraits = new Int32Array(cap);
      this.slotColumn = new Int32Array(cap);
    } else {
      this.slotTraits.fill(0, 0, slots);
    }
  }

  /** Appends an entry; returns its index. */
  push(q: QVec, skipAt: number, checkAt: number, traits: number): number {
    const k = this.n;
    if (k >= this.out.length) this.grow(k + 1);
    this.qs[k] = q;
    this.skipAt[k] = skipAt;
    this.checkAt[k] = checkAt;
    this.traits[k] = traits;
    this.out[k] = -1;
    this.n = k + 1;
    return k;
  }

  /** Whether entry `k` is ruled out for the client in `slot` without asking (its bit in the entry's skip row). */
  passedOver(k: number, slot: number): boolean {
    return bitIn(this.skip, this.skipAt[k]!, this.skipWords, slot);
  }

  /** Whether the pair (entry `k`, client `slot`) must be asked about (a trait in common, or its bit in the entry's check row). */
  mustAsk(k: number, slot: number): boolean {
    return (this.traits[k]! & this.slotTraits[slot]!) !== 0 || bitIn(this.check, this.checkAt[k]!, this.checkWords, this.slotColumn[slot]!);
  }

  private grow(n: number): void {
    const cap = Math.max(n, this.out.length * 2);
    this.skipAt = copyGrown(this.skipAt, cap);
    this.checkAt = copyGrown(this.checkAt, cap);
    this.traits = copyGrown(this.traits, cap);
    this.out = copyGrown(this.out, cap);
  }
}

/** Bit `col` of the row at word offset `at` (false for row -1 or a column past `words`). */
export function bitIn(bits: Int32Array, at: number, words: number, col: number): boolean {
  const w = col >> 5;
  return at >= 0 && w < words && (bits[at + w]! & (1 << (col & 31))) !== 0;
}

/**
 * `Sorter.assignInOrder` for any sorter, by `sort()`: each entry takes one
 * snapshot of the order (one draw, for the random sorter, as one walk of
 * `forEachInOrder` per agent takes) and keeps it when the run stops to ask
 * and resumes, and is allocated to the first client it may go to.
 */
export function assignByVisits(sorter: Sorter, b: AssignBatch, from: number): number {
  for (let k = from; k < b.n; k++) {
    const resumed = k === from && b.walkEntry === k;
    const order = resumed ? b.walkOrder : sorter.sort();
    const grant = k === from ? b.granted : -1;
    let given = -1;
    for (const client of order) {
      const slot = sorter.slotOf(client);
      if (b.passedOver(k, slot)) continue;
      if (slot !== grant && b.mustAsk(k, slot)) {
        b.walkEntry = k;
        b.walkOrder = order;
        b.askSlot = slot;
        return k;
      }
      given = slot;
      break;
    }
    b.walkEntry = -1;
    b.granted = -1;
    b.out[k] = given;
    if (given >= 0) sorter.allocatedAt(given, b.qs[k]!);
  }
  return b.n;
}
