//! The edit panel: every setting of the selected secretary that an admin can ask to change, as
//! written in the file, one card per part — her account, her practice accesses, her place in the
//! network. Each control hands one `Change` to `onedit`; nothing is decided here.

use secretariat_core::{Change, Organisation};
use yew::prelude::*;

use crate::components::access_card::AccessCard;
use crate::components::account_card::AccountCard;
use crate::components::network_card::NetworkCard;
use crate::hooks::use_lang;
use crate::model::SecretaryForm;
use crate::state::Shared;

/// Whose settings, in which organisation, and where edits go.
#[derive(Properties, PartialEq)]
pub struct EditPanelProps {
    /// The working organisation.
    pub org: Shared<Organisation>,
    /// The secretary edited.
    pub secretary: Option<String>,
    /// Called with each edit.
    pub onedit: Callback<Change>,
}

/// What a card of the panel takes: her settings as written, and where edits go.
#[derive(Properties, PartialEq)]
pub struct CardProps {
    /// Her settings as written in the file (read once per organisation and secretary).
    pub form: Shared<SecretaryForm>,
    /// Called with each edit.
    pub onedit: Callback<Change>,
}

/// The edit panel.
#[component]
pub fn EditPanel(props: &EditPanelProps) -> Html {
    let lang = use_lang();
    let form = use_memo((props.org.clone(), props.secretary.clone()), |(org, id)| {
        id.as_deref()
            .and_then(|id| SecretaryForm::read(org, id))
            .map(Shared::new)
    });
    let Some(form) = (*form).clone() else {
        return html! { <p class="empty">{ lang.pick("Choisissez une secrétaire.", "Choose a secretary.") }</p> };
    };
    let onedit = &props.onedit;
    html! {
        <div class="edit-panel" data-testid="edit-panel">
            <AccountCard form={form.clone()} onedit={onedit.clone()} />
            <AccessCard form={form.clone()} onedit={onedit.clone()} />
            <NetworkCard form={form} onedit={onedit.clone()} />
        </div>
    }
}
