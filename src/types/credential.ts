/**
 * Credentials and secrets (`mesos.Credential`, `mesos.Secret`).
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */


/** `mesos.Credential`: a principal and its secret, used for authentication. */
export interface Credential {
  /** Principal (user name) (`principal`, field 1, required). */
  readonly principal: string;
  /** Secret (password); a string in the v0 schema (`secret`, field 2). */
  readonly secret?: string;
}

/** `mesos.Secret`: a secret, given by value or by reference to a secret store. */
export interface Secret {
  /** Type (`type`, field 1). */
  readonly type?: SecretType;
  /** Reference (`reference`, field 2). */
  readonly reference?: SecretReference;
  /** Value (`value`, field 3). */
  readonly value?: SecretValue;
}

/** `mesos.Secret.Type`: how a secret is given: REFERENCE or VALUE. */
export type SecretType =
  | "UNKNOWN"
  | "REFERENCE"
  | "VALUE";

/** `mesos.Secret.Reference`: a reference to a secret in a secret store. */
export interface SecretReference {
  /** Name (`name`, field 1, required). */
  readonly name: string;
  /** Key (`key`, field 2). */
  readonly key?: string;
}

/** `mesos.Secret.Value`: a secret passed by value. */
export interface SecretValue {
  /** Data (`data`, field 1, required). */
  readonly data: Uint8Array;
}
