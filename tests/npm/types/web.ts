// Type-checked by `tsc --noEmit -p tests/npm` (never run): every input and output type of the
// package, as a page or a bundler imports it, and the mistakes the declarations must refuse.
import init, {
  Policy, gate,
  type Action, type Answer, type Change, type ChangeSet, type Decision, type DecisionRequest,
  type Effect, type Explanation, type Finding, type GateResult, type GateSummary, type OrgFile,
  type Problem, type ReportRow, type SecretariatError, type Simulation, type View,
} from "secretariat";

await init();
const file: OrgFile = {
  format: "secretariat-org/1",
  name: "Démo",
  people: [{ id: "sophie", name: "Sophie", category: "secretaire", status: "active" }],
  practice: { accesses: [{ secretary: "sophie", doctor: "dr", permissions: ["agenda", { id: "patients", valid_until: "2026-12-31T23:59:59Z" }] }] },
  network: { centres: [{ id: "c", name: "C" }], rcps: [{ id: "r", name: "R", centre: "c" }] },
};
let policy: Policy;
try {
  policy = Policy.load(file);
} catch (e) {
  const problems: Problem[] = (e as SecretariatError).problems ?? [];
  throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
}
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
const explanation: Explanation = policy.explain(request, "en");
const holds: boolean[] = explanation.derivation.map((step) => step.holds);
const canonical: Action = explanation.request.action;
const view: View = policy.view("sophie", "2026-11-23T10:00:00Z", "fr");
const menu: string[] = view.practice.flatMap((account) => account.menu.filter((i) => i.shown).map((i) => i.label));
const validate: boolean | undefined = view.dcc.agenda[0]?.dossiers[0]?.actions.validate;
const findings: Finding[] = policy.findings(null, "en");
const severities: ("danger" | "warning" | "info")[] = findings.map((f) => f.severity);
const changes: Change[] = [
  { op: "grant_permission", secretary: "sophie", doctor: "dr", permission: "letters", valid_until: "2026-12-31T23:59:59Z" },
  { op: "set_rcp_role", rcp: "r", doctor: "dr", role: "both" },
  { op: "departure", person: "sophie" },
];
const set: ChangeSet = { format: "secretariat-changes/1", changes };
const simulation: Simulation = policy.simulate(set, "2026-11-23T10:00:00Z");
const lost: string[] = simulation.affected.flatMap((a) => a.lost.map((e) => e.label));
const mail: string | undefined = simulation.requests[0]?.mailto;
const after: Policy = policy.withChanges(changes);
const rows: ReportRow[] = after.report("coordinator", "dr");
const csv: string = policy.reportEveryRowCsv();
const back: OrgFile = policy.toJSON();
const text: string = policy.export();

const summary: GateSummary = gate(document.body, policy, "sophie", { now: "2026-11-23T10:00:00Z", mode: "disable", explain: true, lang: "fr" });
const denied: GateResult[] = summary.items.filter((item) => !item.allowed);
const element: Element = denied[0]!.element;
gate(document, policy, null);
policy.free();

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
// @ts-expect-error the organisation file names its format
Policy.load({ people: [] });

export { name, allowed, noResource, effect, reasons, onBehalfOf, lines, holds, canonical, menu, validate, severities, lost, mail, rows, csv, back, text, element };
