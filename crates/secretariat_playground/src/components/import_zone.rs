//! Importing an organisation file: drop it on the zone or pick it. The file is read in the browser
//! and handed over as text, which the reducer loads with the engine (every problem, with its JSON
//! path).

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser::{self, Files};
use crate::components::drop_zone::DropZone;
use crate::hooks::use_lang;

/// Where the file goes.
#[derive(Properties, PartialEq)]
pub struct ImportZoneProps {
    /// Called with the file's name and its text, or why it could not be read.
    pub onimport: Callback<(String, Result<String, String>)>,
}

/// The drop zone with its file picker.
#[component]
pub fn ImportZone(props: &ImportZoneProps) -> Html {
    let lang = use_lang();
    let onfiles = read_first(props.onimport.clone());
    html! {
        <DropZone onfiles={onfiles} accept=".json,application/json" testid="dropzone" input_testid="import-file"
            pick={lang.pick("Choisir un fichier…", "Choose a file…")}>
            <p>{ lang.pick("Déposez ici un fichier d'organisation ", "Drop an organisation file here ") }<code>{ "secretariat-org/1" }</code></p>
        </DropZone>
    }
}

/// Reads the first file dropped or picked, then hands its name and text (or why it could not be
/// read) to `onread`: the organisation import and trainer mode's scenario files.
pub fn read_first(onread: Callback<(String, Result<String, String>)>) -> Callback<Files> {
    Callback::from(move |files: Files| {
        let onread = onread.clone();
        spawn_local(async move {
            if let Some(read) = browser::first_text(files).await {
                onread.emit(read);
            }
        });
    })
}
