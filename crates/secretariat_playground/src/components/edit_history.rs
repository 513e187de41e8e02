//! The list of edits applied to the base file, in words, with undo, redo and discard.

use yew::prelude::*;

use crate::components::icons;
use crate::hooks::use_lang;
use crate::model;
use crate::state::{Action, Work};

/// The edits, and where undo, redo and discard go.
#[derive(Properties, PartialEq)]
pub struct EditHistoryProps {
    /// Base, edits and result.
    pub work: Work,
    /// Called with `Undo`, `Redo` or `DiscardEdits`.
    pub onaction: Callback<Action>,
}

/// The edit history.
#[component]
pub fn EditHistory(props: &EditHistoryProps) -> Html {
    let lang = use_lang();
    let work = &props.work;
    let file = work.current.file();
    let on = |a: Action| props.onaction.reform(move |_: MouseEvent| a.clone());
    html! {
        <div class="history" data-testid="history">
            if work.changes.is_empty() {
                <p class="muted small">{ lang.pick("Aucune modification pour l'instant.", "No edit yet.") }</p>
            } else {
                <ol class="history-list">
                    { for work.changes.iter().map(|c| html! { <li>{ model::describe(c, file, lang) }</li> }) }
                </ol>
            }
            <div class="toolbar">
                <button type="button" class="btn btn-small" onclick={on(Action::Undo)} disabled={work.changes.is_empty()}>
                    { icons::undo() }{ lang.pick("Annuler", "Undo") }
                </button>
                <button type="button" class="btn btn-small" onclick={on(Action::Redo)} disabled={work.undone.is_empty()}>
                    { icons::redo() }{ lang.pick("Rétablir", "Redo") }
                </button>
                <button type="button" class="btn btn-small btn-danger" onclick={on(Action::DiscardEdits)} disabled={work.changes.is_empty()} data-testid="discard">
                    { lang.pick("Tout annuler", "Discard all") }
                </button>
            </div>
        </div>
    }
}
