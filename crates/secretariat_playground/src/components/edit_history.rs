//! The list of edits applied to the base file, in words, with undo, redo and discard.

use yew::prelude::*;

use crate::components::icons;
use crate::hooks::use_app;
use crate::model;
use crate::state::Action;

/// The history takes everything from the shared state.
#[derive(Properties, PartialEq)]
pub struct EditHistoryProps {}

/// The edit history.
#[component]
pub fn EditHistory(_props: &EditHistoryProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let file = app.current.file();
    let dispatch = |a: Action| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(a.clone()))
    };
    html! {
        <div class="history" data-testid="history">
            if app.changes.is_empty() {
                <p class="muted small">{ lang.pick("Aucune modification pour l'instant.", "No edit yet.") }</p>
            } else {
                <ol class="history-list">
                    { for app.changes.iter().map(|c| html! { <li>{ model::describe(c, file, lang) }</li> }) }
                </ol>
            }
            <div class="toolbar">
                <button type="button" class="btn btn-small" onclick={dispatch(Action::Undo)} disabled={app.changes.is_empty()}>
                    { icons::undo() }{ lang.pick("Annuler", "Undo") }
                </button>
                <button type="button" class="btn btn-small" onclick={dispatch(Action::Redo)} disabled={app.undone.is_empty()}>
                    { icons::redo() }{ lang.pick("Rétablir", "Redo") }
                </button>
                <button type="button" class="btn btn-small btn-danger" onclick={dispatch(Action::DiscardEdits)} disabled={app.changes.is_empty()} data-testid="discard">
                    { lang.pick("Tout annuler", "Discard all") }
                </button>
            </div>
        </div>
    }
}
