export * from "./secretariat.js";
export { default } from "./secretariat.js";
export { decider, gate, watch } from "./gate.js";
export type {
  GateMark, GateMode, GateOptions, GatePolicy, GateProblem, GateResult, GateSummary, Watcher, WatchOptions,
} from "./gate.js";
