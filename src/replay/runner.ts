/**
 * Runs a scenario through a HierarchicalDRFAllocator on a manual clock and
 * records the offers made between checkpoints; judges checkpoints as
 * FORMAT.md says (multiset of offers, resources compared by value).
 */
import { AllocatorError, HierarchicalDRFAllocator, ManualClock } from "../allocator/index.js";
import { ResourceError, ResourceParseError, Resources } from "../resources/index.js";
import { type Scenario, ScenarioError, type ScenarioOffer, type Step } from "./scenario.js";

/** What `replay` prints: one entry per checkpoint step with the offers made since the previous one. */
export interface ReplayResult {
  checkpoints: { offers: ScenarioOffer[] }[];
}

/** Options of a run. */
export interface RunOptions {
  /** Agent shuffle seed (default 1); scenarios never depend on it. */
  seed?: number;
}

function parseResources(text: string, step: number, field: string): Resources {
  try {
    return Resources.parse(text);
  } catch (e) {
    if (e instanceof ResourceParseError || e instanceof ResourceError) throw new ScenarioError(`step ${step}: field '${field}': ${e.message}`, step, field);
    throw e;
  }
}

/** Runs every step; a step the allocator rejects becomes a ScenarioError naming the step. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): ReplayResult {
  const clock = new ManualClock(0);
  let pending: ScenarioOffer[] = [];
  const allocator = new HierarchicalDRFAllocator({
    allocationIntervalSeconds: scenario.options.allocationIntervalSeconds ?? 1,
    minAllocatableResources: scenario.options.minAllocatableResources,
    fairnessExcludeResourceNames: scenario.options.fairnessExcludeResourceNames,
    roleSorter: scenario.options.roleSorter,
    frameworkSorter: scenario.options.frameworkSorter,
    clock,
    seed: options.seed ?? 1,
    offerCallback: (framework, offers) => {
      for (const [role, byAgent] of offers) {
        for (const [agent, r] of byAgent) pending.push({ framework, agent, role, resources: r.unallocate().toString() });
      }
    },
  });
  const result: ReplayResult = { checkpoints: [] };
  try {
    scenario.steps.forEach((step, i) => {
      try {
        applyStep(allocator, clock, step, i);
      } catch (e) {
        if (e instanceof AllocatorError) throw new ScenarioError(`step ${i} (${step.op}): ${e.message}`, i);
        throw e;
      }
      if (step.op === "checkpoint") {
        result.checkpoints.push({ offers: pending });
        pending = [];
      }
    });
  } finally {
    allocator.close();
  }
  return result;
}

function roleFor(allocator: HierarchicalDRFAllocator, framework: string, agent: string, step: number): string {
  const byRole = allocator.frameworkAllocationByRole(framework);
  const roles = [...byRole].filter(([, m]) => m.has(agent)).map(([r]) => r);
  if (roles.length === 1) return roles[0]!;
  if (roles.length === 0) throw new ScenarioError(`step ${step} (recoverResources): framework '${framework}' holds nothing on agent '${agent}'`, step, "resources");
  throw new ScenarioError(`step ${step} (recoverResources): framework '${framework}' holds resources on agent '${agent}' under several roles (${roles.join(", ")}); give 'role'`, step, "role");
}

function applyStep(a: HierarchicalDRFAllocator, clock: ManualClock, s: Step, i: number): void {
  switch (s.op) {
    case "addAgent": {
      const used = new Map<string, Resources>();
      for (const [fw, text] of Object.entries(s.used ?? {})) {
        let role = "*";
        try {
          role = a.frameworkState(fw).roles[0] ?? "*";
        } catch {
          /* framework not added yet */
        }
        used.set(fw, parseResources(text, i, `used.${fw}`).allocate(role));
      }
      a.addAgent(s.id, { resources: parseResources(s.resources, i, "resources"), hostname: s.hostname, attributes: s.attributes, capabilities: s.capabilities }, used);
      return;
    }
    case "removeAgent":
      return a.removeAgent(s.id);
    case "activateAgent":
      return a.activateAgent(s.id);
    case "deactivateAgent":
      return a.deactivateAgent(s.id);
    case "updateAgent":
      return a.updateAgent(s.id, parseResources(s.resources, i, "resources"), s.capabilities);
    case "addFramework": {
      const used = new Map<string, Resources>();
      for (const [agent, text] of Object.entries(s.used ?? {})) used.set(agent, parseResources(text, i, `used.${agent}`).allocate(s.roles[0] ?? "*"));
      return a.addFramework(s.id, { roles: s.roles, capabilities: s.capabilities, suppressedRoles: s.suppressedRoles, minAllocatableResources: s.minAllocatableResources }, used, s.active ?? true);
    }
    case "updateFramework":
      return a.updateFramework(s.id, { roles: s.roles, suppressedRoles: s.suppressedRoles, capabilities: s.capabilities ?? a.frameworkState(s.id).capabilities });
    case "removeFramework":
      return a.removeFramework(s.id);
    case "activateFramework":
      return a.activateFramework(s.id);
    case "deactivateFramework":
      return a.deactivateFramework(s.id);
    case "recoverResources": {
      const r = parseResources(s.resources, i, "resources");
      const role = s.role ?? roleFor(a, s.framework, s.agent, i);
      const refuse = s.filters === undefined ? undefined : s.filters.refuseSeconds ?? 5;
      return a.recoverResources(s.framework, s.agent, r.allocate(role), refuse === undefined || refuse === 0 ? undefined : { refuseSeconds: refuse });
    }
    case "suppressOffers":
      return a.suppressOffers(s.framework, s.roles);
    case "reviveOffers":
      return a.reviveOffers(s.framework, s.roles);
    case "updateWeights":
      return a.updateWeights(s.weights);
    case "updateQuota":
      return a.updateQuota(s.role, { guarantees: s.guarantees, limits: s.limits });
    case "advanceClock":
      return clock.advance(s.seconds);
    case "checkpoint":
      return;
  }
}

/** One checkpoint's verdict. */
export interface CheckpointVerdict {
  index: number;
  step: number;
  ok: boolean;
  missing: ScenarioOffer[];
  unexpected: ScenarioOffer[];
}

function sameOffer(x: ScenarioOffer, y: ScenarioOffer): boolean {
  if (x.framework !== y.framework || x.agent !== y.agent || x.role !== y.role) return false;
  return Resources.parse(x.resources).equals(Resources.parse(y.resources));
}

/** Judges every checkpoint of a run against the scenario's expectations. */
export function judge(scenario: Scenario, result: ReplayResult): CheckpointVerdict[] {
  const verdicts: CheckpointVerdict[] = [];
  let k = 0;
  scenario.steps.forEach((s, i) => {
    if (s.op !== "checkpoint") return;
    const made = [...(result.checkpoints[k]?.offers ?? [])];
    const missing: ScenarioOffer[] = [];
    for (const e of s.expect) {
      const j = made.findIndex((m) => sameOffer(m, e));
      if (j < 0) missing.push(e);
      else made.splice(j, 1);
    }
    const unexpected = s.partial === true ? [] : made;
    verdicts.push({ index: k, step: i, ok: missing.length === 0 && unexpected.length === 0, missing, unexpected });
    k++;
  });
  return verdicts;
}
