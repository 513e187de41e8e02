// Type-checked by `tsc --noEmit -p tests/npm/tsconfig.node.json`: the package as Node resolves it.
import { Policy, type Decision, type View } from "secretariat";
import { gate, type GateSummary } from "secretariat/gate";

const policy = Policy.load('{"format":"secretariat-org/1"}');
const decision: Decision = policy.decide({ principal: "sophie", action: "dcc.icon.agenda" });
const view: View = policy.view("sophie");
const summary: GateSummary = gate(document.body, policy, "sophie");
// @ts-expect-error Node's build loads synchronously: no default export to await
import("secretariat").then((m) => m.default());

export { decision, view, summary };
