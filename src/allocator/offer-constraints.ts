/**
 * Offer constraints (Mesos 1.11's `scheduler::OfferConstraints`, evaluated
 * as `src/master/allocator/mesos/offer_constraints_filter.cpp` does): per
 * role, groups of attribute constraints; an agent is offered to a framework
 * in that role only if it satisfies every constraint of at least one group.
 * A constraint selects an agent attribute by name, or a pseudo-attribute
 * (the hostname, the fault domain's region or zone), and tests it: exists,
 * not exists, text equals / not equals, text matches / not matches a regex
 * (RE2 syntax, full match, in linear time: `LinearRegex`). The input is
 * Mesos' JSON form of the message, so a master can pass what a scheduler
 * sent as is.
 */
import { LinearRegex, RegexSyntaxError } from "../util/linear-regex.js";

/** Mesos' `AttributeConstraint`, in its JSON form. */
export interface AttributeConstraint {
  selector: { attribute_name: string } | { pseudoattribute_type: "HOSTNAME" | "REGION" | "ZONE" };
  predicate:
    | { exists: Record<string, never> }
    | { not_exists: Record<string, never> }
    | { text_equals: { value?: string } }
    | { text_not_equals: { value?: string } }
    | { text_matches: { regex?: string } }
    | { text_not_matches: { regex?: string } };
}

/** Mesos' `OfferConstraints`, in its JSON form: role -> groups (any of) of constraints (all of). */
export interface OfferConstraints {
  role_constraints: Record<string, { groups: { attribute_constraints: AttributeConstraint[] }[] }>;
}

/** What constraints read of an agent. Text attributes only (the allocator's agents have no others). */
export interface ConstrainedAgent {
  readonly hostname: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** An agent's fault domain (Mesos `DomainInfo.FaultDomain`), for the REGION and ZONE pseudo-attributes. */
export interface FaultDomain {
  region: string;
  zone: string;
}

/** Why offer constraints are invalid, in Mesos' words where it has them. */
export class OfferConstraintsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OfferConstraintsError";
  }
}

/** A constraint's test on the selected value (undefined: it does not exist). */
type Test = (value: string | undefined) => boolean;
/** A compiled constraint: its selector and its test. */
interface Evaluator {
  select: (agent: ConstrainedAgent, domain: FaultDomain | undefined) => string | undefined;
  test: Test;
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x);

function compileSelector(selector: unknown): Evaluator["select"] {
  if (!isObject(selector)) throw new OfferConstraintsError("'AttributeConstraint::selector' must be an object");
  const hasName = selector.attribute_name !== undefined;
  const hasPseudo = selector.pseudoattribute_type !== undefined;
  if (hasName === hasPseudo) {
    throw new OfferConstraintsError("Exactly one of 'AttributeConstraint::Selector::name' or 'AttributeConstraint::Selector::pseudoattribute_type' must be set");
  }
  if (hasName) {
    const name = selector.attribute_name;
    if (typeof name !== "string") throw new OfferConstraintsError("'AttributeConstraint::Selector::attribute_name' must be a string");
    return (agent) => (Object.prototype.hasOwnProperty.call(agent.attributes, name) ? agent.attributes[name] : undefined);
  }
  switch (selector.pseudoattribute_type) {
    case "HOSTNAME":
      return (agent) => agent.hostname;
    case "REGION":
      return (_agent, domain) => domain?.region;
    case "ZONE":
      return (_agent, domain) => domain?.zone;
  }
  throw new OfferConstraintsError("Unknown pseudoattribute type");
}

function compilePredicate(predicate: unknown, maxProgramSize: number): Test {
  if (!isObject(predicate)) throw new OfferConstraintsError("'AttributeConstraint::predicate' must be an object");
  const kinds = Object.keys(predicate).filter((k) => predicate[k] !== undefined);
  if (kinds.length !== 1) throw new OfferConstraintsError("Unknown predicate type");
  const kind = kinds[0]!;
  const arg = predicate[kind];
  if (!isObject(arg)) throw new OfferConstraintsError(`'AttributeConstraint::Predicate::${kind}' must be an object`);
  const text = (field: string): string => {
    const v = arg[field] ?? "";
    if (typeof v !== "string") throw new OfferConstraintsError(`'AttributeConstraint::Predicate::${kind}::${field}' must be a string`);
    return v;
  };
  const regex = (): LinearRegex => {
    const pattern = text("regex");
    try {
      return LinearRegex.compile(pattern, { maxProgramSize });
    } catch (e) {
      if (!(e instanceof RegexSyntaxError)) throw e;
      throw new OfferConstraintsError(`Failed to construct regex from pattern '${pattern}': ${e.message}`);
    }
  };
  switch (kind) {
    case "exists":
      return (v) => v !== undefined;
    case "not_exists":
      return (v) => v === undefined;
    case "text_equals": {
      const value = text("value");
      return (v) => v !== undefined && v === value;
    }
    case "text_not_equals": {
      const value = text("value");
      return (v) => v === undefined || v !== value;
    }
    case "text_matches": {
      const re = regex();
      return (v) => v !== undefined && re.fullMatch(v);
    }
    case "text_not_matches": {
      const re = regex();
      return (v) => v === undefined || !re.fullMatch(v);
    }
  }
  throw new OfferConstraintsError("Unknown predicate type");
}

/** Compiled offer constraints of one framework, with each agent's verdict per role remembered. */
export class OfferConstraintsFilter {
  /** Per agent object, its verdict: agents' hostnames, attributes and domains do not change once added. */
  private readonly verdicts = new Map<string, WeakMap<object, boolean>>();

  private constructor(private readonly groups: ReadonlyMap<string, readonly (readonly Evaluator[])[]>) {}

  /**
   * Compiles Mesos' JSON form of `OfferConstraints`. Throws an
   * `OfferConstraintsError` for what Mesos refuses (a role with no groups,
   * an empty group, a selector or predicate not set or unknown, a regex
   * that does not compile or whose program exceeds `maxProgramSize`
   * instructions: Mesos' `--offer_constraints_re2_max_program_size`,
   * default 100).
   */
  static compile(constraints: unknown, maxProgramSize = 100): OfferConstraintsFilter {
    if (!isObject(constraints) || !isObject(constraints.role_constraints)) {
      throw new OfferConstraintsError("'OfferConstraints' must be an object with a 'role_constraints' object");
    }
    const out = new Map<string, Evaluator[][]>();
    for (const [role, rc] of Object.entries(constraints.role_constraints)) {
      const groups = isObject(rc) ? rc.groups : undefined;
      if (!Array.isArray(groups) || groups.length === 0) {
        throw new OfferConstraintsError(`'OfferConstraints::role_constraints' has an empty 'RoleConstraints::groups' for role ${role}`);
      }
      const compiled: Evaluator[][] = [];
      for (const group of groups) {
        const list = isObject(group) ? group.attribute_constraints : undefined;
        if (!Array.isArray(list) || list.length === 0) {
          throw new OfferConstraintsError(`'OfferConstraints::RoleConstraints::groups' for role ${role} contains an empty RoleConstraints::Group`);
        }
        compiled.push(
          list.map((c: unknown) => {
            try {
              if (!isObject(c)) throw new OfferConstraintsError("'AttributeConstraint' must be an object");
              return { select: compileSelector(c.selector), test: compilePredicate(c.predicate, maxProgramSize) };
            } catch (e) {
              if (!(e instanceof OfferConstraintsError)) throw e;
              throw new OfferConstraintsError(`A role ${role} has an invalid 'AttributeConstraint': ${e.message}`);
            }
          }),
        );
      }
      out.set(role, compiled);
    }
    return new OfferConstraintsFilter(out);
  }

  /** The roles with constraints. */
  roles(): string[] {
    return [...this.groups.keys()];
  }

  /** Whether offers to `role` are constrained at all. */
  constrains(role: string): boolean {
    return this.groups.has(role);
  }

  /**
   * Whether `agent` may not be offered to the framework in `role` (Mesos
   * `isAgentExcluded`): the role has constraints and the agent satisfies no
   * group of them. Remembered per agent object (the allocator never changes
   * an agent's hostname, attributes or domain: a changed agent is a new one).
   */
  isAgentExcluded(role: string, agent: ConstrainedAgent, domain?: FaultDomain): boolean {
    const groups = this.groups.get(role);
    if (groups === undefined) return false;
    let byAgent = this.verdicts.get(role);
    if (byAgent === undefined) this.verdicts.set(role, (byAgent = new WeakMap()));
    const known = byAgent.get(agent);
    if (known !== undefined) return known;
    const excluded = !groups.some((group) => group.every((e) => e.test(e.select(agent, domain))));
    byAgent.set(agent, excluded);
    return excluded;
  }
}
