//! A group of secretaries: name, id, members, and the doctors attached to the whole group.

use yew::prelude::*;

use crate::components::choice_checks::ChoiceChecks;
use crate::components::form_kit::{field, submit, update};
use crate::components::text_field::TextField;
use crate::forms::{toggle, GroupDraft};
use crate::hooks::{use_app, use_draft};
use crate::model;

/// The form takes everything from the shared state.
#[derive(Properties, PartialEq)]
pub struct GroupFormProps {}

/// The group form.
#[component]
pub fn GroupForm(_props: &GroupFormProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let draft = use_draft::<GroupDraft>(&app);
    let org = app.current.clone();
    let onsubmit = {
        let d = (*draft).clone();
        let org = org.clone();
        submit(&app, move || d.changes(org.file()))
    };
    html! {
        <form class="build-form" onsubmit={onsubmit} data-testid="group-form">
            <TextField label={lang.pick("Nom du groupe", "Group name")} value={draft.name.clone()} placeholder="Secrétariat digestif"
                oninput={field(&draft, |d, v| d.name = v)} testid="group-name" required={true} />
            <TextField label={lang.pick("Identifiant", "Id")} value={draft.id.clone()}
                placeholder={crate::forms::new_id(org.file(), "", &draft.name)}
                oninput={field(&draft, |d, v| d.id = v)} testid="group-id" />
            <ChoiceChecks legend={lang.pick("Membres", "Members")} choices={model::secretaries(&org)}
                chosen={draft.members.clone()} testid="group-member"
                ontoggle={update(&draft, |d: &mut GroupDraft, (id, on)| toggle(&mut d.members, &id, on))}
                empty={lang.pick("Aucune secrétaire pour l'instant.", "No secretary yet.")} />
            <ChoiceChecks legend={lang.pick("Médecins rattachés au groupe", "Doctors attached to the group")} choices={model::doctors(&org)}
                chosen={draft.doctors.clone()} testid="group-doctor"
                ontoggle={update(&draft, |d: &mut GroupDraft, (id, on)| toggle(&mut d.doctors, &id, on))}
                empty={lang.pick("Aucun médecin pour l'instant.", "No doctor yet.")} />
            <div class="toolbar">
                <button type="submit" class="btn btn-primary" disabled={draft.name.trim().is_empty()} data-testid="group-add">
                    { lang.pick("Créer le groupe", "Create the group") }
                </button>
            </div>
        </form>
    }
}
