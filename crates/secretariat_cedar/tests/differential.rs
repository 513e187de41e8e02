//! The differential test: the engine and the Cedar model answer the same requests, on the fixture
//! corpus and on random organisations. On the first disagreement proptest shrinks the case and the
//! failure message prints the smallest organisation (JSON) and request it found.
//!
//! Case count: `SECRETARIAT_CASES` (default 5,000 organisations, each asked up to 40 requests);
//! `PROPTEST_CASES` works too. See docs/RELIABILITY.md, "Long runs".
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use secretariat_cedar::{validate_policies, CedarModel, Outcome};
use secretariat_core::{Effect, Organisation, Request};
use secretariat_gen::strategy;
use serde_json::Value;

fn cases() -> u32 {
    std::env::var("SECRETARIAT_CASES")
        .or_else(|_| std::env::var("PROPTEST_CASES"))
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5_000)
}

/// The engine's answer as the oracle's: `None` for an error line.
fn engine(org: &Organisation, request: &Request) -> Option<Outcome> {
    let d = org.decide(request).ok()?;
    Some(Outcome {
        allow: d.decision == Effect::Allow,
        audit: d.audit,
    })
}

/// Icons and tabs that no secretary is ever shown (D1, D5).
const NEVER_ALLOWED: [&str; 5] = [
    "dcc.icon.professional_directory",
    "dcc.icon.administration",
    "dcc.icon.infocentre",
    "dcc.tab.corresponding_doctors",
    "dcc.tab.attending_doctor",
];

#[test]
fn the_policies_type_check_against_the_schema() {
    validate_policies().unwrap();
}

fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|d| d.join("decisions.jsonl").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// The fixtures were written from the specification by hand: the Cedar model must give the same
/// answers (decision, error, audit flag) on every line.
#[test]
fn cedar_answers_the_fixture_corpus_as_expected() {
    let mut failures = Vec::new();
    let mut count = 0;
    for dir in fixture_dirs() {
        let text = std::fs::read_to_string(dir.join("org.json")).unwrap();
        let file: secretariat_core::file::OrgFile = serde_json::from_str(&text).unwrap();
        let model = CedarModel::new(&file).unwrap();
        let lines = std::fs::read_to_string(dir.join("decisions.jsonl")).unwrap();
        for (n, line) in lines
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            count += 1;
            let case: Value = serde_json::from_str(line).unwrap();
            let expect = case["expect"].as_str().unwrap_or_default().to_owned();
            let audit = case.get("audit").and_then(Value::as_bool);
            let got = match serde_json::from_value::<Request>(case.clone()) {
                Err(_) => Ok(None),
                Ok(request) => model.outcome(&request),
            };
            let ok = match (&got, expect.as_str()) {
                (Ok(None), "error") => true,
                (Ok(Some(o)), "allow") => o.allow && audit.is_none_or(|a| a == o.audit),
                (Ok(Some(o)), "deny") => !o.allow,
                _ => false,
            };
            if !ok {
                failures.push(format!(
                    "{}:{}: expected {expect}{}, Cedar says {got:?}\n  {line}",
                    dir.display(),
                    n + 1,
                    audit.map(|a| format!(" (audit {a})")).unwrap_or_default()
                ));
            }
        }
    }
    assert!(count > 300, "the fixture corpus is missing ({count} lines)");
    assert!(
        failures.is_empty(),
        "{} of {count} fixture lines answered differently by Cedar:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Random organisations and requests: the engine and Cedar agree on every decision, error and
/// audit flag.
#[test]
fn the_engine_agrees_with_cedar_on_random_organisations() {
    let asked = AtomicUsize::new(0);
    let allowed = AtomicUsize::new(0);
    let tally: Mutex<BTreeMap<String, (usize, usize)>> = Mutex::default();
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy::case(40), |(spec, requests)| {
        let json = spec.to_json();
        let org = Organisation::from_value(json.clone())
            .map_err(|e| TestCaseError::fail(format!("generated file refused: {e}\n{json:#}")))?;
        let model = CedarModel::new(org.file())
            .map_err(|e| TestCaseError::fail(format!("Cedar model refused: {e}\n{json:#}")))?;
        for r in &requests {
            let line = r.to_json(&spec);
            let request: Request = serde_json::from_value(line.clone()).expect("a request");
            let cedar = model
                .outcome(&request)
                .map_err(|e| TestCaseError::fail(format!("Cedar error: {e}\n{line}\n{json:#}")))?;
            let native = engine(&org, &request);
            asked.fetch_add(1, Ordering::Relaxed);
            let allow = native.is_some_and(|o| o.allow);
            if allow {
                allowed.fetch_add(1, Ordering::Relaxed);
            }
            if native.is_some() {
                let mut t = tally.lock().expect("tally");
                let e = t.entry(request.action.clone()).or_default();
                e.0 += 1;
                e.1 += usize::from(allow);
            }
            prop_assert!(
                native == cedar,
                "the engine says {:?}, Cedar says {:?} (None: an error line) on\n{}\nin the organisation\n{:#}",
                native,
                cedar,
                line,
                json
            );
        }
        Ok(())
    });
    let (asked, allowed) = (asked.into_inner(), allowed.into_inner());
    eprintln!(
        "differential: {} organisations, {asked} requests compared, {allowed} allowed",
        cases()
    );
    if let Err(e) = result {
        panic!("{e}");
    }
    let tally = tally.into_inner().expect("tally");
    for (action, (n, a)) in &tally {
        eprintln!("  {action:<40} {n:>7} decided {a:>7} allowed");
    }
    // Every action is reached, and every one a secretary can be given is sometimes allowed.
    let never: Vec<&String> = tally
        .iter()
        .filter(|(action, (_, a))| *a == 0 && !NEVER_ALLOWED.contains(&action.as_str()))
        .map(|(action, _)| action)
        .collect();
    assert!(
        tally.len() == secretariat_gen::actions().len() && (cases() < 500 || never.is_empty()),
        "actions never decided or never allowed: {never:?} ({} decided)",
        tally.len()
    );
    // A generator that never reaches an allow would test nothing.
    assert!(allowed * 20 > asked, "only {allowed} of {asked} allowed");
}
