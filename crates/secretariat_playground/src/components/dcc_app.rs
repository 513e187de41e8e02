//! A faithful mock of the DCC (Dossier Communicant de Cancérologie) as she sees it: the icon bar,
//! the centres where her profile applies, the agenda (her doctors' dossiers), the déroulement (all
//! dossiers, with "Valider") and the dossiers icon's tabs.

use std::collections::BTreeMap;
use std::rc::Rc;

use secretariat_core::{DossierView, Lang, RcpView, Request, View};
use yew::prelude::*;

use crate::components::gate::Gate;
use crate::components::icons;
use crate::hooks::use_app;
use crate::model;
use crate::state::OrgRef;

/// The view to draw and how.
#[derive(Properties, PartialEq, Clone)]
pub struct DccAppProps {
    /// Her view, from the engine.
    pub view: Rc<View>,
    /// The organisation the view is of (for the ghosts of what she does not see).
    pub org: OrgRef,
    /// Show hidden elements ghosted.
    pub ghosts: bool,
    /// Called with the request of a clicked element.
    pub onexplain: Callback<Request>,
    /// Elements a trainer scenario points at (`action resource`).
    #[prop_or_default]
    pub highlight: Rc<Vec<String>>,
    /// Elements gained (`true`) or lost (`false`) by the simulated edits.
    #[prop_or_default]
    pub deltas: Rc<BTreeMap<String, bool>>,
}

#[derive(Clone, Copy, PartialEq)]
enum Panel {
    Agenda,
    SessionRun,
}

/// The DCC mock.
#[component]
pub fn DccApp(props: &DccAppProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let view = &props.view;
    let file = props.org.0.file();
    let me = view.secretary.id.as_str();
    let now = view.now.as_deref();
    let gate = |label: String,
                action: &str,
                resource: Option<&str>,
                shown: bool,
                class: &'static str,
                icon: Option<Html>| {
        let key = model::gate_key(action, resource);
        html! {
            <Gate label={label} shown={shown} ghosts={props.ghosts}
                request={model::request(me, action, resource, now)}
                onexplain={props.onexplain.clone()} class={classes!(class)} icon={icon}
                highlight={props.highlight.contains(&key)}
                delta={props.deltas.get(&key).copied()} />
        }
    };
    let dossier_row = |d: &DossierView, panel: Panel| {
        let res = format!("dossier:{}", d.id);
        let r = Some(res.as_str());
        html! {
            <tr data-dossier={d.id.clone()}>
                <td data-label={lang.pick("Dossier", "Dossier")}>
                    { gate(d.id.clone(), "dcc.dossier.view", r, true, "link-like", None) }
                </td>
                <td data-label={lang.pick("Patient", "Patient")}>{ d.patient.clone() }</td>
                <td data-label={lang.pick("Demandeur", "Requested by")}>{ d.demandeur.as_ref().map(|p| p.name.clone()).unwrap_or_default() }</td>
                <td data-label={lang.pick("Séance", "Session")}>{ d.session.as_deref().map(|s| model::short_date(s, lang)).unwrap_or_default() }</td>
                <td data-label={lang.pick("Statut", "Status")}>
                    <span class={classes!("status", format!("status-{:?}", d.status).to_lowercase())}>{ d.status.label(lang) }</span>
                </td>
                <td class="row-actions" data-label={lang.pick("Actions", "Actions")}>
                    { gate(lang.pick("Ajouter un document", "Add a document").to_owned(), "dcc.dossier.add_document", r, d.actions.add_document, "action small", None) }
                    { gate(lang.pick("Désinscrire / reporter", "Unregister / postpone").to_owned(), "dcc.dossier.unregister", r, d.actions.unregister, "action small", None) }
                    { gate(lang.pick("Envoyer le CR", "Send the report").to_owned(), "dcc.dossier.send_report", r, d.actions.send_report, "action small", None) }
                    if panel == Panel::SessionRun {
                        { gate(lang.pick("Valider", "Validate").to_owned(), "dcc.dossier.validate", r, d.actions.validate, "action small primary", None) }
                    }
                </td>
            </tr>
        }
    };
    let rcp_card = |rcp: &RcpView, panel: Panel| {
        let res = format!("rcp:{}", rcp.id);
        let role = match panel {
            Panel::Agenda => lang.pick("participant", "participant"),
            Panel::SessionRun => lang.pick("animateur", "animateur"),
        };
        let via: Vec<String> = rcp.via.iter().map(|p| p.name.clone()).collect();
        let shown_ids: Vec<&str> = rcp.dossiers.iter().map(|d| d.id.as_str()).collect();
        let ghosts = if props.ghosts && panel == Panel::SessionRun {
            model::dossiers_not_in(file, &rcp.id, &shown_ids)
        } else {
            Vec::new()
        };
        let action = if panel == Panel::Agenda {
            "dcc.agenda.view"
        } else {
            "dcc.session.view"
        };
        let key = model::gate_key(action, Some(&res));
        html! {
            <article class={classes!("rcp-card", props.highlight.contains(&key).then_some("is-highlight"),
                    props.deltas.get(&key).map(|g| if *g { "is-gained" } else { "is-lost" }))}
                data-rcp={rcp.id.clone()}>
                <header class="rcp-head">
                    { gate(rcp.name.clone(), action, Some(&res), true, "rcp-name", None) }
                    <span class="rcp-centre">{ model::centre_name(file, &rcp.centre) }</span>
                    if let Some(next) = rcp.next_session.as_deref() {
                        <span class="rcp-next">{ lang.pick("Prochaine séance ", "Next session ") }{ model::short_date(next, lang) }</span>
                    }
                </header>
                <p class="rcp-via">
                    { lang.pick("Par ", "Through ") }{ via.join(", ") }{ format!(" ({role})") }
                </p>
                <div class="rcp-tools">
                    { gate(lang.pick("Inscrire un patient", "Register a patient").to_owned(), "dcc.rcp.register_patient", Some(&res), rcp.can_register_patient, "action small", None) }
                </div>
                if rcp.dossiers.is_empty() && ghosts.is_empty() {
                    <p class="muted small">{ lang.pick("Aucun dossier", "No dossier") }</p>
                } else {
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
                            { for rcp.dossiers.iter().map(|d| dossier_row(d, panel)) }
                            { for ghosts.iter().map(|g| {
                                let r = format!("dossier:{}", g.id);
                                html! {
                                    <tr class="ghost-row">
                                        <td colspan="6">
                                            { gate(format!("{} · {}", g.id, g.name), "dcc.dossier.view", Some(&r), false, "link-like", None) }
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                }
            </article>
        }
    };
    let ghost_rcps = |shown: &[RcpView], action: &str| -> Html {
        if !props.ghosts {
            return html! {};
        }
        let ids: Vec<&str> = shown.iter().map(|r| r.id.as_str()).collect();
        html! {
            <div class="ghost-rcps">
                { for model::rcps_not_in(file, &ids).into_iter().map(|r| {
                    let res = format!("rcp:{}", r.id);
                    gate(r.name, action, Some(&res), false, "rcp-ghost", None)
                }) }
            </div>
        }
    };
    let icon_of = |id: &str| view.dcc.icons.iter().find(|i| i.id == id);
    let panel_head = |id: &str| {
        let label = icon_of(id).map(|i| i.label.clone()).unwrap_or_default();
        html! { <h4 class="panel-title">{ icons::for_element(id) }{ label }</h4> }
    };
    let rcp_panel = |panel: Panel, list: &[RcpView]| {
        let (testid, icon, action, hint, empty) = match panel {
            Panel::Agenda => (
                "dcc-agenda",
                "agenda",
                "dcc.agenda.view",
                lang.pick("RCP où l'un de ses médecins est participant — seulement les dossiers qu'ils ont demandés", "RCPs where one of her doctors is a participant — only the dossiers they requested"),
                lang.pick("Aucune RCP dans son agenda", "No RCP in her agenda"),
            ),
            Panel::SessionRun => (
                "dcc-session-run",
                "session_run",
                "dcc.session.view",
                lang.pick("RCP où l'un de ses médecins est animateur — tous les dossiers, droit de valider", "RCPs where one of her doctors is animateur — every dossier, may validate"),
                lang.pick("Aucune RCP dans son déroulement", "No RCP in her déroulement"),
            ),
        };
        html! {
            <section class="dcc-panel" data-testid={testid}>
                { panel_head(icon) }
                <p class="panel-hint">{ hint }</p>
                { for list.iter().map(|r| rcp_card(r, panel)) }
                if list.is_empty() {
                    <p class="empty">{ empty }</p>
                }
                { ghost_rcps(list, action) }
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
                { for view.dcc.icons.iter().map(|i| gate(i.label.clone(), &i.action, i.resource.as_deref(), i.shown, "dcc-icon", Some(icons::for_element(&i.id)))) }
            </nav>
            <div class="dcc-patient-tools">
                { for view.dcc.centres.iter().map(|c| {
                    let res = format!("centre:{}", c.id);
                    let shown = view.dcc.patient_add.contains(&c.id);
                    gate(format!("{} — {}", lang.pick("Ajouter un patient", "Add a patient"), c.name), "dcc.patient.add", Some(&res), shown, "action small", None)
                }) }
            </div>
            <div class="dcc-grid">
                { rcp_panel(Panel::Agenda, &view.dcc.agenda) }
                { rcp_panel(Panel::SessionRun, &view.dcc.session_run) }
                <section class="dcc-panel" data-testid="dcc-dossiers">
                    { panel_head("dossiers") }
                    <div class="tabs" role="group" aria-label={lang.pick("Onglets du dossier", "Dossier tabs")}>
                        { for view.dcc.tabs.iter().map(|t| gate(t.label.clone(), &t.action, t.resource.as_deref(), t.shown, "tab", None)) }
                    </div>
                    { passages(view, lang, &dossier_row) }
                </section>
            </div>
        </section>
    }
}

fn passages(view: &View, lang: Lang, row: &dyn Fn(&DossierView, Panel) -> Html) -> Html {
    let tab_shown = view
        .dcc
        .tabs
        .iter()
        .any(|t| t.id == "rcp_passages" && t.shown);
    if !tab_shown {
        return html! { <p class="empty">{ lang.pick("Onglet non disponible", "Tab not available") }</p> };
    }
    if view.dcc.passages.is_empty() {
        return html! { <p class="empty">{ lang.pick("Aucun passage RCP", "No RCP passage") }</p> };
    }
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
            <tbody>{ for view.dcc.passages.iter().map(|d| row(d, Panel::Agenda)) }</tbody>
        </table>
    }
}
