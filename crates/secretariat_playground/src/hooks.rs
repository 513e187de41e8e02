//! The playground's hooks: the shared state handle and its persistence.

use std::rc::Rc;

use secretariat_core::{Finding, Problem, Simulation};
use wasm_bindgen::JsCast as _;
use yew::prelude::*;

use crate::browser;
use crate::state::State;

/// The state handle every component reads and dispatches to.
pub type AppHandle = UseReducerHandle<State>;

/// The shared state (provided by `App`).
#[hook]
pub fn use_app() -> AppHandle {
    #[expect(
        clippy::expect_used,
        reason = "every component is rendered under App's context provider"
    )]
    let app = use_context::<AppHandle>().expect("components are rendered inside App");
    app
}

/// Keeps the working state in local storage whenever something worth keeping changes — only with
/// the user's consent; without it (or when it is withdrawn) nothing is kept.
#[hook]
pub fn use_persist(app: &AppHandle) {
    let key = (
        app.rev,
        app.selected.clone(),
        app.lang,
        app.screen,
        app.ghosts,
        app.share.keep,
    );
    let app = app.clone();
    use_effect_with(key, move |_| {
        if app.share.keep {
            browser::save(&app.saved());
        } else {
            browser::forget();
        }
    });
}

/// The simulation of the current edits against the base (memoised on the edits, date and language;
/// nothing to compute without edits).
#[hook]
pub fn use_simulation(app: &AppHandle) -> Rc<Result<Simulation, Vec<Problem>>> {
    let deps = (app.rev, app.now.clone(), app.lang);
    let app = app.clone();
    use_memo(deps, move |_| {
        if app.changes.is_empty() {
            return Ok(Simulation {
                affected: Vec::new(),
                findings_added: Vec::new(),
                findings_removed: Vec::new(),
                requests: Vec::new(),
            });
        }
        app.base.simulate(&app.changes, app.instant(), app.lang)
    })
}

/// The engine's findings on the working organisation (memoised like the simulation).
#[hook]
pub fn use_findings(app: &AppHandle) -> Rc<Vec<Finding>> {
    let deps = (app.rev, app.now.clone(), app.lang);
    let app = app.clone();
    use_memo(deps, move |_| app.current.findings(app.instant(), app.lang))
}

/// Reads a shared link pasted into the address bar of an open page (only the fragment changes, so
/// the page does not reload): it is offered, and replaces the working state only when accepted.
#[hook]
pub fn use_shared_links(app: &AppHandle) {
    let app = app.clone();
    use_effect_with((), move |_| {
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                let fragment = browser::fragment();
                match crate::share::decode(&fragment) {
                    Ok(Some(link)) => {
                        browser::clear_fragment();
                        app.dispatch(crate::state::Action::OfferLink(Box::new(link)));
                    }
                    Ok(None) => {}
                    Err(e) => {
                        browser::clear_fragment();
                        app.dispatch(crate::state::Action::LinkError(e));
                    }
                }
            });
        move || drop(listener)
    });
}

/// Ctrl+Z undoes the last edit, Ctrl+Y or Ctrl+Shift+Z redoes it — except while typing in a field.
#[hook]
pub fn use_undo_shortcuts(app: &AppHandle) {
    let app = app.clone();
    use_effect_with((), move |_| {
        let listener =
            gloo::events::EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if !(e.ctrl_key() || e.meta_key()) {
                    return;
                }
                let typing = gloo::utils::document().active_element().is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
                if typing {
                    return;
                }
                let action = match (e.key().to_lowercase().as_str(), e.shift_key()) {
                    ("z", false) => crate::state::Action::Undo,
                    ("z", true) | ("y", _) => crate::state::Action::Redo,
                    _ => return,
                };
                e.prevent_default();
                app.dispatch(action);
            });
        move || drop(listener)
    });
}

/// A form's draft, emptied whenever the organisation changes (after a form's changes were
/// applied, a blank organisation, an import, an undo): a refused list keeps what was typed.
#[hook]
pub fn use_draft<T: Default + 'static>(app: &AppHandle) -> UseStateHandle<T> {
    let draft = use_state(T::default);
    {
        let draft = draft.clone();
        use_effect_with(app.rev, move |_| draft.set(T::default()));
    }
    draft
}

/// A "Construire" form: the shared state, the form's draft (emptied when the organisation changes),
/// and the submit callback that hands the draft's changes to the core as one edit.
#[hook]
pub fn use_change_form<T: crate::forms::Draft>(
) -> (AppHandle, UseStateHandle<T>, Callback<SubmitEvent>) {
    let app = use_app();
    let draft = use_draft::<T>(&app);
    let onsubmit = {
        let app = app.clone();
        let draft = draft.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let changes = draft.changes(app.current.file());
            app.dispatch(crate::state::Action::EditAll(changes));
        })
    };
    (app, draft, onsubmit)
}
