/**
 * `mesos.MasterInfo`: a master and its capabilities.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { Address, DomainInfo } from "./common.js";

/** `mesos.MasterInfo`: a master: ID, address, version and capabilities. */
export interface MasterInfo {
  /** Master ID (`id`, field 1, required). */
  readonly id: string;
  /** IPv4 address packed into a uint32 (deprecated: use `address`) (`ip`, field 2, required). */
  readonly ip: number;
  /** HTTP port (`port`, field 3, required, default 5050). */
  readonly port: number;
  /** libprocess PID (`pid`, field 4). */
  readonly pid?: string;
  /** Hostname (deprecated: use `address`) (`hostname`, field 5). */
  readonly hostname?: string;
  /** Mesos version (`version`, field 6). */
  readonly version?: string;
  /** Full address (`address`, field 7). */
  readonly address?: Address;
  /** The master's fault domain (`domain`, field 8). */
  readonly domain?: DomainInfo;
  /** Capabilities the master declares (`capabilities`, field 9). */
  readonly capabilities?: readonly MasterInfoCapability[];
}

/** `mesos.MasterInfo.Capability`: a capability the master declares. */
export interface MasterInfoCapability {
  /** Type (`type`, field 1). */
  readonly type?: MasterInfoCapabilityType;
}

/** `mesos.MasterInfo.Capability.Type`: the capabilities a master can declare. */
export type MasterInfoCapabilityType =
  | "UNKNOWN"
  | "AGENT_UPDATE"
  | "AGENT_DRAINING"
  | "QUOTA_V2";
