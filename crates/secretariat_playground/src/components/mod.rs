//! One Yew component per file, each with its `XxxProps`: the data it shows and `on*` callbacks, as
//! in Yew's `function_todomvc`. `App` holds the state and hands each screen the parts it shows and
//! the reducer's dispatcher; below the screens, components get narrower data and callbacks made
//! with `Callback::reform`. The language is the one context ([`crate::hooks::use_lang`]).

pub mod access_card;
pub mod account_card;
pub mod app;
pub mod arrival_doctor;
pub mod arrival_form;
pub mod build_screen;
pub mod centre_form;
pub mod change_requests;
pub mod choice_checks;
pub mod dcc_app;
pub mod doctor_form;
pub mod dossier_table;
pub mod drop_zone;
pub mod edit_history;
pub mod edit_panel;
pub mod explain_dialog;
pub mod findings_list;
pub mod form_kit;
pub mod gate;
pub mod group_edit;
pub mod group_form;
pub mod header;
pub mod held_list;
pub mod icons;
pub mod import_zone;
pub mod link_banner;
pub mod nav_tabs;
pub mod network_card;
pub mod new_org_form;
pub mod organisation_screen;
pub mod permission_toggle;
pub mod permission_warning;
pub mod practice_app;
pub mod rcp_card;
pub mod rcp_form;
pub mod rcp_roles_edit;
pub mod report_screen;
pub mod scenario_step;
pub mod scope_panel;
pub mod secretary_picker;
pub mod sees_screen;
pub mod sheets_zone;
pub mod simulate_screen;
pub mod simulation_panel;
pub mod text_field;
pub mod trainer_screen;
pub mod window_fields;
