// The package's entry for Node, built by scripts/build-npm into `index.cjs` (CommonJS) and wrapped
// by `index.mjs` (ESM, the same instance): the same named exports as the browser's `index.js`.
// The gate module's bytes are embedded (base64, `wasm:gate`) rather than read from a path beside
// the file, so that server bundles (webpack `--target node`, Next.js, esbuild) carry them without
// an asset rule and cannot fail with ENOENT. Instantiated synchronously on first use: `load`,
// `Policy.load`, `init` and `initSync` all work, and `init`/`initSync` have nothing left to do.
import { initSync as instantiateGateSync, Policy as Gate } from 'glue:gate';
import gateBytes from 'wasm:gate';
import { decode, define } from './policy.js';

export { SecretariatError, AdminPolicy } from './policy.js';
export * from './gate.js';

function instantiateSync() {
  instantiateGateSync({ module: decode(gateBytes) });
}

export const { init, initSync, load, Policy } = define({
  instantiate: async () => instantiateSync(),
  instantiateSync,
  Gate,
  // `require` (kept as such in index.cjs): a server bundle carries admin.cjs like any module.
  // eslint-disable-next-line no-undef
  admin: async () => require('./admin.js').instantiate(),
});
