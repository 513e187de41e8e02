// Type-checked by `tsc --noEmit -p tests/npm/tsconfig.node.json` as CommonJS: `require` of the
// package and of its gate subpath resolve to the .d.cts declarations.
import secretariat = require("secretariat");
import gating = require("secretariat/gate");

const policy: secretariat.Policy = secretariat.Policy.load('{"format":"secretariat-org/1"}');
const allowed: boolean = policy.can("sophie", "dcc.icon.agenda");
const summary: gating.GateSummary = gating.gate(document.body, policy, "sophie");
const caught = (e: unknown): string => (e instanceof secretariat.SecretariatError ? e.code : "other");

export { allowed, summary, caught };
