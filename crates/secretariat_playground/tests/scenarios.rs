//! Trainer mode's scenarios are checked against the engine: a scenario that tells a story the
//! engine no longer decides fails here, not in front of a class.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use std::collections::BTreeSet;

use secretariat_core::{Instant, Lang, Organisation, DEMO_ORG};
use secretariat_playground::scenarios::{SCENARIOS, SCENARIO_NOW};

#[test]
fn at_least_six_scenarios_with_distinct_ids_and_both_languages() {
    assert!(SCENARIOS.len() >= 6);
    let ids: BTreeSet<&str> = SCENARIOS.iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), SCENARIOS.len());
    for s in SCENARIOS {
        for pair in [s.title, s.question, s.answer] {
            assert!(!pair[0].is_empty() && !pair[1].is_empty(), "{}", s.id);
            assert_ne!(
                pair[0], pair[1],
                "{}: the English text is a translation",
                s.id
            );
        }
        assert!(!s.checks.is_empty(), "{}", s.id);
    }
}

#[test]
fn every_check_is_what_the_engine_decides() {
    let demo = Organisation::load(DEMO_ORG).unwrap();
    for s in SCENARIOS {
        let org = demo.with_changes(&s.changes()).unwrap();
        assert!(
            org.view(s.secretary, Instant::parse(SCENARIO_NOW), Lang::Fr)
                .is_some(),
            "{}",
            s.id
        );
        for c in s.checks {
            let d = org.decide(&s.request(c)).unwrap();
            assert_eq!(
                d.decision, c.expect,
                "{}: {} {:?} → {:?}",
                s.id, c.action, c.resource, d.reasons
            );
        }
    }
}

#[test]
fn the_departure_scenario_writes_the_request_the_seed_asks_for() {
    let demo = Organisation::load(DEMO_ORG).unwrap();
    let s = SCENARIOS.iter().find(|s| s.departure_of.is_some()).unwrap();
    let sim = demo
        .simulate(&s.changes(), Instant::parse(SCENARIO_NOW), Lang::Fr)
        .unwrap();
    let departure = sim.requests.iter().find(|r| r.kind == "departure").unwrap();
    assert!(
        departure.body.contains("Connexion en tant que médecin"),
        "{}",
        departure.body
    );
    assert!(
        departure.subject.contains("jour même"),
        "{}",
        departure.subject
    );
    assert_eq!(departure.login_as_doctor_enabled, Some(true));
}
