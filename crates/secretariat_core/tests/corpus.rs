//! The decision corpus: every `tests/fixtures/<org>/decisions.jsonl` against its `org.json`, and
//! `../shared/spec/examples` when `../shared` sits beside the checkout (as in CI; a test below fails
//! if it is there but not read). The run states which files it read. One line per case:
//! `{"principal","action","resource"?,"now"?,"expect": "allow"|"deny"|"error", "audit"?, "note"?}`.
//! Add a case by adding a line; add an organisation by adding a folder.

use std::path::{Path, PathBuf};

use secretariat_core::{Instant, Lang, Organisation};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every (org, decisions) pair of the corpus.
fn corpus() -> Vec<(PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    let fixtures = root().join("tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    dirs.sort();
    for dir in dirs {
        let (org, decisions) = (dir.join("org.json"), dir.join("decisions.jsonl"));
        if org.is_file() && decisions.is_file() {
            pairs.push((org, decisions));
        }
    }
    let shared = root().join("../shared/spec/examples");
    if shared.join("demo-org.json").is_file() {
        pairs.push((
            shared.join("demo-org.json"),
            shared.join("demo-decisions.jsonl"),
        ));
    }
    pairs
}

#[test]
fn every_corpus_case_is_answered_as_expected() {
    let pairs = corpus();
    assert!(pairs.len() >= 2, "the corpus is missing: {pairs:?}");
    let mut failures = Vec::new();
    let mut count = 0;
    for (org_path, decisions_path) in &pairs {
        let text = std::fs::read_to_string(org_path).unwrap_or_default();
        let org = match Organisation::load(&text) {
            Ok(org) => org,
            Err(e) => {
                failures.push(format!("{}: {e}", org_path.display()));
                continue;
            }
        };
        let lines = std::fs::read_to_string(decisions_path).unwrap_or_default();
        for (n, line) in lines
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            count += 1;
            let at = format!("{}:{}", decisions_path.display(), n + 1);
            let Ok(Value::Object(mut case)) = serde_json::from_str::<Value>(line) else {
                failures.push(format!("{at}: unreadable case"));
                continue;
            };
            let expect = case
                .remove("expect")
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let audit = case.remove("audit").and_then(|v| v.as_bool());
            let note = case
                .remove("note")
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            // The line goes through the same batch path as the CLI and the npm package.
            let line = Value::Object(case.clone()).to_string();
            let answer: Value =
                serde_json::to_value(org.decide_line(&line, None)).unwrap_or_default();
            // The gate module's writer writes what serde_json writes, in both languages.
            for lang in [None, Some(Lang::En)] {
                let a = org.decide_line(&line, lang);
                if a.to_json() != serde_json::to_string(&a).unwrap_or_default() {
                    failures.push(format!("{at}: `to_json` differs from serde_json: {a:?}"));
                }
            }
            let got = answer.get("decision").and_then(Value::as_str).unwrap_or(
                if answer.get("error").is_some() {
                    "error"
                } else {
                    "?"
                },
            );
            if got != expect {
                failures.push(format!(
                    "{at}: expected {expect}, got {got}: {answer} — {note}"
                ));
                continue;
            }
            if got != "error" {
                // The gate's hot path (handles resolved once) agrees with the full decision.
                let text = |k: &str| case.get(k).and_then(Value::as_str);
                let handles = org
                    .principal(text("principal").unwrap_or_default())
                    .and_then(|p| {
                        Ok((
                            p,
                            org.gate(text("action").unwrap_or_default(), text("resource"))?,
                        ))
                    });
                let now = text("now").and_then(secretariat_core::Instant::parse);
                match handles {
                    Ok((p, g)) if org.allows(p, g, now) == (got == "allow") => {}
                    other => failures.push(format!(
                        "{at}: the gate path disagrees with decide ({other:?})"
                    )),
                }
                if let (Some(want), Some(have)) =
                    (audit, answer.get("audit").and_then(Value::as_bool))
                {
                    if want != have {
                        failures.push(format!("{at}: expected audit {want}, got {have} — {note}"));
                    }
                }
                if answer
                    .get("reasons")
                    .and_then(Value::as_array)
                    .is_none_or(Vec::is_empty)
                {
                    failures.push(format!("{at}: a decision without reasons"));
                }
                // French contracts « de le » into « du » and « à le » into « au »: where a
                // sentence meets its argument, they must not stay apart.
                let reasons = answer.get("reasons").and_then(Value::as_array);
                for reason in reasons.into_iter().flatten().filter_map(Value::as_str) {
                    let padded = format!(" {reason}");
                    if [" de le ", " à le ", " de les ", " à les "]
                        .iter()
                        .any(|w| padded.contains(w))
                    {
                        failures.push(format!("{at}: « {reason} » is not French"));
                    }
                }
            } else if answer
                .get("error")
                .and_then(Value::as_str)
                .is_none_or(str::is_empty)
            {
                failures.push(format!("{at}: an error without a message"));
            }
        }
    }
    assert!(count > 40, "only {count} cases read");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let read: Vec<String> = pairs.iter().map(|(_, d)| d.display().to_string()).collect();
    eprintln!(
        "{count} corpus cases answered as expected, from:\n  {}",
        read.join("\n  ")
    );
}

#[test]
fn the_shared_examples_join_the_corpus_when_shared_is_beside() {
    let shared = root().join("../shared/spec");
    let read = corpus()
        .iter()
        .any(|(org, _)| org.starts_with(root().join("../shared")));
    assert_eq!(
        read,
        shared.is_dir(),
        "../shared/spec is {}beside the checkout, but its examples were {}read",
        if shared.is_dir() { "" } else { "not " },
        if read { "" } else { "not " }
    );
}

#[test]
fn a_handle_from_another_organisation_is_denied() -> Result<(), String> {
    let demo = secretariat_core::DEMO_ORG;
    let a = Organisation::load(demo).map_err(|e| e.to_string())?;
    let b = Organisation::load(demo).map_err(|e| e.to_string())?;
    let p = a.principal("sophie").map_err(|e| e.to_string())?;
    let g = a
        .gate("practice.agenda", Some("doctor:dr-martin"))
        .map_err(|e| e.to_string())?;
    assert!(
        a.allows(p, g, None),
        "sophie sees dr-martin's agenda in her own organisation"
    );
    assert!(
        !b.allows(p, g, None),
        "a handle resolved on another organisation must be denied"
    );
    Ok(())
}

#[test]
fn every_view_is_written_by_to_json_as_serde_json_writes_it() -> Result<(), String> {
    let mut count = 0;
    for (org_path, decisions_path) in corpus() {
        let org = Organisation::load(&std::fs::read_to_string(&org_path).unwrap_or_default())
            .map_err(|e| format!("{}: {e}", org_path.display()))?;
        // Every `now` the cases name, and none.
        let lines = std::fs::read_to_string(&decisions_path).unwrap_or_default();
        let mut nows: Vec<Option<Instant>> = lines
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter_map(|c| {
                c.get("now")
                    .and_then(Value::as_str)
                    .and_then(Instant::parse)
            })
            .map(Some)
            .collect();
        nows.sort();
        nows.dedup();
        nows.push(None);
        let people = org.secretaries().into_iter().chain(org.doctors());
        for person in people {
            for &now in &nows {
                for lang in [Lang::Fr, Lang::En] {
                    let view = org.view(&person.id, now, lang).ok_or_else(|| {
                        format!("{}: no view of `{}`", org_path.display(), person.id)
                    })?;
                    assert_eq!(
                        view.to_json(),
                        serde_json::to_string(&view).unwrap_or_default(),
                        "{}: the view of `{}` at {now:?}",
                        org_path.display(),
                        person.id
                    );
                    count += 1;
                }
            }
        }
    }
    assert!(count > 100, "only {count} views written");
    Ok(())
}
