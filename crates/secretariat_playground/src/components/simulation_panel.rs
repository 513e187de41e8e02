//! Before/after, from the engine's simulation of the edits: per affected secretary what she gains
//! (green) and loses (red) with the counts, the findings added and removed, and the change requests.

use secretariat_core::{Entitlement, Tally};
use yew::prelude::*;

use crate::components::change_requests::ChangeRequests;
use crate::components::edit_history::EditHistory;
use crate::components::findings_list::FindingsList;
use crate::hooks::use_simulation;
use crate::state::{Action, Ui, Work};

/// The edits to simulate, at which date and in which language, and where the history's buttons go.
#[derive(Properties, PartialEq)]
pub struct SimulationPanelProps {
    /// Base, edits and result.
    pub work: Work,
    /// Date and language.
    pub ui: Ui,
    /// The reducer's dispatcher (the history's undo, redo, discard).
    pub onaction: Callback<Action>,
}

fn count_cell(before: usize, after: usize) -> Html {
    let class = match after.cmp(&before) {
        std::cmp::Ordering::Greater => "up",
        std::cmp::Ordering::Less => "down",
        std::cmp::Ordering::Equal => "same",
    };
    html! {
        <td class={classes!("count", class)}>
            if before == after { { after } } else { { format!("{before} → {after}") } }
        </td>
    }
}

fn entitlements(list: &[Entitlement], class: &'static str, sign: &'static str) -> Html {
    html! {
        <ul class={classes!("delta-list", class)}>
            { for list.iter().map(|e| html! {
                <li data-action={e.action.clone()} data-resource={e.resource.clone().unwrap_or_default()}>
                    <span class="sign" aria-hidden="true">{ sign }</span>{ e.label.clone() }
                </li>
            }) }
        </ul>
    }
}

/// The simulation panel.
#[component]
pub fn SimulationPanel(props: &SimulationPanelProps) -> Html {
    let SimulationPanelProps { work, ui, onaction } = props;
    let lang = ui.lang;
    let simulation = use_simulation(work, ui);
    let refused = work.edit_error.as_ref().map(|problems| html! {
        <div class="banner banner-error" role="alert" data-testid="edit-error">
            <p>{ lang.pick("Modification refusée :", "Edit refused:") }</p>
            <ul>{ for problems.iter().map(|p| html! { <li><code>{ p.path.clone() }</code>{ " " }{ p.message.clone() }</li> }) }</ul>
        </div>
    });
    let body = match simulation.as_ref() {
        Err(refused) => html! {
            <ul class="banner banner-error">{ for refused.problems().iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
        },
        Ok(sim) => {
            let tally_row = |label: &str, f: fn(&Tally) -> usize, b: &Tally, a: &Tally| {
                html! {
                    <tr><th scope="row">{ label.to_owned() }</th>{ count_cell(f(b), f(a)) }</tr>
                }
            };
            html! {
                <>
                    <section class="card" data-testid="diff">
                        <h2>{ lang.pick("Avant / après", "Before / after") }</h2>
                        if sim.affected.is_empty() {
                            <p class="muted">{ lang.pick(
                                "Aucune vue ne change. Modifiez un réglage : le moteur compare chaque secrétaire concernée avant et après.",
                                "No view changes. Edit a setting: the engine compares every secretary concerned before and after.",
                            ) }</p>
                        }
                        { for sim.affected.iter().map(|d| html! {
                            <article class="affected" data-secretary={d.secretary.id.clone()}>
                                <h3>{ d.secretary.name.clone() }</h3>
                                <table class="tally">
                                    <tbody>
                                        { tally_row(lang.pick("Droits effectifs (cabinet)", "Permissions in effect (practice)"), |t| t.permissions, &d.count_before, &d.count_after) }
                                        { tally_row(lang.pick("RCP (agenda, déroulement)", "RCPs (agenda, déroulement)"), |t| t.rcps, &d.count_before, &d.count_after) }
                                        { tally_row(lang.pick("Dossiers visibles", "Visible dossiers"), |t| t.dossiers, &d.count_before, &d.count_after) }
                                    </tbody>
                                </table>
                                if !d.gained.is_empty() {
                                    <h4 class="gained-title">{ lang.pick("Gagne", "Gains") }{ format!(" ({})", d.gained.len()) }</h4>
                                    { entitlements(&d.gained, "gained", "+") }
                                }
                                if !d.lost.is_empty() {
                                    <h4 class="lost-title">{ lang.pick("Perd", "Loses") }{ format!(" ({})", d.lost.len()) }</h4>
                                    { entitlements(&d.lost, "lost", "−") }
                                }
                                if d.gained.is_empty() && d.lost.is_empty() {
                                    <p class="muted small">{ lang.pick("Rien ne change dans ce qu'elle voit.", "Nothing changes in what she sees.") }</p>
                                }
                            </article>
                        }) }
                    </section>
                    <section class="card">
                        <h2>{ lang.pick("Demandes à envoyer", "Requests to send") }</h2>
                        <ChangeRequests requests={sim.requests.clone()} />
                    </section>
                    <section class="card" data-testid="findings-diff">
                        <h2>{ lang.pick("Constats", "Findings") }</h2>
                        <h3>{ lang.pick("Ajoutés", "Added") }</h3>
                        <FindingsList findings={sim.findings_added.clone()} class={classes!("added")}
                            empty={lang.pick("Aucun constat ajouté.", "No finding added.")} />
                        <h3>{ lang.pick("Résolus", "Resolved") }</h3>
                        <FindingsList findings={sim.findings_removed.clone()} class={classes!("removed")}
                            empty={lang.pick("Aucun constat résolu.", "No finding resolved.")} />
                    </section>
                </>
            }
        }
    };
    html! {
        <div class="simulation-panel">
            { refused }
            { body }
            <section class="card">
                <h2>{ lang.pick("Historique des modifications", "Edit history") }</h2>
                <EditHistory work={work.clone()} onaction={onaction.clone()} />
            </section>
        </div>
    }
}
