/**
 * Tasks: `mesos.TaskInfo`, `mesos.TaskStatus`, and the limitation that failed a task.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { CommandInfo } from "./command.js";
import type { DurationInfo, TimeInfo } from "./common.js";
import type { ContainerInfo, ContainerStatus } from "./container.js";
import type { DiscoveryInfo } from "./discovery.js";
import type { ExecutorInfo } from "./executor.js";
import type { CheckInfo, CheckStatusInfo, HealthCheck, KillPolicy } from "./health.js";
import type { ExecutorID, SlaveID, TaskID } from "./ids.js";
import type { Labels } from "./labels.js";
import type { Resource } from "./resource.js";

/** The fields of `mesos.TaskInfo` other than `command` and `executor`. */
export interface TaskInfoFields {
  /** Task name (`name`, field 1, required). */
  readonly name: string;
  /** Task ID, chosen by the framework (`task_id`, field 2, required). */
  readonly taskId: TaskID;
  /** Agent to launch on (`slave_id`, field 3, required). */
  readonly slaveId: SlaveID;
  /** Resources the task uses (`resources`, field 4). */
  readonly resources?: readonly Resource[];
  /** Container to run the task in (`container`, field 9). */
  readonly container?: ContainerInfo;
  /** Health check; failures get the task killed (`health_check`, field 8). */
  readonly healthCheck?: HealthCheck;
  /** General check, reported only (`check`, field 13). */
  readonly check?: CheckInfo;
  /** Grace period between graceful and forcible kill (`kill_policy`, field 12). */
  readonly killPolicy?: KillPolicy;
  /** Opaque data for the executor (`data`, field 6). */
  readonly data?: Uint8Array;
  /** Free-form labels (`labels`, field 10). */
  readonly labels?: Labels;
  /** Service discovery metadata (`discovery`, field 11). */
  readonly discovery?: DiscoveryInfo;
  /** Deadline after which a running task fails (`max_completion_time`, field 14). */
  readonly maxCompletionTime?: DurationInfo;
  /** Resource limits above the allocation, by resource name (may be infinite) (`limits`, field 15). */
  readonly limits?: ReadonlyMap<string, number>;
}

/**
 * What runs a task. Mesos requires exactly one of a command (the agent's
 * command executor runs it) or an executor. Protobuf allows both or neither,
 * and the codec is faithful to the wire, so those two states exist too,
 * named so that code must handle them deliberately; Mesos' master rejects
 * such tasks (see `taskImplementationProblem`).
 */
export type TaskImplementation =
  | { /** Run `command` with the built-in command executor (`command`, field 7). */ readonly kind: "command"; readonly command: CommandInfo }
  | { /** Hand the task to `executor` (`executor`, field 5). */ readonly kind: "executor"; readonly executor: ExecutorInfo }
  | { /** Both set: valid protobuf, invalid for Mesos. */ readonly kind: "both"; readonly executor: ExecutorInfo; readonly command: CommandInfo }
  | { /** Neither set: valid protobuf, invalid for Mesos. */ readonly kind: "neither" };

/** `mesos.TaskInfo`: a task as launched by a framework. */
export interface TaskInfo extends TaskInfoFields {
  /** The task's command or executor (`command`, field 7 / `executor`, field 5). */
  readonly implementation: TaskImplementation;
}

/** Makes the implementation of a command task. */
export const commandImplementation = (command: CommandInfo): TaskImplementation => ({ kind: "command", command });
/** Makes the implementation of a task run by a custom executor. */
export const executorImplementation = (executor: ExecutorInfo): TaskImplementation => ({ kind: "executor", executor });

/**
 * Returns why Mesos would refuse the task's implementation (both or neither
 * of command and executor set), or `undefined` when exactly one is set.
 */
export function taskImplementationProblem(task: TaskInfo): string | undefined {
  switch (task.implementation.kind) {
    case "both": return "TaskInfo sets both 'command' and 'executor'; exactly one is allowed";
    case "neither": return "TaskInfo sets neither 'command' nor 'executor'; exactly one is required";
    default: return undefined;
  }
}

/** `mesos.TaskState`: the states a task moves through (numbers do not follow declaration order). */
export type TaskState =
  | "TASK_STAGING"
  | "TASK_STARTING"
  | "TASK_RUNNING"
  | "TASK_KILLING"
  | "TASK_FINISHED"
  | "TASK_FAILED"
  | "TASK_KILLED"
  | "TASK_ERROR"
  | "TASK_LOST"
  | "TASK_DROPPED"
  | "TASK_UNREACHABLE"
  | "TASK_GONE"
  | "TASK_GONE_BY_OPERATOR"
  | "TASK_UNKNOWN";

/** Every `TaskState` with its wire number, in Mesos' declaration order. */
export const TASK_STATE_NUMBERS: Readonly<Record<TaskState, number>> = {
  TASK_STAGING: 6,
  TASK_STARTING: 0,
  TASK_RUNNING: 1,
  TASK_KILLING: 8,
  TASK_FINISHED: 2,
  TASK_FAILED: 3,
  TASK_KILLED: 4,
  TASK_ERROR: 7,
  TASK_LOST: 5,
  TASK_DROPPED: 9,
  TASK_UNREACHABLE: 10,
  TASK_GONE: 11,
  TASK_GONE_BY_OPERATOR: 12,
  TASK_UNKNOWN: 13,
};

/** Every `TaskState`, in Mesos' declaration order. */
export const TASK_STATES: readonly TaskState[] = Object.keys(TASK_STATE_NUMBERS) as TaskState[];

/**
 * Whether `state` is terminal as Mesos' `protobuf::isTerminalState` decides:
 * FINISHED, FAILED, KILLED, LOST, ERROR, DROPPED, GONE and GONE_BY_OPERATOR.
 * A terminal task has released its resources for good. UNREACHABLE (which
 * also releases resources), UNKNOWN, STAGING, STARTING, RUNNING and KILLING
 * are not terminal.
 */
export function isTerminal(state: TaskState): boolean {
  switch (state) {
    case "TASK_FINISHED":
    case "TASK_FAILED":
    case "TASK_KILLED":
    case "TASK_LOST":
    case "TASK_ERROR":
    case "TASK_DROPPED":
    case "TASK_GONE":
    case "TASK_GONE_BY_OPERATOR":
      return true;
    case "TASK_STAGING":
    case "TASK_STARTING":
    case "TASK_RUNNING":
    case "TASK_KILLING":
    case "TASK_UNREACHABLE":
    case "TASK_UNKNOWN":
      return false;
  }
}

/** `mesos.TaskStatus`: a status update about a task: its state, why, and from whom. */
export interface TaskStatus {
  /** Task the update is about (`task_id`, field 1, required). */
  readonly taskId: TaskID;
  /** The task's new state (`state`, field 2, required). */
  readonly state: TaskState;
  /** Human-readable explanation (`message`, field 4). */
  readonly message?: string;
  /** Who sent the update (master, agent or executor) (`source`, field 9). */
  readonly source?: TaskStatusSource;
  /** Why the state changed (`reason`, field 10). */
  readonly reason?: TaskStatusReason;
  /** Opaque data from the executor (`data`, field 3). */
  readonly data?: Uint8Array;
  /** Agent the task runs on (`slave_id`, field 5). */
  readonly slaveId?: SlaveID;
  /** Executor running the task (`executor_id`, field 7). */
  readonly executorId?: ExecutorID;
  /** When the update was created, in seconds since the epoch (`timestamp`, field 6). */
  readonly timestamp?: number;
  /** Update ID, present when the update needs acknowledgement (`uuid`, field 11). */
  readonly uuid?: Uint8Array;
  /** Latest health check verdict (`healthy`, field 8). */
  readonly healthy?: boolean;
  /** Latest check result (`check_status`, field 15). */
  readonly checkStatus?: CheckStatusInfo;
  /** Free-form labels (`labels`, field 12). */
  readonly labels?: Labels;
  /** Container details such as IP addresses (`container_status`, field 13). */
  readonly containerStatus?: ContainerStatus;
  /** When the agent became unreachable (`unreachable_time`, field 14). */
  readonly unreachableTime?: TimeInfo;
  /** Resources whose limit the task exceeded (`limitation`, field 16). */
  readonly limitation?: TaskResourceLimitation;
}

/** `mesos.TaskStatus.Source`: who sent a status update: master, agent or executor. */
export type TaskStatusSource =
  | "SOURCE_MASTER"
  | "SOURCE_SLAVE"
  | "SOURCE_EXECUTOR";

/** `mesos.TaskStatus.Reason`: why a task's state changed. */
export type TaskStatusReason =
  | "REASON_COMMAND_EXECUTOR_FAILED"
  | "REASON_CONTAINER_LAUNCH_FAILED"
  | "REASON_CONTAINER_LIMITATION"
  | "REASON_CONTAINER_LIMITATION_DISK"
  | "REASON_CONTAINER_LIMITATION_MEMORY"
  | "REASON_CONTAINER_PREEMPTED"
  | "REASON_CONTAINER_UPDATE_FAILED"
  | "REASON_MAX_COMPLETION_TIME_REACHED"
  | "REASON_EXECUTOR_REGISTRATION_TIMEOUT"
  | "REASON_EXECUTOR_REREGISTRATION_TIMEOUT"
  | "REASON_EXECUTOR_TERMINATED"
  | "REASON_EXECUTOR_UNREGISTERED"
  | "REASON_FRAMEWORK_REMOVED"
  | "REASON_GC_ERROR"
  | "REASON_INVALID_FRAMEWORKID"
  | "REASON_INVALID_OFFERS"
  | "REASON_IO_SWITCHBOARD_EXITED"
  | "REASON_MASTER_DISCONNECTED"
  | "REASON_RECONCILIATION"
  | "REASON_RESOURCES_UNKNOWN"
  | "REASON_SLAVE_DISCONNECTED"
  | "REASON_SLAVE_DRAINING"
  | "REASON_SLAVE_REMOVED"
  | "REASON_SLAVE_REMOVED_BY_OPERATOR"
  | "REASON_SLAVE_REREGISTERED"
  | "REASON_SLAVE_RESTARTED"
  | "REASON_SLAVE_UNKNOWN"
  | "REASON_TASK_KILLED_DURING_LAUNCH"
  | "REASON_TASK_CHECK_STATUS_UPDATED"
  | "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED"
  | "REASON_TASK_GROUP_INVALID"
  | "REASON_TASK_GROUP_UNAUTHORIZED"
  | "REASON_TASK_INVALID"
  | "REASON_TASK_UNAUTHORIZED"
  | "REASON_TASK_UNKNOWN";

/** `mesos.TaskResourceLimitation`: the resources whose limits a task exceeded. */
export interface TaskResourceLimitation {
  /** Resources (`resources`, field 1). */
  readonly resources?: readonly Resource[];
}
