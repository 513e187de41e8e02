// Type-checked by `tsc --noEmit -p tests/npm` (never run): every input and output type of the
// package, as a page or a bundler imports it, and the mistakes the declarations must refuse.
import {
  AdminPolicy, Policy, SecretariatError, gate, init, initSync, load,
  type Action, type Answer, type Change, type ChangeSet, type Decision, type DecisionRequest,
  type Effect, type ErrorCode, type Explanation, type Finding, type GateResult, type GateSummary,
  type OrgFile, type Problem, type ReportRow, type Simulation, type View,
} from "secretariat";

await init();
await init(new URL("https://example.org/secretariat_bg.wasm"));
initSync(new Uint8Array(8));
const file: OrgFile = {
  format: "secretariat-org/1",
  name: "Démo",
  people: [{ id: "sophie", name: "Sophie", category: "secretaire", status: "active" }],
  practice: { accesses: [{ secretary: "sophie", doctor: "dr", permissions: ["agenda", { id: "patients", valid_until: "2026-12-31T23:59:59Z" }] }] },
  network: { centres: [{ id: "c", name: "C" }], rcps: [{ id: "r", name: "R", centre: "c" }] },
};
let policy: Policy;
try {
  policy = await load(JSON.stringify(file));
} catch (e) {
  if (!(e instanceof SecretariatError)) throw e;
  const code: ErrorCode = e.code;
  const problems: Problem[] = e.problems ?? [];
  throw new Error(`${code} ${e.name}: ${problems.map((p) => `${p.path}: ${p.message}`).join("\n")}`);
}
const again: Policy = Policy.load(JSON.stringify(file));
const admin: AdminPolicy = await policy.admin();
const name: string = policy.name;
const allowed: boolean = policy.can("sophie", "practice.agenda", "doctor:dr", "2026-11-23T10:00:00Z");
const noResource: boolean = policy.can("sophie", "dcc.icon.agenda");
const request: DecisionRequest = { principal: "sophie", action: "dcc.dossier.view", resource: "dossier:d-1", lang: "en" };
const decision: Decision = policy.decide(request);
const effect: Effect = decision.decision;
const reasons: string[] = decision.reasons;
const onBehalfOf: string | undefined = decision.audit_event?.on_behalf_of;
const answers: Answer[] = policy.decideBatch([request, { principal: "lea", action: "practice.export_patients", resource: "doctor:dr" }]);
for (const answer of answers) {
  const said: string = "error" in answer ? answer.error : answer.reasons.join(" ");
}
const lines: string = policy.decideLines('{"principal":"sophie","action":"dcc.icon.agenda"}\n', "fr");
const explanation: Explanation = admin.explain(request, "en");
const holds: boolean[] = explanation.derivation.map((step) => step.holds);
const canonical: Action = explanation.request.action;
const view: View = policy.view("sophie", "2026-11-23T10:00:00Z", "fr");
const menu: string[] = view.practice.flatMap((account) => account.menu.filter((i) => i.shown).map((i) => i.label));
const validate: boolean | undefined = view.dcc.agenda[0]?.dossiers[0]?.actions.validate;
const findings: Finding[] = admin.findings(null, "en");
const severities: ("danger" | "warning" | "info")[] = findings.map((f) => f.severity);
const changes: Change[] = [
  { op: "grant_permission", secretary: "sophie", doctor: "dr", permission: "letters", valid_until: "2026-12-31T23:59:59Z" },
  { op: "set_rcp_role", rcp: "r", doctor: "dr", role: "both" },
  { op: "departure", person: "sophie" },
];
const set: ChangeSet = { format: "secretariat-changes/1", changes };
const simulation: Simulation = admin.simulate(set, "2026-11-23T10:00:00Z");
const lost: string[] = simulation.affected.flatMap((a) => a.lost.map((e) => e.label));
const mail: string | undefined = simulation.requests[0]?.mailto;
const after: AdminPolicy = admin.withChanges(changes);
const rows: ReportRow[] = after.report(null, "dr");
const csv: string = admin.reportCsv();
const back: OrgFile = admin.toJSON();
const text: string = admin.export();

const summary: GateSummary = gate(document.body, policy, "sophie", { now: "2026-11-23T10:00:00Z", mode: "disable", explain: true, lang: "fr" });
const denied: GateResult[] = summary.items.filter((item) => !item.allowed);
const element: Element = denied[0]!.element;
gate(document, policy, null);
policy.free();
admin.free();
again[Symbol.dispose]();

// Mistakes the declarations refuse:
// @ts-expect-error no such action
policy.can("sophie", "practice.coffee");
// @ts-expect-error a resource is `kind:id`
policy.decide({ principal: "sophie", action: "practice.agenda", resource: "dr-martin" });
// @ts-expect-error languages are fr and en
policy.view("sophie", null, "de");
// @ts-expect-error no such change
policy.simulate([{ op: "fly", person: "sophie" }]);
// @ts-expect-error no such gate mode
gate(document.body, policy, "sophie", { mode: "fade" });
// @ts-expect-error the file is loaded from its text (an object has lost its duplicate keys)
Policy.load(file);
// @ts-expect-error administration is in the admin module: `await policy.admin()`
policy.findings();
// @ts-expect-error policies are made by `load`
new Policy();
// @ts-expect-error codes are a closed list
const wrong: ErrorCode = "oops";

export { wrong, name, allowed, noResource, effect, reasons, onBehalfOf, lines, holds, canonical, menu, validate, severities, lost, mail, rows, csv, back, text, element };
