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

/** `mesos.Offer`. */
export interface Offer {
  /** Id (`id`, field 1, required). */
  readonly id: OfferID;
  /** Framework id (`framework_id`, field 2, required). */
  readonly frameworkId: FrameworkID;
  /** Slave id (`slave_id`, field 3, required). */
  readonly slaveId: SlaveID;
  /** Hostname (`hostname`, field 4, required). */
  readonly hostname: string;
  /** Url (`url`, field 8). */
  readonly url?: URL;
  /** Domain (`domain`, field 11). */
  readonly domain?: DomainInfo;
  /** Resources (`resources`, field 5). */
  readonly resources?: readonly Resource[];
  /** Attributes (`attributes`, field 7). */
  readonly attributes?: readonly Attribute[];
  /** Executor ids (`executor_ids`, field 6). */
  readonly executorIds?: readonly ExecutorID[];
  /** Unavailability (`unavailability`, field 9). */
  readonly unavailability?: Unavailability;
  /** Allocation info (`allocation_info`, field 10). */
  readonly allocationInfo?: ResourceAllocationInfo;
}

/** `mesos.Request`. */
export interface Request {
  /** Slave id (`slave_id`, field 1). */
  readonly slaveId?: SlaveID;
  /** Resources (`resources`, field 2). */
  readonly resources?: readonly Resource[];
}

/** `mesos.Filters`. */
export interface Filters {
  /** Refuse seconds (`refuse_seconds`, field 1, default 5). */
  readonly refuseSeconds?: number;
}
