//! The decision corpus: every `tests/fixtures/<org>/decisions.jsonl` against its `org.json`, and
//! `../shared/spec/examples` when it sits beside the checkout. One line per case:
//! `{"principal","action","resource"?,"now"?,"expect": "allow"|"deny"|"error", "audit"?, "note"?}`.
//! Add a case by adding a line; add an organisation by adding a folder.

use std::path::{Path, PathBuf};

use secretariat_core::{Effect, Organisation, Request};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    #[serde(flatten)]
    request: Request,
    expect: String,
    audit: Option<bool>,
    note: Option<String>,
}

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
        pairs.push((shared.join("demo-org.json"), shared.join("demo-decisions.jsonl")));
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
        for (n, line) in lines.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            count += 1;
            let at = format!("{}:{}", decisions_path.display(), n + 1);
            let case: Case = match serde_json::from_str(line) {
                Ok(c) => c,
                Err(e) => {
                    failures.push(format!("{at}: unreadable case: {e}"));
                    continue;
                }
            };
            let got = org.decide(&case.request);
            let (effect, audit, reasons) = match &got {
                Ok(d) => (
                    match d.decision {
                        Effect::Allow => "allow",
                        Effect::Deny => "deny",
                    },
                    Some(d.audit),
                    d.reasons.join(" | "),
                ),
                Err(e) => ("error", None, e.to_string()),
            };
            if effect != case.expect {
                failures.push(format!(
                    "{at}: expected {}, got {effect} ({reasons}){}",
                    case.expect,
                    case.note.as_deref().map(|n| format!(" — {n}")).unwrap_or_default()
                ));
            } else if let (Some(want), Some(got)) = (case.audit, audit) {
                if want != got {
                    failures.push(format!("{at}: expected audit {want}, got {got}"));
                }
            }
            if let Ok(d) = &got {
                if d.reasons.is_empty() {
                    failures.push(format!("{at}: a decision without reasons"));
                }
            }
        }
    }
    assert!(count > 40, "only {count} cases read");
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
    eprintln!("{count} corpus cases answered as expected");
}
