//! One RCP of her agenda or déroulement in the DCC mock: its name (gated by the list's action),
//! centre, next séance, the doctors who give it to her, "Inscrire un patient", and its dossiers.

use secretariat_core::{Action, Organisation, RcpView};
use yew::prelude::*;

use crate::components::dossier_table::DossierTable;
use crate::components::gate::Gating;
use crate::hooks::use_lang;
use crate::model;
use crate::state::Shared;

/// The two lists of RCPs in the DCC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// RCPs where one of her doctors is participant (D2).
    Agenda,
    /// RCPs where one of her doctors is animateur (D3).
    SessionRun,
}

impl Panel {
    /// The action that lists an RCP here.
    pub fn action(self) -> Action {
        match self {
            Panel::Agenda => Action::AgendaView,
            Panel::SessionRun => Action::SessionView,
        }
    }
}

/// The RCP, in which list, and how to draw it.
#[derive(Properties, PartialEq)]
pub struct RcpCardProps {
    /// How gated elements are drawn.
    pub gating: Gating,
    /// The organisation (centre names, the dossiers she does not see).
    pub org: Shared<Organisation>,
    /// The RCP as she sees it.
    pub rcp: RcpView,
    /// Agenda or déroulement.
    pub panel: Panel,
}

/// The RCP's card.
#[component]
pub fn RcpCard(props: &RcpCardProps) -> Html {
    let lang = use_lang();
    let RcpCardProps {
        gating,
        org,
        rcp,
        panel,
    } = props;
    let file = org.file();
    let res = rcp.resource();
    let action = panel.action().name();
    let role = match panel {
        Panel::Agenda => lang.pick("participant", "participant"),
        Panel::SessionRun => lang.pick("animateur", "animateur"),
    };
    let via: Vec<String> = rcp.via.iter().map(|p| p.name.clone()).collect();
    let hidden = if gating.ghosts && *panel == Panel::SessionRun {
        let shown: Vec<&str> = rcp.dossiers.iter().map(|d| d.id.as_str()).collect();
        model::dossiers_not_in(file, &rcp.id, &shown)
    } else {
        Vec::new()
    };
    let (register, may_register) = rcp.register_patient();
    html! {
        <article class={classes!("rcp-card", gating.outline(&action, Some(&res)))} data-rcp={rcp.id.clone()}>
            <header class="rcp-head">
                { gating.gate(rcp.name.clone(), (&action, Some(&res)), true, "rcp-name") }
                <span class="rcp-centre">{ model::centre_name(file, &rcp.centre) }</span>
                if let Some(next) = rcp.next_session.as_deref() {
                    <span class="rcp-next">{ lang.pick("Prochaine séance ", "Next session ") }{ model::short_date(next, lang) }</span>
                }
            </header>
            <p class="rcp-via">
                { lang.pick("Par ", "Through ") }{ via.join(", ") }{ format!(" ({role})") }
            </p>
            <div class="rcp-tools">
                { gating.gate(lang.pick("Inscrire un patient", "Register a patient").to_owned(), (&register.name(), Some(&res)), may_register, "action small") }
            </div>
            if rcp.dossiers.is_empty() && hidden.is_empty() {
                <p class="muted small">{ lang.pick("Aucun dossier", "No dossier") }</p>
            } else {
                <DossierTable gating={gating.clone()} dossiers={rcp.dossiers.clone()}
                    validate={*panel == Panel::SessionRun} hidden={hidden} />
            }
        </article>
    }
}
