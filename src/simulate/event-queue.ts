/**
 * The discrete-event queue of a simulation: a binary min-heap ordered by
 * time, then by a per-kind priority, then by insertion order, so events at the
 * same instant always run in the same order (a run is deterministic).
 */

/** Anything with a time and a priority can be queued. */
export interface Timed {
  /** Simulated seconds. */
  readonly t: number;
  /** Lower runs first among events at the same time. */
  readonly priority: number;
}

interface Entry<E> {
  e: E;
  seq: number;
}

/** A min-heap of timed events. */
export class EventQueue<E extends Timed> {
  private readonly heap: Entry<E>[] = [];
  private seq = 0;

  /** Number of queued events. */
  get size(): number {
    return this.heap.length;
  }

  /** Queues an event. */
  push(e: E): void {
    const h = this.heap;
    h.push({ e, seq: this.seq++ });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  /** The earliest event without removing it. */
  peek(): E | undefined {
    return this.heap[0]?.e;
  }

  /** Removes and returns the earliest event. */
  pop(): E | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top.e;
  }
}

function before<E extends Timed>(a: Entry<E>, b: Entry<E>): boolean {
  if (a.e.t !== b.e.t) return a.e.t < b.e.t;
  if (a.e.priority !== b.e.priority) return a.e.priority < b.e.priority;
  return a.seq < b.seq;
}
