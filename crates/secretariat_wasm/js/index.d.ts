export * from "./secretariat.js";
export { default } from "./secretariat.js";
export { gate } from "./gate.js";
export type { GateMode, GateOptions, GatePolicy, GateResult, GateSummary } from "./gate.js";
