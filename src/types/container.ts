/**
 * Container configuration: `mesos.ContainerInfo` (DOCKER and MESOS), images, volumes, networks, Linux settings, and `mesos.ContainerStatus`.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { Credential, Secret } from "./credential.js";
import type { ContainerID } from "./ids.js";
import type { Labels, Parameter, Parameters } from "./labels.js";
import type { CgroupInfo } from "./statistics.js";

/** `mesos.ContainerInfo`: container configuration for a task or executor (DOCKER or MESOS). */
export interface ContainerInfo {
  /** Containerizer: DOCKER or MESOS (`type`, field 1, required; a number the schema does not know is kept as that number). */
  readonly type: ContainerInfoType | number;
  /** Volumes to mount (`volumes`, field 2). */
  readonly volumes?: readonly Volume[];
  /** Hostname inside the container (`hostname`, field 4). */
  readonly hostname?: string;
  /** Docker settings, for type DOCKER (`docker`, field 3). */
  readonly docker?: ContainerInfoDockerInfo;
  /** Mesos containerizer settings, for type MESOS (`mesos`, field 5). */
  readonly mesos?: ContainerInfoMesosInfo;
  /** Networks to join (`network_infos`, field 7). */
  readonly networkInfos?: readonly NetworkInfo[];
  /** Linux settings (`linux_info`, field 8). */
  readonly linuxInfo?: LinuxInfo;
  /** POSIX rlimits (`rlimit_info`, field 9). */
  readonly rlimitInfo?: RLimitInfo;
  /** TTY to attach (`tty_info`, field 10). */
  readonly ttyInfo?: TTYInfo;
}

/** `mesos.ContainerInfo.Type`: the containerizer: DOCKER or MESOS. */
export type ContainerInfoType =
  | "DOCKER"
  | "MESOS";

/** `mesos.ContainerInfo.DockerInfo`: Docker containerizer settings: image, network, port mappings, parameters. */
export interface ContainerInfoDockerInfo {
  /** Docker image name (`image`, field 1, required). */
  readonly image: string;
  /** Network mode (HOST, BRIDGE, NONE, USER) (`network`, field 2, default "HOST"). */
  readonly network?: ContainerInfoDockerInfoNetwork;
  /** Port mappings (BRIDGE/USER networks) (`port_mappings`, field 3). */
  readonly portMappings?: readonly ContainerInfoDockerInfoPortMapping[];
  /** Run privileged (`privileged`, field 4, default false). */
  readonly privileged?: boolean;
  /** Extra `docker run` parameters (`parameters`, field 5). */
  readonly parameters?: readonly Parameter[];
  /** Pull even if the image is present (`force_pull_image`, field 6). */
  readonly forcePullImage?: boolean;
  /** Volume driver (deprecated) (`volume_driver`, field 7, deprecated). */
  readonly volumeDriver?: string;
}

/** `mesos.ContainerInfo.DockerInfo.Network`: Docker network modes. */
export type ContainerInfoDockerInfoNetwork =
  | "HOST"
  | "BRIDGE"
  | "NONE"
  | "USER";

/** `mesos.ContainerInfo.DockerInfo.PortMapping`: a host port mapped to a container port. */
export interface ContainerInfoDockerInfoPortMapping {
  /** Host port (`host_port`, field 1, required). */
  readonly hostPort: number;
  /** Container port (`container_port`, field 2, required). */
  readonly containerPort: number;
  /** Protocol (`protocol`, field 3). */
  readonly protocol?: string;
}

/** `mesos.ContainerInfo.MesosInfo`: Mesos containerizer settings: the image, if any. */
export interface ContainerInfoMesosInfo {
  /** Image (`image`, field 1). */
  readonly image?: Image;
}

/** `mesos.Image`: a container image (Appc or Docker) for the Mesos containerizer. */
export interface Image {
  /** Type (`type`, field 1, required). */
  readonly type: ImageType;
  /** Appc (`appc`, field 2). */
  readonly appc?: ImageAppc;
  /** Docker (`docker`, field 3). */
  readonly docker?: ImageDocker;
  /** Cached (`cached`, field 4, default true). */
  readonly cached?: boolean;
}

/** `mesos.Image.Type`: image formats: APPC or DOCKER. */
export type ImageType =
  | "APPC"
  | "DOCKER";

/** `mesos.Image.Appc`: an Appc image by name, ID and labels. */
export interface ImageAppc {
  /** Name (`name`, field 1, required). */
  readonly name: string;
  /** Id (`id`, field 2). */
  readonly id?: string;
  /** Labels (`labels`, field 3). */
  readonly labels?: Labels;
}

/** `mesos.Image.Docker`: a Docker image by name, with registry credentials. */
export interface ImageDocker {
  /** Name (`name`, field 1, required). */
  readonly name: string;
  /** Credential (`credential`, field 2, deprecated). */
  readonly credential?: Credential;
  /** Config (`config`, field 3). */
  readonly config?: Secret;
}

/** `mesos.MountPropagation`: how mounts propagate between a volume and the host. */
export interface MountPropagation {
  /** Mode (`mode`, field 1). */
  readonly mode?: MountPropagationMode;
}

/** `mesos.MountPropagation.Mode`: mount propagation modes. */
export type MountPropagationMode =
  | "UNKNOWN"
  | "HOST_TO_CONTAINER"
  | "BIDIRECTIONAL";

/** `mesos.Volume`: a volume mounted into a container, read-write (RW) or read-only (RO). */
export interface Volume {
  /** RW (read-write) or RO (read-only) (`mode`, field 3, required). */
  readonly mode: VolumeMode;
  /** Mount point in the container (`container_path`, field 1, required). */
  readonly containerPath: string;
  /** Host path to mount (`host_path`, field 2). */
  readonly hostPath?: string;
  /** Image providing the volume (`image`, field 4). */
  readonly image?: Image;
  /** Where the volume comes from (`source`, field 5). */
  readonly source?: VolumeSource;
}

/** `mesos.Volume.Mode`: volume access modes: RW (read-write) or RO (read-only). */
export type VolumeMode =
  | "RW"
  | "RO";

/** `mesos.Volume.Source`: where a volume comes from (Docker volume, host path, sandbox path, secret, CSI). */
export interface VolumeSource {
  /** Type (`type`, field 1). */
  readonly type?: VolumeSourceType;
  /** Docker volume (`docker_volume`, field 2). */
  readonly dockerVolume?: VolumeSourceDockerVolume;
  /** Host path (`host_path`, field 5). */
  readonly hostPath?: VolumeSourceHostPath;
  /** Sandbox path (`sandbox_path`, field 3). */
  readonly sandboxPath?: VolumeSourceSandboxPath;
  /** Secret (`secret`, field 4). */
  readonly secret?: Secret;
  /** Csi volume (`csi_volume`, field 6). */
  readonly csiVolume?: VolumeSourceCSIVolume;
}

/** `mesos.Volume.Source.Type`: the kinds of volume source. */
export type VolumeSourceType =
  | "UNKNOWN"
  | "DOCKER_VOLUME"
  | "HOST_PATH"
  | "SANDBOX_PATH"
  | "SECRET"
  | "CSI_VOLUME";

/** `mesos.Volume.Source.DockerVolume`: a volume created by a Docker volume driver. */
export interface VolumeSourceDockerVolume {
  /** Driver (`driver`, field 1). */
  readonly driver?: string;
  /** Name (`name`, field 2, required). */
  readonly name: string;
  /** Driver options (`driver_options`, field 3). */
  readonly driverOptions?: Parameters;
}

/** `mesos.Volume.Source.HostPath`: a path on the host. */
export interface VolumeSourceHostPath {
  /** Path (`path`, field 1, required). */
  readonly path: string;
  /** Mount propagation (`mount_propagation`, field 2). */
  readonly mountPropagation?: MountPropagation;
}

/** `mesos.Volume.Source.SandboxPath`: a path in this container's or its parent's sandbox. */
export interface VolumeSourceSandboxPath {
  /** Type (`type`, field 1). */
  readonly type?: VolumeSourceSandboxPathType;
  /** Path (`path`, field 2, required). */
  readonly path: string;
}

/** `mesos.Volume.Source.SandboxPath.Type`: whose sandbox: SELF or PARENT. */
export type VolumeSourceSandboxPathType =
  | "UNKNOWN"
  | "SELF"
  | "PARENT";

/** `mesos.Volume.Source.CSIVolume`: a pre-provisioned CSI volume. */
export interface VolumeSourceCSIVolume {
  /** Plugin name (`plugin_name`, field 1, required). */
  readonly pluginName: string;
  /** Static provisioning (`static_provisioning`, field 2). */
  readonly staticProvisioning?: VolumeSourceCSIVolumeStaticProvisioning;
}

/** `mesos.Volume.Source.CSIVolume.VolumeCapability`: how a CSI volume is accessed (block or mount, and access mode). */
export interface VolumeSourceCSIVolumeVolumeCapability {
  /** Block (`block`, field 1). */
  readonly block?: VolumeSourceCSIVolumeVolumeCapabilityBlockVolume;
  /** Mount (`mount`, field 2). */
  readonly mount?: VolumeSourceCSIVolumeVolumeCapabilityMountVolume;
  /** Access mode (`access_mode`, field 3, required). */
  readonly accessMode: VolumeSourceCSIVolumeVolumeCapabilityAccessMode;
}

/** `mesos.Volume.Source.CSIVolume.VolumeCapability.BlockVolume`: access through the block device API (no settings). */
export interface VolumeSourceCSIVolumeVolumeCapabilityBlockVolume {

}

/** `mesos.Volume.Source.CSIVolume.VolumeCapability.MountVolume`: access through a mounted filesystem. */
export interface VolumeSourceCSIVolumeVolumeCapabilityMountVolume {
  /** Fs type (`fs_type`, field 1). */
  readonly fsType?: string;
  /** Mount flags (`mount_flags`, field 2). */
  readonly mountFlags?: readonly string[];
}

/** `mesos.Volume.Source.CSIVolume.VolumeCapability.AccessMode`: how many nodes may use the volume, and how. */
export interface VolumeSourceCSIVolumeVolumeCapabilityAccessMode {
  /** Mode (`mode`, field 1, required). */
  readonly mode: VolumeSourceCSIVolumeVolumeCapabilityAccessModeMode;
}

/** `mesos.Volume.Source.CSIVolume.VolumeCapability.AccessMode.Mode`: CSI access modes. */
export type VolumeSourceCSIVolumeVolumeCapabilityAccessModeMode =
  | "UNKNOWN"
  | "SINGLE_NODE_WRITER"
  | "SINGLE_NODE_READER_ONLY"
  | "MULTI_NODE_READER_ONLY"
  | "MULTI_NODE_SINGLE_WRITER"
  | "MULTI_NODE_MULTI_WRITER";

/** `mesos.Volume.Source.CSIVolume.StaticProvisioning`: parameters to stage and publish a pre-provisioned CSI volume. */
export interface VolumeSourceCSIVolumeStaticProvisioning {
  /** Volume id (`volume_id`, field 1, required). */
  readonly volumeId: string;
  /** Volume capability (`volume_capability`, field 2, required). */
  readonly volumeCapability: VolumeSourceCSIVolumeVolumeCapability;
  /** Node stage secrets (`node_stage_secrets`, field 3). */
  readonly nodeStageSecrets?: ReadonlyMap<string, Secret>;
  /** Node publish secrets (`node_publish_secrets`, field 4). */
  readonly nodePublishSecrets?: ReadonlyMap<string, Secret>;
  /** Volume context (`volume_context`, field 5). */
  readonly volumeContext?: ReadonlyMap<string, string>;
}

/** `mesos.NetworkInfo`: a network the container joins, with IP address requests and port mappings. */
export interface NetworkInfo {
  /** Ip addresses (`ip_addresses`, field 5). */
  readonly ipAddresses?: readonly NetworkInfoIPAddress[];
  /** Name (`name`, field 6). */
  readonly name?: string;
  /** Groups (`groups`, field 3). */
  readonly groups?: readonly string[];
  /** Labels (`labels`, field 4). */
  readonly labels?: Labels;
  /** Port mappings (`port_mappings`, field 7). */
  readonly portMappings?: readonly NetworkInfoPortMapping[];
}

/** `mesos.NetworkInfo.Protocol`: IP protocol versions. */
export type NetworkInfoProtocol =
  | "IPv4"
  | "IPv6";

/** `mesos.NetworkInfo.IPAddress`: a requested or assigned IP address. */
export interface NetworkInfoIPAddress {
  /** Protocol (`protocol`, field 1, default "IPv4"). */
  readonly protocol?: NetworkInfoProtocol;
  /** Ip address (`ip_address`, field 2). */
  readonly ipAddress?: string;
}

/** `mesos.NetworkInfo.PortMapping`: a host port mapped to a container port on this network. */
export interface NetworkInfoPortMapping {
  /** Host port (`host_port`, field 1, required). */
  readonly hostPort: number;
  /** Container port (`container_port`, field 2, required). */
  readonly containerPort: number;
  /** Protocol (`protocol`, field 3). */
  readonly protocol?: string;
}

/** `mesos.CapabilityInfo`: a set of Linux capabilities. */
export interface CapabilityInfo {
  /** Capabilities (`capabilities`, field 1). */
  readonly capabilities?: readonly CapabilityInfoCapability[];
}

/** `mesos.CapabilityInfo.Capability`: Linux capabilities (numbered from 1000). */
export type CapabilityInfoCapability =
  | "UNKNOWN"
  | "CHOWN"
  | "DAC_OVERRIDE"
  | "DAC_READ_SEARCH"
  | "FOWNER"
  | "FSETID"
  | "KILL"
  | "SETGID"
  | "SETUID"
  | "SETPCAP"
  | "LINUX_IMMUTABLE"
  | "NET_BIND_SERVICE"
  | "NET_BROADCAST"
  | "NET_ADMIN"
  | "NET_RAW"
  | "IPC_LOCK"
  | "IPC_OWNER"
  | "SYS_MODULE"
  | "SYS_RAWIO"
  | "SYS_CHROOT"
  | "SYS_PTRACE"
  | "SYS_PACCT"
  | "SYS_ADMIN"
  | "SYS_BOOT"
  | "SYS_NICE"
  | "SYS_RESOURCE"
  | "SYS_TIME"
  | "SYS_TTY_CONFIG"
  | "MKNOD"
  | "LEASE"
  | "AUDIT_WRITE"
  | "AUDIT_CONTROL"
  | "SETFCAP"
  | "MAC_OVERRIDE"
  | "MAC_ADMIN"
  | "SYSLOG"
  | "WAKE_ALARM"
  | "BLOCK_SUSPEND"
  | "AUDIT_READ"
  | "PERFMON"
  | "BPF"
  | "CHECKPOINT_RESTORE";

/** `mesos.SeccompInfo`: a seccomp profile for a container, or none. */
export interface SeccompInfo {
  /** Profile name (`profile_name`, field 1). */
  readonly profileName?: string;
  /** Unconfined (`unconfined`, field 2). */
  readonly unconfined?: boolean;
}

/** `mesos.LinuxInfo`: Linux-specific container settings (capabilities, namespaces, seccomp, /dev/shm). */
export interface LinuxInfo {
  /** Capability info (`capability_info`, field 1, deprecated). */
  readonly capabilityInfo?: CapabilityInfo;
  /** Bounding capabilities (`bounding_capabilities`, field 2). */
  readonly boundingCapabilities?: CapabilityInfo;
  /** Effective capabilities (`effective_capabilities`, field 3). */
  readonly effectiveCapabilities?: CapabilityInfo;
  /** Share pid namespace (`share_pid_namespace`, field 4). */
  readonly sharePidNamespace?: boolean;
  /** Seccomp (`seccomp`, field 5). */
  readonly seccomp?: SeccompInfo;
  /** Ipc mode (`ipc_mode`, field 6). */
  readonly ipcMode?: LinuxInfoIpcMode;
  /** Shm size (`shm_size`, field 7). */
  readonly shmSize?: number;
  /** Share cgroups (`share_cgroups`, field 8, default true). */
  readonly shareCgroups?: boolean;
}

/** `mesos.LinuxInfo.IpcMode`: IPC namespace modes. */
export type LinuxInfoIpcMode =
  | "UNKNOWN"
  | "PRIVATE"
  | "SHARE_PARENT";

/** `mesos.RLimitInfo`: POSIX resource limits (rlimits) for a container. */
export interface RLimitInfo {
  /** Rlimits (`rlimits`, field 1). */
  readonly rlimits?: readonly RLimitInfoRLimit[];
}

/** `mesos.RLimitInfo.RLimit`: one resource limit (both bounds unset means unlimited). */
export interface RLimitInfoRLimit {
  /** Type (`type`, field 1). */
  readonly type?: RLimitInfoRLimitType;
  /** Hard (`hard`, field 2). */
  readonly hard?: bigint;
  /** Soft (`soft`, field 3). */
  readonly soft?: bigint;
}

/** `mesos.RLimitInfo.RLimit.Type`: the POSIX resource limits. */
export type RLimitInfoRLimitType =
  | "UNKNOWN"
  | "RLMT_AS"
  | "RLMT_CORE"
  | "RLMT_CPU"
  | "RLMT_DATA"
  | "RLMT_FSIZE"
  | "RLMT_LOCKS"
  | "RLMT_MEMLOCK"
  | "RLMT_MSGQUEUE"
  | "RLMT_NICE"
  | "RLMT_NOFILE"
  | "RLMT_NPROC"
  | "RLMT_RSS"
  | "RLMT_RTPRIO"
  | "RLMT_RTTIME"
  | "RLMT_SIGPENDING"
  | "RLMT_STACK";

/** `mesos.TTYInfo`: a TTY attached to the container's entrypoint. */
export interface TTYInfo {
  /** Window size (`window_size`, field 1). */
  readonly windowSize?: TTYInfoWindowSize;
}

/** `mesos.TTYInfo.WindowSize`: terminal size in rows and columns. */
export interface TTYInfoWindowSize {
  /** Rows (`rows`, field 1, required). */
  readonly rows: number;
  /** Columns (`columns`, field 2, required). */
  readonly columns: number;
}

/** `mesos.ContainerStatus`: container details resolved at launch (IP addresses, cgroups, executor PID). */
export interface ContainerStatus {
  /** Container id (`container_id`, field 4). */
  readonly containerId?: ContainerID;
  /** Network infos (`network_infos`, field 1). */
  readonly networkInfos?: readonly NetworkInfo[];
  /** Cgroup info (`cgroup_info`, field 2). */
  readonly cgroupInfo?: CgroupInfo;
  /** Executor pid (`executor_pid`, field 3). */
  readonly executorPid?: number;
}
