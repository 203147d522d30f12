/**
 * Labels: free-form key/value metadata (`mesos.Label`, `mesos.Labels`).
 *
 * `mesos.Labels` is a message whose only field is `repeated Label labels`;
 * here it is the array itself. A present but empty `Labels` message is `[]`,
 * an absent one is `undefined`, so presence survives a round trip.
 */

/** `mesos.Label`: one key with an optional value. Duplicates are allowed and keep their order. */
export interface Label {
  /** The key (`key`, field 1, required). */
  readonly key: string;
  /** The value (`value`, field 2); absent and `""` are different. */
  readonly value?: string;
}

/** `mesos.Labels`: an ordered list of labels. */
export type Labels = readonly Label[];

/** `mesos.Parameter`: a generic key/value pair (both required). */
export interface Parameter {
  /** The key (`key`, field 1). */
  readonly key: string;
  /** The value (`value`, field 2). */
  readonly value: string;
}

/** `mesos.Parameters`: a list of parameters. */
export interface Parameters {
  /** The parameters, in order (`parameter`, field 1). */
  readonly parameter?: readonly Parameter[];
}
