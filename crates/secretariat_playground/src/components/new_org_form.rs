//! « Nouvelle organisation »: a blank organisation, named, with the support addresses change
//! requests are sent to. It replaces the working organisation (the core checks the file).

use secretariat_core::file::OrgFile;
use yew::prelude::*;

use crate::components::form_kit::field;
use crate::components::text_field::TextField;
use crate::forms::NewOrgDraft;
use crate::hooks::{use_draft, use_lang};

/// When to empty the draft, and where the new organisation goes.
#[derive(Properties, PartialEq)]
pub struct NewOrgFormProps {
    /// The working organisation's revision (the draft is emptied when it changes).
    pub rev: u64,
    /// Called with the blank organisation's file.
    pub oncreate: Callback<OrgFile>,
}

/// The blank organisation form.
#[component]
pub fn NewOrgForm(props: &NewOrgFormProps) -> Html {
    let lang = use_lang();
    let draft = use_draft::<NewOrgDraft>(props.rev);
    let onsubmit = {
        let d = (*draft).clone();
        props.oncreate.reform(move |e: SubmitEvent| {
            e.prevent_default();
            d.file()
        })
    };
    html! {
        <form class="build-form" onsubmit={onsubmit} data-testid="new-org-form">
            <p class="muted small">{ lang.pick(
                "Une organisation vide, sans personne ni accès : elle remplace l'organisation en cours (exportez-la d'abord si vous voulez la garder).",
                "An empty organisation, with no one and no access: it replaces the current one (export it first to keep it).",
            ) }</p>
            <TextField label={lang.pick("Nom de l'organisation", "Organisation name")} value={draft.name.clone()}
                oninput={field(&draft, |d, v| d.name = v)} testid="new-org-name" required={true} />
            <TextField label={lang.pick("Support de l'éditeur du logiciel de cabinet (e-mail)", "Practice software vendor's support (e-mail)")}
                kind="email" value={draft.practice_support.clone()} placeholder="support@editeur.example"
                oninput={field(&draft, |d, v| d.practice_support = v)} testid="new-org-practice" />
            <TextField label={lang.pick("Support du réseau de cancérologie (e-mail)", "Cancer network's support (e-mail)")}
                kind="email" value={draft.network_support.clone()} placeholder="support@reseau.example"
                oninput={field(&draft, |d, v| d.network_support = v)} testid="new-org-network" />
            <div class="toolbar">
                <button type="submit" class="btn btn-primary" disabled={draft.name.trim().is_empty()} data-testid="new-org-create">
                    { lang.pick("Créer l'organisation vide", "Create the empty organisation") }
                </button>
            </div>
        </form>
    }
}
