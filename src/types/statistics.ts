/**
 * Resource usage: `mesos.ResourceUsage`, `mesos.ResourceStatistics` and everything it reports (perf counters, SNMP, traffic control, disk, blkio, network rates). Every uint64/int64 counter is a `bigint`.
 *
 * Field comments give the proto field name and number; see docs/codec.md for
 * how proto types map to TypeScript.
 */
import type { ExecutorInfo } from "./executor.js";
import type { ContainerID, TaskID } from "./ids.js";
import type { Labels } from "./labels.js";
import type { DiskPersistence, DiskSource, Resource } from "./resource.js";
import type { ValueRange } from "./value.js";

/** `mesos.ResourceUsage`: a snapshot of an agent's executors: allocations, statistics and tasks. */
export interface ResourceUsage {
  /** Executors on the agent (`executors`, field 1). */
  readonly executors?: readonly ResourceUsageExecutor[];
  /** The agent's total resources, reservations and volumes included (`total`, field 2). */
  readonly total?: readonly Resource[];
}

/** `mesos.ResourceUsage.Executor`: one executor's allocation, usage statistics and live tasks. */
export interface ResourceUsageExecutor {
  /** The executor (`executor_info`, field 1, required). */
  readonly executorInfo: ExecutorInfo;
  /** Resources allocated to the executor and its tasks (`allocated`, field 2). */
  readonly allocated?: readonly Resource[];
  /** Latest usage sample, if the containerizer reports one (`statistics`, field 3). */
  readonly statistics?: ResourceStatistics;
  /** The executor's container (`container_id`, field 4, required). */
  readonly containerId: ContainerID;
  /** Non-terminal tasks (`tasks`, field 5). */
  readonly tasks?: readonly ResourceUsageExecutorTask[];
}

/** `mesos.ResourceUsage.Executor.Task`: a non-terminal task of the executor. */
export interface ResourceUsageExecutorTask {
  /** Name (`name`, field 1, required). */
  readonly name: string;
  /** Id (`id`, field 2, required). */
  readonly id: TaskID;
  /** Resources (`resources`, field 3). */
  readonly resources?: readonly Resource[];
  /** Labels (`labels`, field 4). */
  readonly labels?: Labels;
}

/** `mesos.ResourceStatistics`: a container's resource usage sample: CPU, memory, disk, network, perf. */
export interface ResourceStatistics {
  /** Sample time, in seconds since the epoch (`timestamp`, field 1, required). */
  readonly timestamp: number;
  /** Processes (`processes`, field 30). */
  readonly processes?: number;
  /** Threads (`threads`, field 31). */
  readonly threads?: number;
  /** Cpus user time secs (`cpus_user_time_secs`, field 2). */
  readonly cpusUserTimeSecs?: number;
  /** Cpus system time secs (`cpus_system_time_secs`, field 3). */
  readonly cpusSystemTimeSecs?: number;
  /** Cpus limit (`cpus_limit`, field 4). */
  readonly cpusLimit?: number;
  /** Cpus soft limit (`cpus_soft_limit`, field 45). */
  readonly cpusSoftLimit?: number;
  /** Cpus nr periods (`cpus_nr_periods`, field 7). */
  readonly cpusNrPeriods?: number;
  /** Cpus nr throttled (`cpus_nr_throttled`, field 8). */
  readonly cpusNrThrottled?: number;
  /** Cpus throttled time secs (`cpus_throttled_time_secs`, field 9). */
  readonly cpusThrottledTimeSecs?: number;
  /** Mem total bytes (`mem_total_bytes`, field 36). */
  readonly memTotalBytes?: bigint;
  /** Mem total memsw bytes (`mem_total_memsw_bytes`, field 37). */
  readonly memTotalMemswBytes?: bigint;
  /** Mem kmem usage bytes (`mem_kmem_usage_bytes`, field 52). */
  readonly memKmemUsageBytes?: bigint;
  /** Mem kmem tcp usage bytes (`mem_kmem_tcp_usage_bytes`, field 53). */
  readonly memKmemTcpUsageBytes?: bigint;
  /** Mem limit bytes (`mem_limit_bytes`, field 6). */
  readonly memLimitBytes?: bigint;
  /** Mem soft limit bytes (`mem_soft_limit_bytes`, field 38). */
  readonly memSoftLimitBytes?: bigint;
  /** Mem file bytes (`mem_file_bytes`, field 10). */
  readonly memFileBytes?: bigint;
  /** Mem anon bytes (`mem_anon_bytes`, field 11). */
  readonly memAnonBytes?: bigint;
  /** Mem cache bytes (`mem_cache_bytes`, field 39). */
  readonly memCacheBytes?: bigint;
  /** Mem rss bytes (`mem_rss_bytes`, field 5). */
  readonly memRssBytes?: bigint;
  /** Mem mapped file bytes (`mem_mapped_file_bytes`, field 12). */
  readonly memMappedFileBytes?: bigint;
  /** Mem swap bytes (`mem_swap_bytes`, field 40). */
  readonly memSwapBytes?: bigint;
  /** Mem unevictable bytes (`mem_unevictable_bytes`, field 41). */
  readonly memUnevictableBytes?: bigint;
  /** Mem low pressure counter (`mem_low_pressure_counter`, field 32). */
  readonly memLowPressureCounter?: bigint;
  /** Mem medium pressure counter (`mem_medium_pressure_counter`, field 33). */
  readonly memMediumPressureCounter?: bigint;
  /** Mem critical pressure counter (`mem_critical_pressure_counter`, field 34). */
  readonly memCriticalPressureCounter?: bigint;
  /** Disk limit bytes (`disk_limit_bytes`, field 26). */
  readonly diskLimitBytes?: bigint;
  /** Disk used bytes (`disk_used_bytes`, field 27). */
  readonly diskUsedBytes?: bigint;
  /** Disk statistics (`disk_statistics`, field 43). */
  readonly diskStatistics?: readonly DiskStatistics[];
  /** Blkio statistics (`blkio_statistics`, field 44). */
  readonly blkioStatistics?: CgroupInfoBlkioStatistics;
  /** perf counters (`perf`, field 13). */
  readonly perf?: PerfStatistics;
  /** Net rx packets (`net_rx_packets`, field 14). */
  readonly netRxPackets?: bigint;
  /** Net rx bytes (`net_rx_bytes`, field 15). */
  readonly netRxBytes?: bigint;
  /** Net rx errors (`net_rx_errors`, field 16). */
  readonly netRxErrors?: bigint;
  /** Net rx dropped (`net_rx_dropped`, field 17). */
  readonly netRxDropped?: bigint;
  /** Net tx packets (`net_tx_packets`, field 18). */
  readonly netTxPackets?: bigint;
  /** Net tx bytes (`net_tx_bytes`, field 19). */
  readonly netTxBytes?: bigint;
  /** Net tx errors (`net_tx_errors`, field 20). */
  readonly netTxErrors?: bigint;
  /** Net tx dropped (`net_tx_dropped`, field 21). */
  readonly netTxDropped?: bigint;
  /** Net tx rate limit (`net_tx_rate_limit`, field 46). */
  readonly netTxRateLimit?: bigint;
  /** Net tx burst rate limit (`net_tx_burst_rate_limit`, field 47). */
  readonly netTxBurstRateLimit?: bigint;
  /** Net tx burst size (`net_tx_burst_size`, field 48). */
  readonly netTxBurstSize?: bigint;
  /** Net rx rate limit (`net_rx_rate_limit`, field 49). */
  readonly netRxRateLimit?: bigint;
  /** Net rx burst rate limit (`net_rx_burst_rate_limit`, field 50). */
  readonly netRxBurstRateLimit?: bigint;
  /** Net rx burst size (`net_rx_burst_size`, field 51). */
  readonly netRxBurstSize?: bigint;
  /** Net rate statistics (`net_rate_statistics`, field 54). */
  readonly netRateStatistics?: RateStatistics;
  /** Net ephemeral ports (`net_ephemeral_ports`, field 55). */
  readonly netEphemeralPorts?: ValueRange;
  /** Net tcp rtt microsecs p50 (`net_tcp_rtt_microsecs_p50`, field 22). */
  readonly netTcpRttMicrosecsP50?: number;
  /** Net tcp rtt microsecs p90 (`net_tcp_rtt_microsecs_p90`, field 23). */
  readonly netTcpRttMicrosecsP90?: number;
  /** Net tcp rtt microsecs p95 (`net_tcp_rtt_microsecs_p95`, field 24). */
  readonly netTcpRttMicrosecsP95?: number;
  /** Net tcp rtt microsecs p99 (`net_tcp_rtt_microsecs_p99`, field 25). */
  readonly netTcpRttMicrosecsP99?: number;
  /** Net tcp active connections (`net_tcp_active_connections`, field 28). */
  readonly netTcpActiveConnections?: number;
  /** Net tcp time wait connections (`net_tcp_time_wait_connections`, field 29). */
  readonly netTcpTimeWaitConnections?: number;
  /** Net traffic control statistics (`net_traffic_control_statistics`, field 35). */
  readonly netTrafficControlStatistics?: readonly TrafficControlStatistics[];
  /** Net snmp statistics (`net_snmp_statistics`, field 42). */
  readonly netSnmpStatistics?: SNMPStatistics;
}

/** `mesos.RateStatistics`: sampled network rates of a container (only the fields the vectors exercise). */
export interface RateStatistics {
  /** Rx rate (`rx_rate`, field 1). */
  readonly rxRate?: RateStatisticsDistribution;
  /** Tx packet rate (`tx_packet_rate`, field 6). */
  readonly txPacketRate?: RateStatisticsDistribution;
  /** Sampling window secs (`sampling_window_secs`, field 9). */
  readonly samplingWindowSecs?: number;
  /** Sampling interval secs (`sampling_interval_secs`, field 10). */
  readonly samplingIntervalSecs?: number;
}

/** `mesos.RateStatistics.Distribution`: percentiles of one sampled rate. */
export interface RateStatisticsDistribution {
  /** Min (`min`, field 1). */
  readonly min?: bigint;
  /** Max (`max`, field 2). */
  readonly max?: bigint;
  /** P50 (`p50`, field 3). */
  readonly p50?: bigint;
  /** P90 (`p90`, field 4). */
  readonly p90?: bigint;
  /** P95 (`p95`, field 5). */
  readonly p95?: bigint;
  /** P99 (`p99`, field 6). */
  readonly p99?: bigint;
  /** P999 (`p999`, field 7). */
  readonly p999?: bigint;
  /** P9999 (`p9999`, field 8). */
  readonly p9999?: bigint;
  /** Samples (`samples`, field 9). */
  readonly samples?: bigint;
}

/** `mesos.PerfStatistics`: perf counters for one sample interval: hardware, software and cache events (Mesos' PerfStatistics). */
export interface PerfStatistics {
  /** Start of the sample interval, in seconds since the epoch (`timestamp`, field 1, required). */
  readonly timestamp: number;
  /** Length of the sample interval, in seconds (`duration`, field 2, required). */
  readonly duration: number;
  /** Cycles (`cycles`, field 3). */
  readonly cycles?: bigint;
  /** Stalled cycles frontend (`stalled_cycles_frontend`, field 4). */
  readonly stalledCyclesFrontend?: bigint;
  /** Stalled cycles backend (`stalled_cycles_backend`, field 5). */
  readonly stalledCyclesBackend?: bigint;
  /** Instructions (`instructions`, field 6). */
  readonly instructions?: bigint;
  /** Cache references (`cache_references`, field 7). */
  readonly cacheReferences?: bigint;
  /** Cache misses (`cache_misses`, field 8). */
  readonly cacheMisses?: bigint;
  /** Branches (`branches`, field 9). */
  readonly branches?: bigint;
  /** Branch misses (`branch_misses`, field 10). */
  readonly branchMisses?: bigint;
  /** Bus cycles (`bus_cycles`, field 11). */
  readonly busCycles?: bigint;
  /** Ref cycles (`ref_cycles`, field 12). */
  readonly refCycles?: bigint;
  /** Cpu clock (`cpu_clock`, field 13). */
  readonly cpuClock?: number;
  /** Task clock (`task_clock`, field 14). */
  readonly taskClock?: number;
  /** Page faults (`page_faults`, field 15). */
  readonly pageFaults?: bigint;
  /** Minor faults (`minor_faults`, field 16). */
  readonly minorFaults?: bigint;
  /** Major faults (`major_faults`, field 17). */
  readonly majorFaults?: bigint;
  /** Context switches (`context_switches`, field 18). */
  readonly contextSwitches?: bigint;
  /** Cpu migrations (`cpu_migrations`, field 19). */
  readonly cpuMigrations?: bigint;
  /** Alignment faults (`alignment_faults`, field 20). */
  readonly alignmentFaults?: bigint;
  /** Emulation faults (`emulation_faults`, field 21). */
  readonly emulationFaults?: bigint;
  /** L1 dcache loads (`l1_dcache_loads`, field 22). */
  readonly l1DcacheLoads?: bigint;
  /** L1 dcache load misses (`l1_dcache_load_misses`, field 23). */
  readonly l1DcacheLoadMisses?: bigint;
  /** L1 dcache stores (`l1_dcache_stores`, field 24). */
  readonly l1DcacheStores?: bigint;
  /** L1 dcache store misses (`l1_dcache_store_misses`, field 25). */
  readonly l1DcacheStoreMisses?: bigint;
  /** L1 dcache prefetches (`l1_dcache_prefetches`, field 26). */
  readonly l1DcachePrefetches?: bigint;
  /** L1 dcache prefetch misses (`l1_dcache_prefetch_misses`, field 27). */
  readonly l1DcachePrefetchMisses?: bigint;
  /** L1 icache loads (`l1_icache_loads`, field 28). */
  readonly l1IcacheLoads?: bigint;
  /** L1 icache load misses (`l1_icache_load_misses`, field 29). */
  readonly l1IcacheLoadMisses?: bigint;
  /** L1 icache prefetches (`l1_icache_prefetches`, field 30). */
  readonly l1IcachePrefetches?: bigint;
  /** L1 icache prefetch misses (`l1_icache_prefetch_misses`, field 31). */
  readonly l1IcachePrefetchMisses?: bigint;
  /** Llc loads (`llc_loads`, field 32). */
  readonly llcLoads?: bigint;
  /** Llc load misses (`llc_load_misses`, field 33). */
  readonly llcLoadMisses?: bigint;
  /** Llc stores (`llc_stores`, field 34). */
  readonly llcStores?: bigint;
  /** Llc store misses (`llc_store_misses`, field 35). */
  readonly llcStoreMisses?: bigint;
  /** Llc prefetches (`llc_prefetches`, field 36). */
  readonly llcPrefetches?: bigint;
  /** Llc prefetch misses (`llc_prefetch_misses`, field 37). */
  readonly llcPrefetchMisses?: bigint;
  /** Dtlb loads (`dtlb_loads`, field 38). */
  readonly dtlbLoads?: bigint;
  /** Dtlb load misses (`dtlb_load_misses`, field 39). */
  readonly dtlbLoadMisses?: bigint;
  /** Dtlb stores (`dtlb_stores`, field 40). */
  readonly dtlbStores?: bigint;
  /** Dtlb store misses (`dtlb_store_misses`, field 41). */
  readonly dtlbStoreMisses?: bigint;
  /** Dtlb prefetches (`dtlb_prefetches`, field 42). */
  readonly dtlbPrefetches?: bigint;
  /** Dtlb prefetch misses (`dtlb_prefetch_misses`, field 43). */
  readonly dtlbPrefetchMisses?: bigint;
  /** Itlb loads (`itlb_loads`, field 44). */
  readonly itlbLoads?: bigint;
  /** Itlb load misses (`itlb_load_misses`, field 45). */
  readonly itlbLoadMisses?: bigint;
  /** Branch loads (`branch_loads`, field 46). */
  readonly branchLoads?: bigint;
  /** Branch load misses (`branch_load_misses`, field 47). */
  readonly branchLoadMisses?: bigint;
  /** Node loads (`node_loads`, field 48). */
  readonly nodeLoads?: bigint;
  /** Node load misses (`node_load_misses`, field 49). */
  readonly nodeLoadMisses?: bigint;
  /** Node stores (`node_stores`, field 50). */
  readonly nodeStores?: bigint;
  /** Node store misses (`node_store_misses`, field 51). */
  readonly nodeStoreMisses?: bigint;
  /** Node prefetches (`node_prefetches`, field 52). */
  readonly nodePrefetches?: bigint;
  /** Node prefetch misses (`node_prefetch_misses`, field 53). */
  readonly nodePrefetchMisses?: bigint;
}

/** `mesos.TrafficControlStatistics`: Linux traffic-control statistics of one queueing discipline. */
export interface TrafficControlStatistics {
  /** Id (`id`, field 1, required). */
  readonly id: string;
  /** Backlog (`backlog`, field 2). */
  readonly backlog?: bigint;
  /** Bytes (`bytes`, field 3). */
  readonly bytes?: bigint;
  /** Drops (`drops`, field 4). */
  readonly drops?: bigint;
  /** Overlimits (`overlimits`, field 5). */
  readonly overlimits?: bigint;
  /** Packets (`packets`, field 6). */
  readonly packets?: bigint;
  /** Qlen (`qlen`, field 7). */
  readonly qlen?: bigint;
  /** Ratebps (`ratebps`, field 8). */
  readonly ratebps?: bigint;
  /** Ratepps (`ratepps`, field 9). */
  readonly ratepps?: bigint;
  /** Requeues (`requeues`, field 10). */
  readonly requeues?: bigint;
}

/** `mesos.SNMPStatistics`: a container's SNMP network statistics (IP, ICMP, TCP, UDP). */
export interface SNMPStatistics {
  /** Ip stats (`ip_stats`, field 1). */
  readonly ipStats?: IpStatistics;
  /** Icmp stats (`icmp_stats`, field 2). */
  readonly icmpStats?: IcmpStatistics;
  /** Tcp stats (`tcp_stats`, field 3). */
  readonly tcpStats?: TcpStatistics;
  /** Udp stats (`udp_stats`, field 4). */
  readonly udpStats?: UdpStatistics;
}

/** `mesos.IpStatistics`: SNMP IP counters (names as in /proc/net/snmp). */
export interface IpStatistics {
  /** Forwarding (`Forwarding`, field 1). */
  readonly forwarding?: bigint;
  /** DefaultTTL (`DefaultTTL`, field 2). */
  readonly defaultTTL?: bigint;
  /** InReceives (`InReceives`, field 3). */
  readonly inReceives?: bigint;
  /** InHdrErrors (`InHdrErrors`, field 4). */
  readonly inHdrErrors?: bigint;
  /** InAddrErrors (`InAddrErrors`, field 5). */
  readonly inAddrErrors?: bigint;
  /** ForwDatagrams (`ForwDatagrams`, field 6). */
  readonly forwDatagrams?: bigint;
  /** InUnknownProtos (`InUnknownProtos`, field 7). */
  readonly inUnknownProtos?: bigint;
  /** InDiscards (`InDiscards`, field 8). */
  readonly inDiscards?: bigint;
  /** InDelivers (`InDelivers`, field 9). */
  readonly inDelivers?: bigint;
  /** OutRequests (`OutRequests`, field 10). */
  readonly outRequests?: bigint;
  /** OutDiscards (`OutDiscards`, field 11). */
  readonly outDiscards?: bigint;
  /** OutNoRoutes (`OutNoRoutes`, field 12). */
  readonly outNoRoutes?: bigint;
  /** ReasmTimeout (`ReasmTimeout`, field 13). */
  readonly reasmTimeout?: bigint;
  /** ReasmReqds (`ReasmReqds`, field 14). */
  readonly reasmReqds?: bigint;
  /** ReasmOKs (`ReasmOKs`, field 15). */
  readonly reasmOKs?: bigint;
  /** ReasmFails (`ReasmFails`, field 16). */
  readonly reasmFails?: bigint;
  /** FragOKs (`FragOKs`, field 17). */
  readonly fragOKs?: bigint;
  /** FragFails (`FragFails`, field 18). */
  readonly fragFails?: bigint;
  /** FragCreates (`FragCreates`, field 19). */
  readonly fragCreates?: bigint;
}

/** `mesos.IcmpStatistics`: SNMP ICMP counters (names as in /proc/net/snmp). */
export interface IcmpStatistics {
  /** InMsgs (`InMsgs`, field 1). */
  readonly inMsgs?: bigint;
  /** InErrors (`InErrors`, field 2). */
  readonly inErrors?: bigint;
  /** InCsumErrors (`InCsumErrors`, field 3). */
  readonly inCsumErrors?: bigint;
  /** InDestUnreachs (`InDestUnreachs`, field 4). */
  readonly inDestUnreachs?: bigint;
  /** InTimeExcds (`InTimeExcds`, field 5). */
  readonly inTimeExcds?: bigint;
  /** InParmProbs (`InParmProbs`, field 6). */
  readonly inParmProbs?: bigint;
  /** InSrcQuenchs (`InSrcQuenchs`, field 7). */
  readonly inSrcQuenchs?: bigint;
  /** InRedirects (`InRedirects`, field 8). */
  readonly inRedirects?: bigint;
  /** InEchos (`InEchos`, field 9). */
  readonly inEchos?: bigint;
  /** InEchoReps (`InEchoReps`, field 10). */
  readonly inEchoReps?: bigint;
  /** InTimestamps (`InTimestamps`, field 11). */
  readonly inTimestamps?: bigint;
  /** InTimestampReps (`InTimestampReps`, field 12). */
  readonly inTimestampReps?: bigint;
  /** InAddrMasks (`InAddrMasks`, field 13). */
  readonly inAddrMasks?: bigint;
  /** InAddrMaskReps (`InAddrMaskReps`, field 14). */
  readonly inAddrMaskReps?: bigint;
  /** OutMsgs (`OutMsgs`, field 15). */
  readonly outMsgs?: bigint;
  /** OutErrors (`OutErrors`, field 16). */
  readonly outErrors?: bigint;
  /** OutDestUnreachs (`OutDestUnreachs`, field 17). */
  readonly outDestUnreachs?: bigint;
  /** OutTimeExcds (`OutTimeExcds`, field 18). */
  readonly outTimeExcds?: bigint;
  /** OutParmProbs (`OutParmProbs`, field 19). */
  readonly outParmProbs?: bigint;
  /** OutSrcQuenchs (`OutSrcQuenchs`, field 20). */
  readonly outSrcQuenchs?: bigint;
  /** OutRedirects (`OutRedirects`, field 21). */
  readonly outRedirects?: bigint;
  /** OutEchos (`OutEchos`, field 22). */
  readonly outEchos?: bigint;
  /** OutEchoReps (`OutEchoReps`, field 23). */
  readonly outEchoReps?: bigint;
  /** OutTimestamps (`OutTimestamps`, field 24). */
  readonly outTimestamps?: bigint;
  /** OutTimestampReps (`OutTimestampReps`, field 25). */
  readonly outTimestampReps?: bigint;
  /** OutAddrMasks (`OutAddrMasks`, field 26). */
  readonly outAddrMasks?: bigint;
  /** OutAddrMaskReps (`OutAddrMaskReps`, field 27). */
  readonly outAddrMaskReps?: bigint;
}

/** `mesos.TcpStatistics`: SNMP TCP counters (names as in /proc/net/snmp). */
export interface TcpStatistics {
  /** RtoAlgorithm (`RtoAlgorithm`, field 1). */
  readonly rtoAlgorithm?: bigint;
  /** RtoMin (`RtoMin`, field 2). */
  readonly rtoMin?: bigint;
  /** RtoMax (`RtoMax`, field 3). */
  readonly rtoMax?: bigint;
  /** MaxConn (`MaxConn`, field 4). */
  readonly maxConn?: bigint;
  /** ActiveOpens (`ActiveOpens`, field 5). */
  readonly activeOpens?: bigint;
  /** PassiveOpens (`PassiveOpens`, field 6). */
  readonly passiveOpens?: bigint;
  /** AttemptFails (`AttemptFails`, field 7). */
  readonly attemptFails?: bigint;
  /** EstabResets (`EstabResets`, field 8). */
  readonly estabResets?: bigint;
  /** CurrEstab (`CurrEstab`, field 9). */
  readonly currEstab?: bigint;
  /** InSegs (`InSegs`, field 10). */
  readonly inSegs?: bigint;
  /** OutSegs (`OutSegs`, field 11). */
  readonly outSegs?: bigint;
  /** RetransSegs (`RetransSegs`, field 12). */
  readonly retransSegs?: bigint;
  /** InErrs (`InErrs`, field 13). */
  readonly inErrs?: bigint;
  /** OutRsts (`OutRsts`, field 14). */
  readonly outRsts?: bigint;
  /** InCsumErrors (`InCsumErrors`, field 15). */
  readonly inCsumErrors?: bigint;
}

/** `mesos.UdpStatistics`: SNMP UDP counters (names as in /proc/net/snmp). */
export interface UdpStatistics {
  /** InDatagrams (`InDatagrams`, field 1). */
  readonly inDatagrams?: bigint;
  /** NoPorts (`NoPorts`, field 2). */
  readonly noPorts?: bigint;
  /** InErrors (`InErrors`, field 3). */
  readonly inErrors?: bigint;
  /** OutDatagrams (`OutDatagrams`, field 4). */
  readonly outDatagrams?: bigint;
  /** RcvbufErrors (`RcvbufErrors`, field 5). */
  readonly rcvbufErrors?: bigint;
  /** SndbufErrors (`SndbufErrors`, field 6). */
  readonly sndbufErrors?: bigint;
  /** InCsumErrors (`InCsumErrors`, field 7). */
  readonly inCsumErrors?: bigint;
  /** IgnoredMulti (`IgnoredMulti`, field 8). */
  readonly ignoredMulti?: bigint;
}

/** `mesos.DiskStatistics`: usage of one disk resource. */
export interface DiskStatistics {
  /** Source (`source`, field 1). */
  readonly source?: DiskSource;
  /** Persistence (`persistence`, field 2). */
  readonly persistence?: DiskPersistence;
  /** Limit bytes (`limit_bytes`, field 3). */
  readonly limitBytes?: bigint;
  /** Used bytes (`used_bytes`, field 4). */
  readonly usedBytes?: bigint;
}

/** `mesos.CgroupInfo`: Linux cgroup information (net_cls class ID, blkio statistics). */
export interface CgroupInfo {
  /** Net cls (`net_cls`, field 1). */
  readonly netCls?: CgroupInfoNetCls;
}

/** `mesos.CgroupInfo.Blkio`: blkio cgroup statistics types. */
export interface CgroupInfoBlkio {

}

/** `mesos.CgroupInfo.Blkio.Operation`: block I/O operation kinds. */
export type CgroupInfoBlkioOperation =
  | "UNKNOWN"
  | "TOTAL"
  | "READ"
  | "WRITE"
  | "SYNC"
  | "ASYNC"
  | "DISCARD";

/** `mesos.CgroupInfo.Blkio.Value`: one blkio counter for one operation kind. */
export interface CgroupInfoBlkioValue {
  /** Op (`op`, field 1). */
  readonly op?: CgroupInfoBlkioOperation;
  /** Value (`value`, field 2). */
  readonly value?: bigint;
}

/** `mesos.CgroupInfo.Blkio.CFQ`: CFQ scheduler statistics types. */
export interface CgroupInfoBlkioCFQ {

}

/** `mesos.CgroupInfo.Blkio.CFQ.Statistics`: CFQ statistics for one device (or the total). */
export interface CgroupInfoBlkioCFQStatistics {
  /** Device (`device`, field 1). */
  readonly device?: DeviceNumber;
  /** Sectors (`sectors`, field 2). */
  readonly sectors?: bigint;
  /** Time (`time`, field 3). */
  readonly time?: bigint;
  /** Io serviced (`io_serviced`, field 4). */
  readonly ioServiced?: readonly CgroupInfoBlkioValue[];
  /** Io service bytes (`io_service_bytes`, field 5). */
  readonly ioServiceBytes?: readonly CgroupInfoBlkioValue[];
  /** Io service time (`io_service_time`, field 6). */
  readonly ioServiceTime?: readonly CgroupInfoBlkioValue[];
  /** Io wait time (`io_wait_time`, field 7). */
  readonly ioWaitTime?: readonly CgroupInfoBlkioValue[];
  /** Io merged (`io_merged`, field 8). */
  readonly ioMerged?: readonly CgroupInfoBlkioValue[];
  /** Io queued (`io_queued`, field 9). */
  readonly ioQueued?: readonly CgroupInfoBlkioValue[];
}

/** `mesos.CgroupInfo.Blkio.Throttling`: throttling statistics types. */
export interface CgroupInfoBlkioThrottling {

}

/** `mesos.CgroupInfo.Blkio.Throttling.Statistics`: throttling statistics for one device (or the total). */
export interface CgroupInfoBlkioThrottlingStatistics {
  /** Device (`device`, field 1). */
  readonly device?: DeviceNumber;
  /** Io serviced (`io_serviced`, field 2). */
  readonly ioServiced?: readonly CgroupInfoBlkioValue[];
  /** Io service bytes (`io_service_bytes`, field 3). */
  readonly ioServiceBytes?: readonly CgroupInfoBlkioValue[];
}

/** `mesos.CgroupInfo.Blkio.Statistics`: a container's blkio statistics (CFQ and throttling). */
export interface CgroupInfoBlkioStatistics {
  /** Cfq (`cfq`, field 1). */
  readonly cfq?: readonly CgroupInfoBlkioCFQStatistics[];
  /** Cfq recursive (`cfq_recursive`, field 2). */
  readonly cfqRecursive?: readonly CgroupInfoBlkioCFQStatistics[];
  /** Throttling (`throttling`, field 3). */
  readonly throttling?: readonly CgroupInfoBlkioThrottlingStatistics[];
}

/** `mesos.CgroupInfo.NetCls`: the net_cls cgroup's class ID. */
export interface CgroupInfoNetCls {
  /** Classid (`classid`, field 1). */
  readonly classid?: number;
}

/** `mesos.Device`: a device, by path and/or major/minor number. */
export interface Device {
  /** Path (`path`, field 1). */
  readonly path?: string;
  /** Number (`number`, field 2). */
  readonly number?: DeviceNumber;
}

/** `mesos.Device.Number`: a device's major and minor numbers. */
export interface DeviceNumber {
  /** Major number (`major_number`, field 1, required). */
  readonly majorNumber: bigint;
  /** Minor number (`minor_number`, field 2, required). */
  readonly minorNumber: bigint;
}
