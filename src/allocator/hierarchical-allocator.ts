/**
 * HierarchicalDRFAllocator: Mesos' hierarchical DRF allocator
 * (src/master/allocator/mesos/hierarchical.cpp) for custom masters. It
 * composes a role sorter and one framework sorter per role (DRF or random),
 * the role tree (quota, weights, reservations), offer filters and a clock;
 * all resource arithmetic is delegated to `src/resources/`.
 *
 * Allocation runs in two stages over a seeded shuffle of the candidate
 * agents: first roles with unsatisfied quota guarantees, then everyone by
 * fair share, never exceeding quota limits and holding back headroom for
 * unsatisfied guarantees. Every operation validates its arguments first and
 * throws AllocatorError without changing anything when they are invalid.
 */
import { ResourceQuantities, Resources } from "../resources/index.js";
import { type Clock, RealClock, type TimerHandle } from "./clock.js";
import { CoverageBits } from "./coverage-bits.js";
import { DrfSorter } from "./drf-sorter.js";
import { ExpiryBucket } from "./expiry-bucket.js";
import { FilterStore, type FilterTable } from "./filters.js";
import { type HoldingList, HoldingTable } from "./holdings.js";
import { OfferLog } from "./offer-log.js";
import { PairBits, SlotPool } from "./presence.js";
import { AllocatorError, describeValue } from "./errors.js";
import { ResourcesInterner } from "./interned.js";
import { OfferMap } from "./offer-map.js";
import { allocatableTo, type FrameworkCaps, incapableTraits, shrink, stripIncapable, traitsOf } from "./offerable.js";
import { NAMES, type QVec, qAdd, qIsEmpty, qSub, qToRecord, qvecFrom, newQVec, scalarQVec } from "./quantities.js";
import { Prng } from "./random.js";
import { RunStats } from "./metrics.js";
import { type FaultDomain, type OfferConstraints, OfferConstraintsError, OfferConstraintsFilter } from "./offer-constraints.js";
import { type InverseOfferCallback, type InverseOfferStatus, MaintenanceBook, type Unavailability, unavailabilityProblem } from "./maintenance.js";
import { RandomSorter } from "./random-sorter.js";
import { isDefaultQuota, type QuotaConfig, type RoleNode, RoleTree, roleProblem, type ScalarSplit } from "./roles.js";
import type { Sorter, SorterKind } from "./sorter.js";
import { AssignBatch, TRAIT_ASK, TRAIT_BELOW_MIN, TRAIT_GPU, TRAIT_HIERARCHICAL_ROLE, TRAIT_MULTI_ROLE, TRAIT_REMOTE } from "./assign-batch.js";
import { NamedMemo, ObjectMemo, PairMemo } from "../util/memo.js";
import { copyGrown } from "../util/typed-arrays.js";
import { objectArray, sparseArray } from "../util/arrays.js";

export type FrameworkId = string;
export type AgentId = string;
export type Role = string;

/**
 * Offers made in one go to one framework: role -> agent -> resources
 * (allocated to the role). The maps are read-only and the Resources frozen:
 * the allocator keeps using them (copy with `new Map(...)` / `clone()`).
 */
export type OfferCallback = (frameworkId: FrameworkId, offers: ReadonlyMap<Role, ReadonlyMap<AgentId, Resources>>) => void;

/** Options of the allocator (Mesos master flags and allocator options). */
export interface AllocatorOptions {
  /** Period of the batch allocation, seconds (default 1). */
  allocationIntervalSeconds?: number;
  /** A bundle is offerable when it contains one of these (default ["cpus:0.01", "mem:32"]); [] means no minimum. */
  minAllocatableResources?: (ResourceQuantities | string)[];
  /** Resource names left out of DRF shares. */
  fairnessExcludeResourceNames?: string[];
  /** Time source (default: wall clock). */
  clock?: Clock;
  /** Seed of the agent shuffle and the random sorter (default 1). */
  seed?: number;
  roleSorter?: SorterKind;
  frameworkSorter?: SorterKind;
  /** Receives the offers of each allocation run. */
  offerCallback: OfferCallback;
  /**
   * Receives the inverse offers of each allocation run (maintenance: agents
   * with an unavailability asked back from the frameworks using them; see
   * `updateUnavailability`). Default: none are sent, but they are still
   * tracked as outstanding until answered, as if they were.
   */
  inverseOfferCallback?: InverseOfferCallback;
  /**
   * "immediate" (default): an event that triggers an allocation (addAgent,
   * addFramework, revive, ...) runs it before returning, as a settled Mesos
   * allocator does. "deferred": triggers accumulate their candidate agents
   * and one allocation runs for all of them in a microtask or at `settle()`
   * — what Mesos' asynchronous allocator process does when many events
   * arrive at once (e.g. thousands of agents re-registering).
   */
  triggeredAllocation?: "immediate" | "deferred";
  /**
   * Whether a top-level role's quota limits also bound what its nested roles
   * (`eng/web` under `eng`) are offered. false (default, as Mesos at the
   * scenarios' commit): a nested role has Mesos' DEFAULT_QUOTA, so only
   * allocations made to the top-level role itself are shrunk to its limits,
   * and a nested role's offers count toward its ancestor's consumption only
   * from the next cycle on; the subtree can exceed the limit (the scenarios
   * random-003, -028 and -029, produced by Mesos, show it). true: every
   * offer to a role in the subtree is shrunk to the top-level role's
   * remaining limits and consumes them within the cycle, so the subtree
   * never exceeds them.
   */
  limitNestedRoles?: boolean;
  /**
   * How stage 2 (fair sharing) runs when a cycle offers to a single role
   * without limits or headroom to apply: true (default) hands the agents
   * whose candidate goes whole to one framework to the framework sorter in
   * batches over columns (`Sorter.assignInOrder`); false walks the sorter
   * agent by agent, as every other cycle does. The offers are the same
   * either way: false is the reference the tests compare the batches with.
   */
  batchedFairShare?: boolean;
  /**
   * Whether stage 2 derives an offer shrunk to quota limits and headroom
   * once per (candidate, role) until an offer changes what it depends on,
   * true (default), or again at every framework it visits, false. The
   * offers are the same either way: false is the reference the tests
   * compare with.
   */
  reuseShrunkOffers?: boolean;
  /**
   * How long `recover()` holds allocation back at most while it waits for
   * agents to come back, seconds (default 600: Mesos'
   * `--allocator_recovery_timeout`, 10 minutes).
   */
  recoveryTimeoutSeconds?: number;
  /**
   * The fraction of the agents a `recover()` call expects that must be back
   * before allocation resumes, 0..1 (default 0.8: Mesos'
   * `--allocator_agent_recovery_factor`).
   */
  agentRecoveryFactor?: number;
  /**
   * Most instructions a regex of a framework's offer constraints may compile
   * to (default 100, as Mesos' `--offer_constraints_re2_max_program_size`;
   * our program counts differ from RE2's: Mesos' example of a 54-instruction
   * RE2 program takes 42 here).
   */
  offerConstraintsMaxProgramSize?: number;
  /**
   * The master's fault domain (Mesos' `--domain`): agents whose
   * `faultDomain` is in another region are offered only to REGION_AWARE
   * frameworks. Default none: no agent is remote.
   */
  domain?: FaultDomain;
  /** Whether agents with GPUs go only to GPU_RESOURCES frameworks (default true, Mesos' `--filter_gpu_resources`). */
  filterGpuResources?: boolean;
}

/** What the allocator knows of a framework. */
export interface FrameworkInfo {
  roles: Role[];
  /** e.g. MULTI_ROLE, GPU_RESOURCES, SHARED_RESOURCES, REVOCABLE_RESOURCES, RESERVATION_REFINEMENT (default ["MULTI_ROLE"]). */
  capabilities?: string[];
  suppressedRoles?: Role[];
  /** Per-role minimum allocatable quantities; an empty list means no minimum for that role. */
  minAllocatableResources?: Record<Role, (ResourceQuantities | string)[]>;
  /**
   * Mesos 1.11's offer constraints (its JSON form: `role_constraints` ->
   * `groups` -> `attribute_constraints`): per subscribed role, which agents
   * may be offered at all (see docs/allocator.md).
   */
  offerConstraints?: OfferConstraints;
}

/** What the allocator knows of an agent. */
export interface AgentInfo {
  resources: Resources;
  hostname?: string;
  attributes?: Record<string, string>;
  /** e.g. MULTI_ROLE, HIERARCHICAL_ROLE, RESERVATION_REFINEMENT (default: all three). */
  capabilities?: string[];
  /** Scheduled maintenance (Mesos `SlaveInfo`'s unavailability at `addSlave`); see `updateUnavailability`. */
  unavailability?: Unavailability;
  /** The agent's fault domain (Mesos `SlaveInfo.domain`), read by offer constraints on REGION and ZONE. */
  faultDomain?: FaultDomain;
}

/** Decline filters (Mesos `Filters`). */
export interface OfferFilters {
  /** Seconds the declined resources are not re-offered (default 5; 0 means no filter). */
  refuseSeconds?: number;
}

/** The top-level role a role belongs to (`eng` for `eng/web`): where its quota lives. */
function topLevelRole(role: Role): Role {
  const slash = role.indexOf("/");
  return slash < 0 ? role : role.slice(0, slash);
}

/** A reserve/unreserve (or any) conversion applied by `updateAllocation`: `consumed` becomes `converted`. */
export interface ResourceConversion {
  consumed: Resources;
  converted: Resources;
}

/** A quota update: guarantees and limits as quantities. */
export interface QuotaUpdate {
  guarantees?: ResourceQuantities | string;
  limits?: ResourceQuantities | string;
}

/** An active decline filter, as the `activeFilters` view lists it. */
export interface FilterView {
  framework: FrameworkId;
  role: Role;
  agent: AgentId;
  resources: Resources;
  expiresAt: number;
}

/** The decline filters of one framework in one role. */
interface RoleFilters {
  fw: FrameworkState;
  role: Role;
  table: FilterTable;
  /** Set when the whole set was dropped (revive, deactivation, removal): pending expiry timers ignore it. */
  cleared: boolean;
}

/** The filters one expiry timer removes. */
type FilterBucket = ExpiryBucket<RoleFilters>;

interface FrameworkState {
  id: FrameworkId;
  roles: Set<Role>;
  suppressed: Set<Role>;
  capabilities: string[];
  caps: FrameworkCaps;
  active: boolean;
  minAllocatable: Map<Role, QVec[]>;
  /** role -> its decline filters (per agent) */
  filters: Map<Role, RoleFilters>;
  /** role -> its holdings: per agent, offered or allocated resources (allocated to the role), in the allocator's HoldingTable */
  holdings: Map<Role, HoldingList>;
  /** Small integer id, unique among the allocator's frameworks while it is added (column of `mayFilter`). */
  slot: number;
  /** Its offer constraints, or null when it has none. */
  constraints: OfferConstraintsFilter | null;
  /** The offers the running cycle has made to this framework (role -> agent -> resources), until the callback. */
  pending?: OfferMap<Role, OfferMap<AgentId, Resources>>;
}

/**
 * What one agent offers one role, for as long as the agent's `available`
 * is the object `src`: the candidate (`allocatableTo(role)`), its
 * quantities, whether it needs stripping per framework, its allocated form
 * and scalar split; and which framework slots are known unable to take it
 * at `epoch` (filtered, incapable, below their minimum).
 */
interface Coverage {
  src: Resources;
  cand: Resources;
  candQ: QVec;
  candPlain: boolean;
  /** `cand.isEmpty()`, kept here so that the cycle need not read `cand` itself (with agents of different shapes, a cache miss). */
  candEmpty: boolean;
  /** `candQ` meets the allocator's minimum allocatable resources (what frameworks without their own minimum are held to). */
  candMeetsMin: boolean;
  /** `cand` allocated to the role (computed at the first offer). */
  candAllocated: Resources | null;
  /** Scalar split of `candAllocated`. */
  candSplit: ScalarSplit | null;
  epoch: number;
  /** Row of the allocator's `CoverageBits` holding the marks (-1 until the first mark). */
  row: number;
  /** Number of marks in the row. */
  count: number;
}

/** Per role, what a cycle needs to know, looked up once per cycle. */
interface RoleCycle {
  role: Role;
  node: RoleNode;
  sorter: Sorter;
  /** Where the limits come from (the role itself, or its top-level ancestor with `limitNestedRoles`). */
  quotaRole: Role;
  limits: Map<number, number> | undefined;
  hasQuota: boolean;
  /** Neither limits nor headroom can shrink an offer to this role in this cycle. */
  noShrink: boolean;
  /** Framework states by sorter slot, filled as the cycle meets them. */
  fws: (FrameworkState | undefined)[];
  /** The role's slot in the role sorter. */
  roleSlot: number;
  /** The role is nested (`a/b`): only HIERARCHICAL_ROLE agents may be offered to it. */
  nested: boolean;
  /**
   * Whether a stage-2 walk of the role may stop at the first framework that
   * finds a (plain) candidate or its shrunk offer below the minimum: true when
   * every framework of the role uses the allocator's minimum for it (none
   * has its own), so that answer is every framework's, and the role's
   * sorter is a DRF sorter (a random sorter draws its order as the walk goes,
   * so stopping would change its later draws).
   */
  stopBelowMin: boolean;
  /**
   * The role's frameworks are in a DRF sorter. The batches, and the walks
   * that skip work by the coverage bitset in roles that are not `noShrink`,
   * are taken only then: a random sorter draws its order as it walks, so
   * skipping would change its later draws.
   */
  drf: boolean;
  /** Stage-2 offers to the role not yet entered in the role tree and role sorter (see `trackOfferShares`): their sum, and how many. */
  pending: ScalarSplit;
  pendingCount: number;
}

/**
 * An agent. It is also the `Coverage` record of the first role it is
 * offered to (`covRole`; most agents are only ever offered to one role), so
 * the cycle reads the agent's candidate from the record it already has in
 * hand; records for other roles live in `coverage`.
 */
interface AgentState extends Coverage {
  /** The role whose Coverage record is this object itself (undefined until the first cycle asks). */
  covRole: Role | undefined;
  /** `src.isEmpty()`: while `available` is `src`, the cycle knows it is empty without reading it. */
  srcEmpty: boolean;
  id: AgentId;
  /** Small integer id, unique among the allocator's agents while it is added (row of `mayFilter`). */
  slot: number;
  hostname: string;
  attributes: Readonly<Record<string, string>>;
  capabilities: readonly string[];
  multiRole: boolean;
  hierarchicalRole: boolean;
  activated: boolean;
  total: Resources;
  totalQ: QVec;
  /**
   * What is neither offered nor allocated. Always a frozen Resources (each
   * change makes a new one): the memos of what the cycle derives from it
   * then keep their values in it, not in a WeakMap entry per value.
   */
  available: Resources;
  /**
   * Resources counted as used on this agent by frameworks that hold nothing
   * for them: `used` given to addAgent for a framework not (yet) added, as
   * Mesos keeps them until that framework re-registers or is removed. What
   * known frameworks hold is in the allocator's HoldingTable.
   */
  orphans: Map<FrameworkId, Resources> | undefined;
  /** the part of `offered` that is allocated (tasks launched), not merely offered */
  allocated: Resources;
  hasGpu: boolean;
  /** Per role: the candidate offer and which framework slots cannot take it (see runAllocation). */
  coverage?: Map<Role, Coverage>;
  /** The last role looked up in `coverage`, and its record (most clusters offer an agent to one role). */
  lastRole?: Role;
  lastCoverage?: Coverage;
  /** The largest `available` seen since the total last changed (see canonicalAvailable). */
  fullAvailable?: Resources;
  /** Memo: a full fair-share pass offered nothing from this `available` at this epoch. */
  idleAvailable?: Resources;
  idleEpoch?: number;
}

const EMPTY = Resources.empty().freeze();
/** The `src` of a Coverage record not filled yet (never an agent's `available`). */
const NO_SRC = Resources.empty();
const AGENT_CAPABILITIES: readonly string[] = Object.freeze(["MULTI_ROLE", "HIERARCHICAL_ROLE", "RESERVATION_REFINEMENT"]);
/** The attributes of an agent added without any (shared; never mutated). */
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});
const DEFAULT_REFUSE_SECONDS = 5;
/** Agents per run of stage 2's batch (see offerAgentsBatched). */
const BATCH_ENTRIES = 512;
/**
 * Items per call of the cycle's once-per-cycle loops over offers. V8
 * compiles a function whole only after calls to it: a loop run once per
 * cycle is compiled while it runs (on-stack replacement), but the function
 * itself only at its next call, the next cycle, which then runs slowly
 * while that compile is in flight. Called once per CHUNK items instead,
 * the function is compiled during the first cycle.
 */
const CHUNK = 512;
const MAX_REFUSE_SECONDS = 365 * 24 * 3600;

/**
 * The refuse time of optional `Filters` in seconds, or null for no filter:
 * absent filters or 0 mean none, an absent `refuseSeconds` 5 s, a negative
 * one 5 s, more than 365 days 365 days (Mesos' rules). `where` starts the
 * error message of an invalid one.
 */
function refuseSecondsOf(filters: OfferFilters | null | undefined, where: string): number | null {
  if (filters === undefined || filters === null) return null;
  if (typeof filters !== "object") throw new AllocatorError("INVALID_ARGUMENT", `${where}: filters must be an object`);
  let s = filters.refuseSeconds ?? DEFAULT_REFUSE_SECONDS;
  if (typeof s !== "number" || Number.isNaN(s)) throw new AllocatorError("INVALID_ARGUMENT", `${where}: refuseSeconds must be a number, got ${describeValue(s)}`);
  if (s > MAX_REFUSE_SECONDS) s = MAX_REFUSE_SECONDS;
  else if (s < 0) s = DEFAULT_REFUSE_SECONDS;
  return s === 0 ? null : s;
}

function toQuantities(x: ResourceQuantities | string, what: string): ResourceQuantities {
  if (x instanceof ResourceQuantities) return x;
  if (typeof x !== "string") throw new AllocatorError("INVALID_ARGUMENT", `${what}: expected a quantity string, got ${typeof x}`);
  try {
    return ResourceQuantities.parse(x);
  } catch (e) {
    throw new AllocatorError("INVALID_RESOURCES", `${what}: ${(e as Error).message}`);
  }
}

function capsOf(capabilities: readonly string[]): FrameworkCaps {
  const has = (c: string) => capabilities.includes(c);
  const sharedResources = has("SHARED_RESOURCES"), revocableResources = has("REVOCABLE_RESOURCES"), reservationRefinement = has("RESERVATION_REFINEMENT");
  // One object literal (not a spread): every framework's caps share one hidden class, which the cycle's checks read.
  return {
    multiRole: has("MULTI_ROLE"),
    gpuResources: has("GPU_RESOURCES"),
    sharedResources,
    revocableResources,
    reservationRefinement,
    regionAware: has("REGION_AWARE"),
    incapable: incapableTraits({ sharedResources, revocableResources, reservationRefinement }),
  };
}

// The memos below (src/util/memo.ts) are keyed by immutable Resources
// objects: agents of one shape added or offered one after the other ask
// about the same objects in a row.

/** The quantities of nothing, shared by every split without reserved scalars (never written to). */
const NO_QUANTITIES: QVec = newQVec();
const splitMemo = new ObjectMemo<Resources, ScalarSplit>((r) => {
  const scalars = r.scalars();
  const all = scalarQVec(scalars);
  const reserved = scalars.reserved();
  // Parts that coincide share one array (splits are never written to): an
  // offer's split is read once per offer, and with agents of different
  // shapes each array read is a cache miss.
  if (reserved.isEmpty() && scalars.revocable().isEmpty()) return { all, reserved: NO_QUANTITIES, unreservedNonRevocable: all };
  return {
    all,
    reserved: scalarQVec(reserved),
    unreservedNonRevocable: scalarQVec(scalars.unreserved().nonRevocable()),
  };
});
/** The scalar split of `r` (all, reserved, unreserved non-revocable quantities), memoized per object. */
function splitOf(r: Resources): ScalarSplit {
  return splitMemo.get(r);
}

/** Scalar, unreserved, non-revocable part: what counts toward quota. */
function quotaPart(r: Resources): Resources {
  return r.scalars().unreserved().nonRevocable();
}

// The Resources the memos return are frozen: nothing changes them, and a
// frozen key keeps what memos derive from it in itself (src/util/memo.ts).
const unallocateMemo = new ObjectMemo<Resources, Resources>((r) => r.unallocate().freeze());
const allocateMemo = new NamedMemo<Resources, Resources>((r, role) => {
  const out = r.allocate(role).freeze();
  unallocateMemo.remember(out, r);
  return out;
});
/** `r.allocate(role)`, memoized per object; the result remembers `r` as its unallocated form. */
function allocateTo(r: Resources, role: Role): Resources {
  return allocateMemo.get(r, role);
}
/** `r.unallocate()`, memoized per object (and the inverse of `allocateTo`). */
function unallocated(r: Resources): Resources {
  return unallocateMemo.get(r);
}
const plusMemo = new PairMemo<Resources, Resources, Resources>((a, b) => a.plus(b).freeze());
/** `a.plus(b)`, memoized per pair of objects. */
function plusOf(a: Resources, b: Resources): Resources {
  return a.isEmpty() ? b : b.isEmpty() ? a : plusMemo.get(a, b);
}
const minusMemo = new PairMemo<Resources, Resources, Resources>((a, b) => a.minus(b).freeze());
/** `a.minus(b)`, memoized per pair of objects. */
function minusOf(a: Resources, b: Resources): Resources {
  return b.isEmpty() ? a : minusMemo.get(a, b);
}

const containsMemo = new PairMemo<Resources, Resources, boolean>((a, b) => a.contains(b));
/** `a.contains(b)`, memoized per pair of objects (agents added with the same total and used resources ask once). */
function containsOf(a: Resources, b: Resources): boolean {
  return b.isEmpty() || containsMemo.get(a, b);
}

/** Memo of derived forms per (immutable) Resources object: the hot path reuses them. */
const quantityMemo = new ObjectMemo<Resources, QVec>((r) => scalarQVec(r));
/** The quantities of `quotaPart(r)`: what an offer of `r` consumes of quota and headroom. */
const quotaQuantityMemo = new ObjectMemo<Resources, QVec>((r) => scalarQVec(quotaPart(r)));
/**
 * The offer stage 2 makes of a candidate that no limit or headroom shrinks:
 * the candidate with its quota part moved to the end, as Mesos builds every
 * offer to a role that limits or headroom could shrink (`toOffer -=
 * additional; toOffer += shrunk additional`) and as `visitFairShrinking`
 * does; the same value as `r`, the entries in that order.
 */
const unshrunkOfferMemo = new ObjectMemo<Resources, Resources>((r) => {
  const q = quotaPart(r);
  return r.minus(q).plus(q).freeze();
});
function quantitiesOf(r: Resources): QVec {
  return quantityMemo.get(r);
}
const allocatableMemo = new NamedMemo<Resources, Resources>((r, role) => {
  const out = allocatableTo(r, role);
  return out.equals(r) ? r : out.freeze();
});
/** `allocatableTo(r, role)`, memoized per object (`r` itself when nothing is left out). */
function allocatableToMemo(r: Resources, role: Role): Resources {
  return allocatableMemo.get(r, role);
}
/** `r.allocations()` (role -> part), memoized per object; throws as `allocations()` does for unallocated entries. */
const allocationsMemo = new ObjectMemo<Resources, Map<string, Resources>>((r) => r.allocations());
function allocationsOf(r: Resources): Map<string, Resources> {
  return allocationsMemo.get(r);
}
/** `allocationsOf(r)` as two parallel arrays (for index loops on paths run per agent), memoized per object. */
const allocationListMemo = new ObjectMemo<Resources, { roles: Role[]; parts: Resources[] }>((r) => {
  const m = allocationsOf(r);
  return { roles: [...m.keys()], parts: [...m.values()] };
});
function allocationListOf(r: Resources): { roles: Role[]; parts: Resources[] } {
  return allocationListMemo.get(r);
}
/** The one role `r` is allocated to, or null when it is allocated to none or several (or has unallocated entries). */
const singleRoleMemo = new ObjectMemo<Resources, Role | null>((r) => {
  let allocations: Map<string, Resources>;
  try {
    allocations = allocationsOf(r);
  } catch {
    return null;
  }
  if (allocations.size !== 1) return null;
  for (const k of allocations.keys()) return k;
  return null;
});
interface TotalInfo {
  q: QVec;
  hasGpu: boolean;
  /** Some resource of the total is revocable (so its available part may be). */
  hasRevocable: boolean;
  reservations: Map<string, QVec>;
}
/** Scalar quantities, GPU and revocable presence, and per-role reserved quantities of an agent total, memoized per object. */
function totalInfo(total: Resources): TotalInfo {
  return totalMemo.get(total);
}
const totalMemo = new ObjectMemo<Resources, TotalInfo>((total) => {
  const scalars = total.scalars();
  const reservations = new Map<string, QVec>();
  const reserved = scalars.reserved();
  if (!reserved.isEmpty()) for (const [role, r] of reserved.reservations()) reservations.set(role, scalarQVec(r));
  return { q: scalarQVec(scalars), hasGpu: scalars.scalar("gpus") > 0, hasRevocable: !total.revocable().isEmpty(), reservations };
});
/** `traitsOf(r)` (shared, revocable, refined reservations present), memoized per object. */
const traitsMemo = new ObjectMemo<Resources, number>(traitsOf);
function traits(r: Resources): number {
  return traitsMemo.get(r);
}
/** True when no entry is shared, revocable or carries refined reservations (nothing to strip for any framework). */
function isPlain(r: Resources): boolean {
  return traitsMemo.get(r) === 0;
}

function qContains(a: QVec, b: QVec): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! > (i < a.length ? a[i]! : 0)) return false;
  return true;
}

/** True when `q` contains one of `mins` (or `mins` is empty): Mesos' minimum allocatable check. */
function meetsAny(q: QVec, mins: readonly QVec[]): boolean {
  if (mins.length === 0) return true;
  for (let i = 0; i < mins.length; i++) if (qContains(q, mins[i]!)) return true;
  return false;
}

/** A new agent record. One literal site, so that every agent shares one hidden class (see primeAgentShape). */
function newAgentState(
  id: AgentId,
  slot: number,
  available: Resources,
  total: Resources,
  capabilities: readonly string[],
  hostname: string,
  attributes: Readonly<Record<string, string>>,
): AgentState {
  return {
    // Every field present from the start: agents share one hidden class,
    // which keeps the cycle's property accesses monomorphic. The fields a
    // cycle reads for every agent come first, in the order it reads them:
    // the cycle visits agents in a random order, so each agent's fields
    // are a cache miss, and fewer cache lines per agent is less time.
    available,
    idleAvailable: undefined,
    idleEpoch: -1,
    covRole: undefined,
    src: NO_SRC,
    cand: NO_SRC,
    candQ: NO_QUANTITIES,
    candPlain: true,
    srcEmpty: true,
    candEmpty: true,
    candMeetsMin: false,
    epoch: -1,
    count: 0,
    row: -1,
    candAllocated: null,
    candSplit: null,
    slot,
    id,
    hasGpu: totalInfo(total).hasGpu,
    multiRole: capabilities.includes("MULTI_ROLE"),
    hierarchicalRole: capabilities.includes("HIERARCHICAL_ROLE"),
    activated: true,
    fullAvailable: available,
    hostname,
    attributes,
    capabilities,
    total,
    totalQ: totalInfo(total).q,
    orphans: undefined,
    allocated: EMPTY,
    coverage: undefined,
    lastRole: undefined,
    lastCoverage: undefined,
  };
}

let agentShapePrimed = false;

/**
 * Once per process, before the first agent: changes every field of a
 * throwaway agent record (same hidden class as every agent's) to another
 * value of each kind it will hold. V8 compiles a field that no object of a
 * hidden class has reassigned yet as a constant, and one that has held one
 * kind of value as that kind; the first object to break either discards
 * every compiled function that relied on it. Agents' coverage rows, idle
 * marks and the like first change at the first declines, after a first
 * cycle has compiled the cycle's code: that discarded the cycle's visit,
 * its offer bookkeeping and the agent loop before the first filtered round.
 */
function primeAgentShape(): void {
  if (agentShapePrimed) return;
  agentShapePrimed = true;
  const a = newAgentState("", 0, EMPTY, EMPTY, AGENT_CAPABILITIES, "", NO_ATTRIBUTES);
  const other = Resources.empty().freeze();
  const split: ScalarSplit = { all: newQVec(), reserved: newQVec(), unreservedNonRevocable: newQVec() };
  a.available = other;
  a.idleAvailable = other;
  a.idleEpoch = 0;
  a.covRole = "*";
  a.src = other;
  a.cand = other;
  a.candQ = newQVec();
  a.candPlain = false;
  a.srcEmpty = false;
  a.candEmpty = false;
  a.candMeetsMin = true;
  a.epoch = 0;
  a.count = 1;
  a.row = 0;
  a.candAllocated = other;
  a.candSplit = split;
  a.slot = 1;
  a.id = "*";
  a.hasGpu = true;
  a.multiRole = true;
  a.hierarchicalRole = true;
  a.activated = false;
  a.fullAvailable = other;
  a.hostname = "*";
  a.attributes = {};
  a.capabilities = [];
  a.total = other;
  a.totalQ = newQVec();
  a.orphans = new Map();
  a.allocated = other;
  a.coverage = new Map();
  a.lastRole = "*";
  a.lastCoverage = a;
}

/**
 * A role's cycle record, with placeholder values that `refreshRoleCycle`
 * replaces before any use. The allocator keeps one per role from cycle to
 * cycle: a new record each cycle made V8 discard the compiled cycle at the
 * start of the next one (creating an object of this shape again generalized
 * a field that the compiled code depended on), and placeholders that every
 * refresh overwrites keep all of its fields ordinary mutable fields.
 */
function newRoleCycle(role: Role): RoleCycle {
  return {
    role,
    node: undefined as unknown as RoleNode,
    sorter: undefined as unknown as Sorter,
    quotaRole: "",
    limits: undefined,
    hasQuota: true,
    noShrink: false,
    fws: sparseArray(),
    roleSlot: -1,
    nested: role.includes("/"),
    stopBelowMin: false,
    drf: false,
    pending: { all: newQVec(), reserved: newQVec(), unreservedNonRevocable: newQVec() },
    pendingCount: -1,
  };
}

function qMinus(a: QVec, b: QVec): QVec {
  const out = a.slice();
  qSub(out, b);
  return out;
}

/** Quota consumption, required and available headroom, as one cycle tracks them (see `headroom()`). */
interface CycleHeadroom {
  consumed: Map<Role, QVec>;
  required: QVec;
  available: QVec;
}

/** Adds `q` to the role's quota consumption in the cycle (roles without quota are not tracked). */
function quotaConsumedAdd(consumed: Map<Role, QVec>, role: Role, q: QVec): void {
  const c = consumed.get(role);
  if (c !== undefined) qAdd(c, q);
}

/** What stage 2 of the running cycle is offering (the visitor's state), reused from cycle to cycle. */
class FairShareCycle {
  agent: AgentState | null = null;
  rc: RoleCycle | null = null;
  /** The (agent, role)'s coverage record when its bitset applies, else null. */
  cov: Coverage | null = null;
  /** The candidate the walk started with (bits in `cov` are about it). */
  startCand: Resources = EMPTY;
  /** The agent availability `cand` was derived from. */
  candSrc: Resources = EMPTY;
  cand: Resources = EMPTY;
  candQ: QVec = newQVec();
  candPlain = true;
  candEmpty = true;
  candMeetsMin = false;
  /**
   * The (agent, role) walk's candidate is plain and nothing would shrink it
   * (no limit or headroom cuts it): it is offered as `noShrink` roles offer
   * theirs, with the coverage bitset, though the role is not `noShrink`.
   */
  unshrunk = false;
  consumed: Map<Role, QVec> = new Map();
  required: QVec = newQVec();
  available: QVec = newQVec();
  quotaActive = false;
  /**
   * Counts changes to `consumed`, `required` and `available` in this cycle:
   * what `visitFairShrinking` derives from a candidate (its offer shrunk to
   * the limits and the headroom) holds until the next change.
   */
  quotaVersion = 0;
  /** The last shrunk offer `visitFairShrinking` derived: from `shrunkFrom`, for `shrunkRole`, at `shrunkVersion`. */
  shrunkFrom: Resources | null = null;
  shrunkRole: RoleCycle | null = null;
  shrunkVersion = -1;
  shrunkAdditional: Resources = EMPTY;
  shrunkOffer: Resources = EMPTY;
  shrunkOfferQ: QVec = newQVec();
  readonly roles = new Map<Role, RoleCycle>();
  lastRole: RoleCycle | null = null;
  /** Roles with offers whose role-level bookkeeping is deferred (`pendingCount > 0`). */
  readonly pending: RoleCycle[] = [];
  /** Number of entries of `pending` in use (the array is kept at least one longer than the number of roles, so a store at this index is always inside it). */
  pendingCount = 0;
}

/** Where the entering of a cycle's offers is (end of `runAllocation`): the (framework, role) being entered and its callback map and holding list. */
class EnteringCursor {
  fw: FrameworkState | null = null;
  role: Role = "";
  byAgent: OfferMap<AgentId, Resources> | undefined = undefined;
  list: HoldingList | undefined = undefined;
  /** Stage 1 made offers, so a (framework, role, agent) may come twice. */
  mayRepeat = false;
}

/** Mesos' HierarchicalDRFAllocator (see the module comment). */
export class HierarchicalDRFAllocator {
  private readonly interval: number;
  private readonly minAllocatable: QVec[];
  private readonly excluded: string[];
  private readonly clock: Clock;
  private readonly seed: number;
  private readonly rng: Prng;
  private readonly roleSorterKind: SorterKind;
  private readonly frameworkSorterKind: SorterKind;
  private readonly offerCallback: OfferCallback;
  private readonly limitNestedRoles: boolean;
  private readonly deferred: boolean;
  private readonly batched: boolean;
  private readonly reuseShrunk: boolean;
  /** Deferred mode: candidate agents of the pending triggered allocation (null = all agents). */
  private pendingCandidates: Set<AgentId> | null | undefined = undefined;

  private readonly frameworks = new Map<FrameworkId, FrameworkState>();
  private readonly agents = new Map<AgentId, AgentState>();
  /**
   * The activated agents in the order of `agents` (the order a full cycle
   * shuffles), or null after a change to either; rebuilt by the next full
   * cycle, which then copies it instead of walking the map.
   */
  private activeAgents: AgentState[] | null = null;
  /** One private object per value for the Resources callers hand in (see `ResourcesInterner`). */
  private readonly interned = new ResourcesInterner();
  private readonly roleTree = new RoleTree();
  private readonly roleSorter: Sorter;
  private readonly frameworkSorters = new Map<Role, Sorter>();
  /** The values of `frameworkSorters`, for loops over all of them on paths run per agent (adding one changes every sorter's total). */
  private readonly frameworkSorterList: Sorter[] = [];
  private readonly totalQ: QVec = newQVec();
  private readonly filterBuckets = new Map<string, FilterBucket>();
  /** Every framework's decline filters, in typed columns (tables per framework and role). */
  private readonly filterStore = new FilterStore();
  /**
   * The filter bucket the last decline went into, with its expiry and batch
   * epoch (bucket null once its timer fired). A separate object rather than three allocator fields: V8
   * compiles fields never reassigned since construction as constants, and
   * the first reassignment of *any* allocator field discards every
   * compiled function that relied on one (the cycle's visit included). The
   * first decline would do that after a first cycle had compiled the cycle.
   */
  private readonly lastDecline: { bucket: FilterBucket | null; expiry: number; epoch: number } = { bucket: null, expiry: 0, epoch: 0 };
  private readonly agentSlots = new SlotPool();
  private readonly frameworkSlots = new SlotPool();
  /** (agent slot, framework slot) pairs that may have decline filters (see presence.ts). */
  private readonly mayFilter = new PairBits();
  /** The coverage records' bitsets (see `Coverage.row`). */
  private readonly covBits = new CoverageBits();
  /** What frameworks hold, per (framework, role, agent) (see holdings.ts). */
  private readonly held = new HoldingTable<Resources>();
  /** Agents and frameworks by slot. */
  private readonly agentBySlot: (AgentState | undefined)[] = [];
  private readonly frameworkBySlot: (FrameworkState | undefined)[] = [];
  /** Offers stage 1 made in the running cycle. */
  private cycleStage1Offers = 0;
  /**
   * The agents whose total has revocable resources: the only ones whose
   * available part can have any, which `headroom()` subtracts. Kept as the
   * totals change, so that a cycle with quota costs nothing per agent
   * without them (it walked every agent: adding 20,000 agents one at a time
   * with a guarantee took 8.4 s, each addition's cycle a walk over all).
   */
  private readonly revocableAgents = new Set<AgentState>();
  /**
   * By agent slot, 1 for the agents stage 1 made an offer on in the running
   * cycle (listed in `stage1Slots`, cleared after): only their offers can
   * meet a stage-2 offer of the same (framework, role, agent), which
   * entering merges, as Mesos' offer map adds them; every other offer is
   * appended. (Rare if possible at all: stage 2 would have to offer a role
   * more of an agent than stage 1's headroom and limits let it have; 20,000
   * random small clusters with quota, limits and filters made none. The
   * merge stays, as a guarantee.)
   */
  private stage1Agents = new Uint8Array(64);
  private readonly stage1Slots: number[] = [];
  /** The running cycle's offers (reused from cycle to cycle). */
  private readonly offerLog = new OfferLog<FrameworkState>();
  /** Number of agents with `orphans`. */
  private orphanAgents = 0;
  /**
   * The batch timer and the number of batches run (its epoch). An object of
   * their own, as `lastDecline`: the first batch would otherwise reassign
   * allocator fields for the first time, after a first cycle (run by adding
   * agents) had compiled the cycle's code relying on them never changing.
   */
  private readonly batch: { timer: TimerHandle | null; epoch: number } = { timer: null, epoch: 0 };
  /**
   * Whether allocation is paused (`pause`, `recover`), and the recovery in
   * progress: the number of agents it waits for (-1: none) and its timeout.
   */
  private readonly recovery: { paused: boolean; expected: number; timer: TimerHandle | null } = { paused: false, expected: -1, timer: null };
  private readonly recoveryTimeout: number;
  private readonly agentRecoveryFactor: number;
  /** Allocation runs counted and timed for `metrics()`, and the deferred run's request. */
  private readonly stats = new RunStats();
  /** Agents' unavailabilities, outstanding inverse offers, answers and inverse-offer filters. */
  private readonly maintenance = new MaintenanceBook();
  private readonly inverseOfferCallback: InverseOfferCallback | null;
  /** Agents' fault domains (only of agents that have one), for offer constraints. */
  private readonly faultDomains = new Map<AgentId, FaultDomain>();
  private readonly constraintsMaxProgramSize: number;
  /** The master's region (`options.domain`), or null. */
  private readonly region: string | null;
  private readonly filterGpu: boolean;
  /** Per agent slot, 1 when the agent is in another region than the master's. */
  private remoteBySlot = new Uint8Array(16);
  /** The hostnames of the agents offers are made for (null: all agents), as Mesos' `--whitelist`. */
  private readonly whitelist: { hosts: Set<string> | null } = { hosts: null };
  private closed = false;
  private sorterSeed = 0;
  /** Bumped by every change that could make an agent offerable to someone who could not take it before. */
  private epoch = 0;
  /** The running stage 2's (agent, role) and headroom, read by its visitor. */
  private readonly fair = new FairShareCycle();
  /** Where the entering of the cycle's offers is (the framework and role being entered), reused from cycle to cycle. */
  private readonly entering = new EnteringCursor();
  /**
   * Stage 2's visitor, created once: a visitor closure made per cycle
   * loses its optimized code at the next full GC (V8 keeps it only while
   * a closure lives), and the cycle after it ran unoptimized.
   */
  private readonly fairVisit = (fwId: string, slot: number): boolean | void => this.visitFair(fwId, slot);
  /** Stage 2's batch of whole-candidate offers (see `offerAgentsBatched`), with the agent and coverage record of each entry. */
  private readonly assign = new AssignBatch();
  private readonly assignAgents: AgentState[] = sparseArray();
  private readonly assignCovs: Coverage[] = sparseArray();
  /** Per entry, read while the gather has the agent in cache, so that recording its offer only writes to it: its availability, whether the candidate is all of it, and the candidate's split. */
  private readonly assignAvail: Resources[] = sparseArray();
  private assignWhole = new Uint8Array(16);
  private readonly assignSplits: ScalarSplit[] = sparseArray();
  private readonly assignAllocated: Resources[] = sparseArray();
  private readonly assignIds: AgentId[] = sparseArray();
  private assignSlots = new Int32Array(16);
  /** The batch's frameworks by sorter slot, and the sorter and `clientsVersion` its client columns were built for. */
  private readonly assignFws: FrameworkState[] = sparseArray();
  private readonly assignBuilt: { sorter: Sorter | null; version: number } = { sorter: null, version: -1 };
  /** Counts changes to the frameworks (added, removed, updated) and to the sorters' clients. */
  private clientsVersion = 0;

  constructor(options: AllocatorOptions) {
    primeAgentShape();
    if (options === null || typeof options !== "object") throw new AllocatorError("INVALID_ARGUMENT", "options must be an object");
    if (typeof options.offerCallback !== "function") throw new AllocatorError("INVALID_ARGUMENT", "options.offerCallback must be a function");
    const interval = options.allocationIntervalSeconds ?? 1;
    if (!(interval > 0) || !Number.isFinite(interval)) throw new AllocatorError("INVALID_ARGUMENT", `options.allocationIntervalSeconds must be a positive number, got ${interval}`);
    this.interval = interval;
    this.minAllocatable = (options.minAllocatableResources ?? ["cpus:0.01", "mem:32"]).map((q, i) => qvecFrom(toQuantities(q, `options.minAllocatableResources[${i}]`)));
    this.excluded = [...(options.fairnessExcludeResourceNames ?? [])];
    this.clock = options.clock ?? new RealClock();
    this.seed = options.seed ?? 1;
    this.rng = new Prng(this.seed);
    this.roleSorterKind = options.roleSorter ?? "drf";
    this.frameworkSorterKind = options.frameworkSorter ?? "drf";
    for (const k of [this.roleSorterKind, this.frameworkSorterKind]) {
      if (k !== "drf" && k !== "random") throw new AllocatorError("INVALID_ARGUMENT", `unknown sorter '${describeValue(k)}' (expected "drf" or "random")`);
    }
    this.offerCallback = options.offerCallback;
    if (options.inverseOfferCallback !== undefined && typeof options.inverseOfferCallback !== "function") throw new AllocatorError("INVALID_ARGUMENT", "options.inverseOfferCallback must be a function");
    this.inverseOfferCallback = options.inverseOfferCallback ?? null;
    this.limitNestedRoles = options.limitNestedRoles === true;
    this.batched = options.batchedFairShare !== false;
    this.reuseShrunk = options.reuseShrunkOffers !== false;
    const mode = options.triggeredAllocation ?? "immediate";
    if (mode !== "immediate" && mode !== "deferred") throw new AllocatorError("INVALID_ARGUMENT", `options.triggeredAllocation must be "immediate" or "deferred", got '${describeValue(mode)}'`);
    this.deferred = mode === "deferred";
    const timeout = options.recoveryTimeoutSeconds ?? 600;
    if (typeof timeout !== "number" || !(timeout > 0) || !Number.isFinite(timeout)) throw new AllocatorError("INVALID_ARGUMENT", `options.recoveryTimeoutSeconds must be a positive number, got ${describeValue(timeout)}`);
    this.recoveryTimeout = timeout;
    const factor = options.agentRecoveryFactor ?? 0.8;
    if (typeof factor !== "number" || !(factor >= 0 && factor <= 1)) throw new AllocatorError("INVALID_ARGUMENT", `options.agentRecoveryFactor must be a number from 0 to 1, got ${describeValue(factor)}`);
    this.agentRecoveryFactor = factor;
    const programSize = options.offerConstraintsMaxProgramSize ?? 100;
    if (typeof programSize !== "number" || !Number.isInteger(programSize) || programSize < 1) throw new AllocatorError("INVALID_ARGUMENT", `options.offerConstraintsMaxProgramSize must be a positive integer, got ${describeValue(programSize)}`);
    this.constraintsMaxProgramSize = programSize;
    const d = options.domain;
    if (d !== undefined && (d === null || typeof d !== "object" || typeof d.region !== "string" || typeof d.zone !== "string")) throw new AllocatorError("INVALID_ARGUMENT", "options.domain must be { region: string, zone: string }");
    this.region = d === undefined ? null : d.region;
    this.filterGpu = options.filterGpuResources !== false;
    this.roleSorter = this.makeSorter(this.roleSorterKind);
    this.scheduleBatch();
  }

  // ---------------------------------------------------------------- frameworks

  /** Adds a framework (Mesos `addFramework`); `used` is what it already holds per agent (allocated resources). Triggers an allocation when active. */
  addFramework(id: FrameworkId, info: FrameworkInfo, used: Map<AgentId, Resources> | Record<AgentId, Resources> = new Map(), active = true): void {
    this.clientsVersion++;
    this.checkOpen();
    this.epoch++;
    this.checkId(id, "framework id");
    if (this.frameworks.has(id)) throw new AllocatorError("DUPLICATE_FRAMEWORK", `framework '${id}' is already added`);
    const parsed = this.validateFrameworkInfo(info, `addFramework('${id}')`);
    const usedList: [AgentId, Resources][] = [];
    for (const [agentId, given] of this.toMap(used, "used")) {
      this.checkKey(agentId, `addFramework('${id}'): used`);
      if (!(given instanceof Resources)) throw new AllocatorError("INVALID_ARGUMENT", `addFramework('${id}'): used['${agentId}'] must be Resources`);
      const r = this.interned.intern(given);
      this.checkAllocated(r, () => `addFramework('${id}'): used['${agentId}']`);
      usedList.push([agentId, r]);
    }
    const fw: FrameworkState = {
      id,
      roles: new Set(parsed.roles),
      suppressed: new Set(parsed.suppressed),
      capabilities: parsed.capabilities,
      caps: capsOf(parsed.capabilities),
      active,
      minAllocatable: parsed.minAllocatable,
      filters: new Map(),
      holdings: new Map(),
      pending: undefined,
      slot: -1,
      constraints: parsed.constraints,
    };
    const reusedSlot = this.frameworkSlots.nextIsReused();
    fw.slot = this.frameworkSlots.take();
    // A fresh slot's column is clear already; a reused one may hold the old framework's bits.
    if (reusedSlot) this.mayFilter.clearColumn(fw.slot);
    this.frameworkBySlot[fw.slot] = fw;
    this.frameworks.set(id, fw);
    for (const role of fw.roles) {
      this.trackFrameworkUnderRole(fw, role);
      if (fw.suppressed.has(role) || !active) this.frameworkSorters.get(role)!.deactivate(id);
      else this.frameworkSorters.get(role)!.activate(id);
    }
    for (const [agentId, r] of usedList) {
      const agent = this.agents.get(agentId);
      if (agent === undefined) continue; // as Mesos: the agent's own `used` will carry it
      this.trackAllocated(agent, fw, r);
    }
    if (active) this.generateOffers(null);
  }

  /** Removes a framework; everything it was offered or allocated returns to the pool. */
  removeFramework(id: FrameworkId): void {
    this.clientsVersion++;
    this.checkOpen();
    this.epoch++;
    const fw = this.getFramework(id);
    // Everything it was offered or holds on each agent (all roles) returns to the agent.
    const onAgents = new Set<AgentState>();
    for (const list of fw.holdings.values()) this.held.forEachIn(list, (slot) => onAgents.add(this.agentBySlot[slot]!));
    if (this.orphanAgents > 0) for (const agent of this.agents.values()) if (agent.orphans?.has(id) === true) onAgents.add(agent);
    for (const agent of onAgents) {
      const held = this.offeredOn(agent, fw.id, fw.slot)!;
      agent.available = this.canonicalAvailable(agent, agent.available.plus(unallocated(held)));
      this.dropOrphan(agent, id);
      agent.allocated = agent.allocated.minus(held);
    }
    for (const [role, list] of [...fw.holdings]) {
      for (const e of this.held.entriesOf(list)) this.untrackAllocated(fw, role, this.agentBySlot[this.held.agent(e)]!, this.held.value(e), false);
    }
    for (const role of [...fw.roles]) if (this.frameworkSorters.get(role)?.contains(id)) this.tryUntrackFrameworkUnderRole(fw, role);
    for (const role of [...this.frameworkSorters.keys()]) if (this.frameworkSorters.get(role)?.contains(id)) this.tryUntrackFrameworkUnderRole(fw, role);
    this.clearFilters(fw, null);
    this.maintenance.removeFramework(id);
    this.frameworks.delete(id);
    this.frameworkBySlot[fw.slot] = undefined;
    this.frameworkSlots.give(fw.slot);
  }

  /** Marks a framework active again (its unsuppressed roles become eligible) and triggers an allocation. */
  activateFramework(id: FrameworkId): void {
    this.checkOpen();
    this.epoch++;
    const fw = this.getFramework(id);
    fw.active = true;
    for (const role of fw.roles) if (!fw.suppressed.has(role)) this.frameworkSorters.get(role)!.activate(id);
    this.generateOffers(null);
  }

  /** Marks a framework inactive: it gets no offers, keeps its allocation, and loses its filters. */
  deactivateFramework(id: FrameworkId): void {
    this.checkOpen();
    this.epoch++;
    const fw = this.getFramework(id);
    for (const role of fw.roles) this.frameworkSorters.get(role)!.deactivate(id);
    fw.active = false;
    this.clearFilters(fw, null);
    this.maintenance.clearFilters(id);
  }

  /** Updates roles, suppressed roles, capabilities and per-role minimums (Mesos `updateFramework`); no allocation is triggered. */
  updateFramework(id: FrameworkId, info: FrameworkInfo): void {
    this.clientsVersion++;
    this.checkOpen();
    this.epoch++;
    const fw = this.getFramework(id);
    const parsed = this.validateFrameworkInfo(info, `updateFramework('${id}')`);
    const oldRoles = fw.roles;
    const newRoles = new Set(parsed.roles);
    const oldSuppressed = new Set(fw.suppressed);
    const suppressed = new Set(parsed.suppressed);
    for (const role of newRoles) {
      if (oldRoles.has(role)) continue;
      if (!this.roleTree.get(role)?.frameworks.has(id)) this.trackFrameworkUnderRole(fw, role);
      if (fw.active) this.frameworkSorters.get(role)!.activate(id);
    }
    for (const role of oldRoles) {
      if (newRoles.has(role)) continue;
      this.frameworkSorters.get(role)!.deactivate(id);
      this.tryUntrackFrameworkUnderRole(fw, role);
      this.clearFilters(fw, role);
      fw.suppressed.delete(role);
    }
    fw.roles = newRoles;
    fw.capabilities = parsed.capabilities;
    fw.caps = capsOf(parsed.capabilities);
    fw.minAllocatable = parsed.minAllocatable;
    fw.constraints = parsed.constraints;
    for (const role of suppressed) if (!oldSuppressed.has(role)) this.suppressRole(fw, role);
    for (const role of oldSuppressed) if (!suppressed.has(role) && newRoles.has(role)) this.reviveRole(fw, role);
  }

  /** Stops offers to the given roles of a framework (default: all its roles). */
  suppressOffers(id: FrameworkId, roles?: Role[]): void {
    this.checkOpen();
    this.epoch++;
    const fw = this.getFramework(id);
    const list = this.rolesArg(fw, roles, "suppressOffers");
    for (const role of list) this.suppressRole(fw, role);
  }

  /** Resumes offers to the given roles (default: all), clears their filters, and triggers an allocation. */
  reviveOffers(id: FrameworkId, roles?: Role[]): void {
    this.checkOpen();
    this.epoch++;
    const fw = this.getFramework(id);
    const list = this.rolesArg(fw, roles, "reviveOffers");
    for (const role of list) this.reviveRole(fw, role);
    this.generateOffers(null);
  }

  /** Mesos `requestResources`: accepted and ignored, as Mesos' allocator does. */
  requestResources(id: FrameworkId, _requests: unknown): void {
    this.checkOpen();
    this.getFramework(id);
  }

  // -------------------------------------------------------------------- agents

  /** Adds an agent with its total resources and what frameworks already use on it (allocated resources). Triggers an allocation on it. */
  addAgent(id: AgentId, info: AgentInfo, used: Map<FrameworkId, Resources> | Record<FrameworkId, Resources> = new Map()): void {
    this.checkOpen();
    this.checkId(id, "agent id");
    if (this.agents.has(id)) throw new AllocatorError("DUPLICATE_AGENT", `agent '${id}' is already added`);
    if (info === null || typeof info !== "object" || !(info.resources instanceof Resources)) throw new AllocatorError("INVALID_ARGUMENT", `addAgent('${id}'): info.resources must be Resources`);
    if (info.unavailability !== undefined) {
      const problem = unavailabilityProblem(info.unavailability);
      if (problem !== null) throw new AllocatorError("INVALID_ARGUMENT", `addAgent('${id}'): info.unavailability ${problem}`);
    }
    const domain = info.faultDomain;
    if (domain !== undefined && (domain === null || typeof domain !== "object" || typeof domain.region !== "string" || typeof domain.zone !== "string")) {
      throw new AllocatorError("INVALID_ARGUMENT", `addAgent('${id}'): info.faultDomain must be { region: string, zone: string }`);
    }
    const total = unallocated(this.interned.intern(info.resources));
    // Plain arrays and index loops, not `for..of` over the Map with
    // destructuring: until V8 has compiled addAgent (thousands of calls
    // into a cold add), its interpreter runs the iteration protocol step by
    // step, which cost more than the rest of the call.
    const usedFws: FrameworkId[] = [];
    const usedRs: Resources[] = [];
    this.toMap(used, "used").forEach((given, fwId) => {
      usedFws.push(fwId);
      usedRs.push(given);
    });
    let usedSum = EMPTY;
    for (let k = 0; k < usedRs.length; k++) {
      const given = usedRs[k]!;
      const fwId = usedFws[k]!;
      this.checkKey(fwId, `addAgent('${id}'): used`);
      if (!(given instanceof Resources)) throw new AllocatorError("INVALID_ARGUMENT", `addAgent('${id}'): used['${fwId}'] must be Resources`);
      const r = this.interned.intern(given);
      this.checkAllocated(r, () => `addAgent('${id}'): used['${fwId}']`);
      usedSum = usedSum.isEmpty() ? unallocated(r) : usedSum.plus(unallocated(r));
      usedRs[k] = r;
    }
    if (!containsOf(total, usedSum)) throw new AllocatorError("INVALID_RESOURCES", `addAgent('${id}'): used resources ${usedSum.toString()} exceed the agent's total ${total.toString()}`);
    // The default capabilities and attributes are shared, frozen objects (never mutated: updateAgent replaces them).
    const capabilities = info.capabilities === undefined ? AGENT_CAPABILITIES : this.validateCapabilities(info.capabilities, `addAgent('${id}')`);
    const agentSlot = this.agentSlots.take();
    this.mayFilter.clearRow(agentSlot);
    const available = minusOf(total, usedSum);
    const agent = newAgentState(
      id,
      agentSlot,
      available,
      total,
      capabilities,
      info.hostname ?? id,
      info.attributes === undefined ? NO_ATTRIBUTES : { ...info.attributes },
    );
    this.agents.set(id, agent);
    if (totalInfo(total).hasRevocable) this.revocableAgents.add(agent);
    this.activeAgents = null;
    this.agentBySlot[agentSlot] = agent;
    this.trackReservations(total, +1);
    this.addTotal(agent.totalQ);
    for (let k = 0; k < usedRs.length; k++) {
      const fwId = usedFws[k]!;
      const r = usedRs[k]!;
      agent.allocated = agent.allocated.isEmpty() ? r : agent.allocated.plus(r);
      const fw = this.frameworks.get(fwId);
      if (fw === undefined) {
        if (!r.isEmpty()) this.addOrphan(agent, fwId, r);
        continue;
      }
      this.trackAllocated(agent, fw, r, true);
    }
    if (info.unavailability !== undefined) this.maintenance.set(id, info.unavailability);
    if (domain !== undefined) this.faultDomains.set(id, { region: domain.region, zone: domain.zone });
    if (agentSlot >= this.remoteBySlot.length) this.remoteBySlot = copyGrown(this.remoteBySlot, 2 * (agentSlot + 1));
    this.remoteBySlot[agentSlot] = this.region !== null && domain !== undefined && domain.region !== this.region ? 1 : 0;
    // Enough agents are back: the recovery ends, and this addition triggers an allocation.
    if (this.recovery.expected >= 0 && this.agents.size >= this.recovery.expected) this.endRecovery();
    this.generateOffersOn(id);
  }

  /** Removes an agent: what was offered or allocated on it leaves the shares, and its filters go. */
  removeAgent(id: AgentId): void {
    this.checkOpen();
    this.epoch++;
    const agent = this.getAgent(id);
    // What frameworks hold on the agent is its own chain of holdings: the
    // cost is what is held there, not the number of frameworks.
    for (const e of this.held.onAgent(agent.slot)) {
      const list = this.held.list(e);
      this.untrackAllocated(this.frameworkBySlot[list.fwSlot]!, list.role, agent, this.held.value(e), false);
    }
    this.removeTotal(agent.totalQ);
    this.trackReservations(agent.total, -1);
    if (agent.orphans !== undefined) this.orphanAgents--;
    this.agents.delete(id);
    this.revocableAgents.delete(agent);
    this.activeAgents = null;
    if (agent.row >= 0) this.covBits.give(agent.row);
    if (agent.coverage !== undefined) for (const c of agent.coverage.values()) if (c.row >= 0) this.covBits.give(c.row);
    this.dropAgentFilters(agent);
    this.agentBySlot[agent.slot] = undefined;
    this.agentSlots.give(agent.slot);
    if (this.maintenance.size > 0) this.maintenance.removeAgent(id);
    this.faultDomains.delete(id);
  }

  /**
   * Grows an agent by the resources of a resource provider on it (Mesos
   * `addResourceProvider`): its total by `total`, and what frameworks
   * already use of them (`used`, allocated to one role each) counts as
   * theirs, as in `addAgent`; resources used by a framework not added yet
   * are held for it (Mesos would leave them offerable until it comes). It
   * is refused (`INVALID_RESOURCES`, nothing changed) when `used` exceeds
   * what the agent then has available. No allocation is triggered, as in
   * Mesos.
   */
  addResourceProvider(agentId: AgentId, total: Resources, used: Map<FrameworkId, Resources> | Record<FrameworkId, Resources> = new Map()): void {
    this.checkOpen();
    const agent = this.getAgent(agentId);
    const where = `addResourceProvider('${agentId}')`;
    if (!(total instanceof Resources)) throw new AllocatorError("INVALID_ARGUMENT", `${where}: total must be Resources`);
    const added = unallocated(this.interned.intern(total));
    const usedList: [FrameworkId, Resources][] = [];
    let usedSum = EMPTY;
    for (const [fwId, given] of this.toMap(used, "used")) {
      this.checkKey(fwId, `${where}: used`);
      if (!(given instanceof Resources)) throw new AllocatorError("INVALID_ARGUMENT", `${where}: used['${fwId}'] must be Resources`);
      const r = this.interned.intern(given);
      this.checkAllocated(r, () => `${where}: used['${fwId}']`);
      usedList.push([fwId, r]);
      usedSum = usedSum.plus(unallocated(r));
    }
    const available = agent.available.plus(added);
    if (!available.contains(usedSum)) {
      throw new AllocatorError("INVALID_RESOURCES", `${where}: used resources ${usedSum.toString()} exceed what the agent has available with the provider's ${available.toString()}`);
    }
    this.epoch++;
    this.updateAgentTotal(agent, agent.total.plus(added));
    if (usedList.length === 0) return;
    agent.available = this.canonicalAvailable(agent, agent.available.minus(usedSum));
    for (const [fwId, r] of usedList) {
      agent.allocated = agent.allocated.plus(r);
      const fw = this.frameworks.get(fwId);
      if (fw === undefined) this.addOrphan(agent, fwId, r);
      else this.trackAllocated(agent, fw, r, true);
    }
  }

  /**
   * Removes every decline filter and inverse-offer filter any framework has
   * for an agent (Mesos `removeFilters`, which a master calls when an agent
   * comes back changed): from the next run on, the agent is offered as if
   * nobody had declined it.
   */
  removeFilters(agentId: AgentId): void {
    this.checkOpen();
    const agent = this.getAgent(agentId);
    this.epoch++;
    this.dropAgentFilters(agent);
    this.mayFilter.clearRow(agent.slot);
    this.maintenance.clearAgentFilters(agentId);
  }

  /**
   * Removes every framework's decline filters on `agent` (tables left empty
   * are dropped). Only frameworks whose may-filter bit is set for the agent
   * can have filters on it (addFilter sets the bit for every filter it adds).
   */
  private dropAgentFilters(agent: AgentState): void {
    for (const fwSlot of this.mayFilter.columnsOf(agent.slot)) {
      const fw = this.frameworkBySlot[fwSlot];
      if (fw === undefined) continue;
      for (const rf of fw.filters.values()) if (rf.table.removeAgent(agent.slot) > 0 && rf.table.size() === 0) this.dropFilters(rf);
    }
  }

  /** Updates an agent's total resources and/or capabilities; triggers an allocation on it when anything changed. */
  updateAgent(id: AgentId, total?: Resources, capabilities?: string[]): void {
    this.checkOpen();
    this.epoch++;
    const agent = this.getAgent(id);
    if (total !== undefined && !(total instanceof Resources)) throw new AllocatorError("INVALID_ARGUMENT", `updateAgent('${id}'): total must be Resources`);
    const caps = capabilities === undefined ? undefined : this.validateCapabilities(capabilities, `updateAgent('${id}')`);
    let updated = false;
    if (caps !== undefined) {
      const same = caps.length === agent.capabilities.length && caps.every((c) => agent.capabilities.includes(c));
      agent.capabilities = caps;
      agent.multiRole = caps.includes("MULTI_ROLE");
      agent.hierarchicalRole = caps.includes("HIERARCHICAL_ROLE");
      if (!same) updated = true;
    }
    if (total !== undefined) updated = this.updateAgentTotal(agent, unallocated(this.interned.intern(total))) || updated;
    if (updated) this.generateOffers([id]);
  }

  /** Makes an agent eligible for offers again (no allocation is triggered). */
  activateAgent(id: AgentId): void {
    this.checkOpen();
    this.epoch++;
    const agent = this.getAgent(id);
    if (!agent.activated) this.activeAgents = null;
    agent.activated = true;
  }

  /** Stops offering an agent; what is on it stays allocated. */
  deactivateAgent(id: AgentId): void {
    this.checkOpen();
    this.epoch++;
    const agent = this.getAgent(id);
    if (agent.activated) this.activeAgents = null;
    agent.activated = false;
  }

  // ----------------------------------------------------------------- resources

  /**
   * Returns offered or allocated resources (allocated to one role) of a
   * framework on an agent to the pool — a declined offer, or a finished
   * task — optionally installing a decline filter.
   */
  recoverResources(frameworkId: FrameworkId, agentId: AgentId, given: Resources, filters?: OfferFilters, options?: { isAllocated?: boolean }): void {
    this.checkOpen();
    const fw = this.getFramework(frameworkId);
    const agent = this.getAgent(agentId);
    if (!(given instanceof Resources)) throw new AllocatorError("INVALID_ARGUMENT", "recoverResources: resources must be Resources");
    if (given.isEmpty()) return;
    const role = this.singleRoleOf(given);
    if (role === null) throw new AllocatorError("INVALID_RESOURCES", `recoverResources: resources must be allocated to exactly one role, got ${given.toString()}`);
    const held = this.holding(fw, role, agent);
    // A whole offer declined comes back as the held object itself, or (from
    // a master that copies it) as an identical one: continue with the held
    // object, so its memoized derived forms apply.
    const resources = held === undefined || held === given ? given : held.identical(given) ? held : this.interned.intern(given);
    if (held === undefined || (held !== resources && !held.contains(resources))) {
      throw new AllocatorError("INVALID_RESOURCES", `recoverResources: framework '${frameworkId}' does not hold ${resources.toString()} on agent '${agentId}' in role '${role}' (holds ${held?.toString() ?? "{}"})`);
    }
    const refuse = refuseSecondsOf(filters, "recoverResources");
    if (options?.isAllocated === true) agent.allocated = agent.allocated.minus(resources);
    agent.available = this.canonicalAvailable(agent, agent.available.isEmpty() ? unallocated(resources) : agent.available.plus(unallocated(resources)));
    this.untrackAllocated(fw, role, agent, resources, true);
    if (refuse !== null) {
      const refused = unallocated(resources);
      this.addFilter(fw, role, agent, refused, Math.max(this.interval, refuse));
      this.markRefusedCandidate(fw, role, agent, refused);
    }
  }

  /** Marks offered resources as allocated (a task was launched with them); views only. */
  transitionOfferedToAllocated(agentId: AgentId, resources: Resources): void {
    this.checkOpen();
    const agent = this.getAgent(agentId);
    agent.allocated = agent.allocated.plus(resources);
  }

  /**
   * Applies conversions (reserve, unreserve, create volume, ...) to resources
   * offered to a framework on an agent (Mesos `updateAllocation`): the
   * offered resources are updated in place and the agent's total follows.
   */
  updateAllocation(frameworkId: FrameworkId, agentId: AgentId, offeredResources: Resources, conversions: ResourceConversion[]): void {
    this.checkOpen();
    this.epoch++;
    const fw = this.getFramework(frameworkId);
    const agent = this.getAgent(agentId);
    const allocations = this.allocationsOf(offeredResources);
    if (allocations.size !== 1) throw new AllocatorError("INVALID_RESOURCES", "updateAllocation: resources must be allocated to exactly one role");
    const role = [...allocations.keys()][0]!;
    const held = this.holding(fw, role, agent);
    if (held === undefined || !held.contains(offeredResources)) throw new AllocatorError("INVALID_RESOURCES", `updateAllocation: framework '${frameworkId}' does not hold ${offeredResources.toString()} on agent '${agentId}'`);
    let updated = offeredResources;
    let newTotal = agent.total;
    for (const [i, c] of conversions.entries()) {
      if (!(c?.consumed instanceof Resources) || !(c?.converted instanceof Resources)) throw new AllocatorError("INVALID_ARGUMENT", `updateAllocation: conversions[${i}] needs consumed and converted Resources`);
      if (!updated.contains(c.consumed)) throw new AllocatorError("INVALID_RESOURCES", `updateAllocation: conversions[${i}] consumes ${c.consumed.toString()} which is not in ${updated.toString()}`);
      updated = updated.minus(c.consumed).plus(c.converted);
      if (!c.consumed.isEmpty()) {
        const consumed = c.consumed.unallocate();
        if (!newTotal.contains(consumed)) throw new AllocatorError("INVALID_RESOURCES", `updateAllocation: conversions[${i}] consumes resources the agent does not have`);
        newTotal = newTotal.minus(consumed).plus(c.converted.unallocate());
      }
    }
    // Apply: swap the holding, then the agent total.
    const list = fw.holdings.get(role)!;
    this.held.setValue(this.held.find(list, agent.slot), held.minus(offeredResources).plus(updated));
    const oldSplit = splitOf(offeredResources);
    const newSplit = splitOf(updated);
    this.roleTree.untrackOffered(role, oldSplit);
    this.roleTree.trackOffered(role, newSplit);
    this.frameworkSorters.get(role)!.unallocated(frameworkId, oldSplit.all);
    this.roleSorter.unallocated(role, oldSplit.all);
    this.sorterReallocate(role, frameworkId, newSplit.all);
    this.updateAgentTotal(agent, newTotal);
  }

  /**
   * Applies conversions (reserve, unreserve, create or destroy a volume) to
   * an agent's available resources, those neither offered nor allocated
   * (Mesos `updateAvailable`, what a master's operator endpoints such as
   * `/reserve` call): the agent's total follows. Conversions given in
   * allocated form apply to the unallocated resources alike. If the
   * available resources cannot supply a conversion (an allocation took them
   * since the master decided), nothing changes and `INVALID_RESOURCES` says
   * which. No allocation is triggered, as in Mesos.
   */
  updateAvailable(agentId: AgentId, conversions: ResourceConversion[]): void {
    this.checkOpen();
    const agent = this.getAgent(agentId);
    if (!Array.isArray(conversions)) throw new AllocatorError("INVALID_ARGUMENT", `updateAvailable('${agentId}'): conversions must be an array, got ${describeValue(conversions)}`);
    let available = agent.available;
    let total = agent.total;
    for (const [i, c] of conversions.entries()) {
      if (!(c?.consumed instanceof Resources) || !(c?.converted instanceof Resources)) throw new AllocatorError("INVALID_ARGUMENT", `updateAvailable('${agentId}'): conversions[${i}] needs consumed and converted Resources`);
      const consumed = c.consumed.unallocate();
      const converted = c.converted.unallocate();
      if (!available.contains(consumed)) {
        throw new AllocatorError("INVALID_RESOURCES", `updateAvailable('${agentId}'): conversions[${i}] consumes ${consumed.toString()}, which is not available (available: ${available.toString()})`);
      }
      available = available.minus(consumed).plus(converted);
      total = total.minus(consumed).plus(converted);
    }
    this.epoch++;
    this.updateAgentTotal(agent, unallocated(this.interned.intern(total)));
  }

  // ------------------------------------------------------------ weights, quota

  /** Sets role weights (> 0); no allocation is triggered. */
  updateWeights(weights: Record<Role, number> | Map<Role, number>): void {
    this.checkOpen();
    this.epoch++;
    const entries = weights instanceof Map ? [...weights] : Object.entries(weights ?? {});
    for (const [role, w] of entries) {
      const p = roleProblem(role);
      if (p !== null) throw new AllocatorError("INVALID_ARGUMENT", `updateWeights: ${p}`);
      if (typeof w !== "number" || !(w > 0) || !Number.isFinite(w)) throw new AllocatorError("INVALID_ARGUMENT", `updateWeights: weight of '${role}' must be a positive number, got ${describeValue(w)}`);
    }
    for (const [role, w] of entries) {
      this.roleTree.ensure(role).weight = w;
      this.roleSorter.updateWeight(role, w);
    }
  }

  /** Sets a top-level role's quota (guarantees and limits replace the previous ones); no allocation is triggered. */
  updateQuota(role: Role, quota: QuotaUpdate): void {
    this.checkOpen();
    const parsed = this.parseQuota(role, quota, "updateQuota");
    this.epoch++;
    this.roleTree.ensure(role).quota = parsed;
  }

  /** Checks a role and its quota (messages start with `where`) and returns the quota in the role tree's form. */
  private parseQuota(role: Role, quota: QuotaUpdate, where: string): QuotaConfig {
    const p = roleProblem(role);
    if (p !== null) throw new AllocatorError("INVALID_ARGUMENT", `${where}: ${p}`);
    if (role.includes("/")) throw new AllocatorError("INVALID_ARGUMENT", `${where}: quota can only be set on top-level roles, got '${role}'`);
    if (quota !== undefined && quota !== null && typeof quota !== "object") throw new AllocatorError("INVALID_ARGUMENT", `${where}: quota must be an object with guarantees and/or limits, got ${describeValue(quota)}`);
    const guarantees = quota?.guarantees === undefined ? ResourceQuantities.empty() : toQuantities(quota.guarantees, `${where}: guarantees`);
    const limits = quota?.limits === undefined ? null : toQuantities(quota.limits, `${where}: limits`);
    const limitMap = new Map<number, number>();
    if (limits !== null) for (const [name, v] of limits.entries()) limitMap.set(NAMES.id(name), v);
    return { guarantees: qvecFrom(guarantees), limits: limitMap };
  }

  // --------------------------------------------------------------- allocation

  /** Runs one allocation cycle over all agents now (what the batch timer does); a no-op while paused. */
  allocate(): void {
    this.checkOpen();
    this.runCycle(null);
  }

  /** Stops the batch timer and any filter timers; the allocator refuses further calls. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.batch.timer !== null) this.clock.cancel(this.batch.timer);
    if (this.recovery.timer !== null) this.clock.cancel(this.recovery.timer);
  }

  // ------------------------------------------------- pausing and recovery

  /**
   * Pauses allocation (Mesos `pause`): until `resume`, no allocation runs —
   * not the periodic batch, not one triggered by an event, not
   * `allocate()` — and events record no candidate agents. Everything else
   * goes on: agents, frameworks, declines and filters (which still expire)
   * are tracked as usual. Idempotent.
   */
  pause(): void {
    this.checkOpen();
    this.recovery.paused = true;
  }

  /**
   * Resumes allocation (Mesos `resume`). It runs nothing itself: the next
   * batch (or the next event that triggers an allocation) does. Idempotent.
   * A recovery in progress (`recover`) ends with it.
   */
  resume(): void {
    this.checkOpen();
    this.endRecovery();
  }

  /** Whether allocation is paused (by `pause` or by a recovery in progress). */
  isPaused(): boolean {
    return this.recovery.paused;
  }

  /**
   * Recovery after a master failover (Mesos `recover`), called before the
   * first agent is added: sets the quotas the master recovered and, when
   * there are any, pauses allocation until `agentRecoveryFactor` (0.8) of
   * the `expectedAgentCount` agents it knew are back (rounded down) or
   * `recoveryTimeoutSeconds` (600) have passed, whichever comes first:
   * allocating quota on a partial view of the cluster would over-commit it.
   * With no quota, or when no agent need come back, it changes nothing
   * else. When the last awaited agent is added, allocation resumes and that
   * agent's addition triggers its allocation, as in Mesos; the others wait
   * for the next batch.
   */
  recover(expectedAgentCount: number, quotas: Map<Role, QuotaUpdate> | Record<Role, QuotaUpdate> = {}): void {
    this.checkOpen();
    if (this.agents.size > 0) throw new AllocatorError("INVALID_ARGUMENT", `recover: must be called before any agent is added (${this.agents.size} added)`);
    if (typeof expectedAgentCount !== "number" || !Number.isInteger(expectedAgentCount) || expectedAgentCount < 0) {
      throw new AllocatorError("INVALID_ARGUMENT", `recover: expectedAgentCount must be a non-negative integer, got ${describeValue(expectedAgentCount)}`);
    }
    if (quotas === null || typeof quotas !== "object") throw new AllocatorError("INVALID_ARGUMENT", `recover: quotas must be a Map or an object of role -> quota, got ${describeValue(quotas)}`);
    const entries = quotas instanceof Map ? [...quotas] : Object.entries(quotas);
    // Every quota is checked before any is set: an invalid one changes nothing.
    const parsed = entries.map(([role, q]) => [role, this.parseQuota(role, q, `recover: quota of '${describeValue(role)}'`)] as const);
    if (parsed.length === 0) return;
    this.epoch++;
    for (const [role, q] of parsed) this.roleTree.ensure(role).quota = q;
    const expected = Math.floor(expectedAgentCount * this.agentRecoveryFactor);
    if (expected === 0) return;
    this.recovery.paused = true;
    this.recovery.expected = expected;
    if (this.recovery.timer !== null) this.clock.cancel(this.recovery.timer);
    this.recovery.timer = this.clock.schedule(this.recoveryTimeout, () => {
      this.recovery.timer = null;
      // Mesos' delayed `resume` fires whatever happened since; here a
      // recovery that ended otherwise (`resume`, enough agents) cancelled
      // this timer, so it cannot undo a later `pause`.
      if (!this.closed) this.endRecovery();
    });
  }

  /**
   * Restricts offers to the agents whose hostname (`AgentInfo.hostname`,
   * default its id) is listed, or lifts the restriction (null), as Mesos'
   * `updateWhitelist` (the master's `--whitelist` file). An empty list means
   * no offers at all. Agents left out keep what they have offered and
   * allocated; no allocation is triggered.
   */
  updateWhitelist(hostnames: Iterable<string> | null): void {
    this.checkOpen();
    if (hostnames === null) {
      this.whitelist.hosts = null;
      return;
    }
    if (hostnames === undefined || typeof (hostnames as Iterable<string>)[Symbol.iterator] !== "function" || typeof hostnames === "string") {
      throw new AllocatorError("INVALID_ARGUMENT", `updateWhitelist: hostnames must be an iterable of strings or null, got ${describeValue(hostnames)}`);
    }
    const hosts = new Set<string>();
    for (const h of hostnames) {
      if (typeof h !== "string") throw new AllocatorError("INVALID_ARGUMENT", `updateWhitelist: hostnames must be strings, got ${describeValue(h)}`);
      hosts.add(h);
    }
    this.whitelist.hosts = hosts;
  }

  // ------------------------------------------------------------ maintenance

  /**
   * Sets or clears (null) an agent's scheduled unavailability (Mesos
   * `updateUnavailability`). From the next allocation run on, every active
   * framework offered or holding resources on the agent gets an inverse
   * offer for it (`inverseOfferCallback`), once until it responds
   * (`updateInverseOffer`). Replacing the schedule starts over: outstanding
   * inverse offers, answers and every framework's inverse-offer filters for
   * the agent are dropped. Triggers an allocation on the agent. Regular
   * offers of the agent go on as before: the master attaches the
   * unavailability to them.
   */
  updateUnavailability(agentId: AgentId, unavailability: Unavailability | null): void {
    this.checkOpen();
    this.getAgent(agentId);
    if (unavailability !== null) {
      const problem = unavailabilityProblem(unavailability);
      if (problem !== null) throw new AllocatorError("INVALID_ARGUMENT", `updateUnavailability('${agentId}'): unavailability ${problem}`);
    }
    this.maintenance.set(agentId, unavailability);
    this.generateOffers([agentId]);
  }

  /**
   * A framework's response to its inverse offer for an agent (Mesos
   * `updateInverseOffer`): `status` (accept or decline, with a timestamp,
   * default now) is recorded if given, and the inverse offer is no longer
   * outstanding, so a later run may send another; a response to no
   * outstanding inverse offer (an old one) records nothing. With `filters`,
   * the framework hears no inverse offer for the agent for `refuseSeconds`
   * (Mesos' rules: default 5, 0 none, capped at 365 days). The master calls
   * it without status or filters when an inverse offer is rescinded or
   * times out. The agent must have an unavailability (Mesos CHECK-fails).
   */
  updateInverseOffer(agentId: AgentId, frameworkId: FrameworkId, status?: { status: "ACCEPT" | "DECLINE"; timestamp?: number } | null, filters?: OfferFilters | null): void {
    this.checkOpen();
    this.getAgent(agentId);
    this.getFramework(frameworkId);
    const where = `updateInverseOffer('${agentId}', '${frameworkId}')`;
    if (this.maintenance.unavailability(agentId) === undefined) throw new AllocatorError("INVALID_ARGUMENT", `${where}: the agent has no unavailability`);
    let answer: InverseOfferStatus | undefined;
    if (status !== undefined && status !== null) {
      if (typeof status !== "object" || (status.status !== "ACCEPT" && status.status !== "DECLINE")) {
        throw new AllocatorError("INVALID_ARGUMENT", `${where}: status must be { status: "ACCEPT" | "DECLINE" }, got ${describeValue(typeof status === "object" ? status.status : status)}`);
      }
      const timestamp = status.timestamp ?? this.clock.now();
      if (typeof timestamp !== "number" || !Number.isFinite(timestamp)) throw new AllocatorError("INVALID_ARGUMENT", `${where}: timestamp must be a finite number, got ${describeValue(timestamp)}`);
      answer = { status: status.status, timestamp };
    }
    const refuse = refuseSecondsOf(filters, where);
    this.maintenance.respond(agentId, frameworkId, answer);
    if (refuse !== null) {
      const filter = this.maintenance.addFilter(frameworkId, agentId, this.clock.now() + refuse);
      this.clock.schedule(refuse, () => this.maintenance.expire(frameworkId, agentId, filter));
    }
  }

  /** Per agent with an unavailability, each framework's latest answer to its inverse offer (Mesos `getInverseOfferStatuses`). */
  inverseOfferStatuses(): Map<AgentId, Map<FrameworkId, InverseOfferStatus>> {
    return this.maintenance.statuses();
  }

  /** The run's inverse offers (see `MaintenanceBook.collect`), one callback per framework. */
  private sendInverseOffers(candidates: AgentId[] | null): void {
    const offers = this.maintenance.collect(
      candidates,
      (agentId) => {
        const agent = this.agents.get(agentId);
        return agent === undefined ? [] : this.offeredByFramework(agent).keys();
      },
      (fwId) => this.frameworks.get(fwId)?.active === true,
      EMPTY,
      this.clock.now(),
    );
    if (this.inverseOfferCallback === null) return;
    for (const [fwId, byAgent] of offers) this.inverseOfferCallback(fwId, byAgent);
  }

  /** Ends pausing and any recovery in progress (and its timer). */
  private endRecovery(): void {
    const r = this.recovery;
    r.paused = false;
    r.expected = -1;
    if (r.timer !== null) {
      this.clock.cancel(r.timer);
      r.timer = null;
    }
  }

  // ---------------------------------------------------------------- views

  /** Everything offered or allocated to a role (the role alone, not its descendants). */
  roleAllocation(role: Role): Resources {
    let out = Resources.empty();
    for (const fw of this.frameworks.values()) {
      const list = fw.holdings.get(role);
      if (list === undefined) continue;
      this.held.forEachIn(list, (_slot, r) => (out = out.plus(r)));
    }
    return out;
  }

  /** What a framework has been offered or allocated, per agent (all roles, allocated form). */
  frameworkAllocation(id: FrameworkId): Map<AgentId, Resources> {
    const fw = this.getFramework(id);
    const out = new Map<AgentId, Resources>();
    for (const list of fw.holdings.values()) {
      this.held.forEachIn(list, (slot, r) => {
        const a = this.agentBySlot[slot]!.id;
        out.set(a, (out.get(a) ?? Resources.empty()).plus(r));
      });
    }
    return out;
  }

  /** What a framework has been offered or allocated, per role and agent. */
  frameworkAllocationByRole(id: FrameworkId): Map<Role, Map<AgentId, Resources>> {
    const fw = this.getFramework(id);
    const out = new Map<Role, Map<AgentId, Resources>>();
    for (const [role, list] of fw.holdings) out.set(role, this.holdingMap(list));
    return out;
  }

  /** Weighted dominant shares of roles (in the role sorter) and of frameworks within each role. */
  dominantShares(): { roles: Map<Role, number>; frameworks: Map<Role, Map<FrameworkId, number>> } {
    const roles = new Map<Role, number>();
    const frameworks = new Map<Role, Map<FrameworkId, number>>();
    for (const [role, sorter] of [...this.frameworkSorters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      roles.set(role, this.roleSorter.share(role));
      const m = new Map<FrameworkId, number>();
      for (const id of [...(this.roleTree.get(role)?.frameworks ?? [])].sort()) if (sorter.contains(id)) m.set(id, sorter.share(id));
      frameworks.set(role, m);
    }
    return { roles, frameworks };
  }

  /** Offered-but-not-allocated and allocated resources, per agent (optionally for one agent). */
  offeredVsAllocated(agentId?: AgentId): Map<AgentId, { offered: Resources; allocated: Resources }> {
    const out = new Map<AgentId, { offered: Resources; allocated: Resources }>();
    const list = agentId === undefined ? [...this.agents.values()] : [this.getAgent(agentId)];
    for (const a of list) {
      let all = Resources.empty();
      for (const r of this.offeredByFramework(a).values()) all = all.plus(r);
      out.set(a.id, { offered: all.minus(a.allocated), allocated: a.allocated.freeze() });
    }
    return out;
  }

  /** Quota headroom as the next cycle would compute it: required (unsatisfied guarantees) and available, in units per name. */
  quotaHeadroom(): { required: Record<string, number>; available: Record<string, number>; consumed: Record<Role, Record<string, number>> } {
    const h = this.headroom();
    const consumed: Record<Role, Record<string, number>> = {};
    for (const [role, q] of h.consumed) consumed[role] = qToRecord(q);
    return { required: qToRecord(h.required), available: qToRecord(h.available), consumed };
  }

  /** Decline filters in force (optionally for one framework), in a stable order. */
  activeFilters(frameworkId?: FrameworkId): FilterView[] {
    const list = frameworkId === undefined ? [...this.frameworks.values()] : [this.getFramework(frameworkId)];
    const out: FilterView[] = [];
    for (const fw of list) {
      for (const [role, rf] of fw.filters) {
        rf.table.forEach((slot, resources, expiresAt) => out.push({ framework: fw.id, role, agent: this.agentBySlot[slot]!.id, resources: resources.freeze(), expiresAt }));
      }
    }
    return out;
  }

  /**
   * The allocator's metrics under the names a Mesos master publishes them
   * (`/metrics/snapshot`, Apache Mesos' docs/monitoring.md), keys sorted;
   * docs/allocator.md lists them. Counts and amounts are exact; the timers
   * (`allocation_run_ms`, `allocation_run_latency_ms`) are wall time, the
   * only values that differ between two runs of the same events.
   * Amounts are in Mesos' units (cpus, MB of mem and disk).
   */
  metrics(): Record<string, number> {
    const out: Record<string, number> = {};
    const now = this.clock.now();
    const stats = this.stats;
    out["allocator/mesos/allocation_runs"] = stats.runs;
    stats.run.writeTo(out, "allocator/mesos/allocation_run_ms", now);
    stats.latency.writeTo(out, "allocator/mesos/allocation_run_latency_ms", now);
    // The only work this allocator defers is a triggered allocation (deferred mode).
    const waiting = stats.queued ? 1 : 0;
    out["allocator/mesos/event_queue_dispatches"] = waiting;
    out["allocator/event_queue_dispatches"] = waiting;
    // Offered or allocated on every agent: its total less what is still available.
    const used = newQVec();
    for (const a of this.agents.values()) {
      qAdd(used, a.totalQ);
      qSub(used, scalarQVec(a.available));
    }
    for (const name of ["cpus", "mem", "disk"]) {
      const i = NAMES.find(name);
      out[`allocator/mesos/resources/${name}/total`] = i < 0 ? 0 : (this.totalQ[i] ?? 0) / 1000;
      out[`allocator/mesos/resources/${name}/offered_or_allocated`] = i < 0 ? 0 : (used[i] ?? 0) / 1000;
    }
    // Per role that frameworks subscribe to or hold resources in (Mesos' tracked roles).
    for (const role of this.frameworkSorters.keys()) {
      out[`allocator/mesos/roles/${role}/shares/dominant`] = this.roleSorter.contains(role) ? this.roleSorter.share(role) : 0;
      let active = 0;
      for (const fw of this.frameworks.values()) active += fw.filters.get(role)?.table.size() ?? 0;
      out[`allocator/mesos/offer_filters/roles/${role}/active`] = active;
    }
    // Per top-level role with a quota other than the default.
    const consumed = this.headroom().consumed;
    for (const node of this.roleTree.topLevel()) {
      const q = node.quota;
      if (isDefaultQuota(q)) continue;
      const prefix = `allocator/mesos/quota/roles/${node.path}/resources/`;
      const names = new Set<number>();
      for (let i = 0; i < q.guarantees.length; i++) {
        if (q.guarantees[i] === 0) continue;
        names.add(i);
        out[`${prefix}${NAMES.names[i]}/guarantee`] = q.guarantees[i]! / 1000;
      }
      for (const [i, v] of q.limits) {
        names.add(i);
        out[`${prefix}${NAMES.names[i]}/limit`] = v / 1000;
      }
      const own = this.roleSorter.contains(node.path) ? this.roleSorter.allocation(node.path) : NO_QUANTITIES;
      for (const i of names) out[`${prefix}${NAMES.names[i]}/offered_or_allocated`] = (own[i] ?? 0) / 1000;
      const c = consumed.get(node.path) ?? NO_QUANTITIES;
      for (let i = 0; i < c.length; i++) if (c[i] !== 0) out[`${prefix}${NAMES.names[i]}/consumed`] = c[i]! / 1000;
    }
    const sorted: Record<string, number> = {};
    for (const k of Object.keys(out).sort()) sorted[k] = out[k]!;
    return sorted;
  }

  /** Ids of the frameworks, in the order they were added. */
  frameworkIds(): FrameworkId[] {
    return [...this.frameworks.keys()];
  }

  /** Ids of the agents, in the order they were added. */
  agentIds(): AgentId[] {
    return [...this.agents.keys()];
  }

  /** An agent's total and currently unoffered resources. */
  agentResources(id: AgentId): { total: Resources; available: Resources; activated: boolean } {
    const a = this.getAgent(id);
    return { total: a.total.freeze(), available: a.available.freeze(), activated: a.activated };
  }

  /** Whether a framework is active, its roles, suppressed roles, capabilities, and the roles its offer constraints restrict. */
  frameworkState(id: FrameworkId): { active: boolean; roles: Role[]; suppressedRoles: Role[]; capabilities: string[]; constrainedRoles: Role[] } {
    const f = this.getFramework(id);
    return { active: f.active, roles: [...f.roles], suppressedRoles: [...f.suppressed], capabilities: [...f.capabilities], constrainedRoles: f.constraints?.roles() ?? [] };
  }

  /**
   * A deterministic JSON-able picture of the whole state (for tests and
   * debugging): frameworks, agents, holdings, filters, quota and weights.
   */
  snapshot(): unknown {
    const fws = [...this.frameworks.values()].map((f) => ({
      id: f.id,
      active: f.active,
      roles: [...f.roles].sort(),
      suppressed: [...f.suppressed].sort(),
      capabilities: [...f.capabilities],
      constrainedRoles: (f.constraints?.roles() ?? []).sort(),
      holdings: [...f.holdings].map(([role, list]) => [role, [...this.holdingMap(list)].map(([a, r]) => [a, r.toString()])]),
      filters: [...f.filters].map(([role, rf]) => {
        const byAgent = new Map<AgentId, [string, number][]>();
        rf.table.forEach((slot, resources, expiresAt) => {
          const agent = this.agentBySlot[slot]!.id;
          let l = byAgent.get(agent);
          if (l === undefined) byAgent.set(agent, (l = []));
          l.push([resources.toString(), expiresAt]);
        });
        return [role, [...byAgent]];
      }),
    }));
    const agents = [...this.agents.values()].map((a) => ({
      id: a.id,
      activated: a.activated,
      capabilities: [...a.capabilities],
      total: a.total.toString(),
      available: a.available.toString(),
      offered: [...this.offeredByFramework(a)].map(([f, r]) => [f, r.toString()]),
      allocated: a.allocated.toString(),
    }));
    const roles = this.roleTree.roles().map((r) => {
      const n = this.roleTree.get(r)!;
      return { role: r, weight: n.weight, guarantees: qToRecord(n.quota.guarantees), limits: [...n.quota.limits], frameworks: [...n.frameworks].sort() };
    });
    return { frameworks: fws, agents, roles, sorters: [...this.frameworkSorters.keys()].sort(), maintenance: this.maintenance.snapshot(), paused: this.recovery.paused, whitelist: this.whitelist.hosts === null ? null : [...this.whitelist.hosts].sort(), time: this.clock.now() };
  }

  // ------------------------------------------------------------ internals

  private makeSorter(kind: SorterKind): Sorter {
    return kind === "drf" ? new DrfSorter(this.excluded) : new RandomSorter(this.seed + ++this.sorterSeed);
  }

  private checkOpen(): void {
    if (this.closed) throw new AllocatorError("CLOSED", "the allocator is closed");
  }

  private checkId(id: unknown, what: string): void {
    if (typeof id !== "string" || id.length === 0) throw new AllocatorError("INVALID_ARGUMENT", `${what} must be a non-empty string`);
  }

  private getFramework(id: FrameworkId): FrameworkState {
    const f = typeof id === "string" ? this.frameworks.get(id) : undefined;
    if (f === undefined) throw new AllocatorError("UNKNOWN_FRAMEWORK", `unknown framework '${describeValue(id)}'`);
    return f;
  }

  private getAgent(id: AgentId): AgentState {
    const a = typeof id === "string" ? this.agents.get(id) : undefined;
    if (a === undefined) throw new AllocatorError("UNKNOWN_AGENT", `unknown agent '${describeValue(id)}'`);
    return a;
  }

  private toMap<V>(m: Map<string, V> | Record<string, V> | undefined, what: string): Map<string, V> {
    if (m === undefined || m === null) return new Map();
    // A Map's keys may be anything: the callers' loops check each with `checkKey`.
    if (m instanceof Map) return m;
    if (typeof m !== "object") throw new AllocatorError("INVALID_ARGUMENT", `${what} must be a Map or an object`);
    return new Map(Object.entries(m));
  }

  /** Throws unless `k`, a key of a Map given as `what`, is an id (a non-empty string). */
  private checkKey(k: unknown, what: string): void {
    if (typeof k !== "string" || k.length === 0) throw new AllocatorError("INVALID_ARGUMENT", `${what}: keys must be non-empty strings (ids), got ${describeValue(k)}`);
  }

  /** Throws unless `r` is empty or carries an allocation role; `what` (built only on failure) names the argument. */
  private checkAllocated(r: Resources, what: () => string): void {
    if (r.isEmpty()) return;
    let ok = true;
    try {
      ok = allocationsOf(r).size > 0;
    } catch {
      ok = false;
    }
    if (!ok) throw new AllocatorError("INVALID_RESOURCES", `${what()}: resources must carry an allocation role (Resources.allocate(role))`);
  }

  private allocationsOf(r: Resources): Map<string, Resources> {
    try {
      return allocationsOf(r);
    } catch {
      return new Map();
    }
  }

  /** The one role `r` is allocated to, or null when it is allocated to none or several (or has unallocated entries). */
  private singleRoleOf(r: Resources): Role | null {
    return singleRoleMemo.get(r);
  }


  private validateCapabilities(c: unknown, what: string): string[] {
    if (!Array.isArray(c) || c.some((x) => typeof x !== "string")) throw new AllocatorError("INVALID_ARGUMENT", `${what}: capabilities must be an array of strings`);
    return [...c];
  }

  private validateFrameworkInfo(info: FrameworkInfo, what: string): { roles: Role[]; suppressed: Role[]; capabilities: string[]; minAllocatable: Map<Role, QVec[]>; constraints: OfferConstraintsFilter | null } {
    if (info === null || typeof info !== "object") throw new AllocatorError("INVALID_ARGUMENT", `${what}: info must be an object`);
    if (!Array.isArray(info.roles)) throw new AllocatorError("INVALID_ARGUMENT", `${what}: roles must be an array`);
    for (const r of info.roles) {
      const p = roleProblem(r);
      if (p !== null) throw new AllocatorError("INVALID_ARGUMENT", `${what}: ${p}`);
    }
    const roles = [...new Set(info.roles)];
    const suppressed = [...new Set(info.suppressedRoles ?? [])];
    for (const r of suppressed) if (!roles.includes(r)) throw new AllocatorError("INVALID_ARGUMENT", `${what}: suppressed role '${r}' is not one of the framework's roles`);
    const capabilities = this.validateCapabilities(info.capabilities ?? ["MULTI_ROLE"], what);
    const minAllocatable = new Map<Role, QVec[]>();
    for (const [role, list] of Object.entries(info.minAllocatableResources ?? {})) {
      if (!Array.isArray(list)) throw new AllocatorError("INVALID_ARGUMENT", `${what}: minAllocatableResources['${role}'] must be an array`);
      minAllocatable.set(role, list.map((q, i) => qvecFrom(toQuantities(q, `${what}: minAllocatableResources['${role}'][${i}]`))));
    }
    let constraints: OfferConstraintsFilter | null = null;
    if (info.offerConstraints !== undefined) {
      try {
        constraints = OfferConstraintsFilter.compile(info.offerConstraints, this.constraintsMaxProgramSize);
      } catch (e) {
        if (!(e instanceof OfferConstraintsError)) throw e;
        throw new AllocatorError("INVALID_ARGUMENT", `${what}: offerConstraints: ${e.message}`);
      }
      // As Mesos' master validates them: constraints only for subscribed roles.
      for (const r of constraints.roles()) if (!roles.includes(r)) throw new AllocatorError("INVALID_ARGUMENT", `${what}: offerConstraints: role '${r}' is not one of the framework's roles`);
    }
    return { roles, suppressed, capabilities, minAllocatable, constraints };
  }

  private rolesArg(fw: FrameworkState, roles: Role[] | undefined, what: string): Role[] {
    if (roles === undefined || roles.length === 0) return [...fw.roles];
    if (!Array.isArray(roles)) throw new AllocatorError("INVALID_ARGUMENT", `${what}: roles must be an array`);
    for (const r of roles) if (!fw.roles.has(r)) throw new AllocatorError("UNKNOWN_ROLE", `${what}: framework '${fw.id}' is not subscribed to role '${describeValue(r)}'`);
    return [...new Set(roles)];
  }

  private suppressRole(fw: FrameworkState, role: Role): void {
    this.frameworkSorters.get(role)!.deactivate(fw.id);
    fw.suppressed.add(role);
  }

  private reviveRole(fw: FrameworkState, role: Role): void {
    this.clearFilters(fw, role);
    if (fw.active) this.frameworkSorters.get(role)!.activate(fw.id);
    fw.suppressed.delete(role);
  }

  private addTotal(q: QVec): void {
    qAdd(this.totalQ, q);
    this.roleSorter.addTotal(q);
    const sorters = this.frameworkSorterList;
    for (let i = 0; i < sorters.length; i++) sorters[i]!.addTotal(q);
  }

  private removeTotal(q: QVec): void {
    qSub(this.totalQ, q);
    this.roleSorter.removeTotal(q);
    const sorters = this.frameworkSorterList;
    for (let i = 0; i < sorters.length; i++) sorters[i]!.removeTotal(q);
  }

  private trackReservations(total: Resources, sign: number): void {
    const reservations = totalInfo(total).reservations;
    if (sign === 0 || reservations.size === 0) return;
    for (const [role, q] of reservations) {
      if (sign > 0) this.roleTree.trackReservations(role, q);
      else this.roleTree.untrackReservations(role, q);
    }
  }

  /** The candidate record of (agent, role) for the agent's current `available` (see `Coverage`). */
  private candidate(agent: AgentState, role: Role): Coverage {
    if (agent.covRole === role || agent.covRole === undefined) {
      agent.covRole = role;
      if (agent.src !== agent.available) {
        const src = agent.available;
        const cand = allocatableToMemo(src, role);
        agent.src = src;
        agent.srcEmpty = src.isEmpty();
        if (agent.cand !== cand) {
          agent.cand = cand;
          agent.candQ = quantitiesOf(cand);
          agent.candPlain = isPlain(cand);
          agent.candEmpty = cand.isEmpty();
          agent.candMeetsMin = meetsAny(agent.candQ, this.minAllocatable);
          agent.candAllocated = null;
          agent.candSplit = null;
          agent.epoch = -1;
          if (agent.count > 0) this.covBits.clearRow(agent.row);
          agent.count = 0;
        }
      }
      return agent;
    }
    let c = agent.lastRole === role ? agent.lastCoverage : agent.coverage?.get(role);
    if (c === undefined || c.src !== agent.available) {
      const src = agent.available;
      const cand = allocatableToMemo(src, role);
      if (c !== undefined && c.cand === cand) {
        c.src = src;
      } else {
        if (c !== undefined && c.row >= 0) this.covBits.give(c.row);
        const candQ = quantitiesOf(cand);
        const fresh: Coverage = { src, cand, candQ, candPlain: isPlain(cand), candEmpty: cand.isEmpty(), candMeetsMin: meetsAny(candQ, this.minAllocatable), candAllocated: null, candSplit: null, epoch: -1, row: -1, count: 0 };
        c = fresh;
        let m = agent.coverage;
        if (m === undefined) agent.coverage = m = new Map();
        m.set(role, c);
      }
    }
    agent.lastRole = role;
    agent.lastCoverage = c;
    return c;
  }

  /**
   * `c` with its bitset valid for the current epoch (cleared when stale).
   * The bitset itself is allocated by the first mark (`markCovered`): most
   * (agent, role) pairs never need one.
   */
  private coverage(c: Coverage): Coverage {
    if (c.epoch !== this.epoch) {
      if (c.count > 0) this.covBits.clearRow(c.row);
      c.epoch = this.epoch;
      c.count = 0;
    }
    return c;
  }

  /** Records in `c` that the framework in `slot` cannot take `c.cand` (growing the bitset to `capacity` slots). */
  private markCovered(c: Coverage, slot: number, capacity: number): void {
    if (c.row < 0) c.row = this.covBits.take(capacity);
    if (this.covBits.set(c.row, slot, capacity)) c.count++;
  }


  /**
   * A decline that refuses exactly the agent's current candidate for the
   * role (the usual case: the whole offer declined) marks the framework in
   * the candidate's coverage bitset now, as the cycle would at its next
   * visit after finding the filter: the cycle then skips it by one bit test
   * instead of a filter look-up. Same epoch rules as the cycle's marks (any
   * filter removal bumps the epoch, which clears them).
   */
  private markRefusedCandidate(fw: FrameworkState, role: Role, agent: AgentState, refused: Resources): void {
    const c = agent.covRole === role ? agent : agent.coverage?.get(role);
    if (c === undefined || c.cand !== refused || c.epoch !== this.epoch) return;
    const sorter = this.frameworkSorters.get(role);
    if (sorter === undefined || !sorter.contains(fw.id)) return;
    this.markCovered(c, sorter.slotOf(fw.id), sorter.slotCapacity());
  }

  /**
   * Returns `next`, or the agent's last fully-available object when `next`
   * equals it, so that memos keyed by object (filter verdicts, derived
   * forms) survive an offer that is declined back.
   */
  private canonicalAvailable(agent: AgentState, next: Resources): Resources {
    const full = agent.fullAvailable;
    if (full !== undefined && full !== next && next.equals(full)) return full;
    // Frozen, as every value of `available` is (see AgentState.available).
    next.freeze();
    if (full === undefined || !full.contains(next)) agent.fullAvailable = next;
    return next;
  }

  private updateAgentTotal(agent: AgentState, total: Resources): boolean {
    if (agent.total.equals(total)) return false;
    const old = agent.total;
    // Memoized sums: agents of one shape holding the same offers share the results (and what the cycle derives from them).
    let offered = EMPTY;
    for (const r of this.offeredByFramework(agent).values()) offered = plusOf(offered, unallocated(r));
    this.trackReservations(old, -1);
    agent.total = total;
    agent.available = minusOf(total, offered);
    agent.fullAvailable = agent.available;
    agent.hasGpu = totalInfo(total).hasGpu;
    if (totalInfo(total).hasRevocable) this.revocableAgents.add(agent);
    else this.revocableAgents.delete(agent);
    this.trackReservations(total, +1);
    this.removeTotal(agent.totalQ);
    agent.totalQ = totalInfo(total).q;
    this.addTotal(agent.totalQ);
    return true;
  }

  private trackFrameworkUnderRole(fw: FrameworkState, role: Role): void {
    this.clientsVersion++;
    const node = this.roleTree.get(role);
    if (node === undefined || node.frameworks.size === 0) {
      this.roleSorter.add(role);
      this.roleSorter.activate(role);
      const s = this.makeSorter(this.frameworkSorterKind);
      s.addTotal(this.totalQ);
      this.frameworkSorters.set(role, s);
      this.frameworkSorterList.push(s);
    }
    this.roleTree.ensure(role).frameworks.add(fw.id);
    this.frameworkSorters.get(role)!.add(fw.id);
  }

  private tryUntrackFrameworkUnderRole(fw: FrameworkState, role: Role): boolean {
    this.clientsVersion++;
    const list = fw.holdings.get(role);
    if (list !== undefined && list.size > 0) return false;
    const node = this.roleTree.get(role);
    node?.frameworks.delete(fw.id);
    this.frameworkSorters.get(role)?.remove(fw.id);
    if (node === undefined || node.frameworks.size === 0) {
      if (this.roleSorter.contains(role)) this.roleSorter.remove(role);
      const s = this.frameworkSorters.get(role);
      this.frameworkSorters.delete(role);
      if (s !== undefined) this.frameworkSorterList.splice(this.frameworkSorterList.indexOf(s), 1);
    }
    return true;
  }

  /** Tracks allocated resources (possibly several roles) of a framework on an agent. */
  private trackAllocated(agent: AgentState, fw: FrameworkState, r: Resources, agentKnows = false): void {
    if (!agentKnows) {
      // addFramework(used): the agent already counted them in its own `used` when it was added after; otherwise record them now.
      // What the agent counts as used by the framework stays the same when
      // it already contains `r` (then `r` moves from the orphans into the
      // holdings); otherwise it grows by `r`.
      const have = this.offeredOn(agent, fw.id, fw.slot) ?? Resources.empty();
      if (!have.contains(r)) {
        agent.available = agent.available.minus(unallocated(r)).freeze();
        agent.allocated = agent.allocated.plus(r);
      } else {
        const orphan = agent.orphans?.get(fw.id);
        if (orphan !== undefined) {
          this.dropOrphan(agent, fw.id);
          const left = orphan.minus(r);
          if (!left.isEmpty()) this.addOrphan(agent, fw.id, left);
        }
      }
    }
    const list = allocationListOf(r);
    for (let k = 0; k < list.roles.length; k++) this.trackOne(fw, list.roles[k]!, agent, list.parts[k]!, true);
  }

  private trackOne(fw: FrameworkState, role: Role, agent: AgentState, part: Resources, count: boolean): void {
    if (!this.roleTree.get(role)?.frameworks.has(fw.id)) this.trackFrameworkUnderRole(fw, role);
    this.addHolding(fw, role, agent, part);
    const split = splitOf(part);
    this.roleTree.trackOffered(role, split);
    if (count) {
      this.roleSorter.allocated(role, split.all);
      this.frameworkSorters.get(role)!.allocated(fw.id, split.all);
    }
  }

  /**
   * Stage 2's share bookkeeping of one offer (the cycle enters the holdings
   * after both stages). The framework sorter is updated now (the next
   * visit's order depends on it); the role tree and the role sorter only get
   * the offer added to the role's pending sum, entered by `flushRoleShares`:
   * the role tree's offered sums are read only at the start of a cycle
   * (headroom), and the role order only when the next agent starts
   * (`offerAgent` flushes first unless the role sorter has a single client,
   * whose order cannot change).
   */
  private trackOfferShares(rc: RoleCycle, fwSlot: number, split: ScalarSplit): void {
    this.trackRoleOffer(rc, split);
    rc.sorter.allocatedAt(fwSlot, split.all);
  }

  /** `trackOfferShares` without the framework sorter: the offer's part of the role's pending sums. */
  private trackRoleOffer(rc: RoleCycle, split: ScalarSplit): void {
    const p = rc.pending;
    qAdd(p.all, split.all);
    qAdd(p.reserved, split.reserved);
    qAdd(p.unreservedNonRevocable, split.unreservedNonRevocable);
    // Writes rc just past the roles with pending sums either way, and counts
    // it in only at its first offer of the cycle (later writes land in the
    // spare slot and are never read): the same operations either way, where
    // an append only at the first offer would be met by code compiled after
    // that offer for the first time in the next cycle.
    const n = rc.pendingCount;
    rc.pendingCount = n + 1;
    const s = this.fair;
    const at = s.pendingCount;
    s.pending[at] = rc;
    s.pendingCount = at + (n === 0 ? 1 : 0);
  }

  /** Enters stage 2's pending role-level offers (see `trackOfferShares`) in the role tree and the role sorter. */
  private flushRoleShares(): void {
    const pending = this.fair.pending;
    const count = this.fair.pendingCount;
    for (let i = 0; i < count; i++) {
      const rc = pending[i]!;
      const p = rc.pending;
      this.roleTree.trackOfferedAt(rc.node, p);
      this.roleSorter.allocatedAt(rc.roleSlot, p.all, rc.pendingCount);
      p.all.fill(0);
      p.reserved.fill(0);
      p.unreservedNonRevocable.fill(0);
      rc.pendingCount = 0;
    }
    this.fair.pendingCount = 0;
  }

  private sorterReallocate(role: Role, fwId: FrameworkId, q: QVec): void {
    // Re-adding after a conversion: Mesos' sorter `update` does not count an allocation; ours counts one.
    this.roleSorter.allocated(role, q);
    this.frameworkSorters.get(role)!.allocated(fwId, q);
  }

  /** Removes `r` (allocated to `role`) of a framework on an agent from holdings, the role tree and the sorters. */
  private untrackAllocated(fw: FrameworkState, role: Role, agent: AgentState, r: Resources, _recovered: boolean): void {
    const list = fw.holdings.get(role)!;
    const e = this.held.find(list, agent.slot);
    const had = this.held.value(e);
    const left = had === r ? EMPTY : had.minus(r);
    if (left.isEmpty()) this.held.remove(e);
    else this.held.setValue(e, left);
    if (list.size === 0) fw.holdings.delete(role);
    const split = splitOf(r);
    this.roleTree.untrackOffered(role, split);
    this.frameworkSorters.get(role)!.unallocated(fw.id, split.all);
    this.roleSorter.unallocated(role, split.all);
    if (!fw.roles.has(role)) this.tryUntrackFrameworkUnderRole(fw, role);
  }

  /** What `fw` holds in `role` on `agent` (undefined: nothing). */
  private holding(fw: FrameworkState, role: Role, agent: AgentState): Resources | undefined {
    const list = fw.holdings.get(role);
    if (list === undefined) return undefined;
    const e = this.held.find(list, agent.slot);
    return e < 0 ? undefined : this.held.value(e);
  }

  /** Adds `part` (allocated to `role`) to what `fw` holds in `role` on `agent`. */
  private addHolding(fw: FrameworkState, role: Role, agent: AgentState, part: Resources): void {
    let list = fw.holdings.get(role);
    if (list === undefined) fw.holdings.set(role, (list = this.held.newList(role, fw.slot)));
    const e = this.held.find(list, agent.slot);
    if (e < 0) this.held.append(list, agent.slot, part);
    else this.held.setValue(e, this.held.value(e).plus(part));
  }

  /** One role's holdings as agent id -> resources, in insertion order. */
  private holdingMap(list: HoldingList): Map<AgentId, Resources> {
    const out = new Map<AgentId, Resources>();
    this.held.forEachIn(list, (slot, r) => out.set(this.agentBySlot[slot]!.id, r.freeze()));
    return out;
  }

  /** Everything the agent counts as used by one framework (orphans and all roles' holdings), or undefined when nothing. */
  private offeredOn(agent: AgentState, fwId: FrameworkId, fwSlot: number): Resources | undefined {
    let out = agent.orphans?.get(fwId);
    if (fwSlot < 0) return out;
    const on = this.held.onAgent(agent.slot);
    for (let k = on.length - 1; k >= 0; k--) {
      const e = on[k]!;
      if (this.held.list(e).fwSlot !== fwSlot) continue;
      const r = this.held.value(e);
      out = out === undefined ? r : out.plus(r);
    }
    return out;
  }

  /** Per framework id, everything the agent counts as used by it (orphans first, then holdings, oldest first). */
  private offeredByFramework(agent: AgentState): Map<FrameworkId, Resources> {
    const out = new Map<FrameworkId, Resources>();
    if (agent.orphans !== undefined) for (const [f, r] of agent.orphans) out.set(f, r);
    const on = this.held.onAgent(agent.slot);
    for (let k = on.length - 1; k >= 0; k--) {
      const e = on[k]!;
      const f = this.frameworkBySlot[this.held.list(e).fwSlot]!.id;
      const r = this.held.value(e);
      const prev = out.get(f);
      out.set(f, prev === undefined ? r : prev.plus(r));
    }
    return out;
  }

  private addOrphan(agent: AgentState, fwId: FrameworkId, r: Resources): void {
    let m = agent.orphans;
    if (m === undefined) {
      agent.orphans = m = new Map();
      this.orphanAgents++;
    }
    const prev = m.get(fwId);
    m.set(fwId, prev === undefined ? r : prev.plus(r));
  }

  private dropOrphan(agent: AgentState, fwId: FrameworkId): void {
    const m = agent.orphans;
    if (m === undefined || !m.delete(fwId)) return;
    if (m.size === 0) {
      agent.orphans = undefined;
      this.orphanAgents--;
    }
  }

  // ---------------------------------------------------------------- filters

  private addFilter(fw: FrameworkState, role: Role, agent: AgentState, resources: Resources, timeout: number): void {
    const expiresAt = this.clock.now() + timeout;
    let rf = fw.filters.get(role);
    if (rf === undefined) fw.filters.set(role, (rf = { fw, role, table: this.filterStore.newTable(), cleared: false }));
    const index = rf.table.add(agent.slot, resources, expiresAt);
    this.mayFilter.set(agent.slot, fw.slot);
    // One timer per (expiry, batch epoch): filters created in the same epoch
    // keep libprocess' order relative to the batch timer (see FORMAT.md).
    // Declines come in runs with the same expiry and epoch: the last bucket is reused without building its key.
    const last = this.lastDecline;
    let bucket = last.bucket !== null && last.expiry === expiresAt && last.epoch === this.batch.epoch ? last.bucket : undefined;
    const key = bucket === undefined ? `${expiresAt}|${this.batch.epoch}` : "";
    if (bucket === undefined) bucket = this.filterBuckets.get(key);
    if (bucket === undefined) {
      const b: FilterBucket = new ExpiryBucket();
      this.filterBuckets.set(key, b);
      bucket = b;
      this.clock.schedule(timeout, () => {
        if (this.lastDecline.bucket === b) this.lastDecline.bucket = null;
        this.filterBuckets.delete(key);
        b.forEach(this.expireFilterBound);
      });
    }
    last.bucket = bucket;
    last.expiry = expiresAt;
    last.epoch = this.batch.epoch;
    bucket.add(rf, index, rf.table.generation(index));
  }

  /** `expireFilter` as a function value, made once (see ExpiryBucket.forEach). */
  private readonly expireFilterBound = (rf: RoleFilters, index: number, generation: number): void => this.expireFilter(rf, index, generation);

  /** Expires one filter (a no-op when it was already removed). */
  private expireFilter(rf: RoleFilters, index: number, generation: number): void {
    if (rf.cleared || !rf.table.live(index, generation)) return;
    this.epoch++;
    rf.table.remove(index);
    if (rf.table.size() === 0) this.dropFilters(rf);
  }

  /**
   * Drops a framework's filter set for one role: pending expiry timers
   * ignore it from now on, and its table (with any filters left) goes back
   * to the store, which frees nothing on its own.
   */
  private dropFilters(rf: RoleFilters): void {
    rf.cleared = true;
    rf.table.release();
    if (rf.fw.filters.get(rf.role) === rf) rf.fw.filters.delete(rf.role);
  }

  private clearFilters(fw: FrameworkState, role: Role | null): void {
    for (const [r, rf] of [...fw.filters]) if (role === null || r === role) this.dropFilters(rf);
  }

  private isFiltered(fw: FrameworkState, role: Role, agent: AgentState, toOffer: Resources): boolean {
    if (fw.caps.multiRole && !agent.multiRole) return true;
    if (!agent.hierarchicalRole && role.includes("/")) return true;
    if (fw.constraints !== null && this.excludedByConstraints(fw.constraints, role, agent)) return true;
    return this.mayFilter.has(agent.slot, fw.slot) && this.hasCoveringFilter(fw, role, agent, toOffer);
  }

  /**
   * Mesos' `isCapableOfReceivingAgent`, negated: an agent with GPUs and a
   * framework without GPU_RESOURCES (unless `filterGpuResources` is off),
   * or an agent in another region and a framework without REGION_AWARE.
   */
  private incapableOfAgent(fw: FrameworkState, agent: AgentState): boolean {
    return (this.filterGpu && fw.caps.gpuResources === false && agent.hasGpu) || (!fw.caps.regionAware && this.remoteBySlot[agent.slot] === 1);
  }

  /** Whether a framework's offer constraints keep `agent` from it in `role`. */
  private excludedByConstraints(constraints: OfferConstraintsFilter, role: Role, agent: AgentState): boolean {
    return constraints.isAgentExcluded(role, agent, this.faultDomains.get(agent.id));
  }

  /** Whether one of the framework's filters for (role, agent) covers `toOffer` (capabilities aside). */
  private hasCoveringFilter(fw: FrameworkState, role: Role, agent: AgentState, toOffer: Resources): boolean {
    const rf = fw.filters.get(role);
    return rf !== undefined && rf.table.covers(agent.slot, toOffer);
  }

  private allocatable(q: QVec, empty: boolean, role: Role, fw: FrameworkState): boolean {
    if (empty) return false;
    return meetsAny(q, fw.minAllocatable.size === 0 ? this.minAllocatable : (fw.minAllocatable.get(role) ?? this.minAllocatable));
  }

  // ------------------------------------------------------------- the cycle

  private scheduleBatch(): void {
    this.batch.timer = this.clock.schedule(this.interval, () => {
      if (this.closed) return;
      // The next batch's timer exists before this batch's offers go out, as
      // with libprocess' loop; filters set from now on belong to the new epoch.
      this.batch.epoch++;
      this.scheduleBatch();
      // Paused, the batch asks for nothing, and candidates a paused
      // `settle` kept wait for the run after `resume` (as Mesos' allocator
      // keeps its allocation candidates while paused).
      if (this.recovery.paused) return;
      // The batch serves the pending triggered run: a microtask queued for
      // it finds nothing to do, and the next event queues another.
      this.pendingCandidates = undefined;
      this.stats.queued = false;
      this.runCycle(null);
    });
  }

  /**
   * Runs one allocation (unless paused, when it does nothing, as Mesos'
   * `_allocate`), counted and timed for `metrics()`.
   */
  private runCycle(candidates: AgentId[] | null): void {
    if (this.recovery.paused) return;
    const stats = this.stats;
    const start = performance.now();
    const now = this.clock.now();
    stats.latency.record(stats.requestedAt < 0 ? 0 : start - stats.requestedAt, now);
    stats.requestedAt = -1;
    stats.runs++;
    this.runAllocation(candidates);
    if (this.maintenance.size > 0) this.sendInverseOffers(candidates);
    stats.run.record(performance.now() - start, now);
  }

  private generateOffers(agentIds: AgentId[] | null): void {
    // Paused, an event asks for no allocation and records no candidate (Mesos' `allocate` while paused).
    if (this.recovery.paused) return;
    if (!this.deferred) {
      this.runCycle(agentIds);
      return;
    }
    if (agentIds === null) this.pendingCandidates = null;
    else if (this.pendingCandidates !== null) {
      const set = this.pendingCandidates ?? new Set<AgentId>();
      for (const id of agentIds) set.add(id);
      this.pendingCandidates = set;
    }
    const stats = this.stats;
    if (!stats.queued) {
      stats.queued = true;
      if (stats.requestedAt < 0) stats.requestedAt = performance.now();
      queueMicrotask(() => this.settle());
    }
  }

  /** `generateOffers([agentId])` without the array (deferred mode just records the candidate). */
  private generateOffersOn(agentId: AgentId): void {
    // A queued run implies pending candidates (`settle` and the batch clear both).
    const pending = this.pendingCandidates;
    if (this.deferred && this.stats.queued && pending !== undefined && !this.recovery.paused) {
      if (pending !== null) pending.add(agentId);
      return;
    }
    this.generateOffers([agentId]);
  }

  /**
   * Deferred mode: runs the pending triggered allocation now (a no-op when
   * none is pending, in immediate mode, or while paused: then the
   * candidates wait for the first run after `resume`).
   */
  settle(): void {
    this.stats.queued = false;
    if (this.pendingCandidates === undefined || this.closed || this.recovery.paused) return;
    const c = this.pendingCandidates;
    this.pendingCandidates = undefined;
    this.runCycle(c === null ? null : [...c]);
  }

  private headroom(): { consumed: Map<Role, QVec>; required: QVec; available: QVec } {
    const consumed = new Map<Role, QVec>();
    for (const r of this.roleTree.topLevel()) {
      if (isDefaultQuota(r.quota)) continue;
      const c = r.reservations.slice();
      qAdd(c, r.offeredUnreservedNonRevocable);
      consumed.set(r.path, c);
    }
    const required = newQVec();
    for (const r of this.roleTree.topLevel()) qAdd(required, qMinus(r.quota.guarantees, consumed.get(r.path) ?? NO_QUANTITIES));
    const available = this.totalQ.slice();
    qSub(available, this.roleTree.root.offered);
    qSub(available, qMinus(this.roleTree.root.reservations, this.roleTree.root.offeredReserved));
    for (const a of this.revocableAgents) {
      const rev = a.available.revocable();
      if (!rev.isEmpty()) qSub(available, scalarQVec(rev));
    }
    return { consumed, required, available };
  }

  private runAllocation(candidates: AgentId[] | null): void {
    let ids: AgentState[];
    if (candidates === null) {
      ids = (this.activeAgents ?? this.listActiveAgents()).slice();
    } else {
      ids = [];
      for (const id of candidates) {
        const a = this.agents.get(id);
        if (a !== undefined && a.activated) ids.push(a);
      }
    }
    const hosts = this.whitelist.hosts;
    if (hosts !== null) ids = ids.filter((a) => hosts.has(a.hostname));
    if (ids.length === 0 || this.frameworkSorters.size === 0) return;
    this.rng.shuffle(ids);

    // Stage-2 offers are recorded in parallel buffers (framework, role,
    // agent, resources, in the order made) and entered in the frameworks'
    // holdings, the callback's maps and the agents' `offered` maps after both
    // stages, framework by framework: nothing in the cycle reads those maps,
    // and each framework's maps are then touched while they are in cache
    // instead of once per offer in DRF rotation over all frameworks.
    // Stage-1 offers (quota) are entered in the holdings at once. The log is
    // empty here: every cycle clears it once its offers are entered.
    this.cycleStage1Offers = 0;
    let anyQuota = false;
    for (const r of this.roleTree.topLevel()) if (!isDefaultQuota(r.quota)) anyQuota = true;
    const h = anyQuota ? this.headroom() : { consumed: new Map<Role, QVec>(), required: newQVec(), available: newQVec() };

    // Stage 1: roles with unsatisfied quota guarantees.
    let anyGuarantees = false;
    for (const r of this.roleTree.topLevel()) if (!qIsEmpty(r.quota.guarantees)) anyGuarantees = true;
    if (anyGuarantees) this.quotaStage(ids, h);

    // Stage 2: fair sharing, within limits and headroom. The sorters
    // re-sort (after declines, weights, totals) here, not inside the walks.
    this.roleSorter.prepare();
    for (const sorter of this.frameworkSorters.values()) sorter.prepare();
    this.rng.shuffle(ids);
    this.fairShareStage(ids, h, anyQuota);
    // After both stages: enter the logged offers in the frameworks' holdings
    // and the callback's maps framework by framework, then run the callbacks.
    // Here rather than in a function of its own: V8 gives a function type
    // feedback only once its first call has run a while, so the steps of a
    // once-per-cycle function before its loops had none after the first
    // cycle, and runAllocation, compiled with it inlined, stopped there in
    // round after round (docs/bench-allocator.md, 2026-11-27 from 05:25).
    {
      const log = this.offerLog;
      // Enter the recorded offers framework by framework (a stable counting
      // sort on the framework slot keeps each framework's own order), while
      // the callbacks go out in the order frameworks first received an offer.
      const n = log.size();
      const offered: FrameworkState[] = objectArray();
      for (let i = 0; i < n; i += CHUNK) this.openPendingOffers(i, Math.min(n, i + CHUNK), offered);
      const byFw = log.byFramework();
      const e = this.entering;
      // Stage 2 offers each (framework, role, agent) at most once (one visit
      // per framework per (agent, role)), so only stage-1 offers can repeat one.
      e.mayRepeat = this.cycleStage1Offers > 0;
      e.fw = null;
      e.role = "";
      e.byAgent = undefined;
      e.list = undefined;
      for (let j = 0; j < n; j += CHUNK) this.enterOfferRange(byFw, j, Math.min(n, j + CHUNK));
      e.fw = null;
      e.byAgent = undefined;
      e.list = undefined;
      log.clear();
      const marked = this.stage1Slots;
      for (let k = 0; k < marked.length; k++) this.stage1Agents[marked[k]!] = 0;
      marked.length = 0;
      const byRoles: OfferMap<Role, OfferMap<AgentId, Resources>>[] = [];
      for (const fw of offered) {
        byRoles.push(fw.pending!);
        fw.pending = undefined;
      }
      for (let k = 0; k < offered.length; k++) this.offerCallback(offered[k]!.id, byRoles[k]!);
    }
  }

  /** Builds and keeps `activeAgents` (see there). */
  private listActiveAgents(): AgentState[] {
    const list: AgentState[] = [];
    for (const a of this.agents.values()) if (a.activated) list.push(a);
    this.activeAgents = list;
    return list;
  }

  /** Stage 1: each framework of a role with unsatisfied quota guarantees gets its guarantees (shrunk to what is unsatisfied) plus what goes along. */
  private quotaStage(ids: AgentState[], h: CycleHeadroom): void {
    const consumedQ = h.consumed;
    const requiredHeadroom = h.required;
    const availableHeadroom = h.available;
    // With a DRF role sorter (asking it for its order draws nothing), the
    // stage ends once no role the loop below would serve has guarantees
    // left unsatisfied: every later agent would pass every role by.
    const settled = this.roleSorterKind === "drf" ? this.guaranteesSettled(consumedQ) : () => false;
    if (settled()) return;
    for (const agent of ids) {
      const offersBefore = this.cycleStage1Offers;
      this.quotaStageAgent(agent, consumedQ, requiredHeadroom, availableHeadroom);
      if (this.cycleStage1Offers !== offersBefore && settled()) break;
    }
  }

  /**
   * A test of whether every role with guarantees and frameworks has them
   * satisfied by `consumed` (the stage's running consumption); the roles
   * are those of the role sorter's order now (stage 1 adds and removes none).
   */
  private guaranteesSettled(consumed: Map<Role, QVec>): () => boolean {
    const roles: [Role, QVec][] = [];
    for (const role of this.roleSorter.sortedView()) {
      const quota = this.stage1Quota(role);
      if (quota !== undefined) roles.push([role, quota.guarantees]);
    }
    return () => {
      for (const [role, guarantees] of roles) if (!qIsEmpty(qMinus(guarantees, consumed.get(role) ?? NO_QUANTITIES))) return false;
      return true;
    };
  }

  /** The quota of `role` if stage 1 serves it (it has guarantees and frameworks), else undefined. */
  private stage1Quota(role: Role): QuotaConfig | undefined {
    const node = this.roleTree.get(role);
    return node === undefined || qIsEmpty(node.quota.guarantees) || node.frameworks.size === 0 ? undefined : node.quota;
  }

  /** Stage 1 for one agent: each role with unsatisfied guarantees, in the role order, offers it to its frameworks (see quotaStage). */
  private quotaStageAgent(agent: AgentState, consumedQ: Map<Role, QVec>, requiredHeadroom: QVec, availableHeadroom: QVec): void {
    for (const role of this.roleSorter.sortedView()) {
      const quota = this.stage1Quota(role);
      if (quota === undefined) continue;
      if (agent.available.isEmpty()) break;
      const unsatisfied = qMinus(quota.guarantees, consumedQ.get(role) ?? NO_QUANTITIES);
      if (qIsEmpty(unsatisfied)) continue;
      const sorter = this.frameworkSorters.get(role)!;
      sorter.forEachInOrder((fwId) => {
        if (qIsEmpty(unsatisfied)) return false;
        let available = allocatableTo(agent.available, role);
        if (available.isEmpty()) return false;
        const fw = this.frameworks.get(fwId)!;
        if (!this.allocatable(scalarQVec(available), false, role, fw)) return;
        if (this.incapableOfAgent(fw, agent)) return;
        available = stripIncapable(available, fw.caps, traits(available));
        const quotaResources = quotaPart(available);
        const guaranteesOffering = shrink(quotaResources, unsatisfied, true);
        if (guaranteesOffering.isEmpty()) return;
        // The role's own reservations, non-scalars and revocable resources always go along.
        const rest = available.minus(quotaResources);
        const otherReserved = rest.scalars().nonRevocable().reserved();
        let toOffer = guaranteesOffering.plus(rest.minus(otherReserved.minus(otherReserved.reserved(role))));
        let additional = quotaResources.minus(guaranteesOffering);
        const gQ = scalarQVec(guaranteesOffering);
        if (quota.limits.size > 0) {
          const c = consumedQ.get(role) ?? NO_QUANTITIES;
          const lim = new Map<number, number>();
          for (const [k, v] of quota.limits) lim.set(k, Math.max(0, v - (c[k] ?? 0) - (gQ[k] ?? 0)));
          additional = shrink(additional, lim, false);
        }
        if (!qIsEmpty(requiredHeadroom) && !additional.isEmpty()) additional = shrink(additional, qMinus(availableHeadroom, requiredHeadroom), true);
        toOffer = toOffer.plus(additional).freeze();
        if (!this.allocatable(scalarQVec(toOffer), toOffer.isEmpty(), role, fw) || this.isFiltered(fw, role, agent, toOffer)) return;
        this.recordOffer(fw, role, agent, toOffer, null, -1, allocateTo(toOffer, role), null);
        const inc = gQ.slice();
        qAdd(inc, scalarQVec(additional));
        qSub(unsatisfied, inc);
        quotaConsumedAdd(consumedQ, role, inc);
        qSub(requiredHeadroom, gQ);
        qSub(availableHeadroom, inc);
      });
    }
  }

  /** Stage 2: everything else by fair share, within quota limits and the headroom held back for unsatisfied guarantees. */
  private fairShareStage(ids: AgentState[], h: CycleHeadroom, anyQuota: boolean): void {
    const s = this.fair;
    s.consumed = h.consumed;
    s.required = h.required;
    s.available = h.available;
    s.quotaActive = !qIsEmpty(h.required);
    s.quotaVersion++;
    s.shrunkFrom = null;
    s.lastRole = null;
    // Every role's cycle record is brought up to date here rather than at
    // its first agent, so the per-agent code below meets roles only on their
    // fast path (and not from the role sorter's order: a random sorter draws
    // for that). The records live from cycle to cycle: creating new ones
    // each cycle discarded the compiled cycle (see newRoleCycle).
    for (const role of s.roles.keys()) if (!this.frameworkSorters.has(role) || !this.roleSorter.contains(role)) s.roles.delete(role);
    for (const role of this.frameworkSorters.keys()) {
      if (!this.roleSorter.contains(role)) continue;
      let rc = s.roles.get(role);
      if (rc === undefined) s.roles.set(role, (rc = newRoleCycle(role)));
      this.refreshRoleCycle(rc);
      s.lastRole = rc;
    }
    // Room for every role with pending sums, plus the slot trackOfferShares
    // writes past the end (see there).
    while (s.pending.length <= s.roles.size) s.pending.push(s.lastRole ?? newRoleCycle(""));
    const lane = anyQuota || !this.batched ? null : this.batchLane();
    if (lane === null) this.offerAgents(ids, anyQuota);
    else this.offerAgentsBatched(ids, lane);
    this.flushRoleShares();
    s.agent = null;
    s.rc = null;
    s.cov = null;
  }

  /**
   * Stage 2's loop over the agents, alone in its function. V8 compiles a
   * long loop while it runs (on-stack replacement) and keeps that code for
   * the next call, unless the code deoptimizes: with nothing after the
   * loop, the compiled loop never meets code it has no type feedback for
   * (the statements after a loop have not run yet when it is compiled), so
   * the next cycle enters it compiled instead of compiling it again.
   */
  private offerAgents(ids: AgentState[], anyQuota: boolean): void {
    for (let i = 0; i < ids.length; i++) this.offerAgent(ids[i]!, anyQuota);
  }

  /**
   * The role whose stage 2 can run as batches of whole candidates
   * (`offerAgentsBatched`), or null: it must be the only role offered to
   * (so no role order interleaves with the agents), no limit or headroom
   * may shrink its offers, and its frameworks must be in a DRF sorter. A
   * random sorter draws its order lazily in a walk and stops drawing where
   * the walk stops (`RandomSorter.forEachInOrder`), which a batch cannot do
   * (it may leave a walk to ask and resume it), so agent by agent is the
   * faster way for it.
   */
  private batchLane(): RoleCycle | null {
    const s = this.fair;
    // Only with a DRF role sorter, asked before anything else: a random
    // role sorter draws an order whenever it is asked for one, and the
    // per-agent path asks it once per agent (as Mesos' sort() per agent
    // does), which a batch would not; asking it here drew once more.
    if (s.roles.size !== 1 || !(this.roleSorter instanceof DrfSorter)) return null;
    const roles = this.roleSorter.sortedView();
    if (roles.length !== 1) return null;
    const rc = s.roles.get(roles[0]!);
    return rc !== undefined && rc.noShrink && rc.drf ? rc : null;
  }

  /**
   * Stage 2 with a single role, as `offerAgent` does it agent by agent,
   * but in batches: each agent whose candidate is plain (offered whole, to
   * one framework) becomes an entry of `assign`, with its coverage row
   * (frameworks known unable to take it), its row of may-filter bits and
   * its traits; the framework sorter then walks its order once per entry
   * over those columns (`Sorter.assignInOrder`), stopping to ask
   * `answerBatch` only about the pairs the bits leave open, and the offers
   * are recorded after. An agent that is not plain ends the batch and goes through
   * `offerAgent`, so every agent still sees the order its predecessors
   * left. The offers, their order and the sorters' state are the same as
   * `offerAgents` would make.
   */
  private offerAgentsBatched(ids: AgentState[], rc: RoleCycle): void {
    const s = this.fair;
    const sorter = rc.sorter;
    s.rc = rc;
    this.fillBatchClients(rc);
    // Rows wide enough for every client now, so that marks made while the
    // batch runs never re-lay the matrix out under the entries' offsets.
    this.covBits.ensureWidth(sorter.slotCapacity());
    const clients = sorter.count();
    // In runs of BATCH_ENTRIES agents: the agents just read are still in
    // cache when their offers are recorded, and each function here is
    // called many times from the first cycle on, so V8 has compiled them
    // whole (not only their loops) before the next cycle (see CHUNK).
    for (let from = 0; from < ids.length; from += BATCH_ENTRIES) {
      this.gatherBatch(ids, from, Math.min(ids.length, from + BATCH_ENTRIES), rc, clients);
      this.runBatch(rc);
    }
  }

  /** Makes `ids[from .. to-1]` entries of the batch (see offerAgentsBatched); a loop alone in its function (see offerAgents). */
  private gatherBatch(ids: AgentState[], from: number, to: number, rc: RoleCycle, clients: number): void {
    const b = this.assign;
    const role = rc.role;
    const mayFilter = this.mayFilter;
    const covBits = this.covBits;
    const agents = this.assignAgents;
    const covs = this.assignCovs;
    for (let i = from; i < to; i++) {
      const agent = ids[i]!;
      const avail = agent.available;
      // Read whichever branch is taken (see offerAgent).
      const srcEmpty = agent.srcEmpty;
      if (avail === agent.src ? srcEmpty : avail.isEmpty()) continue;
      if (this.isIdle(agent, avail)) continue;
      const c = this.candidate(agent, role);
      if (!c.candEmpty && !c.candPlain) {
        this.runBatch(rc);
        this.offerAgent(agent, false);
        continue;
      }
      const cov = c.candEmpty ? null : this.coverage(c);
      if (cov === null || cov.count >= clients) {
        this.markIdle(agent, avail);
        continue;
      }
      const allocated = cov.candAllocated ?? (cov.candAllocated = allocateTo(cov.cand, role));
      const split = cov.candSplit ?? (cov.candSplit = splitOf(allocated));
      let traits = TRAIT_ASK;
      if (agent.hasGpu && this.filterGpu) traits |= TRAIT_GPU;
      if (this.remoteBySlot[agent.slot] === 1) traits |= TRAIT_REMOTE;
      if (!agent.multiRole) traits |= TRAIT_MULTI_ROLE;
      if (!agent.hierarchicalRole) traits |= TRAIT_HIERARCHICAL_ROLE;
      if (!cov.candMeetsMin) traits |= TRAIT_BELOW_MIN;
      const rowAt = cov.row * covBits.width();
      const k = b.push(split.all, cov.count > 0 ? rowAt : -1, mayFilter.rowAt(agent.slot), traits);
      agents[k] = agent;
      covs[k] = cov;
      this.assignAvail[k] = avail;
      if (k >= this.assignWhole.length) {
        this.assignWhole = copyGrown(this.assignWhole, 2 * (k + 1));
        this.assignSlots = copyGrown(this.assignSlots, 2 * (k + 1));
      }
      this.assignWhole[k] = cov.cand === avail ? 1 : 0;
      this.assignSplits[k] = split;
      this.assignAllocated[k] = allocated;
      this.assignIds[k] = agent.id;
      this.assignSlots[k] = agent.slot;
    }
  }

  /** The batch's client columns for `rc`'s sorter: each framework's traits and may-filter column, by sorter slot. */
  private fillBatchClients(rc: RoleCycle): void {
    const b = this.assign;
    const sorter = rc.sorter;
    b.clear();
    // Kept from cycle to cycle while the role's sorter and its frameworks
    // stay the same (`clientsVersion` counts changes to either).
    const built = this.assignBuilt;
    if (built.sorter === sorter && built.version === this.clientsVersion) return;
    built.sorter = sorter;
    built.version = this.clientsVersion;
    b.setClientSlots(sorter.slotCapacity());
    const fws = this.assignFws;
    fws.length = 0;
    for (const id of rc.node.frameworks) {
      if (!sorter.contains(id)) continue;
      const fw = this.frameworks.get(id)!;
      const slot = sorter.slotOf(id);
      fws[slot] = fw;
      let t = fw.minAllocatable.size === 0 ? TRAIT_BELOW_MIN : TRAIT_ASK;
      if (fw.caps.gpuResources === false) t |= TRAIT_GPU;
      if (!fw.caps.regionAware) t |= TRAIT_REMOTE;
      if (fw.caps.multiRole) t |= TRAIT_MULTI_ROLE;
      if (rc.nested) t |= TRAIT_HIERARCHICAL_ROLE;
      // Constrained frameworks are asked about every agent (the answer is remembered per agent).
      if (fw.constraints !== null && fw.constraints.constrains(rc.role)) t |= TRAIT_ASK;
      b.slotTraits[slot] = t;
      b.slotColumn[slot] = fw.slot;
    }
  }

  /** Runs the pending batch through the role's sorter and records its offers (see `offerAgentsBatched`). */
  private runBatch(rc: RoleCycle): void {
    const b = this.assign;
    const n = b.n;
    if (n === 0) return;
    b.skip = this.covBits.matrix();
    b.skipWords = this.covBits.width();
    b.check = this.mayFilter.matrix();
    b.checkWords = this.mayFilter.width();
    b.granted = -1;
    b.walkEntry = -1;
    for (let k = rc.sorter.assignInOrder(b, 0); k < n; k = rc.sorter.assignInOrder(b, k)) this.answerBatch(rc, k, b.askSlot);
    this.recordBatch(rc, n);
    b.n = 0;
  }

  /**
   * Answers the batch's question about entry `k` and the framework in sorter
   * `slot` (a trait in common, a possible filter, the framework's own
   * minimum): grants it, or marks the framework covered in the entry's
   * coverage row, which the resumed walk then passes over. Marking every
   * framework that cannot take the candidate, as `visitFair` does, keeps
   * the marks the same as the per-agent walk's: they decide whether an
   * agent is walked at all, and with the random sorter each walk draws.
   */
  private answerBatch(rc: RoleCycle, k: number, slot: number): void {
    const b = this.assign;
    const agent = this.assignAgents[k]!;
    const cov = this.assignCovs[k]!;
    const fw = this.assignFws[slot]!;
    // visitFair's test, in full (the traits only said it might fail).
    if (this.refusesPlain(fw, rc, agent, cov.cand, cov.candQ, cov.candMeetsMin, this.mayFilter.has(agent.slot, fw.slot))) {
      this.markCovered(cov, slot, rc.sorter.slotCapacity());
      b.skip = this.covBits.matrix();
      b.skipWords = this.covBits.width();
      b.skipAt[k] = cov.row * b.skipWords;
    } else {
      b.granted = slot;
    }
  }

  /** Records the batch's offers in entry order (the sorter has counted them already). A loop alone in its function (see offerAgents). */
  private recordBatch(rc: RoleCycle, n: number): void {
    const b = this.assign;
    const out = b.out;
    const role = rc.role;
    for (let k = 0; k < n; k++) {
      const agent = this.assignAgents[k]!;
      const slot = out[k]!;
      const avail = this.assignAvail[k]!;
      if (slot < 0) {
        this.markIdle(agent, avail);
        continue;
      }
      const fw = this.assignFws[slot]!;
      const split = this.assignSplits[k]!;
      this.offerLog.push(fw, fw.slot, role, this.assignIds[k]!, this.assignSlots[k]!, this.assignAllocated[k]!, true);
      agent.available = this.assignWhole[k] === 1 ? EMPTY : avail.minus(this.assignCovs[k]!.cand).freeze();
      this.trackRoleOffer(rc, split);
    }
  }

  /** Records that a full stage-2 pass offered nothing of `available` on `agent` at this epoch (see `isIdle`). */
  private markIdle(agent: AgentState, available: Resources): void {
    agent.idleAvailable = available;
    agent.idleEpoch = this.epoch;
  }

  /** Whether a pass may skip `agent` wholesale: a full pass offered nothing of this very `available` and nothing has changed since (same epoch). */
  private isIdle(agent: AgentState, available: Resources): boolean {
    return agent.idleAvailable === available && agent.idleEpoch === this.epoch;
  }

  /** Stage 2 for one agent: offers it to the roles in order, each role's frameworks in DRF order. */
  private offerAgent(agent: AgentState, anyQuota: boolean): void {
    const s = this.fair;
    const visit = this.fairVisit;
    // Whether the agent has anything left, read from its candidate record
    // when `available` is still the object that record was made from.
    const avail = agent.available;
    // Read whichever branch is taken (see DrfSorter.forEachInOrder: both
    // outcomes run the same operations, so the first cycle, in which no
    // agent's available is its candidate's source yet, leaves type feedback
    // for the later ones).
    const srcEmpty = agent.srcEmpty;
    if (avail === agent.src ? srcEmpty : avail.isEmpty()) return;
    // Skip an agent wholesale when a previous full pass found every
    // framework filtered or unable to take it and nothing has changed since.
    if (!anyQuota && this.isIdle(agent, agent.available)) return;
    const before = agent.available;
    s.agent = agent;
    if (s.pendingCount > 0 && this.roleSorter.count() > 1) this.flushRoleShares();
    // The role order, read role by role from a flat DRF role sorter (most
    // agents go to the first role or two; building the whole list after
    // every change cost a cycle with hundreds of roles a sixth of its
    // time), else a snapshot list (a random sorter draws one per agent, as
    // Mesos' sort() per agent). Nothing changes the order during the loop:
    // its offers reach the role sorter at the next agent (flushRoleShares).
    const flat = this.roleSorterKind === "drf" ? (this.roleSorter as DrfSorter).flatCount() : -1;
    const roles = flat < 0 ? this.roleSorter.sortedView() : null;
    const n = roles === null ? flat : roles.length;
    for (let k = 0; k < n; k++) {
      const role = roles === null ? (this.roleSorter as DrfSorter).flatClientAt(k) : roles[k]!;
      // Only an offer to an earlier role can have emptied it.
      if (agent.available !== before && agent.available.isEmpty()) break;
      const rc = this.roleCycle(role);
      s.rc = rc;
      // What this agent offers this role, recomputed only when its availability changes.
      const c = this.candidate(agent, role);
      if (c.candEmpty) continue;
      s.candSrc = c.src;
      s.cand = c.cand;
      s.candQ = c.candQ;
      s.candPlain = c.candPlain;
      s.candEmpty = false;
      s.candMeetsMin = c.candMeetsMin;
      s.startCand = c.cand;
      // Frameworks already known unable to take this very candidate (filtered,
      // incapable, below their minimum) at this epoch are skipped by one bit test.
      const sorter = rc.sorter;
      // A candidate that limits and headroom leave whole is offered as in a
      // role they cannot shrink: its walk skips the frameworks known unable
      // to take it by one bit test, instead of deriving and checking the
      // shrunk offer at every framework (with guarantees unsatisfied, every
      // role of the cluster is one whose offers headroom could shrink).
      const unshrunk = c.candPlain && (rc.noShrink || (rc.drf && this.reuseShrunk && this.shrinksNothing(rc, c.cand)));
      s.unshrunk = unshrunk;
      const cov = unshrunk ? this.coverage(c) : null;
      s.cov = cov;
      if (cov === null) {
        sorter.forEachInOrder(visit);
      } else {
        const clients = sorter.count();
        const open = clients - cov.count;
        if (open <= 0) continue;
        if (open <= 64 && clients > 128) {
          // Few frameworks left that might take it: visit just those, in order.
          sorter.forEachInOrderAmong(this.covBits.openColumns(cov.row, sorter.slotCapacity()), visit);
        } else {
          sorter.forEachInOrder(visit);
        }
      }
    }
    if (agent.available === before) this.markIdle(agent, before);
  }

  /** The role's `RoleCycle` for the running stage 2 (looked up once per cycle). */
  private roleCycle(role: Role): RoleCycle {
    const s = this.fair;
    const last = s.lastRole;
    if (last !== null && last.role === role) return last;
    let rc = s.roles.get(role);
    if (rc === undefined) {
      s.roles.set(role, (rc = newRoleCycle(role)));
      this.refreshRoleCycle(rc);
    }
    s.lastRole = rc;
    return rc;
  }

  /** Brings a role's cycle record up to date for the running cycle (its quota, sorter and slot may have changed since the last). */
  private refreshRoleCycle(rc: RoleCycle): void {
    const role = rc.role;
    // Quota lives on top-level roles. With `limitNestedRoles` a nested
    // role is bounded by its top-level ancestor's limits and consumes
    // that ancestor's quota; otherwise (Mesos) it has no quota of its own.
    const quotaRole = this.limitNestedRoles ? topLevelRole(role) : role;
    const quota = this.roleTree.get(quotaRole)?.quota;
    const hasQuota = quota !== undefined && !isDefaultQuota(quota);
    rc.node = this.roleTree.get(role)!;
    rc.sorter = this.frameworkSorters.get(role)!;
    rc.quotaRole = quotaRole;
    rc.limits = quota?.limits;
    rc.hasQuota = hasQuota;
    rc.noShrink = !hasQuota && !this.fair.quotaActive;
    rc.fws.length = 0;
    rc.roleSlot = this.roleSorter.slotOf(role);
    rc.pendingCount = 0;
    let ownMin = false;
    for (const id of rc.node.frameworks) if (this.frameworks.get(id)?.minAllocatable.has(role) === true) ownMin = true;
    rc.drf = rc.sorter instanceof DrfSorter;
    rc.stopBelowMin = !ownMin && rc.drf;
  }

  /** Stage 2's visit of one framework (`fwId` in sorter slot `slot`) for the (agent, role) in `this.fair`; `false` stops the walk. */
  private visitFair(fwId: string, slot: number): boolean | void {
    const s = this.fair;
    const cov = s.cov;
    const agent = s.agent!;
    const rc = s.rc!;
    let fw = rc.fws[slot];
    if (fw === undefined || fw.id !== fwId) rc.fws[slot] = fw = this.frameworks.get(fwId)!;
    // Both bit lookups come first, before branching on either: the agent's
    // rows of the two matrices are cache misses (agents are visited in random
    // order), and issued together they overlap instead of queuing.
    // Every part of the test runs whatever the others give (a first cycle
    // has no marks yet, and code compiled then must not meet new operations
    // later): a record without marks reads no row (-1).
    const mayFilter = this.mayFilter.has(agent.slot, fw.slot);
    const marks = cov !== null ? cov.count : 0;
    const row = cov !== null ? cov.row : -1;
    const marked = this.covBits.has(marks > 0 ? row : -1, slot);
    const sameCand = s.cand === s.startCand;
    if (marks > 0 && sameCand && marked) return;
    const role = rc.role;
    if (s.candSrc !== agent.available) {
      s.candSrc = agent.available;
      s.cand = allocatableToMemo(s.candSrc, role);
      s.candQ = quantitiesOf(s.cand);
      s.candPlain = isPlain(s.cand);
      s.candEmpty = s.cand.isEmpty();
      s.candMeetsMin = meetsAny(s.candQ, this.minAllocatable);
    }
    const cand = s.cand;
    let available = cand;
    if (s.candEmpty) return false;
    if (s.candPlain && (rc.noShrink || (s.unshrunk && cand === s.startCand))) {
      if (this.refusesPlain(fw, rc, agent, available, s.candQ, s.candMeetsMin, mayFilter)) {
        if (cov !== null && cand === s.startCand) this.markCovered(cov, slot, rc.sorter.slotCapacity());
        return;
      }
      if (!rc.noShrink) {
        this.recordUnshrunk(fw, slot, agent, rc, cand);
        if (agent.available.isEmpty()) return false;
        return;
      }
      if (cov !== null && cand === s.startCand) {
        const allocated = cov.candAllocated ?? (cov.candAllocated = allocateTo(cand, role));
        this.recordOffer(fw, role, agent, available, rc, slot, allocated, cov.candSplit ?? (cov.candSplit = splitOf(allocated)));
      } else {
        this.recordOfferTo(fw, role, agent, available, rc, slot);
      }
      // Nothing left on the agent: the walk would stop at the next open framework anyway.
      if (agent.available.isEmpty()) return false;
      return;
    }
    return this.visitFairShrinking(fw, slot, agent, rc, available);
  }

  /**
   * Whether `fw` cannot take an agent's plain candidate `cand` (quantities
   * `candQ`; `candMeetsMin`: it meets the allocator's minimum) for the role
   * of `rc`: a capability missing on either side, a decline filter covering
   * it (looked up only when `mayFilter`, the pair's may-filter bit, is set),
   * or the framework's own minimum. Each is a reason Mesos would `continue`;
   * the cheapest come first. The per-agent walk and the batch's answers
   * share this test.
   */
  private refusesPlain(fw: FrameworkState, rc: RoleCycle, agent: AgentState, cand: Resources, candQ: QVec, candMeetsMin: boolean, mayFilter: boolean): boolean {
    const role = rc.role;
    return (
      this.incapableOfAgent(fw, agent) ||
      (fw.caps.multiRole && !agent.multiRole) ||
      (rc.nested && !agent.hierarchicalRole) ||
      (fw.constraints !== null && this.excludedByConstraints(fw.constraints, role, agent)) ||
      (mayFilter && this.hasCoveringFilter(fw, role, agent, cand)) ||
      !(fw.minAllocatable.size === 0 ? candMeetsMin : this.allocatable(candQ, false, role, fw))
    );
  }

  /**
   * Whether no limit of `rc`'s role and no headroom held back would shrink
   * an offer of plain candidate `cand` at this point of stage 2: what is
   * left of every limit, and of the headroom above what unsatisfied
   * guarantees require, covers the candidate's quota part
   * (`visitFairShrinking` would offer it whole).
   */
  private shrinksNothing(rc: RoleCycle, cand: Resources): boolean {
    const s = this.fair;
    const q = quotaQuantityMemo.get(cand);
    const limits = rc.limits;
    if (limits !== undefined && limits.size > 0) {
      const c = s.consumed.get(rc.quotaRole) ?? NO_QUANTITIES;
      for (const [k, v] of limits) {
        const want = q[k] ?? 0;
        if (want > 0 && want > Math.max(0, v - (c[k] ?? 0))) return false;
      }
    }
    if (s.quotaActive) {
      const available = s.available;
      const required = s.required;
      for (let k = 0; k < q.length; k++) {
        const want = q[k]!;
        if (want > 0 && want > (available[k] ?? 0) - (required[k] ?? 0)) return false;
      }
    }
    return true;
  }

  /**
   * Offers a plain candidate that nothing shrinks (`shrinksNothing`) to
   * `fw` in a role whose offers limits or headroom could shrink: the offer
   * `visitFairShrinking` would make, with its accounting (the role's quota
   * consumption, the headroom left).
   */
  private recordUnshrunk(fw: FrameworkState, slot: number, agent: AgentState, rc: RoleCycle, cand: Resources): void {
    this.recordOfferTo(fw, rc.role, agent, unshrunkOfferMemo.get(cand), rc, slot);
    this.consumeQuota(rc, quotaQuantityMemo.get(cand));
  }

  /** Stage 2's accounting of an offer to `rc`'s role whose quota part has quantities `inc`: the role's quota consumption (if it has quota) and the headroom left. */
  private consumeQuota(rc: RoleCycle, inc: QVec): void {
    const s = this.fair;
    if (rc.hasQuota) quotaConsumedAdd(s.consumed, rc.quotaRole, inc);
    qSub(s.available, inc);
    s.quotaVersion++;
  }

  /** `visitFair` for an offer that may need stripping (non-plain candidate) or shrinking to limits and headroom. */
  private visitFairShrinking(fw: FrameworkState, slot: number, agent: AgentState, rc: RoleCycle, available: Resources): boolean | void {
    const s = this.fair;
    const role = rc.role;
    // Below the minimum here is below it for every framework of the role
    // (see `stopBelowMin`): Mesos would `continue` through all of them, and
    // no offer would come of it.
    if (!this.allocatable(s.candQ, false, role, fw)) return rc.stopBelowMin ? false : undefined;
    if (this.incapableOfAgent(fw, agent)) return;
    if (!s.candPlain) available = stripIncapable(available, fw.caps, traits(available));
    if (rc.noShrink) {
      // Without limits or headroom every entry is offered: reserved,
      // non-scalar and revocable ones always, unreserved scalars unshrunk.
      const q = quantitiesOf(available);
      if (!this.allocatable(q, available.isEmpty(), role, fw) || this.isFiltered(fw, role, agent, available)) return;
      this.recordOfferTo(fw, role, agent, available, rc, slot);
      if (agent.available.isEmpty()) return false;
      return;
    }
    // The shrunk offer depends on the candidate, the role's limits and what
    // its quota consumed, and the headroom: not on the framework. It is
    // derived once and reused by the role's next frameworks (and by other
    // agents with the very same candidate) until an offer changes any input.
    if (s.shrunkFrom !== available || s.shrunkRole !== rc || s.shrunkVersion !== s.quotaVersion || !this.reuseShrunk) {
      let additional = quotaPart(available);
      let toOffer = available.minus(additional);
      const limits = rc.limits;
      if (limits !== undefined && limits.size > 0) {
        const c = s.consumed.get(rc.quotaRole) ?? NO_QUANTITIES;
        const lim = new Map<number, number>();
        for (const [k, v] of limits) lim.set(k, Math.max(0, v - (c[k] ?? 0)));
        additional = shrink(additional, lim, false);
      }
      if (s.quotaActive && !additional.isEmpty()) additional = shrink(additional, qMinus(s.available, s.required), true);
      toOffer = toOffer.plus(additional).freeze();
      s.shrunkFrom = available;
      s.shrunkRole = rc;
      s.shrunkVersion = s.quotaVersion;
      s.shrunkAdditional = additional;
      s.shrunkOffer = toOffer;
      s.shrunkOfferQ = scalarQVec(toOffer);
    }
    const toOffer = s.shrunkOffer;
    // The shrunk offer depends on the framework only through stripping (a
    // non-plain candidate): for a plain one, below the minimum (limits
    // reached, headroom held back) is below it for the whole role, so the
    // walk stops instead of visiting every framework of the role for every
    // agent (a cycle cost of agents x frameworks).
    if (!this.allocatable(s.shrunkOfferQ, toOffer.isEmpty(), role, fw)) return rc.stopBelowMin && s.candPlain ? false : undefined;
    if (this.isFiltered(fw, role, agent, toOffer)) return;
    this.recordOfferTo(fw, role, agent, toOffer, rc, slot);
    this.consumeQuota(rc, scalarQVec(s.shrunkAdditional));
    if (agent.available.isEmpty()) return false;
  }

  /** Logs an offer of `toOffer` (its allocated form `allocated`) and takes it from the agent; stage 1 (`rc` null) enters it in the holdings and shares now, stage 2 only in the shares. */
  private recordOffer(fw: FrameworkState, role: Role, agent: AgentState, toOffer: Resources, rc: RoleCycle | null, slot: number, allocated: Resources, split: ScalarSplit | null): void {
    this.offerLog.push(fw, fw.slot, role, agent.id, agent.slot, allocated, rc !== null);
    agent.available = toOffer === agent.available ? EMPTY : agent.available.minus(toOffer).freeze();
    if (rc === null) {
      this.cycleStage1Offers++;
      if (agent.slot >= this.stage1Agents.length) this.stage1Agents = copyGrown(this.stage1Agents, 2 * (agent.slot + 1));
      if (this.stage1Agents[agent.slot] === 0) {
        this.stage1Agents[agent.slot] = 1;
        this.stage1Slots.push(agent.slot);
      }
      this.trackOne(fw, role, agent, allocated, true);
    } else this.trackOfferShares(rc, slot, split ?? splitOf(allocated));
  }

  /** `recordOffer` for a stage-2 offer whose allocated form is not cached. */
  private recordOfferTo(fw: FrameworkState, role: Role, agent: AgentState, toOffer: Resources, rc: RoleCycle, slot: number): void {
    const allocated = allocateTo(toOffer, role);
    this.recordOffer(fw, role, agent, toOffer, rc, slot, allocated, splitOf(allocated));
  }

  /** Gives every framework with offers logged at `from .. to-1` and no callback map yet an empty one, appending it to `offered` (the order of first offers). A loop alone in its function (see offerAgents), called per CHUNK offers. */
  private openPendingOffers(from: number, to: number, offered: FrameworkState[]): void {
    const log = this.offerLog;
    for (let i = from; i < to; i++) {
      const fw = log.fw(i);
      if (fw.pending === undefined) {
        fw.pending = new OfferMap();
        offered.push(fw);
      }
    }
  }

  /** Enters the logged offers that `byFw[from .. to-1]` lists. A loop alone in its function (see offerAgents), called per CHUNK offers. */
  private enterOfferRange(byFw: Int32Array, from: number, to: number): void {
    for (let j = from; j < to; j++) this.enterOffer(byFw[j]!);
  }

  /** Enters logged offer `i` in its framework's callback map and holdings (end of `runAllocation`, offers grouped by framework). */
  private enterOffer(i: number): void {
    const log = this.offerLog;
    const e = this.entering;
    const fw = log.fw(i);
    const allocated = log.resourcesOf(i);
    const role = log.role(i);
    const agentId = log.agentId(i);
    if (fw !== e.fw || role !== e.role) {
      const byRole = fw.pending!;
      let byAgent = byRole.get(role);
      if (byAgent === undefined) byRole.append(role, (byAgent = new OfferMap()));
      e.byAgent = byAgent;
      e.fw = fw;
      e.role = role;
      e.list = undefined;
    }
    const byAgent = e.byAgent!;
    // What goes out is frozen: the allocator keeps using these objects (and
    // shares them between agents of one shape), so a callback must not
    // change them in place. `allocated` comes from `allocateTo`, whose
    // results are frozen already (not reading it here saves a cache miss
    // per offer when agents differ); a sum made here is frozen here.
    if (e.mayRepeat && this.stage1Agents[log.agentSlot(i)] === 1) {
      const prev = byAgent.get(agentId);
      byAgent.set(agentId, prev === undefined ? allocated : prev.plus(allocated).freeze());
    } else {
      byAgent.append(agentId, allocated);
    }
    if (log.hold(i)) {
      let list = e.list;
      if (list === undefined) {
        list = fw.holdings.get(role);
        if (list === undefined) fw.holdings.set(role, (list = this.held.newList(role, fw.slot)));
        e.list = list;
      }
      const slot = log.agentSlot(i);
      const h = this.held.find(list, slot);
      if (h < 0) this.held.append(list, slot, allocated);
      else this.held.setValue(h, this.held.value(h).plus(allocated));
    }
  }

}
