//! A validity window (B1) as two date fields: from the start of the first day to the end of the last.

use yew::prelude::*;

use crate::browser;
use crate::hooks::use_lang;
use crate::model::{self, Window};

/// The window and where to send a new one.
#[derive(Properties, PartialEq)]
pub struct WindowFieldsProps {
    /// The window as written.
    pub window: Window,
    /// Called with the new window when a field changes.
    pub onchange: Callback<Window>,
    /// What the window is of, for the fields' accessible names.
    pub what: AttrValue,
}

/// Two date fields, "from" and "until".
#[component]
pub fn WindowFields(props: &WindowFieldsProps) -> Html {
    let lang = use_lang();
    let field = |end: bool| {
        let window = props.window.clone();
        let onchange = props.onchange.clone();
        Callback::from(move |e: Event| {
            let value = browser::value(&e);
            let t = model::from_date_field(&value, end);
            let mut w = window.clone();
            if end {
                w.until = t;
            } else {
                w.from = t;
            }
            onchange.emit(w);
        })
    };
    html! {
        <span class="window-fields">
            <label>
                <span>{ lang.pick("Du", "From") }</span>
                <input type="date" value={model::date_field(props.window.from.as_deref())} onchange={field(false)}
                    aria-label={format!("{} — {}", props.what, lang.pick("début de validité", "valid from"))} />
            </label>
            <label>
                <span>{ lang.pick("au", "until") }</span>
                <input type="date" value={model::date_field(props.window.until.as_deref())} onchange={field(true)}
                    aria-label={format!("{} — {}", props.what, lang.pick("fin de validité", "valid until"))} />
            </label>
        </span>
    }
}
