//! The edit panel's account card: her status (active, suspended, departed), her category in the
//! DCC directory, and whether she is external. Each control is one core `Change`.

use secretariat_core::file::{Category, Status};
use secretariat_core::Change;
use yew::prelude::*;

use crate::browser;
use crate::components::edit_panel::CardProps;
use crate::hooks::use_lang;

/// The account card.
#[component]
pub fn AccountCard(props: &CardProps) -> Html {
    let lang = use_lang();
    let form = &props.form;
    let me = form.person.id.clone();
    let onstatus = |status: Status| {
        let person = me.clone();
        props.onedit.reform(move |_: Event| {
            let person = person.clone();
            match status {
                Status::Active => Change::Reactivate { person },
                Status::Suspended => Change::Suspend { person },
                Status::Deleted => Change::Departure { person },
            }
        })
    };
    let oncategory = {
        let person = me.clone();
        props.onedit.reform(move |e: Event| Change::SetCategory {
            person: person.clone(),
            category: if browser::value(&e) == "secretaire" {
                Category::Secretaire
            } else {
                Category::Medecin
            },
        })
    };
    let person = me.clone();
    let onexternal = props.onedit.reform(move |e: Event| Change::SetExternal {
        person: person.clone(),
        external: browser::checked(&e),
    });
    let status_radio = |status: Status| {
        html! {
            <label class="radio">
                <input type="radio" name="status" checked={form.status == status} onchange={onstatus(status)}
                    data-testid={format!("status-{status:?}").to_lowercase()} />
                <span>{ status.label(lang) }</span>
            </label>
        }
    };
    html! {
        <section class="card">
            <h2>{ lang.pick("Compte", "Account") }{ " — " }{ form.person.name.clone() }</h2>
            <fieldset class="radios">
                <legend>{ lang.pick("Statut", "Status") }</legend>
                { status_radio(Status::Active) }
                { status_radio(Status::Suspended) }
                { status_radio(Status::Deleted) }
            </fieldset>
            <div class="row-wrap">
                <label class="field inline">
                    <span>{ lang.pick("Catégorie (annuaire du DCC)", "Category (DCC directory)") }</span>
                    <select onchange={oncategory} data-testid="category">
                        <option value="medecin" selected={form.category == Category::Medecin}>{ Category::Medecin.label(lang) }</option>
                        <option value="secretaire" selected={form.category == Category::Secretaire}>{ Category::Secretaire.label(lang) }</option>
                    </select>
                </label>
                <label class="check">
                    <input type="checkbox" checked={form.external} onchange={onexternal} data-testid="external" />
                    <span>{ lang.pick("Secrétaire externe ou prestataire tiers", "External secretary or third-party provider") }</span>
                </label>
            </div>
        </section>
    }
}
