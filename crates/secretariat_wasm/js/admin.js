// The admin module in browsers and bundlers, imported by `index.js` on the first `policy.admin()`:
// its WebAssembly is fetched from `new URL('./secretariat_admin_bg.wasm', import.meta.url)`.
import instantiateAdmin, { Policy } from './secretariat_admin.js';

/** The admin module's `Policy` class, once instantiated. */
export async function instantiate() {
  await instantiateAdmin();
  return Policy;
}
