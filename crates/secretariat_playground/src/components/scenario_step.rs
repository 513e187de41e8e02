//! One step of a scenario file in trainer mode: the question, the decisions the trainer expects
//! with the engine's own answer and explanation beside each, the simulation's change requests when
//! the step simulates changes, every expectation the engine disagrees with flagged, the commented
//! answer, and the live view that answers the question.

use std::collections::BTreeMap;

use secretariat_core::{
    Disagreement, Effect, Focus, Instant, Lang, Organisation, Request, ScenarioStep,
};
use yew::prelude::*;

use crate::components::change_requests::ChangeRequests;
use crate::components::dcc_app::DccApp;
use crate::components::gate::Gating;
use crate::components::icons;
use crate::components::practice_app::PracticeApp;
use crate::hooks::use_lang;
use crate::model;
use crate::scenarios::Trainer;
use crate::state::{Action, OrgSource, Shared};

/// Which step, and where the engine disagrees with it.
#[derive(Properties, PartialEq)]
pub struct ScenarioStepViewProps {
    /// The scenario file and its organisation.
    pub trainer: Trainer,
    /// The step's index in the file.
    pub index: usize,
    /// The disagreements of this step (from the core's check).
    pub flagged: Vec<Disagreement>,
    /// Where "why?" goes (an explanation of the trainer's organisation).
    pub onaction: Callback<Action>,
}

/// Whether the core flagged the expectation at `path` (or anything under it).
fn is_flagged(flagged: &[Disagreement], path: &str) -> bool {
    flagged.iter().any(|d| {
        d.path == path
            || d.path
                .strip_prefix(path)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    })
}

/// The step.
#[component]
pub fn ScenarioStepView(props: &ScenarioStepViewProps) -> Html {
    let lang = use_lang();
    let trainer = &props.trainer;
    let Some(step) = trainer.file.steps.get(props.index) else {
        return html! {};
    };
    let org = trainer.org.clone();
    let now = trainer.file.now.as_deref().and_then(Instant::parse);
    let base = format!("steps[{}]", props.index);
    let onexplain = props
        .onaction
        .reform(|r: Request| Action::Explain(r, OrgSource::Trainer));
    let simulation = (!step.changes.is_empty()).then(|| org.simulate(&step.changes, now, lang));
    let after: Shared<Organisation> = if step.changes.is_empty() {
        org.clone()
    } else {
        org.with_changes(&step.changes)
            .map(Shared::new)
            .unwrap_or_else(|_| org.clone())
    };
    let checks = step.expect.decisions.iter().enumerate().map(|(j, d)| {
        let mut request = Request::new(
            d.principal.as_deref().unwrap_or(&step.secretary),
            &d.action,
            d.resource.as_deref(),
        );
        request.now = trainer.file.now.clone();
        let wrong = is_flagged(&props.flagged, &format!("{base}.expect.decisions[{j}]"));
        let expect = if d.decision == Effect::Allow { "allow" } else { "deny" };
        match after.explain(&request, lang) {
            Ok(x) => {
                let allow = x.decision.decision == Effect::Allow;
                html! {
                    <li class={classes!("check-card", "scenario-check", if allow { "is-allow" } else { "is-deny" }, if wrong { "is-wrong" } else { "is-right" })}
                        data-expect={expect} data-wrong={wrong.to_string()}>
                        <p class="check-head">
                            <span class={classes!("verdict-chip", if allow { "allow" } else { "deny" })}>
                                { if allow { icons::check() } else { icons::cross() } }
                                { if allow { lang.pick("Autorisé", "Allowed") } else { lang.pick("Refusé", "Denied") } }
                            </span>
                            <span class="who">{ model::person_name(after.file(), &request.principal) }</span>
                            <code>{ request.action.clone() }</code>
                            if let Some(r) = request.resource.clone() { <code>{ r }</code> }
                        </p>
                        if wrong {
                            <p class="expected-wrong" data-testid="expected-wrong">
                                { icons::warning() }
                                { lang.pick("Le formateur attend : ", "The trainer expects: ") }
                                <strong>{ if d.decision == Effect::Allow { lang.pick("autorisé", "allowed") } else { lang.pick("refusé", "denied") } }</strong>
                            </p>
                        }
                        <ul class="reasons">{ for x.decision.reasons.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
                    </li>
                }
            }
            Err(e) => html! { <li class="check-card scenario-check is-wrong" data-wrong="true">{ e.to_string() }</li> },
        }
    });
    let requests = match &simulation {
        Some(Ok(sim)) => html! {
            <section class="card">
                <h3>{ lang.pick("La demande que le moteur rédige", "The request the engine writes") }</h3>
                <ChangeRequests requests={sim.requests.clone()} />
            </section>
        },
        Some(Err(refused)) => html! {
            <ul class="banner banner-error">{ for refused.problems().iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
        },
        None => html! {},
    };
    let disagreements = (!props.flagged.is_empty()).then(|| html! {
        <section class="card disagreements" data-testid="step-disagreements">
            <h3>{ icons::warning() }{ lang.pick("Le moteur n'est pas d'accord", "The engine disagrees") }</h3>
            <ul>{ for props.flagged.iter().map(|d| html! {
                <li data-path={d.path.clone()}><code>{ d.path.clone() }</code>{ " " }{ d.message.clone() }</li>
            }) }</ul>
        </section>
    });
    let view_org = if org.file().people.iter().any(|p| p.id == step.secretary) {
        org.clone()
    } else {
        after.clone()
    };
    let live = live_view(step, &view_org, now, lang, onexplain);
    html! {
        <article class="scenario" data-testid="scenario" data-scenario={step.id.clone()}>
            <p class="eyebrow">{ format!("{} {}/{}", lang.pick("Scénario", "Scenario"), props.index + 1, trainer.file.steps.len()) }</p>
            <h2 class="question">{ step.question.get(lang).to_owned() }</h2>
            { disagreements }
            if !step.expect.decisions.is_empty() {
                <section class="card">
                    <h3>{ lang.pick("Ce que le moteur décide", "What the engine decides") }</h3>
                    <ul class="checks" data-testid="scenario-checks">{ for checks }</ul>
                </section>
            }
            { requests }
            <details class="answer card">
                <summary>{ lang.pick("Réponse commentée", "Commented answer") }</summary>
                <p>{ step.commentary.get(lang).to_owned() }</p>
            </details>
            // On paper a closed <details> prints nothing: the handout gets the answer as a block.
            <section class="answer-print card" aria-hidden="true">
                <h3>{ lang.pick("Réponse commentée", "Commented answer") }</h3>
                <p>{ step.commentary.get(lang).to_owned() }</p>
            </section>
            <section class="live">
                <h3>{ lang.pick("Vue en direct", "Live view") }
                    <span class="muted small">{ " — " }{ model::person_name(view_org.file(), &step.secretary) }</span>
                </h3>
                { live }
            </section>
        </article>
    }
}

fn live_view(
    step: &ScenarioStep,
    org: &Shared<Organisation>,
    now: Option<Instant>,
    lang: Lang,
    onexplain: Callback<Request>,
) -> Html {
    let highlight = Shared::new(
        step.expect
            .decisions
            .iter()
            .map(|d| model::gate_key(&d.action, d.resource.as_deref()))
            .collect(),
    );
    if step.focus == Focus::Report {
        let asked = step
            .expect
            .decisions
            .iter()
            .find(|d| d.action == "dcc.report.secretaries");
        let reader = asked.and_then(|d| d.principal.as_deref());
        let doctor = asked
            .and_then(|d| d.resource.as_deref())
            .and_then(|r| r.strip_prefix("doctor:"));
        // The report as the scenario's reader may read it (D8); a step without one shows nothing.
        let Some(reader) = reader else {
            return html! {};
        };
        return match org.report(reader, doctor, now, lang) {
            Ok(rows) => html! {
                <table class="report">
                    <thead><tr>
                        <th scope="col">{ "Secrétaire" }</th><th scope="col">{ "Médecin" }</th><th scope="col">{ "RPPS Médecin" }</th>
                    </tr></thead>
                    <tbody>{ for rows.iter().map(|r| html! {
                        <tr><td>{ r.secretary.clone() }</td><td>{ r.doctor.clone() }</td><td>{ r.rpps.clone() }</td></tr>
                    }) }</tbody>
                </table>
            },
            Err(e) => {
                html! { <p class="banner banner-error">{ lang.pick("Rapport refusé — ", "Report refused — ") }{ e.to_string() }</p> }
            }
        };
    }
    let Some(view) = org.view(&step.secretary, now, lang).map(Shared::new) else {
        return html! {};
    };
    let gating = Gating {
        view,
        ghosts: true,
        onexplain,
        highlight,
        deltas: Shared::new(BTreeMap::new()),
    };
    html! {
        <div class="mocks">
            if matches!(step.focus, Focus::Practice | Focus::Both) {
                <PracticeApp gating={gating.clone()} />
            }
            if matches!(step.focus, Focus::Dcc | Focus::Both) {
                <DccApp gating={gating} org={org.clone()} />
            }
        </div>
    }
}
