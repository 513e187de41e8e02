// The admin module in Node, built by scripts/build-npm into `admin.cjs` and required by `index.cjs`
// on the first `policy.admin()`; its bytes are found as the gate module's are (`node.js`).
import { initSync, Policy } from 'glue:admin';
import admin from 'wasm-meta:admin';
import { bytes } from './node-bytes.js';

/** The admin module's `Policy` class, once instantiated. */
export async function instantiate() {
  initSync({ module: bytes(admin, () => require('./secretariat_admin_bg.cjs')) });
  return Policy;
}
