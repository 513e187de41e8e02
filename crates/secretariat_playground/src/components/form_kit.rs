//! What the "Construire" forms share: a callback that writes one field of a draft, and the submit
//! button that hands the draft's changes to the core.

use std::rc::Rc;

use secretariat_core::Change;
use yew::prelude::*;

use crate::hooks::AppHandle;
use crate::state::Action;

/// A callback writing the typed text into one field of the draft.
pub fn field<T: Clone + 'static>(
    draft: &UseStateHandle<T>,
    set: fn(&mut T, String),
) -> Callback<String> {
    let draft = draft.clone();
    Callback::from(move |v: String| {
        let mut d = (*draft).clone();
        set(&mut d, v);
        draft.set(d);
    })
}

/// A callback changing the draft in place (checkboxes, selects).
pub fn update<T: Clone + 'static, A: 'static>(
    draft: &UseStateHandle<T>,
    f: impl Fn(&mut T, A) + 'static,
) -> Callback<A> {
    let draft = draft.clone();
    let f = Rc::new(f);
    Callback::from(move |a: A| {
        let mut d = (*draft).clone();
        f(&mut d, a);
        draft.set(d);
    })
}

/// On submit: the changes the draft makes, applied as one edit by the core (all or none).
pub fn submit(app: &AppHandle, changes: impl Fn() -> Vec<Change> + 'static) -> Callback<SubmitEvent> {
    let app = app.clone();
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        app.dispatch(Action::EditAll(changes()));
    })
}
