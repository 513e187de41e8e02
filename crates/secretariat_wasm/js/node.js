// The package's entry for Node, built by scripts/build-npm into `index.cjs` (CommonJS) and wrapped
// by `index.mjs` (ESM, the same instance): the same named exports as the browser's `index.js`.
// Instantiated synchronously on first use: `load`, `Policy.load`, `init` and `initSync` all work,
// and `init`/`initSync` have nothing left to do.
//
// The module's bytes: the `.wasm` beside this file when it is the one this build was made with (a
// 0.3 ms read), else the copy embedded in base64 in `secretariat_bg.cjs` (1.5 ms to parse and
// decode). Server bundles (webpack `--target node`, Next.js, esbuild) move this file and not its
// neighbours; they carry the embedded copy like any required module, so they cannot fail with ENOENT.
//
// Declarative gating (`gate`, `watch`, `decider`, from gate.js) is exported too, but not from here:
// scripts/npm-entries.mjs defines them on `index.cjs`'s exports as getters that require `gate.cjs` on
// first use, so that a server that only decides never reads or compiles it (0.6–0.8 ms of a cold
// start: BENCHMARKS.md). `gate.cjs` takes `SecretariatError` from `index.cjs`: one instance.
import { initSync as instantiateGateSync, Policy as Gate } from 'glue:gate';
import gate from 'wasm-meta:gate';
import { define } from './policy.js';
import { bytes } from './node-bytes.js';

export { SecretariatError, AdminPolicy } from './policy.js';

function instantiateSync() {
  instantiateGateSync({ module: bytes(gate, () => require('./secretariat_bg.cjs')) });
}

export const { init, initSync, load, Policy } = define({
  instantiate: async () => instantiateSync(),
  instantiateSync,
  Gate,
  // `require` (kept as such in index.cjs): a server bundle carries admin.cjs like any module.
  admin: async () => require('./admin.js').instantiate(),
});
