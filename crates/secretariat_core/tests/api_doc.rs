//! docs/CORE-API.md is true of the code, both ways.
//!
//! Reads the sources as text (no rustdoc, no nightly): the public items are what `src/lib.rs`
//! re-exports (`pub use`, `pub const`), and for each re-exported type the `pub fn` and `pub const`
//! of its inherent `impl` blocks, wherever they stand in `src/`. Then:
//!
//! - every re-exported item is named in CORE-API.md, and every public method as `Type::method`,
//!   `receiver.method` with a receiver named for its type (`org` for `Organisation`, `view` for
//!   `View`, `centre` for `CentreView`), or `.method` on a line that names its type;
//! - everything CORE-API.md writes as `Type::name` (or `Type::{a, b}`) exists: a method, an
//!   associated constant or a variant of a type the core or `secretariat_sheets` defines; every
//!   `org.name(` is a method of `Organisation`; every type named in backticks exists.
//!
//! A failure lists what to add to the document or to remove from it.
#![expect(clippy::panic, reason = "a test fails loudly")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What a crate's sources define, by type: its public methods, associated constants and variants.
#[derive(Default)]
struct Defined {
    /// Every `pub struct`, `pub enum`, `pub trait` and `pub type` name.
    types: BTreeSet<String>,
    /// Type → its public methods and associated constants (inherent impls), and its variants.
    members: BTreeMap<String, BTreeSet<String>>,
    /// Type → its public methods and associated constants only (what must be documented).
    methods: BTreeMap<String, BTreeSet<String>>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `.rs` files of a crate's `src/`, recursively.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The leading identifier of `text` (`Name<'a> {` → `Name`).
fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// After a `pub fn`, `pub const fn` or `pub const` at the start of `line`, the name.
fn pub_member(line: &str) -> Option<&str> {
    ["pub fn ", "pub const fn ", "pub const "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .map(ident)
}

fn defined(dir: &Path) -> Defined {
    let mut d = Defined::default();
    for path in sources(dir) {
        let text = read(&path);
        // The code proper: unit tests are not API.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        // The type whose inherent impl or enum body the current line is in (blocks at column 0).
        let mut open: Option<(String, bool)> = None; // (type, is an enum body)
        for line in code.lines() {
            if line == "}" {
                open = None;
                continue;
            }
            if let Some((ty, is_enum)) = &open {
                let Some(inner) = line.strip_prefix("    ") else {
                    continue;
                };
                if inner.starts_with(' ') {
                    continue; // deeper: a body, a field, a match arm
                }
                if *is_enum {
                    let name = ident(inner);
                    if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                        d.members.entry(ty.clone()).or_default().insert(name.into());
                    }
                } else if let Some(name) = pub_member(inner) {
                    d.members.entry(ty.clone()).or_default().insert(name.into());
                    d.methods.entry(ty.clone()).or_default().insert(name.into());
                }
                continue;
            }
            for kind in ["pub struct ", "pub enum ", "pub trait ", "pub type "] {
                if let Some(rest) = line.strip_prefix(kind) {
                    let name = ident(rest).to_owned();
                    if kind == "pub enum " && line.ends_with('{') {
                        open = Some((name.clone(), true));
                    }
                    d.types.insert(name);
                }
            }
            if let Some(rest) = line.strip_prefix("impl") {
                let is_trait_impl = rest.contains(" for ");
                // `impl Type {`, `impl<'a> Type<'a> {`
                let rest = match rest.strip_prefix('<') {
                    Some(generic) => generic.split_once("> ").map_or("", |(_, r)| r),
                    None => rest.trim_start(),
                };
                if !is_trait_impl && line.ends_with('{') {
                    open = Some((ident(rest).to_owned(), false));
                }
            }
        }
    }
    d
}

/// What `src/lib.rs` makes public: re-exported names and the crate's own constants.
fn reexported(lib: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut statement = String::new();
    for line in lib.lines() {
        if statement.is_empty() && !line.starts_with("pub use ") {
            if let Some(rest) = line.strip_prefix("pub const ") {
                out.push(ident(rest).to_owned());
            }
            continue;
        }
        statement.push_str(line);
        if !line.trim_end().ends_with(';') {
            continue;
        }
        let names = match statement.split_once('{') {
            Some((_, list)) => list.trim_end_matches(['}', ';']).to_owned(),
            None => statement
                .trim_end_matches(';')
                .rsplit("::")
                .next()
                .unwrap_or_default()
                .to_owned(),
        };
        // `a as b` is public as `b`; `self` re-exports a module, whose items are not the core's API.
        out.extend(
            names
                .split(',')
                .map(|n| n.rsplit(" as ").next().unwrap_or_default().trim())
                .filter(|n| !n.is_empty() && *n != "self")
                .map(str::to_owned),
        );
        statement.clear();
    }
    out
}

/// `word` stands in `text` as a whole identifier.
fn names(text: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

/// Whether CORE-API.md documents method `m` of type `ty`.
fn documents_method(doc: &str, ty: &str, m: &str) -> bool {
    let dotted = |line: &str| {
        line.match_indices(&format!(".{m}")).any(|(at, s)| {
            let after = line[at + s.len()..].chars().next();
            matches!(after, Some('(' | '`' | ' ' | ',')) || after.is_none()
        })
    };
    // A receiver named for its type: `org` for an `Organisation`, `view` for a `View`, `centre` for
    // a `CentreView`.
    let lower = ty.to_lowercase();
    let receivers = [
        (ty == "Organisation").then(|| "org".to_owned()),
        Some(lower.clone()),
        lower
            .strip_suffix("view")
            .filter(|r| !r.is_empty())
            .map(str::to_owned),
    ];
    names(doc, &format!("{ty}::{m}"))
        || receivers
            .iter()
            .flatten()
            .any(|r| names(doc, &format!("{r}.{m}")))
        || doc.lines().any(|l| names(l, ty) && dotted(l))
}

/// Every `Type::name` the document writes, with `Type::{a, b(…), c { … }}` expanded.
fn paths(doc: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in doc.match_indices("::") {
        let head = &doc[..at];
        let start = head
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        let ty = &head[start..];
        if !ty.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue; // a crate or a module: `secretariat_core::pseudonymise`
        }
        let rest = &doc[at + 2..];
        if let Some(list) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for c in list.chars() {
                match c {
                    '(' | '{' => depth += 1,
                    ')' => depth -= 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push((ty.to_owned(), ident(item.trim()).to_owned()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(c);
                }
            }
            out.push((ty.to_owned(), ident(item.trim()).to_owned()));
        } else {
            out.push((ty.to_owned(), ident(rest).to_owned()));
        }
    }
    out
}

/// Capitalised words the document may put in backticks that no crate here defines: the standard
/// library's, and a title people write before a doctor's name.
const STD: &[&str] = &[
    "Dr", "Option", "Result", "Vec", "String", "Box", "Display", "Error", "Some", "None", "Ok",
    "Err", "JSON", "CSV", "BOM", "UTF", "RPPS", "RCP", "RCPs", "SHA", "HashMap", "Rc", "Arc",
    "Cow",
];

#[test]
fn core_api_md_is_true_of_the_code() {
    let root = root();
    let core = defined(&root.join("crates/secretariat_core/src"));
    let sheets = defined(&root.join("crates/secretariat_sheets/src"));
    let doc = read(&root.join("docs/CORE-API.md"));
    let lib = read(&root.join("crates/secretariat_core/src/lib.rs"));
    let public = reexported(&lib);
    assert!(
        public.len() > 50,
        "read only {} public names from lib.rs",
        public.len()
    );

    let mut missing = Vec::new();
    for name in &public {
        if !names(&doc, name) {
            missing.push(name.clone());
        }
        for m in core.methods.get(name).into_iter().flatten() {
            if !documents_method(&doc, name, m) {
                missing.push(format!("{name}::{m}"));
            }
        }
    }

    let mut stale = Vec::new();
    for (ty, name) in paths(&doc) {
        let members = core.members.get(&ty).or_else(|| sheets.members.get(&ty));
        let known_type = core.types.contains(&ty) || sheets.types.contains(&ty);
        if !known_type || !members.is_some_and(|m| m.contains(&name)) {
            stale.push(format!("{ty}::{name}"));
        }
    }
    let org = core
        .methods
        .get("Organisation")
        .cloned()
        .unwrap_or_default();
    for (at, _) in doc.match_indices("org.") {
        let name = ident(&doc[at + 4..]);
        let before = doc[..at].chars().next_back();
        if before.is_some_and(|c| !matches!(c, '`' | ' ' | '(' | '/')) || before == Some('/') {
            continue; // `dcc.org.json`, `fixtures/demo/org.json`
        }
        if !org.contains(name) {
            stale.push(format!("org.{name}"));
        }
    }
    let member = |word: &str| {
        [&core, &sheets]
            .iter()
            .any(|d| d.members.values().any(|m| m.contains(word)))
    };
    for code in doc.split('`').skip(1).step_by(2) {
        // Sheet headers (`Id;Nom`), people's names (`Dr Claire Martin`) and messages (in French or
        // with an ellipsis) are not code.
        let words = code.contains(' ') && !code.contains(|c| ":<>(){}&,".contains(c));
        if code.contains(';') || words || !code.is_ascii() {
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find(|c: char| c.is_ascii_uppercase()) {
            let before = rest[..at].chars().next_back();
            let word = ident(&rest[at..]);
            rest = &rest[at + word.len().max(1)..];
            let camel = word.chars().any(|c| c.is_ascii_lowercase());
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == ':')
                || !camel
            {
                continue; // a variant or member (checked above), or a CONSTANT or an acronym
            }
            let known = core.types.contains(word) || sheets.types.contains(word) || member(word);
            if !known && !STD.contains(&word) {
                stale.push(word.to_owned());
            }
        }
    }
    stale.sort();
    stale.dedup();

    assert!(
        missing.is_empty() && stale.is_empty(),
        "docs/CORE-API.md is not true of the code.\n\
         public in the core but not in the document ({}): {}\n\
         in the document but not in the code ({}): {}",
        missing.len(),
        missing.join(", "),
        stale.len(),
        stale.join(", ")
    );
}
