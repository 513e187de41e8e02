//! « Construire »: build an organisation without writing JSON — a blank one, spreadsheets dropped
//! in, forms for doctors, centres, groups and RCPs, and a new secretary's arrival — beside the
//! engine's simulation of what the forms changed (her gains, the requests to send).

use yew::prelude::*;

use crate::components::arrival_form::ArrivalForm;
use crate::components::centre_form::CentreForm;
use crate::components::doctor_form::DoctorForm;
use crate::components::group_form::GroupForm;
use crate::components::new_org_form::NewOrgForm;
use crate::components::rcp_form::RcpForm;
use crate::components::sheets_zone::SheetsZone;
use crate::components::simulation_panel::SimulationPanel;
use crate::state::{Action, SheetsStatus, Ui, Work};

/// The organisation worked on, what the last spreadsheets did, and where actions go.
#[derive(Properties, PartialEq)]
pub struct BuildScreenProps {
    /// Base, edits and result.
    pub work: Work,
    /// Language and date.
    pub ui: Ui,
    /// What the last spreadsheets did.
    pub sheets: SheetsStatus,
    /// The reducer's dispatcher.
    pub onaction: Callback<Action>,
}

/// The forms of the screen, in the order a new organisation is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    NewOrg,
    Sheets,
    Doctor,
    Centre,
    Group,
    Rcp,
    Arrival,
}

impl Form {
    const ALL: [Form; 7] = [
        Form::NewOrg,
        Form::Sheets,
        Form::Doctor,
        Form::Centre,
        Form::Group,
        Form::Rcp,
        Form::Arrival,
    ];

    fn id(self) -> &'static str {
        match self {
            Form::NewOrg => "new-org",
            Form::Sheets => "sheets",
            Form::Doctor => "doctor",
            Form::Centre => "centre",
            Form::Group => "group",
            Form::Rcp => "rcp",
            Form::Arrival => "arrival",
        }
    }

    fn label(self, lang: secretariat_core::Lang) -> &'static str {
        match self {
            Form::NewOrg => lang.pick("Nouvelle organisation", "New organisation"),
            Form::Sheets => lang.pick("Tableaux (CSV)", "Spreadsheets (CSV)"),
            Form::Doctor => lang.pick("Médecin", "Doctor"),
            Form::Centre => lang.pick("Centre 3C", "3C centre"),
            Form::Group => lang.pick("Groupe de secrétaires", "Secretary group"),
            Form::Rcp => lang.pick("RCP", "RCP"),
            Form::Arrival => lang.pick("Nouvelle secrétaire", "New secretary"),
        }
    }
}

/// The build screen.
#[component]
pub fn BuildScreen(props: &BuildScreenProps) -> Html {
    let BuildScreenProps {
        work,
        ui,
        sheets,
        onaction,
    } = props;
    let lang = ui.lang;
    let form = use_state(|| Form::Arrival);
    let tabs = Form::ALL.iter().map(|&f| {
        let onclick = {
            let form = form.clone();
            Callback::from(move |_: MouseEvent| form.set(f))
        };
        let current = *form == f;
        html! {
            <button type="button" class={classes!("build-tab", current.then_some("is-current"))}
                aria-pressed={current.to_string()} onclick={onclick} data-testid={format!("build-{}", f.id())}>
                { f.label(lang) }
            </button>
        }
    });
    let (org, rev) = (work.current.clone(), work.rev);
    let onedit = onaction.reform(Action::EditAll);
    let body = match *form {
        Form::NewOrg => html! {
            <NewOrgForm rev={rev} oncreate={onaction.reform(|f| Action::NewOrganisation(Box::new(f)))} />
        },
        Form::Sheets => {
            html! { <SheetsZone org={org} status={sheets.clone()} onaction={onaction.clone()} /> }
        }
        Form::Doctor => html! { <DoctorForm org={org} rev={rev} onedit={onedit} /> },
        Form::Centre => html! { <CentreForm org={org} rev={rev} onedit={onedit} /> },
        Form::Group => html! { <GroupForm org={org} rev={rev} onedit={onedit} /> },
        Form::Rcp => html! { <RcpForm org={org} rev={rev} onedit={onedit} /> },
        Form::Arrival => html! { <ArrivalForm org={org} rev={rev} onedit={onedit} /> },
    };
    let onadopt = onaction.reform(|_: MouseEvent| Action::Adopt);
    html! {
        <>
            <div class="screen-head">
                <h1>{ lang.pick("Construire l'organisation", "Build the organisation") }</h1>
                <p class="lead">{ lang.pick(
                    "Partez d'une organisation vide ou de vos tableaux, ajoutez médecins, centres, groupes et RCP, puis simulez l'arrivée d'une secrétaire. Chaque formulaire est une liste de modifications que le moteur applique et vérifie ; la simulation montre ce qu'elle gagne et les demandes à envoyer.",
                    "Start from an empty organisation or your spreadsheets, add doctors, centres, groups and RCPs, then simulate a secretary's arrival. Every form is a list of changes the engine applies and checks; the simulation shows what she gains and the requests to send.",
                ) }</p>
            </div>
            <div class="two-cols">
                <div class="build-forms">
                    <div class="build-tabs" role="group" aria-label={lang.pick("Formulaires", "Forms")}>{ for tabs }</div>
                    <section class="card" data-testid={format!("build-form-{}", form.id())}>
                        <h2>{ form.label(lang) }</h2>
                        { body }
                    </section>
                    <section class="card">
                        <h2>{ lang.pick("Valider", "Adopt") }</h2>
                        <p class="muted small">{ lang.pick(
                            "Quand l'organisation est comme vous la voulez, validez : elle devient la référence, et la prochaine simulation (une arrivée, par exemple) ne montre que ce qui vient ensuite.",
                            "When the organisation is as you want it, adopt it: it becomes the reference, and the next simulation (an arrival, say) shows only what comes after.",
                        ) }</p>
                        <button type="button" class="btn" onclick={onadopt} disabled={work.changes.is_empty()} data-testid="adopt">
                            { lang.pick("Valider les modifications", "Adopt the edits") }
                        </button>
                    </section>
                </div>
                <SimulationPanel work={work.clone()} ui={ui.clone()} onaction={onaction.clone()} />
            </div>
        </>
    }
}
