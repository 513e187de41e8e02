//! Choosing whose view to show, with what the file says about her account at a glance.

use secretariat_core::file::{Category, Status};
use secretariat_core::Organisation;
use yew::prelude::*;

use crate::browser;
use crate::hooks::use_lang;
use crate::model;
use crate::state::Shared;

/// Whom to offer, who is chosen, and where choices go.
#[derive(Properties, PartialEq)]
pub struct SecretaryPickerProps {
    /// The organisation whose secretaries are offered.
    pub org: Shared<Organisation>,
    /// The secretary shown.
    pub selected: Option<String>,
    /// Called with the id chosen.
    pub onselect: Callback<String>,
    /// The "show hidden elements" switch's state; `None`: no switch.
    #[prop_or_default]
    pub ghosts: Option<bool>,
    /// Called when the switch is flipped.
    #[prop_or_default]
    pub onghosts: Callback<bool>,
}

/// The secretary picker.
#[component]
pub fn SecretaryPicker(props: &SecretaryPickerProps) -> Html {
    let lang = use_lang();
    let file = props.org.file();
    let choices = model::secretaries(&props.org);
    let selected = props.selected.clone().unwrap_or_default();
    let onselect = props.onselect.reform(|e: Event| browser::value(&e));
    let onghosts = props.onghosts.reform(|e: Event| browser::checked(&e));
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
            if let Some(ghosts) = props.ghosts {
                <label class="switch">
                    <input type="checkbox" checked={ghosts} onchange={onghosts} data-testid="ghosts" />
                    <span>{ lang.pick("Montrer ce qui lui est masqué", "Show what is hidden from her") }</span>
                </label>
            }
        </div>
    }
}
