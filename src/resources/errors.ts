/**
 * Errors of the resources layer. Both carry a plain message that says what
 * was wrong, where, and why, so the CLI can print it as is.
 */

/** Bad resource text: `input` is the whole text, `offset` where the bad fragment starts. */
export class ResourceParseError extends Error {
  override readonly name = "ResourceParseError";
  constructor(
    message: string,
    /** The text that was being parsed. */
    readonly input: string = "",
    /** Offset of the offending fragment in `input` (-1 when not known). */
    readonly offset: number = -1,
    /** The offending fragment. */
    readonly fragment: string = "",
  ) {
    super(message);
  }
}

/** An invalid resource value or operation (negative scalar, malformed Resource object, ...). */
export class ResourceError extends Error {
  override readonly name = "ResourceError";
  constructor(message: string) {
    super(message);
  }
}
