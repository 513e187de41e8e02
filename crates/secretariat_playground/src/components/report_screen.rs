//! The "secretaries of a doctor" report (D8, seed 001 §3.2): the engine's rows, as a table and as CSV.

use secretariat_core::to_csv;
use yew::prelude::*;

use crate::browser;
use crate::components::icons;
use crate::model;
use crate::state::{Action, ReportChoice, Ui, Work};

/// The organisation, the date and language, the choices, and where new choices go.
#[derive(Properties, PartialEq)]
pub struct ReportScreenProps {
    /// Base, edits and result (the report is of the result).
    pub work: Work,
    /// Language and date.
    pub ui: Ui,
    /// The doctor and reader chosen.
    pub report: ReportChoice,
    /// Called with `ReportDoctor` or `ReportReader`.
    pub onaction: Callback<Action>,
}

fn choice_value(e: &Event) -> Option<String> {
    let v = browser::value(e);
    (!v.is_empty()).then_some(v)
}

/// The report screen.
#[component]
pub fn ReportScreen(props: &ReportScreenProps) -> Html {
    let ReportScreenProps {
        work,
        ui,
        report,
        onaction,
    } = props;
    let lang = ui.lang;
    let org = work.current.clone();
    let file = org.file();
    let ondoctor = onaction.reform(|e: Event| Action::ReportDoctor(choice_value(&e)));
    let onreader = onaction.reform(|e: Event| Action::ReportReader(choice_value(&e)));
    let (doctor, reader) = (report.doctor.clone(), report.reader.clone());
    let result = match reader.as_deref() {
        Some(reader) => org.report(reader, doctor.as_deref(), ui.instant(), lang),
        None => org.report_every_row(doctor.as_deref(), ui.instant()),
    };
    let body = match &result {
        Ok(rows) if rows.is_empty() => html! {
            <p class="empty" data-testid="report-empty">{ lang.pick("Aucune secrétaire rattachée.", "No secretary attached.") }</p>
        },
        Ok(rows) => html! {
            <table class="report" data-testid="report-table">
                <thead><tr>
                    <th scope="col">{ lang.pick("Secrétaire", "Secretary") }</th>
                    <th scope="col">{ lang.pick("Médecin", "Doctor") }</th>
                    <th scope="col">{ lang.pick("RPPS Médecin", "Doctor's RPPS") }</th>
                    <th scope="col">{ lang.pick("Par le groupe", "Through group") }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr>
                            <td data-label={lang.pick("Secrétaire", "Secretary")}>{ r.secretary.clone() }</td>
                            <td data-label={lang.pick("Médecin", "Doctor")}>{ r.doctor.clone() }</td>
                            <td data-label="RPPS"><code>{ r.rpps.clone() }</code></td>
                            <td data-label={lang.pick("Groupe", "Group")}>{ r.via_group.as_deref().map_or_else(|| "—".to_owned(), |g| model::group_name(file, g)) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
        Err(e) => html! {
            <p class="banner banner-error" data-testid="report-denied">{ lang.pick("Rapport refusé — ", "Report refused — ") }{ e.to_string() }</p>
        },
    };
    let oncsv = {
        let csv = result.as_ref().map(|rows| to_csv(rows)).unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            browser::download(
                "secretaires-par-medecin.csv",
                "text/csv;charset=utf-8",
                &csv,
            )
        })
    };
    html! {
        <>
            <div class="screen-head">
                <h1>{ lang.pick("Secrétaires d'un médecin", "A doctor's secretaries") }</h1>
                <p class="lead">{ lang.pick(
                    "Le rapport de l'infocentre : qui est rattaché à quel médecin. Lisible par les 3C et les responsables de RCP ; le profil secrétaire médecin ne le donne jamais.",
                    "The infocentre report: who is attached to which doctor. Readable by the 3C and RCP responsables; the secrétaire médecin profile never gives it.",
                ) }</p>
            </div>
            <div class="card report-tools">
                <label class="field inline">
                    <span>{ lang.pick("Médecin", "Doctor") }</span>
                    <select onchange={ondoctor} data-testid="report-doctor">
                        <option value="" selected={doctor.is_none()}>{ lang.pick("Tous les médecins", "Every doctor") }</option>
                        { for model::doctors(&org).into_iter().map(|d| html! {
                            <option value={d.id.clone()} selected={doctor.as_deref() == Some(d.id.as_str())}>{ d.name }</option>
                        }) }
                    </select>
                </label>
                <label class="field inline">
                    <span>{ lang.pick("Lu par", "Read by") }</span>
                    <select onchange={onreader} data-testid="report-reader">
                        <option value="" selected={reader.is_none()}>{ lang.pick("Administrateur (sans contrôle)", "Administrator (no check)") }</option>
                        { for model::people(file).into_iter().map(|p| html! {
                            <option value={p.id.clone()} selected={reader.as_deref() == Some(p.id.as_str())}>{ p.name }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="btn" onclick={oncsv} disabled={result.is_err()} data-testid="report-csv">
                    { icons::download() }{ lang.pick("Télécharger (CSV)", "Download (CSV)") }
                </button>
            </div>
            <div class="card">{ body }</div>
        </>
    }
}
