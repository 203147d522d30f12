/**
 * Health checks, general checks, their results, and kill policies.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { CommandInfo } from "./command.js";
import type { DurationInfo } from "./common.js";
import type { NetworkInfoProtocol } from "./container.js";

/** `mesos.HealthCheck`. */
export interface HealthCheck {
  /** Delay seconds (`delay_seconds`, field 2, default 15). */
  readonly delaySeconds?: number;
  /** Interval seconds (`interval_seconds`, field 3, default 10). */
  readonly intervalSeconds?: number;
  /** Timeout seconds (`timeout_seconds`, field 4, default 20). */
  readonly timeoutSeconds?: number;
  /** Consecutive failures (`consecutive_failures`, field 5, default 3). */
  readonly consecutiveFailures?: number;
  /** Grace period seconds (`grace_period_seconds`, field 6, default 10). */
  readonly gracePeriodSeconds?: number;
  /** Type (`type`, field 8). */
  readonly type?: HealthCheckType;
  /** Command (`command`, field 7). */
  readonly command?: CommandInfo;
  /** Http (`http`, field 1). */
  readonly http?: HealthCheckHTTPCheckInfo;
  /** Tcp (`tcp`, field 9). */
  readonly tcp?: HealthCheckTCPCheckInfo;
}

/** `mesos.HealthCheck.Type`. */
export type HealthCheckType =
  | "UNKNOWN"
  | "COMMAND"
  | "HTTP"
  | "TCP";

/** `mesos.HealthCheck.HTTPCheckInfo`. */
export interface HealthCheckHTTPCheckInfo {
  /** Protocol (`protocol`, field 5, default "IPv4"). */
  readonly protocol?: NetworkInfoProtocol;
  /** Scheme (`scheme`, field 3). */
  readonly scheme?: string;
  /** Port (`port`, field 1, required). */
  readonly port: number;
  /** Path (`path`, field 2). */
  readonly path?: string;
  /** Statuses (`statuses`, field 4). */
  readonly statuses?: readonly number[];
}

/** `mesos.HealthCheck.TCPCheckInfo`. */
export interface HealthCheckTCPCheckInfo {
  /** Protocol (`protocol`, field 2, default "IPv4"). */
  readonly protocol?: NetworkInfoProtocol;
  /** Port (`port`, field 1, required). */
  readonly port: number;
}

/** `mesos.CheckInfo`. */
export interface CheckInfo {
  /** Type (`type`, field 1). */
  readonly type?: CheckInfoType;
  /** Command (`command`, field 2). */
  readonly command?: CheckInfoCommand;
  /** Http (`http`, field 3). */
  readonly http?: CheckInfoHttp;
  /** Tcp (`tcp`, field 7). */
  readonly tcp?: CheckInfoTcp;
  /** Delay seconds (`delay_seconds`, field 4, default 15). */
  readonly delaySeconds?: number;
  /** Interval seconds (`interval_seconds`, field 5, default 10). */
  readonly intervalSeconds?: number;
  /** Timeout seconds (`timeout_seconds`, field 6, default 20). */
  readonly timeoutSeconds?: number;
}

/** `mesos.CheckInfo.Type`. */
export type CheckInfoType =
  | "UNKNOWN"
  | "COMMAND"
  | "HTTP"
  | "TCP";

/** `mesos.CheckInfo.Command`. */
export interface CheckInfoCommand {
  /** Command (`command`, field 1, required). */
  readonly command: CommandInfo;
}

/** `mesos.CheckInfo.Http`. */
export interface CheckInfoHttp {
  /** Port (`port`, field 1, required). */
  readonly port: number;
  /** Path (`path`, field 2). */
  readonly path?: string;
}

/** `mesos.CheckInfo.Tcp`. */
export interface CheckInfoTcp {
  /** Port (`port`, field 1, required). */
  readonly port: number;
}

/** `mesos.CheckStatusInfo`. */
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

/** `mesos.CheckStatusInfo.Command`. */
export interface CheckStatusInfoCommand {
  /** Exit code (`exit_code`, field 1). */
  readonly exitCode?: number;
}

/** `mesos.CheckStatusInfo.Http`. */
export interface CheckStatusInfoHttp {
  /** Status code (`status_code`, field 1). */
  readonly statusCode?: number;
}

/** `mesos.CheckStatusInfo.Tcp`. */
export interface CheckStatusInfoTcp {
  /** Succeeded (`succeeded`, field 1). */
  readonly succeeded?: boolean;
}

/** `mesos.KillPolicy`. */
export interface KillPolicy {
  /** Grace period (`grace_period`, field 1). */
  readonly gracePeriod?: DurationInfo;
}
