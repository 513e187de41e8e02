//! Every organisation under `tests/fixtures/` (each `*/org.json`, and `sheets/*.json`) exported as sheets, imported into a blank
//! organisation and exported again gives the same sheets: what an admin exports, she can import.
//! (The report sheet is compared as a set of rows: a secretary attached to a doctor both directly and
//! through a group is one affiliation once imported.) An organisation holding a malformed RPPS (a
//! finding, B4) is refused on that cell instead. The sheets with problems are CLI cases
//! (`tests/cli/import-*.case`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::collections::BTreeSet;
use std::path::Path;

use secretariat_core::file::{OrgFile, FORMAT};
use secretariat_core::{rpps_is_well_formed, Organisation};
use secretariat_sheets::{export, import_into, Sheet, SheetKind};

fn organisations() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let org = dir.unwrap().path().join("org.json");
        if org.is_file() {
            out.push(org);
        }
    }
    // Organisations written for the sheets: names a spreadsheet would run as formulas, separators.
    for entry in std::fs::read_dir(root.join("sheets")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn every_fixture_organisation_round_trips_through_its_sheets() {
    let orgs = organisations();
    assert!(orgs.len() >= 5, "too few organisations: {orgs:?}");
    for path in orgs {
        let org = Organisation::load(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let sheets: Vec<(SheetKind, String)> = SheetKind::ALL
            .iter()
            .map(|&k| (k, export(org.file(), k)))
            .collect();
        let input: Vec<Sheet<'_>> = sheets
            .iter()
            .map(|(k, text)| Sheet {
                name: k.id(),
                bytes: text.as_bytes(),
            })
            .collect();
        let blank = OrgFile {
            format: FORMAT.to_owned(),
            ..Default::default()
        };
        let malformed = org
            .file()
            .people
            .iter()
            .any(|p| p.rpps.as_deref().is_some_and(|r| !rpps_is_well_formed(r)));
        let imported = match import_into(blank, &input) {
            Ok(file) => file,
            Err(e) if malformed => {
                assert!(
                    e.problems()
                        .iter()
                        .any(|p| p.header.as_deref() == Some("RPPS")),
                    "{}: {e}",
                    path.display()
                );
                continue;
            }
            Err(e) => panic!("{}: {e}", path.display()),
        };
        assert!(
            !malformed,
            "{}: a malformed RPPS was imported",
            path.display()
        );
        for (k, first) in &sheets {
            let again = export(&imported, *k);
            if *k == SheetKind::Secretaries {
                let rows = |t: &str| t.lines().map(str::to_owned).collect::<BTreeSet<_>>();
                assert_eq!(rows(first), rows(&again), "{}: {}", path.display(), k.id());
            } else {
                assert_eq!(first, &again, "{}: {}", path.display(), k.id());
            }
        }
    }
}
