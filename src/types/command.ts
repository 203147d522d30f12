/**
 * How to run something: `mesos.CommandInfo` (URIs, environment, shell or exec form) and `mesos.Environment`.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { Secret } from "./credential.js";

/** `mesos.CommandInfo`. */
export interface CommandInfo {
  /** Uris (`uris`, field 1). */
  readonly uris?: readonly CommandURI[];
  /** Environment (`environment`, field 2). */
  readonly environment?: Environment;
  /** Shell (`shell`, field 6, default true). */
  readonly shell?: boolean;
  /** Value (`value`, field 3). */
  readonly value?: string;
  /** Arguments (`arguments`, field 7). */
  readonly arguments?: readonly string[];
  /** User (`user`, field 5). */
  readonly user?: string;
}

/** `mesos.CommandInfo.URI`. */
export interface CommandURI {
  /** Value (`value`, field 1, required). */
  readonly value: string;
  /** Executable (`executable`, field 2). */
  readonly executable?: boolean;
  /** Extract (`extract`, field 3, default true). */
  readonly extract?: boolean;
  /** Cache (`cache`, field 4). */
  readonly cache?: boolean;
  /** Output file (`output_file`, field 5). */
  readonly outputFile?: string;
}

/** `mesos.Environment`. */
export interface Environment {
  /** Variables (`variables`, field 1). */
  readonly variables?: readonly EnvironmentVariable[];
}

/** `mesos.Environment.Variable`. */
export interface EnvironmentVariable {
  /** Name (`name`, field 1, required). */
  readonly name: string;
  /** Type (`type`, field 3, default "VALUE"). */
  readonly type?: EnvironmentVariableType;
  /** Value (`value`, field 2). */
  readonly value?: string;
  /** Secret (`secret`, field 4). */
  readonly secret?: Secret;
}

/** `mesos.Environment.Variable.Type`. */
export type EnvironmentVariableType =
  | "UNKNOWN"
  | "VALUE"
  | "SECRET";
