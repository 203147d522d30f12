import { describe, expect, it } from "vitest";
import { HierarchicalDRFAllocator, ManualClock } from "../../src/allocator/index.js";
import type { AllocatorOptions, FrameworkInfo } from "../../src/allocator/index.js";
import { type AttributeConstraint, OfferConstraintsError, OfferConstraintsFilter } from "../../src/allocator/offer-constraints.js";
import { Resources } from "../../src/resources/index.js";
import { expectRefused } from "./expect-refused.js";

const attr = (name: string, predicate: AttributeConstraint["predicate"]): AttributeConstraint => ({ selector: { attribute_name: name }, predicate });
const pseudo = (type: "HOSTNAME" | "REGION" | "ZONE", predicate: AttributeConstraint["predicate"]): AttributeConstraint => ({ selector: { pseudoattribute_type: type }, predicate });
/** Constraints for one role: groups (any of) of constraints (all of). */
const only = (role: string, ...groups: AttributeConstraint[][]) => ({ role_constraints: { [role]: { groups: groups.map((g) => ({ attribute_constraints: g })) } } });

describe("OfferConstraintsFilter (Mesos' offer_constraints_filter)", () => {
  const agent = { hostname: "web-7.dc1", attributes: { rack: "r1", os: "linux" } };
  const excluded = (c: AttributeConstraint, a = agent, domain?: { region: string; zone: string }) => OfferConstraintsFilter.compile(only("r", [c])).isAgentExcluded("r", a, domain);

  it.each<[string, AttributeConstraint, boolean]>([
    ["exists, present", attr("rack", { exists: {} }), false],
    ["exists, absent", attr("gpu", { exists: {} }), true],
    ["not_exists, absent", attr("gpu", { not_exists: {} }), false],
    ["not_exists, present", attr("rack", { not_exists: {} }), true],
    ["text_equals, equal", attr("rack", { text_equals: { value: "r1" } }), false],
    ["text_equals, different", attr("rack", { text_equals: { value: "r2" } }), true],
    ["text_equals, absent", attr("zone", { text_equals: { value: "r1" } }), true],
    ["text_not_equals, different", attr("rack", { text_not_equals: { value: "r2" } }), false],
    ["text_not_equals, equal", attr("rack", { text_not_equals: { value: "r1" } }), true],
    ["text_not_equals, absent", attr("zone", { text_not_equals: { value: "r1" } }), false],
    ["text_matches, matching in full", pseudo("HOSTNAME", { text_matches: { regex: "web-[0-9]+\\.dc1" } }), false],
    ["text_matches, matching a part only", pseudo("HOSTNAME", { text_matches: { regex: "web-[0-9]+" } }), true],
    ["text_matches, absent", attr("zone", { text_matches: { regex: ".*" } }), true],
    ["text_not_matches, not matching", attr("os", { text_not_matches: { regex: "win.*" } }), false],
    ["text_not_matches, matching", attr("os", { text_not_matches: { regex: "lin.*" } }), true],
    ["text_not_matches, absent", attr("zone", { text_not_matches: { regex: ".*" } }), false],
    ["a missing value means the empty string", attr("rack", { text_equals: {} }), true],
  ])("%s", (_what, c, want) => {
    expect(excluded(c)).toBe(want);
  });

  it("reads the region and zone of the fault domain, which an agent may not have", () => {
    const c = pseudo("REGION", { text_equals: { value: "us-east" } });
    expect(excluded(c, agent, { region: "us-east", zone: "a" })).toBe(false);
    expect(excluded(c, agent, { region: "eu-west", zone: "a" })).toBe(true);
    expect(excluded(c, agent)).toBe(true);
    expect(excluded(pseudo("ZONE", { not_exists: {} }), agent)).toBe(false);
    expect(excluded(pseudo("ZONE", { text_equals: { value: "b" } }), agent, { region: "x", zone: "b" })).toBe(false);
  });

  it("needs every constraint of a group, and any one group", () => {
    const f = OfferConstraintsFilter.compile(
      only("r", [attr("rack", { text_equals: { value: "r2" } })], [attr("os", { text_equals: { value: "linux" } }), attr("rack", { exists: {} })]),
    );
    expect(f.isAgentExcluded("r", agent)).toBe(false);
    expect(f.isAgentExcluded("r", { hostname: "h", attributes: { os: "linux" } })).toBe(true);
    expect(f.isAgentExcluded("r", { hostname: "h", attributes: { rack: "r2" } })).toBe(false);
    // Other roles are not constrained.
    expect(f.constrains("other")).toBe(false);
    expect(f.isAgentExcluded("other", { hostname: "h", attributes: {} })).toBe(false);
  });

  it.each<[string, unknown, RegExp]>([
    ["no role_constraints", {}, /'role_constraints' object/],
    ["a role without groups", { role_constraints: { r: { groups: [] } } }, /empty 'RoleConstraints::groups' for role r/],
    ["an empty group", { role_constraints: { r: { groups: [{ attribute_constraints: [] }] } } }, /contains an empty RoleConstraints::Group/],
    ["a selector with both fields", only("r", [{ selector: { attribute_name: "a", pseudoattribute_type: "HOSTNAME" }, predicate: { exists: {} } } as never]), /Exactly one of/],
    ["a selector with neither", only("r", [{ selector: {}, predicate: { exists: {} } } as never]), /Exactly one of/],
    ["an unknown pseudoattribute", only("r", [pseudo("RACK" as never, { exists: {} })]), /Unknown pseudoattribute type/],
    ["two predicates", only("r", [attr("a", { exists: {}, not_exists: {} } as never)]), /Unknown predicate type/],
    ["an unknown predicate", only("r", [attr("a", { text_contains: { value: "x" } } as never)]), /Unknown predicate type/],
    ["a regex that does not compile", only("r", [attr("a", { text_matches: { regex: "(a" } })]), /Failed to construct regex from pattern '\(a'.*missing '\)'/],
    ["a regex with a back-reference", only("r", [attr("a", { text_matches: { regex: "(a)\\1" } })]), /back-references/],
    ["a regex too complex", only("r", [attr("a", { text_matches: { regex: "a{200}" } })]), /too complex/],
    ["a value that is not text", only("r", [attr("a", { text_equals: { value: 5 } } as never)]), /must be a string/],
  ])("refuses %s, in Mesos' words", (_what, constraints, message) => {
    let error: unknown;
    try {
      OfferConstraintsFilter.compile(constraints);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OfferConstraintsError);
    expect((error as Error).message).toMatch(message);
  });
});

describe.each([
  ["batched stage 2, DRF sorter", { batchedFairShare: true }],
  ["per-agent stage 2, DRF sorter", { batchedFairShare: false }],
  ["random sorters", { roleSorter: "random", frameworkSorter: "random" }],
] as const)("the allocator with offer constraints (%s)", (_name, extra) => {
  function make() {
    const clock = new ManualClock();
    const offers: string[] = [];
    const allocator = new HierarchicalDRFAllocator({
      clock,
      offerCallback: (f, byRole) => byRole.forEach((m) => m.forEach((_r, a) => offers.push(`${f}@${a}`))),
      ...(extra as Partial<AllocatorOptions>),
    });
    allocator.addAgent("a1", { resources: Resources.parse("cpus:2;mem:512"), hostname: "web-1", attributes: { rack: "r1" } });
    allocator.addAgent("a2", { resources: Resources.parse("cpus:2;mem:512"), hostname: "web-2", attributes: { rack: "r2" }, faultDomain: { region: "us-east", zone: "b" } });
    allocator.addAgent("a3", { resources: Resources.parse("cpus:2;mem:512"), hostname: "db-1" });
    return { clock, offers, allocator };
  }
  const rack1: FrameworkInfo = { roles: ["r"], offerConstraints: only("r", [attr("rack", { text_equals: { value: "r1" } })]) };

  it("offers a constrained framework only the agents its constraints allow; the others go to the rest", () => {
    const { allocator, offers } = make();
    allocator.addFramework("f", rack1);
    expect(offers).toEqual(["f@a1"]);
    allocator.addFramework("g", { roles: ["r"] });
    expect(offers.slice(1).sort()).toEqual(["g@a2", "g@a3"]);
    expect(allocator.frameworkState("f").constrainedRoles).toEqual(["r"]);
  });

  it.each([
    ["a quota guarantee (stage 1)", { guarantees: "cpus:4" }],
    ["a quota limit (stage 2 shrinks offers)", { limits: "cpus:100" }],
  ])("holds with %s", (_what, quota) => {
    const { allocator, offers } = make();
    allocator.updateQuota("r", quota);
    allocator.addFramework("f", rack1);
    expect(offers).toEqual(["f@a1"]);
  });

  it("keeps an agent from a framework however often it is walked, and never offers it (declines included)", () => {
    const { allocator, clock, offers } = make();
    allocator.addFramework("f", { roles: ["r"], offerConstraints: only("r", [pseudo("HOSTNAME", { text_matches: { regex: "web-[0-9]+" } }), pseudo("REGION", { not_exists: {} })]) });
    for (let i = 0; i < 5; i++) {
      for (const [agent, held] of allocator.frameworkAllocation("f")) allocator.recoverResources("f", agent, held);
      clock.advance(1);
    }
    expect(new Set(offers)).toEqual(new Set(["f@a1"]));
  });

  it("follows updateFramework: new constraints from the next batch on, none at all without them", () => {
    const { allocator, clock, offers } = make();
    allocator.addFramework("f", rack1);
    allocator.recoverResources("f", "a1", allocator.frameworkAllocation("f").get("a1")!);
    allocator.updateFramework("f", { roles: ["r"], offerConstraints: only("r", [pseudo("ZONE", { text_equals: { value: "b" } })]) });
    clock.advance(1);
    expect(offers).toEqual(["f@a1", "f@a2"]);
    allocator.updateFramework("f", { roles: ["r"] });
    clock.advance(1);
    expect(offers.slice(2).sort()).toEqual(["f@a1", "f@a3"]);
  });

  it("evaluates a pathological regex on a long attribute without hanging", () => {
    const { allocator, offers } = make();
    allocator.addAgent("a4", { resources: Resources.parse("cpus:2;mem:512"), attributes: { label: "a".repeat(64) + "!" } });
    allocator.addFramework("f", { roles: ["r"], offerConstraints: only("r", [attr("label", { text_matches: { regex: "(a+)+b" } })]) });
    allocator.addFramework("g", { roles: ["r"], offerConstraints: only("r", [attr("label", { text_matches: { regex: "(a|aa)*!" } })]) });
    expect(offers).toEqual(["g@a4"]);
  });

  it.each<[string, FrameworkInfo, RegExp]>([
    ["invalid constraints", { roles: ["r"], offerConstraints: only("r", [attr("rack", { text_matches: { regex: "[" } })]) }, /addFramework\('f'\): offerConstraints: A role r has an invalid 'AttributeConstraint': Failed to construct regex/],
    ["constraints for a role it is not subscribed to", { roles: ["r"], offerConstraints: only("s", [attr("rack", { exists: {} })]) }, /role 's' is not one of the framework's roles/],
  ])("refuses %s, changing nothing", (_what, info, message) => {
    const { allocator } = make();
    expectRefused(allocator, () => allocator.addFramework("f", info), "INVALID_ARGUMENT", message);
    allocator.addFramework("f", rack1);
    expectRefused(allocator, () => allocator.updateFramework("f", info), "INVALID_ARGUMENT", /updateFramework\('f'\): offerConstraints/);
  });

  it("refuses a fault domain that is not { region, zone }", () => {
    const { allocator } = make();
    expectRefused(allocator, () => allocator.addAgent("a9", { resources: Resources.parse("cpus:1"), faultDomain: { region: "x" } as never }), "INVALID_ARGUMENT", /faultDomain/);
  });
});
