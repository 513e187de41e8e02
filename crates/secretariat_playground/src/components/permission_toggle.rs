//! One module permission in the edit panel: its French label, the vendor's recommendation level, the
//! seed's danger or warning text, and its own validity window.

use secretariat_core::Recommendation;
use yew::prelude::*;

use crate::browser;
use crate::components::permission_warning::{rec_class, PermissionWarning};
use crate::components::window_fields::WindowFields;
use crate::hooks::use_lang;
use crate::model::{PermissionForm, Window};

/// The permission as written, and where edits go.
#[derive(Properties, PartialEq)]
pub struct PermissionToggleProps {
    /// As written in the access.
    pub form: PermissionForm,
    /// Whose account, for accessible names and test ids.
    pub doctor: AttrValue,
    /// Called with the wanted state when toggled.
    pub ontoggle: Callback<bool>,
    /// Called with a new window.
    pub onwindow: Callback<Window>,
}

/// A permission checkbox with its recommendation and warning.
#[component]
pub fn PermissionToggle(props: &PermissionToggleProps) -> Html {
    let lang = use_lang();
    let p = props.form.permission;
    let onchange = {
        let ontoggle = props.ontoggle.clone();
        Callback::from(move |e: Event| ontoggle.emit(browser::checked(&e)))
    };
    let level = p.recommendation();
    let level_class = rec_class(level);
    let warning = html! { <PermissionWarning permission={p} /> };
    html! {
        <li class={classes!("perm", props.form.granted.then_some("is-on"))}>
            <div class="perm-row">
                <label class="perm-label">
                    <input type="checkbox" checked={props.form.granted} onchange={onchange}
                        data-testid={format!("perm-{}-{}", props.doctor, p.id())} />
                    <span>{ p.label(lang) }</span>
                </label>
                <span class={classes!("rec", level_class)}>{ level.label(lang) }</span>
            </div>
            <p class="perm-desc">{ p.description(lang) }</p>
            if props.form.granted && level != Recommendation::Recommended {
                { warning.clone() }
            } else if level == Recommendation::Sensitive {
                { warning }
            }
            if props.form.granted {
                <details class="perm-window" open={props.form.window.is_bounded()}>
                    <summary>{ lang.pick("Période de validité", "Validity window") }</summary>
                    <WindowFields window={props.form.window.clone()} onchange={props.onwindow.clone()}
                        what={format!("{} ({})", p.label(lang), props.doctor)} />
                </details>
            }
        </li>
    }
}
