//! Importing an organisation file: drop it on the zone or pick it. The file is read in the browser
//! and handed to the reducer, which loads it with the engine (every problem, with its JSON path).

use web_sys::{DragEvent, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::icons;
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
    let over = use_state(|| false);
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read(app.clone(), file);
            }
            input.set_value("");
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let app = app.clone();
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                read(app.clone(), file);
            }
        })
    };
    html! {
        <div class={classes!("dropzone", (*over).then_some("is-over"))}
            ondragover={ondragover} ondragenter={Callback::from(|e: DragEvent| e.prevent_default())}
            ondragleave={ondragleave} ondrop={ondrop} data-testid="dropzone">
            { icons::upload() }
            <p>{ lang.pick("Déposez ici un fichier d'organisation ", "Drop an organisation file here ") }<code>{ "secretariat-org/1" }</code></p>
            <label class="btn">
                { lang.pick("Choisir un fichier…", "Choose a file…") }
                <input type="file" accept=".json,application/json" class="sr-only" onchange={onchange} data-testid="import-file" />
            </label>
        </div>
    }
}
