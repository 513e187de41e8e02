//! Trainer mode natively: the built-in scenario file opens on the demo and agrees with the engine;
//! a trainer's file with wrong expected answers is flagged, each where it disagrees; a file that
//! cannot be read or names an unknown organisation is refused with the core's message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use std::collections::BTreeSet;

use secretariat_core::Lang;
use secretariat_playground::state::{Action, OrgSource, State};

fn fixture(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../../tests/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn open(name: &str, path: &str) -> State {
    State::new(None).reduce_owned(Action::OpenScenarios {
        name: name.to_owned(),
        text: fixture(path),
    })
}

#[test]
fn the_built_in_scenarios_run_on_the_demo_and_agree_with_the_engine() {
    let s = State::new(None);
    let t = &s.trainer.scenarios;
    assert_eq!(t.name, None);
    assert!(
        t.file.steps.len() >= 8,
        "the eight guided scenarios at least"
    );
    let ids: BTreeSet<&str> = t.file.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), t.file.steps.len(), "distinct ids");
    for step in &t.file.steps {
        for b in [&step.title, &step.question, &step.commentary] {
            assert!(!b.fr.is_empty() && !b.en.is_empty(), "{}", step.id);
            assert_ne!(b.fr, b.en, "{}: the English text is a translation", step.id);
        }
    }
    for lang in [Lang::Fr, Lang::En] {
        let report = t.check(lang);
        assert!(report.expectations >= 16);
        assert_eq!(report.disagreements, [], "{lang:?}");
    }
}

#[test]
fn a_trainers_file_with_wrong_answers_is_flagged_where_it_disagrees() {
    let s = open(
        "wrong-answers.json",
        "fixtures/scenarios/wrong-answers.json",
    );
    assert_eq!(s.trainer.error, None);
    assert_eq!(
        s.trainer.scenarios.name.as_deref(),
        Some("wrong-answers.json")
    );
    assert_eq!(
        s.trainer.scenarios.org.name(),
        "Petit cabinet",
        "the embedded organisation"
    );
    let report = s.trainer.scenarios.check(Lang::Fr);
    let steps: BTreeSet<&str> = report
        .disagreements
        .iter()
        .map(|d| d.step.as_str())
        .collect();
    assert!(!steps.contains("right"), "a right answer is not flagged");
    assert!(steps.contains("external-login"));
    assert!(report
        .disagreements
        .iter()
        .any(|d| d.path == "steps[1].expect.decisions[0]"));
    // Explanations in trainer mode are asked of the file's organisation, not the demo.
    assert_eq!(s.org_of(OrgSource::Trainer).name(), "Petit cabinet");
    // Back to the built-in file.
    let s = s.reduce_owned(Action::BuiltinScenarios);
    assert_eq!(s.trainer.scenarios.name, None);
    assert_eq!(s.trainer.scenario, 0);
}

#[test]
fn a_file_that_cannot_open_leaves_the_scenarios_and_says_why() {
    for (path, says) in [
        ("fixtures/scenarios/bad-format.json", "format"),
        (
            "fixtures/scenarios/unknown-organisation.json",
            "organisation.sha256",
        ),
    ] {
        let s = open("x.json", path);
        let e = s.trainer.error.as_deref().unwrap();
        assert!(e.starts_with("x.json: ") && e.contains(says), "{path}: {e}");
        assert_eq!(s.trainer.scenarios.name, None, "the built-in file stays");
    }
}
