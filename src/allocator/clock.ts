/**
 * Clocks for the allocator: time in seconds, timers ordered by due time and
 * then by creation order (as libprocess' clock fires them). The allocator
 * takes a clock so that tests and `replay` drive it on simulated time.
 */
import { MinHeap } from "../util/min-heap.js";

/** A scheduled timer; pass it to `cancel`. */
export interface TimerHandle {
  readonly due: number;
  readonly seq: number;
}

/** Time source and timer service used by the allocator. */
export interface Clock {
  /** Current time in seconds. */
  now(): number;
  /** Runs `callback` once `delaySeconds` from now have passed. */
  schedule(delaySeconds: number, callback: () => void): TimerHandle;
  /** Cancels a timer that has not fired; a no-op otherwise. */
  cancel(handle: TimerHandle): void;
}

interface ManualTimer extends TimerHandle {
  callback: () => void;
  cancelled: boolean;
}

/**
 * A paused clock that moves only when told to. `advance(s)` jumps to
 * now + s and then fires every timer due by then, in (due time, creation)
 * order — the way Mesos' `Clock::advance` behaves in its tests. Timers created
 * while firing are due after the new time (their delay is positive), so they
 * wait for a later advance.
 */
export class ManualClock implements Clock {
  private time: number;
  private seq = 0;
  private readonly heap = new MinHeap<ManualTimer>((a, b) => a.due < b.due || (a.due === b.due && a.seq < b.seq));

  constructor(start = 0) {
    this.time = start;
  }

  /** Current simulated time in seconds. */
  now(): number {
    return this.time;
  }

  /** Schedules a timer `delaySeconds` after the current simulated time. */
  schedule(delaySeconds: number, callback: () => void): TimerHandle {
    const t: ManualTimer = { due: this.time + delaySeconds, seq: this.seq++, callback, cancelled: false };
    this.heap.push(t);
    return t;
  }

  /** Marks a timer as cancelled; it is dropped when it comes due. */
  cancel(handle: TimerHandle): void {
    (handle as ManualTimer).cancelled = true;
  }

  /** Number of timers not yet fired or dropped (cancelled ones may still count). */
  pendingTimers(): number {
    return this.heap.size;
  }

  /** Moves time forward by `seconds` (>= 0) and fires the timers due by then. */
  advance(seconds: number): void {
    if (!(seconds >= 0) || !Number.isFinite(seconds)) throw new RangeError(`ManualClock.advance: seconds must be a finite number >= 0, got ${seconds}`);
    this.time += seconds;
    while (this.heap.size > 0 && this.heap.peek()!.due <= this.time) {
      const t = this.heap.pop()!;
      if (!t.cancelled) t.callback();
    }
  }
}

/** Wall-clock time backed by Node's timers (unref'd, so they never keep a process alive). */
export class RealClock implements Clock {
  private seq = 0;
  private readonly timers = new Map<TimerHandle, ReturnType<typeof setTimeout>>();

  /** Seconds since the epoch. */
  now(): number {
    return Date.now() / 1000;
  }

  /** Schedules `callback`; delays beyond Node's 2^31-1 ms limit are re-armed until due. */
  schedule(delaySeconds: number, callback: () => void): TimerHandle {
    const handle: TimerHandle = { due: this.now() + Math.max(0, delaySeconds), seq: this.seq++ };
    this.arm(handle, callback);
    return handle;
  }

  /** Cancels a pending timer (a no-op once it fired). */
  cancel(handle: TimerHandle): void {
    const t = this.timers.get(handle);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(handle);
  }

  private arm(handle: TimerHandle, callback: () => void): void {
    const ms = Math.min(Math.max(0, (handle.due - this.now()) * 1000), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      if (!this.timers.has(handle)) return;
      if (handle.due - this.now() > 0.001) {
        this.arm(handle, callback);
        return;
      }
      this.timers.delete(handle);
      callback();
    }, ms);
    timer.unref?.();
    this.timers.set(handle, timer);
  }
}
