/**
 * `mesos.Value` and its parts, the payload of resources and attributes.
 *
 * The wrapper messages `Value.Scalar`, `Value.Text`, `Value.Ranges` and
 * `Value.Set` are represented by what they wrap: a number, a string, an array
 * of ranges and an array of strings. Range bounds are uint64 on the wire and
 * therefore `bigint` here (exact above 2^53).
 */

/** `mesos.Value.Type`: which payload a value, resource or attribute carries. */
export type ValueType = "SCALAR" | "RANGES" | "SET" | "TEXT";

/** Every `ValueType`, in the order of their enum numbers (0..3). */
export const VALUE_TYPES: readonly ValueType[] = ["SCALAR", "RANGES", "SET", "TEXT"];

/** `mesos.Value.Range`: the inclusive interval [begin, end] of uint64s. */
export interface ValueRange {
  /** First value in the range (`begin`, field 1, uint64). */
  readonly begin: bigint;
  /** Last value in the range, inclusive (`end`, field 2, uint64). */
  readonly end: bigint;
}

/** `mesos.Value.Ranges`: the list of ranges, in wire order (not normalised). */
export type ValueRanges = readonly ValueRange[];

/** `mesos.Value.Set`: the items, in wire order (duplicates kept). */
export type ValueSet = readonly string[];

/**
 * `mesos.Value`, discriminated on `type`.
 *
 * The payload field of the variant is optional because protobuf lets it be
 * absent (`{type: SCALAR}` alone is valid on the wire); the codec rejects a
 * payload that does not match `type` (e.g. `ranges` on a SCALAR value).
 */
export type Value =
  | { readonly type: "SCALAR"; /** `scalar.value` (double). */ readonly scalar?: number }
  | { readonly type: "RANGES"; /** `ranges.range`. */ readonly ranges?: ValueRanges }
  | { readonly type: "SET"; /** `set.item`. */ readonly set?: ValueSet }
  | { readonly type: "TEXT"; /** `text.value`. */ readonly text?: string };

/** `mesos.Attribute`: a named value describing an agent (e.g. `rack:r1`). */
export type Attribute = { /** Attribute name (`name`, field 1). */ readonly name: string } & Value;

/** Makes a scalar `Value`. */
export const scalarValue = (scalar: number): Value => ({ type: "SCALAR", scalar });
/** Makes a ranges `Value` from `[begin, end]` pairs. */
export const rangesValue = (ranges: ReadonlyArray<readonly [bigint, bigint]>): Value => ({
  type: "RANGES",
  ranges: ranges.map(([begin, end]) => ({ begin, end })),
});
/** Makes a set `Value`. */
export const setValue = (items: readonly string[]): Value => ({ type: "SET", set: [...items] });
/** Makes a text `Value`. */
export const textValue = (text: string): Value => ({ type: "TEXT", text });
