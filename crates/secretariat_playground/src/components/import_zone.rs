//! Importing an organisation file: drop it on the zone or pick it. The file is read in the browser
//! and handed to the reducer, which loads it with the engine (every problem, with its JSON path).

use web_sys::FileList;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::drop_zone::DropZone;
use crate::hooks::use_app;
use crate::state::Action;

/// The zone takes everything from the shared state.
#[derive(Properties, PartialEq)]
pub struct ImportZoneProps {}

/// Reads `file` and dispatches it as an import.
fn read(app: crate::hooks::AppHandle, file: web_sys::File) {
    let file = gloo::file::File::from(file);
    spawn_local(async move {
        let name = file.name();
        match gloo::file::futures::read_as_text(&file).await {
            Ok(text) => app.dispatch(Action::Import { name, text }),
            Err(e) => app.dispatch(Action::ImportUnreadable {
                name,
                message: format!("the file could not be read: {e}"),
            }),
        }
    });
}

/// The drop zone with its file picker.
#[component]
pub fn ImportZone(_props: &ImportZoneProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let onfiles = {
        let app = app.clone();
        Callback::from(move |files: FileList| {
            if let Some(file) = files.get(0) {
                read(app.clone(), file);
            }
        })
    };
    html! {
        <DropZone onfiles={onfiles} accept=".json,application/json" testid="dropzone" input_testid="import-file"
            pick={lang.pick("Choisir un fichier…", "Choose a file…")}>
            <p>{ lang.pick("Déposez ici un fichier d'organisation ", "Drop an organisation file here ") }<code>{ "secretariat-org/1" }</code></p>
        </DropZone>
    }
}
