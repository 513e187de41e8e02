//! Hostile sizes: a file past the documented limits gets a clear error, never memory or time
//! exhaustion, and deep nesting is refused (serde_json's recursion limit is 128) instead of
//! overflowing the stack.
//!
//! The inputs are large (100 MB of JSON and more), so the heavy cases run in the release stage of
//! `scripts/test` (`cargo test --release -p secretariat_core --test limits`) and are skipped by a
//! debug `cargo test`. See docs/RELIABILITY.md, "Hostile sizes".
#![expect(clippy::expect_used, reason = "a test fails loudly")]

use std::time::{Duration, Instant};

use secretariat_core::{Organisation, MAX_ENTRIES, MAX_FILE_BYTES};

/// The organisation's problems in one line, or `None` when it loads.
fn refusal(text: &str) -> Option<String> {
    Organisation::load(text).err().map(|e| e.to_string())
}

/// A file with `list` spliced in as the value of `network.<key>` (a JSON array of `n` times `item`).
fn with_network_list(key: &str, item: &str, n: usize) -> String {
    let mut text = String::with_capacity(n * (item.len() + 1) + 200);
    text.push_str(r#"{"format":"secretariat-org/1","name":"big","network":{""#);
    text.push_str(key);
    text.push_str(r#"":["#);
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        text.push_str(item);
    }
    text.push_str("]}}");
    text
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "512 MiB of input: runs in the release stage"
)]
fn a_file_past_max_file_bytes_is_refused_before_it_is_read() {
    let mut text = String::from(r#"{"format":"secretariat-org/1","name":""#);
    text.push_str(&" ".repeat(MAX_FILE_BYTES));
    text.push_str(r#""}"#);
    let started = Instant::now();
    let message = refusal(&text).expect("refused");
    assert!(
        message.contains("limit") && message.contains(&MAX_FILE_BYTES.to_string()),
        "{message}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "read before refused"
    );
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "5 million entries: runs in the release stage"
)]
fn a_list_past_max_entries_is_refused_with_its_path() {
    let text = with_network_list("centres", r#"{"id":"","name":""}"#, MAX_ENTRIES + 1);
    let message = refusal(&text).expect("refused");
    assert!(
        message.contains("network.centres") && message.contains(&MAX_ENTRIES.to_string()),
        "{}",
        message.get(..500).unwrap_or(&message)
    );
}

/// Every list of the file is bounded, nested ones too (group members, RCP participants,
/// permissions, patient objections…), not only the top-level arrays.
#[test]

fn a_nested_list_past_max_entries_is_refused() {
    let text = with_network_list("patient_objections", r#""p""#, MAX_ENTRIES + 1);
    let message = refusal(&text).expect("refused");
    assert!(
        message.contains("patient_objections"),
        "{}",
        message.get(..500).unwrap_or(&message)
    );
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    let deep = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    // Typed fields refuse an array at once; an unknown key is refused before its value is read.
    for depth in [200, 100_000] {
        for key in ["name", "unknown"] {
            let text = format!(
                r#"{{"format":"secretariat-org/1","{key}":{}}}"#,
                deep(depth)
            );
            assert!(refusal(&text).is_some(), "{key} at depth {depth}");
        }
    }
    // A request ignores unknown fields (they may carry `expect`): serde_json skips them without
    // recursing, so a deep one is simply ignored and the line is decided.
    let org = Organisation::load(secretariat_core::DEMO_ORG).expect("demo");
    let line = format!(
        r#"{{"principal":"sophie","action":"dcc.icon.agenda","note":{}}}"#,
        deep(100_000)
    );
    assert!(org
        .decide_line(&line, None)
        .starts_with(r#"{"decision":"allow""#));
    // A host that reads JSON into a `Value` first (`Organisation::from_value`) meets serde_json's
    // recursion limit of 128, an error and not a stack overflow.
    let e = serde_json::from_str::<serde_json::Value>(&deep(100_000)).expect_err("too deep");
    assert!(e.to_string().contains("recursion limit"), "{e}");
}

/// A file of `n` people, the first one a doctor, and `n - 1` entries of one kind that all name a
/// different person: affiliations, profiles, members of one group, or participants of one RCP.
fn crowded(kind: &str, n: usize) -> String {
    let mut text = String::from(r#"{"format":"secretariat-org/1","name":"big","people":["#);
    let ids: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    let list = |item: &dyn Fn(&str) -> String| -> String {
        ids.iter()
            .skip(1)
            .map(|id| item(id))
            .collect::<Vec<_>>()
            .join(",")
    };
    text.push_str(
        &ids.iter()
            .map(|id| {
                format!(r#"{{"id":"{id}","name":"","category":"secretaire","status":"active"}}"#)
            })
            .collect::<Vec<_>>()
            .join(","),
    );
    text.push(']');
    let centre = r#"{"id":"c","name":""}"#;
    match kind {
        "affiliations" => text.push_str(&format!(
            r#","network":{{"affiliations":[{}]}}"#,
            list(&|id| format!(r#"{{"doctor":"p0","secretary":"{id}"}}"#))
        )),
        "profiles" => text.push_str(&format!(
            r#","network":{{"centres":[{centre}],"profiles":[{}]}}"#,
            list(&|id| format!(r#"{{"secretary":"{id}","centre":"c"}}"#))
        )),
        "members" => text.push_str(&format!(
            r#","groups":[{{"id":"g","name":"","members":[{}]}}]"#,
            list(&|id| format!(r#""{id}""#))
        )),
        _ => text.push_str(&format!(
            r#","network":{{"centres":[{centre}],"rcps":[{{"id":"r","name":"","centre":"c","participants":[{}]}}]}}"#,
            list(&|id| format!(r#""{id}""#))
        )),
    }
    text.push('}');
    text
}

/// How long loading a crowded file of each kind takes.
fn load_times(kinds: &[&str], n: usize) -> Vec<(String, Duration)> {
    kinds
        .iter()
        .map(|kind| {
            let text = crowded(kind, n);
            let started = Instant::now();
            Organisation::load(&text).expect("loads");
            ((*kind).to_owned(), started.elapsed())
        })
        .collect()
}

/// Loading grows linearly with the file: 300,000 affiliations or profiles (~20 MB) load in well
/// under a second; a quadratic duplicate check took minutes (fixed in the core).
#[test]
#[cfg_attr(debug_assertions, ignore = "large input: runs in the release stage")]
fn loading_many_affiliations_or_profiles_takes_linear_time() {
    for (kind, took) in load_times(&["affiliations", "profiles"], 300_000) {
        assert!(took < Duration::from_secs(10), "{kind}: {took:?}");
    }
}

/// The same for one group of 300,000 members and one RCP of 300,000 participants.
#[test]

fn loading_a_huge_group_or_rcp_takes_linear_time() {
    for (kind, took) in load_times(&["members", "participants"], 300_000) {
        assert!(took < Duration::from_secs(10), "{kind}: {took:?}");
    }
}
