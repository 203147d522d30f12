/**
 * The sorter abstraction (Mesos' `Sorter`, sorter.hpp): orders the clients
 * of one level of the allocation hierarchy — roles in the role sorter,
 * frameworks of one role in that role's framework sorter — by who should be
 * offered resources next. Clients are '/'-separated paths; a client "a/b"
 * shares within "a". Quantities are dense vectors of thousandths (see
 * quantities.ts).
 */
import type { AssignBatch } from "./assign-batch.js";
import type { QVec } from "./quantities.js";

/** Which sorter to build: weighted DRF (Mesos' default) or weighted random. */
export type SorterKind = "drf" | "random";

/** Contract of a sorter; both implementations pass one shared test body. */
export interface Sorter {
  /**
   * Adds a client (inactive until `activate`). Adding "a/b" while "a" is a
   * client keeps "a" as a leaf beside "a/b" inside the internal node "a".
   * Precondition: the client is not present.
   */
  add(client: string): void;

  /**
   * Removes a client and its allocation from the tree, collapsing internal
   * nodes left with nothing under them. Precondition: the client is present.
   */
  remove(client: string): void;

  /** Makes a client eligible for `sort`; a no-op when it already is. */
  activate(client: string): void;

  /**
   * Excludes a client from `sort` while keeping its allocation, which still
   * counts in its ancestors' shares. A no-op when already inactive.
   */
  deactivate(client: string): void;

  /**
   * Sets the weight of a path (a client or an internal node, present or not
   * yet); shares are divided by it. The default weight is 1.
   */
  updateWeight(path: string, weight: number): void;

  /**
   * Records that `q` was offered or allocated to the client: its allocation
   * and every ancestor's grow, and each of them counts one more allocation
   * (the tie-breaker after the share).
   */
  allocated(client: string, q: QVec): void;

  /**
   * `allocated` for the client holding `slot` (see `slotOf`), without
   * looking it up by path: the allocator's cycle knows the slot of the
   * client it is visiting. `times` (default 1) records that many
   * allocations at once, `q` being their sum: the same state as `times`
   * calls whose quantities add up to `q`. Precondition: the slot is in use.
   */
  allocatedAt(slot: number, q: QVec, times?: number): void;

  /** Records that `q` of the client's allocation was given back. */
  unallocated(client: string, q: QVec): void;

  /** Adds an agent's scalar quantities to the pool the shares are relative to. */
  addTotal(q: QVec): void;

  /** Removes an agent's scalar quantities from the pool. */
  removeTotal(q: QVec): void;

  /**
   * Brings the allocation order up to date now (after weights, totals or
   * given-back allocations changed it), as `sort()` would; the orders and
   * shares it yields are the same whether or not it is called. An
   * allocation cycle calls it on every sorter before it walks them, so the
   * walks, compiled by V8 during earlier cycles, never take the re-sorting
   * path themselves.
   */
  prepare(): void;

  /**
   * Returns the active clients in allocation order: the order in which the
   * allocator offers to them. Internal nodes never appear; a client "a"
   * that also has children appears where its virtual leaf "a/." sorts.
   */
  sort(): string[];

  /**
   * `sort()` without the copy: a read-only array the caller must not keep
   * across changes to the sorter.
   */
  sortedView(): readonly string[];

  /**
   * Visits the active clients in the order `sort()` would return now,
   * stopping early when `visit` returns false. While visiting a client the
   * caller may call `allocated` for that client only; later clients are
   * still visited in the order taken at the start (as with a `sort()`
   * snapshot), without copying it.
   */
  forEachInOrder(visit: (client: string, slot: number) => boolean | void): void;

  /**
   * Stage 2's offers of whole candidates, batched: for each entry `k` of
   * `batch` from `from` on, finds the first active client in the order
   * `forEachInOrder` would visit now that the batch does not pass over
   * (`passedOver`), records `allocatedAt(slot, batch.qs[k])` for it and
   * writes its slot to `batch.out[k]` (-1 when no client takes the entry).
   * A client the batch says it must ask about (`mustAsk`) stops the run
   * first: it returns `k` with the client in `batch.askSlot`, and the
   * caller resumes at `k` after answering (`batch.granted`, or a mark in
   * the entry's skip row). Returns `batch.n` when every entry is done. The
   * state afterwards, the order included, is the state that many walks and
   * allocations would leave; an implementation may only do it faster.
   */
  assignInOrder(batch: AssignBatch, from: number): number;

  /**
   * Like `forEachInOrder`, restricted to the clients with the given slots
   * (inactive ones are left out): visits them in the order they have in
   * `sort()` now. Costs O(k log k) for k slots instead of a pass over all
   * clients.
   */
  forEachInOrderAmong(slots: readonly number[], visit: (client: string, slot: number) => boolean | void): void;

  /**
   * A small integer that identifies a client while it is present (reused
   * after `remove`), for callers that keep per-client bitsets.
   */
  slotOf(client: string): number;

  /** One more than the largest slot in use (the bitset size callers need). */
  slotCapacity(): number;

  /** Whether the client is present (active or not). */
  contains(client: string): boolean;

  /** Number of clients, active or not. */
  count(): number;

  /** The client's allocated quantities (read-only view). */
  allocation(client: string): QVec;

  /** The pool's total quantities (read-only view). */
  totals(): QVec;

  /** The client's current weighted share (what DRF sorts on; 0 for random). */
  share(client: string): number;
}
