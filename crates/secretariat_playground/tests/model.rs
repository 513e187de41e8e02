//! The view-model, natively: who the pickers list, what the edit panel reads from the file, how
//! edits are worded, and that the simulation's gained/lost keys are the keys the mocks mark.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use secretariat_core::{Change, Instant, Lang, Organisation, Permission, RcpRole, DEMO_ORG};
use secretariat_playground::model::{self, SecretaryForm};

fn demo() -> Organisation {
    Organisation::load(DEMO_ORG).unwrap()
}

fn ids(choices: Vec<model::Choice>) -> Vec<String> {
    choices.into_iter().map(|c| c.id).collect()
}

#[test]
fn pickers_list_the_secretaries_and_the_doctors() {
    let org = demo();
    assert_eq!(
        ids(model::secretaries(&org)),
        ["sophie", "lea", "karim", "nadia", "julie"]
    );
    assert_eq!(
        ids(model::doctors(&org)),
        ["dr-martin", "dr-durand", "dr-petit", "dr-leroy"]
    );
    assert_eq!(model::people(org.file()).len(), 10);
    assert_eq!(ids(model::her_doctors(&org, "lea")), ["dr-durand"]);
    assert_eq!(ids(model::her_doctors(&org, "sophie")), ["dr-martin"]);
}

#[test]
fn the_edit_panel_reads_what_the_file_says() {
    let org = demo();
    let lea = SecretaryForm::read(&org, "lea").unwrap();
    let martin = lea
        .accesses
        .iter()
        .find(|a| a.doctor.id == "dr-martin")
        .unwrap();
    assert!(martin.held);
    let export = martin
        .permissions
        .iter()
        .find(|p| p.permission == Permission::ExportPatients)
        .unwrap();
    assert!(export.granted);
    assert_eq!(export.window.until.as_deref(), Some("2026-12-31T23:59:59Z"));
    assert_eq!(martin.permissions.iter().filter(|p| p.granted).count(), 4);
    assert!(
        !lea.accesses
            .iter()
            .find(|a| a.doctor.id == "dr-durand")
            .unwrap()
            .held
    );
    assert!(lea.groups[0].member);
    assert!(lea.groups[0]
        .doctors
        .iter()
        .any(|(d, on)| d.id == "dr-durand" && *on));
    let caen = lea
        .profiles
        .iter()
        .find(|p| p.centre.id == "3c-caen")
        .unwrap();
    assert!(caen.held);
    // Léa's doctor is Dr Durand: participant and animateur of the RCP digestive.
    let digestif = lea
        .rcps
        .iter()
        .find(|r| r.rcp.id == "rcp-digestif")
        .unwrap();
    assert_eq!(digestif.roles[0].1, RcpRole::Both);
    let karim = SecretaryForm::read(&org, "karim").unwrap();
    assert!(karim.external);
    assert!(
        karim.rcps.is_empty(),
        "no doctor attached to him in the network"
    );
    assert!(SecretaryForm::read(&org, "nobody").is_none());
}

#[test]
fn edits_are_worded_in_both_languages() {
    let org = demo();
    let file = org.file();
    let cases: Vec<(Change, &str, &str)> = vec![
        (
            Change::GrantPermission {
                secretary: "sophie".into(),
                doctor: "dr-martin".into(),
                permission: "export_patients".into(),
                valid_from: None,
                valid_until: Some("2026-12-31T23:59:59Z".into()),
            },
            "Accorder « Exporter » à Sophie Bernard sur le compte de Dr Claire Martin (jusqu'au 2026-12-31)",
            "Grant “Export” to Sophie Bernard on the account of Dr Claire Martin (until 2026-12-31)",
        ),
        (
            Change::Departure { person: "karim".into() },
            "Départ de Karim Haddad (secrétariat à distance) (suppression définitive)",
            "Departure of Karim Haddad (secrétariat à distance) (definitive deletion)",
        ),
        (
            Change::AddAffiliation {
                doctor: "dr-petit".into(),
                secretary: None,
                group: Some("sec-digestif".into()),
                valid_from: None,
                valid_until: None,
            },
            "Rattacher Dr Anne Petit au groupe « Secrétariat digestif »",
            "Attach Dr Anne Petit to the group “Secrétariat digestif”",
        ),
        (
            Change::SetRcpRole { rcp: "rcp-sein".into(), doctor: "dr-martin".into(), role: RcpRole::Both },
            "Rôle de Dr Claire Martin dans RCP sénologie : Participant et animateur",
            "Role of Dr Claire Martin in RCP sénologie: Participant and animateur",
        ),
    ];
    for (change, fr, en) in cases {
        assert_eq!(model::describe(&change, file, Lang::Fr), fr);
        assert_eq!(model::describe(&change, file, Lang::En), en);
    }
}

#[test]
fn dates_between_fields_and_the_file() {
    assert_eq!(
        model::from_date_field("2026-12-31", true).as_deref(),
        Some("2026-12-31T23:59:59Z")
    );
    assert_eq!(
        model::from_date_field("2026-12-01", false).as_deref(),
        Some("2026-12-01T00:00:00Z")
    );
    assert_eq!(model::from_date_field("", false), None);
    assert_eq!(model::from_date_field("2026-02-30", false), None);
    assert_eq!(
        model::date_field(Some("2026-12-31T23:59:59Z")),
        "2026-12-31"
    );
    assert_eq!(model::date_field(None), "");
    assert_eq!(
        model::short_date("2026-12-02T13:30:00Z", Lang::Fr),
        "02/12/2026 13:30"
    );
    assert_eq!(
        model::short_date("2026-12-02T13:30:00Z", Lang::En),
        "2026-12-02 13:30"
    );
    assert_eq!(model::short_date("bientôt", Lang::Fr), "bientôt");
}

#[test]
fn ghosts_list_what_the_view_leaves_out() {
    let org = demo();
    let ghosts = model::rcps_not_in(org.file(), &["rcp-digestif"]);
    assert_eq!(ids(ghosts), ["rcp-sein", "rcp-thorax"]);
    let lea = org
        .view("lea", Instant::parse("2026-11-23T10:00:00Z"), Lang::Fr)
        .unwrap();
    let run = lea
        .dcc
        .session_run
        .iter()
        .find(|r| r.id == "rcp-digestif")
        .unwrap();
    let shown: Vec<&str> = run.dossiers.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids(model::dossiers_not_in(org.file(), "rcp-digestif", &shown)),
        ["d-107"]
    );
}

#[test]
fn simulation_deltas_use_the_keys_the_mocks_mark() {
    let org = demo();
    let now = Instant::parse("2026-11-23T10:00:00Z");
    let change = Change::GrantPermission {
        secretary: "sophie".into(),
        doctor: "dr-martin".into(),
        permission: "export_patients".into(),
        valid_from: None,
        valid_until: None,
    };
    let sim = org.simulate(&[change], now, Lang::Fr).unwrap();
    let sophie = sim
        .affected
        .iter()
        .find(|d| d.secretary.id == "sophie")
        .unwrap();
    let gained: Vec<String> = sophie
        .gained
        .iter()
        .map(|e| model::gate_key(&e.action, e.resource.as_deref()))
        .collect();
    let after = &sophie.after;
    let item = after.practice[0]
        .buttons
        .iter()
        .find(|b| b.id == "export_patients")
        .unwrap();
    assert!(item.shown);
    assert!(
        gained.contains(&model::gate_key(&item.action, item.resource.as_deref())),
        "{gained:?}"
    );
    let r = item.request(after);
    assert_eq!(r.now.as_deref(), Some("2026-11-23T10:00:00Z"));
    assert!(org
        .with_changes(&sim_changes())
        .unwrap()
        .is_allowed(&r)
        .unwrap());
}

fn sim_changes() -> Vec<Change> {
    vec![Change::GrantPermission {
        secretary: "sophie".into(),
        doctor: "dr-martin".into(),
        permission: "export_patients".into(),
        valid_from: None,
        valid_until: None,
    }]
}
