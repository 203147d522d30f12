/** Helpers shared by the allocator's differential tests, which run one event sequence through two configurations and compare logs. */
import type { HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";

/** How a test framework declines what it holds: all of it or its first offer, whole or one cpu of it, with a refuse time (0: the default filter). */
export interface DeclineOp {
  all: boolean;
  part: boolean;
  refuse: number;
}

/**
 * Declines (recovers) what framework `id` holds as `op` says, each call
 * through `attempt` (which records an error instead of throwing); nothing
 * when the framework is not added.
 */
export function declineHeld(allocator: HierarchicalDRFAllocator, id: string, op: DeclineOp, attempt: (what: string, f: () => void) => void): void {
  if (!allocator.frameworkIds().includes(id)) return;
  const held = [...allocator.frameworkAllocationByRole(id)].flatMap(([r, m]) => [...m].map(([a, res]) => ({ r, a, res })));
  for (const h of op.all ? held : held.slice(0, 1)) {
    const part = op.part && h.res.unreserved().scalar("cpus") >= 1000 ? Resources.parse("cpus:1").allocate(h.r) : h.res;
    attempt("decline", () => allocator.recoverResources(id, h.a, part, op.refuse === 0 ? undefined : { refuseSeconds: op.refuse }));
  }
}

/** What every framework holds (by role and agent) and what every agent has left, one line each, for comparing two runs' final states. */
export function holdingsAndAvailable(allocator: HierarchicalDRFAllocator): string[] {
  const lines: string[] = [];
  for (const fw of allocator.frameworkIds()) {
    lines.push(`holds ${fw} ${JSON.stringify([...allocator.frameworkAllocationByRole(fw)].map(([r, m]) => [r, [...m].map(([a, res]) => [a, res.toString()])]))}`);
  }
  for (const a of allocator.agentIds()) lines.push(`available ${a} ${allocator.agentResources(a).available.toString()}`);
  return lines;
}

/** The steps the differential tests share: a framework (by index) is activated or deactivated, suppresses, revives or declines what it holds; the clock advances `s` seconds. */
export type FrameworkStep = { k: "activate" | "deactivate" | "suppress" | "revive"; f: number } | ({ k: "decline"; f: number } & DeclineOp) | { k: "advance"; s: number };

/** Applies a shared step (see `FrameworkStep`) to `allocator`, framework `f` being `frameworks[f]`, each call through `attempt`. */
export function applyFrameworkStep(
  allocator: HierarchicalDRFAllocator,
  clock: ManualClock,
  frameworks: readonly string[],
  op: FrameworkStep,
  attempt: (what: string, f: () => void) => void,
): void {
  switch (op.k) {
    case "activate":
      attempt("activate", () => allocator.activateFramework(frameworks[op.f]!));
      break;
    case "deactivate":
      attempt("deactivate", () => allocator.deactivateFramework(frameworks[op.f]!));
      break;
    case "suppress":
      attempt("suppress", () => allocator.suppressOffers(frameworks[op.f]!));
      break;
    case "revive":
      attempt("revive", () => allocator.reviveOffers(frameworks[op.f]!));
      break;
    case "decline":
      // Declines what the framework was offered: every offer or the first, whole or one cpu of it.
      declineHeld(allocator, frameworks[op.f]!, op, attempt);
      break;
    case "advance":
      clock.advance(op.s);
      break;
  }
}
