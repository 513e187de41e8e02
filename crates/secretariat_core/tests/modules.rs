//! The core's modules form no import cycle (ARCHITECTURE.md, "one home per noun").
//!
//! Reads `src/*.rs` as text: a module depends on another when its code (before any `#[cfg(test)]`)
//! names `crate::other` or `super::other`. A cycle means two files must be read back and forth to
//! understand either; this test names the cycle so it can be cut.

use std::collections::BTreeMap;
use std::path::Path;

/// Module name → the sibling modules it names.
fn graph() -> BTreeMap<String, Vec<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut texts = BTreeMap::new();
    for entry in std::fs::read_dir(&src).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            // Unit tests may reach anywhere; only the code proper counts.
            let code = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .to_owned();
            texts.insert(name, code);
        }
    }
    let names: Vec<String> = texts.keys().filter(|n| *n != "lib").cloned().collect();
    texts
        .iter()
        .filter(|(name, _)| *name != "lib")
        .map(|(name, code)| {
            let deps = names
                .iter()
                .filter(|other| *other != name)
                .filter(|other| {
                    [format!("crate::{other}"), format!("super::{other}")]
                        .iter()
                        .any(|needle| mentions(code, needle))
                })
                .cloned()
                .collect();
            (name.clone(), deps)
        })
        .collect()
}

/// `needle` stands in `code` as a whole path segment (`crate::org` but not `crate::organisation`).
fn mentions(code: &str, needle: &str) -> bool {
    code.match_indices(needle).any(|(at, _)| {
        !code
            .get(at + needle.len()..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// The first cycle found by depth-first search, as the list of modules along it.
fn cycle(graph: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, Vec<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_owned(), 1);
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                1 => {
                    let start = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut found: Vec<String> = stack.iter().skip(start).cloned().collect();
                    found.push(next.clone());
                    return Some(found);
                }
                0 => {
                    if let Some(found) = visit(next, graph, state, stack) {
                        return Some(found);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(found) = visit(node, graph, &mut state, &mut Vec::new()) {
                return Some(found);
            }
        }
    }
    None
}

#[test]
fn the_core_has_no_module_cycle() {
    let graph = graph();
    assert!(
        graph.len() > 10,
        "the core's modules were not found: {graph:?}"
    );
    let found = cycle(&graph);
    assert!(
        found.is_none(),
        "import cycle in the core: {}",
        found.unwrap_or_default().join(" → ")
    );
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_owned(), vec!["b".to_owned()]);
    graph.insert("b".to_owned(), vec!["c".to_owned()]);
    graph.insert("c".to_owned(), vec!["a".to_owned()]);
    graph.insert("d".to_owned(), vec![]);
    assert_eq!(
        cycle(&graph),
        Some(
            vec!["a", "b", "c", "a"]
                .into_iter()
                .map(String::from)
                .collect()
        )
    );
    graph.insert("c".to_owned(), vec![]);
    assert_eq!(cycle(&graph), None);
    assert!(mentions("use crate::org::X;", "crate::org"));
    assert!(!mentions("use crate::organisation;", "crate::org"));
}
