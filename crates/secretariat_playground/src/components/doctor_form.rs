//! A doctor: name, id and RPPS, the RPPS checked as it is typed by the core's Luhn check.

use yew::prelude::*;

use crate::components::form_kit::{field, ChangeFormProps};
use crate::components::text_field::TextField;
use crate::forms::{rpps_state, DoctorDraft, RppsState};
use crate::hooks::{use_change_form, use_lang};

/// The doctor form.
#[component]
pub fn DoctorForm(props: &ChangeFormProps) -> Html {
    let lang = use_lang();
    let (draft, onsubmit) = use_change_form::<DoctorDraft>(&props.org, props.rev, &props.onedit);
    let org = props.org.clone();
    let rpps = rpps_state(&draft.rpps);
    let check = match rpps {
        RppsState::Empty => html! {
            <span class="field-hint muted">{ lang.pick("Facultatif : 11 chiffres, le dernier est une clé de Luhn.", "Optional: 11 digits, the last a Luhn check digit.") }</span>
        },
        RppsState::Typing(n) => html! {
            <span class="field-hint muted" data-testid="rpps-check" data-state="typing">{ format!("{n}/11 {}", lang.pick("chiffres", "digits")) }</span>
        },
        RppsState::Valid => html! {
            <span class="field-hint ok" data-testid="rpps-check" data-state="valid">{ lang.pick("RPPS valide (clé de Luhn correcte)", "Valid RPPS (Luhn check digit correct)") }</span>
        },
        RppsState::Invalid => html! {
            <span class="field-hint bad" role="alert" data-testid="rpps-check" data-state="invalid">{ lang.pick(
                "RPPS invalide : 11 chiffres attendus, dont une clé de Luhn correcte.",
                "Invalid RPPS: 11 digits expected, with a correct Luhn check digit.",
            ) }</span>
        },
    };
    let ready =
        !draft.name.trim().is_empty() && matches!(rpps, RppsState::Empty | RppsState::Valid);
    let id_hint = crate::forms::new_id(org.file(), "", &draft.name);
    html! {
        <form class="build-form" onsubmit={onsubmit} data-testid="doctor-form">
            <TextField label={lang.pick("Nom", "Name")} value={draft.name.clone()} placeholder="Dr Claire Moreau"
                oninput={field(&draft, |d, v| d.name = v)} testid="doctor-name" required={true} />
            <TextField label={lang.pick("Identifiant", "Id")} value={draft.id.clone()} placeholder={id_hint}
                oninput={field(&draft, |d, v| d.id = v)} testid="doctor-id" />
            <TextField label={lang.pick("RPPS", "RPPS")} value={draft.rpps.clone()} placeholder="10000000009"
                oninput={field(&draft, |d, v| d.rpps = v)} testid="doctor-rpps" invalid={rpps == RppsState::Invalid}>
                { check }
            </TextField>
            <div class="toolbar">
                <button type="submit" class="btn btn-primary" disabled={!ready} data-testid="doctor-add">
                    { lang.pick("Ajouter le médecin", "Add the doctor") }
                </button>
            </div>
        </form>
    }
}
