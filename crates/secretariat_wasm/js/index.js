// The package's entry for browsers and bundlers (Vite, webpack, Rollup, esbuild): the same named
// exports as Node's (`index.cjs`, `index.mjs`). The gate module is fetched from
// `new URL('./secretariat_bg.wasm', import.meta.url)` (inside `./secretariat.js`), which bundlers
// rewrite to the emitted asset; no top-level await: `await load(text)` (or `await init()`)
// instantiates it once. The admin module (`./admin.js`) is fetched on the first `policy.admin()`.
import instantiateGate, { initSync as instantiateGateSync, Policy as Gate } from './secretariat.js';
import { define } from './policy.js';

export { SecretariatError, AdminPolicy } from './policy.js';
export * from './gate.js';

export const { init, initSync, load, Policy } = define({
  instantiate: (source) => instantiateGate(source === undefined ? undefined : { module_or_path: source }),
  instantiateSync(source) {
    if (source === undefined) {
      throw Object.assign(
        new Error('the WebAssembly module is not instantiated yet: `await load(text)` or `await init()` first (or `initSync(bytes)`)'),
        { code: 'not_initialised' },
      );
    }
    instantiateGateSync({ module: source });
  },
  Gate,
  admin: () => import('./admin.js').then((m) => m.instantiate()),
});
