//! # secretariat_playground
//!
//! The Yew playground: pick a secretary and see both products as she sees them (the practice
//! application per doctor, the cancer network's DCC), simulate a change and get the requests to
//! send, follow guided scenarios, read the secretaries-of-a-doctor report.
//!
//! Every shown/hidden element, diff, finding and request comes from `secretariat_core`: this crate
//! lays out what the engine answers and never decides anything itself.
//!
//! - [`state`]: plain data, [`state::Action`] and the pure reducer (tested natively).
//! - [`model`]: the view-model — lists and wording read from the organisation file.
//! - [`forms`]: the "Construire" forms as drafts that turn into core changes (tested natively).
//! - [`scenarios`]: trainer mode's guided scenarios (data, checked against the engine by tests).
//! - [`share`]: the shareable link (state in the URL fragment).
//! - [`browser`]: the browser edge — clock, storage, URL, downloads, clipboard, files, form fields,
//!   focus, listeners (the only module that names `web_sys`, `gloo`, `js_sys`, `wasm_bindgen`).
//! - [`components`]: one Yew component per file; [`hooks`]: `use_*` hooks.

pub mod browser;
pub mod components;
pub mod forms;
pub mod hooks;
pub mod model;
pub mod scenarios;
pub mod share;
pub mod state;

/// Mounts the playground on the page's `<body>`.
pub fn start() {
    yew::Renderer::<components::app::App>::new().render();
}
