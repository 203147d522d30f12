/**
 * Service discovery information (`mesos.DiscoveryInfo`) and named ports.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { Labels } from "./labels.js";

/** `mesos.DiscoveryInfo`: service discovery metadata; Mesos itself does not interpret it. */
export interface DiscoveryInfo {
  /** Who may discover the service (`visibility`, field 1, required). */
  readonly visibility: DiscoveryInfoVisibility;
  /** Name (`name`, field 2). */
  readonly name?: string;
  /** Environment (`environment`, field 3). */
  readonly environment?: string;
  /** Location (`location`, field 4). */
  readonly location?: string;
  /** Version (`version`, field 5). */
  readonly version?: string;
  /** Named ports (`ports`, field 6). */
  readonly ports?: Ports;
  /** Labels (`labels`, field 7). */
  readonly labels?: Labels;
}

/** `mesos.DiscoveryInfo.Visibility`: who may discover a service: FRAMEWORK, CLUSTER or EXTERNAL. */
export type DiscoveryInfoVisibility =
  | "FRAMEWORK"
  | "CLUSTER"
  | "EXTERNAL";

/** `mesos.Port`: a named port for service discovery. */
export interface Port {
  /** Number (`number`, field 1, required). */
  readonly number: number;
  /** Name (`name`, field 2). */
  readonly name?: string;
  /** Protocol (`protocol`, field 3). */
  readonly protocol?: string;
  /** Visibility (`visibility`, field 4). */
  readonly visibility?: DiscoveryInfoVisibility;
  /** Labels (`labels`, field 5). */
  readonly labels?: Labels;
}

/** `mesos.Ports`: a list of named ports. */
export interface Ports {
  /** Ports (`ports`, field 1). */
  readonly ports?: readonly Port[];
}
