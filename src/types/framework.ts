/**
 * `mesos.FrameworkInfo`: a framework's identity, roles and capabilities.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { FrameworkID } from "./ids.js";
import type { Labels } from "./labels.js";
import type { OfferFilters } from "./resource.js";

/** `mesos.FrameworkInfo`. */
export interface FrameworkInfo {
  /** User (`user`, field 1, required). */
  readonly user: string;
  /** Name (`name`, field 2, required). */
  readonly name: string;
  /** Id (`id`, field 3). */
  readonly id?: FrameworkID;
  /** Failover timeout (`failover_timeout`, field 4, default 0). */
  readonly failoverTimeout?: number;
  /** Checkpoint (`checkpoint`, field 5, default false). */
  readonly checkpoint?: boolean;
  /** Role (`role`, field 6, default "*", deprecated). */
  readonly role?: string;
  /** Roles (`roles`, field 12). */
  readonly roles?: readonly string[];
  /** Hostname (`hostname`, field 7). */
  readonly hostname?: string;
  /** Principal (`principal`, field 8). */
  readonly principal?: string;
  /** Webui url (`webui_url`, field 9). */
  readonly webuiUrl?: string;
  /** Capabilities (`capabilities`, field 10). */
  readonly capabilities?: readonly FrameworkInfoCapability[];
  /** Labels (`labels`, field 11). */
  readonly labels?: Labels;
  /** Offer filters (`offer_filters`, field 13). */
  readonly offerFilters?: ReadonlyMap<string, OfferFilters>;
}

/** `mesos.FrameworkInfo.Capability`. */
export interface FrameworkInfoCapability {
  /** Type (`type`, field 1). */
  readonly type?: FrameworkInfoCapabilityType;
}

/** `mesos.FrameworkInfo.Capability.Type`. */
export type FrameworkInfoCapabilityType =
  | "UNKNOWN"
  | "REVOCABLE_RESOURCES"
  | "TASK_KILLING_STATE"
  | "GPU_RESOURCES"
  | "SHARED_RESOURCES"
  | "PARTITION_AWARE"
  | "MULTI_ROLE"
  | "RESERVATION_REFINEMENT"
  | "REGION_AWARE";
