/**
 * The offers one allocation cycle makes, in the order it makes them, kept
 * column-wise in buffers the allocator reuses from cycle to cycle (no
 * per-cycle arrays growing from empty, so a cycle of 10,000 offers leaves
 * no garbage here), and grouped by framework slot after the cycle by a
 * stable counting sort.
 */
import type { Resources } from "../resources/index.js";
import { copyGrown } from "../util/typed-arrays.js";

// byFramework's four passes, each a loop alone in its function: V8 compiles
// a long loop while it runs and keeps that code for the next cycle, unless
// it deoptimizes on code after the loop, which has not run yet when the
// loop is compiled (see the allocator's offerAgents).

/** The largest of `a[0 .. n)` (0 when n is 0). */
function maxOf(a: Int32Array, n: number): number {
  let max = 0;
  for (let i = 0; i < n; i++) if (a[i]! > max) max = a[i]!;
  return max;
}

/** `counts[v + 1]++` for every value v in `a[0 .. n)`. */
function countInto(counts: Int32Array, a: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) counts[a[i]! + 1]!++;
}

/** Running sums of `a[0 .. len)`, in place. */
function prefixSums(a: Int32Array, len: number): void {
  for (let k = 1; k < len; k++) a[k]! += a[k - 1]!;
}

/** Stable counting-sort placement: index i goes to `out[starts[a[i]]++]`. */
function placeInto(out: Int32Array, starts: Int32Array, a: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) out[starts[a[i]!]!++] = i;
}

/** One cycle's offers: (framework, its slot, role, agent id, agent slot, resources, whether to enter them in the holdings). */
export class OfferLog<F> {
  private fws: (F | undefined)[] = [];
  private roles: (string | undefined)[] = [];
  private agentIds: (string | undefined)[] = [];
  private resources: (Resources | undefined)[] = [];
  private fwSlots = new Int32Array(64);
  private agentSlots = new Int32Array(64);
  private holds = new Uint8Array(64);
  private starts = new Int32Array(64);
  private order = new Int32Array(64);
  private n = 0;

  /** Number of offers logged since the last `clear`. */
  size(): number {
    return this.n;
  }

  /** Logs an offer. */
  push(fw: F, fwSlot: number, role: string, agentId: string, agentSlot: number, resources: Resources, hold: boolean): void {
    const i = this.n++;
    if (i >= this.fwSlots.length) this.grow(i + 1);
    this.fws[i] = fw;
    this.roles[i] = role;
    this.agentIds[i] = agentId;
    this.resources[i] = resources;
    this.fwSlots[i] = fwSlot;
    this.agentSlots[i] = agentSlot;
    this.holds[i] = hold ? 1 : 0;
  }

  /** The framework of offer `i`. */
  fw(i: number): F {
    return this.fws[i]!;
  }
  /** The role of offer `i`. */
  role(i: number): string {
    return this.roles[i]!;
  }
  /** The agent id of offer `i`. */
  agentId(i: number): string {
    return this.agentIds[i]!;
  }
  /** The agent slot of offer `i`. */
  agentSlot(i: number): number {
    return this.agentSlots[i]!;
  }
  /** The (allocated) resources of offer `i`. */
  resourcesOf(i: number): Resources {
    return this.resources[i]!;
  }
  /** Whether offer `i` still has to be entered in the framework's holdings. */
  hold(i: number): boolean {
    return this.holds[i] === 1;
  }

  /**
   * The offers' indexes grouped by framework slot (ascending), each
   * framework's offers in the order they were made. The returned array is
   * reused by the next call; read its first `size()` entries.
   */
  byFramework(): Int32Array {
    const n = this.n;
    const fwSlots = this.fwSlots;
    const maxSlot = maxOf(fwSlots, n);
    if (this.starts.length < maxSlot + 2) this.starts = new Int32Array(Math.max(maxSlot + 2, this.starts.length * 2));
    const starts = this.starts;
    starts.fill(0, 0, maxSlot + 2);
    countInto(starts, fwSlots, n);
    prefixSums(starts, maxSlot + 2);
    placeInto(this.order, starts, fwSlots, n);
    return this.order;
  }

  /** Forgets every offer (and the references it held). */
  clear(): void {
    const n = this.n;
    this.fws.fill(undefined, 0, n);
    this.roles.fill(undefined, 0, n);
    this.agentIds.fill(undefined, 0, n);
    this.resources.fill(undefined, 0, n);
    this.n = 0;
  }

  private grow(need: number): void {
    const size = Math.max(need, this.fwSlots.length * 2);
    this.fwSlots = copyGrown(this.fwSlots, size);
    this.agentSlots = copyGrown(this.agentSlots, size);
    this.holds = copyGrown(this.holds, size);
    this.order = new Int32Array(size);
  }
}
