//! "Simulate a change": the edit panel beside the engine's before/after.

use yew::prelude::*;

use crate::components::edit_panel::EditPanel;
use crate::components::secretary_picker::SecretaryPicker;
use crate::components::simulation_panel::SimulationPanel;
use crate::state::{Action, Ui, Work};

/// The organisation worked on, what is shown, and where actions go.
#[derive(Properties, PartialEq)]
pub struct SimulateScreenProps {
    /// Base, edits and result.
    pub work: Work,
    /// Secretary, language, date.
    pub ui: Ui,
    /// The reducer's dispatcher.
    pub onaction: Callback<Action>,
}

/// The simulate screen.
#[component]
pub fn SimulateScreen(props: &SimulateScreenProps) -> Html {
    let SimulateScreenProps { work, ui, onaction } = props;
    let lang = ui.lang;
    html! {
        <>
            <div class="screen-head">
                <h1>{ lang.pick("Simuler un changement", "Simulate a change") }</h1>
                <p class="lead">{ lang.pick(
                    "Modifiez les droits comme vous voudriez les demander. Le moteur montre ce que chaque secrétaire gagne ou perd, les constats, et rédige les demandes à envoyer à l'éditeur et au réseau.",
                    "Edit the settings as you would ask for them. The engine shows what each secretary gains or loses, the findings, and writes the requests to send to the vendor and the network.",
                ) }</p>
            </div>
            <SecretaryPicker org={work.current.clone()} selected={ui.selected.clone()} onselect={onaction.reform(Action::Select)} />
            <div class="two-cols">
                <EditPanel org={work.current.clone()} secretary={ui.selected.clone()} onedit={onaction.reform(Action::Edit)} />
                <SimulationPanel work={work.clone()} ui={ui.clone()} onaction={onaction.clone()} />
            </div>
        </>
    }
}
