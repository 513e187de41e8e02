// The admin module in browsers and bundlers, imported by `index.js` on the first `policy.admin()`:
// its WebAssembly is fetched from `new URL('./secretariat_admin_bg.wasm', import.meta.url)`.
import instantiateAdmin, { Policy } from './secretariat_admin.js';
import { besidePackage } from './moved.js';

/** The admin module's `Policy` class, once instantiated. */
export async function instantiate() {
  try {
    await instantiateAdmin();
  } catch (e) {
    const moved = besidePackage(import.meta.url, 'secretariat_admin_bg.wasm');
    if (moved === undefined) throw e;
    await instantiateAdmin({ module_or_path: moved });
  }
  return Policy;
}
