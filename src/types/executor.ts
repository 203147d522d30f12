/**
 * `mesos.ExecutorInfo`: how to launch an executor.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { CommandInfo } from "./command.js";
import type { DurationInfo } from "./common.js";
import type { ContainerInfo } from "./container.js";
import type { DiscoveryInfo } from "./discovery.js";
import type { ExecutorID, FrameworkID } from "./ids.js";
import type { Labels } from "./labels.js";
import type { Resource } from "./resource.js";

/** `mesos.ExecutorInfo`: an executor: what runs it, its resources, container and metadata. */
export interface ExecutorInfo {
  /** DEFAULT (built-in) or CUSTOM executor (`type`, field 15). */
  readonly type?: ExecutorInfoType;
  /** Executor ID (`executor_id`, field 1, required). */
  readonly executorId: ExecutorID;
  /** Owning framework (`framework_id`, field 8). */
  readonly frameworkId?: FrameworkID;
  /** Command that starts the executor (`command`, field 7). */
  readonly command?: CommandInfo;
  /** Container to run the executor in (`container`, field 11). */
  readonly container?: ContainerInfo;
  /** Resources the executor itself uses (`resources`, field 5). */
  readonly resources?: readonly Resource[];
  /** Executor name (`name`, field 9). */
  readonly name?: string;
  /** Source tag (deprecated: use labels) (`source`, field 10, deprecated). */
  readonly source?: string;
  /** Opaque data for the executor (`data`, field 4). */
  readonly data?: Uint8Array;
  /** Service discovery metadata (`discovery`, field 12). */
  readonly discovery?: DiscoveryInfo;
  /** Time allowed for a graceful shutdown (`shutdown_grace_period`, field 13). */
  readonly shutdownGracePeriod?: DurationInfo;
  /** Free-form labels (`labels`, field 14). */
  readonly labels?: Labels;
}

/** `mesos.ExecutorInfo.Type`: executor kinds: DEFAULT (built-in) or CUSTOM. */
export type ExecutorInfoType =
  | "UNKNOWN"
  | "DEFAULT"
  | "CUSTOM";
