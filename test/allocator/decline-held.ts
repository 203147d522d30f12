import type { HierarchicalDRFAllocator } from "../../src/allocator/index.js";
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
