/**
 * The built-in example for `drfcore decode --example`: a command TaskInfo
 * (cpus and ports resources, an HTTP health check, a kill policy, labels,
 * discovery info, binary data) as protobuf bytes, exactly as
 * `protoc --encode=mesos.TaskInfo` wrote it for the golden vector
 * `taskinfo_command`. Kept as a module so the built CLI (dist/) needs no
 * data files.
 */

/** The example's message type. */
export const EXAMPLE_TYPE = "mesos.TaskInfo";

/** The example TaskInfo, protobuf-encoded. */
export const EXAMPLE_TASK_INFO: Uint8Array = new Uint8Array(Buffer.from(
  "Cg53ZWIgc2VydmVyIOKYlRIKCgh3ZWIuN2YzYhopCic2YTFjMmYzZS00YjVkLTRlNmYtOGE3Yi05YzBkMWUyZjNhNGItUzMiEwoEY3B1cxAAGgkJAAAAAAAA0D8iFQoFcG9ydHMQASIKCggImPIBEJjyATIQiVBORw0KGgoAAAANSUhEUjofGh1weXRob24zIC1tIGh0dHAuc2VydmVyICRQT1JUMEITCgYIwD4SAS8xAAAAAAAAPkBAAlIbChkKDUhBUFJPWFlfR1JPVVASCGV4dGVybmFsWhUIABIDd2ViMgwKCgiY8gESBGh0dHBiCAoGCIDYjuFvcgcIgMDiheNo",
  "base64",
));
