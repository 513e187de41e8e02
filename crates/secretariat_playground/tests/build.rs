//! The "Construire" screen natively: a blank organisation, the forms' drafts turned into core
//! changes, the reducer applying them as one edit (all or none), and adopting the result.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

mod common;

use secretariat_core::file::Category;
use secretariat_core::{Change, Permission, RcpRole};
use secretariat_playground::forms::{
    rpps_state, slug, ArrivalDraft, CentreDraft, DoctorDraft, Draft, GroupDraft, NewOrgDraft,
    RcpDraft, RppsState, Through,
};
use secretariat_playground::state::{Action, State};

use common::{allowed, NOW};

fn blank() -> State {
    let draft = NewOrgDraft {
        name: "Cabinet des Lilas".into(),
        practice_support: "support@editeur.example".into(),
        network_support: String::new(),
    };
    State::new(Some(NOW.into())).reduce_owned(Action::NewOrganisation(Box::new(draft.file())))
}

fn submit(state: State, changes: Vec<Change>) -> State {
    state.reduce_owned(Action::EditAll(changes))
}

#[test]
fn a_blank_organisation_is_named_with_its_support_and_nobody() {
    let s = blank();
    assert_eq!(s.work.current.name(), "Cabinet des Lilas");
    let file = s.work.base.file();
    assert!(file.people.is_empty());
    let support = file.support.as_ref().unwrap();
    assert_eq!(support.practice.as_deref(), Some("support@editeur.example"));
    assert_eq!(support.network, None, "an empty field is no address");
    assert!(s.work.changes.is_empty());
    assert_eq!(s.ui.selected, None);
}

#[test]
fn slugs_and_ids_come_from_names_and_stay_unique() {
    assert_eq!(slug("Dr Émilie Lefèvre"), "dr-emilie-lefevre");
    assert_eq!(
        slug("  Secrétariat  d'Œnologie! "),
        "secretariat-d-oenologie"
    );
    let s = blank();
    let d = DoctorDraft {
        name: "Dr Moreau".into(),
        ..DoctorDraft::default()
    };
    let c = d.changes(s.work.current.file());
    let s = submit(s, c);
    assert_eq!(s.work.current.file().people[0].id, "dr-moreau");
    // The same name again gets a fresh id.
    let again = d.changes(s.work.current.file());
    assert!(matches!(&again[0], Change::AddPerson { id, .. } if id == "dr-moreau-2"));
    // A typed id is kept as typed.
    let typed = DoctorDraft {
        id: "moreau".into(),
        ..d
    };
    assert!(
        matches!(&typed.changes(s.work.current.file())[0], Change::AddPerson { id, .. } if id == "moreau")
    );
}

#[test]
fn the_rpps_is_checked_as_typed_by_the_core() {
    assert_eq!(rpps_state(""), RppsState::Empty);
    assert_eq!(rpps_state("1000345"), RppsState::Typing(7));
    assert_eq!(rpps_state("10003456786"), RppsState::Valid);
    assert_eq!(
        rpps_state("10003456787"),
        RppsState::Invalid,
        "wrong Luhn key"
    );
    assert_eq!(rpps_state("1000345678x"), RppsState::Invalid);
    assert_eq!(rpps_state("100034567861"), RppsState::Invalid, "too long");
}

#[test]
fn a_refused_form_changes_nothing_and_says_why() {
    let s = blank();
    let d = DoctorDraft {
        name: "Dr Faux".into(),
        rpps: "10003456787".into(),
        ..DoctorDraft::default()
    };
    let c = d.changes(s.work.current.file());
    let s = submit(s, c);
    assert!(s.work.changes.is_empty(), "all or nothing");
    let problems = s
        .work
        .edit_error
        .as_ref()
        .expect("the core refuses a bad RPPS");
    assert!(!problems.is_empty());
}

/// A small network built with the forms, as the end-to-end test does.
fn built() -> State {
    let mut s = blank();
    for (name, rpps) in [
        ("Dr Anne Martin", "10003456786"),
        ("Dr Paul Durand", "10011223343"),
    ] {
        let d = DoctorDraft {
            name: name.into(),
            rpps: rpps.into(),
            ..DoctorDraft::default()
        };
        let c = d.changes(s.work.current.file());
        s = submit(s, c);
    }
    let c = CentreDraft {
        name: "3C de Caen".into(),
        ..CentreDraft::default()
    }
    .changes(s.work.current.file());
    s = submit(s, c);
    let c = GroupDraft {
        name: "Secrétariat digestif".into(),
        doctors: vec!["dr-paul-durand".into()],
        ..GroupDraft::default()
    }
    .changes(s.work.current.file());
    s = submit(s, c);
    let c = RcpDraft {
        name: "RCP digestive".into(),
        centre: "3c-de-caen".into(),
        roles: vec![
            ("dr-anne-martin".into(), RcpRole::Participant),
            ("dr-paul-durand".into(), RcpRole::Both),
        ],
        responsables: vec!["dr-paul-durand".into()],
        next_session: "2026-12-02T00:00:00Z".into(),
        ..RcpDraft::default()
    }
    .changes(s.work.current.file());
    s = submit(s, c);
    assert_eq!(s.work.edit_error, None, "every form applies");
    s
}

#[test]
fn forms_build_an_organisation_the_core_checks() {
    let s = built();
    let file = s.work.current.file();
    assert_eq!(file.people.len(), 2);
    assert_eq!(file.groups[0].id, "secretariat-digestif");
    let network = file.network.as_ref().unwrap();
    assert_eq!(network.centres[0].id, "3c-de-caen");
    let rcp = &network.rcps[0];
    assert_eq!(rcp.participants, ["dr-anne-martin", "dr-paul-durand"]);
    assert_eq!(rcp.animateurs, ["dr-paul-durand"]);
    assert_eq!(rcp.next_session.as_deref(), Some("2026-12-02T00:00:00Z"));
    assert_eq!(
        network.affiliations[0].group.as_deref(),
        Some("secretariat-digestif")
    );
    // One edit per form; undo takes back the last change.
    assert_eq!(s.work.changes.len(), 6);
}

fn arrival() -> ArrivalDraft {
    let mut a = ArrivalDraft {
        name: "Camille Petit".into(),
        ..ArrivalDraft::default()
    };
    a.toggle_doctor("dr-anne-martin", true);
    a.toggle_doctor("dr-paul-durand", true);
    a.toggle_permission("dr-anne-martin", Permission::LoginAsDoctor, true);
    a.toggle_permission("dr-paul-durand", Permission::Letters, false);
    a.set_through(
        "dr-paul-durand",
        Through::Group("secretariat-digestif".into()),
    );
    a.toggle_centre("3c-de-caen", true);
    a
}

#[test]
fn an_export_granted_on_arrival_carries_her_confidentiality_acknowledgement() {
    let s = built();
    let mut a = arrival();
    a.toggle_permission("dr-anne-martin", Permission::ExportPatients, true);
    a.set_confidentiality("dr-anne-martin", true);
    a.set_confidentiality("dr-paul-durand", true);
    let changes = a.changes(s.work.current.file());
    let acks: Vec<&Change> = changes
        .iter()
        .filter(|c| matches!(c, Change::AcknowledgeConfidentiality { .. }))
        .collect();
    assert_eq!(acks.len(), 1, "only where an export is granted");
    assert!(
        matches!(acks[0], Change::AcknowledgeConfidentiality { doctor, acknowledged: true, .. } if doctor == "dr-anne-martin")
    );
    let s = submit(s, changes);
    assert_eq!(s.work.edit_error, None);
}

#[test]
fn an_arrival_starts_with_the_recommended_permissions() {
    let mut a = ArrivalDraft::default();
    a.toggle_doctor("dr-x", true);
    let ids: Vec<&str> = a.doctors[0].permissions.iter().map(|p| p.id()).collect();
    assert_eq!(
        ids,
        ["dashboard", "agenda", "patients", "waiting_room", "letters"]
    );
    a.toggle_doctor("dr-x", false);
    assert!(a.doctors.is_empty());
}

#[test]
fn an_arrival_is_a_list_of_changes_in_the_seeds_order() {
    let s = built();
    let changes = arrival().changes(s.work.current.file());
    let ops: Vec<String> = changes
        .iter()
        .map(|c| {
            serde_json::to_value(c).unwrap()["op"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        ops,
        [
            "add_person",
            "add_access",
            "add_access",
            "add_profile",
            "add_affiliation",
            "add_group_member",
        ],
        "the group is already attached to Dr Durand: no second affiliation"
    );
    assert!(matches!(
        &changes[0],
        Change::AddPerson { id, category: Category::Secretaire, external: Some(false), .. } if id == "camille-petit"
    ));
}

#[test]
fn an_arrival_simulated_shows_her_gains_and_the_requests() {
    let s = built().reduce_owned(Action::Adopt);
    assert!(
        s.work.changes.is_empty(),
        "adopted: the forms are the reference now"
    );
    let changes = arrival().changes(s.work.current.file());
    let s = submit(s, changes.clone());
    assert_eq!(s.work.edit_error, None);
    assert!(allowed(
        &s,
        "camille-petit",
        "practice.agenda",
        "doctor:dr-anne-martin"
    ));
    assert!(
        !allowed(
            &s,
            "camille-petit",
            "practice.letters",
            "doctor:dr-paul-durand"
        ),
        "unticked"
    );
    let sim = s
        .work
        .base
        .simulate(&s.work.changes, s.ui.instant(), secretariat_core::Lang::Fr)
        .unwrap();
    let her = sim
        .affected
        .iter()
        .find(|d| d.secretary.id == "camille-petit")
        .expect("the new secretary is affected");
    assert!(!her.gained.is_empty());
    assert!(her.lost.is_empty());
    let kinds: Vec<&str> = sim.requests.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            "add_access",
            "add_access",
            "account_opening",
            "category_rectification",
            "affiliation_change",
            "affiliation_change",
        ],
        "the vendor's accesses, then the network's opening, rectification and affiliations"
    );
    assert_eq!(
        sim.requests[0].to.as_deref(),
        Some("support@editeur.example")
    );
}

fn sheet(name: &str) -> secretariat_playground::state::SheetFile {
    let path = format!(
        "{}/../../tests/fixtures/sheets/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    secretariat_playground::state::SheetFile {
        name: name.to_owned(),
        bytes: std::fs::read(path).unwrap(),
    }
}

#[test]
fn spreadsheets_dropped_on_a_blank_organisation_become_edits() {
    use secretariat_playground::state::SheetsStatus;
    let s = blank().reduce_owned(Action::ImportSheets(vec![
        sheet("people.csv"),
        sheet("accesses.csv"),
        sheet("secretaries.csv"),
    ]));
    assert_eq!(s.work.edit_error, None);
    let SheetsStatus::Imported { names, changes } = &s.imports.sheets else {
        panic!("imported: {:?}", s.imports.sheets);
    };
    assert_eq!(names.len(), 3);
    assert_eq!(
        *changes,
        s.work.changes.len(),
        "every change is an edit to undo"
    );
    assert_eq!(s.work.current.file().people.len(), 4);
    assert!(allowed(
        &s,
        "karim-haddad",
        "practice.agenda",
        "doctor:dr-paul-durand"
    ));
    // Undo walks back the import like any edit.
    let s = s.reduce_owned(Action::DiscardEdits);
    assert!(s.work.current.file().people.is_empty());
}

#[test]
fn a_spreadsheet_with_problems_imports_nothing_and_says_where() {
    use secretariat_playground::state::SheetsStatus;
    let s = blank().reduce_owned(Action::ImportSheets(vec![sheet("people-bad.csv")]));
    assert!(s.work.changes.is_empty(), "nothing half-imported");
    let SheetsStatus::Failed { problems, .. } = &s.imports.sheets else {
        panic!("refused: {:?}", s.imports.sheets);
    };
    assert!(problems.iter().all(|p| p.sheet == "people-bad.csv"));
    assert!(
        problems.iter().any(|p| p.row == 2 && p.column == Some(2)),
        "`docteur` is no category: {problems:?}"
    );
}

#[test]
fn an_unreadable_file_is_reported_where_it_was_dropped() {
    use secretariat_playground::state::SheetsStatus;
    let unreadable = |scenarios| Action::Unreadable {
        scenarios,
        name: "x.csv".into(),
        message: "the file could not be read: gone".into(),
    };
    let s = blank().reduce_owned(unreadable(false));
    assert!(
        matches!(&s.imports.sheets, SheetsStatus::Failed { problems, .. } if problems[0].message.contains("gone"))
    );
    assert_eq!(s.trainer.error, None);
    let s = blank().reduce_owned(unreadable(true));
    assert_eq!(s.imports.sheets, SheetsStatus::Idle);
    assert_eq!(
        s.trainer.error.as_deref(),
        Some("x.csv: the file could not be read: gone")
    );
}
