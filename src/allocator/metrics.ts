/**
 * The allocator's metrics in Mesos' form: what `/metrics/snapshot` shows
 * under `allocator/mesos/` (docs/monitoring.md in Apache Mesos). This module
 * holds the pieces with rules of their own: libprocess' `Timer` statistics
 * (a window of samples, percentiles by linear interpolation) and the run
 * bookkeeping the allocator updates around each allocation run. The
 * allocator composes the snapshot (`HierarchicalDRFAllocator.metrics()`).
 */

/** libprocess' default: a timer keeps the samples of the last hour. */
export const TIMER_WINDOW_SECONDS = 3600;
/** libprocess' default capacity of a time series. */
export const TIMER_CAPACITY = 1000;

/** The statistics a libprocess timer publishes beside its last value, in Mesos' key order. */
export const TIMER_STATISTICS = ["count", "max", "min", "p50", "p90", "p95", "p99", "p999", "p9999"] as const;

/**
 * The `p`-th percentile (0..1) of ascending `sorted` values by linear
 * interpolation between the two nearest ranks, as libprocess'
 * `Statistics::percentile`: position p * (n - 1), its floor's value plus
 * the fraction of the step to the next. Needs at least two values.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n < 2) throw new RangeError(`percentile needs at least 2 values, got ${n}`);
  if (p <= 0) return sorted[0]!;
  if (p >= 1) return sorted[n - 1]!;
  const position = p * (n - 1);
  const index = Math.floor(position);
  const delta = position - index;
  return sorted[index]! + delta * (sorted[index + 1]! - sorted[index]!);
}

/**
 * A libprocess `Timer<Milliseconds>`: the last sample, and the statistics
 * of the samples taken within the window (by the allocator's clock) once
 * there are two. Unlike libprocess, which thins out older samples when the
 * series exceeds its capacity, this keeps the most recent `capacity`.
 */
export class TimerSeries {
  private readonly values: Float64Array;
  private readonly times: Float64Array;
  /** Index of the oldest kept sample, and how many are kept (a ring). */
  private head = 0;
  private size = 0;
  private lastValue = Number.NaN;

  constructor(
    private readonly windowSeconds = TIMER_WINDOW_SECONDS,
    readonly capacity = TIMER_CAPACITY,
  ) {
    if (!(capacity >= 2) || !Number.isInteger(capacity)) throw new RangeError(`capacity must be an integer >= 2, got ${capacity}`);
    this.values = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
  }

  /** Records a sample of `ms` milliseconds taken at `at` (seconds, the allocator's clock). */
  record(ms: number, at: number): void {
    this.lastValue = ms;
    const cap = this.capacity;
    if (this.size === cap) {
      this.head = (this.head + 1) % cap;
      this.size--;
    }
    const i = (this.head + this.size) % cap;
    this.values[i] = ms;
    this.times[i] = at;
    this.size++;
  }

  /** The samples taken within the window ending at `now`, ascending. */
  samples(now: number): Float64Array {
    const cap = this.capacity;
    const from = now - this.windowSeconds;
    const out: number[] = [];
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) % cap;
      if (this.times[i]! >= from) out.push(this.values[i]!);
    }
    return Float64Array.from(out).sort();
  }

  /**
   * Writes `key` (the last sample; absent before the first, as libprocess
   * leaves a timer without a value out of the snapshot) and, with two or
   * more samples in the window, `key/count`, `/max`, `/min` and the
   * percentiles `/p50` .. `/p9999`.
   */
  writeTo(out: Record<string, number>, key: string, now: number): void {
    if (Number.isNaN(this.lastValue)) return;
    out[key] = this.lastValue;
    const s = this.samples(now);
    if (s.length < 2) return;
    out[`${key}/count`] = s.length;
    out[`${key}/max`] = s[s.length - 1]!;
    out[`${key}/min`] = s[0]!;
    out[`${key}/p50`] = percentile(s, 0.5);
    out[`${key}/p90`] = percentile(s, 0.9);
    out[`${key}/p95`] = percentile(s, 0.95);
    out[`${key}/p99`] = percentile(s, 0.99);
    out[`${key}/p999`] = percentile(s, 0.999);
    out[`${key}/p9999`] = percentile(s, 0.9999);
  }
}

/**
 * What the allocator counts around its allocation runs: Mesos'
 * `allocation_runs` counter, the `allocation_run` timer (time inside the
 * run) and the `allocation_run_latency` timer (time from the first event
 * that asked for a triggered run to the run that served it). One object of
 * its own, so the allocator's fields are never reassigned (see the
 * allocator's `batch` field).
 */
export class RunStats {
  runs = 0;
  readonly run = new TimerSeries();
  readonly latency = new TimerSeries();
  /** `performance.now()` of the first unserved request for a deferred run, or -1. */
  requestedAt = -1;
  /** Whether a microtask that runs the deferred allocation is queued. */
  queued = false;
}
