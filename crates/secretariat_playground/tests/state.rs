//! The reducer, natively: edits, undo/redo, imports that fail without touching anything, reset,
//! persistence and shared links.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use std::rc::Rc;

use secretariat_core::{Change, Lang, Request, DEMO_ORG};
use secretariat_playground::share;
use secretariat_playground::state::{
    Action, ImportStatus, OrgJson, OrgSource, Saved, Screen, State,
};

const NOW: &str = "2026-11-23T10:00:00Z";

fn demo() -> State {
    State::new(Some(NOW.to_owned()))
}

/// Runs actions in order from the demo state.
fn run(actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(demo(), State::reduce_owned)
}

fn grant(s: &str, d: &str, p: &str) -> Action {
    Action::Edit(Change::GrantPermission {
        secretary: s.into(),
        doctor: d.into(),
        permission: p.into(),
        valid_from: None,
        valid_until: None,
    })
}

fn allowed(state: &State, principal: &str, action: &str, resource: &str) -> bool {
    let mut r = Request::new(principal, action, Some(resource));
    r.now = Some(NOW.to_owned());
    state.current.is_allowed(&r).unwrap()
}

#[test]
fn starts_on_the_demo_in_french_with_the_first_secretary() {
    let s = demo();
    assert_eq!(s.selected.as_deref(), Some("sophie"));
    assert_eq!(s.lang, Lang::Fr);
    assert_eq!(s.screen, Screen::Sees);
    assert!(s.changes.is_empty());
    assert!(Rc::ptr_eq(&s.base, &s.current));
    assert!(s.current.name().starts_with("Démo"));
}

#[test]
fn an_edit_changes_after_but_not_before() {
    let s = run([grant("sophie", "dr-martin", "export_patients")]);
    assert_eq!(s.changes.len(), 1);
    assert_eq!(s.rev, 1);
    assert!(allowed(
        &s,
        "sophie",
        "practice.export_patients",
        "doctor:dr-martin"
    ));
    let mut r = Request::new(
        "sophie",
        "practice.export_patients",
        Some("doctor:dr-martin"),
    );
    r.now = Some(NOW.to_owned());
    assert!(!s.base.is_allowed(&r).unwrap(), "the base is untouched");
}

#[test]
fn undo_and_redo_walk_the_edit_list() {
    let s = run([
        grant("sophie", "dr-martin", "export_patients"),
        grant("sophie", "dr-martin", "pid_billing"),
        Action::Undo,
    ]);
    assert_eq!(s.changes.len(), 1);
    assert_eq!(s.undone.len(), 1);
    assert!(!allowed(
        &s,
        "sophie",
        "practice.pid_billing",
        "doctor:dr-martin"
    ));
    let s = s.reduce_owned(Action::Redo);
    assert_eq!(s.changes.len(), 2);
    assert!(s.undone.is_empty());
    assert!(allowed(
        &s,
        "sophie",
        "practice.pid_billing",
        "doctor:dr-martin"
    ));
    // A new edit after an undo forgets what was undone.
    let s = s
        .reduce_owned(Action::Undo)
        .reduce_owned(grant("lea", "dr-martin", "agenda"));
    assert!(s.undone.is_empty());
    // Undo with nothing to undo, redo with nothing to redo: no change.
    let s = run([Action::Undo, Action::Redo]);
    assert_eq!(s.rev, 0);
}

#[test]
fn discard_moves_every_edit_to_redo() {
    let s = run([
        grant("sophie", "dr-martin", "export_patients"),
        Action::Edit(Change::Suspend {
            person: "lea".into(),
        }),
        Action::DiscardEdits,
    ]);
    assert!(s.changes.is_empty());
    assert_eq!(s.undone.len(), 2);
    let s = s.reduce_owned(Action::Redo);
    assert_eq!(
        s.changes,
        vec![match grant("sophie", "dr-martin", "export_patients") {
            Action::Edit(c) => c,
            _ => unreachable!(),
        }]
    );
}

#[test]
fn an_edit_that_does_not_apply_is_refused_with_its_reason() {
    // Nadia holds no access to Dr Martin's account: a single permission cannot be granted.
    let s = run([grant("nadia", "dr-martin", "agenda")]);
    assert!(s.changes.is_empty());
    let problems = s.edit_error.expect("refused");
    assert_eq!(problems[0].path, "changes[0]");
    assert!(problems[0].message.contains("nadia"), "{problems:?}");
    // A window whose dates do not parse breaks the file: refused by the loader, with its path.
    let s = run([Action::Edit(Change::AddProfile {
        secretary: "sophie".into(),
        centre: "3c-rouen".into(),
        valid_from: Some("demain".into()),
        valid_until: None,
    })]);
    assert!(s.changes.is_empty());
    assert!(s.edit_error.unwrap()[0].path.contains("profiles"));
    // The next good edit clears the error.
    let s = run([
        grant("nadia", "dr-martin", "agenda"),
        grant("sophie", "dr-martin", "pid_billing"),
    ]);
    assert!(s.edit_error.is_none());
}

#[test]
fn a_bad_import_reports_every_problem_and_keeps_everything() {
    let before = run([grant("sophie", "dr-martin", "export_patients")]);
    let base = before.base.clone();
    let bad = r#"{"format":"secretariat-org/1","people":[
        {"id":"a","name":"A","category":"medecin","status":"active"},
        {"id":"a","name":"B","category":"medecin","status":"active"}],
        "practice":{"accesses":[{"secretary":"a","doctor":"zz","permissions":["nope"]}]}}"#;
    let s = before.reduce_owned(Action::Import {
        name: "bad.json".into(),
        text: bad.into(),
    });
    match &s.import {
        ImportStatus::Failed { name, problems } => {
            assert_eq!(name, "bad.json");
            assert!(problems.len() >= 3, "{problems:?}");
            assert!(problems.iter().all(|p| !p.path.is_empty()), "{problems:?}");
        }
        other => panic!("expected a failure, got {other:?}"),
    }
    assert!(Rc::ptr_eq(&s.base, &base));
    assert_eq!(s.changes.len(), 1);
    // Not JSON at all, and another format: refused the same way.
    for text in ["{", r#"{"format":"secretariat-org/2"}"#, ""] {
        let s = demo().reduce_owned(Action::Import {
            name: "x".into(),
            text: text.into(),
        });
        assert!(matches!(s.import, ImportStatus::Failed { .. }), "{text}");
        assert!(s.current.name().starts_with("Démo"));
    }
    let s = demo().reduce_owned(Action::ImportUnreadable {
        name: "x".into(),
        message: "io".into(),
    });
    assert!(matches!(s.import, ImportStatus::Failed { .. }));
}

#[test]
fn a_good_import_replaces_the_base_and_drops_the_edits() {
    let org = r#"{"format":"secretariat-org/1","name":"Autre cabinet","people":[
        {"id":"dr","name":"Dr D","category":"medecin","status":"active"},
        {"id":"s","name":"S","category":"secretaire","status":"active"}],
        "practice":{"accesses":[{"secretary":"s","doctor":"dr","permissions":["agenda"]}]}}"#;
    let s = run([
        grant("sophie", "dr-martin", "export_patients"),
        Action::Import {
            name: "autre.json".into(),
            text: org.into(),
        },
    ]);
    assert_eq!(s.current.name(), "Autre cabinet");
    assert!(s.changes.is_empty() && s.undone.is_empty());
    assert_eq!(
        s.selected.as_deref(),
        Some("s"),
        "the selection moves to a secretary of the new file"
    );
    assert!(matches!(s.import, ImportStatus::Loaded { .. }));
    let s = s.reduce_owned(Action::ResetDemo);
    assert!(s.current.name().starts_with("Démo"));
    assert_eq!(s.selected.as_deref(), Some("sophie"));
    assert_eq!(s.import, ImportStatus::Idle);
}

#[test]
fn selection_language_date_and_screens() {
    let s = run([
        Action::Select("karim".into()),
        Action::Select("nobody".into()),
        Action::SetLang(Lang::En),
        Action::Go(Screen::Trainer),
        Action::SetNow(Some("not a date".into())),
        Action::SetGhosts(true),
    ]);
    assert_eq!(s.selected.as_deref(), Some("karim"));
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.screen, Screen::Trainer);
    assert_eq!(s.now.as_deref(), Some(NOW));
    assert!(s.ghosts);
    let s = s.reduce_owned(Action::SetNow(None));
    assert!(s.instant().is_none());
}

#[test]
fn explanations_open_on_the_right_organisation() {
    let r = Request::new("sophie", "dcc.agenda.view", Some("rcp:rcp-sein"));
    let s = run([Action::Explain(r.clone(), OrgSource::Demo)]);
    let e = s.explaining.clone().unwrap();
    assert_eq!(e.request, r);
    assert!(Rc::ptr_eq(s.org_of(e.source), &s.demo));
    let s = s.reduce_owned(Action::Go(Screen::Sees));
    assert!(s.explaining.is_none(), "changing screen closes the dialog");
}

#[test]
fn what_is_saved_restores_the_same_state() {
    let s = run([
        grant("sophie", "dr-martin", "export_patients"),
        grant("sophie", "dr-martin", "pid_billing"),
        Action::Undo,
        Action::Select("lea".into()),
        Action::SetLang(Lang::En),
        Action::Go(Screen::Simulate),
    ]);
    let saved = s.saved();
    let json = serde_json::to_string(&saved).unwrap();
    let back: Saved = serde_json::from_str(&json).unwrap();
    let r = State::restore(back, Some(NOW.to_owned())).unwrap();
    assert_eq!(r.changes, s.changes);
    assert_eq!(r.undone, s.undone);
    assert_eq!(r.selected.as_deref(), Some("lea"));
    assert_eq!(r.lang, Lang::En);
    assert_eq!(r.screen, Screen::Simulate);
    assert_eq!(r.current.file(), s.current.file());
}

#[test]
fn a_saved_state_that_does_not_load_is_refused_as_a_whole() {
    let mut saved = demo().saved();
    saved.format = "other/9".into();
    assert!(State::restore(saved, None).is_err());
    let mut saved = demo().saved();
    saved.changes.push(Change::Suspend {
        person: "nobody".into(),
    });
    let problems = State::restore(saved, None).unwrap_err();
    assert_eq!(problems[0].path, "changes[0]");
}

#[test]
fn shared_links_round_trip_and_damaged_ones_say_so() {
    let s = run([
        grant("sophie", "dr-martin", "export_patients"),
        Action::Select("karim".into()),
    ]);
    let fragment = share::encode(&s.saved());
    assert!(fragment.starts_with("#s="));
    assert!(
        fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"#=-_".contains(&b)),
        "URL-safe"
    );
    let saved = share::decode(&fragment).unwrap().unwrap();
    let r = demo().reduce_owned(Action::Restore(Box::new(saved)));
    assert_eq!(r.changes.len(), 1);
    assert_eq!(r.selected.as_deref(), Some("karim"));
    assert_eq!(share::decode("").unwrap(), None);
    assert_eq!(share::decode("#main").unwrap(), None);
    assert!(share::decode("#s=%%%").is_err());
    assert!(
        share::decode("#s=e30").is_err(),
        "an empty object is not a saved state"
    );
    // A link whose organisation does not load leaves the state and says why.
    let mut bad = s.saved();
    bad.org = OrgJson::from_text(
        bad.org
            .text()
            .replace("secretariat-org/1", "secretariat-org/9"),
    )
    .unwrap();
    let r = demo().reduce_owned(Action::Restore(Box::new(bad)));
    assert!(r.link_error.is_some());
    assert!(r.changes.is_empty());
}

#[test]
fn the_demo_constant_is_the_state_s_demo() {
    let s = demo();
    assert_eq!(
        s.demo.to_json(),
        secretariat_core::Organisation::load(DEMO_ORG)
            .unwrap()
            .to_json()
    );
}
