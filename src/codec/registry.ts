/**
 * The codec's public surface: a registry keyed by fully qualified Mesos type
 * name (`mesos.TaskInfo`, `mesos.CommandInfo.URI`, ...) for every message in
 * proto/mesos.proto, plus typed convenience functions for the main types.
 *
 * Every function throws `CodecError` (and nothing else) on bad input.
 */
import { CodecError } from "./errors.js";
import { binaryEncoderFor } from "./encoder-gen.js";
import { binaryDecoderFor } from "./decoder-gen.js";
import { fromJsonText, toJsonText, type JsonReadOptions } from "./json.js";
import { messageDesc, messageTypeNames, type MessageDesc } from "./schema.js";
import { lazyList } from "../util/lazy-list.js";
import type * as T from "../types/index.js";

/** drfcore's TypeScript type for each Mesos message type name that has one. */
export interface MesosTypes {
  "mesos.FrameworkID": T.FrameworkID;
  "mesos.OfferID": T.OfferID;
  "mesos.SlaveID": T.SlaveID;
  "mesos.TaskID": T.TaskID;
  "mesos.ExecutorID": T.ExecutorID;
  "mesos.ContainerID": T.ContainerID;
  "mesos.ResourceProviderID": T.ResourceProviderID;
  "mesos.MasterInfo": T.MasterInfo;
  "mesos.SlaveInfo": T.SlaveInfo;
  "mesos.FrameworkInfo": T.FrameworkInfo;
  "mesos.ExecutorInfo": T.ExecutorInfo;
  "mesos.Request": T.Request;
  "mesos.Filters": T.Filters;
  "mesos.TaskInfo": T.TaskInfo;
  "mesos.CommandInfo": T.CommandInfo;
  "mesos.CommandInfo.URI": T.CommandURI;
  "mesos.Environment": T.Environment;
  "mesos.Resource": T.Resource;
  "mesos.Value": T.Value;
  "mesos.Value.Scalar": number;
  "mesos.Value.Range": T.ValueRange;
  "mesos.Value.Ranges": T.ValueRanges;
  "mesos.Value.Set": T.ValueSet;
  "mesos.Value.Text": string;
  "mesos.Attribute": T.Attribute;
  "mesos.Offer": T.Offer;
  "mesos.TaskStatus": T.TaskStatus;
  "mesos.ContainerInfo": T.ContainerInfo;
  "mesos.HealthCheck": T.HealthCheck;
  "mesos.ResourceStatistics": T.ResourceStatistics;
  "mesos.ResourceUsage": T.ResourceUsage;
  "mesos.PerfStatistics": T.PerfStatistics;
  "mesos.Label": T.Label;
  "mesos.Labels": T.Labels;
  "mesos.Credential": T.Credential;
}

/** A type name with a specific TypeScript type. */
export type MesosTypeName = keyof MesosTypes;
/** The value type for a type name: specific for `MesosTypeName`s, `unknown` for the other messages. */
export type MesosValue<N extends string> = N extends MesosTypeName ? MesosTypes[N] : unknown;

/** Every message type the codec supports, sorted (the schema is parsed at the first read of this list or the first codec call, not at import). */
export const SUPPORTED_TYPES: readonly string[] = lazyList(messageTypeNames);

/** The type names that have a specific TypeScript type (the ones the issue lists). */
export const CORE_TYPES: readonly MesosTypeName[] = [
  "mesos.FrameworkID", "mesos.OfferID", "mesos.SlaveID", "mesos.TaskID", "mesos.ExecutorID", "mesos.ContainerID",
  "mesos.ResourceProviderID", "mesos.MasterInfo", "mesos.SlaveInfo", "mesos.FrameworkInfo", "mesos.ExecutorInfo",
  "mesos.Request", "mesos.Filters", "mesos.TaskInfo", "mesos.CommandInfo", "mesos.CommandInfo.URI", "mesos.Environment",
  "mesos.Resource", "mesos.Value", "mesos.Value.Scalar", "mesos.Value.Range", "mesos.Value.Ranges", "mesos.Value.Set",
  "mesos.Value.Text", "mesos.Attribute", "mesos.Offer", "mesos.TaskStatus", "mesos.ContainerInfo", "mesos.HealthCheck",
  "mesos.ResourceStatistics", "mesos.ResourceUsage", "mesos.PerfStatistics", "mesos.Label", "mesos.Labels", "mesos.Credential",
];

function desc(typeName: string): MessageDesc {
  const d = messageDesc(typeName);
  if (d === undefined) throw new CodecError(typeName, "", `unknown message type (supported: ${SUPPORTED_TYPES.length} types, e.g. mesos.TaskInfo)`);
  return d;
}

const encoders = new Map<string, (value: unknown) => Uint8Array>();

/** Encodes `value` of message `typeName` to protobuf bytes (fields in number order, as protoc writes them). */
export function encode<N extends string>(typeName: N, value: MesosValue<N>): Uint8Array {
  let fn = encoders.get(typeName);
  if (fn === undefined) encoders.set(typeName, (fn = binaryEncoderFor(desc(typeName))));
  return fn(value);
}

const decoders = new Map<string, (bytes: Uint8Array) => unknown>();

/** Decodes protobuf `bytes` as message `typeName`. */
export function decode<N extends string>(typeName: N, bytes: Uint8Array): MesosValue<N> {
  if (!(bytes instanceof Uint8Array)) throw new CodecError(typeName, "", "input is not a Uint8Array");
  let fn = decoders.get(typeName);
  if (fn === undefined) decoders.set(typeName, (fn = binaryDecoderFor(desc(typeName))));
  return fn(bytes) as MesosValue<N>;
}

/** Writes `value` of message `typeName` as Mesos JSON text (compact, declaration-order keys). */
export function toMesosJson<N extends string>(typeName: N, value: MesosValue<N>): string {
  return toJsonText(desc(typeName), value);
}

/** Reads Mesos JSON text as message `typeName` (unknown keys are errors unless `options.ignoreUnknownFields`). */
export function fromMesosJson<N extends string>(typeName: N, json: string, options?: JsonReadOptions): MesosValue<N> {
  if (typeof json !== "string") throw new CodecError(typeName, "", "JSON input is not a string");
  return fromJsonText(desc(typeName), json, options) as MesosValue<N>;
}

/** Encodes a `TaskInfo`. */
export const encodeTaskInfo = (v: T.TaskInfo): Uint8Array => encode("mesos.TaskInfo", v);
/** Decodes a `TaskInfo`. */
export const decodeTaskInfo = (b: Uint8Array): T.TaskInfo => decode("mesos.TaskInfo", b);
/** Encodes a `TaskStatus`. */
export const encodeTaskStatus = (v: T.TaskStatus): Uint8Array => encode("mesos.TaskStatus", v);
/** Decodes a `TaskStatus`. */
export const decodeTaskStatus = (b: Uint8Array): T.TaskStatus => decode("mesos.TaskStatus", b);
/** Encodes an `Offer`. */
export const encodeOffer = (v: T.Offer): Uint8Array => encode("mesos.Offer", v);
/** Decodes an `Offer`. */
export const decodeOffer = (b: Uint8Array): T.Offer => decode("mesos.Offer", b);
/** Encodes a `Resource`. */
export const encodeResource = (v: T.Resource): Uint8Array => encode("mesos.Resource", v);
/** Decodes a `Resource`. */
export const decodeResource = (b: Uint8Array): T.Resource => decode("mesos.Resource", b);
/** Encodes a `FrameworkInfo`. */
export const encodeFrameworkInfo = (v: T.FrameworkInfo): Uint8Array => encode("mesos.FrameworkInfo", v);
/** Decodes a `FrameworkInfo`. */
export const decodeFrameworkInfo = (b: Uint8Array): T.FrameworkInfo => decode("mesos.FrameworkInfo", b);
/** Encodes a `SlaveInfo`. */
export const encodeSlaveInfo = (v: T.SlaveInfo): Uint8Array => encode("mesos.SlaveInfo", v);
/** Decodes a `SlaveInfo`. */
export const decodeSlaveInfo = (b: Uint8Array): T.SlaveInfo => decode("mesos.SlaveInfo", b);
/** Encodes a `ResourceUsage`. */
export const encodeResourceUsage = (v: T.ResourceUsage): Uint8Array => encode("mesos.ResourceUsage", v);
/** Decodes a `ResourceUsage`. */
export const decodeResourceUsage = (b: Uint8Array): T.ResourceUsage => decode("mesos.ResourceUsage", b);
/** Writes a `Resource` as Mesos JSON. */
export const resourceToMesosJson = (v: T.Resource): string => toMesosJson("mesos.Resource", v);
/** Reads a `Resource` from Mesos JSON. */
export const resourceFromMesosJson = (json: string): T.Resource => fromMesosJson("mesos.Resource", json);
/** Writes a `TaskInfo` as Mesos JSON. */
export const taskInfoToMesosJson = (v: T.TaskInfo): string => toMesosJson("mesos.TaskInfo", v);
/** Reads a `TaskInfo` from Mesos JSON. */
export const taskInfoFromMesosJson = (json: string): T.TaskInfo => fromMesosJson("mesos.TaskInfo", json);
