//! The browser edge is one file: only `src/browser.rs` names `web_sys`, `gloo`, `js_sys` or
//! `wasm_bindgen` (ARCHITECTURE.md, invariants). Everything else in the crate is plain Rust and Yew,
//! so it can be read, and most of it tested, without a page. A new browser call goes into
//! `browser.rs`; this test names the file and line that broke the rule.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::{Path, PathBuf};

/// The crates that reach the browser.
const BROWSER_CRATES: [&str; 4] = ["web_sys", "gloo", "js_sys", "wasm_bindgen"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn only_browser_rs_touches_browser_apis() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(files.len() > 10, "the sources were found under {src:?}");
    let mut found = Vec::new();
    for file in &files {
        if file.ends_with("browser.rs") {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("a source file is readable");
        for (n, line) in text.lines().enumerate() {
            // Code, not the comments that name the rule.
            let code = line.split("//").next().unwrap_or_default();
            if BROWSER_CRATES.iter().any(|c| code.contains(c)) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "browser APIs outside src/browser.rs:\n{}",
        found.join("\n")
    );
    let browser = std::fs::read_to_string(src.join("browser.rs")).expect("src/browser.rs");
    assert!(BROWSER_CRATES.iter().any(|c| browser.contains(c)));
}
