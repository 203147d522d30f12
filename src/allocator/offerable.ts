/**
 * Per-resource predicates and the resource selections the allocator makes
 * for one (framework, role, agent): what a role may be offered, what a
 * framework can understand, and shrinking to quota targets. Everything is
 * expressed through `src/resources/` operations.
 */
import { Resources } from "../resources/index.js";
import type { Resource } from "../resources/index.js";
import { NAMES, type QVec } from "./quantities.js";

/** The role a resource is reserved to (innermost reservation), or null if unreserved. */
export function reservationRole(r: Resource): string | null {
  const stack = r.reservations;
  if (stack !== undefined && stack.length > 0) return stack[stack.length - 1]!.role ?? null;
  if (r.role !== undefined && r.role !== "*" && r.role !== "") return r.role;
  return null;
}

/** True when `role` is `ancestor` or nested under it. */
export function isRoleOrSubrole(role: string, ancestor: string): boolean {
  return role === ancestor || (role.length > ancestor.length && role.startsWith(ancestor) && role[ancestor.length] === "/");
}

/** Mesos `allocatableTo(role)`: unreserved resources and those reserved to the role or an ancestor. */
export function allocatableTo(available: Resources, role: string): Resources {
  return available.allocatableTo(role);
}

/** Framework capabilities that decide which resources it may receive. */
export interface FrameworkCaps {
  multiRole: boolean;
  gpuResources: boolean;
  sharedResources: boolean;
  revocableResources: boolean;
  reservationRefinement: boolean;
  /** REGION_AWARE: may be offered agents of other regions than the master's. */
  regionAware: boolean;
  /** `incapableTraits` of the above. */
  incapable: number;
}

/** A resource trait that a framework needs a capability to receive (bits of a trait mask). */
export const TRAIT_SHARED = 1;
/** See `TRAIT_SHARED`: revocable resources (capability REVOCABLE_RESOURCES). */
export const TRAIT_REVOCABLE = 2;
/** See `TRAIT_SHARED`: refined reservations, more than one on the stack (capability RESERVATION_REFINEMENT). */
export const TRAIT_REFINED = 4;

/** The traits present among `resources` (a mask of `TRAIT_*`; 0: nothing any framework could be unable to take). */
export function traitsOf(resources: Resources): number {
  let t = 0;
  if (resources.anyShared()) t |= TRAIT_SHARED;
  if (resources.anyRevocable()) t |= TRAIT_REVOCABLE;
  if (resources.anyRefinedReservation()) t |= TRAIT_REFINED;
  return t;
}

/** The traits a framework with `caps` cannot receive (a mask of `TRAIT_*`). */
export function incapableTraits(caps: Pick<FrameworkCaps, "sharedResources" | "revocableResources" | "reservationRefinement">): number {
  return (caps.sharedResources ? 0 : TRAIT_SHARED) | (caps.revocableResources ? 0 : TRAIT_REVOCABLE) | (caps.reservationRefinement ? 0 : TRAIT_REFINED);
}

/**
 * Mesos `stripIncapableResources`: `resources` without the shared, revocable
 * and refined-reservation entries the framework cannot handle. `traits` is
 * `traitsOf(resources)`; when the framework can take every trait present,
 * the result is `resources` itself (so memos keyed by it still apply).
 */
export function stripIncapable(resources: Resources, caps: FrameworkCaps, traits: number): Resources {
  const drop = caps.incapable & traits;
  if (drop === 0) return resources;
  return resources.filter((r) => {
    if (drop & TRAIT_SHARED && r.shared !== undefined) return false;
    if (drop & TRAIT_REVOCABLE && r.revocable !== undefined) return false;
    if (drop & TRAIT_REFINED && Resources.hasRefinedReservations(r)) return false;
    return true;
  });
}

/** Scalar, unreserved, non-revocable: what counts toward quota. */
export function isQuotaResource(r: Resource): boolean {
  return r.type === "SCALAR" && reservationRole(r) === null && r.revocable === undefined;
}

/**
 * Mesos `shrinkResources` with a quantity target (absent names mean zero) or
 * a limit target (absent names mean no limit): keeps each scalar entry up to
 * what is left of the target for its name (`Resources.shrinkScalars`, which
 * returns `resources` itself when all of it fits).
 */
export function shrink(resources: Resources, target: QVec | Map<number, number>, absentMeansZero: boolean): Resources {
  if (Array.isArray(target)) {
    let any = false;
    for (let i = 0; i < target.length; i++) if (target[i]! > 0) any = true;
    if (absentMeansZero && !any) return Resources.empty();
    return resources.shrinkScalars((name) => {
      const v = target[NAMES.id(name)];
      return v !== undefined && v > 0 ? v : undefined;
    }, absentMeansZero);
  }
  if (absentMeansZero && target.size === 0) return Resources.empty();
  return resources.shrinkScalars((name) => target.get(NAMES.id(name)), absentMeansZero);
}
