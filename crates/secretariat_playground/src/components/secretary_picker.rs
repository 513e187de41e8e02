//! Choosing whose view to show, with what the file says about her account at a glance.

use secretariat_core::file::{Category, Status};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::hooks::use_app;
use crate::model;
use crate::state::Action;

/// What to offer besides the choice.
#[derive(Properties, PartialEq)]
pub struct SecretaryPickerProps {
    /// Offer the "show hidden elements" switch.
    #[prop_or(true)]
    pub with_ghosts: bool,
}

/// The secretary picker.
#[component]
pub fn SecretaryPicker(props: &SecretaryPickerProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let file = app.current.file();
    let choices = model::secretaries(&app.current);
    let selected = app.selected.clone().unwrap_or_default();
    let onselect = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            app.dispatch(Action::Select(
                e.target_unchecked_into::<HtmlSelectElement>().value(),
            ));
        })
    };
    let onghosts = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            app.dispatch(Action::SetGhosts(on));
        })
    };
    let person = file.people.iter().find(|p| p.id == selected);
    let badges = person.map(|p| {
        html! {
            <span class="badges">
                <span class={classes!("pill", if p.status == Status::Active { "pill-ok" } else { "pill-bad" })}>
                    { p.status.label(lang) }
                </span>
                <span class={classes!("pill", if p.category == Category::Secretaire { "pill-neutral" } else { "pill-warn" })}>
                    { lang.pick("Catégorie : ", "Category: ") }{ p.category.label(lang) }
                </span>
                if p.external.unwrap_or(false) {
                    <span class="pill pill-warn">{ lang.pick("Externe / prestataire", "External / provider") }</span>
                }
            </span>
        }
    });
    html! {
        <div class="picker">
            <label class="field">
                <span class="field-label">{ lang.pick("Secrétaire", "Secretary") }</span>
                <select onchange={onselect} data-testid="secretary-select">
                    { for choices.iter().map(|c| html! {
                        <option value={c.id.clone()} selected={c.id == selected}>{ c.name.clone() }</option>
                    }) }
                </select>
            </label>
            { badges }
            if props.with_ghosts {
                <label class="switch">
                    <input type="checkbox" checked={app.ghosts} onchange={onghosts} data-testid="ghosts" />
                    <span>{ lang.pick("Montrer ce qui lui est masqué", "Show what is hidden from her") }</span>
                </label>
            }
        </div>
    }
}
