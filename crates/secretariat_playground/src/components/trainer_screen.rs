//! Trainer mode: a scenario file — the built-in one on the demo, or a trainer's own
//! (`secretariat-scenarios/1`, dropped or picked). The core checks every expected answer when the
//! file opens; the screen says where the engine disagrees before the class does, then walks the
//! steps. Printed, a step is a handout (web/playground.css, `@media print`).

use yew::prelude::*;

use crate::browser;
use crate::components::drop_zone::DropZone;
use crate::components::icons;
use crate::components::import_zone::read_first;
use crate::components::scenario_step::ScenarioStepView;
use crate::hooks::use_lang;
use crate::state::{Action, TrainerMode};

/// Trainer mode's state, and where actions go.
#[derive(Properties, PartialEq)]
pub struct TrainerScreenProps {
    /// The scenario file, the last error, the scenario shown.
    pub trainer: TrainerMode,
    /// The reducer's dispatcher.
    pub onaction: Callback<Action>,
}

/// The trainer screen.
#[component]
pub fn TrainerScreen(props: &TrainerScreenProps) -> Html {
    let lang = use_lang();
    let onaction = &props.onaction;
    let trainer = props.trainer.scenarios.clone();
    let report = {
        let trainer = trainer.clone();
        use_memo((trainer, lang), |(t, lang)| t.check(*lang))
    };
    let steps = &trainer.file.steps;
    let index = props.trainer.scenario.min(steps.len().saturating_sub(1));
    let onfiles =
        read_first(onaction.reform(
            |(name, text): (String, Result<String, String>)| match text {
                Ok(text) => Action::OpenScenarios { name, text },
                Err(e) => Action::Unreadable {
                    scenarios: true,
                    name,
                    message: e,
                },
            },
        ));
    let onbuiltin = onaction.reform(|_: MouseEvent| Action::BuiltinScenarios);
    let onprint = Callback::from(|_: MouseEvent| browser::print());
    let list = steps.iter().enumerate().map(|(i, s)| {
        let onclick = onaction.reform(move |_: MouseEvent| Action::OpenScenario(i));
        let wrong = report.disagreements.iter().any(|d| d.step == s.id);
        html! {
            <li>
                <button type="button" class={classes!("scenario-link", (i == index).then_some("is-current"), wrong.then_some("is-wrong"))}
                    aria-current={(i == index).then_some("true")} onclick={onclick} data-testid={format!("scenario-{}", s.id)}>
                    <span class="scenario-num">{ i + 1 }</span>{ s.title.get(lang).to_owned() }
                    if wrong {
                        <span class="pill pill-bad" title={lang.pick("Le moteur n'est pas d'accord", "The engine disagrees")}>{ icons::warning() }</span>
                    }
                </button>
            </li>
        }
    });
    let flagged: Vec<_> = steps
        .get(index)
        .map(|s| {
            report
                .disagreements
                .iter()
                .filter(|d| d.step == s.id)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let summary = if report.disagreements.is_empty() {
        html! {
            <p class="banner banner-ok" role="status" data-testid="scenarios-agree">
                { icons::check() }
                { format!("{} {} {}", lang.pick("Les", "All"), report.expectations, lang.pick(
                    "réponses attendues sont celles du moteur.",
                    "expected answers are the engine's.",
                )) }
            </p>
        }
    } else {
        html! {
            <div class="banner banner-error" role="alert" data-testid="scenarios-disagree">
                <p><strong>{ format!("{} / {} ", report.disagreements.len(), report.expectations) }</strong>{ lang.pick(
                    "réponses attendues ne sont pas celles du moteur : corrigez le fichier avant la séance.",
                    "expected answers are not the engine's: fix the file before the class.",
                ) }</p>
                <ul>{ for report.disagreements.iter().map(|d| html! {
                    <li data-step={d.step.clone()}><code>{ d.path.clone() }</code>{ " " }{ d.message.clone() }</li>
                }) }</ul>
            </div>
        }
    };
    html! {
        <>
            <div class="screen-head">
                <h1>{ lang.pick("Mode formateur", "Trainer mode") }</h1>
                <p class="lead" data-testid="scenarios-title">
                    <strong>{ trainer.file.title.get(lang).to_owned() }</strong>
                    { " — " }{ trainer.name.clone().unwrap_or_else(|| lang.pick("scénarios intégrés", "built-in scenarios").to_owned()) }
                    { " · " }{ trainer.org.name().to_owned() }
                </p>
            </div>
            <div class="scenario-open">
                <DropZone onfiles={onfiles} accept=".json,application/json" testid="scenarios-dropzone" input_testid="scenarios-file"
                    pick={lang.pick("Ouvrir un fichier de scénarios…", "Open a scenario file…")}>
                    <p>{ lang.pick("Déposez ici un fichier de scénarios ", "Drop a scenario file here ") }<code>{ "secretariat-scenarios/1" }</code></p>
                </DropZone>
                <div class="toolbar">
                    if trainer.name.is_some() {
                        <button type="button" class="btn" onclick={onbuiltin} data-testid="scenarios-builtin">{ lang.pick("Revenir aux scénarios intégrés", "Back to the built-in scenarios") }</button>
                    }
                    <button type="button" class="btn" onclick={onprint} data-testid="scenarios-print">{ lang.pick("Imprimer (support de cours)", "Print (handout)") }</button>
                </div>
                if let Some(e) = props.trainer.error.clone() {
                    <p class="banner banner-error" role="alert" data-testid="scenarios-error">{ e }</p>
                }
                { summary }
            </div>
            <div class="trainer">
                <nav class="scenario-nav" aria-label={lang.pick("Scénarios", "Scenarios")}>
                    <ol>{ for list }</ol>
                </nav>
                <ScenarioStepView trainer={trainer.clone()} index={index} flagged={flagged} onaction={onaction.clone()} />
            </div>
        </>
    }
}
