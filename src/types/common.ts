/**
 * Small shared messages: time, durations, network addresses, URLs, unavailability and fault domains.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { Parameter } from "./labels.js";

/** `mesos.TimeInfo`: a point in time, in nanoseconds since the epoch. */
export interface TimeInfo {
  /** Nanoseconds since the epoch (`nanoseconds`, field 1, required). */
  readonly nanoseconds: bigint;
}

/** `mesos.DurationInfo`: a duration in nanoseconds. */
export interface DurationInfo {
  /** Nanoseconds (`nanoseconds`, field 1, required). */
  readonly nanoseconds: bigint;
}

/** `mesos.Address`: a network address (hostname and/or IP, and port). */
export interface Address {
  /** Hostname (`hostname`, field 1). */
  readonly hostname?: string;
  /** IP address (v4 or v6) (`ip`, field 2). */
  readonly ip?: string;
  /** Port (int32) (`port`, field 3, required). */
  readonly port: number;
}

/** `mesos.URL`: a URL split into scheme, address, path, query and fragment. */
export interface URL {
  /** Scheme (`scheme`, field 1, required). */
  readonly scheme: string;
  /** Address (`address`, field 2, required). */
  readonly address: Address;
  /** Path (`path`, field 3). */
  readonly path?: string;
  /** Query (`query`, field 4). */
  readonly query?: readonly Parameter[];
  /** Fragment (`fragment`, field 5). */
  readonly fragment?: string;
}

/** `mesos.Unavailability`: a planned unavailability interval (maintenance). */
export interface Unavailability {
  /** Start (`start`, field 1, required). */
  readonly start: TimeInfo;
  /** Duration (`duration`, field 2). */
  readonly duration?: DurationInfo;
}

/** `mesos.DomainInfo`: the fault domain (region and zone) of a master or agent. */
export interface DomainInfo {
  /** Fault domain (`fault_domain`, field 1). */
  readonly faultDomain?: DomainInfoFaultDomain;
}

/** `mesos.DomainInfo.FaultDomain`: a region and a zone. */
export interface DomainInfoFaultDomain {
  /** Region (`region`, field 1, required). */
  readonly region: DomainInfoFaultDomainRegionInfo;
  /** Zone (`zone`, field 2, required). */
  readonly zone: DomainInfoFaultDomainZoneInfo;
}

/** `mesos.DomainInfo.FaultDomain.RegionInfo`: a region, e.g. a data centre. */
export interface DomainInfoFaultDomainRegionInfo {
  /** Name (`name`, field 1, required). */
  readonly name: string;
}

/** `mesos.DomainInfo.FaultDomain.ZoneInfo`: a zone inside a region, e.g. a rack. */
export interface DomainInfoFaultDomainZoneInfo {
  /** Name (`name`, field 1, required). */
  readonly name: string;
}

/** `mesos.Status`: the state of a scheduler or executor driver after a call. */
export type Status = "DRIVER_NOT_STARTED" | "DRIVER_RUNNING" | "DRIVER_ABORTED" | "DRIVER_STOPPED";

/** Every driver `Status` with its wire number. */
export const STATUS_NUMBERS: Readonly<Record<Status, number>> = {
  DRIVER_NOT_STARTED: 1,
  DRIVER_RUNNING: 2,
  DRIVER_ABORTED: 3,
  DRIVER_STOPPED: 4,
};
