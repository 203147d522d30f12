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

/** `mesos.SlaveInfo`: an agent ("slave" in the v0 API): hostname, port, resources, attributes. */
export interface SlaveInfo {
  /** Agent hostname (`hostname`, field 1, required). */
  readonly hostname: string;
  /** Agent port (int32; may be negative on the wire) (`port`, field 8, default 5051). */
  readonly port?: number;
  /** Resources the agent was started with (`resources`, field 3). */
  readonly resources?: readonly Resource[];
  /** Agent attributes (`attributes`, field 5). */
  readonly attributes?: readonly Attribute[];
  /** Agent ID, once registered (`id`, field 6). */
  readonly id?: SlaveID;
  /** The agent's fault domain (`domain`, field 10). */
  readonly domain?: DomainInfo;
  /** Ignored by recent Mesos (always checkpoints) (`checkpoint`, field 7, default false). */
  readonly checkpoint?: boolean;
}

/** `mesos.SlaveInfo.Capability`: a capability the agent declares. */
export interface SlaveInfoCapability {
  /** Type (`type`, field 1). */
  readonly type?: SlaveInfoCapabilityType;
}

/** `mesos.SlaveInfo.Capability.Type`: the capabilities an agent can declare. */
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
