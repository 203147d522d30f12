/**
 * Mesos identifiers as branded strings.
 *
 * On the wire each of these is a message with one required string field
 * `value` (e.g. `mesos.SlaveID { value: "…-S3" }`). In TypeScript the wrapper
 * adds nothing, so an ID is the string itself, branded so that a `TaskID`
 * cannot be passed where a `SlaveID` is expected. `ContainerID` is the one
 * exception: it may carry a `parent`, so it stays a (branded) object.
 */

declare const brand: unique symbol;

/** Makes a string type nominal: `Brand<string, "SlaveID">` is not assignable from a plain string. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

/** `mesos.FrameworkID`: assigned by the master when a framework first subscribes. */
export type FrameworkID = Brand<string, "FrameworkID">;
/** `mesos.OfferID`: identifies one offer. */
export type OfferID = Brand<string, "OfferID">;
/** `mesos.SlaveID`: identifies an agent (a "slave" in the v0 API). */
export type SlaveID = Brand<string, "SlaveID">;
/** `mesos.TaskID`: chosen by the framework; unique among its live tasks. */
export type TaskID = Brand<string, "TaskID">;
/** `mesos.ExecutorID`: chosen by the framework; unique per agent. */
export type ExecutorID = Brand<string, "ExecutorID">;
/** `mesos.ResourceProviderID`: identifies a resource provider. */
export type ResourceProviderID = Brand<string, "ResourceProviderID">;

/** `mesos.ContainerID`: a container, nested inside `parent` when that is set. */
export interface ContainerID {
  /** The container's own ID (`value`, field 1). */
  readonly value: string;
  /** The enclosing container, for a nested container (`parent`, field 2). */
  readonly parent?: ContainerID;
}

/** Makes a `FrameworkID` from its string value. */
export const frameworkId = (value: string): FrameworkID => value as FrameworkID;
/** Makes an `OfferID` from its string value. */
export const offerId = (value: string): OfferID => value as OfferID;
/** Makes a `SlaveID` (agent ID) from its string value. */
export const slaveId = (value: string): SlaveID => value as SlaveID;
/** Makes a `TaskID` from its string value. */
export const taskId = (value: string): TaskID => value as TaskID;
/** Makes an `ExecutorID` from its string value. */
export const executorId = (value: string): ExecutorID => value as ExecutorID;
/** Makes a `ResourceProviderID` from its string value. */
export const resourceProviderId = (value: string): ResourceProviderID => value as ResourceProviderID;

/** Makes a `ContainerID`, nested in `parent` when given. */
export function containerId(value: string, parent?: ContainerID): ContainerID {
  return parent === undefined ? { value } : { value, parent };
}

/**
 * Renders a container ID as Mesos does in logs and paths: the chain of values
 * from the outermost parent down, joined with ".".
 */
export function containerIdToString(id: ContainerID): string {
  return id.parent === undefined ? id.value : `${containerIdToString(id.parent)}.${id.value}`;
}
