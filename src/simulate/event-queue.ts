/**
 * The discrete-event queue of a simulation: a binary min-heap ordered by
 * time, then by a per-kind priority, then by insertion order, so events at the
 * same instant always run in the same order (a run is deterministic).
 */
import { MinHeap } from "../util/min-heap.js";

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
  private readonly heap = new MinHeap<Entry<E>>(before);
  private seq = 0;

  /** Number of queued events. */
  get size(): number {
    return this.heap.size;
  }

  /** Queues an event. */
  push(e: E): void {
    this.heap.push({ e, seq: this.seq++ });
  }

  /** The earliest event without removing it. */
  peek(): E | undefined {
    return this.heap.peek()?.e;
  }

  /** Removes and returns the earliest event. */
  pop(): E | undefined {
    return this.heap.pop()?.e;
  }
}

function before<E extends Timed>(a: Entry<E>, b: Entry<E>): boolean {
  if (a.e.t !== b.e.t) return a.e.t < b.e.t;
  if (a.e.priority !== b.e.priority) return a.e.priority < b.e.priority;
  return a.seq < b.seq;
}
