/**
 * The role tree (Mesos' RoleTree): per role, its quota, weight, the
 * frameworks tracked under it, and scalar quantities aggregated over the
 * role and its descendants — reservations, and what is offered or
 * allocated split into reserved / unreserved non-revocable parts, which is
 * what quota consumption and headroom are computed from.
 */
import { NAMES, type QVec, qAdd, qIsEmpty, qSub, newQVec } from "./quantities.js";

/** A role's quota: guarantees (absent means 0) and limits (absent name means no limit). */
export interface QuotaConfig {
  guarantees: QVec;
  /** name index -> limit in thousandths; a 0 entry is a real limit of zero. */
  limits: Map<number, number>;
}

/** True when a quota is Mesos' DEFAULT_QUOTA (no guarantees, no limits). */
export function isDefaultQuota(q: QuotaConfig): boolean {
  return qIsEmpty(q.guarantees) && q.limits.size === 0;
}

/** One node of the role tree. */
export class RoleNode {
  readonly children = new Map<string, RoleNode>();
  readonly frameworks = new Set<string>();
  quota: QuotaConfig = { guarantees: newQVec(), limits: new Map() };
  weight = 1;
  /** Reservations (all of them, allocated or not) to this role and its descendants. */
  readonly reservations: QVec = newQVec();
  /** Offered or allocated, reserved, to this role and its descendants. */
  readonly offeredReserved: QVec = newQVec();
  /** Offered or allocated, unreserved and non-revocable, to this role and its descendants. */
  readonly offeredUnreservedNonRevocable: QVec = newQVec();
  /** Offered or allocated (all scalars), to this role and its descendants. */
  readonly offered: QVec = newQVec();
  constructor(
    readonly path: string,
    readonly parent: RoleNode | null,
  ) {}
}

/** The split of one allocation's scalars that the role tree tracks. */
export interface ScalarSplit {
  all: QVec;
  reserved: QVec;
  unreservedNonRevocable: QVec;
}

/** Mesos' RoleTree: nodes are created on demand along '/' paths. */
export class RoleTree {
  readonly root = new RoleNode("", null);
  private readonly nodes = new Map<string, RoleNode>();

  /** The node of `role` if it exists. */
  get(role: string): RoleNode | undefined {
    return this.nodes.get(role);
  }

  /** The node of `role`, creating it and its ancestors as needed. */
  ensure(role: string): RoleNode {
    const found = this.nodes.get(role);
    if (found !== undefined) return found;
    let current = this.root;
    for (const token of role.split("/")) {
      let child = current.children.get(token);
      if (child === undefined) {
        child = new RoleNode(current === this.root ? token : current.path + "/" + token, current);
        current.children.set(token, child);
        this.nodes.set(child.path, child);
      }
      current = child;
    }
    return current;
  }

  /** All roles that exist, top-level first. */
  roles(): string[] {
    return [...this.nodes.keys()];
  }

  /** Top-level roles. */
  topLevel(): RoleNode[] {
    return [...this.root.children.values()];
  }

  /** Adds reservations (quantities reserved to `role`) to the role and its ancestors. */
  trackReservations(role: string, q: QVec): void {
    for (let n: RoleNode | null = this.ensure(role); n !== null; n = n.parent) qAdd(n.reservations, q);
  }

  /** Removes reservations tracked with `trackReservations`. */
  untrackReservations(role: string, q: QVec): void {
    for (let n: RoleNode | null = this.ensure(role); n !== null; n = n.parent) qSub(n.reservations, q);
  }

  /** Adds an offered or allocated split to `role` and its ancestors. */
  trackOffered(role: string, s: ScalarSplit): void {
    for (let n: RoleNode | null = this.ensure(role); n !== null; n = n.parent) {
      qAdd(n.offered, s.all);
      qAdd(n.offeredReserved, s.reserved);
      qAdd(n.offeredUnreservedNonRevocable, s.unreservedNonRevocable);
    }
  }

  /** `trackOffered` starting from a node already looked up. */
  trackOfferedAt(node: RoleNode, s: ScalarSplit): void {
    for (let n: RoleNode | null = node; n !== null; n = n.parent) {
      qAdd(n.offered, s.all);
      qAdd(n.offeredReserved, s.reserved);
      qAdd(n.offeredUnreservedNonRevocable, s.unreservedNonRevocable);
    }
  }

  /** Removes a split tracked with `trackOffered`. */
  untrackOffered(role: string, s: ScalarSplit): void {
    for (let n: RoleNode | null = this.ensure(role); n !== null; n = n.parent) {
      qSub(n.offered, s.all);
      qSub(n.offeredReserved, s.reserved);
      qSub(n.offeredUnreservedNonRevocable, s.unreservedNonRevocable);
    }
  }
}

/** Validates a role name as Mesos does (roles::validate); returns a reason or null. */
export function roleProblem(role: string): string | null {
  if (typeof role !== "string" || role.length === 0) return "role must be a non-empty string";
  if (role === "*") return null;
  for (const token of role.split("/")) {
    if (token.length === 0) return `role '${role}' has an empty path component`;
    if (token === "." || token === "..") return `role '${role}' has a '.' or '..' component`;
    if (token.startsWith("-")) return `role '${role}' has a component starting with '-'`;
    if (/[\s\x00-\x1f\x7f]/.test(token)) return `role '${role}' contains whitespace or control characters`;
    if (token === "*") return `role '${role}' has a '*' component`;
  }
  return null;
}

/** Resource name of a dense index (for messages). */
export function nameOf(i: number): string {
  return NAMES.names[i] ?? `#${i}`;
}
