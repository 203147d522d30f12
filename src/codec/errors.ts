/**
 * The one error type of the codec. Every malformed input (bytes or JSON) and
 * every value that cannot be encoded ends in a `CodecError` that says which
 * message type, which field path and what went wrong.
 */

/** A decode or encode failure: `typeName` at `path` has `problem`. */
export class CodecError extends Error {
  /** Fully qualified type being decoded or encoded, e.g. `mesos.TaskInfo`. */
  readonly typeName: string;
  /** Field path inside that type in proto names, e.g. `resources[2].scalar.value`; "" for the message itself. */
  readonly path: string;
  /** What is wrong, e.g. `truncated varint` or `unknown enum value 42 for mesos.TaskState`. */
  readonly problem: string;

  constructor(typeName: string, path: string, problem: string) {
    super(`${typeName}${path ? ` at ${path}` : ""}: ${problem}`);
    this.name = "CodecError";
    this.typeName = typeName;
    this.path = path;
    this.problem = problem;
  }
}

/**
 * A problem found below the top level, before the full path is known. The
 * codec throws it from deep inside, prefixes path segments while unwinding,
 * and turns it into a `CodecError` at the entry point.
 */
export class PathedProblem extends Error {
  /** Path segments from the outermost known field inward. */
  readonly segments: string[];
  constructor(readonly problem: string, segment?: string) {
    super(problem);
    this.segments = segment === undefined ? [] : [segment];
  }
}

/** Joins path segments: names are joined with ".", `[i]` and `["key"]` attach directly. */
export function joinPath(segments: readonly string[]): string {
  let out = "";
  for (const s of segments) out += s.startsWith("[") || out === "" ? s : `.${s}`;
  return out;
}

/** Prefixes `segment` to a `PathedProblem` passing through a field; rethrows anything else unchanged. */
export function withSegment(err: unknown, segment: string): never {
  if (err instanceof PathedProblem) {
    err.segments.unshift(segment);
    throw err;
  }
  throw err;
}

/** Converts a `PathedProblem` (or a RangeError from runaway recursion) to a `CodecError` for `typeName`. */
export function toCodecError(err: unknown, typeName: string): never {
  if (err instanceof PathedProblem) throw new CodecError(typeName, joinPath(err.segments), err.problem);
  throw err;
}
