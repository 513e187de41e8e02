//! Invariants of the engine as property tests, on random organisations (`secretariat_gen`).
//!
//! Each property asks *every* well-formed request of a generated organisation (every person ×
//! every action × every resource of its kind, at three instants and without one) and checks a
//! statement that must hold whatever the organisation. The statements are checked from the raw
//! file where they can be, not through the engine's own indexes.
//!
//! Cases per property: `SECRETARIAT_PROPERTY_CASES` (default 300); see docs/RELIABILITY.md.
#![expect(
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly"
)]

mod common;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use secretariat_core::file::{
    Category, OrgFile, PermissionEntry, RcpEntry, Status, WindowedPermission,
};
use secretariat_core::{Effect, Instant, Lang, Organisation, Request};
use secretariat_gen::{actions, strategy, OrgSpec};

/// `None` and three instants of the generator's grid (a boundary, the next day, one second before).
const NOWS: [Option<&str>; 4] = [
    None,
    Some("2026-11-21T10:00:00Z"),
    Some("2026-11-22T10:00:00Z"),
    Some("2026-11-23T09:59:59Z"),
];

fn cases() -> u32 {
    std::env::var("SECRETARIAT_PROPERTY_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

/// Runs `property` on `cases()` random organisations; a failure shrinks and prints the file.
fn check(name: &str, property: impl Fn(&OrgSpec, OrgFile) -> Result<(), TestCaseError>) {
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy::org(), |spec| {
        let json = spec.to_json();
        let file: OrgFile = serde_json::from_value(json.clone()).expect("a file");
        property(&spec, file).map_err(|e| TestCaseError::fail(format!("{e}\nin\n{json:#}")))
    });
    if let Err(e) = result {
        panic!("property `{name}` fails: {e}");
    }
    eprintln!("property `{name}`: {} organisations", cases());
}

fn load(file: &OrgFile) -> Organisation {
    Organisation::from_file(file.clone()).expect("the generator writes valid files")
}

/// Every well-formed request of the organisation, at every instant of [`NOWS`].
fn every_request(file: &OrgFile) -> Vec<Request> {
    let people: Vec<&str> = file.people.iter().map(|p| p.id.as_str()).collect();
    let mut out = Vec::new();
    for principal in &people {
        for (action, kind) in actions() {
            let resources = common::resources(file, kind);
            for resource in resources {
                for now in NOWS {
                    out.push(Request {
                        principal: (*principal).to_owned(),
                        action: action.clone(),
                        resource: resource.clone(),
                        now: now.map(str::to_owned),
                        lang: None,
                    });
                }
            }
        }
    }
    out
}

/// (allowed, audited) for every request; a well-formed request is never an error.
fn answers(org: &Organisation, requests: &[Request]) -> Result<Vec<(bool, bool)>, TestCaseError> {
    requests
        .iter()
        .map(|r| {
            let d = org
                .decide(r)
                .map_err(|e| TestCaseError::fail(format!("{r:?} is an error: {e}")))?;
            Ok((d.decision == Effect::Allow, d.audit))
        })
        .collect()
}

fn resource_id<'a>(r: &'a Request, kind: &str) -> &'a str {
    r.resource
        .as_deref()
        .and_then(|x| x.strip_prefix(kind))
        .and_then(|x| x.strip_prefix(':'))
        .unwrap_or_default()
}

/// B1, read from the raw file: an unbounded window always holds; a bounded one needs `now` inside.
fn holds(from: &Option<String>, until: &Option<String>, now: Option<&str>) -> bool {
    if from.is_none() && until.is_none() {
        return true;
    }
    let Some(now) = now.and_then(Instant::parse) else {
        return false;
    };
    let after = from
        .as_deref()
        .and_then(Instant::parse)
        .is_none_or(|f| f <= now);
    let before = until
        .as_deref()
        .and_then(Instant::parse)
        .is_none_or(|u| now <= u);
    after && before
}

fn active(file: &OrgFile, id: &str) -> bool {
    file.people
        .iter()
        .any(|p| p.id == id && p.status == Status::Active)
}

/// Her doctors at `now`, from the raw file: affiliations to her or to a group she is a member of,
/// in force, to an active doctor.
fn her_doctors<'a>(file: &'a OrgFile, s: &str, now: Option<&str>) -> Vec<&'a str> {
    let net = file.network.as_ref();
    let member = |g: &str| {
        file.groups
            .iter()
            .any(|x| x.id == g && x.members.iter().any(|m| m == s))
    };
    net.map(|n| n.affiliations.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|a| a.secretary.as_deref() == Some(s) || a.group.as_deref().is_some_and(member))
        .filter(|a| holds(&a.valid_from, &a.valid_until, now))
        .filter(|a| active(file, &a.doctor))
        .map(|a| a.doctor.as_str())
        .collect()
}

/// Her profile applies on `centre` at `now`, from the raw file.
fn profile_applies(file: &OrgFile, s: &str, centre: &str, now: Option<&str>) -> bool {
    let person_ok = file
        .people
        .iter()
        .any(|p| p.id == s && p.status == Status::Active && p.category == Category::Secretaire);
    person_ok
        && file.network.as_ref().is_some_and(|n| {
            n.profiles.iter().any(|p| {
                p.secretary == s && p.centre == centre && holds(&p.valid_from, &p.valid_until, now)
            })
        })
}

fn rcp<'a>(file: &'a OrgFile, id: &str) -> &'a RcpEntry {
    let net = file.network.as_ref().expect("a network");
    net.rcps.iter().find(|r| r.id == id).expect("an rcp")
}

#[test]
fn deny_by_default_an_organisation_without_grants_allows_nothing() {
    check("deny by default", |_, mut file| {
        // Keep people, groups, centres, RCPs and dossiers; remove every grant.
        if let Some(p) = file.practice.as_mut() {
            p.accesses.clear();
        }
        if let Some(n) = file.network.as_mut() {
            n.profiles.clear();
            n.affiliations.clear();
            for r in &mut n.rcps {
                r.responsables.clear();
            }
        }
        for p in &mut file.people {
            p.coordinator_of.clear();
        }
        let org = load(&file);
        let requests = every_request(&file);
        for (r, (allow, _)) in requests.iter().zip(answers(&org, &requests)?) {
            prop_assert!(!allow, "allowed without any grant: {r:?}");
        }
        Ok(())
    });
}

#[test]
fn inheritance_never_amplifies() {
    check("inheritance never amplifies", |_, file| {
        let org = load(&file);
        let requests = every_request(&file);
        let net = file.network.clone().unwrap_or_default();
        for (r, (allow, _)) in requests.iter().zip(answers(&org, &requests)?) {
            if !allow {
                continue;
            }
            let now = r.now.as_deref();
            let s = r.principal.as_str();
            let doctors = her_doctors(&file, s, now);
            match r.action.as_str() {
                "dcc.agenda.view" | "dcc.session.view" => {
                    let x = rcp(&file, resource_id(r, "rcp"));
                    let role = if r.action == "dcc.agenda.view" {
                        &x.participants
                    } else {
                        &x.animateurs
                    };
                    prop_assert!(
                        profile_applies(&file, s, &x.centre, now)
                            && doctors.iter().any(|d| role.iter().any(|m| m == d)),
                        "{r:?} allowed with no doctor of hers in the granting role, or outside her centres"
                    );
                }
                "dcc.dossier.view" => {
                    let id = resource_id(r, "dossier");
                    let d = net.dossiers.iter().find(|d| d.id == id).expect("a dossier");
                    let x = rcp(&file, &d.rcp);
                    let animateur = doctors
                        .iter()
                        .any(|doc| x.animateurs.iter().any(|m| m == doc));
                    let demandeur = doctors.contains(&d.demandeur.as_str());
                    let objection = d.objection || net.patient_objections.contains(&d.patient);
                    prop_assert!(
                        profile_applies(&file, s, &x.centre, now)
                            && (animateur || demandeur)
                            && !objection,
                        "{r:?} allowed: no doctor of hers justifies it, or outside her centres, or the patient objects"
                    );
                }
                _ => {}
            }
        }
        Ok(())
    });
}

#[test]
fn login_as_doctor_never_spreads_to_another_doctor() {
    check("login_as_doctor never spreads", |_, file| {
        let org = load(&file);
        let requests = every_request(&file);
        let before = answers(&org, &requests)?;
        let accesses = file.practice.clone().unwrap_or_default().accesses;
        // Every allowed practice decision rests on an access of that very pair.
        for (r, (allow, _)) in requests.iter().zip(&before) {
            if *allow && r.action.starts_with("practice.") {
                let d = resource_id(r, "doctor");
                prop_assert!(
                    accesses
                        .iter()
                        .any(|a| a.secretary == r.principal && a.doctor == d),
                    "{r:?} allowed without an access to that doctor"
                );
            }
        }
        // Granting login_as_doctor on one access changes nothing about any other pair.
        for (i, a) in accesses.iter().enumerate() {
            let mut granted = file.clone();
            let p = &mut granted.practice.as_mut().expect("practice").accesses[i];
            p.permissions.retain(|x| x.id() != "login_as_doctor");
            p.permissions
                .push(PermissionEntry::Windowed(WindowedPermission {
                    id: "login_as_doctor".to_owned(),
                    valid_from: None,
                    valid_until: None,
                }));
            let after = answers(&load(&granted), &requests)?;
            for ((r, b), x) in requests.iter().zip(&before).zip(&after) {
                let same_pair = r.principal == a.secretary
                    && r.action.starts_with("practice.")
                    && resource_id(r, "doctor") == a.doctor;
                prop_assert!(
                    same_pair || b == x,
                    "login_as_doctor of {} on {} changed {r:?} from {b:?} to {x:?}",
                    a.secretary,
                    a.doctor
                );
            }
        }
        Ok(())
    });
}

#[test]
fn a_secretary_who_is_not_active_is_denied_everything() {
    check("inactive principals are denied", |_, file| {
        let requests = every_request(&file);
        for person in file.people.iter().map(|p| p.id.clone()) {
            for status in [Status::Suspended, Status::Deleted] {
                let mut changed = file.clone();
                for p in &mut changed.people {
                    if p.id == person {
                        p.status = status;
                    }
                }
                let org = load(&changed);
                let hers: Vec<Request> = requests
                    .iter()
                    .filter(|r| r.principal == person)
                    .cloned()
                    .collect();
                for (r, (allow, _)) in hers.iter().zip(answers(&org, &hers)?) {
                    prop_assert!(!allow, "{status:?} principal allowed: {r:?}");
                }
            }
        }
        Ok(())
    });
}

/// Every way of taking one grant away from a file.
fn revocations(file: &OrgFile) -> Vec<(String, OrgFile)> {
    let mut out = Vec::new();
    let practice = file.practice.clone().unwrap_or_default();
    let net = file.network.clone().unwrap_or_default();
    for i in 0..practice.accesses.len() {
        let mut f = file.clone();
        f.practice.as_mut().expect("practice").accesses.remove(i);
        out.push((format!("access {i}"), f));
        for j in 0..practice.accesses[i].permissions.len() {
            let mut f = file.clone();
            f.practice.as_mut().expect("practice").accesses[i]
                .permissions
                .remove(j);
            out.push((format!("permission {j} of access {i}"), f));
        }
    }
    for i in 0..net.affiliations.len() {
        let mut f = file.clone();
        f.network.as_mut().expect("network").affiliations.remove(i);
        out.push((format!("affiliation {i}"), f));
    }
    for i in 0..net.profiles.len() {
        let mut f = file.clone();
        f.network.as_mut().expect("network").profiles.remove(i);
        out.push((format!("profile {i}"), f));
    }
    for (g, group) in file.groups.iter().enumerate() {
        for m in 0..group.members.len() {
            let mut f = file.clone();
            f.groups[g].members.remove(m);
            out.push((format!("member {m} of group {g}"), f));
        }
    }
    out
}

#[test]
fn revoking_an_affiliation_access_profile_or_membership_never_adds_an_allow() {
    check("revoking never adds an allow", |_, file| {
        let requests = every_request(&file);
        let before = answers(&load(&file), &requests)?;
        for (what, revoked) in revocations(&file) {
            let after = answers(&load(&revoked), &requests)?;
            for ((r, (b, _)), (a, _)) in requests.iter().zip(&before).zip(&after) {
                prop_assert!(!a || *b, "revoking {what} allowed {r:?}");
            }
        }
        Ok(())
    });
}

#[test]
fn the_view_and_single_decisions_agree() {
    check("view ⇔ decisions", |_, file| {
        let org = load(&file);
        let allowed =
            |principal: &str, action: &str, resource: Option<String>, now: Option<&str>| {
                let r = Request {
                    principal: principal.to_owned(),
                    action: action.to_owned(),
                    resource,
                    now: now.map(str::to_owned),
                    lang: None,
                };
                org.decide(&r)
                    .map(|d| (d.decision == Effect::Allow, d.audit))
                    .expect("well formed")
            };
        let net = file.network.clone().unwrap_or_default();
        for person in &file.people {
            let s = person.id.as_str();
            for now in NOWS {
                let instant = now.and_then(Instant::parse);
                let view = org
                    .view(s, instant, Lang::En)
                    .expect("a view of every person");
                // The gate module's writer writes the view as serde_json does.
                prop_assert_eq!(
                    view.to_json(),
                    serde_json::to_string(&view).expect("json"),
                    "`View::to_json` of {}",
                    s
                );
                // Practice: one account per access of hers, every item shown ⇔ allowed.
                let accesses = file.practice.clone().unwrap_or_default().accesses;
                let mine = accesses.iter().filter(|a| a.secretary == s).count();
                prop_assert_eq!(view.practice.len(), mine);
                for account in &view.practice {
                    for item in account.menu.iter().chain(&account.buttons) {
                        let (allow, audit) = allowed(s, &item.action, item.resource.clone(), now);
                        prop_assert_eq!(item.shown, allow, "{} {:?} {:?}", s, item, now);
                        prop_assert_eq!(item.audit, audit, "{} {:?} {:?}", s, item, now);
                    }
                }
                for item in view.dcc.icons.iter().chain(&view.dcc.tabs) {
                    prop_assert_eq!(item.shown, allowed(s, &item.action, None, now).0);
                }
                for c in &net.centres {
                    let add =
                        allowed(s, "dcc.patient.add", Some(format!("centre:{}", c.id)), now).0;
                    prop_assert_eq!(
                        view.dcc.patient_add.contains(&c.id),
                        add,
                        "patient.add {}",
                        c.id
                    );
                }
                // RCPs: the agenda and the déroulement list exactly the allowed ones.
                for r in &net.rcps {
                    let res = Some(format!("rcp:{}", r.id));
                    let in_agenda = view.dcc.agenda.iter().find(|x| x.id == r.id);
                    let in_run = view.dcc.session_run.iter().find(|x| x.id == r.id);
                    prop_assert_eq!(
                        in_agenda.is_some(),
                        allowed(s, "dcc.agenda.view", res.clone(), now).0,
                        "agenda {}",
                        r.id
                    );
                    prop_assert_eq!(
                        in_run.is_some(),
                        allowed(s, "dcc.session.view", res.clone(), now).0,
                        "run {}",
                        r.id
                    );
                    for x in in_agenda.into_iter().chain(in_run) {
                        prop_assert_eq!(
                            x.can_register_patient,
                            allowed(s, "dcc.rcp.register_patient", res.clone(), now).0
                        );
                    }
                }
                // Dossiers: every one shown is allowed, with its actions; every allowed one is shown.
                let shown: Vec<&secretariat_core::DossierView> = view
                    .dcc
                    .agenda
                    .iter()
                    .chain(&view.dcc.session_run)
                    .flat_map(|r| &r.dossiers)
                    .chain(&view.dcc.passages)
                    .collect();
                for d in &shown {
                    let res = Some(format!("dossier:{}", d.id));
                    prop_assert!(
                        allowed(s, "dcc.dossier.view", res.clone(), now).0,
                        "shown, not allowed: {}",
                        d.id
                    );
                    let a = d.actions;
                    prop_assert_eq!(
                        a.add_document,
                        allowed(s, "dcc.dossier.add_document", res.clone(), now).0
                    );
                    prop_assert_eq!(
                        a.unregister,
                        allowed(s, "dcc.dossier.unregister", res.clone(), now).0
                    );
                    prop_assert_eq!(
                        a.send_report,
                        allowed(s, "dcc.dossier.send_report", res.clone(), now).0
                    );
                    prop_assert_eq!(
                        a.validate,
                        allowed(s, "dcc.dossier.validate", res.clone(), now).0
                    );
                }
                for d in &net.dossiers {
                    if allowed(
                        s,
                        "dcc.dossier.view",
                        Some(format!("dossier:{}", d.id)),
                        now,
                    )
                    .0
                    {
                        prop_assert!(
                            shown.iter().any(|x| x.id == d.id),
                            "{s} may see {} at {now:?}, the view omits it",
                            d.id
                        );
                    }
                }
                // The agenda lists only her doctors' dossiers (D2).
                let doctors = her_doctors(&file, s, now);
                for r in &view.dcc.agenda {
                    for d in &r.dossiers {
                        prop_assert!(
                            d.demandeur
                                .as_ref()
                                .is_some_and(|p| doctors.contains(&p.id.as_str())),
                            "agenda dossier {} not requested by one of her doctors",
                            d.id
                        );
                    }
                }
            }
        }
        Ok(())
    });
}

/// The same file with every array reversed and rotated (people, groups and their members,
/// accesses and their permissions, centres, profiles, affiliations, RCPs and their lists,
/// dossiers, objections).
fn reordered(file: &OrgFile, turn: usize) -> OrgFile {
    fn mix<T>(v: &mut [T], turn: usize) {
        v.reverse();
        if !v.is_empty() {
            let n = turn % v.len();
            v.rotate_left(n);
        }
    }
    let mut f = file.clone();
    mix(&mut f.people, turn);
    mix(&mut f.groups, turn);
    for g in &mut f.groups {
        mix(&mut g.members, turn + 1);
    }
    if let Some(p) = f.practice.as_mut() {
        mix(&mut p.accesses, turn);
        for a in &mut p.accesses {
            mix(&mut a.permissions, turn + 2);
        }
    }
    if let Some(n) = f.network.as_mut() {
        mix(&mut n.centres, turn);
        mix(&mut n.profiles, turn + 1);
        mix(&mut n.affiliations, turn + 2);
        mix(&mut n.rcps, turn);
        for r in &mut n.rcps {
            mix(&mut r.participants, turn);
            mix(&mut r.animateurs, turn + 1);
            mix(&mut r.responsables, turn);
        }
        mix(&mut n.dossiers, turn + 3);
        mix(&mut n.patient_objections, turn);
    }
    f
}

#[test]
fn decisions_are_deterministic_and_independent_of_the_order_of_the_arrays() {
    check("order independence", |spec, file| {
        // How far the arrays rotate after being reversed, varied by the organisation's shape.
        let turn = spec.people.len() + spec.rcps.len() + spec.dossiers.len();
        let requests = every_request(&file);
        let org = load(&file);
        let first = answers(&org, &requests)?;
        prop_assert_eq!(
            &first,
            &answers(&org, &requests)?,
            "the same question twice"
        );
        let shuffled = reordered(&file, turn);
        let again = answers(&load(&shuffled), &requests)?;
        for ((r, a), b) in requests.iter().zip(&first).zip(&again) {
            prop_assert_eq!(a, b, "{:?} changes when the arrays are reordered", r);
        }
        // The view holds the same things, whatever the order they are listed in.
        for p in &file.people {
            for now in NOWS {
                let now = now.and_then(Instant::parse);
                let key = |o: &Organisation| {
                    let v = o.view(&p.id, now, Lang::En).expect("a view");
                    let mut ids: Vec<String> = v
                        .dcc
                        .agenda
                        .iter()
                        .chain(&v.dcc.session_run)
                        .flat_map(|r| r.dossiers.iter().map(|d| format!("{}/{}", r.id, d.id)))
                        .chain(v.dcc.passages.iter().map(|d| d.id.clone()))
                        .chain(v.practice.iter().flat_map(|a| {
                            a.menu
                                .iter()
                                .chain(&a.buttons)
                                .filter(|i| i.shown)
                                .map(|i| format!("{}:{}", a.doctor.id, i.id))
                                .collect::<Vec<_>>()
                        }))
                        .collect();
                    ids.sort();
                    ids
                };
                prop_assert_eq!(key(&org), key(&load(&shuffled)), "view of {}", p.id);
            }
        }
        Ok(())
    });
}

/// Retiring what an organisation holds (`remove_person`, `remove_group`, `remove_centre`,
/// `remove_rcp`) is refused while anything refers to it, and otherwise leaves a file that loads:
/// the refusal never misses a reference, and a refusal is always the edit's own (`changes[0]`),
/// never a dangling reference found by the loader afterwards.
#[test]
fn a_removal_is_refused_or_leaves_a_file_that_loads() {
    use secretariat_core::Change;
    check("removal refused or clean", |_, file| {
        let org = load(&file);
        let net = file.network.clone().unwrap_or_default();
        let removals = file
            .people
            .iter()
            .map(|p| Change::RemovePerson {
                person: p.id.clone(),
            })
            .chain(file.groups.iter().map(|g| Change::RemoveGroup {
                group: g.id.clone(),
            }))
            .chain(net.centres.iter().map(|c| Change::RemoveCentre {
                centre: c.id.clone(),
            }))
            .chain(
                net.rcps
                    .iter()
                    .map(|r| Change::RemoveRcp { rcp: r.id.clone() }),
            );
        for removal in removals {
            if let Err(e) = org.with_changes(std::slice::from_ref(&removal)) {
                let problems = e.problems();
                prop_assert!(
                    problems.iter().all(|p| p.path == "changes[0]"),
                    "{removal:?}: the loader found {problems:?}"
                );
            }
        }
        Ok(())
    });
}

/// D8, read from the raw file: `reader` is active and coordinates the centre of an RCP where
/// `doctor` is participant or animateur, or is a responsable of such an RCP.
fn d8_reader(file: &OrgFile, reader: &str, doctor: &str) -> bool {
    let Some(r) = file.people.iter().find(|p| p.id == reader) else {
        return false;
    };
    r.status == Status::Active
        && file.network.as_ref().is_some_and(|n| {
            n.rcps.iter().any(|x| {
                let sits = x
                    .participants
                    .iter()
                    .chain(&x.animateurs)
                    .any(|d| d == doctor);
                sits && (r.coordinator_of.contains(&x.centre)
                    || x.responsables.iter().any(|p| p == reader))
            })
        })
}

/// The report's rows, from the raw file: an affiliation of `doctor` to her, or to a group she is a
/// member of, in force at `now` (the report lists who is attached, whatever their status).
fn attached(file: &OrgFile, secretary: &str, doctor: &str, now: Option<&str>) -> bool {
    let member = |g: &str| {
        file.groups
            .iter()
            .any(|x| x.id == g && x.members.iter().any(|m| m == secretary))
    };
    file.network.as_ref().is_some_and(|n| {
        n.affiliations.iter().any(|a| {
            a.doctor == doctor
                && (a.secretary.as_deref() == Some(secretary)
                    || a.group.as_deref().is_some_and(member))
                && holds(&a.valid_from, &a.valid_until, now)
        })
    })
}

/// D8 never amplifies: what a reader gets from the report is exactly what she may read one doctor
/// at a time, and no more. For every person R, every doctor D and every `now`:
/// - `report(R, D)` answers rows if and only if the decision `dcc.report.secretaries` on `doctor:D`
///   allows R, and R is a D8 reader of D by the raw file; its rows are then exactly the
///   administrator's rows for D (`report_every_row(D)`);
/// - `report(R)` over every doctor is exactly the concatenation of those, so it never holds a row of
///   a doctor she may not read, and every row names a secretary attached to that doctor at `now`.
#[test]
fn the_d8_report_never_amplifies() {
    check("the D8 report never amplifies", |_, file| {
        let org = load(&file);
        let people: Vec<&str> = file.people.iter().map(|p| p.id.as_str()).collect();
        for now in NOWS {
            let instant = now.and_then(Instant::parse);
            for reader in &people {
                let mut readable = Vec::new();
                for doctor in &people {
                    let mut request = Request::new(
                        reader,
                        "dcc.report.secretaries",
                        Some(&format!("doctor:{doctor}")),
                    );
                    request.now = now.map(str::to_owned);
                    let allowed =
                        org.decide(&request).expect("well-formed").decision == Effect::Allow;
                    let got = org.report(reader, Some(doctor), instant, Lang::Fr);
                    prop_assert_eq!(got.is_ok(), allowed, "{} reads {}", reader, doctor);
                    prop_assert_eq!(allowed, d8_reader(&file, reader, doctor));
                    if let Ok(rows) = got {
                        let all = org.report_every_row(Some(doctor), instant).expect("rows");
                        prop_assert_eq!(&rows, &all);
                        readable.extend(rows);
                    }
                }
                let over_all = org.report(reader, None, instant, Lang::Fr).expect("rows");
                prop_assert_eq!(&over_all, &readable, "{} over every doctor", reader);
                for row in &over_all {
                    prop_assert!(d8_reader(&file, reader, &row.doctor_id));
                    prop_assert!(attached(&file, &row.secretary_id, &row.doctor_id, now));
                }
            }
        }
        Ok(())
    });
}

/// `text` with every renamed value replaced by its pseudonym, where it stands as a whole word
/// (not inside a longer id: `p1` in `p10`), longest first.
fn renamed(text: &str, pairs: &[(String, String)]) -> String {
    let mut pairs: Vec<&(String, String)> = pairs.iter().collect();
    pairs.sort_by_key(|(original, _)| std::cmp::Reverse(original.len()));
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    'scan: while i < text.len() {
        let rest = &text[i..];
        if !word(text[..i].chars().next_back()) {
            for (original, pseudonym) in &pairs {
                if rest.starts_with(original.as_str())
                    && !word(rest[original.len()..].chars().next())
                {
                    out.push_str(pseudonym);
                    i += original.len();
                    continue 'scan;
                }
            }
        }
        let c = rest.chars().next().expect("a char");
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Pseudonymisation changes nothing but the names: with and without people's names, every decision
/// (reasons and audit event included), every view and every finding of the copy is the original's
/// with each renamed value replaced by its pseudonym. A tenth of the cases: each asks everything
/// twice and compares texts.
#[test]
fn pseudonymising_changes_no_decision_view_or_finding() {
    let mut runner = TestRunner::new(Config {
        cases: (cases() / 10).max(10),
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy::org(), |spec| {
        let file: OrgFile = serde_json::from_value(spec.to_json()).expect("a file");
        let org = load(&file);
        let requests = every_request(&file);
        for names in [false, true] {
            let p = secretariat_core::pseudonymise(&file, "support-key", names);
            let copy = Organisation::from_file(p.file.clone())
                .map_err(|e| TestCaseError::fail(format!("the copy does not load: {e}")))?;
            let same = |what: &str, before: String, after: String| {
                let want = renamed(&before, &p.renamed);
                if want == after {
                    Ok(())
                } else {
                    Err(TestCaseError::fail(format!(
                        "{what} (names: {names}):\n  want {want}\n  got  {after}\nin {}",
                        serde_json::to_string(&file).unwrap_or_default()
                    )))
                }
            };
            for r in &requests {
                let line = serde_json::to_string(r).expect("json");
                same(
                    &line,
                    serde_json::to_string(&org.decide_line(&line, None)).expect("json"),
                    serde_json::to_string(&copy.decide_line(&renamed(&line, &p.renamed), None))
                        .expect("json"),
                )?;
            }
            for person in &file.people {
                for now in NOWS {
                    let now = now.and_then(Instant::parse);
                    let id = renamed(&person.id, &p.renamed);
                    let json = |v| serde_json::to_string(&v).expect("json");
                    same(
                        "view",
                        json(org.view(&person.id, now, Lang::Fr)),
                        json(copy.view(&id, now, Lang::Fr)),
                    )?;
                }
            }
            for now in NOWS {
                let now = now.and_then(Instant::parse);
                same(
                    "findings",
                    serde_json::to_string(&org.findings(now, Lang::En)).expect("json"),
                    serde_json::to_string(&copy.findings(now, Lang::En)).expect("json"),
                )?;
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("property `pseudonymising changes nothing but the names` fails: {e}");
    }
}
