import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import { Resources } from "../../src/resources/index.js";
import { fcParams } from "../fc-params.js";
import { applyFrameworkStep, holdingsAndAvailable } from "./sequence-helpers.js";

/**
 * Stage 2 reusing the offer it shrank to quota limits and headroom
 * (`reuseShrunkOffers`, the default) against deriving it at every framework
 * visit (the reference): the same events must give the same offers and
 * leave the same state. The clusters make the reuse likely to matter:
 * agents of few shapes (equal agents share their candidate objects), several
 * frameworks per role, limits small enough to run out within a cycle,
 * guarantees that hold headroom back, and declines that change what a
 * role has consumed between cycles without any offer.
 */

const AGENTS = ["a1", "a2", "a3", "a4", "a5"];
const FRAMEWORKS = ["f1", "f2", "f3", "f4"];
const ROLES = ["r1", "r1", "r2", "r1/x"];
const SHAPES = ["cpus:2;mem:1024", "cpus:4;mem:2048;disk:100", "cpus:1;mem:512;cpus(r1):1", "cpus:2;mem:1024;gpus:1"];

type Op =
  | { k: "addAgent"; a: number; shape: number }
  | { k: "removeAgent"; a: number }
  | { k: "quota"; role: number; cpus: number | null; mem: number | null; guarantee: number | null }
  | { k: "decline"; f: number; refuse: number; part: boolean; all: boolean }
  | { k: "advance"; s: number }
  | { k: "suppress" | "revive"; f: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ k: fc.constant("addAgent" as const), a: fc.nat(AGENTS.length - 1), shape: fc.nat(SHAPES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("removeAgent" as const), a: fc.nat(AGENTS.length - 1) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant("quota" as const),
      role: fc.nat(1),
      cpus: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }),
      mem: fc.option(fc.constantFrom(0, 512, 1500, 4096), { nil: null }),
      guarantee: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    }),
  },
  { weight: 5, arbitrary: fc.record({ k: fc.constant("decline" as const), f: fc.nat(FRAMEWORKS.length - 1), refuse: fc.constantFrom(0, 1, 3), part: fc.boolean(), all: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant("advance" as const), s: fc.constantFrom(0.5, 1, 2) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constantFrom("suppress" as const, "revive" as const), f: fc.nat(FRAMEWORKS.length - 1) }) },
);

/** Runs `ops`; returns every offer in order and the final state, or the error of each call. */
function run(ops: Op[], sorter: "drf" | "random", limitNestedRoles: boolean, reuseShrunkOffers: boolean): string[] {
  const clock = new ManualClock();
  const log: string[] = [];
  const allocator = new HierarchicalDRFAllocator({
    clock,
    seed: 11,
    // Additions wait for the next cycle, so that one cycle meets several fresh agents of one shape.
    triggeredAllocation: "deferred",
    frameworkSorter: sorter,
    roleSorter: sorter,
    limitNestedRoles,
    reuseShrunkOffers,
    offerCallback: (fw, byRole) => {
      for (const [role, byAgent] of byRole) for (const [agent, r] of byAgent) log.push(`offer ${fw} ${role} ${agent} ${r.unallocate().toString()}`);
    },
  });
  const attempt = (what: string, f: () => void) => {
    try {
      f();
    } catch (e) {
      log.push(`${what}: ${(e as Error).message}`);
    }
  };
  for (let i = 0; i < FRAMEWORKS.length; i++) allocator.addFramework(FRAMEWORKS[i]!, { roles: [ROLES[i]!], capabilities: ["MULTI_ROLE", "HIERARCHICAL_ROLE"] });
  for (const op of ops) {
    switch (op.k) {
      case "addAgent":
        attempt("addAgent", () => allocator.addAgent(AGENTS[op.a]!, { resources: Resources.parse(SHAPES[op.shape]!) }));
        break;
      case "removeAgent":
        attempt("removeAgent", () => allocator.removeAgent(AGENTS[op.a]!));
        break;
      case "quota": {
        const role = ["r1", "r2"][op.role]!;
        const limits = [op.cpus === null ? "" : `cpus:${op.cpus}`, op.mem === null ? "" : `mem:${op.mem}`].filter((x) => x !== "").join(";");
        const guarantees = op.guarantee === null ? undefined : `cpus:${Math.min(op.guarantee, op.cpus ?? op.guarantee)}`;
        attempt("quota", () => allocator.updateQuota(role, { ...(limits === "" ? {} : { limits }), ...(guarantees === undefined ? {} : { guarantees }) }));
        break;
      }
      default:
        applyFrameworkStep(allocator, clock, FRAMEWORKS, op, attempt);
    }
  }
  log.push(...holdingsAndAvailable(allocator));
  log.push(`headroom ${JSON.stringify(allocator.quotaHeadroom())}`);
  allocator.close();
  return log;
}

describe("stage 2 reusing shrunk offers (reuseShrunkOffers)", () => {
  it("makes the same offers and leaves the same state as deriving them at every visit", () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 60 }), fc.constantFrom("drf" as const, "random" as const), fc.boolean(), (ops, sorter, nested) => {
        const reference = run(ops, sorter, nested, false);
        expect(run(ops, sorter, nested, true)).toEqual(reference);
      }),
      fcParams(150),
    );
  });
  it("reaches shrunk offers: an offer cut to what is left of a limit", () => {
    // Guards the property above against clusters where nothing is ever shrunk.
    const ops: Op[] = [
      { k: "quota", role: 0, cpus: 1, mem: null, guarantee: null },
      { k: "addAgent", a: 0, shape: 0 },
      { k: "advance", s: 1 },
    ];
    const log = run(ops, "drf", false, true);
    expect(log.filter((l) => l.startsWith("offer ") && l.includes(" r1 "))).toEqual(["offer f1 r1 a1 cpus:1;mem:1024"]);
    expect(log).toEqual(run(ops, "drf", false, false));
  });
});
