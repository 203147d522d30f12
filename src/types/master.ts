/**
 * `mesos.MasterInfo`: a master and its capabilities.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { Address, DomainInfo } from "./common.js";

/** `mesos.MasterInfo`. */
export interface MasterInfo {
  /** Id (`id`, field 1, required). */
  readonly id: string;
  /** Ip (`ip`, field 2, required). */
  readonly ip: number;
  /** Port (`port`, field 3, required, default 5050). */
  readonly port: number;
  /** Pid (`pid`, field 4). */
  readonly pid?: string;
  /** Hostname (`hostname`, field 5). */
  readonly hostname?: string;
  /** Version (`version`, field 6). */
  readonly version?: string;
  /** Address (`address`, field 7). */
  readonly address?: Address;
  /** Domain (`domain`, field 8). */
  readonly domain?: DomainInfo;
  /** Capabilities (`capabilities`, field 9). */
  readonly capabilities?: readonly MasterInfoCapability[];
}

/** `mesos.MasterInfo.Capability`. */
export interface MasterInfoCapability {
  /** Type (`type`, field 1). */
  readonly type?: MasterInfoCapabilityType;
}

/** `mesos.MasterInfo.Capability.Type`. */
export type MasterInfoCapabilityType =
  | "UNKNOWN"
  | "AGENT_UPDATE"
  | "AGENT_DRAINING"
  | "QUOTA_V2";
