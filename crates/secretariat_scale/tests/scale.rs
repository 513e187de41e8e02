//! The generated organisations load, are deterministic, and keep the focus secretary's world the
//! same as the organisation grows around her.

use secretariat_core::{Instant, Lang, Organisation};
use secretariat_scale::{generate, grown, rpps, Scale, FOCUS, NOW};

fn load(file: secretariat_core::file::OrgFile) -> Result<Organisation, String> {
    Organisation::from_file(file).map_err(|e| e.to_string())
}

#[test]
fn practice_and_district_load_without_a_problem() -> Result<(), String> {
    let practice = load(generate(Scale::Practice, 1))?;
    let file = practice.file();
    assert_eq!(file.people.iter().filter(|p| p.rpps.is_some()).count(), 5);
    load(grown(1, 1))?;
    Ok(())
}

#[test]
fn same_seed_same_file_other_seed_other_file() {
    assert_eq!(grown(9, 1), grown(9, 1));
    assert_ne!(grown(9, 1), grown(10, 1));
}

#[test]
fn every_rpps_is_well_formed_and_unique() {
    let file = grown(2, 1);
    let mut seen: Vec<&str> = file
        .people
        .iter()
        .filter_map(|p| p.rpps.as_deref())
        .collect();
    assert!(seen
        .iter()
        .all(|r| secretariat_core::rpps_is_well_formed(r)));
    let n = seen.len();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), n);
    assert!(secretariat_core::rpps_is_well_formed(&rpps(77)));
}

#[test]
fn her_world_does_not_change_when_the_organisation_grows() -> Result<(), String> {
    let now = Instant::parse(NOW);
    let small = load(grown(4, 1))?;
    let larger = load(grown(4, 3))?;
    let (Some(a), Some(b)) = (
        small.view(FOCUS, now, Lang::Fr),
        larger.view(FOCUS, now, Lang::Fr),
    ) else {
        return Err("no view of the focus secretary".into());
    };
    assert_eq!(a.practice, b.practice);
    assert_eq!(a.dcc.agenda, b.dcc.agenda);
    assert_eq!(a.dcc.session_run, b.dcc.session_run);
    assert_eq!(a.dcc.passages, b.dcc.passages);
    assert!(!a.dcc.agenda.is_empty() && !a.dcc.session_run.is_empty());
    assert!(a.practice.len() >= 2);
    assert_eq!(b.dcc.centres.len(), 12);
    Ok(())
}

#[test]
fn the_lint_finds_what_a_real_organisation_has() -> Result<(), String> {
    let org = load(grown(1, 1))?;
    let findings = org.findings(Instant::parse(NOW), Lang::En);
    let rules: std::collections::BTreeSet<&str> = findings.iter().map(|f| f.code).collect();
    // Sensitive grants, not-recommended ones and category rectifications all occur.
    assert!(findings.len() > 20, "{rules:?}");
    assert!(rules.len() >= 4, "{rules:?}");
    Ok(())
}
