/**
 * Offers and the framework's requests and filters around them.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { DomainInfo, URL, Unavailability } from "./common.js";
import type { ExecutorID, FrameworkID, OfferID, SlaveID } from "./ids.js";
import type { Resource, ResourceAllocationInfo } from "./resource.js";
import type { Attribute } from "./value.js";

/** `mesos.Offer`: resources on one agent offered to one framework. */
export interface Offer {
  /** Offer ID (`id`, field 1, required). */
  readonly id: OfferID;
  /** Framework the offer is for (`framework_id`, field 2, required). */
  readonly frameworkId: FrameworkID;
  /** Agent the resources are on (`slave_id`, field 3, required). */
  readonly slaveId: SlaveID;
  /** The agent's hostname (`hostname`, field 4, required). */
  readonly hostname: string;
  /** URL of the agent (`url`, field 8). */
  readonly url?: URL;
  /** The agent's fault domain (`domain`, field 11). */
  readonly domain?: DomainInfo;
  /** Offered resources (`resources`, field 5). */
  readonly resources?: readonly Resource[];
  /** The agent's attributes (`attributes`, field 7). */
  readonly attributes?: readonly Attribute[];
  /** The framework's executors already on the agent (`executor_ids`, field 6). */
  readonly executorIds?: readonly ExecutorID[];
  /** Planned maintenance of the agent (`unavailability`, field 9). */
  readonly unavailability?: Unavailability;
  /** Role the offer is allocated to (`allocation_info`, field 10). */
  readonly allocationInfo?: ResourceAllocationInfo;
}

/** `mesos.Request`: a framework's request for resources, optionally on one agent. */
export interface Request {
  /** Agent the request is limited to (`slave_id`, field 1). */
  readonly slaveId?: SlaveID;
  /** Requested resources (`resources`, field 2). */
  readonly resources?: readonly Resource[];
}

/** `mesos.Filters`: filters a framework attaches to declined offers; `refuse_seconds` is 5 when unset (`refuseSeconds()`). */
export interface Filters {
  /** Seconds to refuse the declined resources (5 when unset) (`refuse_seconds`, field 1, default 5). */
  readonly refuseSeconds?: number;
}

/** `Filters.refuse_seconds` when unset, as Mesos applies it. */
export const DEFAULT_REFUSE_SECONDS = 5.0;

/** The refusal timeout a `Filters` asks for: its `refuseSeconds`, or 5 seconds when it is unset (or no filters were given). */
export function refuseSeconds(filters: Filters | undefined): number {
  return filters?.refuseSeconds ?? DEFAULT_REFUSE_SECONDS;
}
