//! A table of dossiers in the DCC mock: an RCP's (agenda, déroulement) or the passages of her
//! doctors' patients. Each action is the core's request on the dossier
//! ([`DossierView::actions`]); hidden dossiers of the RCP are ghost rows.

use secretariat_core::{Action, DossierView, Lang};
use yew::prelude::*;

use crate::components::gate::Gating;
use crate::hooks::use_lang;
use crate::model::{self, Choice};

/// The dossiers, and how to draw them.
#[derive(Properties, PartialEq)]
pub struct DossierTableProps {
    /// How gated elements are drawn.
    pub gating: Gating,
    /// The dossiers she sees.
    pub dossiers: Vec<DossierView>,
    /// Offer "Valider" (the déroulement).
    #[prop_or_default]
    pub validate: bool,
    /// Dossiers of the RCP she does not see, drawn as ghosts.
    #[prop_or_default]
    pub hidden: Vec<Choice>,
}

/// The words and look of a D6 action's button.
fn action_button(action: Action, lang: Lang) -> (&'static str, &'static str) {
    match action {
        Action::AddDocument => (
            lang.pick("Ajouter un document", "Add a document"),
            "action small",
        ),
        Action::Unregister => (
            lang.pick("Désinscrire / reporter", "Unregister / postpone"),
            "action small",
        ),
        Action::SendReport => (
            lang.pick("Envoyer le CR", "Send the report"),
            "action small",
        ),
        _ => (lang.pick("Valider", "Validate"), "action small primary"),
    }
}

/// The table.
#[component]
pub fn DossierTable(props: &DossierTableProps) -> Html {
    let lang = use_lang();
    let gating = &props.gating;
    let view = Action::DossierView.name();
    let row = |d: &DossierView| {
        let res = d.resource();
        let r = Some(res.as_str());
        let actions = d
            .actions()
            .into_iter()
            .filter(|(a, _)| props.validate || *a != Action::Validate)
            .map(|(a, may)| {
                let (label, class) = action_button(a, lang);
                gating.gate(label.to_owned(), (&a.name(), r), may, class)
            });
        html! {
            <tr data-dossier={d.id.clone()}>
                <td data-label={lang.pick("Dossier", "Dossier")}>
                    { gating.gate(d.id.clone(), (&view, r), true, "link-like") }
                </td>
                <td data-label={lang.pick("Patient", "Patient")}>{ d.patient.clone() }</td>
                <td data-label={lang.pick("Demandeur", "Requested by")}>{ d.demandeur.as_ref().map(|p| p.name.clone()).unwrap_or_default() }</td>
                <td data-label={lang.pick("Séance", "Session")}>{ d.session.as_deref().map(|s| model::short_date(s, lang)).unwrap_or_default() }</td>
                <td data-label={lang.pick("Statut", "Status")}>
                    <span class={classes!("status", format!("status-{:?}", d.status).to_lowercase())}>{ d.status.label(lang) }</span>
                </td>
                <td class="row-actions" data-label={lang.pick("Actions", "Actions")}>{ for actions }</td>
            </tr>
        }
    };
    let ghost = |g: &Choice| {
        let res = DossierView::resource_of(&g.id);
        html! {
            <tr class="ghost-row">
                <td colspan="6">
                    { gating.gate(format!("{} · {}", g.id, g.name), (&view, Some(&res)), false, "link-like") }
                </td>
            </tr>
        }
    };
    html! {
        <table class="dossiers">
            <thead><tr>
                <th scope="col">{ lang.pick("Dossier", "Dossier") }</th>
                <th scope="col">{ lang.pick("Patient", "Patient") }</th>
                <th scope="col">{ lang.pick("Demandeur", "Requested by") }</th>
                <th scope="col">{ lang.pick("Séance", "Session") }</th>
                <th scope="col">{ lang.pick("Statut", "Status") }</th>
                <th scope="col">{ lang.pick("Actions", "Actions") }</th>
            </tr></thead>
            <tbody>
                { for props.dossiers.iter().map(row) }
                { for props.hidden.iter().map(ghost) }
            </tbody>
        </table>
    }
}
