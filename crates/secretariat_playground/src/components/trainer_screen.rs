//! Trainer mode: guided scenarios on the built-in demo organisation — the question, the live view
//! that answers it (hidden elements ghosted, the elements in question outlined), the engine's
//! explanation of each decision involved, and the answer to reveal.

use std::rc::Rc;

use secretariat_core::{Effect, Instant, Organisation, Request};
use yew::prelude::*;

use crate::components::change_requests::ChangeRequests;
use crate::components::dcc_app::DccApp;
use crate::components::icons;
use crate::components::practice_app::PracticeApp;
use crate::hooks::use_app;
use crate::model;
use crate::scenarios::{Focus, Scenario, SCENARIOS, SCENARIO_NOW};
use crate::state::{Action, OrgRef, OrgSource};

/// The screen takes everything from the shared state.
#[derive(Properties, PartialEq)]
pub struct TrainerScreenProps {}

/// The trainer screen.
#[component]
pub fn TrainerScreen(_props: &TrainerScreenProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let demo = app.demo.clone();
    let now = Instant::parse(SCENARIO_NOW);
    let index = app.scenario.min(SCENARIOS.len().saturating_sub(1));
    let Some(sc) = SCENARIOS.get(index) else {
        return html! {};
    };
    let onexplain = {
        let app = app.clone();
        Callback::from(move |r: Request| app.dispatch(Action::Explain(r, OrgSource::Demo)))
    };
    let list = SCENARIOS.iter().enumerate().map(|(i, s)| {
        let onclick = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::OpenScenario(i)))
        };
        html! {
            <li>
                <button type="button" class={classes!("scenario-link", (i == index).then_some("is-current"))}
                    aria-current={(i == index).then_some("true")} onclick={onclick} data-testid={format!("scenario-{}", s.id)}>
                    <span class="scenario-num">{ i + 1 }</span>{ Scenario::pick(&s.title, lang) }
                </button>
            </li>
        }
    });
    // After the scenario's edits (departure), when it has some.
    let changes = sc.changes();
    let simulation = (!changes.is_empty()).then(|| demo.simulate(&changes, now, lang));
    let after: Rc<Organisation> = if changes.is_empty() {
        demo.clone()
    } else {
        demo.with_changes(&changes)
            .map(Rc::new)
            .unwrap_or_else(|_| demo.clone())
    };
    let highlight: Rc<Vec<String>> = Rc::new(
        sc.checks
            .iter()
            .map(|c| model::gate_key(c.action, c.resource))
            .collect(),
    );
    let view = demo.view(sc.secretary, now, lang).map(Rc::new);
    let live = match (view, sc.focus) {
        (_, Focus::Report) => report_table(&demo, lang),
        (Some(view), focus) => html! {
            <div class="mocks">
                if matches!(focus, Focus::Practice | Focus::Both) {
                    <PracticeApp view={view.clone()} ghosts={true} onexplain={onexplain.clone()} highlight={highlight.clone()} />
                }
                if matches!(focus, Focus::Dcc | Focus::Both) {
                    <DccApp view={view} org={OrgRef(demo.clone())} ghosts={true} onexplain={onexplain.clone()} highlight={highlight.clone()} />
                }
            </div>
        },
        (None, _) => html! {},
    };
    let checks = sc.checks.iter().map(|c| {
        let request = sc.request(c);
        match after.explain(&request, lang) {
            Ok(x) => {
                let allow = x.decision.decision == Effect::Allow;
                let who = model::person_name(after.file(), &request.principal);
                html! {
                    <li class={classes!("check-card", if allow { "is-allow" } else { "is-deny" })}
                        data-expect={format!("{:?}", c.expect).to_lowercase()}>
                        <p class="check-head">
                            <span class={classes!("verdict-chip", if allow { "allow" } else { "deny" })}>
                                { if allow { icons::check() } else { icons::cross() } }
                                { if allow { lang.pick("Autorisé", "Allowed") } else { lang.pick("Refusé", "Denied") } }
                            </span>
                            <span class="who">{ who }</span>
                            <code>{ request.action.clone() }</code>
                            if let Some(r) = request.resource.clone() { <code>{ r }</code> }
                        </p>
                        <ul class="reasons">{ for x.decision.reasons.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
                    </li>
                }
            }
            Err(e) => html! { <li class="banner banner-error">{ e.to_string() }</li> },
        }
    });
    let requests = match simulation {
        Some(Ok(sim)) => html! {
            <section class="card">
                <h3>{ lang.pick("La demande que le moteur rédige", "The request the engine writes") }</h3>
                <ChangeRequests requests={sim.requests} />
            </section>
        },
        Some(Err(problems)) => html! {
            <ul class="banner banner-error">{ for problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
        },
        None => html! {},
    };
    html! {
        <>
            <div class="screen-head">
                <h1>{ lang.pick("Mode formateur", "Trainer mode") }</h1>
                <p class="lead">{ lang.pick(
                    "Des questions guidées sur l'organisation de démonstration, à la date du 23/11/2026. Chaque réponse vient du moteur : vue en direct, éléments masqués grisés, explications.",
                    "Guided questions on the demo organisation, as of 2026-11-23. Every answer comes from the engine: live view, hidden elements ghosted, explanations.",
                ) }</p>
            </div>
            <div class="trainer">
                <nav class="scenario-nav" aria-label={lang.pick("Scénarios", "Scenarios")}>
                    <ol>{ for list }</ol>
                </nav>
                <article class="scenario" data-testid="scenario" data-scenario={sc.id}>
                    <p class="eyebrow">{ format!("{} {}/{}", lang.pick("Scénario", "Scenario"), index + 1, SCENARIOS.len()) }</p>
                    <h2 class="question">{ Scenario::pick(&sc.question, lang) }</h2>
                    <section class="card">
                        <h3>{ lang.pick("Ce que le moteur décide", "What the engine decides") }</h3>
                        <ul class="checks" data-testid="scenario-checks">{ for checks }</ul>
                    </section>
                    { requests }
                    <details class="answer card">
                        <summary>{ lang.pick("Réponse commentée", "Commented answer") }</summary>
                        <p>{ Scenario::pick(&sc.answer, lang) }</p>
                    </details>
                    <section class="live">
                        <h3>{ lang.pick("Vue en direct", "Live view") }
                            <span class="muted small">
                                { " — " }{ model::person_name(demo.file(), sc.secretary) }
                                if sc.departure_of.is_some() {
                                    { lang.pick(", avant son départ", ", before leaving") }
                                }
                            </span>
                        </h3>
                        { live }
                    </section>
                </article>
            </div>
        </>
    }
}

fn report_table(demo: &Organisation, lang: secretariat_core::Lang) -> Html {
    match demo.report(
        "coord-caen",
        Some("dr-durand"),
        Instant::parse(SCENARIO_NOW),
        lang,
    ) {
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
            html! { <p class="banner banner-error">{ lang.pick("Rapport refusé : ", "Report refused: ") }{ e.to_string() }</p> }
        }
    }
}
