//! The reducer, natively: edits, undo/redo, imports that fail without touching anything, reset,
//! persistence and shared links.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

mod common;

use secretariat_core::{Change, Lang, Request, DEMO_ORG};
use secretariat_playground::share;
use secretariat_playground::state::{Action, ImportStatus, OrgSource, Saved, Screen, State};

use common::{allowed, NOW};

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

#[test]
fn starts_on_the_demo_in_french_with_the_first_secretary() {
    let s = demo();
    assert_eq!(s.ui.selected.as_deref(), Some("sophie"));
    assert_eq!(s.ui.lang, Lang::Fr);
    assert_eq!(s.ui.screen, Screen::Sees);
    assert!(s.work.changes.is_empty());
    assert!(s.work.base == s.work.current);
    assert!(s.work.current.name().starts_with("Démo"));
}

#[test]
fn an_edit_changes_after_but_not_before() {
    let s = run([grant("sophie", "dr-martin", "export_patients")]);
    assert_eq!(s.work.changes.len(), 1);
    assert_eq!(s.work.rev, 1);
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
    assert!(
        !s.work.base.is_allowed(&r).unwrap(),
        "the base is untouched"
    );
}

#[test]
fn undo_and_redo_walk_the_edit_list() {
    let s = run([
        grant("sophie", "dr-martin", "export_patients"),
        grant("sophie", "dr-martin", "pid_billing"),
        Action::Undo,
    ]);
    assert_eq!(s.work.changes.len(), 1);
    assert_eq!(s.work.undone.len(), 1);
    assert!(!allowed(
        &s,
        "sophie",
        "practice.pid_billing",
        "doctor:dr-martin"
    ));
    let s = s.reduce_owned(Action::Redo);
    assert_eq!(s.work.changes.len(), 2);
    assert!(s.work.undone.is_empty());
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
    assert!(s.work.undone.is_empty());
    // Undo with nothing to undo, redo with nothing to redo: no change.
    let s = run([Action::Undo, Action::Redo]);
    assert_eq!(s.work.rev, 0);
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
    assert!(s.work.changes.is_empty());
    assert_eq!(s.work.undone.len(), 2);
    let s = s.reduce_owned(Action::Redo);
    assert_eq!(
        s.work.changes,
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
    assert!(s.work.changes.is_empty());
    let problems = s.work.edit_error.expect("refused");
    assert_eq!(problems[0].path, "changes[0]");
    assert!(problems[0].message.contains("nadia"), "{problems:?}");
    // A window whose dates do not parse breaks the file: refused by the loader, with its path.
    let s = run([Action::Edit(Change::AddProfile {
        secretary: "sophie".into(),
        centre: "3c-rouen".into(),
        valid_from: Some("demain".into()),
        valid_until: None,
    })]);
    assert!(s.work.changes.is_empty());
    assert!(s.work.edit_error.unwrap()[0].path.contains("profiles"));
    // The next good edit clears the error.
    let s = run([
        grant("nadia", "dr-martin", "agenda"),
        grant("sophie", "dr-martin", "pid_billing"),
    ]);
    assert!(s.work.edit_error.is_none());
}

#[test]
fn a_bad_import_reports_every_problem_and_keeps_everything() {
    let before = run([grant("sophie", "dr-martin", "export_patients")]);
    let base = before.work.base.clone();
    let bad = r#"{"format":"secretariat-org/1","people":[
        {"id":"a","name":"A","category":"medecin","status":"active"},
        {"id":"a","name":"B","category":"medecin","status":"active"}],
        "practice":{"accesses":[{"secretary":"a","doctor":"zz","permissions":["nope"]}]}}"#;
    let s = before.reduce_owned(Action::Import {
        name: "bad.json".into(),
        text: bad.into(),
    });
    match &s.imports.file {
        ImportStatus::Failed { name, problems } => {
            assert_eq!(name, "bad.json");
            assert!(problems.len() >= 3, "{problems:?}");
            assert!(problems.iter().all(|p| !p.path.is_empty()), "{problems:?}");
        }
        other => panic!("expected a failure, got {other:?}"),
    }
    assert!(s.work.base == base);
    assert_eq!(s.work.changes.len(), 1);
    // Not JSON at all, and another format: refused the same way.
    for text in ["{", r#"{"format":"secretariat-org/2"}"#, ""] {
        let s = demo().reduce_owned(Action::Import {
            name: "x".into(),
            text: text.into(),
        });
        assert!(
            matches!(s.imports.file, ImportStatus::Failed { .. }),
            "{text}"
        );
        assert!(s.work.current.name().starts_with("Démo"));
    }
    let s = demo().reduce_owned(Action::ImportUnreadable {
        name: "x".into(),
        message: "io".into(),
    });
    assert!(matches!(s.imports.file, ImportStatus::Failed { .. }));
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
    assert_eq!(s.work.current.name(), "Autre cabinet");
    assert!(s.work.changes.is_empty() && s.work.undone.is_empty());
    assert_eq!(
        s.ui.selected.as_deref(),
        Some("s"),
        "the selection moves to a secretary of the new file"
    );
    assert!(matches!(s.imports.file, ImportStatus::Loaded { .. }));
    let s = s.reduce_owned(Action::ResetDemo);
    assert!(s.work.current.name().starts_with("Démo"));
    assert_eq!(s.ui.selected.as_deref(), Some("sophie"));
    assert_eq!(s.imports.file, ImportStatus::Idle);
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
    assert_eq!(s.ui.selected.as_deref(), Some("karim"));
    assert_eq!(s.ui.lang, Lang::En);
    assert_eq!(s.ui.screen, Screen::Trainer);
    assert_eq!(s.ui.now.as_deref(), Some(NOW));
    assert!(s.ui.ghosts);
    let s = s.reduce_owned(Action::SetNow(None));
    assert!(s.ui.instant().is_none());
}

#[test]
fn explanations_open_on_the_right_organisation() {
    let r = Request::new("sophie", "dcc.agenda.view", Some("rcp:rcp-sein"));
    let s = run([Action::Explain(r.clone(), OrgSource::Demo)]);
    let e = s.explaining.clone().unwrap();
    assert_eq!(e.request, r);
    assert!(s.org_of(e.source) == &s.demo);
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
    let json = saved.to_json();
    let back = Saved::from_json(&json).unwrap();
    let r = State::restore(back, Some(NOW.to_owned())).unwrap();
    assert_eq!(r.work.changes, s.work.changes);
    assert_eq!(r.work.undone, s.work.undone);
    assert_eq!(r.ui.selected.as_deref(), Some("lea"));
    assert_eq!(r.ui.lang, Lang::En);
    assert_eq!(r.ui.screen, Screen::Simulate);
    assert_eq!(r.work.current.file(), s.work.current.file());
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

/// The fragment's payload as text (what anyone holding the link can read).
fn payload(fragment: &str) -> String {
    use base64::Engine as _;
    let data = fragment.strip_prefix(share::PREFIX).unwrap();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(data)
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

/// The demo file as another browser would have read it: same organisation, other spacing.
fn demo_file_respaced() -> String {
    let value: serde_json::Value = serde_json::from_str(DEMO_ORG).unwrap();
    serde_json::to_string_pretty(&value).unwrap()
}

#[test]
fn a_link_carries_the_edits_over_a_fingerprint_never_the_organisation() {
    let s = run([
        grant("sophie", "dr-martin", "export_patients"),
        Action::Select("karim".into()),
        grant("sophie", "dr-martin", "pid_billing"),
        Action::Undo,
    ]);
    let fragment = share::encode(&share::link_of(&s.work, &s.ui));
    assert!(fragment.starts_with("#l="));
    assert!(
        fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"#=-_".contains(&b)),
        "URL-safe"
    );
    let text = payload(&fragment);
    let file = s.work.base.file();
    for person in &file.people {
        assert!(!text.contains(&person.name), "no name: {text}");
        if let Some(rpps) = &person.rpps {
            assert!(!text.contains(rpps.as_str()), "no RPPS: {text}");
        }
    }
    for dossier in &file.network.as_ref().unwrap().dossiers {
        assert!(!text.contains(&dossier.patient), "no patient: {text}");
    }
    assert!(
        !text.contains("pid_billing"),
        "never the undone edits: {text}"
    );
    assert!(
        fragment.len() < 1024,
        "a few edits make a short link ({} bytes)",
        fragment.len()
    );
    let link = share::decode(&fragment).unwrap().unwrap();
    assert_eq!(link.base, share::fingerprint(&s.demo));
    assert_eq!(link.changes, s.work.changes);
    // The fingerprint is of the organisation, not of the file's spacing.
    let respaced = secretariat_core::Organisation::load(&demo_file_respaced()).unwrap();
    assert_eq!(share::fingerprint(&respaced), link.base);
}

#[test]
fn opening_a_link_asks_first_replaces_the_work_and_can_be_undone() {
    let sender = run([
        grant("sophie", "dr-martin", "export_patients"),
        Action::Select("karim".into()),
    ]);
    let link = share::decode(&share::encode(&share::link_of(&sender.work, &sender.ui)))
        .unwrap()
        .unwrap();
    let mine = run([
        grant("lea", "dr-durand", "pid_billing"),
        grant("lea", "dr-durand", "export_patients"),
        Action::Select("lea".into()),
    ]);
    let offered = mine
        .clone()
        .reduce_owned(Action::OfferLink(Box::new(link.clone())));
    assert_eq!(
        offered.work.changes, mine.work.changes,
        "nothing replaced before the answer"
    );
    assert_eq!(offered.share.pending.as_ref(), Some(&link));
    let declined = offered.clone().reduce_owned(Action::DismissLink);
    assert_eq!(declined.work.changes, mine.work.changes);
    assert!(declined.share.pending.is_none());
    let opened = offered.reduce_owned(Action::AcceptLink);
    assert_eq!(opened.work.changes, sender.work.changes);
    assert_eq!(opened.ui.selected.as_deref(), Some("karim"));
    assert!(opened.share.pending.is_none());
    assert!(opened.work.undone.is_empty());
    let back = opened.clone().reduce_owned(Action::UndoLink);
    assert_eq!(
        back.work.changes, mine.work.changes,
        "undo brings my work back"
    );
    assert_eq!(back.ui.selected.as_deref(), Some("lea"));
    assert!(
        back.work.rev > opened.work.rev,
        "a new revision, so derived data is recomputed"
    );
    assert!(back.share.before.is_none());
}

#[test]
fn a_link_over_a_file_this_browser_lacks_waits_for_that_file() {
    let file = demo_file_respaced().replace("Démo", "Cabinet importé");
    let sender = run([
        Action::Import {
            name: "cabinet.json".into(),
            text: file.clone(),
        },
        grant("sophie", "dr-martin", "export_patients"),
    ]);
    let link = share::link_of(&sender.work, &sender.ui);
    assert_ne!(link.base, share::fingerprint(&sender.demo));
    // The recipient is on the demo: opening is refused until she has the file, and nothing changes.
    let r = run([
        Action::OfferLink(Box::new(link.clone())),
        Action::AcceptLink,
    ]);
    assert_eq!(r.share.pending.as_ref(), Some(&link), "still waiting");
    assert!(r.work.changes.is_empty());
    assert_eq!(r.work.current.name(), sender.demo.name());
    // She imports the same file (spaced otherwise): now it opens.
    let r = r
        .reduce_owned(Action::Import {
            name: "cabinet.json".into(),
            text: serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&file).unwrap())
                .unwrap(),
        })
        .reduce_owned(Action::AcceptLink);
    assert!(r.share.pending.is_none());
    assert_eq!(r.work.changes, sender.work.changes);
    assert_eq!(r.work.current.file(), sender.work.current.file());
}

#[test]
fn damaged_old_and_oversized_links_are_refused_with_a_reason() {
    assert_eq!(share::decode("").unwrap(), None);
    assert_eq!(share::decode("#main").unwrap(), None);
    assert!(matches!(
        share::decode("#l=%%%"),
        Err(share::LinkError::Damaged(_))
    ));
    assert!(
        matches!(share::decode("#l=e30"), Err(share::LinkError::Damaged(_))),
        "{{}} is not a link"
    );
    // The first links carried the whole file, patients included: refused, whatever they hold.
    let old = share::decode("#s=eyJmb3JtYXQiOiJzZWNyZXRhcmlhdC1wbGF5Z3JvdW5kLzEifQ");
    assert_eq!(old, Err(share::LinkError::OldFormat));
    // A huge fragment is refused before it is decoded.
    let huge = format!("#l={}", "A".repeat(share::MAX_FRAGMENT));
    assert!(matches!(
        share::decode(&huge),
        Err(share::LinkError::TooLong(_))
    ));
    for e in [share::LinkError::OldFormat, share::LinkError::TooLong(9)] {
        assert!(!e.text(Lang::Fr).is_empty() && e.text(Lang::Fr) != e.text(Lang::En));
    }
    // Edits that do not apply leave the work as it was and say why.
    let mut link = share::link_of(&demo().work, &demo().ui);
    link.changes.push(Change::Suspend {
        person: "nobody".into(),
    });
    let mine = run([grant("lea", "dr-durand", "pid_billing")]);
    let r = mine
        .clone()
        .reduce_owned(Action::OfferLink(Box::new(link)))
        .reduce_owned(Action::AcceptLink);
    assert!(matches!(r.share.error, Some(share::LinkError::Refused(_))));
    assert_eq!(r.work.changes, mine.work.changes);
}

#[test]
fn the_work_is_kept_only_with_consent_and_forgetting_goes_back_to_the_demo() {
    let s = demo();
    assert!(!s.share.keep, "nothing is kept without consent");
    let s = s.reduce_owned(Action::Import {
        name: "cabinet.json".into(),
        text: demo_file_respaced().replace("Démo", "Cabinet importé"),
    });
    let s = s
        .reduce_owned(grant("sophie", "dr-martin", "export_patients"))
        .reduce_owned(Action::SetKeep(true));
    assert!(s.share.keep);
    let f = s.clone().reduce_owned(Action::Forget);
    assert!(!f.share.keep);
    assert!(f.work.changes.is_empty() && f.work.undone.is_empty());
    assert_eq!(f.work.base.file(), f.demo.file());
    assert_eq!(
        share::fingerprint(&f.work.base),
        share::fingerprint(&f.demo)
    );
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

#[test]
fn a_whole_file_is_sent_pseudonymised_with_a_link_over_the_copy() {
    let sender = run([
        Action::Import {
            name: "cabinet.json".into(),
            text: demo_file_respaced().replace("Démo", "Cabinet importé"),
        },
        grant("sophie", "dr-martin", "export_patients"),
        Action::Select("sophie".into()),
    ]);
    let (file, fragment) = share::pseudonymised(&sender.work, &sender.ui, "a secret key").unwrap();
    let original = sender.work.base.file();
    for person in &original.people {
        assert!(
            !file.contains(&format!("\"{}\"", person.name)),
            "no name: {}",
            person.name
        );
        if let Some(rpps) = &person.rpps {
            assert!(!file.contains(rpps.as_str()), "no RPPS");
        }
    }
    for dossier in &original.network.as_ref().unwrap().dossiers {
        assert!(!file.contains(&dossier.patient), "no patient");
    }
    let text = payload(&fragment);
    assert!(
        !text.contains("sophie") && !text.contains("dr-martin"),
        "ids renamed: {text}"
    );
    // The same key gives the same copy.
    assert_eq!(
        share::pseudonymised(&sender.work, &sender.ui, "a secret key")
            .unwrap()
            .0,
        file
    );
    // The recipient imports the copy and opens the link: the sender's edit, renamed.
    let link = share::decode(&fragment).unwrap().unwrap();
    let r = run([
        Action::Import {
            name: "copie.json".into(),
            text: file,
        },
        Action::OfferLink(Box::new(link)),
        Action::AcceptLink,
    ]);
    assert!(r.share.error.is_none(), "{:?}", r.share.error);
    assert_eq!(r.work.changes.len(), 1);
    assert!(r.share.pending.is_none());
    assert_ne!(r.ui.selected.as_deref(), Some("sophie"));
    let findings = |s: &State| s.work.current.findings(s.ui.instant(), Lang::Fr).len();
    assert_eq!(
        findings(&r),
        findings(&sender),
        "the same findings on the copy"
    );
}
