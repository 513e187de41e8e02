//! The invariants of ARCHITECTURE.md that are the absence of something, checked on the sources.
//!
//! - The core knows nothing of WebAssembly, JavaScript, the DOM or the terminal: its dependencies
//!   are the ones listed below, and its code names none of the words in `ABSENT`.
//! - The core never reads the clock or the environment: the same list.
//! - An `Organisation` is immutable: no public method of it takes `&mut self`.
//!
//! The sources are read as text, up to their unit tests (`#[cfg(test)]`). A new boundary is a new
//! line in a table, not new code.

use std::path::{Path, PathBuf};

/// What the core's code must not name, and the invariant it would break.
const ABSENT: &[(&str, &str)] = &[
    ("wasm_bindgen", "the core knows nothing of WebAssembly"),
    ("js_sys", "the core knows nothing of JavaScript"),
    ("web_sys", "the core knows nothing of the DOM"),
    ("println!", "the core knows nothing of the terminal"),
    ("eprintln!", "the core knows nothing of the terminal"),
    ("print!", "the core knows nothing of the terminal"),
    ("eprint!", "the core knows nothing of the terminal"),
    ("dbg!", "the core knows nothing of the terminal"),
    ("stdin", "the core knows nothing of the terminal"),
    ("stdout", "the core knows nothing of the terminal"),
    ("stderr", "the core knows nothing of the terminal"),
    ("std::process", "the core knows nothing of the terminal"),
    (
        "std::fs",
        "the core reads no file: its callers give it text",
    ),
    ("std::net", "the core makes no request"),
    (
        "SystemTime",
        "the core never reads the clock: `now` is an input",
    ),
    (
        "std::time",
        "the core never reads the clock: `now` is an input",
    ),
    (
        "UNIX_EPOCH",
        "the core never reads the clock: `now` is an input",
    ),
    ("std::env", "the core never reads the environment"),
    ("env!", "the core never reads the environment"),
];

/// The core's dependencies, all of them (ARCHITECTURE.md names each and why).
const DEPENDENCIES: &[&str] = &["serde", "serde_json", "rustc-hash", "sha2", "schemars"];

fn core() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every `src/*.rs` file, with its code up to its unit tests.
fn code() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let dir = core().join("src");
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.push((name, code.to_owned()));
        }
    }
    out.sort();
    out
}

#[test]
fn the_core_names_no_platform_clock_or_environment() {
    let files = code();
    assert!(files.len() > 20, "read only {} source files", files.len());
    let mut found = Vec::new();
    for (file, code) in &files {
        for (n, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue; // prose may name what the code does not
            }
            for (word, invariant) in ABSENT {
                let at_word = line.match_indices(word).any(|(at, _)| {
                    !line[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                if at_word {
                    found.push(format!("src/{file}:{}: `{word}`: {invariant}", n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_core_depends_on_serde_json_hashes_and_nothing_else() {
    let manifest = std::fs::read_to_string(core().join("Cargo.toml")).unwrap_or_default();
    let mut section = "";
    let mut extra = Vec::new();
    let mut seen = 0;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            section = line;
            continue;
        }
        let Some(name) = line
            .split(['=', '.', ' '])
            .next()
            .filter(|n| !n.is_empty() && !n.starts_with('#'))
        else {
            continue;
        };
        if section == "[dependencies]" || section.starts_with("[target.") {
            seen += 1;
            if !DEPENDENCIES.contains(&name) {
                extra.push(name.to_owned());
            }
        }
    }
    assert!(seen > 0, "no [dependencies] read in the core's Cargo.toml");
    assert!(
        extra.is_empty(),
        "the core depends on {extra:?}: a platform belongs in an edge crate (ARCHITECTURE.md)"
    );
}

#[test]
fn an_organisation_is_immutable() {
    let mut found = Vec::new();
    for (file, code) in code() {
        // Each `impl Organisation { … }` block (blocks at column 0).
        for block in code.split("\nimpl Organisation {\n").skip(1) {
            let block = block.split("\n}\n").next().unwrap_or_default();
            for (at, _) in block.match_indices("pub fn ") {
                let signature = &block[at..];
                let after_paren = signature.split_once('(').map_or("", |(_, rest)| rest);
                if after_paren.trim_start().starts_with("&mut self") {
                    let name = signature.lines().next().unwrap_or_default();
                    found.push(format!("src/{file}: {name}"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "an Organisation is changed by loading a new one (`with_changes`), never in place:\n{}",
        found.join("\n")
    );
}
