//! Spreadsheets in and out: drop or pick CSV files (people, practice accesses, the network's report
//! of a doctor's secretaries); the core's import turns them into changes added to the edits, or
//! reports every problem with its file, row and column and changes nothing. Export writes the same
//! three sheets.

use secretariat_sheets::SheetKind;
use web_sys::FileList;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::components::drop_zone::DropZone;
use crate::components::icons;
use crate::hooks::{use_app, AppHandle};
use crate::state::{Action, SheetFile, SheetsStatus};

/// The zone takes everything from the shared state.
#[derive(Properties, PartialEq)]
pub struct SheetsZoneProps {}

/// Reads every file of `list`, then dispatches them as one import (an unreadable file is reported
/// as a problem of its own).
fn read_all(app: AppHandle, list: FileList) {
    let files: Vec<gloo::file::File> = (0..list.length())
        .filter_map(|i| list.get(i))
        .map(gloo::file::File::from)
        .collect();
    if files.is_empty() {
        return;
    }
    spawn_local(async move {
        let mut sheets = Vec::new();
        for file in files {
            let name = file.name();
            match gloo::file::futures::read_as_bytes(&file).await {
                Ok(bytes) => sheets.push(SheetFile { name, bytes }),
                Err(e) => {
                    app.dispatch(Action::Unreadable {
                        scenarios: false,
                        name,
                        message: format!("the file could not be read: {e}"),
                    });
                    return;
                }
            }
        }
        app.dispatch(Action::ImportSheets(sheets));
    });
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
pub fn SheetsZone(_props: &SheetsZoneProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let onfiles = {
        let app = app.clone();
        Callback::from(move |list: FileList| read_all(app.clone(), list))
    };
    let ondismiss = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::DismissImport))
    };
    let report = match &app.sheets {
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
            let app = app.clone();
            Callback::from(move |_: MouseEvent| {
                let text = secretariat_sheets::export(app.current.file(), kind);
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
