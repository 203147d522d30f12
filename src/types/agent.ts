/**
 * `mesos.SlaveInfo`: an agent (a "slave" in the v0 API) and its capabilities.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { DomainInfo } from "./common.js";
import type { SlaveID } from "./ids.js";
import type { Resource } from "./resource.js";
import type { Attribute } from "./value.js";

/** `mesos.SlaveInfo`. */
export interface SlaveInfo {
  /** Hostname (`hostname`, field 1, required). */
  readonly hostname: string;
  /** Port (`port`, field 8, default 5051). */
  readonly port?: number;
  /** Resources (`resources`, field 3). */
  readonly resources?: readonly Resource[];
  /** Attributes (`attributes`, field 5). */
  readonly attributes?: readonly Attribute[];
  /** Id (`id`, field 6). */
  readonly id?: SlaveID;
  /** Domain (`domain`, field 10). */
  readonly domain?: DomainInfo;
  /** Checkpoint (`checkpoint`, field 7, default false). */
  readonly checkpoint?: boolean;
}

/** `mesos.SlaveInfo.Capability`. */
export interface SlaveInfoCapability {
  /** Type (`type`, field 1). */
  readonly type?: SlaveInfoCapabilityType;
}

/** `mesos.SlaveInfo.Capability.Type`. */
export type SlaveInfoCapabilityType =
  | "UNKNOWN"
  | "MULTI_ROLE"
  | "HIERARCHICAL_ROLE"
  | "RESERVATION_REFINEMENT"
  | "RESOURCE_PROVIDER"
  | "RESIZE_VOLUME"
  | "AGENT_OPERATION_FEEDBACK"
  | "AGENT_DRAINING"
  | "TASK_RESOURCE_LIMITS";
