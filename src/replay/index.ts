/** Scenario replay (`drfcore replay`): validation, running, judging. */
export { ScenarioError, validateScenario, type Scenario, type ScenarioOffer, type Step, type ScenarioOptions } from "./scenario.js";
export { runScenario, judge, type ReplayResult, type RunOptions, type CheckpointVerdict } from "./runner.js";
