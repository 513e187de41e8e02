//! A group of secretaries: name, id, members, and the doctors attached to the whole group.

use yew::prelude::*;

use crate::components::choice_checks::ChoiceChecks;
use crate::components::form_kit::{field, toggler, ChangeFormProps};
use crate::components::text_field::TextField;
use crate::forms::GroupDraft;
use crate::hooks::{use_change_form, use_lang};
use crate::model;

/// The group form.
#[component]
pub fn GroupForm(props: &ChangeFormProps) -> Html {
    let lang = use_lang();
    let (draft, onsubmit) = use_change_form::<GroupDraft>(&props.org, props.rev, &props.onedit);
    let org = props.org.clone();
    html! {
        <form class="build-form" onsubmit={onsubmit} data-testid="group-form">
            <TextField label={lang.pick("Nom du groupe", "Group name")} value={draft.name.clone()} placeholder="Secrétariat digestif"
                oninput={field(&draft, |d, v| d.name = v)} testid="group-name" required={true} />
            <TextField label={lang.pick("Identifiant", "Id")} value={draft.id.clone()}
                placeholder={crate::forms::new_id(org.file(), "", &draft.name)}
                oninput={field(&draft, |d, v| d.id = v)} testid="group-id" />
            <ChoiceChecks legend={lang.pick("Membres", "Members")} choices={model::secretaries(&org)}
                chosen={draft.members.clone()} testid="group-member"
                ontoggle={toggler(&draft, |d: &mut GroupDraft| &mut d.members)}
                empty={lang.pick("Aucune secrétaire pour l'instant.", "No secretary yet.")} />
            <ChoiceChecks legend={lang.pick("Médecins rattachés au groupe", "Doctors attached to the group")} choices={model::doctors(&org)}
                chosen={draft.doctors.clone()} testid="group-doctor"
                ontoggle={toggler(&draft, |d: &mut GroupDraft| &mut d.doctors)}
                empty={lang.pick("Aucun médecin pour l'instant.", "No doctor yet.")} />
            <div class="toolbar">
                <button type="submit" class="btn btn-primary" disabled={draft.name.trim().is_empty()} data-testid="group-add">
                    { lang.pick("Créer le groupe", "Create the group") }
                </button>
            </div>
        </form>
    }
}
