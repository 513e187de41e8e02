// Type-checked by `tsc --noEmit -p tests/npm` (never run): `watch`, `decider` and
// `secretariat/react` as a page or a bundler imports them, and the mistakes they must refuse.
import { createElement, type ReactNode } from "react";
import { Policy, decider, watch, type GateProblem, type GateSummary, type Watcher } from "secretariat";
import { Can, SecretariatProvider, useCan, useDecider } from "secretariat/react";

declare const policy: Policy;
const problems: GateProblem[] = [];
const watcher: Watcher = watch(document.body, {
  policy,
  principal: "sophie",
  now: "2026-11-23T10:00:00Z",
  mode: "disable",
  onError: (problem) => problems.push(problem),
  onGate: (summary: GateSummary) => summary.items.filter((item) => item.error !== undefined),
});
const again: GateSummary = watcher.update({ principal: "lea" });
const last: number = watcher.summary.denied;
watcher.stop();
// @ts-expect-error watch needs the policy and the principal
watch(document.body, { mode: "hide" });
// @ts-expect-error no such gate mode
watcher.update({ mode: "fade" });

const can = decider(policy, "sophie", { now: null, onError: (p) => console.warn(p.message) });
const agenda: boolean = can("practice.agenda", "doctor:dr-martin");
// @ts-expect-error no such action
can("practice.coffee");

function Menu(): ReactNode {
  const export_: boolean = useCan("practice.export_patients", "doctor:dr-martin");
  const check = useDecider();
  const dossiers = ["d-101", "d-102"].filter((id) => check("dcc.dossier.view", `dossier:${id}`));
  return createElement(
    "nav",
    null,
    export_ ? "Exporter" : null,
    dossiers.join(","),
    createElement(Can, { action: "dcc.icon.agenda", fallback: "—" }, "Agenda RCP"),
    createElement(Can, { action: "practice.pid_billing", resource: "doctor:dr-martin", children: (ok: boolean) => (ok ? "PID" : null) }),
  );
}
const app = createElement(SecretariatProvider, { policy, principal: "sophie", now: "2026-11-23T10:00:00Z" }, createElement(Menu));
// @ts-expect-error no such action
createElement(Can, { action: "dcc.icon.coffee" });
export { again, agenda, app, last };
