/** drfcore's hierarchical DRF allocator (Mesos' HierarchicalDRFAllocator); see docs/allocator.md. */
export {
  HierarchicalDRFAllocator,
  type AllocatorOptions,
  type FrameworkInfo,
  type AgentInfo,
  type OfferCallback,
  type OfferFilters,
  type QuotaUpdate,
  type ResourceConversion,
  type FilterView,
  type FrameworkId,
  type AgentId,
  type Role,
} from "./hierarchical-allocator.js";
export { AllocatorError, type AllocatorErrorCode } from "./errors.js";
export { type Unavailability, type UnavailableResources, type InverseOfferStatus, type InverseOfferCallback } from "./maintenance.js";
export { type OfferConstraints, type AttributeConstraint, type FaultDomain, OfferConstraintsError } from "./offer-constraints.js";
export { type Clock, type TimerHandle, ManualClock, RealClock } from "./clock.js";
export { type Sorter, type SorterKind } from "./sorter.js";
export { DrfSorter } from "./drf-sorter.js";
export { RandomSorter } from "./random-sorter.js";
