//! Her scope answers as the whole organisation does (docs/SCOPE.md).
//!
//! On every fixture organisation and on random ones (`secretariat_gen`), for every secretary: her
//! scope, written as JSON and loaded back, gives every request with her as principal — every action
//! over every resource of the full file, at every instant a window or séance of the file turns on,
//! a second either side, and without `now` — the same decision and audit flag as the full file, the
//! same reasons where the scope holds the resource, and the same view. Where the full file errors
//! on an id it does not know, the scope denies. Her scope's JSON holds no patient id, no RPPS and
//! no other secretary.
//!
//! Random organisations: `SECRETARIAT_SCOPE_CASES` (default 1,000 in release, 100 in a debug build).
#![expect(
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly"
)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use proptest::test_runner::{Config, TestCaseError, TestRunner};
use secretariat_core::file::OrgFile;
use secretariat_core::{Effect, Instant, Lang, Organisation, Request, RequestError, Scope};
use secretariat_gen::{actions, strategy, Kind};
use serde_json::Value;

fn cases() -> u32 {
    std::env::var("SECRETARIAT_SCOPE_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 100 } else { 1_000 })
}

/// Every instant of the file (windows, séances), a second either side, and no `now`.
fn nows(file: &OrgFile) -> Vec<Option<String>> {
    let text = serde_json::to_value(file).expect("a file serialises");
    let mut instants = BTreeSet::new();
    let mut walk = vec![&text];
    while let Some(v) = walk.pop() {
        match v {
            Value::String(s) => {
                if let Some(t) = Instant::parse(s) {
                    for delta in [-1_000, 0, 1_000] {
                        instants.insert(t.millis() + delta);
                    }
                }
            }
            Value::Array(a) => walk.extend(a),
            Value::Object(o) => walk.extend(o.values()),
            _ => {}
        }
    }
    std::iter::once(None)
        .chain(
            instants
                .into_iter()
                .map(|ms| Some(Instant::from_millis(ms).to_string())),
        )
        .collect()
}

/// Every resource of the full file for an action of this kind, and one it does not have.
fn resources(file: &OrgFile, kind: Kind) -> Vec<Option<String>> {
    let mut out = common::resources(file, kind);
    let prefix = match kind {
        Kind::Doctor => "doctor",
        Kind::OptionalCentre | Kind::Centre => "centre",
        Kind::Rcp => "rcp",
        Kind::Dossier => "dossier",
    };
    out.push(Some(format!("{prefix}:nobody-knows-this-id")));
    out
}

/// Whether the scope holds the request's resource (its reasons can then be compared).
fn holds(scope: &Scope, resource: Option<&str>) -> bool {
    let Some((kind, id)) = resource.and_then(|r| r.split_once(':')) else {
        return true;
    };
    match kind {
        "doctor" => scope.people.iter().any(|p| p.id == id),
        "centre" => scope.centres.iter().any(|c| c.id == id),
        "rcp" => scope.rcps.iter().any(|r| r.id == id),
        _ => scope.dossiers.iter().any(|d| d.id() == id),
    }
}

/// The full file's sentences about `resource` without what a scope never holds: the patient id of
/// its dossier, and the name of its demandeur when he is not one of her doctors.
fn without_withheld(
    reasons: &[String],
    file: &OrgFile,
    scope: &Scope,
    resource: Option<&str>,
) -> Vec<String> {
    let net = file.network.clone().unwrap_or_default();
    let target = resource
        .and_then(|r| r.strip_prefix("dossier:"))
        .and_then(|id| net.dossiers.iter().find(|d| d.id == id));
    reasons
        .iter()
        .map(|r| {
            let Some(d) = target else {
                return r.clone();
            };
            let mut r = r.replace(&format!(" (patient {})", d.patient), "");
            let named = scope
                .dossiers
                .iter()
                .any(|x| x.id() == d.id && x.names_demandeur());
            if !named {
                if let Some(p) = file.people.iter().find(|p| p.id == d.demandeur) {
                    r = r.replace(&format!(" (demandeur : {})", p.name), "");
                    r = r.replace(&format!(" (demandeur: {})", p.name), "");
                }
            }
            r
        })
        .collect()
}

/// The full file's view without what a scope never holds: centres it does not name, patient ids,
/// demandeurs who are not her doctors.
fn view_without_withheld(view: &mut Value, scope: &Scope) {
    if let Some(centres) = view["dcc"]["centres"].as_array_mut() {
        centres.retain(|c| scope.centres.iter().any(|x| c["id"] == x.id.as_str()));
    }
    let strip = |d: &mut Value| {
        if let Some(o) = d.as_object_mut() {
            o.remove("patient");
            let id = o.get("id").cloned().unwrap_or_default();
            if !scope
                .dossiers
                .iter()
                .any(|x| id == x.id() && x.names_demandeur())
            {
                o.remove("demandeur");
            }
        }
    };
    for list in ["agenda", "session_run"] {
        for rcp in view["dcc"][list].as_array_mut().into_iter().flatten() {
            for d in rcp["dossiers"].as_array_mut().into_iter().flatten() {
                strip(d);
            }
        }
    }
    for d in view["dcc"]["passages"].as_array_mut().into_iter().flatten() {
        strip(d);
    }
}

/// The people her requests may name, read from the raw file: the doctors of her accesses, her
/// doctors (directly or through a group), and for D8 the doctors sitting in an RCP she oversees.
fn named_by_her_requests(file: &OrgFile, her: &str) -> BTreeSet<String> {
    let net = file.network.clone().unwrap_or_default();
    let mut out = BTreeSet::new();
    for a in file.practice.iter().flat_map(|p| &p.accesses) {
        if a.secretary == her {
            out.insert(a.doctor.clone());
        }
    }
    let groups: Vec<&str> = file
        .groups
        .iter()
        .filter(|g| g.members.iter().any(|m| m == her))
        .map(|g| g.id.as_str())
        .collect();
    for a in &net.affiliations {
        if a.secretary.as_deref() == Some(her)
            || a.group.as_deref().is_some_and(|g| groups.contains(&g))
        {
            out.insert(a.doctor.clone());
        }
    }
    let coordinates: Vec<&String> = file
        .people
        .iter()
        .filter(|p| p.id == her)
        .flat_map(|p| &p.coordinator_of)
        .collect();
    for r in &net.rcps {
        if coordinates.contains(&&r.centre) || r.responsables.iter().any(|x| x == her) {
            out.extend(r.participants.iter().chain(&r.animateurs).cloned());
        }
    }
    out
}

/// What her scope must not hold: any patient id, any RPPS, any other secretary — quoted JSON
/// strings, so that `p1` does not match `p10`.
fn check_privacy(
    org: &Organisation,
    file: &OrgFile,
    scope: &Scope,
    json: &str,
) -> Result<(), String> {
    let net = file.network.clone().unwrap_or_default();
    let needed = named_by_her_requests(file, &scope.for_id);
    if let Some(p) = scope
        .people
        .iter()
        .find(|p| p.id != scope.for_id && !needed.contains(&p.id))
    {
        return Err(format!(
            "`{}` in the scope of `{}`: none of her requests names him",
            p.id, scope.for_id
        ));
    }
    let quoted = |s: &str| format!("\"{s}\"");
    for d in &net.dossiers {
        if json.contains(&quoted(&d.patient)) {
            return Err(format!(
                "patient `{}` in the scope of `{}`",
                d.patient, scope.for_id
            ));
        }
    }
    for p in &net.patient_objections {
        if json.contains(&quoted(p)) {
            return Err(format!("patient `{p}` in the scope of `{}`", scope.for_id));
        }
    }
    for p in &file.people {
        if let Some(rpps) = &p.rpps {
            if json.contains(rpps.as_str()) {
                return Err(format!(
                    "RPPS of `{}` in the scope of `{}`",
                    p.id, scope.for_id
                ));
            }
        }
    }
    // Another secretary appears only as one of the doctors her requests name (an organisation may
    // make one person both); never as a secretary of hers, a group member or a profile holder.
    for other in org.secretaries() {
        if other.id == scope.for_id || needed.contains(&other.id) {
            continue;
        }
        if json.contains(&quoted(&other.id)) {
            return Err(format!(
                "secretary `{}` in the scope of `{}`",
                other.id, scope.for_id
            ));
        }
    }
    if scope.people.first().map(|p| p.id.as_str()) != Some(scope.for_id.as_str()) {
        return Err(format!(
            "the scope of `{}` does not start with her",
            scope.for_id
        ));
    }
    if scope
        .people
        .iter()
        .skip(1)
        .any(|p| p.category.is_some() || p.external.is_some())
    {
        return Err(format!(
            "the scope of `{}` holds another person's details",
            scope.for_id
        ));
    }
    Ok(())
}

/// The whole comparison on one organisation. Returns the number of requests compared.
fn equivalent(file: &OrgFile) -> Result<usize, String> {
    let org = Organisation::from_file(file.clone()).map_err(|e| e.to_string())?;
    let nows = nows(file);
    let mut count = 0;
    for secretary in org.secretaries() {
        let scope = org.scope(&secretary.id).map_err(|e| e.to_string())?;
        let json = scope.to_json();
        check_privacy(&org, file, &scope, &json)?;
        let scoped = Organisation::load(&json).map_err(|e| format!("{e}\n{json}"))?;
        // A scope of a scope is itself.
        let again = scoped.scope(&secretary.id).map_err(|e| e.to_string())?;
        if again != scope {
            return Err(format!(
                "the scope of her scope differs\n{json}\n{}",
                again.to_json()
            ));
        }
        for (action, kind) in actions() {
            for resource in resources(file, kind) {
                let held = holds(&scope, resource.as_deref());
                for now in &nows {
                    let request = Request {
                        principal: secretary.id.clone(),
                        action: action.clone(),
                        resource: resource.clone(),
                        now: now.clone(),
                        lang: None,
                    };
                    count += 1;
                    let full = org.decide(&request);
                    let part = scoped.decide(&request);
                    let context = || format!("{request:?}\nscope: {json}");
                    match (full, part) {
                        (Err(RequestError::UnknownId { .. }), Ok(d))
                            if d.decision == Effect::Deny => {}
                        (Err(a), Err(b)) if a == b => {}
                        (Ok(a), Ok(b)) => {
                            if (a.decision, a.audit, &a.audit_event)
                                != (b.decision, b.audit, &b.audit_event)
                            {
                                return Err(format!(
                                    "full: {a:?}\nscope: {b:?}\nfor {}",
                                    context()
                                ));
                            }
                            if held
                                && without_withheld(&a.reasons, file, &scope, resource.as_deref())
                                    != b.reasons
                            {
                                return Err(format!(
                                    "reasons differ\nfull: {:?}\nscope: {:?}\nfor {}",
                                    a.reasons,
                                    b.reasons,
                                    context()
                                ));
                            }
                        }
                        (a, b) => {
                            return Err(format!("full: {a:?}\nscope: {b:?}\nfor {}", context()))
                        }
                    }
                }
            }
        }
        for now in &nows {
            let now = now.as_deref().and_then(Instant::parse);
            let view = |o: &Organisation| {
                serde_json::to_value(o.view(&secretary.id, now, Lang::Fr)).expect("a view")
            };
            let mut full = view(&org);
            view_without_withheld(&mut full, &scope);
            let part = view(&scoped);
            if full != part {
                return Err(format!(
                    "views differ at {now:?}\nfull: {full:#}\nscope: {part:#}\nscope: {json}"
                ));
            }
        }
        // Anyone else asking through her scope is an error, and gets no view — her doctors, whom
        // the scope holds, included.
        let other = Request::new("someone-else", "dcc.icon.agenda", None);
        match scoped.decide(&other) {
            Err(RequestError::OtherPrincipal { .. }) => {}
            answer => return Err(format!("someone else through her scope: {answer:?}")),
        }
        for person in scope.people.iter().filter(|p| p.id != secretary.id) {
            if scoped.view(&person.id, None, Lang::Fr).is_some() {
                return Err(format!(
                    "her scope shows `{}` a view, as if it were theirs\n{json}",
                    person.id
                ));
            }
        }
    }
    Ok(count)
}

#[test]
fn every_fixture_organisation_answers_her_requests_from_her_scope() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .expect("the fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|d| d.join("org.json").is_file())
        .collect();
    dirs.sort();
    let mut total = 0;
    for dir in &dirs {
        let text = std::fs::read_to_string(dir.join("org.json")).expect("readable");
        let file: OrgFile = serde_json::from_str(&text).expect("an organisation file");
        match equivalent(&file) {
            Ok(n) => total += n,
            Err(e) => panic!("{}: {e}", dir.display()),
        }
    }
    assert!(dirs.len() >= 8, "the fixtures are found");
    eprintln!("{} fixture organisations, {total} requests", dirs.len());
}

#[test]
fn random_organisations_answer_her_requests_from_her_scope() {
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let total = std::sync::atomic::AtomicUsize::new(0);
    let result = runner.run(&strategy::org(), |spec| {
        let json = spec.to_json();
        let file: OrgFile = serde_json::from_value(json.clone()).expect("a file");
        let n = equivalent(&file).map_err(|e| TestCaseError::fail(format!("{e}\nin\n{json:#}")))?;
        total.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    eprintln!(
        "{} random organisations, {} requests",
        cases(),
        total.into_inner()
    );
}

/// The demo's scopes that `web/host-example` loads (tests/fixtures/demo/scopes) are what
/// `secretariat scope --out` writes, and `index.json` lists who has one. `UPDATE_SNAPSHOTS=1`
/// writes them again.
#[test]
fn the_demo_scopes_are_committed_as_the_cli_writes_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/demo/scopes");
    let org = Organisation::load(secretariat_core::DEMO_ORG).expect("the demo");
    let secretaries = org.secretaries();
    let mut expected = vec![(
        "index.json".to_owned(),
        serde_json::to_string(&secretaries).expect("a list") + "\n",
    )];
    for s in &secretaries {
        let scope = org.scope(&s.id).expect("her scope");
        expected.push((format!("{}.json", s.id), scope.to_json() + "\n"));
    }
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    for (name, text) in expected {
        let path = dir.join(&name);
        if update {
            std::fs::create_dir_all(&dir).expect("the folder");
            std::fs::write(&path, &text).expect("writable");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "{} is not what `secretariat scope` writes; run UPDATE_SNAPSHOTS=1 cargo test -p secretariat_core --test scope",
            path.display()
        );
    }
}
