//! "What she sees": both products as the selected secretary sees them, after the edits; what the
//! edits gained or lost is outlined (green, red).

use std::collections::BTreeMap;

use secretariat_core::Request;
use yew::prelude::*;

use crate::browser;
use crate::components::dcc_app::DccApp;
use crate::components::gate::Gating;
use crate::components::practice_app::PracticeApp;
use crate::components::scope_panel::ScopePanel;
use crate::components::secretary_picker::SecretaryPicker;
use crate::hooks::{use_simulation, use_view};
use crate::model;
use crate::state::{Action, OrgSource, Shared, Ui, Work};

/// The organisation worked on, what is shown, and where actions go.
#[derive(Properties, PartialEq)]
pub struct SeesScreenProps {
    /// Base, edits and result.
    pub work: Work,
    /// Secretary, language, ghosts, date.
    pub ui: Ui,
    /// The reducer's dispatcher.
    pub onaction: Callback<Action>,
}

/// The "what she sees" screen.
#[component]
pub fn SeesScreen(props: &SeesScreenProps) -> Html {
    let SeesScreenProps { work, ui, onaction } = props;
    let lang = ui.lang;
    let simulation = use_simulation(work, ui);
    let before = use_state(|| false);
    let show_before = *before && !work.changes.is_empty();
    let (org, source) = if show_before {
        (work.base.clone(), OrgSource::Base)
    } else {
        (work.current.clone(), OrgSource::Current)
    };
    let view = use_view(&org, ui.selected.clone(), ui);
    let has_view = view.is_some();
    use_effect_with(has_view, |has| {
        if *has {
            browser::mark("secretary-view");
        }
    });
    let onexplain = onaction.reform(move |r: Request| Action::Explain(r, source));
    // Inserted one by one (the last answer for a key wins, as `collect` would): collecting into
    // a B-tree sorts first, a sort monomorphised for this one map.
    let mut deltas = BTreeMap::new();
    if let (Ok(sim), Some(me), false) = (simulation.as_ref(), ui.selected.as_deref(), show_before) {
        for d in sim.affected.iter().filter(|d| d.secretary.id == me) {
            let gained = d.gained.iter().map(|e| (e, true));
            for (e, gain) in gained.chain(d.lost.iter().map(|e| (e, false))) {
                deltas.insert(model::gate_key(&e.action, e.resource.as_deref()), gain);
            }
        }
    }
    let deltas = Shared::new(deltas);
    let onbefore = {
        let before = before.clone();
        Callback::from(move |_: MouseEvent| before.set(true))
    };
    let onafter = {
        let before = before.clone();
        Callback::from(move |_: MouseEvent| before.set(false))
    };
    let body = match view {
        Some(view) => {
            let gating = Gating {
                view,
                ghosts: ui.ghosts,
                onexplain,
                highlight: Shared::new(Vec::new()),
                deltas,
            };
            html! {
            <div class="mocks" data-testid="sees-view">
                <PracticeApp gating={gating.clone()} />
                <DccApp gating={gating} org={org.clone()} />
            </div>
            }
        }
        None => html! {
            <p class="empty">{ lang.pick("Aucune secrétaire dans cette organisation.", "No secretary in this organisation.") }</p>
        },
    };
    html! {
        <>
            <div class="screen-head">
                <h1>{ lang.pick("Ce qu'elle voit", "What she sees") }</h1>
                <p class="lead">{ lang.pick(
                    "Les deux produits tels que la secrétaire les voit. Cliquez sur n'importe quel élément, visible ou masqué, pour savoir pourquoi.",
                    "Both products as the secretary sees them. Click any element, shown or hidden, to learn why.",
                ) }</p>
            </div>
            <SecretaryPicker org={work.current.clone()} selected={ui.selected.clone()} onselect={onaction.reform(Action::Select)}
                ghosts={Some(ui.ghosts)} onghosts={onaction.reform(Action::SetGhosts)} />
            if !work.changes.is_empty() {
                <div class="banner banner-info before-after">
                    <div class="segmented" role="group" aria-label={lang.pick("Avant ou après vos modifications", "Before or after your edits")}>
                        <button type="button" aria-pressed={(!show_before).to_string()} onclick={onafter} data-testid="show-after">
                            { lang.pick("Après", "After") }
                        </button>
                        <button type="button" aria-pressed={show_before.to_string()} onclick={onbefore} data-testid="show-before">
                            { lang.pick("Avant", "Before") }
                        </button>
                    </div>
                    <span>{ if show_before {
                        lang.pick("Vue avant vos modifications.", "View before your edits.")
                    } else {
                        lang.pick(
                            "Vue après vos modifications : en vert ce qu'elle gagne, en rouge ce qu'elle perd (affichez les éléments masqués pour voir les pertes).",
                            "View after your edits: green is what she gains, red what she loses (show hidden elements to see losses).",
                        )
                    } }</span>
                </div>
            }
            { body }
            <ScopePanel org={work.current.clone()} secretary={ui.selected.clone()} />
        </>
    }
}
