/**
 * Health checks, general checks, their results, and kill policies.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { CommandInfo } from "./command.js";
import type { DurationInfo } from "./common.js";
import type { NetworkInfoProtocol } from "./container.js";

/** `mesos.HealthCheck`: a health check (command, HTTP or TCP) whose failures get a task killed. */
export interface HealthCheck {
  /** Seconds to wait before the first check (`delay_seconds`, field 2, default 15). */
  readonly delaySeconds?: number;
  /** Seconds between checks (`interval_seconds`, field 3, default 10). */
  readonly intervalSeconds?: number;
  /** Seconds before a check counts as failed (`timeout_seconds`, field 4, default 20). */
  readonly timeoutSeconds?: number;
  /** Failures in a row that get the task killed (`consecutive_failures`, field 5, default 3). */
  readonly consecutiveFailures?: number;
  /** Seconds after launch during which failures are ignored (`grace_period_seconds`, field 6, default 10). */
  readonly gracePeriodSeconds?: number;
  /** COMMAND, HTTP or TCP (`type`, field 8). */
  readonly type?: HealthCheckType;
  /** Command to run, for COMMAND checks (`command`, field 7). */
  readonly command?: CommandInfo;
  /** HTTP check settings (`http`, field 1). */
  readonly http?: HealthCheckHTTPCheckInfo;
  /** TCP check settings (`tcp`, field 9). */
  readonly tcp?: HealthCheckTCPCheckInfo;
}

/** `mesos.HealthCheck.Type`: health check kinds. */
export type HealthCheckType =
  | "UNKNOWN"
  | "COMMAND"
  | "HTTP"
  | "TCP";

/** `mesos.HealthCheck.HTTPCheckInfo`: an HTTP health check: GET on a port and path. */
export interface HealthCheckHTTPCheckInfo {
  /** IP protocol to use (`protocol`, field 5, default "IPv4"). */
  readonly protocol?: NetworkInfoProtocol;
  /** "http" or "https" (`scheme`, field 3). */
  readonly scheme?: string;
  /** Port to query (`port`, field 1, required). */
  readonly port: number;
  /** Path to GET (`path`, field 2). */
  readonly path?: string;
  /** Status codes a custom executor may treat as healthy (`statuses`, field 4). */
  readonly statuses?: readonly number[];
}

/** `mesos.HealthCheck.TCPCheckInfo`: a TCP health check: the port must accept connections. */
export interface HealthCheckTCPCheckInfo {
  /** IP protocol to use (`protocol`, field 2, default "IPv4"). */
  readonly protocol?: NetworkInfoProtocol;
  /** Port that must accept connections (`port`, field 1, required). */
  readonly port: number;
}

/** `mesos.CheckInfo`: a general check (command, HTTP or TCP) whose results are reported, never acted on. */
export interface CheckInfo {
  /** COMMAND, HTTP or TCP (`type`, field 1). */
  readonly type?: CheckInfoType;
  /** Command check (`command`, field 2). */
  readonly command?: CheckInfoCommand;
  /** HTTP check (`http`, field 3). */
  readonly http?: CheckInfoHttp;
  /** TCP check (`tcp`, field 7). */
  readonly tcp?: CheckInfoTcp;
  /** Seconds to wait before the first check (`delay_seconds`, field 4, default 15). */
  readonly delaySeconds?: number;
  /** Seconds between checks (`interval_seconds`, field 5, default 10). */
  readonly intervalSeconds?: number;
  /** Seconds before a check is abandoned (0: none) (`timeout_seconds`, field 6, default 20). */
  readonly timeoutSeconds?: number;
}

/** `mesos.CheckInfo.Type`: check kinds. */
export type CheckInfoType =
  | "UNKNOWN"
  | "COMMAND"
  | "HTTP"
  | "TCP";

/** `mesos.CheckInfo.Command`: a command check. */
export interface CheckInfoCommand {
  /** Command (`command`, field 1, required). */
  readonly command: CommandInfo;
}

/** `mesos.CheckInfo.Http`: an HTTP check: GET on a port and path. */
export interface CheckInfoHttp {
  /** Port (`port`, field 1, required). */
  readonly port: number;
  /** Path (`path`, field 2). */
  readonly path?: string;
}

/** `mesos.CheckInfo.Tcp`: a TCP check: the port must accept connections. */
export interface CheckInfoTcp {
  /** Port (`port`, field 1, required). */
  readonly port: number;
}

/** `mesos.CheckStatusInfo`: the latest result of a task's check. */
export interface CheckStatusInfo {
  /** Type (`type`, field 1). */
  readonly type?: CheckInfoType;
  /** Command (`command`, field 2). */
  readonly command?: CheckStatusInfoCommand;
  /** Http (`http`, field 3). */
  readonly http?: CheckStatusInfoHttp;
  /** Tcp (`tcp`, field 4). */
  readonly tcp?: CheckStatusInfoTcp;
}

/** `mesos.CheckStatusInfo.Command`: result of a command check (exit code). */
export interface CheckStatusInfoCommand {
  /** Exit code (`exit_code`, field 1). */
  readonly exitCode?: number;
}

/** `mesos.CheckStatusInfo.Http`: result of an HTTP check (status code). */
export interface CheckStatusInfoHttp {
  /** Status code (`status_code`, field 1). */
  readonly statusCode?: number;
}

/** `mesos.CheckStatusInfo.Tcp`: result of a TCP check (whether it connected). */
export interface CheckStatusInfoTcp {
  /** Succeeded (`succeeded`, field 1). */
  readonly succeeded?: boolean;
}

/** `mesos.KillPolicy`: how long to wait between a graceful and a forcible kill. */
export interface KillPolicy {
  /** Time between the graceful and the forcible kill (`grace_period`, field 1). */
  readonly gracePeriod?: DurationInfo;
}
