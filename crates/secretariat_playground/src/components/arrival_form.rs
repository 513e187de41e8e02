//! « Nouvelle secrétaire »: a guided arrival — who she is, which doctors she works for (with the
//! permissions on each account and how each is attached to her in the DCC), which 3C give her the
//! « secrétaire médecin » profile. The result is a list of core changes; the simulation beside it
//! shows what she gains and the requests to send to the vendor and the network.

use secretariat_core::Permission;
use yew::prelude::*;

use crate::browser;
use crate::components::arrival_doctor::ArrivalDoctor;
use crate::components::choice_checks::ChoiceChecks;
use crate::components::form_kit::{field, toggler, update, ChangeFormProps};
use crate::components::text_field::TextField;
use crate::forms::{ArrivalDraft, Through};
use crate::hooks::{use_change_form, use_lang};
use crate::model;

/// The arrival form.
#[component]
pub fn ArrivalForm(props: &ChangeFormProps) -> Html {
    let lang = use_lang();
    let (draft, onsubmit) = use_change_form::<ArrivalDraft>(&props.org, props.rev, &props.onedit);
    let org = props.org.clone();
    let file = org.file();
    let doctors = model::doctors(&org);
    let groups = model::groups(file);
    let onexternal = update(&draft, |d: &mut ArrivalDraft, e: Event| {
        d.external = browser::checked(&e);
    });
    let picks = draft.doctors.iter().map(|pick| {
        let id = pick.doctor.clone();
        let ontoggle = {
            let id = id.clone();
            update(
                &draft,
                move |d: &mut ArrivalDraft, (p, on): (Permission, bool)| {
                    d.toggle_permission(&id, p, on)
                },
            )
        };
        let onthrough = {
            let id = id.clone();
            update(&draft, move |d: &mut ArrivalDraft, t: Through| {
                d.set_through(&id, t)
            })
        };
        let onconfidentiality = {
            let id = id.clone();
            update(&draft, move |d: &mut ArrivalDraft, on: bool| d.set_confidentiality(&id, on))
        };
        html! {
            <ArrivalDoctor key={id.clone()} pick={pick.clone()} name={model::person_name(file, &id)}
                groups={groups.clone()} ontoggle={ontoggle} onthrough={onthrough} onconfidentiality={onconfidentiality} />
        }
    });
    let chosen: Vec<String> = draft.doctors.iter().map(|d| d.doctor.clone()).collect();
    html! {
        <form class="build-form arrival" onsubmit={onsubmit} data-testid="arrival-form">
            <fieldset class="step">
                <legend>{ lang.pick("1. Qui arrive ?", "1. Who is arriving?") }</legend>
                <TextField label={lang.pick("Nom", "Name")} value={draft.name.clone()} placeholder="Camille Petit"
                    oninput={field(&draft, |d, v| d.name = v)} testid="arrival-name" required={true} />
                <TextField label={lang.pick("Identifiant", "Id")} value={draft.id.clone()}
                    placeholder={draft.person_id(file)} oninput={field(&draft, |d, v| d.id = v)} testid="arrival-id" />
                <label class="check">
                    <input type="checkbox" checked={draft.external} onchange={onexternal} data-testid="arrival-external" />
                    <span>{ lang.pick("Secrétaire externe ou prestataire tiers", "External secretary or third-party provider") }</span>
                </label>
            </fieldset>
            <fieldset class="step">
                <legend>{ lang.pick("2. Pour quels médecins ?", "2. For which doctors?") }</legend>
                <ChoiceChecks legend={lang.pick("Médecins", "Doctors")} choices={doctors} chosen={chosen} testid="arrival-doctor"
                    ontoggle={update(&draft, |d: &mut ArrivalDraft, (id, on): (String, bool)| d.toggle_doctor(&id, on))}
                    empty={lang.pick("Aucun médecin : ajoutez-en d'abord.", "No doctor: add some first.")} />
                { for picks }
            </fieldset>
            <fieldset class="step">
                <legend>{ lang.pick("3. Sur quels 3C (profil « secrétaire médecin ») ?", "3. On which 3C (“secrétaire médecin” profile)?") }</legend>
                <ChoiceChecks legend={lang.pick("Centres", "Centres")} choices={model::centres(file)} chosen={draft.centres.clone()} testid="arrival-centre"
                    ontoggle={toggler(&draft, |d: &mut ArrivalDraft| &mut d.centres)}
                    empty={lang.pick("Aucun centre 3C dans l'organisation.", "No 3C centre in the organisation.")} />
            </fieldset>
            <div class="toolbar">
                <button type="submit" class="btn btn-primary" disabled={draft.name.trim().is_empty()} data-testid="arrival-simulate">
                    { lang.pick("Simuler son arrivée", "Simulate her arrival") }
                </button>
            </div>
        </form>
    }
}
