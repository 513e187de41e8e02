// The package's entry for browsers and bundlers (Vite, webpack, Rollup, esbuild): the same named
// exports as Node's (`index.cjs`, `index.mjs`). The gate module is fetched from
// `new URL('./secretariat_bg.wasm', import.meta.url)` (inside `./secretariat.js`), which bundlers
// rewrite to the emitted asset; no top-level await: `await load(text)` (or `await init()`)
// instantiates it once. The admin module (`./admin.js`) is fetched on the first `policy.admin()`.
import instantiateGate, { initSync as instantiateGateSync, Policy as Gate } from './secretariat.js';
import { define } from './policy.js';
import { besidePackage } from './moved.js';

export { SecretariatError, AdminPolicy } from './policy.js';
export * from './gate.js';

export const { init, initSync, load, Policy } = define({
  async instantiate(source) {
    if (source !== undefined) return instantiateGate({ module_or_path: source });
    try {
      return await instantiateGate();
    } catch (e) {
      const moved = besidePackage(import.meta.url, 'secretariat_bg.wasm');
      if (moved === undefined) throw e;
      return instantiateGate({ module_or_path: moved });
    }
  },
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
