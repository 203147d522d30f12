/** drfcore's resource model with Mesos `Resources` semantics (see docs/resources.md). */
export { ResourceParseError, ResourceError } from "./errors.js";
export { FIXED_SCALE, toFixed, fromFixed, formatFixed } from "./fixed.js";
export {
  RangeSet, SMALL_MAX, NUMBER_BOUND_MAX, UINT64_MAX, type RangeBound,
  unionBounds, subtractBounds, intersectBounds, containsBounds, equalBounds, canonicalizeBounds,
} from "./ranges.js";
export { canonicalSet, unionSets, subtractSets, containsSet, equalSets, formatSet } from "./sets.js";
export { parseValue, parseDouble, scalarToFixed, type ParsedValue, type ValueType } from "./value.js";
export { roleError, isStrictSubroleOf, isRoleOrSubrole, roleAncestors } from "./roles.js";
export { Entry, Meta, PLAIN, staticMeta, entryFromResource, type Resource, type ReservationInfo, type DiskInfo, type DiskSource } from "./resource.js";
export { parseMesosJSONArray, formatMesosJSONArray } from "./json.js";
export { Resources, useRangeKernels, rangeKernelsInUse, TS_RANGE_OPS, AUTO_RANGE_OPS, WASM_RANGE_OPS, type RangeOps } from "./resources.js";
export { ResourceQuantities } from "./quantities.js";
