// The package's browser and bundler entry: the engine (call the default export once to instantiate
// the WebAssembly) and the declarative gate.
export * from './secretariat.js';
export { default } from './secretariat.js';
export { decider, gate, watch } from './gate.js';
