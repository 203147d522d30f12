/** Typed errors of the allocator. */

/** What went wrong, as a stable machine-readable code. */
export type AllocatorErrorCode =
  | "UNKNOWN_FRAMEWORK"
  | "UNKNOWN_AGENT"
  | "DUPLICATE_FRAMEWORK"
  | "DUPLICATE_AGENT"
  | "UNKNOWN_ROLE"
  | "INVALID_ARGUMENT"
  | "INVALID_RESOURCES"
  | "CLOSED";

/**
 * Raised by every allocator operation called with invalid arguments (unknown
 * ids, double adds, malformed roles or quantities). The allocator checks all
 * arguments before it changes anything, so after an AllocatorError its state
 * is exactly what it was before the call.
 */
export class AllocatorError extends Error {
  constructor(
    /** Stable code saying which rule the call broke. */
    readonly code: AllocatorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AllocatorError";
  }
}

/**
 * `x` as text for an error message, whatever a caller passed: `String()`
 * throws a TypeError for an object whose `toString` is not callable (or
 * that has no prototype) and for a symbol inside a template literal, and a
 * message about bad input must not fail on the bad input itself.
 */
export function describeValue(x: unknown): string {
  if (typeof x === "string") return x;
  try {
    return String(x);
  } catch {
    return Object.prototype.toString.call(x);
  }
}
