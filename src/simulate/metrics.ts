/**
 * Time series sampled during a simulation at a fixed interval: dominant share
 * and pending/running tasks per role, utilization per resource name.
 */

/** Sampled series; every series has one value per entry of `times`. */
export interface Metrics {
  /** Sample times, simulated seconds. */
  times: number[];
  roles: string[];
  /** Resource names with a utilization series (the cluster's scalar names). */
  resources: string[];
  /** Per role: allocation / cluster total of its dominant resource (before weights), 0..1. */
  dominantShare: Map<string, number[]>;
  /** Per resource name: used / total over the whole cluster, 0..1. */
  utilization: Map<string, number[]>;
  /** Per role: tasks arrived and not yet launched. */
  pending: Map<string, number[]>;
  /** Per role: tasks running. */
  running: Map<string, number[]>;
}

/** Accumulates samples; `finish()` hands them out. */
export class MetricsRecorder {
  private readonly m: Metrics;

  constructor(roles: readonly string[], resources: readonly string[]) {
    this.m = {
      times: [],
      roles: [...roles],
      resources: [...resources],
      dominantShare: new Map(roles.map((r) => [r, []])),
      utilization: new Map(resources.map((r) => [r, []])),
      pending: new Map(roles.map((r) => [r, []])),
      running: new Map(roles.map((r) => [r, []])),
    };
  }

  /** Records one sample at time `t`; missing entries count as 0. */
  sample(t: number, shares: Map<string, number>, utilization: Map<string, number>, pending: Map<string, number>, running: Map<string, number>): void {
    this.m.times.push(t);
    for (const r of this.m.roles) {
      this.m.dominantShare.get(r)!.push(shares.get(r) ?? 0);
      this.m.pending.get(r)!.push(pending.get(r) ?? 0);
      this.m.running.get(r)!.push(running.get(r) ?? 0);
    }
    for (const n of this.m.resources) this.m.utilization.get(n)!.push(utilization.get(n) ?? 0);
  }

  /** Mean of a role's sampled dominant share (samples are equally spaced, so this is the time average). */
  meanShare(role: string): number {
    return mean(this.m.dominantShare.get(role) ?? []);
  }

  /** The recorded series. */
  finish(): Metrics {
    return this.m;
  }
}

/** Arithmetic mean; NaN for an empty list. */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}
