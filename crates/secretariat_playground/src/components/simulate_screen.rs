//! "Simulate a change": the edit panel beside the engine's before/after.

use yew::prelude::*;

use crate::components::edit_panel::EditPanel;
use crate::components::secretary_picker::SecretaryPicker;
use crate::components::simulation_panel::SimulationPanel;
use crate::hooks::use_app;

/// The screen takes everything from the shared state.
#[derive(Properties, PartialEq)]
pub struct SimulateScreenProps {}

/// The simulate screen.
#[component]
pub fn SimulateScreen(_props: &SimulateScreenProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    html! {
        <>
            <div class="screen-head">
                <h1>{ lang.pick("Simuler un changement", "Simulate a change") }</h1>
                <p class="lead">{ lang.pick(
                    "Modifiez les droits comme vous voudriez les demander. Le moteur montre ce que chaque secrétaire gagne ou perd, les constats, et rédige les demandes à envoyer à l'éditeur et au réseau.",
                    "Edit the settings as you would ask for them. The engine shows what each secretary gains or loses, the findings, and writes the requests to send to the vendor and the network.",
                ) }</p>
            </div>
            <SecretaryPicker with_ghosts={false} />
            <div class="two-cols">
                <EditPanel />
                <SimulationPanel />
            </div>
        </>
    }
}
