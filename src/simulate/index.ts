/** The workload simulation behind `drfcore simulate` (see docs/simulate.md). */
export {
  ClusterConfigError,
  DEFAULT_CLUSTER,
  LIMITS,
  applyOverrides,
  defaultClusterConfig,
  parseClusterConfig,
  validateClusterConfig,
  type AgentGroupSpec,
  type ClusterConfig,
  type ClusterOverrides,
  type DurationSpec,
  type RoleSpec,
  type TaskShapeSpec,
} from "./cluster-config.js";
export { runSimulation, SimulationInvariantError, type RoleSummary, type SimLogEvent, type SimulationOptions, type SimulationResult } from "./simulation.js";
export { type Metrics } from "./metrics.js";
export { Prng } from "./prng.js";
export { renderRoleTable, renderRunSummary } from "./table.js";
export { renderHtmlReport, REPORT_CHARTS } from "./report/html.js";
export { renderLineChart, type LineChartSpec, type Series } from "./report/svg-chart.js";
export { progressReporter, type ProgressSink } from "./progress.js";
