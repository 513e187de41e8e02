//! Spreadsheets in and out: drop or pick CSV files (people, practice accesses, the network's report
//! of a doctor's secretaries); the core's import turns them into changes added to the edits, or
//! reports every problem with its file, row and column and changes nothing. Export writes the same
//! three sheets.

use secretariat_core::Organisation;
use secretariat_sheets::SheetKind;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser::{self, Files};
use crate::components::drop_zone::DropZone;
use crate::components::icons;
use crate::hooks::use_lang;
use crate::state::{Action, Shared, SheetFile, SheetsStatus};

/// The organisation the sheets edit, what the last ones did, and where actions go.
#[derive(Properties, PartialEq)]
pub struct SheetsZoneProps {
    /// The working organisation (exported, and what the sheets are read against).
    pub org: Shared<Organisation>,
    /// What the last spreadsheets did.
    pub status: SheetsStatus,
    /// Called with `ImportSheets`, `Unreadable` or `DismissImport`.
    pub onaction: Callback<Action>,
}

/// Reads every file, then hands them over as one import (the first unreadable file is reported
/// instead, and nothing is imported).
fn read_all(onaction: Callback<Action>) -> Callback<Files> {
    Callback::from(move |files: Files| {
        let onaction = onaction.clone();
        spawn_local(async move {
            let mut sheets = Vec::new();
            for (name, bytes) in browser::all_bytes(files).await {
                match bytes {
                    Ok(bytes) => sheets.push(SheetFile { name, bytes }),
                    Err(message) => {
                        let scenarios = false;
                        return onaction.emit(Action::Unreadable {
                            scenarios,
                            name,
                            message,
                        });
                    }
                }
            }
            if !sheets.is_empty() {
                onaction.emit(Action::ImportSheets(sheets));
            }
        });
    })
}

fn kind_label(kind: SheetKind, lang: secretariat_core::Lang) -> &'static str {
    match kind {
        SheetKind::People => lang.pick("Personnes", "People"),
        SheetKind::Accesses => lang.pick("Accès au logiciel de cabinet", "Practice accesses"),
        SheetKind::Secretaries => lang.pick(
            "Secrétaires des médecins (réseau)",
            "Doctors' secretaries (network)",
        ),
    }
}

/// The drop zone, its report and the export buttons.
#[component]
pub fn SheetsZone(props: &SheetsZoneProps) -> Html {
    let lang = use_lang();
    let onfiles = read_all(props.onaction.clone());
    let ondismiss = props.onaction.reform(|_: MouseEvent| Action::DismissImport);
    let report = match &props.status {
        SheetsStatus::Idle => html! {},
        SheetsStatus::Imported { names, changes } => html! {
            <div class="banner banner-ok" role="status" data-testid="sheets-ok">
                { icons::check() }
                { format!("{} — {changes} {}", names.join(", "), lang.pick("modifications ajoutées", "changes added")) }
                <button type="button" class="btn btn-small btn-ghost" onclick={ondismiss}>{ "OK" }</button>
            </div>
        },
        SheetsStatus::Failed { names, problems } => html! {
            <div class="banner banner-error" role="alert" data-testid="sheets-error">
                <p>{ lang.pick("Rien n'a été importé de ", "Nothing was imported from ") }<strong>{ names.join(", ") }</strong>{ " :" }</p>
                <table class="csv-problems">
                    <thead><tr>
                        <th scope="col">{ lang.pick("Fichier", "File") }</th>
                        <th scope="col">{ lang.pick("Ligne", "Row") }</th>
                        <th scope="col">{ lang.pick("Colonne", "Column") }</th>
                        <th scope="col">{ lang.pick("Problème", "Problem") }</th>
                    </tr></thead>
                    <tbody>{ for problems.iter().map(|p| html! {
                        <tr data-row={p.row.to_string()} data-column={p.column.map(|c| c.to_string()).unwrap_or_default()}>
                            <td>{ p.sheet.clone() }</td>
                            <td>{ if p.row > 0 { p.row.to_string() } else { "—".to_owned() } }</td>
                            <td>{ match (&p.header, p.column) {
                                (Some(h), Some(c)) => format!("{c} ({h})"),
                                (None, Some(c)) => c.to_string(),
                                (Some(h), None) => h.clone(),
                                (None, None) => "—".to_owned(),
                            } }</td>
                            <td>{ p.message.clone() }</td>
                        </tr>
                    }) }</tbody>
                </table>
                <button type="button" class="btn btn-small" onclick={ondismiss}>{ "OK" }</button>
            </div>
        },
    };
    let exports = SheetKind::ALL.into_iter().map(|kind| {
        let onclick = {
            let org = props.org.clone();
            Callback::from(move |_: MouseEvent| {
                let text = secretariat_sheets::export(org.file(), kind);
                browser::download(&format!("{}.csv", kind.id()), "text/csv;charset=utf-8", &text);
            })
        };
        html! {
            <button type="button" class="btn btn-small" onclick={onclick} data-testid={format!("export-{}", kind.id())}>
                { icons::download() }{ kind_label(kind, lang) }
            </button>
        }
    });
    html! {
        <div class="sheets">
            <DropZone onfiles={onfiles} accept=".csv,text/csv" multiple={true} testid="sheets-dropzone" input_testid="sheets-file"
                pick={lang.pick("Choisir des fichiers…", "Choose files…")}>
                <p>{ lang.pick(
                    "Déposez ici vos tableaux CSV : personnes (Nom, Catégorie, RPPS, Externe), accès au logiciel de cabinet (Secrétaire, Médecin, un droit par colonne), ou le rapport du réseau (Secrétaire, Médecin, RPPS Médecin).",
                    "Drop your CSV sheets here: people (Nom, Catégorie, RPPS, Externe), practice accesses (Secrétaire, Médecin, one permission per column), or the network's report (Secrétaire, Médecin, RPPS Médecin).",
                ) }</p>
            </DropZone>
            { report }
            <p class="muted small">{ lang.pick(
                "Séparateur ; ou , — UTF-8, avec ou sans BOM. Chaque ligne devient une modification que vous pouvez annuler.",
                "Separator ; or , — UTF-8, with or without BOM. Every row becomes an edit you can undo.",
            ) }</p>
            <div class="toolbar">
                <span class="muted small">{ lang.pick("Exporter :", "Export:") }</span>
                { for exports }
            </div>
        </div>
    }
}
