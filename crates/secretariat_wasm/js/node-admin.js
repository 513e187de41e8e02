// The admin module in Node, built by scripts/build-npm into `admin.cjs` and required by `index.cjs`
// on the first `policy.admin()`; its bytes are embedded like the gate module's (`node.js`).
import { initSync, Policy } from 'glue:admin';
import adminBytes from 'wasm:admin';
import { decode } from './policy.js';

/** The admin module's `Policy` class, once instantiated. */
export async function instantiate() {
  initSync({ module: decode(adminBytes) });
  return Policy;
}
