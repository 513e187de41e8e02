// The package's entry for browsers and bundlers (Vite, webpack, Rollup, esbuild): the same named
// exports as Node's (`index.cjs`, `index.mjs`). The gate module is fetched from
// `new URL('./secretariat_bg.wasm', import.meta.url)` (inside `./secretariat.js`), which bundlers
// rewrite to the emitted asset; no top-level await: `await load(text)` (or `await init()`)
// instantiates it once. Where the page is served over HTTP(S), the `.wasm` is fetched and compiled
// as soon as this module runs (`early` below), in parallel with what the page fetches next (its
// scope), so `load` finds it compiled; when that fails — a server that does not send
// `application/wasm`, a moved file — `init` takes the usual path and reports. The admin module
// (`./admin.js`) is fetched on the first `policy.admin()`.
import instantiateGate, { initSync as instantiateGateSync, Policy as Gate } from './secretariat.js';
import { define } from './policy.js';
import { besidePackage } from './moved.js';

export { SecretariatError, AdminPolicy } from './policy.js';
export * from './gate.js';

/** The gate module compiled from its default URL, started at import (a promise; never rejects:
 * `undefined` when it could not be compiled), or `undefined` where there is nothing to fetch. */
const early = (() => {
  try {
    const url = new URL('./secretariat_bg.wasm', import.meta.url);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || typeof WebAssembly.compileStreaming !== 'function') {
      return undefined;
    }
    return WebAssembly.compileStreaming(fetch(url)).catch(() => undefined);
  } catch {
    return undefined;
  }
})();

export const { init, initSync, load, Policy } = define({
  async instantiate(source) {
    if (source !== undefined) return instantiateGate({ module_or_path: source });
    const compiled = await early;
    if (compiled !== undefined) return instantiateGate({ module_or_path: compiled });
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
