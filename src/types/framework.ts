/**
 * `mesos.FrameworkInfo`: a framework's identity, roles and capabilities.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { FrameworkID } from "./ids.js";
import type { Labels } from "./labels.js";
import type { OfferFilters } from "./resource.js";

/** `mesos.FrameworkInfo`: a framework: its user, name, roles, capabilities and failover settings. */
export interface FrameworkInfo {
  /** Unix user tasks run as (`user`, field 1, required). */
  readonly user: string;
  /** Framework name (`name`, field 2, required). */
  readonly name: string;
  /** Framework ID, set when re-subscribing (`id`, field 3). */
  readonly id?: FrameworkID;
  /** Seconds the master waits for a failed-over scheduler before tearing the framework down (`failover_timeout`, field 4, default 0). */
  readonly failoverTimeout?: number;
  /** Whether agents checkpoint the framework's tasks (`checkpoint`, field 5, default false). */
  readonly checkpoint?: boolean;
  /** Single role (superseded by `roles`) (`role`, field 6, default "*", deprecated). */
  readonly role?: string;
  /** Roles the framework subscribes with (needs MULTI_ROLE) (`roles`, field 12). */
  readonly roles?: readonly string[];
  /** Host the scheduler runs on (`hostname`, field 7). */
  readonly hostname?: string;
  /** Principal for authentication, rate limits and reservations (`principal`, field 8). */
  readonly principal?: string;
  /** The framework's web UI (`webui_url`, field 9). */
  readonly webuiUrl?: string;
  /** Capabilities the framework declares (`capabilities`, field 10). */
  readonly capabilities?: readonly FrameworkInfoCapability[];
  /** Free-form labels (`labels`, field 11). */
  readonly labels?: Labels;
  /** Minimum offer shapes, by role (`offer_filters`, field 13). */
  readonly offerFilters?: ReadonlyMap<string, OfferFilters>;
}

/** `mesos.FrameworkInfo.Capability`: a capability the framework declares. */
export interface FrameworkInfoCapability {
  /** Type (`type`, field 1). */
  readonly type?: FrameworkInfoCapabilityType;
}

/** `mesos.FrameworkInfo.Capability.Type`: the capabilities a framework can declare. */
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
