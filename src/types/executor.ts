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

/** `mesos.ExecutorInfo`. */
export interface ExecutorInfo {
  /** Type (`type`, field 15). */
  readonly type?: ExecutorInfoType;
  /** Executor id (`executor_id`, field 1, required). */
  readonly executorId: ExecutorID;
  /** Framework id (`framework_id`, field 8). */
  readonly frameworkId?: FrameworkID;
  /** Command (`command`, field 7). */
  readonly command?: CommandInfo;
  /** Container (`container`, field 11). */
  readonly container?: ContainerInfo;
  /** Resources (`resources`, field 5). */
  readonly resources?: readonly Resource[];
  /** Name (`name`, field 9). */
  readonly name?: string;
  /** Source (`source`, field 10, deprecated). */
  readonly source?: string;
  /** Data (`data`, field 4). */
  readonly data?: Uint8Array;
  /** Discovery (`discovery`, field 12). */
  readonly discovery?: DiscoveryInfo;
  /** Shutdown grace period (`shutdown_grace_period`, field 13). */
  readonly shutdownGracePeriod?: DurationInfo;
  /** Labels (`labels`, field 14). */
  readonly labels?: Labels;
}

/** `mesos.ExecutorInfo.Type`. */
export type ExecutorInfoType =
  | "UNKNOWN"
  | "DEFAULT"
  | "CUSTOM";
