/**
 * How to run something: `mesos.CommandInfo` (URIs, environment, shell or exec form) and `mesos.Environment`.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { Secret } from "./credential.js";

/** `mesos.CommandInfo`: a command to run: URIs to fetch, environment, and either a shell command or an executable with arguments. */
export interface CommandInfo {
  /** URIs to fetch into the sandbox (`uris`, field 1). */
  readonly uris?: readonly CommandURI[];
  /** Environment variables (`environment`, field 2). */
  readonly environment?: Environment;
  /** Run `value` with /bin/sh -c (true) or exec it with `arguments` (false) (`shell`, field 6, default true). */
  readonly shell?: boolean;
  /** Shell command, or the executable when `shell` is false (`value`, field 3). */
  readonly value?: string;
  /** Arguments when `shell` is false (`arguments`, field 7). */
  readonly arguments?: readonly string[];
  /** Unix user to run as (`user`, field 5). */
  readonly user?: string;
}

/** `mesos.CommandInfo.URI`: a URI the fetcher downloads into the sandbox before the command runs. */
export interface CommandURI {
  /** The URI (`value`, field 1, required). */
  readonly value: string;
  /** Make the fetched file executable (`executable`, field 2). */
  readonly executable?: boolean;
  /** Extract recognised archives (`extract`, field 3, default true). */
  readonly extract?: boolean;
  /** Use the fetcher cache (`cache`, field 4). */
  readonly cache?: boolean;
  /** Name of the local copy (`output_file`, field 5). */
  readonly outputFile?: string;
}

/** `mesos.Environment`: environment variables set before a command runs. */
export interface Environment {
  /** Variables (`variables`, field 1). */
  readonly variables?: readonly EnvironmentVariable[];
}

/** `mesos.Environment.Variable`: one environment variable, given as a value or as a secret. */
export interface EnvironmentVariable {
  /** Variable name (`name`, field 1, required). */
  readonly name: string;
  /** VALUE or SECRET (`type`, field 3, default "VALUE"). */
  readonly type?: EnvironmentVariableType;
  /** Value, for VALUE variables (`value`, field 2). */
  readonly value?: string;
  /** Secret, for SECRET variables (`secret`, field 4). */
  readonly secret?: Secret;
}

/** `mesos.Environment.Variable.Type`: whether a variable is given by value or as a secret. */
export type EnvironmentVariableType =
  | "UNKNOWN"
  | "VALUE"
  | "SECRET";
