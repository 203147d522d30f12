/**
 * Mesos role names (`src/common/roles.cpp`): hierarchical paths like `a/b/c`.
 */

const INVALID_ROLE_CHARS = /[\t\n\v\f\r \x7f]/;

/**
 * Why `role` is not a valid role name, or null when it is. `*` is valid.
 * A role must not be empty, start or end with `/`, contain `//`, or have a
 * component that is `.`, `..`, `*`, starts with `-` or holds whitespace/DEL.
 */
export function roleError(role: string): string | null {
  if (role === "*") return null;
  if (role.length === 0) return "role names cannot be the empty string";
  if (role.startsWith("/")) return `role '${role}' cannot start with a slash`;
  if (role.endsWith("/")) return `role '${role}' cannot end with a slash`;
  if (role.includes("//")) return `role '${role}' cannot contain two adjacent slashes`;
  for (const c of role.split("/")) {
    if (c === "." || c === ".." || c === "*") return `role '${role}' cannot include '${c}' as a component`;
    if (c.startsWith("-")) return `role component '${c}' is invalid because it starts with a dash`;
    if (INVALID_ROLE_CHARS.test(c)) return `role component '${c}' is invalid because it contains backspace or whitespace`;
  }
  return null;
}

/** True when `child` is strictly below `parent` in the role tree (`a/b` below `a`). */
export function isStrictSubroleOf(child: string, parent: string): boolean {
  return child.length > parent.length && child.charCodeAt(parent.length) === 47 && child.startsWith(parent);
}

/** `role` itself or one of its ancestors equals `ancestor`. */
export function isRoleOrSubrole(role: string, ancestor: string): boolean {
  return role === ancestor || isStrictSubroleOf(role, ancestor);
}

/** Ancestors of a role, nearest first (`a/b/c` -> `a/b`, `a`). */
export function roleAncestors(role: string): string[] {
  const out: string[] = [];
  for (let i = role.length - 1; i >= 0; i--) if (role.charCodeAt(i) === 47) out.push(role.slice(0, i));
  return out;
}
