//! The playground's hooks: the page's language, persistence, shortcuts and links, the engine's
//! answers memoised on what they are computed from, and the "Construire" forms' drafts.

use std::rc::Rc;

use secretariat_core::{ApplyError, Change, Finding, Lang, Organisation, Simulation, View};
use yew::prelude::*;

use crate::browser;
use crate::state::{Action, Shared, State, Ui, Work};

/// The state handle `App` holds; components receive the parts they show and `on*` callbacks.
pub type AppHandle = UseReducerHandle<State>;

/// The page's language, provided by `App` as a context: like a theme, every label reads it, and
/// threading it through every component's props would only add noise. The one context of the
/// playground.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// Keeps the working state in local storage whenever something worth keeping changes — only with
/// the user's consent; without it (or when it is withdrawn) nothing is kept.
#[hook]
pub fn use_persist(app: &AppHandle) {
    let key = (
        app.work.rev,
        app.ui.selected.clone(),
        app.ui.lang,
        app.ui.screen,
        app.ui.ghosts,
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

/// The simulation of the edits against the base (memoised on the edits, date and language;
/// nothing to compute without edits).
#[hook]
pub fn use_simulation(work: &Work, ui: &Ui) -> Rc<Result<Simulation, ApplyError>> {
    let deps = (work.rev, ui.now.clone(), ui.lang);
    let work = work.clone();
    let now = ui.instant();
    use_memo(deps, move |&(_, _, lang)| {
        if work.changes.is_empty() {
            return Ok(Simulation {
                affected: Vec::new(),
                findings_added: Vec::new(),
                findings_removed: Vec::new(),
                requests: Vec::new(),
            });
        }
        work.base.simulate(&work.changes, now, lang)
    })
}

/// The engine's findings on the working organisation (memoised like the simulation).
#[hook]
pub fn use_findings(work: &Work, ui: &Ui) -> Rc<Vec<Finding>> {
    let deps = (work.current.clone(), ui.now.clone(), ui.lang);
    let now = ui.instant();
    use_memo(deps, move |(org, _, lang)| org.findings(now, *lang))
}

/// What secretary `id` sees in `org` (memoised on the organisation, the secretary, the date and
/// the language: a render for any other reason reuses it).
#[hook]
pub fn use_view(org: &Shared<Organisation>, id: Option<String>, ui: &Ui) -> Option<Shared<View>> {
    let deps = (org.clone(), id, ui.now.clone(), ui.lang);
    let now = ui.instant();
    let view = use_memo(deps, move |(org, id, _, lang)| {
        id.as_deref()
            .and_then(|id| org.view(id, now, *lang))
            .map(Shared::new)
    });
    (*view).clone()
}

/// Reads a shared link pasted into the address bar of an open page (only the fragment changes, so
/// the page does not reload): it is offered, and replaces the working state only when accepted.
#[hook]
pub fn use_shared_links(onaction: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener =
            browser::on_hash_change(move || match crate::share::decode(&browser::fragment()) {
                Ok(Some(link)) => {
                    browser::clear_fragment();
                    onaction.emit(Action::OfferLink(Box::new(link)));
                }
                Ok(None) => {}
                Err(e) => {
                    browser::clear_fragment();
                    onaction.emit(Action::LinkError(e));
                }
            });
        move || drop(listener)
    });
}

/// Ctrl+Z undoes the last edit, Ctrl+Y or Ctrl+Shift+Z redoes it — except while typing in a field.
#[hook]
pub fn use_undo_shortcuts(onaction: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener = browser::on_key_down(move |e| {
            if !(e.ctrl_key() || e.meta_key()) || browser::typing() {
                return;
            }
            let action = match (e.key().to_lowercase().as_str(), e.shift_key()) {
                ("z", false) => Action::Undo,
                ("z", true) | ("y", _) => Action::Redo,
                _ => return,
            };
            e.prevent_default();
            onaction.emit(action);
        });
        move || drop(listener)
    });
}

/// A form's draft, emptied whenever the organisation changes (after a form's changes were
/// applied, a blank organisation, an import, an undo): a refused list keeps what was typed.
#[hook]
pub fn use_draft<T: Default + 'static>(rev: u64) -> UseStateHandle<T> {
    let draft = use_state(T::default);
    {
        let draft = draft.clone();
        use_effect_with(rev, move |_| draft.set(T::default()));
    }
    draft
}

/// A "Construire" form over `org`: the form's draft (emptied when the organisation changes), and
/// the submit callback that hands the draft's changes to `onedit` as one edit.
#[hook]
pub fn use_change_form<T: crate::forms::Draft>(
    org: &Shared<Organisation>,
    rev: u64,
    onedit: &Callback<Vec<Change>>,
) -> (UseStateHandle<T>, Callback<SubmitEvent>) {
    let draft = use_draft::<T>(rev);
    let onsubmit = {
        let org = org.clone();
        let draft = draft.clone();
        let onedit = onedit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            onedit.emit(draft.changes(org.file()));
        })
    };
    (draft, onsubmit)
}
