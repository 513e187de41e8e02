//! One Yew component per file, each with its `XxxProps`. Components read the shared state through
//! [`crate::hooks::use_app`] and change it only by dispatching [`crate::state::Action`]s.

pub mod app;
pub mod change_requests;
pub mod dcc_app;
pub mod edit_history;
pub mod edit_panel;
pub mod explain_dialog;
pub mod findings_list;
pub mod gate;
pub mod header;
pub mod icons;
pub mod import_zone;
pub mod link_banner;
pub mod nav_tabs;
pub mod organisation_screen;
pub mod permission_toggle;
pub mod practice_app;
pub mod report_screen;
pub mod scope_panel;
pub mod secretary_picker;
pub mod sees_screen;
pub mod simulate_screen;
pub mod simulation_panel;
pub mod trainer_screen;
pub mod window_fields;
