//! A 3C centre: name and id.

use yew::prelude::*;

use crate::components::form_kit::{field, ChangeFormProps};
use crate::components::text_field::TextField;
use crate::forms::CentreDraft;
use crate::hooks::{use_change_form, use_lang};

/// The centre form.
#[component]
pub fn CentreForm(props: &ChangeFormProps) -> Html {
    let lang = use_lang();
    let (draft, onsubmit) = use_change_form::<CentreDraft>(&props.org, props.rev, &props.onedit);
    let org = props.org.clone();
    html! {
        <form class="build-form" onsubmit={onsubmit} data-testid="centre-form">
            <TextField label={lang.pick("Nom du 3C", "3C name")} value={draft.name.clone()} placeholder="3C de Caen"
                oninput={field(&draft, |d, v| d.name = v)} testid="centre-name" required={true} />
            <TextField label={lang.pick("Identifiant", "Id")} value={draft.id.clone()}
                placeholder={crate::forms::new_id(org.file(), "", &draft.name)}
                oninput={field(&draft, |d, v| d.id = v)} testid="centre-id" />
            <div class="toolbar">
                <button type="submit" class="btn btn-primary" disabled={draft.name.trim().is_empty()} data-testid="centre-add">
                    { lang.pick("Ajouter le centre", "Add the centre") }
                </button>
            </div>
        </form>
    }
}
