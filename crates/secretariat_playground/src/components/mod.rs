//! One Yew component per file, each with its `XxxProps`. Components read the shared state through
//! [`crate::hooks::use_app`] and change it only by dispatching [`crate::state::Action`]s.

pub mod app;
pub mod arrival_doctor;
pub mod arrival_form;
pub mod build_screen;
pub mod centre_form;
pub mod change_requests;
pub mod choice_checks;
pub mod dcc_app;
pub mod doctor_form;
pub mod edit_history;
pub mod edit_panel;
pub mod explain_dialog;
pub mod findings_list;
pub mod form_kit;
pub mod gate;
pub mod group_form;
pub mod header;
pub mod icons;
pub mod import_zone;
pub mod nav_tabs;
pub mod new_org_form;
pub mod organisation_screen;
pub mod permission_toggle;
pub mod permission_warning;
pub mod practice_app;
pub mod rcp_form;
pub mod report_screen;
pub mod secretary_picker;
pub mod sees_screen;
pub mod sheets_zone;
pub mod simulate_screen;
pub mod simulation_panel;
pub mod text_field;
pub mod trainer_screen;
pub mod window_fields;
