/**
 * Scenario files (test/fixtures/scenarios/FORMAT.md, version 1): a typed
 * model and a validator that turns malformed JSON into a ScenarioError
 * naming the step index and the field.
 */

/** A scenario that failed validation: says where (step index, field) and why. */
export class ScenarioError extends Error {
  constructor(
    message: string,
    /** Index in `steps`, when the problem is inside a step. */
    readonly step?: number,
    /** Field path inside the step or the top level. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "ScenarioError";
  }
}

/** One expected or produced offer. */
export interface ScenarioOffer {
  framework: string;
  agent: string;
  role: string;
  resources: string;
}

/** A scenario step (op + fields as FORMAT.md lists them). */
export type Step =
  | { op: "addAgent"; id: string; resources: string; used?: Record<string, string>; hostname?: string; attributes?: Record<string, string>; capabilities?: string[] }
  | { op: "removeAgent" | "activateAgent" | "deactivateAgent"; id: string }
  | { op: "updateAgent"; id: string; resources: string; capabilities?: string[] }
  | { op: "addFramework"; id: string; roles: string[]; capabilities?: string[]; active?: boolean; used?: Record<string, string>; suppressedRoles?: string[]; minAllocatableResources?: Record<string, string[]> }
  | { op: "updateFramework"; id: string; roles: string[]; suppressedRoles?: string[]; capabilities?: string[] }
  | { op: "removeFramework" | "activateFramework" | "deactivateFramework"; id: string }
  | { op: "recoverResources"; framework: string; agent: string; resources: string; role?: string; filters?: { refuseSeconds?: number } }
  | { op: "suppressOffers" | "reviveOffers"; framework: string; roles?: string[] }
  | { op: "updateWeights"; weights: Record<string, number> }
  | { op: "updateQuota"; role: string; guarantees?: string; limits?: string }
  | { op: "advanceClock"; seconds: number }
  | { op: "checkpoint"; expect: ScenarioOffer[]; partial?: boolean };

/** Scenario options. */
export interface ScenarioOptions {
  allocationIntervalSeconds?: number;
  minAllocatableResources?: string[];
  fairnessExcludeResourceNames?: string[];
  roleSorter?: "drf" | "random";
  frameworkSorter?: "drf" | "random";
}

/** A validated scenario. */
export interface Scenario {
  format: 1;
  name: string;
  description?: string;
  source?: string;
  options: ScenarioOptions;
  steps: Step[];
}

type Json = unknown;
const isObj = (x: Json): x is Record<string, Json> => typeof x === "object" && x !== null && !Array.isArray(x);

const FIELDS: Record<string, { required: Record<string, string>; optional: Record<string, string> }> = {
  addAgent: { required: { id: "string", resources: "string" }, optional: { used: "record<string>", hostname: "string", attributes: "record<string>", capabilities: "string[]" } },
  removeAgent: { required: { id: "string" }, optional: {} },
  activateAgent: { required: { id: "string" }, optional: {} },
  deactivateAgent: { required: { id: "string" }, optional: {} },
  updateAgent: { required: { id: "string", resources: "string" }, optional: { capabilities: "string[]" } },
  addFramework: { required: { id: "string", roles: "string[]" }, optional: { capabilities: "string[]", active: "boolean", used: "record<string>", suppressedRoles: "string[]", minAllocatableResources: "record<string[]>" } },
  updateFramework: { required: { id: "string", roles: "string[]" }, optional: { suppressedRoles: "string[]", capabilities: "string[]" } },
  removeFramework: { required: { id: "string" }, optional: {} },
  activateFramework: { required: { id: "string" }, optional: {} },
  deactivateFramework: { required: { id: "string" }, optional: {} },
  recoverResources: { required: { framework: "string", agent: "string", resources: "string" }, optional: { role: "string", filters: "filters" } },
  suppressOffers: { required: { framework: "string" }, optional: { roles: "string[]" } },
  reviveOffers: { required: { framework: "string" }, optional: { roles: "string[]" } },
  updateWeights: { required: { weights: "record<number>" }, optional: {} },
  updateQuota: { required: { role: "string" }, optional: { guarantees: "string", limits: "string" } },
  advanceClock: { required: { seconds: "nonneg" }, optional: {} },
  checkpoint: { required: { expect: "offers" }, optional: { partial: "boolean" } },
};

function checkType(v: Json, type: string, where: string, step: number | undefined, field: string): void {
  const fail = (why: string) => {
    throw new ScenarioError(`${where}: field '${field}' ${why}`, step, field);
  };
  switch (type) {
    case "string":
      if (typeof v !== "string") fail(`must be a string, got ${JSON.stringify(v)}`);
      return;
    case "boolean":
      if (typeof v !== "boolean") fail(`must be true or false, got ${JSON.stringify(v)}`);
      return;
    case "nonneg":
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) fail(`must be a finite number >= 0, got ${JSON.stringify(v)}`);
      return;
    case "string[]":
      if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) fail(`must be an array of strings, got ${JSON.stringify(v)}`);
      return;
    case "record<string>":
      if (!isObj(v) || Object.values(v).some((x) => typeof x !== "string")) fail(`must be an object of strings, got ${JSON.stringify(v)}`);
      return;
    case "record<number>":
      if (!isObj(v) || Object.values(v).some((x) => typeof x !== "number" || !Number.isFinite(x))) fail(`must be an object of numbers, got ${JSON.stringify(v)}`);
      return;
    case "record<string[]>":
      if (!isObj(v) || Object.values(v).some((x) => !Array.isArray(x) || x.some((y) => typeof y !== "string"))) fail(`must be an object of string arrays, got ${JSON.stringify(v)}`);
      return;
    case "filters":
      if (!isObj(v)) fail(`must be an object, got ${JSON.stringify(v)}`);
      for (const k of Object.keys(v as object)) if (k !== "refuseSeconds") fail(`has unknown key '${k}'`);
      if ((v as Record<string, Json>).refuseSeconds !== undefined && (typeof (v as Record<string, Json>).refuseSeconds !== "number" || !Number.isFinite((v as Record<string, number>).refuseSeconds))) fail("refuseSeconds must be a finite number");
      return;
    case "offers":
      if (!Array.isArray(v)) fail(`must be an array of offers, got ${JSON.stringify(v)}`);
      (v as Json[]).forEach((o, i) => {
        if (!isObj(o)) fail(`[${i}] must be an object`);
        for (const k of ["framework", "agent", "role", "resources"]) {
          if (typeof (o as Record<string, Json>)[k] !== "string") throw new ScenarioError(`${where}: field '${field}[${i}].${k}' must be a string`, step, `${field}[${i}].${k}`);
        }
      });
      return;
  }
}

/** Validates parsed JSON as a scenario; throws ScenarioError (with step index and field) when it is not one. */
export function validateScenario(json: Json): Scenario {
  if (!isObj(json)) throw new ScenarioError("scenario: top level must be a JSON object");
  if (json.format !== 1) throw new ScenarioError(`scenario: field 'format' must be 1, got ${JSON.stringify(json.format)}`, undefined, "format");
  if (typeof json.name !== "string") throw new ScenarioError("scenario: field 'name' must be a string", undefined, "name");
  for (const k of ["description", "source"]) if (json[k] !== undefined && typeof json[k] !== "string") throw new ScenarioError(`scenario: field '${k}' must be a string`, undefined, k);
  const options = json.options ?? {};
  if (!isObj(options)) throw new ScenarioError("scenario: field 'options' must be an object", undefined, "options");
  const optTypes: Record<string, string> = { allocationIntervalSeconds: "nonneg", minAllocatableResources: "string[]", fairnessExcludeResourceNames: "string[]", roleSorter: "string", frameworkSorter: "string" };
  for (const [k, v] of Object.entries(options)) {
    const t = optTypes[k];
    if (t === undefined) throw new ScenarioError(`scenario: unknown option '${k}'`, undefined, `options.${k}`);
    checkType(v, t, "scenario options", undefined, `options.${k}`);
  }
  if (options.allocationIntervalSeconds === 0) throw new ScenarioError("scenario options: field 'options.allocationIntervalSeconds' must be > 0", undefined, "options.allocationIntervalSeconds");
  for (const k of ["roleSorter", "frameworkSorter"]) {
    if (options[k] !== undefined && options[k] !== "drf" && options[k] !== "random") throw new ScenarioError(`scenario options: field 'options.${k}' must be "drf" or "random"`, undefined, `options.${k}`);
  }
  if (!Array.isArray(json.steps)) throw new ScenarioError("scenario: field 'steps' must be an array", undefined, "steps");
  json.steps.forEach((s: Json, i: number) => {
    const where = `step ${i}`;
    if (!isObj(s)) throw new ScenarioError(`${where}: must be an object`, i);
    if (typeof s.op !== "string") throw new ScenarioError(`${where}: field 'op' must be a string`, i, "op");
    const spec = FIELDS[s.op];
    if (spec === undefined) throw new ScenarioError(`${where}: unknown op '${s.op}'`, i, "op");
    for (const [f, t] of Object.entries(spec.required)) {
      if (s[f] === undefined) throw new ScenarioError(`${where} (${s.op}): missing field '${f}'`, i, f);
      checkType(s[f], t, `${where} (${s.op})`, i, f);
    }
    for (const [f, v] of Object.entries(s)) {
      if (f === "op" || f in spec.required) continue;
      const t = spec.optional[f];
      if (t === undefined) throw new ScenarioError(`${where} (${s.op}): unknown field '${f}'`, i, f);
      checkType(v, t, `${where} (${s.op})`, i, f);
    }
  });
  return { format: 1, name: json.name, description: json.description as string | undefined, source: json.source as string | undefined, options: options as ScenarioOptions, steps: json.steps as Step[] };
}
