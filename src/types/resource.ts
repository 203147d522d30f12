/**
 * `mesos.Resource` and the messages it carries (reservations, disk info,
 * allocation info), plus `mesos.OfferFilters`, which is made of quantities.
 *
 * A resource is a discriminated union on `type` (SCALAR / RANGES / SET, and
 * TEXT, which protobuf allows though Mesos never uses it for resources).
 * Judging values (negative scalars, overlapping ranges, a missing payload) is
 * the resource layer's job; the codec only guarantees that a payload, when
 * present, matches `type`.
 */
import type { ResourceProviderID } from "./ids.js";
import type { Labels } from "./labels.js";
import type { ValueRanges, ValueSet } from "./value.js";
import type { Volume } from "./container.js";

/** `mesos.Resource.ReservationInfo.Type`: reservation kinds: STATIC (operator flag) or DYNAMIC (reserve operation). */
export type ReservationType = "UNKNOWN" | "STATIC" | "DYNAMIC";

/** `mesos.Resource.ReservationInfo`: one level of a (possibly refined) reservation. */
export interface ReservationInfo {
  /** STATIC (operator flag) or DYNAMIC (reserve operation) (`type`, field 4). */
  readonly type?: ReservationType;
  /** Role the resources are reserved for (`role`, field 3). */
  readonly role?: string;
  /** Principal of whoever made the reservation (`principal`, field 1). */
  readonly principal?: string;
  /** Free-form reservation labels (`labels`, field 2). */
  readonly labels?: Labels;
}

/** `mesos.Resource.AllocationInfo`: the role a resource is allocated to. */
export interface ResourceAllocationInfo {
  /** The role (`role`, field 1). */
  readonly role?: string;
}

/** `mesos.Resource.DiskInfo.Persistence`: marks a disk as a persistent volume. */
export interface DiskPersistence {
  /** Volume ID, unique per role per agent (`id`, field 1). */
  readonly id: string;
  /** Principal that created the volume (`principal`, field 2). */
  readonly principal?: string;
}

/** `mesos.Resource.DiskInfo.Source.Type`: disk source kinds: PATH, MOUNT, BLOCK or RAW. */
export type DiskSourceType = "UNKNOWN" | "PATH" | "MOUNT" | "BLOCK" | "RAW";

/** `mesos.Resource.DiskInfo.Source.Path`: a directory on a separate device. */
export interface DiskSourcePath {
  /** Directory path, relative to the agent work dir if not absolute (`root`, field 1). */
  readonly root?: string;
}

/** `mesos.Resource.DiskInfo.Source.Mount`: a mounted filesystem, used whole. */
export interface DiskSourceMount {
  /** Mount point (`root`, field 1). */
  readonly root?: string;
}

/** `mesos.Resource.DiskInfo.Source`: where a disk resource comes from. */
export interface DiskSource {
  /** Kind of disk (`type`, field 1, required). */
  readonly type: DiskSourceType;
  /** Set for PATH disks (`path`, field 2). */
  readonly path?: DiskSourcePath;
  /** Set for MOUNT disks (`mount`, field 3). */
  readonly mount?: DiskSourceMount;
  /** Storage vendor (`vendor`, field 7). */
  readonly vendor?: string;
  /** CSI volume ID (`id`, field 4). */
  readonly id?: string;
  /** CSI volume context (`metadata`, field 5). */
  readonly metadata?: Labels;
  /** Disk profile name (`profile`, field 6). */
  readonly profile?: string;
}

/** `mesos.Resource.DiskInfo`: persistence, mount point and source of a disk resource. */
export interface DiskInfo {
  /** Present for a persistent volume (`persistence`, field 1). */
  readonly persistence?: DiskPersistence;
  /** Where the disk is mounted in the container (`volume`, field 2). */
  readonly volume?: Volume;
  /** Where the disk comes from (`source`, field 3). */
  readonly source?: DiskSource;
}

/** `mesos.Resource.RevocableInfo`: empty marker; presence means revocable. */
export type RevocableInfo = Readonly<Record<string, never>>;
/** `mesos.Resource.SharedInfo`: empty marker; presence means shared. */
export type SharedInfo = Readonly<Record<string, never>>;

/** The fields every resource has, whatever its value type. */
export interface ResourceCommon {
  /** Resource provider the resource comes from (`provider_id`, field 12). */
  readonly providerId?: ResourceProviderID;
  /** Name such as "cpus", "mem", "disk", "ports" (`name`, field 1). */
  readonly name: string;
  /** Legacy reservation role; "*" means unreserved (`role`, field 6, deprecated). */
  readonly role?: string;
  /** Role the resource is allocated to (`allocation_info`, field 11). */
  readonly allocationInfo?: ResourceAllocationInfo;
  /** Legacy dynamic reservation (`reservation`, field 8). */
  readonly reservation?: ReservationInfo;
  /** Reservation stack, outermost first (`reservations`, field 13). */
  readonly reservations?: readonly ReservationInfo[];
  /** Disk details for "disk" resources (`disk`, field 7). */
  readonly disk?: DiskInfo;
  /** Present if the resource is revocable (`revocable`, field 9). */
  readonly revocable?: RevocableInfo;
  /** Present if the resource is shared (`shared`, field 10). */
  readonly shared?: SharedInfo;
}

/** A SCALAR resource (cpus, mem, disk, gpus, ...). */
export interface ScalarResource extends ResourceCommon {
  /** Discriminant (`type`, field 2). */
  readonly type: "SCALAR";
  /** The quantity (`scalar.value`, field 3). */
  readonly scalar?: number;
}

/** A RANGES resource (ports). */
export interface RangesResource extends ResourceCommon {
  /** Discriminant (`type`, field 2). */
  readonly type: "RANGES";
  /** The ranges (`ranges.range`, field 4). */
  readonly ranges?: ValueRanges;
}

/** A SET resource. */
export interface SetResource extends ResourceCommon {
  /** Discriminant (`type`, field 2). */
  readonly type: "SET";
  /** The items (`set.item`, field 5). */
  readonly set?: ValueSet;
}

/** A TEXT-typed resource: valid protobuf, rejected by Mesos' resource validation. */
export interface TextResource extends ResourceCommon {
  /** Discriminant (`type`, field 2). */
  readonly type: "TEXT";
}

/** `mesos.Resource`, discriminated on `type`. */
export type Resource = ScalarResource | RangesResource | SetResource | TextResource;

/** `mesos.OfferFilters.ResourceQuantities`: resource name → scalar quantity. */
export interface ResourceQuantities {
  /** Quantities by resource name (`quantities`, field 1, map<string, Value.Scalar>). */
  readonly quantities?: ReadonlyMap<string, number>;
}

/** `mesos.OfferFilters.MinAllocatableResources`: any one of these is allocatable. */
export interface MinAllocatableResources {
  /** Alternatives (`quantities`, field 1). */
  readonly quantities?: readonly ResourceQuantities[];
}

/** `mesos.OfferFilters`: per-role shape filters a framework puts on its offers. */
export interface OfferFilters {
  /** Minimum offer shape (`min_allocatable_resources`, field 1). */
  readonly minAllocatableResources?: MinAllocatableResources;
}
