//! An RCP (tumour board): name, id, centre, each doctor's role, the responsables and the next
//! séance.

use secretariat_core::RcpRole;
use yew::prelude::*;

use crate::browser;
use crate::components::choice_checks::ChoiceChecks;
use crate::components::form_kit::{field, toggler, update, ChangeFormProps};
use crate::components::rcp_roles_edit::{role_of, ROLES};
use crate::components::text_field::TextField;
use crate::forms::RcpDraft;
use crate::hooks::{use_change_form, use_lang};
use crate::model;

/// The RCP form.
#[component]
pub fn RcpForm(props: &ChangeFormProps) -> Html {
    let lang = use_lang();
    let (draft, onsubmit) = use_change_form::<RcpDraft>(&props.org, props.rev, &props.onedit);
    let org = props.org.clone();
    let centres = model::centres(org.file());
    let doctors = model::doctors(&org);
    let centre = draft.centre_or_first(org.file());
    let oncentre = {
        let set = update(&draft, |d: &mut RcpDraft, v: String| d.centre = v);
        Callback::from(move |e: Event| set.emit(browser::value(&e)))
    };
    let onsession = field(&draft, |d, v| {
        d.next_session = model::from_date_field(&v, false).unwrap_or_default()
    });
    let roles = doctors.iter().map(|d| {
        let role = draft.roles.iter().find(|(id, _)| *id == d.id).map_or(RcpRole::None, |(_, r)| *r);
        let onchange = {
            let set = update(&draft, |dr: &mut RcpDraft, (id, role): (String, RcpRole)| {
                dr.roles.retain(|(d, _)| *d != id);
                if role != RcpRole::None {
                    dr.roles.push((id, role));
                }
            });
            let id = d.id.clone();
            Callback::from(move |e: Event| {
                set.emit((id.clone(), role_of(&browser::value(&e))));
            })
        };
        html! {
            <label class="field inline">
                <span>{ d.name.clone() }</span>
                <select onchange={onchange} data-testid={format!("rcp-role-{}", d.id)}>
                    { for ROLES.iter().map(|(r, k)| html! {
                        <option value={*k} selected={*r == role}>{ model::role_label(*r, lang) }</option>
                    }) }
                </select>
            </label>
        }
    });
    let ready = !draft.name.trim().is_empty() && !centre.is_empty();
    html! {
        <form class="build-form" onsubmit={onsubmit} data-testid="rcp-form">
            <TextField label={lang.pick("Nom de la RCP", "RCP name")} value={draft.name.clone()} placeholder="RCP sénologie"
                oninput={field(&draft, |d, v| d.name = v)} testid="rcp-name" required={true} />
            <TextField label={lang.pick("Identifiant", "Id")} value={draft.id.clone()}
                placeholder={crate::forms::new_id(org.file(), "", &draft.name)}
                oninput={field(&draft, |d, v| d.id = v)} testid="rcp-id" />
            <label class="field">
                <span class="field-label">{ lang.pick("Centre (3C)", "Centre (3C)") }</span>
                <select onchange={oncentre} data-testid="rcp-centre">
                    { for centres.iter().map(|c| html! { <option value={c.id.clone()} selected={c.id == centre}>{ c.name.clone() }</option> }) }
                </select>
            </label>
            if centres.is_empty() {
                <p class="muted small">{ lang.pick("Créez d'abord un centre 3C.", "Create a 3C centre first.") }</p>
            }
            <fieldset class="choice-checks">
                <legend>{ lang.pick("Rôle de chaque médecin", "Each doctor's role") }</legend>
                { for roles }
            </fieldset>
            <ChoiceChecks legend={lang.pick("Responsables (lisent le rapport des secrétaires)", "Responsables (read the secretaries report)")}
                choices={doctors.clone()} chosen={draft.responsables.clone()} testid="rcp-responsable"
                ontoggle={toggler(&draft, |d: &mut RcpDraft| &mut d.responsables)}
                empty={lang.pick("Aucun médecin pour l'instant.", "No doctor yet.")} />
            <TextField label={lang.pick("Prochaine séance", "Next séance")} kind="date"
                value={model::date_field(Some(draft.next_session.as_str()).filter(|s| !s.is_empty()))}
                oninput={onsession} testid="rcp-session" />
            <div class="toolbar">
                <button type="submit" class="btn btn-primary" disabled={!ready} data-testid="rcp-add">
                    { lang.pick("Créer la RCP", "Create the RCP") }
                </button>
            </div>
        </form>
    }
}
