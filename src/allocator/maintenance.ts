/**
 * Maintenance primitives (Mesos' maintenance in the hierarchical
 * allocator): agents scheduled to become unavailable, the inverse offers
 * that ask the frameworks using them to give them back, the frameworks'
 * answers, and the filters a framework sets to hear no more inverse offers
 * for an agent for a while. This module keeps that state; the allocator
 * decides when inverse offers go out (after each allocation run, for the
 * run's candidate agents) and hands them to its inverse-offer callback.
 */
import type { Resources } from "../resources/index.js";

/** When an agent will be unavailable (Mesos `Unavailability`): from `start`, seconds on the allocator's clock, for `durationSeconds` (absent: indefinitely). */
export interface Unavailability {
  start: number;
  durationSeconds?: number;
}

/** What an inverse offer asks back on one agent (Mesos `UnavailableResources`): the resources (empty: the whole agent, which is all Mesos' allocator asks) and when. */
export interface UnavailableResources {
  resources: Resources;
  unavailability: Unavailability;
}

/** A framework's answer to an inverse offer (Mesos `InverseOfferStatus`): it will give the agent back, or not; `timestamp` in seconds on the allocator's clock. */
export interface InverseOfferStatus {
  status: "ACCEPT" | "DECLINE";
  timestamp: number;
}

/** Receives the inverse offers of one allocation run for one framework: agent -> what is asked back. */
export type InverseOfferCallback = (frameworkId: string, inverseOffers: ReadonlyMap<string, UnavailableResources>) => void;

/** Why `unavailability` is not a valid `Unavailability`, or null. */
export function unavailabilityProblem(u: unknown): string | null {
  if (u === null || typeof u !== "object") return "must be an object { start, durationSeconds? }";
  const { start, durationSeconds } = u as Partial<Unavailability>;
  if (typeof start !== "number" || !Number.isFinite(start)) return `start must be a finite number of seconds, got ${String(start)}`;
  if (durationSeconds !== undefined && (typeof durationSeconds !== "number" || !Number.isFinite(durationSeconds) || durationSeconds < 0)) {
    return `durationSeconds must be a finite number >= 0, got ${String(durationSeconds)}`;
  }
  return null;
}

/** One agent's maintenance (Mesos' `Slave::Maintenance`). */
class AgentMaintenance {
  /** Frameworks with an inverse offer for the agent they have not answered (no new one goes to them until they do). */
  readonly outstanding = new Set<string>();
  /** The frameworks' latest answers. */
  readonly statuses = new Map<string, InverseOfferStatus>();
  constructor(readonly unavailability: Unavailability) {}
}

/** An inverse-offer filter: the framework hears no inverse offer for the agent until `expiresAt`. */
export interface InverseOfferFilter {
  readonly expiresAt: number;
}

/** The maintenance state of one allocator. */
export class MaintenanceBook {
  /** Agents with an unavailability, in the order it was set. */
  private readonly agents = new Map<string, AgentMaintenance>();
  /** framework -> agent -> its inverse-offer filters. */
  private readonly filters = new Map<string, Map<string, Set<InverseOfferFilter>>>();

  /** Number of agents with an unavailability (0: inverse offers cost nothing). */
  get size(): number {
    return this.agents.size;
  }

  /** The agent's unavailability, or undefined. */
  unavailability(agentId: string): Unavailability | undefined {
    return this.agents.get(agentId)?.unavailability;
  }

  /**
   * Replaces an agent's unavailability (null: none), as Mesos'
   * `updateUnavailability`: outstanding inverse offers and answers start
   * over, and every framework's inverse-offer filters for the agent go, so
   * frameworks reconsider the new schedule.
   */
  set(agentId: string, unavailability: Unavailability | null): void {
    this.clearAgentFilters(agentId);
    this.agents.delete(agentId);
    if (unavailability !== null) this.agents.set(agentId, new AgentMaintenance({ ...unavailability }));
  }

  /** Forgets a removed agent. */
  removeAgent(agentId: string): void {
    this.set(agentId, null);
  }

  /** Forgets a removed framework: its filters, outstanding inverse offers and answers. */
  removeFramework(frameworkId: string): void {
    this.filters.delete(frameworkId);
    for (const m of this.agents.values()) {
      m.outstanding.delete(frameworkId);
      m.statuses.delete(frameworkId);
    }
  }

  /** Drops every framework's inverse-offer filters for an agent. */
  clearAgentFilters(agentId: string): void {
    for (const [fw, byAgent] of this.filters) if (byAgent.delete(agentId) && byAgent.size === 0) this.filters.delete(fw);
  }

  /** Drops a framework's inverse-offer filters (Mesos does when it is deactivated). */
  clearFilters(frameworkId: string): void {
    this.filters.delete(frameworkId);
  }

  /** Adds a filter until `expiresAt`; the caller removes it with `expire` when its time is up. */
  addFilter(frameworkId: string, agentId: string, expiresAt: number): InverseOfferFilter {
    let byAgent = this.filters.get(frameworkId);
    if (byAgent === undefined) this.filters.set(frameworkId, (byAgent = new Map()));
    let set = byAgent.get(agentId);
    if (set === undefined) byAgent.set(agentId, (set = new Set()));
    const f: InverseOfferFilter = { expiresAt };
    set.add(f);
    return f;
  }

  /** Removes a filter (a no-op when it is already gone). */
  expire(frameworkId: string, agentId: string, filter: InverseOfferFilter): void {
    const byAgent = this.filters.get(frameworkId);
    const set = byAgent?.get(agentId);
    if (set === undefined || !set.delete(filter)) return;
    if (set.size === 0) byAgent!.delete(agentId);
    if (byAgent!.size === 0) this.filters.delete(frameworkId);
  }

  /** Whether a filter of the framework still holds back inverse offers for the agent at `now`. */
  isFiltered(frameworkId: string, agentId: string, now: number): boolean {
    const set = this.filters.get(frameworkId)?.get(agentId);
    if (set === undefined) return false;
    for (const f of set) if (now < f.expiresAt) return true;
    return false;
  }

  /** Number of inverse-offer filters in force (for views and tests). */
  filterCount(): number {
    let n = 0;
    for (const byAgent of this.filters.values()) for (const set of byAgent.values()) n += set.size;
    return n;
  }

  /**
   * A framework's response to its inverse offer for an agent with an
   * unavailability (Mesos `updateInverseOffer`): an outstanding inverse
   * offer is closed, so the next run may send another, and an answer, if
   * given, is recorded. A response to no outstanding inverse offer (an old
   * one) changes nothing.
   */
  respond(agentId: string, frameworkId: string, status: InverseOfferStatus | undefined): void {
    const m = this.agents.get(agentId);
    if (m === undefined || !m.outstanding.delete(frameworkId)) return;
    if (status !== undefined) m.statuses.set(frameworkId, { ...status });
  }

  /**
   * The inverse offers of one run (Mesos' `generateInverseOffers`): for each
   * candidate agent with an unavailability (`candidates` null: all of them,
   * in the order their unavailability was set), each framework that is
   * offered or holds resources on it (`frameworksOn`, in that order) and is
   * active, unless it has an outstanding inverse offer for the agent or
   * filters them, gets one, which is then outstanding. Grouped by
   * framework, frameworks in the order of their first inverse offer.
   */
  collect(
    candidates: readonly string[] | null,
    frameworksOn: (agentId: string) => Iterable<string>,
    isActive: (frameworkId: string) => boolean,
    empty: Resources,
    now: number,
  ): Map<string, Map<string, UnavailableResources>> {
    const out = new Map<string, Map<string, UnavailableResources>>();
    const visit = (agentId: string, m: AgentMaintenance): void => {
      for (const fw of frameworksOn(agentId)) {
        if (!isActive(fw) || m.outstanding.has(fw) || this.isFiltered(fw, agentId, now)) continue;
        let byAgent = out.get(fw);
        if (byAgent === undefined) out.set(fw, (byAgent = new Map()));
        byAgent.set(agentId, { resources: empty, unavailability: { ...m.unavailability } });
        m.outstanding.add(fw);
      }
    };
    if (candidates === null) {
      for (const [agentId, m] of this.agents) visit(agentId, m);
    } else {
      const seen = new Set<string>();
      for (const agentId of candidates) {
        const m = this.agents.get(agentId);
        if (m === undefined || seen.has(agentId)) continue;
        seen.add(agentId);
        visit(agentId, m);
      }
    }
    return out;
  }

  /** Per agent with an unavailability, the frameworks' answers (copies). */
  statuses(): Map<string, Map<string, InverseOfferStatus>> {
    const out = new Map<string, Map<string, InverseOfferStatus>>();
    for (const [agentId, m] of this.agents) out.set(agentId, new Map([...m.statuses].map(([fw, s]) => [fw, { ...s }])));
    return out;
  }

  /** A deterministic JSON-able picture (for the allocator's `snapshot`). */
  snapshot(): unknown {
    return {
      agents: [...this.agents].map(([agentId, m]) => ({
        agent: agentId,
        unavailability: m.unavailability,
        outstanding: [...m.outstanding].sort(),
        statuses: [...m.statuses].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      })),
      filters: [...this.filters]
        .map(([fw, byAgent]) => [fw, [...byAgent].map(([agent, set]) => [agent, [...set].map((f) => f.expiresAt)])] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    };
  }
}
