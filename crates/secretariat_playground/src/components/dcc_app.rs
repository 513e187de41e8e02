//! A faithful mock of the DCC (Dossier Communicant de Cancérologie) as she sees it: the icon bar,
//! the centres where her profile applies, the agenda (her doctors' dossiers), the déroulement (all
//! dossiers, with "Valider") and the dossiers icon's tabs. Every gated element is the core's
//! request: the view's items carry it ([`secretariat_core::GateItem`], [`RcpView::resource`],
//! [`secretariat_core::DossierView::actions`]).

use secretariat_core::{Action, Organisation, RcpView, Tab};
use yew::prelude::*;

use crate::components::dossier_table::DossierTable;
use crate::components::gate::Gating;
use crate::components::icons;
use crate::components::rcp_card::{Panel, RcpCard};
use crate::hooks::use_lang;
use crate::model;
use crate::state::Shared;

/// The view to draw and how.
#[derive(Properties, PartialEq, Clone)]
pub struct DccAppProps {
    /// Her view and how its elements are drawn.
    pub gating: Gating,
    /// The organisation the view is of (for the ghosts of what she does not see).
    pub org: Shared<Organisation>,
}

/// The DCC mock.
#[component]
pub fn DccApp(props: &DccAppProps) -> Html {
    let lang = use_lang();
    let gating = &props.gating;
    let view = &gating.view;
    let icon_of = |id: &str| view.dcc.icons.iter().find(|i| i.id == id);
    let panel_head = |id: &str| {
        let label = icon_of(id).map(|i| i.label.clone()).unwrap_or_default();
        html! { <h4 class="panel-title">{ icons::for_element(id) }{ label }</h4> }
    };
    let rcp_panel = |panel: Panel, list: &[RcpView]| {
        let (testid, icon, hint, empty) = match panel {
            Panel::Agenda => (
                "dcc-agenda",
                "agenda",
                lang.pick("RCP où l'un de ses médecins est participant — seulement les dossiers qu'ils ont demandés", "RCPs where one of her doctors is a participant — only the dossiers they requested"),
                lang.pick("Aucune RCP dans son agenda", "No RCP in her agenda"),
            ),
            Panel::SessionRun => (
                "dcc-session-run",
                "session_run",
                lang.pick("RCP où l'un de ses médecins est animateur — tous les dossiers, droit de valider", "RCPs where one of her doctors is animateur — every dossier, may validate"),
                lang.pick("Aucune RCP dans son déroulement", "No RCP in her déroulement"),
            ),
        };
        html! {
            <section class="dcc-panel" data-testid={testid}>
                { panel_head(icon) }
                <p class="panel-hint">{ hint }</p>
                { for list.iter().map(|r| html! {
                    <RcpCard gating={gating.clone()} org={props.org.clone()} rcp={r.clone()} panel={panel} />
                }) }
                if list.is_empty() {
                    <p class="empty">{ empty }</p>
                }
                { ghost_rcps(gating, &props.org, list, panel) }
            </section>
        }
    };
    html! {
        <section class="mock dcc" aria-label="DCC" data-testid="dcc-app">
            <div class="mock-titlebar" aria-hidden="true">
                <span class="dot"></span><span class="dot"></span><span class="dot"></span>
                <span class="mock-url">{ "Dossier Communicant de Cancérologie" }</span>
            </div>
            <div class="dcc-top">
                <span class="dcc-logo">{ "DCC" }</span>
                <ul class="centre-chips" aria-label={lang.pick("Centres (3C)", "Centres (3C)")}>
                    { for view.dcc.centres.iter().map(|c| html! {
                        <li class={classes!("chip", if c.profile_applies { "chip-on" } else { "chip-off" })}
                            title={if c.profile_applies { lang.pick("Profil secrétaire médecin appliqué", "Secrétaire médecin profile applies") } else { lang.pick("Pas de profil secrétaire médecin ici", "No secrétaire médecin profile here") }}>
                            { if c.profile_applies { icons::check() } else { icons::cross() } }
                            { c.name.clone() }
                        </li>
                    }) }
                </ul>
                <span class="spacer"></span>
                <span class="practice-user">{ icons::user() }{ view.secretary.name.clone() }</span>
            </div>
            <nav class="dcc-icons" aria-label={lang.pick("Icônes du DCC", "DCC icons")}>
                { for view.dcc.icons.iter().map(|i| gating.item(i, "dcc-icon", true)) }
            </nav>
            <div class="dcc-patient-tools">
                { for view.dcc.centres.iter().map(|c| {
                    let res = c.resource();
                    let shown = view.dcc.patient_add.contains(&c.id);
                    let label = format!("{} — {}", lang.pick("Ajouter un patient", "Add a patient"), c.name);
                    gating.gate(label, (&Action::PatientAdd.name(), Some(&res)), shown, "action small")
                }) }
            </div>
            <div class="dcc-grid">
                { rcp_panel(Panel::Agenda, &view.dcc.agenda) }
                { rcp_panel(Panel::SessionRun, &view.dcc.session_run) }
                <section class="dcc-panel" data-testid="dcc-dossiers">
                    { panel_head("dossiers") }
                    <div class="tabs" role="group" aria-label={lang.pick("Onglets du dossier", "Dossier tabs")}>
                        { for view.dcc.tabs.iter().map(|t| gating.item(t, "tab", false)) }
                    </div>
                    { passages(gating, lang) }
                </section>
            </div>
        </section>
    }
}

/// The RCPs of the organisation she does not have in `panel`, ghosted (when ghosts are shown).
fn ghost_rcps(gating: &Gating, org: &Organisation, shown: &[RcpView], panel: Panel) -> Html {
    if !gating.ghosts {
        return html! {};
    }
    let ids: Vec<&str> = shown.iter().map(|r| r.id.as_str()).collect();
    let action = panel.action().name();
    html! {
        <div class="ghost-rcps">
            { for model::rcps_not_in(org.file(), &ids).into_iter().map(|r| {
                let res = RcpView::resource_of(&r.id);
                gating.gate(r.name, (&action, Some(&res)), false, "rcp-ghost")
            }) }
        </div>
    }
}

/// "Passages RCP de mes patients", when the tab is hers.
fn passages(gating: &Gating, lang: secretariat_core::Lang) -> Html {
    let dcc = &gating.view.dcc;
    let tab = Tab::RcpPassages.id();
    if !dcc.tabs.iter().any(|t| t.id == tab && t.shown) {
        return html! { <p class="empty">{ lang.pick("Onglet non disponible", "Tab not available") }</p> };
    }
    if dcc.passages.is_empty() {
        return html! { <p class="empty">{ lang.pick("Aucun passage RCP", "No RCP passage") }</p> };
    }
    html! { <DossierTable gating={gating.clone()} dossiers={dcc.passages.clone()} /> }
}
