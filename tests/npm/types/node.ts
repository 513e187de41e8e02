// Type-checked by `tsc --noEmit -p tests/npm/tsconfig.node.json`: the package as Node resolves it.
import { Policy, SecretariatError, init, initSync, load, type Decision, type View } from "secretariat";
import { gate, type GateSummary } from "secretariat/gate";

await init();
initSync();
const policy: Policy = await load('{"format":"secretariat-org/1"}');
const sync: Policy = Policy.load('{"format":"secretariat-org/1"}');
const error = new SecretariatError("bad_now", "malformed `now`");
const decision: Decision = policy.decide({ principal: "sophie", action: "dcc.icon.agenda" });
const view: View = policy.view("sophie");
const summary: GateSummary = gate(document.body, policy, "sophie");
// @ts-expect-error one entry everywhere: named exports only, no default
import("secretariat").then((m) => m.default());

export { decision, view, summary, sync, error };
