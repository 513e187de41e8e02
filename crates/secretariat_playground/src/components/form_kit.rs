//! What the "Construire" forms share: callbacks that write into a draft (a field, a checkbox, a
//! list of ids). Submitting is [`crate::hooks::use_change_form`].

use std::rc::Rc;

use secretariat_core::{Change, Organisation};
use yew::prelude::*;

use crate::state::Shared;

/// What every "Construire" form that adds to the edits takes: the organisation it adds to, its
/// revision (the draft is emptied when it changes), and where the form's changes go.
#[derive(Properties, PartialEq)]
pub struct ChangeFormProps {
    /// The working organisation.
    pub org: Shared<Organisation>,
    /// Its revision ([`crate::state::Work::rev`]).
    pub rev: u64,
    /// Called with the form's list of changes, applied as one edit.
    pub onedit: Callback<Vec<Change>>,
}

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

/// A callback for a [`ChoiceChecks`](crate::components::choice_checks::ChoiceChecks): ticks or
/// unticks an id in one list of the draft.
pub fn toggler<T: Clone + 'static>(
    draft: &UseStateHandle<T>,
    list: fn(&mut T) -> &mut Vec<String>,
) -> Callback<(String, bool)> {
    update(draft, move |d: &mut T, (id, on): (String, bool)| {
        crate::forms::toggle(list(d), &id, on)
    })
}
